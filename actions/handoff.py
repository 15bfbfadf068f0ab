from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.config import get_config
from bot.handoff import service
from bot.handoff.reasons import handoff_reason, last_template, previous_bot_action


def escalate(tracker: Tracker, reason: str) -> List[Dict[Text, Any]]:
    """The handoff's request step; Rasa sends the announcement among its events to the person."""
    config, topic = get_config(), last_template(tracker.events)
    return service.request_agent(
        tracker.sender_id, tracker.get_latest_input_channel() or "inconnu", reason, config, topic=topic,
        branch=topic.split("_", 1)[0] if topic else config.branch,
    ).events


class ActionHandoff(Action):
    """Puts the conversation in the agents' queue and pauses the assistant."""

    def name(self) -> Text:
        return "action_handoff"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        return escalate(tracker, handoff_reason(intent, previous_bot_action(tracker.events)))


class ActionSessionStart(Action):
    """Rasa's session start, plus: a conversation still with an agent stays paused after the
    session expired, so the person's next message reaches the agent and not the assistant."""

    def name(self) -> Text:
        return "action_session_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        carried = [SlotSet(name, value) for name, value in tracker.slots.items()
                   if value is not None and name != "session_started_metadata"]
        return [SessionStarted(), *carried, ActionExecuted("action_listen"), *service.pause_if_open(tracker.sender_id)]
