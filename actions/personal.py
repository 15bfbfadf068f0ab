from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.channels.masking import METADATA_KEY
from bot.config import get_config
from bot.dialogue import masked_data_notice, secure_path_message, situation_topic
from bot.templates.versions import current_templates
from bot.routing import selected_template
from bot.templates.importer import response_name

TEMPLATE_CONFIDENCE = 0.5


class ActionValidateSlotMappings(Action):
    """Rasa runs this hook on every user message, before predicting: the one place where a
    message can be followed, whatever its intent, by "here is what was masked and why"."""

    def name(self) -> Text:
        return "action_validate_slot_mappings"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        types = (tracker.latest_message.get("metadata") or {}).get(METADATA_KEY) or []
        if not types:
            return [SlotSet("masked_data", None)] if tracker.get_slot("masked_data") else []
        dispatcher.utter_message(text=masked_data_notice(types, get_config().contacts))
        return [SlotSet("masked_data", sorted(types))]


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
        return []
