from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.config import get_config
from bot.dialogue.clarify import candidate_buttons
from bot.nlu.answer_gate import PARSE_KEY, VAGUE
from bot.templates.versions import current_templates


class ActionClarify(Action):
    """No validated answer to this exact question, or a question too vague to answer: say so,
    offer the closest templates, the themes and an agent (texts in domain.yml)."""

    def name(self) -> Text:
        return "action_clarify"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        gate = tracker.latest_message.get(PARSE_KEY) or {}
        buttons = candidate_buttons(gate.get("candidates") or [], current_templates(), get_config().branches_covered)
        response = "utter_clarify" if gate.get("reason", VAGUE) == VAGUE else "utter_no_validated_answer"
        dispatcher.utter_message(response=response, buttons=buttons)
        return []
