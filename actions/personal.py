from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionReverted
from rasa_sdk.executor import CollectingDispatcher

from bot.channels.masking import METADATA_KEY, NOTICE_ACTION
from bot.config import get_config
from bot.dialogue import masked_data_notice, secure_path_message, situation_topic
from bot.dialogue.legal_notice import SHORT_NOTICE, legal_notice_due
from bot.templates.versions import current_templates
from bot.nlu.parse import selected_template
from bot.templates.responses import response_name

TEMPLATE_CONFIDENCE = 0.5


class ActionMaskedDataNotice(Action):
    """Run by the channels' door after the answer to a message where personal data was masked,
    whatever its intent: what was masked and why. `ActionReverted` takes the action out of the
    dialogue state (its message stays in the conversation): the rules that look at what came
    before the next message still see the turn it follows."""

    def name(self) -> Text:
        return NOTICE_ACTION

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        types = (tracker.latest_message.get("metadata") or {}).get(METADATA_KEY) or []
        notice = masked_data_notice(types, get_config().contacts)
        if notice:
            dispatcher.utter_message(text=notice)
        return [ActionReverted()]


class ActionSecurePath(Action):
    """After "I cannot see your file here": the precise secure path, and the general rule."""

    def name(self) -> Text:
        return "action_secure_path"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        config = get_config()
        template_id, confidence = selected_template(tracker.latest_message)
        if (confidence or 0) < TEMPLATE_CONFIDENCE:
            template_id = None
        template = next((t for t in current_templates() if t.id == template_id), None)
        contacts = config.contacts_for(template.branch) if template else config.contacts
        topic = situation_topic(tracker.latest_message.get("text") or "")
        dispatcher.utter_message(text=secure_path_message(topic, contacts))
        if template:
            dispatcher.utter_message(response=response_name(template.id))
            if legal_notice_due(tracker.events):
                dispatcher.utter_message(response=SHORT_NOTICE)
        return []
