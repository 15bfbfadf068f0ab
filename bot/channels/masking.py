"""Masking at the door: every input channel masks personal data before Rasa builds the
tracker event, so the tracker store, the event broker, the logs, our tables and the agent
console only ever see the masked text. The types found (never the values) travel in the
message metadata under `personal_data`."""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage

from bot.personal_data import mask

METADATA_KEY = "personal_data"
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def mask_incoming(on_new_message: OnNewMessage) -> OnNewMessage:
    async def handle(message: UserMessage) -> Any:
        result = mask(message.text or "")
        if result.findings:
            message.text = result.text
            message.metadata = {**(message.metadata or {}), METADATA_KEY: result.types}
        return await on_new_message(message)

    return handle


class MaskingInput:
    """Mixin for a Rasa InputChannel whose blueprint hands messages to `on_new_message`."""

    def blueprint(self, on_new_message: OnNewMessage):
        return super().blueprint(mask_incoming(on_new_message))  # type: ignore[misc]
