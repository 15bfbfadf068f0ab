from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import texts
from bot.config import get_config
from bot.dialogue import Menu
from bot.dialogue.legal_notice import SHORT_NOTICE, legal_notice_due
from bot.templates.versions import current_templates
from bot.templates.responses import response_name


class ActionMenu(Action):
    """Themes, then a theme's questions, then the chosen answer (payload /help{...})."""

    def name(self) -> Text:
        return "action_menu"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        menu = Menu(current_templates(), get_config().branches_covered)
        template_id = next(tracker.get_latest_entity_values("template_id"), None)
        theme = next(tracker.get_latest_entity_values("theme"), None)
        if template_id and menu.find(template_id):
            dispatcher.utter_message(response=response_name(template_id))
            if legal_notice_due(tracker.events):
                dispatcher.utter_message(response=SHORT_NOTICE)
        elif theme and menu.template_buttons(theme):
            dispatcher.utter_message(text=texts.text("menu.questions"), buttons=menu.template_buttons(theme))
        else:
            dispatcher.utter_message(text=texts.text("menu.themes"), buttons=menu.theme_buttons())
        return []
