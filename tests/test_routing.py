from bot.evaluation import score, score_moderation
from bot.routing import route_for


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


def test_moderation_scores_on_a_hand_computed_set():
    cases = [{"label": label} for label in ("insult", "insult", "threat", "self_harm", "criticism", "none")]
    predictions = [{"route": route} for route in ("abuse", "out_of_scope", "abuse", "abuse", "abuse", "faq")]
    report = score_moderation(cases, predictions)
    assert report["abusive_recall"] == 0.75
    assert report["insult_and_threat_recall"] == 0.667
    assert report["legal_called_abuse"] == 1
    assert report["per_label"]["insult"] == {"routed_to_abuse": 0.5, "support": 2}
    assert report["per_label"]["criticism"] == {"routed_to_abuse": 1.0, "support": 1}


def test_selected_template_reads_the_response_selector():
    from bot.routing import selected_template

    assert selected_template(parse("faq", template="cpam_x", template_confidence=0.4)) == ("cpam_x", 0.4)
    assert selected_template(parse("greet")) == (None, None)


def test_expected_ids_of_merged_templates_count_for_the_template_that_replaced_them():
    cases = [{"text": "a", "route": "faq", "template": "caf_old"}]
    predictions = [{"route": "faq", "template": "caf_new"}]
    assert score(cases, predictions)["template_top1_accuracy"] == 0.0
    assert score(cases, predictions, {"caf_old": "caf_new"})["template_top1_accuracy"] == 1.0
