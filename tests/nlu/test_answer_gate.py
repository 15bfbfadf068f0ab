import math

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.answer_gate import (
    CLARIFY_INTENT, NO_VALIDATED_ANSWER, PARSE_KEY, VAGUE, AnswerGate, answer_confidence, gate_decision,
    runner_up_intent,
)
from bot.nlu.router import route_for
from tests.nlu.conftest import build


def parsed(intent, template_confidences, others=("greet",)):
    ranking = [{"intent_response_key": f"faq/t{i}", "confidence": p} for i, p in enumerate(template_confidences)]
    message = Message.build(text="une question")
    message.set("intent", {"name": intent, "confidence": 0.8}, add_to_output=True)
    message.set("intent_ranking", [{"name": intent, "confidence": 0.8}] + [{"name": o, "confidence": 0.1} for o in others],
                add_to_output=True)
    message.set("response_selector", {"faq": {"response": {"intent_response_key": "faq/t0",
                                                           "confidence": template_confidences[0]},
                                              "ranking": ranking}}, add_to_output=True)
    return message


def gate(storage, context, threshold=0.3):
    return build(AnswerGate, storage, context, "gate", template_threshold=threshold)


def test_a_confident_template_is_kept(storage, context):
    [message] = gate(storage, context).process([parsed("faq", [0.6, 0.2, 0.1])])
    assert message.get("intent")["name"] == "faq" and message.get(PARSE_KEY) == {"template_confidence": 0.6}


def test_below_the_threshold_no_template_is_given_and_the_closest_are_kept(storage, context):
    [message] = gate(storage, context).process([parsed("faq", [0.2, 0.15, 0.1, 0.05])])
    assert message.get("intent")["name"] == CLARIFY_INTENT
    decision = message.get(PARSE_KEY)
    assert decision["reason"] == NO_VALIDATED_ANSWER and decision["template_confidence"] == 0.2
    assert [c["id"] for c in decision["candidates"]] == ["t0", "t1", "t2"]
    assert message.get("intent_ranking")[1]["name"] == "faq"
    parse_data = message.as_dict(only_output_properties=True)
    result = route_for("une question", parse_data, [])
    assert (result.route, result.template, result.abstained, result.best_template) == ("faq", None, NO_VALIDATED_ANSWER, "t0")


def test_other_intents_are_left_alone_whatever_the_template_confidence(storage, context):
    [message] = gate(storage, context).process([parsed("personal_situation", [0.05, 0.04])])
    assert message.get("intent")["name"] == "personal_situation" and message.get(PARSE_KEY) is None


def test_the_threshold_comes_from_the_configuration(storage, context):
    [message] = gate(storage, context, threshold=0.1).process([parsed("faq", [0.2, 0.15])])
    assert message.get("intent")["name"] == "faq"


def test_with_weights_the_templates_coverage_of_the_question_counts_with_the_confidence(storage, context):
    weights = {"intercept": -1.0, "log_confidence": 1.0, "coverage": 3.0, "rival_coverage": -2.0}
    covered, uncovered = parsed("faq", [0.9, 0.05]), parsed("faq", [0.9, 0.05])
    covered.get("response_selector")["faq"]["response"]["coverage"] = 1.0
    uncovered.get("response_selector")["faq"]["response"]["coverage"] = 0.2
    gate_ = build(AnswerGate, storage, context, "gate", template_threshold=0.8, answer_weights=weights)
    [covered, uncovered] = gate_.process([covered, uncovered])
    assert covered.get("intent")["name"] == "faq"
    assert covered.get(PARSE_KEY)["template_confidence"] == round(answer_confidence(0.9, 1.0, 0.0, weights), 4)
    assert uncovered.get("intent")["name"] == CLARIFY_INTENT
    assert uncovered.get(PARSE_KEY)["template_confidence"] == round(answer_confidence(0.9, 0.2, 0.0, weights), 4)


def test_a_rival_template_holding_the_question_as_well_lowers_the_likelihood(storage, context):
    weights = {"intercept": -1.0, "log_confidence": 1.0, "coverage": 3.0, "rival_coverage": -2.0}
    alone, rivalled = parsed("faq", [0.9, 0.05]), parsed("faq", [0.9, 0.05])
    alone.get("response_selector")["faq"]["response"].update(coverage=0.9, rival_coverage=0.1)
    rivalled.get("response_selector")["faq"]["response"].update(coverage=0.9, rival_coverage=0.9)
    gate_ = build(AnswerGate, storage, context, "gate", template_threshold=0.7, answer_weights=weights)
    [alone, rivalled] = gate_.process([alone, rivalled])
    assert alone.get("intent")["name"] == "faq" and rivalled.get("intent")["name"] == CLARIFY_INTENT
    assert rivalled.get(PARSE_KEY)["template_confidence"] == round(answer_confidence(0.9, 0.9, 0.9, weights), 4)


def test_the_likelihood_is_a_logistic_function_of_log_confidence_and_coverages():
    weights = {"intercept": -0.5, "log_confidence": 2.0, "coverage": 1.5, "rival_coverage": -1.0}
    assert math.isclose(answer_confidence(0.5, 0.4, 0.3, weights),
                        1 / (1 + math.exp(0.5 - 2.0 * math.log(0.5) - 0.6 + 0.3)))
    assert answer_confidence(0.5, None, 0.0, weights) == 0.5  # a selector that wrote no coverage: the confidence
    assert answer_confidence(0.5, 0.4, 0.3, None) == 0.5


def test_decisions():
    assert gate_decision(CLARIFY_INTENT, "faq", 0.9, 0.3) == VAGUE
    assert gate_decision("nlu_fallback", "faq", 0.9, 0.3) == NO_VALIDATED_ANSWER
    assert gate_decision("nlu_fallback", "greet", 0.0, 0.3) is None
    assert gate_decision("faq", None, 0.299, 0.3) == NO_VALIDATED_ANSWER
    assert gate_decision("faq", None, 0.3, 0.3) is None


def ranked(template_confidence, intents):
    """A general question with one template, and the intent classifier's ranking `intents`."""
    message = parsed("faq", [template_confidence])
    ranking = [{"name": name, "confidence": p} for name, p in intents]
    message.set("intent", ranking[0], add_to_output=True)
    message.set("intent_ranking", ranking, add_to_output=True)
    return message


def redirecting_gate(storage, context, ratio=0.6):
    return build(AnswerGate, storage, context, "gate", template_threshold=0.9,
                 redirect_intents=["personal_situation", "other_organisation"], redirect_ratio=ratio)


def test_a_question_without_template_close_to_a_personal_case_goes_to_the_secure_channels(storage, context):
    [message] = redirecting_gate(storage, context).process(
        [ranked(0.3, [("faq", 0.5), ("personal_situation", 0.35), ("other_organisation", 0.1)])])
    assert message.get("intent") == {"name": "personal_situation", "confidence": 0.35}
    assert [r["name"] for r in message.get("intent_ranking")] == ["personal_situation", "faq", "other_organisation"]
    assert message.get(PARSE_KEY) == {"template_confidence": 0.3}  # no abstention, no closest templates
    result = route_for("une question", message.as_dict(only_output_properties=True), [])
    assert (result.route, result.template, result.abstained) == ("personal_situation", None, None)


def test_the_closest_of_the_redirect_intents_is_taken(storage, context):
    [message] = redirecting_gate(storage, context).process(
        [ranked(0.3, [("faq", 0.5), ("other_organisation", 0.4), ("personal_situation", 0.32)])])
    assert message.get("intent")["name"] == "other_organisation"


def test_a_runner_up_too_far_from_faq_leaves_the_abstention(storage, context):
    [message] = redirecting_gate(storage, context).process(
        [ranked(0.3, [("faq", 0.5), ("personal_situation", 0.29), ("greet", 0.2)])])
    assert message.get("intent")["name"] == CLARIFY_INTENT
    assert message.get(PARSE_KEY)["reason"] == NO_VALIDATED_ANSWER


def test_a_confident_template_is_never_redirected(storage, context):
    [message] = redirecting_gate(storage, context).process(
        [ranked(0.95, [("faq", 0.5), ("personal_situation", 0.45)])])
    assert message.get("intent")["name"] == "faq" and "reason" not in message.get(PARSE_KEY)


def test_without_redirect_intents_the_gate_only_abstains(storage, context):
    [message] = gate(storage, context, threshold=0.9).process(
        [ranked(0.3, [("faq", 0.5), ("personal_situation", 0.49)])])
    assert message.get("intent")["name"] == CLARIFY_INTENT


def test_runner_up_intent():
    ranking = [{"name": "faq", "confidence": 0.5}, {"name": "personal_situation", "confidence": 0.3}]
    assert runner_up_intent(ranking, ["personal_situation"], 0.6) == {"name": "personal_situation", "confidence": 0.3}
    assert runner_up_intent(ranking, ["personal_situation"], 0.61) is None
    assert runner_up_intent(ranking, ["other_organisation"], 0.0) is None


def test_a_redirect_ratio_without_intents_is_refused(storage, context):
    with pytest.raises(ValueError, match="redirect_intents"):
        build(AnswerGate, storage, context, "gate", template_threshold=0.9, redirect_ratio=0.5)
    with pytest.raises(ValueError, match="redirect_ratio"):
        build(AnswerGate, storage, context, "gate", template_threshold=0.9, redirect_intents=["personal_situation"])


def for_a_body(template_confidence, body_confidence, intents):
    """A question with one template, the other bodies' selector sure of `travail` at `body_confidence`."""
    message = ranked(template_confidence, intents)
    selector = dict(message.get("response_selector"))
    selector["other_organisation"] = {
        "response": {"intent_response_key": "other_organisation/travail", "confidence": body_confidence},
        "ranking": [{"intent_response_key": "other_organisation/travail", "confidence": body_confidence},
                    {"intent_response_key": "other_organisation/impots", "confidence": 1 - body_confidence}]}
    message.set("response_selector", selector, add_to_output=True)
    return message


def organisation_gate(storage, context):
    return build(AnswerGate, storage, context, "gate", template_threshold=0.9,
                 redirect_intents=["personal_situation", "other_organisation"], redirect_ratio=0.5,
                 organisation_confidence=0.7, organisation_floor=0.1, organisation_template_ceiling=0.4)


def test_a_question_without_template_clearly_for_another_body_gets_its_contact(storage, context):
    [message] = organisation_gate(storage, context).process(
        [for_a_body(0.3, 0.8, [("faq", 0.8), ("other_organisation", 0.12), ("personal_situation", 0.05)])])
    assert message.get("intent") == {"name": "other_organisation", "confidence": 0.12}
    result = route_for("une question", message.as_dict(only_output_properties=True), [])
    assert (result.route, result.template, result.abstained) == ("other_organisation", None, None)


@pytest.mark.parametrize(("template", "body", "other_organisation"), [
    (0.95, 0.99, 0.5),  # a confident template is given
    (0.45, 0.99, 0.3),  # a template comes near: the question is probably for the caisse
    (0.3, 0.69, 0.3),  # the body is not clear enough
    (0.3, 0.99, 0.09),  # the intent classifier hardly thought of another body
])
def test_otherwise_the_body_selector_changes_nothing(storage, context, template, body, other_organisation):
    [message] = organisation_gate(storage, context).process(
        [for_a_body(template, body, [("faq", 0.9), ("other_organisation", other_organisation)])])
    assert message.get("intent")["name"] != "other_organisation"
