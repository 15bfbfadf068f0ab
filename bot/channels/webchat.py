"""The chat widget of the caisse's web page, on Rasa's socket.io channel."""
from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel
from rasa.core.channels.socketio import SocketIOInput

from bot.channels.masking import MaskingInput


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
