from tools.answer_weights import as_predictions, fit_weights
from tools.evaluation import FINE_THRESHOLDS, recommended_threshold, sweep


def synthetic_dev():
    """Right best templates cover the question, wrong ones (and those of questions without a
    template) do not, and a next template covers it as well as a wrong one; the confidence is the
    same for all, so only the coverages can tell them apart."""
    cases, inputs = [], []
    for index in range(40):
        right = index % 2 == 0
        cases.append({"route": "faq", "template": "t_right" if right or index % 4 == 1 else None})
        inputs.append({"template": "t_right" if right else "t_other", "confidence": 0.9,
                       "coverage": 0.9 if right else 0.2,
                       "rival_coverage": 0.1 if right else 0.6, "general": True})
    cases.append({"route": "personal_situation", "template": None})
    inputs.append({"template": "t_other", "confidence": 0.99, "coverage": 1.0, "rival_coverage": 0.0, "general": False})
    return cases, inputs


def test_the_weights_learn_that_a_covered_question_is_rightly_answered():
    weights = fit_weights(*synthetic_dev())
    assert weights["coverage"] > 1.0 and weights["rival_coverage"] < -1.0


def test_only_general_questions_are_shown_a_template_and_the_rule_keeps_the_covered_ones():
    cases, inputs = synthetic_dev()
    predictions = as_predictions(inputs, fit_weights(cases, inputs))
    assert predictions[-1]["route"] == "other" and predictions[-1]["template"] is None
    threshold = recommended_threshold(sweep(cases, predictions, FINE_THRESHOLDS))
    shown = [p["best_template"] for p in predictions if p["route"] == "faq" and p["best_confidence"] >= threshold]
    assert shown == ["t_right"] * 20
