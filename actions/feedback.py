from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.dialogue import parse_feedback
from bot.storage import record_feedback


class ActionStoreFeedback(Action):
    """Stores the vote; the rules then thank or offer another way (domain responses)."""

    def name(self) -> Text:
        return "action_store_feedback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        vote = parse_feedback(tracker.latest_message.get("entities", []), tracker.events)
        if vote is not None:
            template_id, useful = vote
            record_feedback(tracker.sender_id, template_id, useful, tracker.get_latest_input_channel())
        # Reset, so that the same vote given again is a new slot event the rules can see.
        return [SlotSet("useful", None)]
