"""Everything Rasa's own files load, named from one place: `config.yml`, `credentials.yml`,
`endpoints.yml` and `endpoints.production.yml` point here and nowhere else.

All of it runs in the Rasa server (`python -m bot.serve rasa`, or `rasa train` for the importer
and the NLU components); the code lives with its capability (channels, NLU, moderation,
templates, storage), so this list is the map of what that process runs:

- `config.yml` -- importer: `CaisseImporter` (answer templates become Rasa responses and
  retrieval examples); NLU: `ChatTokenizer` (tokens only where read), `TfidfIntentClassifier`,
  `TfidfTemplateSelector` (templates, then other bodies), `AnswerGate` (no answer rather than a wrong one), `ModerationGate` (the charter);
- `credentials.yml` -- channels, each masking personal data at the door: `WebChatInput` (the
  widget), `RestInput`, `MessengerInput` (Messenger, and the Facebook page's comments),
  `InstagramInput` (Instagram messages and comments);
- `endpoints*.yml` -- `LiveOrModelGenerator` (templates published since the last training, else
  the model's), and in production `ResilientSQLTrackerStore`, `BatchingSQLEventBroker`.

Rasa's `events` table itself is read by one module, `bot.storage.rasa_events`, for the
indicators, the editors' candidates and the retention purge.
"""
from bot.channels.messenger import InstagramInput, MessengerInput
from bot.channels.rest import RestInput
from bot.channels.webchat import WebChatInput
from bot.moderation.component import ModerationGate
from bot.nlu.answer_gate import AnswerGate
from bot.nlu.intent_classifier import TfidfIntentClassifier
from bot.nlu.template_selector import TfidfTemplateSelector
from bot.nlu.tokenizer import ChatTokenizer
from bot.storage.event_broker import BatchingSQLEventBroker
from bot.storage.tracker_store import ResilientSQLTrackerStore
from bot.templates.importer import CaisseImporter
from bot.templates.nlg_fallback import LiveOrModelGenerator

__all__ = [
    "AnswerGate", "BatchingSQLEventBroker", "CaisseImporter", "ChatTokenizer", "InstagramInput", "LiveOrModelGenerator",
    "MessengerInput", "ModerationGate", "ResilientSQLTrackerStore", "RestInput", "TfidfIntentClassifier",
    "TfidfTemplateSelector", "WebChatInput",
]
