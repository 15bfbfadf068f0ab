"""The REST channel behind the proxy: a message is processed within its deadline or not at all,
and the person is told to send it again (processed late, it could be overtaken by the next ones).
On a real server: a conversation is opened by the server and continued only with its proof, and
one address cannot flood through many conversations."""
import asyncio

import aiohttp
import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels import ownership
from bot.channels.rest import DEADLINE_SECONDS, RECEIVED_AT_KEY, RestInput, body_error, within_deadline
from bot.config import get_config
from bot.settings import DEFAULTS
from tests.channels.conftest import EchoAgent, channel_server


async def _handled(received_at, now, processing=0.0, deadline=DEADLINE_SECONDS):
    handled = []

    async def on_new_message(message):
        await asyncio.sleep(processing)
        handled.append(message.text)

    message = UserMessage("bonjour", CollectingOutputChannel(), sender_id="s",
                          metadata={RECEIVED_AT_KEY: received_at} if received_at is not None else None)
    await within_deadline(on_new_message, now=lambda: now, deadline=deadline)(message)
    return handled, [m["text"] for m in message.output_channel.messages]


async def test_a_message_that_waited_too_long_behind_the_proxy_is_not_processed_and_the_person_is_told():
    handled, answers = await _handled(1000.0, 1000.0 + DEADLINE_SECONDS - 1)
    assert handled == [] and len(answers) == 1 and "Renvoyez-le" in answers[0]
    # the caisse's number, filled in (it once reached the person as "appelez le {phone}")
    assert get_config().contacts.phone in answers[0] and "{" not in answers[0]


async def test_processing_past_the_deadline_is_stopped_and_the_person_is_told():
    handled, answers = await _handled(1000.0, 1000.0, processing=5.0, deadline=3.5)
    assert handled == [] and len(answers) == 1 and "Renvoyez-le" in answers[0]


async def test_a_message_on_time_or_without_proxy_stamp_is_processed():
    assert await _handled(1000.0, 1000.0 + 1) == (["bonjour"], [])
    assert await _handled(None, 10**10) == (["bonjour"], [])


def test_metadata_must_be_an_object():
    assert body_error({"sender": "s", "message": "m", "metadata": [1]})
    assert body_error({"sender": "s", "message": "m", "metadata": {"page": "accueil"}}) is None


# --- ownership and per-address limits, on a real server ------------------------------------

async def _open(session, base, address="192.0.2.1"):
    async with session.post(f"{base}/webhooks/rest/conversations", headers={"X-Forwarded-For": address}) as answer:
        return answer.status, await answer.json()


async def _post(session, base, body, proof=None, address="192.0.2.1"):
    headers = {"X-Forwarded-For": address, **({ownership.PROOF_HEADER: proof} if proof else {})}
    async with session.post(f"{base}/webhooks/rest/webhook", json=body, headers=headers) as answer:
        return answer.status, await answer.json()


@pytest.fixture
async def rest_server():
    agent = EchoAgent()
    async with channel_server(RestInput.from_credentials(None), agent) as base:
        async with aiohttp.ClientSession() as session:
            yield session, base, agent


async def test_a_conversation_opened_by_the_server_is_continued_with_its_proof(rest_server):
    session, base, agent = rest_server
    status, opened = await _open(session, base)
    assert status == 201 and ownership.is_conversation_id(opened["sender"])
    assert (await _post(session, base, {"sender": opened["sender"], "message": "bonjour"}, opened["proof"]))[0] == 200
    body = {"sender": opened["sender"], "proof": opened["proof"], "message": "merci"}
    assert await _post(session, base, body) == (200, [{"recipient_id": opened["sender"], "text": "reçu : merci"}])
    assert agent.received == [(opened["sender"], "bonjour"), (opened["sender"], "merci")]


async def test_a_rest_client_cannot_pass_for_another_channel(rest_server):
    session, base, agent = rest_server
    _, opened = await _open(session, base)
    for channel in ("socketio", "facebook", "rest-2"):
        body = {"sender": opened["sender"], "message": "bonjour", "input_channel": channel}
        assert (await _post(session, base, body, opened["proof"]))[0] == 200
    assert agent.channels == ["rest"] * 3


async def test_no_sender_no_proof_or_a_forged_one_is_refused_before_rasa(rest_server):
    session, base, agent = rest_server
    _, opened = await _open(session, base)
    _, other = await _open(session, base)
    status, answer = await _post(session, base, {"message": "bonjour"})
    assert status == 400 and "POST /webhooks/rest/conversations" in answer["error"], "no shared default conversation"
    for proof in (None, other["proof"], "0" * 64):
        status, answer = await _post(session, base, {"sender": opened["sender"], "message": "bonjour"}, proof)
        assert status == 403 and "preuve" in answer["error"]
    forged = "A" * 32  # the issued format, never issued
    assert (await _post(session, base, {"sender": forged, "message": "bonjour"}, "0" * 64))[0] == 403
    assert agent.received == []


@pytest.mark.parametrize("sender", ["camille.test@example.org", "0648271953", "a\x00b", "s" * 100_000, "default"],
                         ids=["email", "phone", "nul", "huge", "default"])
async def test_a_sender_not_issued_by_the_server_is_refused_with_400(rest_server, sender):
    session, base, agent = rest_server
    status, answer = await _post(session, base, {"sender": sender, "message": "bonjour"}, "0" * 64)
    assert status == 400 and "identifiant de conversation" in answer["error"]
    assert agent.received == []


async def test_one_address_cannot_spread_a_flood_over_many_conversations(rest_server):
    session, base, agent = rest_server
    conversations = [(await _open(session, base, f"198.51.100.{i}"))[1] for i in range(60)]
    answers = [await _post(session, base, {"sender": c["sender"], "message": "bonjour"}, c["proof"], "203.0.113.5")
               for c in conversations]
    refused = [a for status, a in answers if status == 429]
    burst = DEFAULTS.rate_limit_address_burst
    assert len(agent.received) == burst and len(refused) == 60 - burst
    assert "beaucoup de messages" in refused[0]["error"] and get_config().contacts.phone in refused[0]["error"]
    other = conversations[0]
    assert (await _post(session, base, {"sender": other["sender"], "message": "bonjour"}, other["proof"],
                        "203.0.113.6"))[0] == 200, "another address is not affected"


async def test_one_address_cannot_open_conversations_without_end(rest_server):
    session, base, _ = rest_server
    burst = DEFAULTS.rate_limit_new_conversation_burst
    statuses = [(await _open(session, base, "203.0.113.7"))[0] for _ in range(burst + 1)]
    assert statuses == [201] * burst + [429]
    status, answer = await _open(session, base, "203.0.113.7")
    assert status == 429 and "Trop de conversations" in answer["error"]
    assert (await _open(session, base, "203.0.113.8"))[0] == 201
