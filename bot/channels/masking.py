"""Masking at the door: every input channel masks personal data before Rasa builds the
tracker event, so the tracker store, the event broker, the logs, our tables and the agent
console only ever see the masked text. The types found (never the values) travel in the
message metadata under `personal_data`.

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

from bot.channels import rate_limit
from bot.config import get_config
from bot.personal_data import mask

logger = logging.getLogger(__name__)

METADATA_KEY = "personal_data"
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
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


def mask_incoming(on_new_message: OnNewMessage, limiter: Optional[Any] = None) -> OnNewMessage:
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
            return await on_new_message(message)
        except Exception:  # whatever failed, the person must not be left with silence
            logger.exception("Message non traité (conversation %s).", message.sender_id)
            await tell(message, TECHNICAL_ERROR)
            return None

    return handle


class MaskingInput:
    """Mixin for a Rasa InputChannel whose blueprint hands messages to `on_new_message`."""

    def blueprint(self, on_new_message: OnNewMessage):
        return super().blueprint(mask_incoming(on_new_message))  # type: ignore[misc]
