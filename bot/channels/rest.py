"""Rasa's REST channel (POST /webhooks/rest/webhook), with personal data masked on arrival."""
from rasa.core.channels.rest import RestInput as RasaRestInput

from bot.channels.masking import MaskingInput


class RestInput(MaskingInput, RasaRestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"
