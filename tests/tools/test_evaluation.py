"""The figures of `make eval` (`tools/evaluation.py`) on hand-computed sets, and the sets kept
apart from what the model learns."""
import json
from pathlib import Path

from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

from bot.config import PROJECT_ROOT
from bot.templates import load_templates
from bot.templates.importer import learnt_texts
from bot.text import example_key
from tools.evaluation import (HELDOUT_MODERATION, SETS, near_copies, recommended_threshold, score_moderation,
                              trust, wilson_upper)


def test_moderation_scores_on_a_hand_computed_set():
    cases = [{"label": label} for label in ("insult", "insult", "threat", "self_harm", "criticism", "none")]
    predictions = [{"route": route} for route in ("abuse", "out_of_scope", "abuse", "abuse", "abuse", "faq")]
    report = score_moderation(cases, predictions)
    assert report["abusive_recall"] == 0.75
    assert report["insult_and_threat_recall"] == 0.667
    assert report["legal_called_abuse"] == 1
    assert report["per_label"]["insult"] == {"routed_to_abuse": 0.5, "support": 2}
    assert report["per_label"]["criticism"] == {"routed_to_abuse": 1.0, "support": 1}


def test_trust_figures_on_a_hand_computed_set():
    cases = [{"route": "faq", "template": "a"}, {"route": "faq", "template": "b"}, {"route": "faq", "template": "c"},
             {"route": "faq", "template": None}, {"route": "personal_situation", "template": None}]
    predictions = [{"route": "faq", "template": "a"},  # right
                   {"route": "faq", "template": None, "offered": ["x", "b"]},  # none shown, right one offered
                   {"route": "faq", "template": "x", "offered": ["c"]},  # wrong shown: an offer does not count
                   {"route": "faq", "template": None},  # rightly none
                   {"route": "faq", "template": "y"}]  # wrong route, wrong template shown
    figures = trust(cases, predictions)
    assert figures["route_accuracy"] == 0.8
    assert figures["wrong_template"] == 0.4
    assert figures["right_template"] == 0.333
    assert figures["right_template_or_offered"] == 0.667
    assert figures["no_template_when_none"] == 1.0


def test_every_set_is_where_the_evaluation_reads_it():
    assert all(path.is_file() for path in SETS.values()) and HELDOUT_MODERATION.is_file()


def test_wilson_upper_bound_against_hand_computed_values():
    # 15 wrong of 351 at z = 1.2816: (0.045075 + 0.014032) / 1.004679 = 0.0588.
    assert wilson_upper(15 / 351, 351) == 0.059
    assert wilson_upper(0.0, 100) == 0.016  # never 0 when nothing wrong was seen on few messages
    assert wilson_upper(0.0, 0) == 1.0


def test_the_recommended_threshold_is_the_lowest_meeting_both_targets_with_the_margin():
    rows = [{"threshold": 0.8, "wrong_template_upper": 0.061, "no_template_when_none": 0.9, "without_template": 30},
            {"threshold": 0.85, "wrong_template_upper": 0.052, "no_template_when_none": 0.9, "without_template": 30},
            {"threshold": 0.9, "wrong_template_upper": 0.049, "no_template_when_none": 0.8, "without_template": 30},
            {"threshold": 0.95, "wrong_template_upper": 0.04, "no_template_when_none": 0.9, "without_template": 30}]
    assert recommended_threshold(rows) == 0.95  # 0.9 is under the target but answers too many without one
    assert recommended_threshold(rows[:3]) is None


def test_the_share_without_a_template_must_hold_with_one_question_more_answered():
    """23 of 27 is 85.2 %: one question more given a template and the target is missed."""
    at_the_edge = [{"threshold": 0.85, "wrong_template_upper": 0.048, "no_template_when_none": 23 / 27,
                    "without_template": 27},
                   {"threshold": 0.95, "wrong_template_upper": 0.034, "no_template_when_none": 24 / 27,
                    "without_template": 27}]
    assert recommended_threshold(at_the_edge) == 0.95
    assert recommended_threshold([{**at_the_edge[0], "without_template": 270,
                                   "no_template_when_none": 232 / 270}]) == 0.85


def _taught() -> list:
    """(where, text) of everything the model learns: template texts and the NLU examples."""
    taught = [(template.id, text) for template in load_templates() for text in learnt_texts(template)]
    for path in sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml")):
        taught += [(f"{path.name}: {message.get('intent')}", message.get("text"))
                   for message in RasaYAMLReader().read(path).training_examples]
    return taught


def test_no_training_example_repeats_a_message_of_the_evaluation_sets():
    """A question written into what the model learns (examples, and a template's title and answer:
    by chance, official headings are short) would be measured on what the model learnt. Only
    where it sits is printed, never the text: the test part is not to be read."""
    measured = {example_key(json.loads(line)["text"])
                for path in SETS.values() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    taught = _taught()
    repeated = sorted({where for where, text in taught if example_key(text) in measured})
    assert not repeated, f"exemples identiques à un message d'évaluation (à retirer) : {repeated}"


def test_nothing_taught_is_a_near_copy_of_a_test_question():
    """The test part is measured only: a reworded test question in what the model learns would
    make the measure flatter the model. Only where the line sits is printed, never its text."""
    test = [json.loads(line)["text"] for name in ("real_test", "real_test_chat")
            for line in SETS[name].read_text(encoding="utf-8").splitlines() if line.strip()]
    taught = _taught()
    near = sorted({taught[index][0] for index in near_copies([text for _, text in taught], test)})
    assert not near, f"lignes apprises presque identiques à une question de la partie test (à retirer) : {near}"


def test_the_near_copy_check_sees_reordered_and_reworded_copies_only():
    measured = ["Comment faire une demande de prime d'activité ?", "Quel délai pour la carte Vitale ?"]
    taught = ["faire une demande de prime d activite", "Prime d'activité : comment faire une demande ?",
              "Quel est le montant de la prime d'activité ?", "carte Vitale délai",
              "Comment faire une demande de RSA en ligne ?"]
    assert near_copies(taught, measured) == [0, 1]


def test_the_repeat_check_sees_a_repeat_whatever_the_case_accents_and_punctuation():
    assert example_key("Qu'est-ce que la  C2S ?") == example_key("qu est ce que la c2s")
    assert example_key("Où déclarer ?") == example_key("ou declarer") != example_key("ou declarer vite")
