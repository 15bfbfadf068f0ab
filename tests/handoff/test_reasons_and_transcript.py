from datetime import datetime, timedelta, timezone

from bot.config import load_config
from bot.handoff.reasons import handoff_reason, last_template, previous_bot_action
from bot.handoff.transcript import messenger_window, transcript

CONFIG = load_config(environ={})


def user(text, intent="faq", template=None, timestamp=0.0):
    parse = {"intent": {"name": intent}}
    if template:
        parse["response_selector"] = {"faq": {"response": {"intent_response_key": f"faq/{template}",
                                                             "confidence": 0.9}}}
    return {"event": "user", "text": text, "parse_data": parse, "timestamp": timestamp}


def test_reason_from_intent_and_previous_bot_action():
    assert handoff_reason("complaint", None) == "complaint"
    assert handoff_reason("nlu_fallback", "utter_ask_rephrase") == "fallback"
    assert handoff_reason("ask_human", "utter_feedback_sorry") == "not_useful"
    assert handoff_reason("affirm", "utter_feedback_sorry") == "not_useful"
    assert handoff_reason("ask_human", "utter_faq") == "asked"


def test_previous_bot_action_and_topic_from_events():
    events = [
        user("c quoi l'apl", template="caf_logement_apl"),
        {"event": "action", "name": "utter_faq"},
        {"event": "action", "name": "action_listen"},
        user("/feedback", intent="feedback"),
        {"event": "action", "name": "utter_feedback_sorry"},
        {"event": "action", "name": "action_listen"},
        user("oui", intent="affirm"),
    ]
    assert previous_bot_action(events) == "utter_feedback_sorry"
    assert last_template(events) == "caf_logement_apl"


def test_an_action_undone_is_not_the_previous_bot_action():
    events = [
        user("aide svp mon mail c'est [EMAIL]", intent="nlu_fallback"),
        {"event": "action", "name": "utter_ask_rephrase"},
        {"event": "action", "name": "action_listen"},
        {"event": "action", "name": "action_masked_data_notice"},
        {"event": "bot", "text": "Pour protéger vos données, j'ai masqué une adresse e-mail…"},
        {"event": "undo"},
        user("toujours pas", intent="nlu_fallback"),
    ]
    assert previous_bot_action(events) == "utter_ask_rephrase"


def test_transcript_tells_person_bot_agent_and_notices_apart():
    events = [
        user("bonjour", intent="greet", timestamp=1.0),
        {"event": "bot", "text": "Bonjour !", "timestamp": 2.0, "metadata": {}},
        {"event": "bot", "text": "Camille a rejoint la conversation.", "timestamp": 3.0,
         "metadata": {"system": "taken"}},
        {"event": "bot", "text": "Je regarde.", "timestamp": 4.0, "metadata": {"agent": "Camille"}},
        {"event": "action", "name": "action_listen", "timestamp": 5.0},
    ]
    assert [(line.author, line.name) for line in transcript(events)] == [
        ("person", None), ("bot", None), ("system", None), ("agent", "Camille")]


def test_messenger_window():
    now = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
    assert messenger_window("socketio", now - timedelta(days=3), CONFIG, now).tag is None
    inside = messenger_window("facebook", now - timedelta(hours=2), CONFIG, now)
    assert inside.tag is None and inside.can_send
    tagged = messenger_window("facebook", now - timedelta(hours=30), CONFIG, now)
    assert tagged.tag == "HUMAN_AGENT" and tagged.warning and tagged.can_send
    assert not messenger_window("facebook", now - timedelta(days=8), CONFIG, now).can_send


def test_the_window_warnings_name_the_conversations_network():
    now = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
    for ago in (timedelta(hours=30), timedelta(days=8)):
        messenger = messenger_window("facebook", now - ago, CONFIG, now).warning
        instagram = messenger_window("instagram", now - ago, CONFIG, now).warning
        assert "Messenger" in messenger and "Instagram" not in messenger
        assert "Instagram" in instagram and "Messenger" not in instagram
