"""The moderation figures of `make eval` (`tools/evaluation.py`) on a hand-computed set."""
from tools.evaluation import HELDOUT_MODERATION, SETS, score_moderation


def test_moderation_scores_on_a_hand_computed_set():
    cases = [{"label": label} for label in ("insult", "insult", "threat", "self_harm", "criticism", "none")]
    predictions = [{"route": route} for route in ("abuse", "out_of_scope", "abuse", "abuse", "abuse", "faq")]
    report = score_moderation(cases, predictions)
    assert report["abusive_recall"] == 0.75
    assert report["insult_and_threat_recall"] == 0.667
    assert report["legal_called_abuse"] == 1
    assert report["per_label"]["insult"] == {"routed_to_abuse": 0.5, "support": 2}
    assert report["per_label"]["criticism"] == {"routed_to_abuse": 1.0, "support": 1}


def test_every_set_is_where_the_evaluation_reads_it():
    assert all(path.is_file() for path in SETS.values()) and HELDOUT_MODERATION.is_file()
