"""Rasa's REST channel (POST /webhooks/rest/webhook), with personal data masked on arrival.

Rasa reads the body with `request.json.get(...)`: a body that is not a JSON object, or a
message that is not text, would end in a 500 with a stack trace in the log. They are refused
here with a 400 that says what is expected.

Behind the production proxy, a message is processed within 40 s of its arrival at nginx
(`X-Request-Start: t=<seconds>`), which gives up at 45 s and tells the person to send it again.
A message still waiting or still in Rasa at that point is stopped and the person told to send it
again: processed late, it would land in the history after the messages sent since, or outlive
its conversation lock (Rasa's SQL tracker store relies on that lock: two messages of one
conversation processed at once lose one of them from the history).
"""
import asyncio
import logging
import time
from typing import Any, Dict, Optional

from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import response
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from bot.channels.masking import MaskingInput, OnNewMessage, tell

logger = logging.getLogger(__name__)

DEADLINE_SECONDS = 40.0
# Less than this left: not worth starting (the answer would come after nginx gave up).
MINIMUM_SECONDS = 3.0
TOO_LATE = (
    "Le service est très chargé : votre message n'a pas pu être traité à temps. Renvoyez-le dans un "
    "instant ; si le problème continue, appelez le {phone}."
)
RECEIVED_AT_KEY = "proxy_received_at"
EXPECTED = 'Corps attendu : un objet JSON {"sender": "…", "message": "…"}.'


def body_error(body: Any) -> Optional[str]:
    """Why this parsed JSON body cannot be a message, or None."""
    if not isinstance(body, dict):
        return EXPECTED
    if not isinstance(body.get("message", ""), (str, type(None))) or not isinstance(body.get("sender", ""), (str, type(None))):
        return "« sender » et « message » doivent être du texte. " + EXPECTED
    if not isinstance(body.get("metadata") or {}, dict):
        return "« metadata », s'il est donné, doit être un objet JSON."
    return None


def proxy_received_at(request: Request) -> Optional[float]:
    stamp = request.headers.get("X-Request-Start", "")
    try:
        return float(stamp.removeprefix("t="))
    except ValueError:
        return None


def within_deadline(on_new_message: OnNewMessage, now=time.time, deadline: float = DEADLINE_SECONDS) -> OnNewMessage:
    async def handle(message):
        received_at = (message.metadata or {}).get(RECEIVED_AT_KEY)
        if not isinstance(received_at, (int, float)):
            return await on_new_message(message)
        remaining = received_at + deadline - now()
        try:
            if remaining < MINIMUM_SECONDS:
                raise asyncio.TimeoutError
            return await asyncio.wait_for(on_new_message(message), remaining)
        except asyncio.TimeoutError:
            logger.warning("Message de %s non traité à temps (arrivé il y a %.0f s).", message.sender_id,
                           now() - received_at)
            await tell(message, TOO_LATE)
            return None

    return handle


class RestInput(MaskingInput, RasaRestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def get_metadata(self, request: Request) -> Optional[Dict[str, Any]]:
        metadata = super().get_metadata(request)
        received_at = proxy_received_at(request)
        if received_at is None:
            return metadata
        return {**(metadata or {}), RECEIVED_AT_KEY: received_at}

    def blueprint(self, on_new_message):
        webhook = super().blueprint(within_deadline(on_new_message))

        @webhook.middleware("request")
        async def refuse_malformed(request: Request):
            if request.method == "POST" and request.path.endswith("/webhook"):
                try:
                    error = body_error(request.json)
                except InvalidUsage:
                    error = "JSON invalide. " + EXPECTED
                if error:
                    return response.json({"error": error}, status=400)
            return None

        return webhook
