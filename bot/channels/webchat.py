"""The chat widget of the caisse's web page, on Rasa's socket.io channel.

Rasa's channel lets any socket name the conversation it joins (`session_request`) and write in
(`user_uttered`): whoever knew or guessed an id received that person's messages. Here a socket
joins a conversation only with its proof (`bot.channels.ownership`); otherwise it gets a new
conversation and its proof in `session_confirm`. A message is accepted only from a socket
confirmed for that conversation (kept in the socket's session, `sio.save_session`).
"""
from __future__ import annotations

import json
import logging
from typing import Any, Dict, Optional, Text

import socketio

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput

from bot import texts
from bot.channels import ownership, rate_limit
from bot.channels.masking import MaskingInput, OnNewMessage
from bot.settings import get_settings

logger = logging.getLogger(__name__)

# Message metadata the widget needs: an agent's name, a handoff notice, a handoff's status.
FORWARDED_KEYS = ("agent", "system", "handoff")


class WebChatOutput(SocketIOOutput):
    """Rasa's socket.io output, plus who wrote the message (so the widget shows "Marie,
    conseillère" instead of "Assistant") and whether the person now waits for an agent."""

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        extra = {key: kwargs[key] for key in FORWARDED_KEYS if kwargs.get(key)}
        for part in text.strip().split("\n\n"):
            await self._send_message(recipient_id, {"text": part, **extra})

    async def show_masked_text(self, recipient_id: Text, text: Text) -> None:
        """The person's last message as kept, masked: the widget puts it in place of what was
        typed (called by the masking door, `bot.channels.masking.show_masked`)."""
        await self.sio.emit("user_masked", {"text": text}, room=recipient_id)


class ProvedSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel where a socket reads and writes only the conversation it proved.
    Rasa registers its handlers inside `blueprint()`; ours replace two of them on the same
    server (python-socketio keeps one handler per event). Below `MaskingInput` in the MRO, so
    `on_new_message` here is already the masking door."""

    def blueprint(self, on_new_message: OnNewMessage):
        ownership.secret()  # no secret: the server does not start
        webhook = super().blueprint(on_new_message)
        self.sio.on("session_request", self._session_request, namespace=self.namespace)

        async def user_uttered(sid: Text, data: Any) -> None:
            await self._user_uttered(sid, data, on_new_message)

        self.sio.on(self.user_message_evt, user_uttered, namespace=self.namespace)
        return webhook

    def _address(self, sid: Text) -> str:
        environ = self.sio.get_environ(sid, namespace=self.namespace) or {}
        request = environ.get("sanic.request")  # the driver's REMOTE_ADDR is always 127.0.0.1
        if request is None:
            return ""
        return rate_limit.client_address(request.ip, request.headers.get("X-Forwarded-For"))

    async def _tell(self, sid: Text, key: str) -> None:
        """The sentence `key` of `bot.texts`, to this socket only, shown as information."""
        await self.sio.emit(self.bot_message_evt, {"text": texts.text(key), "system": True}, room=sid,
                            namespace=self.namespace)

    async def _session_request(self, sid: Text, data: Any) -> None:
        """The conversation the socket proved, or a new one (never a room without its proof)."""
        data = data if isinstance(data, dict) else {}
        conversation_id, proof = data.get("session_id"), data.get("proof")
        if not ownership.is_proved(conversation_id, proof):
            if not await rate_limit.address_limits().allow_new_conversation(self._address(sid)):
                await self._tell(sid, "door.too_many_conversations")
                return
            conversation = ownership.new_conversation()
            conversation_id, proof = conversation.id, conversation.proof
        async with self.sio.session(sid, namespace=self.namespace) as session:
            previous = session.get("conversation")
            session["conversation"] = conversation_id
        if previous and previous != conversation_id:
            self.sio.leave_room(sid, previous, namespace=self.namespace)
        self.sio.enter_room(sid, conversation_id, namespace=self.namespace)
        await self.sio.emit("session_confirm", {"session_id": conversation_id, "proof": proof}, room=sid,
                            namespace=self.namespace)

    async def _user_uttered(self, sid: Text, data: Any, on_new_message: OnNewMessage) -> None:
        data = data if isinstance(data, dict) else {}
        session = await self.sio.get_session(sid, namespace=self.namespace)
        conversation_id = session.get("conversation")
        if conversation_id is None or data.get("session_id") != conversation_id:
            logger.info("Message refusé : socket %s non confirmée pour cette conversation.", sid)
            await self._tell(sid, "door.not_confirmed")
            return
        if not await rate_limit.address_limits().allow_message(self._address(sid)):
            await self._tell(sid, "door.too_many_messages")
            return
        text = data.get("message", "")
        metadata = data.get(self.metadata_key) or {}
        if isinstance(metadata, str):
            try:
                metadata = json.loads(metadata)
            except ValueError:
                metadata = {}
        await on_new_message(UserMessage(
            text if isinstance(text, str) else "", WebChatOutput(self.sio, self.bot_message_evt), conversation_id,
            input_channel=self.name(), metadata=metadata if isinstance(metadata, dict) else {}))


class WebChatInput(MaskingInput, ProvedSocketIOInput):
    """Socket.io with session persistence on (the conversation survives a page reload), each
    conversation read and written only by its owner, and personal data masked on arrival."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message):
        """With several Rasa servers, a person's socket lives on one of them while an agent's
        reply (Rasa's API, `output_channel=latest`) may arrive on another: SOCKETIO_REDIS_URL
        makes every server publish its emits in Redis, where the server holding the socket
        picks them up (python-socketio's AsyncRedisManager). Rasa builds its AsyncServer inside
        `blueprint()` without a client manager, so the manager is set right after, before any
        client can connect. Rasa also leaves socket.io open to every origin: ALLOWED_ORIGINS
        (set by the runner, the origins of the caisse's pages) closes it to other sites' scripts."""
        webhook = super().blueprint(on_new_message)
        settings = get_settings()
        if settings.allowed_origins:
            self.sio.eio.cors_allowed_origins = settings.allowed_origins
        url = settings.socketio_redis_url
        if url:
            self.sio.manager = socketio.AsyncRedisManager(url)
            self.sio.manager.set_server(self.sio)
        return webhook

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = {"session_persistence": True, **(credentials or {})}
        return super().from_credentials(credentials)

    def get_output_channel(self) -> Optional[OutputChannel]:
        if self.sio is None:
            return super().get_output_channel()
        return WebChatOutput(self.sio, self.bot_message_evt)
