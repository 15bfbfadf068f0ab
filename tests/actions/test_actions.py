"""The actions translate between Rasa and `bot/`: run with Rasa SDK's own tracker and dispatcher."""
import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.clarify import ActionClarify
from actions.after_answer import ActionAfterAnswer
from actions.menu import ActionMenu
from actions.redirect import ActionOtherOrganisation
from bot.dialogue.menu import theme_key
from bot.templates import load_templates

TEMPLATE = next(t for t in load_templates() if t.branch == "caf")


def tracker(latest_message=None, events=()):
    return Tracker("essai", {}, latest_message or {}, list(events), False, None, None, "action_listen")


def run(action, **tracker_parts):
    dispatcher = CollectingDispatcher()
    assert action.run(dispatcher, tracker(**tracker_parts), {}) == []
    return dispatcher.messages


def bot(utter_action):
    return {"event": "bot", "text": "…", "metadata": {"utter_action": utter_action}}


@pytest.fixture(autouse=True)
def templates_database(database, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", str(database.url))


def test_the_legal_notice_follows_the_first_answer_only():
    first = [{"event": "session_started"}, bot(f"utter_faq/{TEMPLATE.id}")]
    assert [m["response"] for m in run(ActionAfterAnswer(), events=first)] == ["utter_legal_notice_short"]
    later = first + [bot("utter_legal_notice_short"), bot(f"utter_faq/{TEMPLATE.id}")]
    assert run(ActionAfterAnswer(), events=later) == []


def test_a_template_marked_needs_agent_also_puts_the_person_in_the_queue(database):
    from bot.handoff.queue import open_handoff

    marked = next(t for t in load_templates() if t.needs_agent)
    answered = {"intent": {"name": "faq"}, "response_selector": {"faq": {"response": {
        "intent_response_key": f"faq/{marked.id}", "confidence": 0.9}}}}
    events = [{"event": "session_started"}, {"event": "user", "text": "…", "input_channel": "socketio"},
              bot(f"utter_faq/{marked.id}")]
    dispatcher = CollectingDispatcher()
    queued = ActionAfterAnswer().run(dispatcher, tracker(answered, events), {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_legal_notice_short"]
    assert [event["event"] for event in queued] == ["bot", "pause"]
    assert open_handoff("essai", database).reason == "template"
    unmarked = next(t for t in load_templates() if not t.needs_agent)
    plain = {**answered, "response_selector": {"faq": {"response": {
        "intent_response_key": f"faq/{unmarked.id}", "confidence": 0.9}}}}
    assert ActionAfterAnswer().run(CollectingDispatcher(), tracker(plain, events), {}) == []


def test_another_body_is_named_when_the_nlu_is_sure_enough():
    def chosen(key, confidence):
        message = {"response_selector": {"other_organisation": {"response": {
            "intent_response_key": f"other_organisation/{key}", "confidence": confidence}}}}
        return [m["response"] for m in run(ActionOtherOrganisation(), latest_message=message)]

    assert chosen("impots", 0.8) == ["utter_other_organisation/impots"]
    assert chosen("impots", 0.1) == ["utter_other_organisation/fallback"]


def test_no_validated_answer_offers_the_closest_templates_then_themes_and_an_agent():
    gate = {"reason": "no_validated_answer", "candidates": [{"id": TEMPLATE.id, "confidence": 0.6}]}
    [message] = run(ActionClarify(), latest_message={"answer_gate": gate})
    assert message["response"] == "utter_no_validated_answer"
    assert message["buttons"][0]["title"] == TEMPLATE.title and len(message["buttons"]) == 3
    [vague] = run(ActionClarify(), latest_message={"answer_gate": {"reason": "vague", "candidates": []}})
    assert vague["response"] == "utter_clarify" and len(vague["buttons"]) == 2


def test_the_menu_goes_from_themes_to_questions_to_the_answer():
    [themes] = run(ActionMenu())
    assert themes["text"].startswith("Voici les thèmes") and themes["buttons"]
    entities = [{"entity": "theme", "value": theme_key(TEMPLATE)}]
    [questions] = run(ActionMenu(), latest_message={"entities": entities})
    assert questions["text"].startswith("Voici les questions fréquentes")
    assert TEMPLATE.title in [b["title"] for b in questions["buttons"]]
    chosen = run(ActionMenu(), latest_message={"entities": [{"entity": "template_id", "value": TEMPLATE.id}]},
                 events=[{"event": "session_started"}])
    assert [m["response"] for m in chosen] == [f"utter_faq/{TEMPLATE.id}", "utter_legal_notice_short"]


def test_asking_for_an_agent_returns_the_request_step_to_rasa(database):
    from actions.handoff import ActionHandoff, ActionSessionStart
    from bot.handoff.queue import open_handoff

    asked = tracker({"intent": {"name": "ask_human"}},
                    [{"event": "user", "text": "un conseiller", "input_channel": "socketio"}])
    announcement, pause = ActionHandoff().run(CollectingDispatcher(), asked, {})
    assert announcement["event"] == "bot" and announcement["metadata"] == {"handoff": "waiting"}
    assert pause == {"event": "pause"}
    assert open_handoff("essai", database).channel == "socketio"
    started = ActionSessionStart().run(CollectingDispatcher(), tracker(), {})
    assert [event["event"] for event in started] == ["session_started", "action", "pause"]


def test_a_threat_goes_first_in_the_queue_and_pauses_the_assistant(database):
    from actions.moderation import ActionModerate
    from bot.handoff.queue import open_handoff

    dispatcher = CollectingDispatcher()
    events = ActionModerate().run(dispatcher, tracker({"intent": {"name": "threat"}}), {})
    assert [event["event"] for event in events] == ["bot", "pause"] and dispatcher.messages == []
    assert (open_handoff("essai", database).reason, open_handoff("essai", database).priority) == ("urgent", 1)
