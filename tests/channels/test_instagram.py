"""Instagram messages, delivered to Messenger's webhook in Meta's shape (`object: "instagram"`),
through a real Sanic server and the real door, answered through a local stand-in of the Graph API."""
import asyncio
import hashlib
import hmac
import json
import random
import uuid
from datetime import datetime, timedelta, timezone

import aiohttp
import pytest

from bot.channels.messenger import InstagramInput, MessengerInput
from bot.channels.page_comments import handle_changes
from bot.config import get_config
from bot.handoff.transcript import HUMAN_AGENT_TAG, messenger_window
from bot.social import records
from tests.channels.conftest import EchoAgent, channel_server
from tests.channels.test_page_comments import ParseAgent, client
from tests.e2e.conftest import GraphApi
from tests.personal_data.synthetic import format_nir, make_nir

SECRET = "synthetic-app-secret"
IG_ACCOUNT = "17841400000000001"
NIR = format_nir(make_nir(random.Random(18)), "space")


@pytest.fixture
def graph(monkeypatch):
    api = GraphApi()
    monkeypatch.setenv("FB_GRAPH_API_URL", api.url)
    monkeypatch.setenv("FB_PAGE_ACCESS_TOKEN", "synthetic-page-token")
    monkeypatch.setenv("FB_APP_SECRET", SECRET)
    monkeypatch.setenv("FB_VERIFY_TOKEN", "synthetic-verify-token")
    yield api
    api.server.shutdown()


def delivery(igsid, message, sender=None):
    """One Instagram messaging notification as Meta documents it."""
    return json.dumps({"object": "instagram", "entry": [{"id": IG_ACCOUNT, "time": 1, "messaging": [{
        "sender": {"id": sender or igsid}, "recipient": {"id": IG_ACCOUNT if sender is None else igsid},
        "timestamp": 1, "message": {"mid": uuid.uuid4().hex, **message}}]}]}).encode()


def signed(body, secret=SECRET):
    return {"Content-Type": "application/json",
            "X-Hub-Signature-256": "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()}


async def post(body, headers):
    """The body posted to Messenger's webhook; the answer's status and what reached the agent."""
    agent = EchoAgent()
    async with channel_server(MessengerInput.from_credentials({}), agent) as url:
        async with aiohttp.ClientSession() as session:
            async with session.post(f"{url}/webhooks/facebook/webhook", data=body, headers=headers) as answer:
                return answer.status, agent


def sent_to(graph, igsid):
    return [m["message"]["text"] for m in graph.received
            if m.get("recipient", {}).get("id") == igsid and "message" in m]


async def test_a_direct_message_reaches_the_assistant_masked_as_instagram_and_is_answered(graph):
    igsid = uuid.uuid4().hex
    status, agent = await post(body := delivery(igsid, {"text": f"mon numéro est {NIR}, et mes droits ?"}),
                               signed(body))
    assert status == 200
    assert agent.received == [(igsid, "mon numéro est [NIR], et mes droits ?")]
    assert agent.channels == ["instagram"]
    assert sent_to(graph, igsid) == ["reçu : mon numéro est [NIR], et mes droits ?"]
    assert NIR.replace(" ", "") not in json.dumps(graph.received).replace(" ", "")


async def test_a_page_delivery_stays_messenger(graph):
    body = json.dumps({"object": "page", "entry": [{"id": "page", "time": 1, "messaging": [{
        "sender": {"id": "psid-1"}, "recipient": {"id": "page"}, "timestamp": 1,
        "message": {"mid": "m", "text": "bonjour"}}]}]}).encode()
    _, agent = await post(body, signed(body))
    assert agent.channels == ["facebook"]


@pytest.mark.parametrize("message", [
    {"text": "Bonjour, que puis-je pour vous ?", "is_echo": True},  # the account's own message
    {"is_deleted": True},  # the person unsent a message
])
async def test_echoes_and_unsent_messages_are_ignored(graph, message):
    igsid = uuid.uuid4().hex
    body = delivery(igsid, message, sender=IG_ACCOUNT if message.get("is_echo") else None)
    status, agent = await post(body, signed(body))
    assert status == 200 and agent.received == []
    assert sent_to(graph, igsid) == []


@pytest.mark.parametrize("attachment", [
    {"type": "image", "payload": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1"}},
    {"type": "story_mention", "payload": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2"}},
])
async def test_an_attachment_gets_messengers_fixed_answer_and_never_reaches_the_assistant(graph, attachment):
    igsid = uuid.uuid4().hex
    status, agent = await post(body := delivery(igsid, {"attachments": [attachment]}), signed(body))
    assert status == 200 and agent.received == []
    psid = uuid.uuid4().hex
    page = json.dumps({"object": "page", "entry": [{"id": "page", "time": 1, "messaging": [{
        "sender": {"id": psid}, "recipient": {"id": "page"}, "timestamp": 1,
        "message": {"mid": "m", "attachments": [attachment]}}]}]}).encode()
    await post(page, signed(page))
    assert sent_to(graph, igsid) == sent_to(graph, psid)
    assert len(sent_to(graph, igsid)) == 1 and get_config().contacts.phone in sent_to(graph, igsid)[0]


async def test_a_badly_signed_delivery_is_refused(graph):
    igsid = uuid.uuid4().hex
    body = delivery(igsid, {"text": "bonjour"})
    status, agent = await post(body, signed(body, secret="not-the-app-secret"))
    assert status == 403 and agent.received == []


def test_an_agent_reply_after_24_hours_goes_with_the_human_agent_tag(graph):
    now = datetime(2026, 3, 2, 10, tzinfo=timezone.utc)
    window = messenger_window("instagram", now - timedelta(hours=30), get_config(), now)
    assert window.tag == HUMAN_AGENT_TAG and window.can_send
    output = InstagramInput.from_credentials({}).get_output_channel()
    asyncio.run(output.send_text_message("igsid-1", "Je reviens vers vous.", agent="Camille",
                                         messenger_tag=window.tag))
    sent = graph.received[-1]
    assert (sent["recipient"], sent["messaging_type"], sent["tag"]) == ({"id": "igsid-1"}, "MESSAGE_TAG", "HUMAN_AGENT")


# --- comments on the account's media: the page comments' handling, Instagram's paths ----------

def ig_comment(text, comment_id=None, author=None, parent_id=None):
    """An Instagram webhook entry with one `comments` change, as Meta documents it."""
    value = {"id": comment_id or str(random.randrange(10**16, 10**17)), "text": text,
             "from": {"id": author or str(random.randrange(10**15, 10**16)), "username": "camille.exemple"},
             "media": {"id": "17900000000000003", "media_product_type": "FEED"}}
    if parent_id:
        value["parent_id"] = parent_id
    return {"id": IG_ACCOUNT, "time": 1764800000, "changes": [{"field": "comments", "value": value}]}


async def comment(entry, graph_api, database, agent=None):
    await handle_changes([entry], agent or ParseAgent(), client(graph_api), get_config(), database)
    return entry["changes"][0]["value"]["id"]


async def test_a_comment_with_a_social_security_number_is_hidden_and_answered_privately(graph, database):
    comment_id = await comment(ig_comment(f"mon numéro est {NIR}, pourquoi rien ?"), graph, database)
    assert graph.calls[0]["path"] == f"/{comment_id}" and graph.calls[0]["body"] == {"hide": True}
    [private] = graph.calls_to("/me/messages")
    assert private["body"]["recipient"] == {"comment_id": comment_id}
    assert "numéro de sécurité sociale" in private["body"]["message"]["text"]
    row = records.find_comment(comment_id, database)
    assert (row.platform, row.action, row.masked_text) == ("instagram", records.HIDDEN_PERSONAL_DATA,
                                                           "mon numéro est [NIR], pourquoi rien ?")
    assert row.conversation_id == f"instagram_comment:{comment_id}" and row.hidden_at and row.answered_at


async def test_criticism_gets_a_public_reply_under_the_comment_and_a_reply_joins_its_thread(graph, database):
    top = await comment(ig_comment("une question"), graph, database, ParseAgent("out_of_scope"))
    reply = await comment(ig_comment("vous ne répondez jamais, c'est honteux", parent_id=top), graph, database,
                          ParseAgent("criticism"))
    [answer] = graph.calls_to(f"/{reply}/replies")
    assert answer["body"]["message"]
    row = records.find_comment(reply, database)
    assert (row.action, row.conversation_id, row.parent_id) == (records.PUBLIC_REPLY, f"instagram_comment:{top}", top)


async def test_the_accounts_own_comment_is_ignored(graph, database, monkeypatch):
    monkeypatch.setenv("IG_ACCOUNT_ID", "17841400000000009")
    agent = ParseAgent("criticism")
    comment_id = await comment(ig_comment(f"écrivez-nous, {NIR}", author="17841400000000009"), graph, database, agent)
    assert graph.calls == [] and agent.read == []
    assert records.find_comment(comment_id, database).action == records.IGNORED_OWN
