"""A conversation belongs to whoever opened it, on the running assistant: no shared `default`
conversation, no sender chosen by the client, no reading nor joining another's conversation
without its proof (bot.channels.ownership)."""
import asyncio

import pytest
import requests
import socketio

from bot.channels.ownership import PROOF_HEADER
from bot.texts import text as sentence
from tests.e2e.conftest import open_conversation
from tests.e2e.test_bad_input import post
from tests.e2e.test_rest import say, texts

pytestmark = pytest.mark.e2e


def history(stack, conversation_id, proof=None):
    return requests.get(f"http://127.0.0.1:{stack.ports.web}/api/public/conversations/{conversation_id}/history",
                        headers={PROOF_HEADER: proof} if proof else {}, timeout=30)


def test_a_rest_message_needs_an_issued_sender_and_its_proof(stack):
    conversation, other = open_conversation(stack), open_conversation(stack)
    assert post(stack, {"message": "bonjour"}).status_code == 400, "no shared `default` conversation"
    for sender in ("camille.test@example.org", "0648271953", "a\x00b", "s" * 100_000):
        answer = post(stack, {"sender": sender, "message": "bonjour"})
        assert answer.status_code == 400 and "identifiant de conversation" in answer.json()["error"]
    assert post(stack, {"sender": conversation.id, "message": "bonjour"}).status_code == 403
    forged = requests.post(stack.urls["rest"], json={"sender": conversation.id, "message": "bonjour"},
                           headers={PROOF_HEADER: other.proof}, timeout=30)
    assert forged.status_code == 403 and "preuve" in forged.json()["error"]
    assert say(stack, "bonjour", conversation), "its owner is answered"


def test_a_conversations_history_is_read_only_with_its_proof(stack):
    conversation = open_conversation(stack)
    say(stack, "je parle a un robot ?", conversation)
    mine = history(stack, conversation.id, conversation.proof)
    assert mine.status_code == 200 and "je parle a un robot ?" in [m["text"] for m in mine.json()["messages"]]
    stranger = history(stack, conversation.id)
    assert stranger.status_code == 403 and "robot" not in stranger.text
    assert history(stack, open_conversation(stack).id).text == stranger.text, "same answer, existing or not"


async def _widget(stack, said, confirmed, session_id=None, proof=None):
    client = socketio.AsyncClient(reconnection=False)
    client.on("bot_uttered", said.append)
    client.on("session_confirm", confirmed.put)
    # The venv's aiohttp is older than engine.io's websocket client needs: long polling.
    await client.connect(f"http://127.0.0.1:{stack.ports.rasa}", transports=["polling"], socketio_path="/socket.io")
    await client.emit("session_request", {"session_id": session_id, "proof": proof})
    return client, await asyncio.wait_for(confirmed.get(), 30)


async def _join_another_widgets_conversation(stack):
    owner_said, intruder_said = [], []
    owner, session = await _widget(stack, owner_said, asyncio.Queue())
    intruder, hijack = await _widget(stack, intruder_said, asyncio.Queue(), session["session_id"])
    await intruder.emit("user_uttered", {"message": "je veux parler à un conseiller",
                                         "session_id": session["session_id"]})
    await owner.emit("user_uttered", {"message": "bonjour", "session_id": session["session_id"]})
    for _ in range(300):
        if owner_said:
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(2)
    await owner.disconnect()
    await intruder.disconnect()
    return session, hijack, owner_said, intruder_said


def test_a_second_socket_with_the_same_id_reads_nothing_and_writes_nothing(stack):
    session, hijack, owner_said, intruder_said = asyncio.run(_join_another_widgets_conversation(stack))
    assert hijack["session_id"] != session["session_id"], "a new conversation, not the other's room"
    assert "assistant virtuel" in " ".join(m.get("text", "") for m in owner_said)
    assert [m.get("text") for m in intruder_said] == [sentence("door.not_confirmed")]
    lines = [m["text"] for m in history(stack, session["session_id"], session["proof"]).json()["messages"]]
    assert "bonjour" in lines and "je veux parler à un conseiller" not in lines
