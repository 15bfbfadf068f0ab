"""The widget's socket.io channel on a real server, with real python-socketio clients: a socket
reads and writes only the conversation it proved; one address cannot flood through many."""
import asyncio
from typing import Any, Dict, List, Optional

import pytest
import socketio

from bot import texts
from bot.channels import ownership
from bot.channels.webchat import WebChatInput
from bot.settings import DEFAULTS
from tests.channels.conftest import EchoAgent, channel_server


class Widget:
    """A socket.io client speaking as chat.js does; keeps what the server sent it."""

    def __init__(self, base: str, address: str = "192.0.2.1") -> None:
        self.base, self.address = base, address
        self.client = socketio.AsyncClient(reconnection=False)
        self.confirmed: "asyncio.Queue[Dict[str, str]]" = asyncio.Queue()
        self.said: List[Dict[str, Any]] = []
        self.client.on("session_confirm", self.confirmed.put)
        self.client.on("bot_uttered", self.said.append)

    async def open(self, session_id: Optional[str] = None, proof: Optional[str] = None) -> Dict[str, str]:
        if not self.client.connected:
            await self.client.connect(self.base, headers={"X-Forwarded-For": self.address},
                                      transports=["polling"], socketio_path="/socket.io")
        await self.client.emit("session_request", {"session_id": session_id, "proof": proof})
        return await asyncio.wait_for(self.confirmed.get(), 5)

    async def say(self, text: str, session_id: str) -> None:
        await self.client.emit("user_uttered", {"message": text, "session_id": session_id})

    def texts(self) -> List[str]:
        return [m.get("text", "") for m in self.said]


async def _settle(agent: EchoAgent, count: int, widgets: List[Widget]) -> None:
    """Waits until the agent got `count` messages and every widget its answers or refusals."""
    for _ in range(100):
        if len(agent.received) >= count:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)


@pytest.fixture
async def webchat():
    agent = EchoAgent()
    widgets: List[Widget] = []
    async with channel_server(WebChatInput.from_credentials({}), agent) as base:

        def widget(address: str = "192.0.2.1") -> Widget:
            widgets.append(Widget(base, address))
            return widgets[-1]

        yield widget, agent
        for w in widgets:
            await w.client.disconnect()


async def test_a_new_widget_gets_a_conversation_and_its_proof_and_comes_back_to_it(webchat):
    widget, agent = webchat
    first = widget()
    session = await first.open()
    assert ownership.is_proved(session["session_id"], session["proof"])
    await first.say("bonjour", session["session_id"])
    await _settle(agent, 1, [first])
    assert agent.received == [(session["session_id"], "bonjour")] and first.texts() == ["reçu : bonjour"]
    reloaded = widget()  # the same tab after a reload: id and proof from sessionStorage
    assert await reloaded.open(session["session_id"], session["proof"]) == session
    await reloaded.say("merci", session["session_id"])
    await _settle(agent, 2, [first, reloaded])
    assert reloaded.texts() == ["reçu : merci"]


@pytest.mark.parametrize("proof", [None, "", "0" * 64], ids=["none", "empty", "forged"])
async def test_a_second_client_with_the_same_id_gets_its_own_conversation_and_reads_nothing(webchat, proof):
    widget, agent = webchat
    owner, intruder = widget(), widget("192.0.2.66")
    session = await owner.open()
    hijack = await intruder.open(session["session_id"], proof)
    assert hijack["session_id"] != session["session_id"], "a new conversation, not the other's room"
    await owner.say("ma question personnelle", session["session_id"])
    await intruder.say("je suis dans votre conversation", session["session_id"])
    await _settle(agent, 1, [owner, intruder])
    assert agent.received == [(session["session_id"], "ma question personnelle")], "the intruder wrote nothing"
    assert owner.texts() == ["reçu : ma question personnelle"]
    refusal = texts.text("door.not_confirmed")
    assert intruder.texts() == [refusal], "nothing of the owner's conversation, a clear refusal"


async def test_a_message_before_the_confirmation_or_for_another_conversation_is_refused(webchat):
    widget, agent = webchat
    client = widget()
    await client.client.connect(client.base, transports=["polling"])
    other = ownership.new_conversation()
    await client.say("bonjour", other.id)  # no session_request: Rasa took any session_id
    await _settle(agent, 1, [client])
    assert agent.received == [] and client.texts() == [texts.text("door.not_confirmed")]


async def test_one_address_cannot_spread_a_flood_over_many_conversations(webchat):
    widget, agent = webchat
    sessions = [await widget(f"198.51.100.{i}").open() for i in range(60)]
    flooder = widget("203.0.113.5")
    for session in sessions:  # a script holding 60 proved conversations, all from one address
        await flooder.open(session["session_id"], session["proof"])
        await flooder.say("bonjour", session["session_id"])
    await _settle(agent, DEFAULTS.rate_limit_address_burst, [flooder])
    assert len(agent.received) == DEFAULTS.rate_limit_address_burst
    refused = [t for t in flooder.texts() if "beaucoup de messages" in t]
    assert len(refused) == 60 - DEFAULTS.rate_limit_address_burst


async def test_one_address_cannot_open_conversations_without_end(webchat):
    widget, _ = webchat
    client = widget("203.0.113.7")
    for _ in range(DEFAULTS.rate_limit_new_conversation_burst):
        await client.open()
    await client.client.emit("session_request", {})
    await asyncio.sleep(0.5)
    assert client.confirmed.empty() and "Trop de conversations" in client.texts()[-1]
    assert await widget("203.0.113.8").open(), "another address is not affected"


async def test_only_the_caisse_pages_may_open_the_socket(monkeypatch):
    monkeypatch.setenv("ALLOWED_ORIGINS", "http://localhost:8000 https://www.caisse.example")
    async with channel_server(WebChatInput.from_credentials({}), EchoAgent()) as base:
        page = socketio.AsyncClient(reconnection=False)
        await page.connect(base, headers={"Origin": "https://www.caisse.example"}, transports=["polling"],
                           socketio_path="/socket.io")
        assert page.connected
        await page.disconnect()
        other_site = socketio.AsyncClient(reconnection=False)
        with pytest.raises(socketio.exceptions.ConnectionError):
            await other_site.connect(base, headers={"Origin": "https://attaquant.example"}, transports=["polling"],
                                     socketio_path="/socket.io")
