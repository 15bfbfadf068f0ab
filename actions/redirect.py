from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.config import get_config
from bot.dialogue.redirect import other_organisation_message


class ActionOtherOrganisation(Action):
    """Questions for bodies outside social security: who handles them and how to reach them."""

    def name(self) -> Text:
        return "action_other_organisation"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        dispatcher.utter_message(text=other_organisation_message(text, get_config()))
        return []
