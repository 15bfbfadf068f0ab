"""Facebook Messenger, configured from environment variables (never secrets in a YAML file).

FB_VERIFY_TOKEN, FB_APP_SECRET and FB_PAGE_ACCESS_TOKEN come from Meta's app settings.
Compared with Rasa's FacebookInput: the SHA-256 signature Meta recommends is checked first,
the comparison is constant-time, and a badly signed call gets 403 instead of 200.
Personal data is masked before Rasa sees the message, as on every channel, and only what a
person writes or picks reaches Rasa (`CaisseMessenger`).
FB_GRAPH_API_URL points replies at another Graph API address (a local one in tests).

Instagram messages come through the Messenger Platform in the same shape (`object: "instagram"`,
Instagram-scoped ids) to the same webhook, and are answered with the same Send API and page
token: the same handler, under the channel name "instagram" (`InstagramMessenger`).
"""
from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.facebook import FacebookInput, Messenger, MessengerBot
from fbmessenger import MessengerClient
from fbmessenger.elements import Text as FBText

from bot import texts
from bot.channels.masking import mask_incoming, tell
from bot.channels.page_comments import handle_changes
from bot.settings import get_settings
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

INSTAGRAM_OBJECT = "instagram"
SIGNATURE_HEADERS = (("X-Hub-Signature-256", hashlib.sha256), ("X-Hub-Signature", hashlib.sha1))


def is_signed_by(secret: str, body: bytes, headers: Dict[str, str]) -> bool:
    """True when the payload carries a valid HMAC of Meta's app secret."""
    if not secret:
        return False
    for header, digest in SIGNATURE_HEADERS:
        value = headers.get(header)
        if not value:
            continue
        method, _, signature = value.partition("=")
        if method != digest().name:
            return False
        expected = hmac.new(secret.encode("utf-8"), body, digest).hexdigest()
        return hmac.compare_digest(expected, signature)
    return False


class CaisseMessengerBot(MessengerBot):
    """Rasa's Messenger output, where an agent's reply outside the 24-hour window goes with the
    HUMAN_AGENT tag the console decided on. The assistant's own messages never carry it."""

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        tag = kwargs.get("messenger_tag") if kwargs.get("agent") else None
        if tag is None:
            await super().send_text_message(recipient_id, text, **kwargs)
            return
        for part in text.strip().split("\n\n"):
            self.messenger_client.send(FBText(text=part).to_dict(), recipient_id, "MESSAGE_TAG", tag=tag)


def is_our_payload(payload: Any) -> bool:
    """Our buttons' payloads are intents (`/help{...}`); any other value came from elsewhere and
    may be anything, a bare identifier included, which the detector cannot tell without words."""
    return isinstance(payload, str) and payload.startswith("/")


class CaisseMessenger(Messenger):
    """Rasa's Messenger handler, keeping only a person's text and the payload of the button
    they picked (both masked at the door; Rasa never uses postback titles or referrals).
    Rasa would send an attachment's address as the message text (a file's name often names
    the person) and log in full what it cannot handle (positions, shares): these get a fixed
    answer instead and never reach Rasa nor the log. Echoes of the page's own messages are
    ignored, as they are not the person's (Rasa would take an echoed attachment for theirs), and
    so is Instagram's notice that the person unsent a message (it has no text)."""

    async def message(self, message: Dict[Text, Any], metadata: Optional[Dict[Text, Any]]) -> None:
        if message["message"].get("is_echo") or message["message"].get("is_deleted"):
            return
        if self._is_quick_reply_message(message) and not is_our_payload(message["message"]["quick_reply"]["payload"]):
            del message["message"]["quick_reply"]  # not one of our buttons: what the person sent is its text
        if self._is_quick_reply_message(message) or self._is_user_message(message):
            await super().message(message, metadata)
            return
        logger.info("Messenger : message sans texte non lu (%d pièce(s) jointe(s)).",
                    len(message["message"].get("attachments") or []))
        output = CaisseMessengerBot(self.client)
        await tell(UserMessage(None, output, self.get_user_id(), input_channel=self.name()),
                   texts.text("messenger.not_read"))

    async def postback(self, message: Dict[Text, Any], metadata: Optional[Dict[Text, Any]]) -> None:
        if not is_our_payload(message["postback"].get("payload")):
            message["postback"]["payload"] = message["postback"].get("title") or ""  # the button's words
        await super().postback(message, metadata)


class InstagramMessenger(CaisseMessenger):
    """Instagram direct messages: Messenger's shape and Send API, told apart by the channel name
    (trackers, agents' queue, dashboard)."""

    @classmethod
    def name(cls) -> Text:
        return INSTAGRAM_OBJECT


class MessengerInput(FacebookInput):
    @classmethod
    def name(cls) -> Text:
        return "facebook"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials, settings = credentials or {}, get_settings()
        return cls(
            settings.fb_verify_token.get_secret_value() or credentials.get("verify", ""),
            settings.fb_app_secret.get_secret_value() or credentials.get("secret", ""),
            settings.fb_page_access_token.get_secret_value() or credentials.get("page-access-token", ""),
        )

    def _client(self) -> MessengerClient:
        client = MessengerClient(self.fb_access_token)
        graph_url = get_settings().fb_graph_api_url
        if graph_url:
            client.graph_url = graph_url.rstrip("/")
        return client

    def get_output_channel(self) -> MessengerBot:
        return CaisseMessengerBot(self._client())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("messenger_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            token = request.args.get("hub.verify_token") or ""
            if self.fb_verify and hmac.compare_digest(token, self.fb_verify):
                return response.text(request.args.get("hub.challenge") or "")
            logger.warning("Messenger: jeton de vérification invalide (FB_VERIFY_TOKEN).")
            return response.text("invalid verify token", status=403)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not is_signed_by(self.fb_secret, request.body, request.headers):
                logger.warning("Messenger: signature invalide, appel refusé (FB_APP_SECRET).")
                return response.text("invalid signature", status=403)
            delivery = request.json
            entries = delivery.get("entry") or []
            # Page comments are handled in the background (Meta waits a few seconds only, and Graph
            # calls may be retried for longer); Messenger's handler reads `messaging` only.
            if any("changes" in entry for entry in entries):
                request.app.add_task(handle_changes(entries, request.app.ctx.agent))
            delivery["entry"] = [entry for entry in entries if "messaging" in entry]
            handler = InstagramMessenger if request.json.get("object") == INSTAGRAM_OBJECT else CaisseMessenger
            messenger = handler(self.fb_access_token, mask_incoming(on_new_message))
            messenger.client = self._client()
            await messenger.handle(request.json, self.get_metadata(request))
            return response.text("success")

        return webhook


class InstagramInput(MessengerInput):
    """Instagram's place among Rasa's channels, so that an agent's reply, sent through Rasa's API
    to the person's latest channel, goes back through the Send API. Its deliveries come to
    Messenger's webhook (one callback URL, one signature check): no route of its own."""

    @classmethod
    def name(cls) -> Text:
        return INSTAGRAM_OBJECT

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        return Blueprint("instagram_webhook", __name__)
