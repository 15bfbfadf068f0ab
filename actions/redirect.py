from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.dialogue.redirect import FALLBACK, MIN_ORGANISATION_CONFIDENCE, chosen_organisation, response_name


class ActionOtherOrganisation(Action):
    """Questions for bodies outside social security: the body the NLU recognised and how to reach
    it, or the general pointer when it is unsure."""

    def name(self) -> Text:
        return "action_other_organisation"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        key, confidence = chosen_organisation(tracker.latest_message)
        if confidence < MIN_ORGANISATION_CONFIDENCE:
            key = FALLBACK
        dispatcher.utter_message(response=response_name(key))
        return []
