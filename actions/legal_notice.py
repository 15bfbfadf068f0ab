from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.dialogue.legal_notice import SHORT_NOTICE, legal_notice_due


class ActionLegalNotice(Action):
    """After an answer: the legal notice, the first time in the conversation only."""

    def name(self) -> Text:
        return "action_legal_notice"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if legal_notice_due(tracker.events):
            dispatcher.utter_message(response=SHORT_NOTICE)
        return []
