"""The chat widget of the caisse's web page, on Rasa's socket.io channel."""
from __future__ import annotations

import os
from typing import Any, Dict, Optional, Text

import socketio

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

    def blueprint(self, on_new_message):
        """With several Rasa servers, a person's socket lives on one of them while an agent's
        reply (Rasa's API, `output_channel=latest`) may arrive on another: SOCKETIO_REDIS_URL
        makes every server publish its emits in Redis, where the server holding the socket
        picks them up (python-socketio's AsyncRedisManager). Rasa builds its AsyncServer inside
        `blueprint()` without a client manager, so the manager is set right after, before any
        client can connect."""
        webhook = super().blueprint(self._answering_with_own_output(on_new_message))
        url = os.environ.get("SOCKETIO_REDIS_URL")
        if url:
            self.sio.manager = socketio.AsyncRedisManager(url)
            self.sio.manager.set_server(self.sio)
        return webhook

    def _answering_with_own_output(self, on_new_message):
        """Rasa's socket.io handler builds a plain SocketIOOutput for each message; ours also
        forwards the metadata the widget needs (FORWARDED_KEYS)."""

        async def handle(message):
            if type(message.output_channel) is SocketIOOutput:
                message.output_channel = WebChatOutput(self.sio, self.bot_message_evt)
            return await on_new_message(message)

        return handle

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = {"session_persistence": True, **(credentials or {})}
        return super().from_credentials(credentials)

    def get_output_channel(self) -> Optional[OutputChannel]:
        if self.sio is None:
            return super().get_output_channel()
        return WebChatOutput(self.sio, self.bot_message_evt)
