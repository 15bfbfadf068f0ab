from bot.dialogue import parse_feedback

FAQ_ANSWER = {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_faq/caf_logement_apl"}}
OTHER_ANSWER = {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_greet"}}


def test_button_vote_names_its_template():
    entities = [{"entity": "useful", "value": "oui"}, {"entity": "template_id", "value": "caf_rsa_demande"}]
    assert parse_feedback(entities, [FAQ_ANSWER]) == ("caf_rsa_demande", True)


def test_typed_opinion_is_about_the_last_template_answer():
    assert parse_feedback([{"entity": "useful", "value": "non"}], [FAQ_ANSWER, OTHER_ANSWER]) == ("caf_logement_apl", False)


def test_no_opinion_no_vote():
    assert parse_feedback([], [FAQ_ANSWER]) is None
    assert parse_feedback([{"entity": "useful", "value": "peut-être"}], [FAQ_ANSWER]) is None
