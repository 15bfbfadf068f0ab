"""What a Messenger user's message hands to Rasa: only text and picked payloads, masked; an
attachment gets a fixed answer (through a local stand-in for the Graph API) and never reaches
Rasa nor the log."""
import logging
import random
import uuid

import pytest

from bot.channels.masking import mask_incoming
from bot import texts
from bot.channels.messenger import CaisseMessenger, MessengerInput
from bot.channels.rate_limit import LocalRateLimiter
from bot.config import get_config
from tests.e2e.conftest import GraphApi
from tests.personal_data.synthetic import make_tax_number

FILE_URL = "https://cdn.fbsbx.com/v/t59.2708-21/attestation_Sophie_Durand_1850578006084.pdf?_nc_cat=1"


@pytest.fixture
def graph(monkeypatch):
    api = GraphApi()
    monkeypatch.setenv("FB_GRAPH_API_URL", api.url)
    monkeypatch.setenv("FB_PAGE_ACCESS_TOKEN", "synthetic-page-token")
    yield api
    api.server.shutdown()


async def deliver(event):
    """One webhook event through our handler and the door; what reached Rasa."""
    received = []

    async def rasa(message):
        received.append(message)

    async def no_notice(_message):
        pass

    messenger = CaisseMessenger("synthetic-page-token", mask_incoming(rasa, LocalRateLimiter(), no_notice))
    messenger.client = MessengerInput.from_credentials({})._client()
    psid = uuid.uuid4().hex
    await messenger.handle({"entry": [{"messaging": [{"sender": {"id": psid}, "recipient": {"id": "page"},
                                                      **event}]}]}, None)
    return received, psid


def texts_sent(graph, psid):
    return [m["message"]["text"] for m in graph.received
            if m.get("recipient", {}).get("id") == psid and "message" in m]


@pytest.mark.parametrize("attachment", [
    {"type": "file", "payload": {"url": FILE_URL}},
    {"type": "image", "payload": {"url": FILE_URL}},
    {"type": "location", "title": "Sophie Durand", "payload": {"coordinates": {"lat": 44.84, "long": -0.58}}},
    {"type": "fallback", "title": "Sophie Durand", "url": FILE_URL},
])
async def test_an_attachment_gets_a_fixed_answer_and_never_reaches_rasa_nor_the_log(graph, caplog, attachment):
    caplog.set_level(logging.DEBUG)
    received, psid = await deliver({"message": {"mid": "m", "attachments": [attachment]}})
    assert received == []
    assert texts_sent(graph, psid) == [texts.text("messenger.not_read")]
    assert "Durand" not in caplog.text and "fbsbx" not in caplog.text


async def test_an_echo_of_the_pages_own_message_is_ignored(graph):
    received, psid = await deliver({"message": {"mid": "m", "is_echo": True,
                                                "attachments": [{"type": "file", "payload": {"url": FILE_URL}}]}})
    assert received == [] and texts_sent(graph, psid) == []


async def test_a_quick_reply_payload_is_masked_like_any_text(graph):
    received, _ = await deliver({"message": {"mid": "m", "text": "Logement",
                                             "quick_reply": {"payload": '/help{"theme": "Sophie Durand"}'}}})
    assert [m.text for m in received] == ["/help"]


async def test_a_postback_reaches_rasa_as_its_payload_only(graph):
    received, _ = await deliver({"postback": {"title": "Sophie Durand", "payload": '/help{"theme":"caf.logement"}',
                                              "referral": {"ref": "Sophie Durand"}}})
    assert [(m.text, m.metadata) for m in received] == [('/help{"theme":"caf.logement"}', None)]


@pytest.mark.parametrize("secret", [make_tax_number(random.Random(4)), "Soleil5646#", "15/02/1990"])
async def test_a_payload_not_from_our_buttons_never_reaches_rasa(graph, secret):
    quick, _ = await deliver({"message": {"mid": "m", "text": "Oui", "quick_reply": {"payload": secret}}})
    postback, _ = await deliver({"postback": {"title": "Mes paiements", "payload": secret}})
    assert [m.text for m in quick + postback] == ["Oui", "Mes paiements"], "the words on the button instead"
