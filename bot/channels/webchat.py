"""The chat widget of the caisse's web page, on Rasa's socket.io channel."""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput

from bot.channels.masking import MaskingInput

# Message metadata the widget needs: an agent's name, a handoff notice, a handoff's status.
FORWARDED_KEYS = ("agent", "system", "handoff")


class WebChatOutput(SocketIOOutput):
    """Rasa's socket.io output, plus who wrote the message (so the widget shows "Marie,
    conseillère" instead of "Assistant") and whether the person now waits for an agent."""

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        extra = {key: kwargs[key] for key in FORWARDED_KEYS if kwargs.get(key)}
        for part in text.strip().split("\n\n"):
            await self._send_message(recipient_id, {"text": part, **extra})


class WebChatInput(MaskingInput, SocketIOInput):
    """Socket.io with session persistence on (the conversation survives a page reload) and
    personal data masked on arrival."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = {"session_persistence": True, **(credentials or {})}
        return super().from_credentials(credentials)

    def get_output_channel(self) -> Optional[OutputChannel]:
        if self.sio is None:
            return super().get_output_channel()
        return WebChatOutput(self.sio, self.bot_message_evt)
