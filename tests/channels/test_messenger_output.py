"""What reaches Meta's Graph API (a local stand-in on loopback) for bot and agent messages."""
import asyncio

import pytest

from bot.channels.messenger import MessengerInput
from tests.e2e.conftest import GraphApi


@pytest.fixture
def graph(monkeypatch):
    api = GraphApi()
    monkeypatch.setenv("FB_GRAPH_API_URL", api.url)
    monkeypatch.setenv("FB_PAGE_ACCESS_TOKEN", "synthetic-page-token")
    yield api
    api.server.shutdown()


def send(text, **metadata):
    output = MessengerInput.from_credentials({}).get_output_channel()
    asyncio.run(output.send_text_message("psid-1", text, **metadata))


def test_bot_messages_never_carry_the_human_agent_tag(graph):
    send("Bonjour", messenger_tag="HUMAN_AGENT")  # a tag without an agent is ignored
    assert graph.received[-1]["messaging_type"] == "RESPONSE" and "tag" not in graph.received[-1]


def test_agent_reply_outside_the_window_is_tagged(graph):
    send("Je reviens vers vous.", agent="Camille", messenger_tag="HUMAN_AGENT")
    sent = graph.received[-1]
    assert (sent["messaging_type"], sent["tag"]) == ("MESSAGE_TAG", "HUMAN_AGENT")
    assert sent["message"]["text"] == "Je reviens vers vous."


def test_agent_reply_inside_the_window_is_a_plain_response(graph):
    send("Bonjour, je regarde.", agent="Camille")
    assert graph.received[-1]["messaging_type"] == "RESPONSE"
