"""Routes of parsed messages and their score against the expected ones (`bot.nlu.router`)."""
from bot.nlu.router import HELDOUT, load_heldout, route_for, score


def parse(intent, confidence=0.9, template=None, template_confidence=0.8):
    data = {"intent": {"name": intent, "confidence": confidence}}
    if template:
        data["response_selector"] = {"faq": {"response": {
            "intent_response_key": f"faq/{template}", "confidence": template_confidence}}}
    return data


def test_faq_route_carries_the_template():
    result = route_for("apl etudiant ?", parse("faq", template="caf_logement_etudiant"), [])
    assert (result.route, result.template, result.template_confidence) == ("faq", "caf_logement_etudiant", 0.8)


def test_intents_map_to_routes():
    assert route_for("t", parse("ask_human"), []).route == "human"
    assert route_for("t", parse("greet"), []).route == "smalltalk"
    assert route_for("t", parse("nlu_fallback"), []).route == "out_of_scope"
    assert route_for("[NIR]", parse("share_personal_data"), ["NIR"]).route == "personal_data"
    assert route_for("[NIR]", parse("share_personal_data"), ["NIR"]).personal_data == ["NIR"]


def test_scores_on_a_hand_computed_set():
    cases = [
        {"text": "a", "route": "faq", "template": "t1"},
        {"text": "b", "route": "faq", "template": "t2"},
        {"text": "c", "route": "human", "template": None},
        {"text": "d", "route": "smalltalk", "template": None},
    ]
    predictions = [
        {"route": "faq", "template": "t1"},
        {"route": "faq", "template": "t3"},
        {"route": "faq", "template": "t1"},
        {"route": "smalltalk", "template": None},
    ]
    report = score(cases, predictions)
    assert report["route_accuracy"] == 0.75
    assert report["template_top1_accuracy"] == 0.5
    assert report["per_route"]["faq"] == {"precision": 0.667, "recall": 1.0, "support": 2}
    assert report["per_route"]["human"] == {"precision": None, "recall": 0.0, "support": 1}
    assert report["route_confusions"] == [{"expected": "human", "predicted": "faq", "count": 1}]


def test_expected_ids_of_merged_templates_count_for_the_template_that_replaced_them():
    cases = [{"text": "a", "route": "faq", "template": "caf_old"}]
    predictions = [{"route": "faq", "template": "caf_new"}]
    assert score(cases, predictions)["template_top1_accuracy"] == 0.0
    assert score(cases, predictions, {"caf_old": "caf_new"})["template_top1_accuracy"] == 1.0


def test_the_held_out_messages_the_retraining_check_scores_are_found():
    cases = load_heldout()
    assert HELDOUT.parent.name == "evaluation", "never under data/, which Rasa trains on"
    assert len(cases) > 100 and all({"text", "route"} <= case.keys() for case in cases)
