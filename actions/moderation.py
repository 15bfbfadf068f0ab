from datetime import datetime, timezone
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ConversationPaused
from rasa_sdk.executor import CollectingDispatcher

from bot.config import get_config
from bot.dialogue.moderation import abuse_count, block_notice, charter_reminder, self_harm_message
from bot.handoff import service
from bot.moderation.flags import flag_conversation

URGENT_PRIORITY = {"self_harm": 2, "threat": 1}


class ActionModerate(Action):
    """The graded answer of the usage charter: reminders, then a pause and a moderator's alert;
    threats and self-harm go to an agent at once, first in the queue."""

    def name(self) -> Text:
        return "action_moderate"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        config, now = get_config(), datetime.now(timezone.utc)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        channel = tracker.get_latest_input_channel()
        if intent in URGENT_PRIORITY:
            if intent == "self_harm":
                dispatcher.utter_message(text=self_harm_message(config))
            else:
                flag_conversation(tracker.sender_id, "threat", "urgent", channel, now=now)
            return service.request_agent(tracker.sender_id, channel or "inconnu", "urgent", config,
                                         priority=URGENT_PRIORITY[intent], now=now).events
        category = ((tracker.latest_message.get("moderation") or {}).get("category")) or "insult"
        if abuse_count(tracker.events) <= config.moderation.reminders_before_block:
            dispatcher.utter_message(text=charter_reminder(config))
            return []
        flag_conversation(tracker.sender_id, category, "high", channel,
                          block_minutes=config.moderation.block_minutes, now=now)
        dispatcher.utter_message(text=block_notice(config))
        return [ConversationPaused()]
