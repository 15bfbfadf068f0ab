"""Masking at the door: every input channel masks personal data before Rasa builds the
tracker event, so the tracker store, the event broker, the logs, our tables and the agent
console only ever see the masked text. The types found (never the values) travel in the
message metadata under `personal_data`. Once Rasa has answered such a message, the door runs the
notice action (`action_masked_data_notice`: what was masked, and the secure channels) in the
conversation, through Rasa's agent and under the conversation's lock, as Rasa's HTTP API does.
Rasa's own per-message hook (`action_validate_slot_mappings`) did it before, at the cost of a
call to the action server on every message, a fifth of the Rasa servers' CPU (see `make bench`).

The door also refuses floods from one sender (`bot.channels.rate_limit`) and messages too long
to be a person's question, removes control characters (PostgreSQL refuses NUL in text, and
they mean nothing to the NLU), and turns a failure behind it (tracker store or lock store
unreachable, e.g. while PostgreSQL restarts) into a clear message: Rasa's channels would
otherwise log the error and leave the person without an answer."""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from bot.channels import rate_limit
from bot.config import get_config
from bot.personal_data import mask

logger = logging.getLogger(__name__)

METADATA_KEY = "personal_data"
NOTICE_ACTION = "action_masked_data_notice"
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
Notify = Callable[[UserMessage], Awaitable[None]]
MAX_MESSAGE_CHARS = 5000
TOO_LONG = (
    "Votre message est trop long pour être lu ici (plus de 5 000 caractères). Posez votre question "
    "en quelques phrases ; pour envoyer un document, utilisez votre espace personnel ou appelez le {phone}."
)
# C0 controls except tab and line breaks, DEL, and lone surrogates (invalid in UTF-8).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
TECHNICAL_ERROR = (
    "Une erreur technique empêche de répondre à votre message. Renvoyez-le dans un instant ; "
    "si le problème continue, appelez le {phone}."
)


@lru_cache(maxsize=1)
def default_limiter():
    """One limiter per process, shared by all channels (created on first message, not at import)."""
    return rate_limit.limiter_from_environment()


async def tell(message: UserMessage, text: str) -> None:
    """Answers the person directly from the door, on their channel ({phone}: the caisse's number)."""
    await message.output_channel.send_text_message(message.sender_id, text.format(phone=get_config().contacts.phone))


async def notify_masked_data(message: UserMessage) -> None:
    """The notice action, run in the conversation by the agent of this Rasa server."""
    agent = Sanic.get_app().ctx.agent
    async with agent.lock_store.lock(message.sender_id):
        await agent.execute_action(message.sender_id, NOTICE_ACTION, message.output_channel, policy=None,
                                   confidence=None)


def mask_incoming(on_new_message: OnNewMessage, limiter: Optional[Any] = None,
                  notify: Notify = notify_masked_data) -> OnNewMessage:
    async def handle(message: UserMessage) -> Any:
        if not await (limiter or default_limiter()).allow(f"{message.input_channel}:{message.sender_id}"):
            await tell(message, rate_limit.MESSAGE)
            return None
        if len(message.text or "") > MAX_MESSAGE_CHARS:
            await tell(message, TOO_LONG)
            return None
        if message.text:
            message.text = _UNPRINTABLE.sub(" ", message.text)
        result = mask(message.text or "")
        if result.findings:
            message.text = result.text
            message.metadata = {**(message.metadata or {}), METADATA_KEY: result.types}
        try:
            answered = await on_new_message(message)
        except Exception:  # whatever failed, the person must not be left with silence
            logger.exception("Message non traité (conversation %s).", message.sender_id)
            await tell(message, TECHNICAL_ERROR)
            return None
        if result.findings:
            try:
                await notify(message)
            except Exception as error:  # answered already; the data was masked all the same
                logger.warning("Avis de données masquées non envoyé (conversation %s) : %s.", message.sender_id,
                               type(error).__name__)
        return answered

    return handle


class MaskingInput:
    """Mixin for a Rasa InputChannel whose blueprint hands messages to `on_new_message`."""

    def blueprint(self, on_new_message: OnNewMessage):
        return super().blueprint(mask_incoming(on_new_message))  # type: ignore[misc]
