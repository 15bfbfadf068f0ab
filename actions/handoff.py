from datetime import datetime, timezone
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ConversationPaused, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.backoffice import present_agents
from bot.config import get_config
from bot.handoff.announcement import estimate_wait, handoff_announcement
from bot.handoff.queue import open_handoff, queue_position, request_handoff
from bot.handoff.reasons import handoff_reason, last_template, previous_bot_action
from bot.routing import selected_template
from bot.templates.versions import current_templates


def _escalate(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str) -> List[Dict[Text, Any]]:
    config, now = get_config(), datetime.now(timezone.utc)
    topic = last_template(tracker.events)
    handoff = request_handoff(
        tracker.sender_id, tracker.get_latest_input_channel() or "inconnu", reason, topic=topic,
        branch=topic.split("_", 1)[0] if topic else config.branch, now=now,
    )
    estimate = estimate_wait(queue_position(handoff), present_agents(), config, now)
    # `handoff` travels in the message metadata: the web widget then shows the live wait.
    dispatcher.utter_message(text=handoff_announcement(reason, estimate, config, now), handoff=handoff.status)
    # Paused, Rasa stores the person's messages but predicts nothing: they are for the agent.
    return [ConversationPaused()]


class ActionHandoff(Action):
    """Puts the conversation in the agents' queue and pauses the assistant."""

    def name(self) -> Text:
        return "action_handoff"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        return _escalate(dispatcher, tracker, handoff_reason(intent, previous_bot_action(tracker.events)))


class ActionEscalateIfNeeded(Action):
    """After a template answer: templates marked `needs_agent` also put the person in the queue."""

    def name(self) -> Text:
        return "action_escalate_if_needed"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        template_id, _ = selected_template(tracker.latest_message)
        template = next((t for t in current_templates() if t.id == template_id), None)
        if template is None or not template.needs_agent:
            return []
        return _escalate(dispatcher, tracker, "template")


class ActionSessionStart(Action):
    """Rasa's session start, plus: a conversation still with an agent stays paused after the
    session expired, so the person's next message reaches the agent and not the assistant."""

    def name(self) -> Text:
        return "action_session_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        carried = [SlotSet(name, value) for name, value in tracker.slots.items()
                   if value is not None and name != "session_started_metadata"]
        events = [SessionStarted(), *carried, ActionExecuted("action_listen")]
        if open_handoff(tracker.sender_id) is not None:
            events.append(ConversationPaused())
        return events
