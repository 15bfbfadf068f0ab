"""Rasa's REST channel (POST /webhooks/rest/webhook), with personal data masked on arrival.

There is no conversation without an owner (`bot.channels.ownership`): a client first opens one
(POST /webhooks/rest/conversations, which answers `sender` and `proof`), then sends each message
with that `sender` and its proof (header X-Conversation-Proof, or `proof` in the body). A sender
of another format is refused with a 400, a missing or wrong proof with a 403, before any work.
The route lives on this channel's blueprint, so that a REST client needs only the Rasa address,
and the conversations opened count in the same per-address limit as the widget's
(`bot.channels.rate_limit.address_limits`).

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

from bot import texts
from bot.channels import ownership, rate_limit
from bot.channels.masking import MaskingInput, OnNewMessage, tell

logger = logging.getLogger(__name__)

DEADLINE_SECONDS = 40.0
# Less than this left: not worth starting (the answer would come after nginx gave up).
MINIMUM_SECONDS = 3.0
RECEIVED_AT_KEY = "proxy_received_at"
CONVERSATIONS_ROUTE = "/conversations"
EXPECTED = 'Corps attendu : un objet JSON {"sender": "…", "message": "…"}.'
OPEN_FIRST = (
    "Ouvrez une conversation : POST /webhooks/rest/conversations renvoie « sender » et "
    "« proof » ; envoyez ensuite ce « sender » avec sa preuve, dans l'en-tête X-Conversation-Proof "
    "ou dans le champ « proof » du corps."
)


def body_error(body: Any) -> Optional[str]:
    """Why this parsed JSON body cannot be a message, or None."""
    if not isinstance(body, dict):
        return EXPECTED
    if not isinstance(body.get("message", ""), (str, type(None))) or not isinstance(body.get("sender", ""), (str, type(None))):
        return "« sender » et « message » doivent être du texte. " + EXPECTED
    if not isinstance(body.get("metadata") or {}, dict):
        return "« metadata », s'il est donné, doit être un objet JSON."
    return None


def conversations_url(webhook_url: str) -> str:
    """Where a REST client opens a conversation, next to the webhook (…/webhooks/rest/webhook)."""
    return webhook_url.rsplit("/", 1)[0] + CONVERSATIONS_ROUTE


def sender_error(sender: Optional[str]) -> Optional[str]:
    """Why this sender cannot be a conversation id issued by the server, or None."""
    if not sender:
        return "« sender » manquant. " + OPEN_FIRST
    if not ownership.is_conversation_id(sender):
        return "« sender » n'est pas un identifiant de conversation donné par le serveur. " + OPEN_FIRST
    return None


def refusal(request: Request) -> Optional[response.HTTPResponse]:
    """The answer to a message that must not reach Rasa (malformed, not proved), or None."""
    try:
        body = request.json
        error = body_error(body)
    except InvalidUsage:
        error = "JSON invalide. " + EXPECTED
    if error:
        return response.json({"error": error}, status=400)
    error = sender_error(body.get("sender"))
    if error:
        return response.json({"error": error}, status=400)
    proof = request.headers.get(ownership.PROOF_HEADER) or body.get("proof")
    if not ownership.is_proved(body["sender"], proof):
        return response.json({"error": f"{ownership.NOT_PROVED} {OPEN_FIRST}"}, status=403)
    return None


def address_of(request: Request) -> str:
    return rate_limit.client_address(request.ip, request.headers.get("X-Forwarded-For"))


def too_many(key: str) -> response.HTTPResponse:
    return response.json({"error": texts.text(key)}, status=429)


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
            await tell(message, texts.text("door.too_late"))
            return None

    return handle


class RestInput(MaskingInput, RasaRestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def _extract_input_channel(self, request: Request) -> str:
        """Always "rest": Rasa would take the body's `input_channel`, letting a client pass for the
        widget or Messenger (in the indicators, the handoff records, the agents' replies) and get
        a fresh per-sender bucket of the rate limit with each new name."""
        return self.name()

    def get_metadata(self, request: Request) -> Optional[Dict[str, Any]]:
        metadata = super().get_metadata(request)
        received_at = proxy_received_at(request)
        if received_at is None:
            return metadata
        return {**(metadata or {}), RECEIVED_AT_KEY: received_at}

    def blueprint(self, on_new_message):
        ownership.secret()  # no secret: the server does not start
        webhook = super().blueprint(within_deadline(on_new_message))

        @webhook.route(CONVERSATIONS_ROUTE, methods=["POST"])
        async def open_conversation(request: Request):
            if not await rate_limit.address_limits().allow_new_conversation(address_of(request)):
                return too_many("door.too_many_conversations")
            conversation = ownership.new_conversation()
            return response.json({"sender": conversation.id, "proof": conversation.proof}, status=201)

        @webhook.middleware("request")
        async def refuse_unowned(request: Request):
            if request.method == "POST" and request.path.endswith("/webhook"):
                refused = refusal(request)
                if refused is not None:
                    return refused
                if not await rate_limit.address_limits().allow_message(address_of(request)):
                    return too_many("door.too_many_messages")
            return None

        return webhook
