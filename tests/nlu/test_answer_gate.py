from rasa.shared.nlu.training_data.message import Message

from bot.nlu.answer_gate import CLARIFY_INTENT, NO_VALIDATED_ANSWER, PARSE_KEY, VAGUE, AnswerGate, gate_decision
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
    assert message.get("intent")["name"] == "faq" and message.get(PARSE_KEY) is None


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


def test_decisions():
    assert gate_decision(CLARIFY_INTENT, "faq", 0.9, 0.3) == VAGUE
    assert gate_decision("nlu_fallback", "faq", 0.9, 0.3) == NO_VALIDATED_ANSWER
    assert gate_decision("nlu_fallback", "greet", 0.0, 0.3) is None
    assert gate_decision("faq", None, 0.299, 0.3) == NO_VALIDATED_ANSWER
    assert gate_decision("faq", None, 0.3, 0.3) is None
