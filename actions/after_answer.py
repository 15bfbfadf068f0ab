from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import escalate
from bot.dialogue.legal_notice import SHORT_NOTICE, legal_notice_due
from bot.nlu.parse import selected_template
from bot.templates.versions import published_template


class ActionAfterAnswer(Action):
    """After a template answer, in one call to the action server (each call carries the whole
    conversation): the legal notice the first time in the conversation, and, for the templates
    marked `needs_agent`, the agents' queue."""

    def name(self) -> Text:
        return "action_after_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if legal_notice_due(tracker.events):
            dispatcher.utter_message(response=SHORT_NOTICE)
        template_id, _ = selected_template(tracker.latest_message)
        template = published_template(template_id) if template_id else None
        if template is None or not template.needs_agent:
            return []
        return escalate(tracker, "template")
