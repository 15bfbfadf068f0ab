"""With SOCKETIO_REDIS_URL, the widget's socket.io server publishes its emits in Redis, where
the Rasa server holding the person's socket picks them up (an agent's reply may reach another
server). Checked on a real Redis: an emit from one server is published for the others."""
from redis import asyncio as aioredis

from bot.channels.webchat import WebChatInput


async def _noop(_message):
    return None


async def test_emits_go_through_redis_when_configured(redis_url, monkeypatch):
    monkeypatch.setenv("SOCKETIO_REDIS_URL", redis_url)
    channel = WebChatInput.from_credentials({})
    channel.blueprint(_noop)
    listener = aioredis.Redis.from_url(redis_url)
    pubsub = listener.pubsub()
    await pubsub.subscribe("socketio")
    await pubsub.get_message(timeout=1)  # the subscription confirmation
    await channel.get_output_channel().send_text_message("conversation-1", "Bonjour, ici Marie", agent="Marie")
    published = None
    for _ in range(20):
        published = await pubsub.get_message(timeout=0.5)
        if published:
            break
    await pubsub.close()
    await listener.close()
    assert published is not None and b"Bonjour, ici Marie" in published["data"]


def test_without_redis_each_server_keeps_its_sockets(monkeypatch):
    monkeypatch.delenv("SOCKETIO_REDIS_URL", raising=False)
    channel = WebChatInput.from_credentials({})
    channel.blueprint(_noop)
    assert type(channel.sio.manager).__name__ == "AsyncManager"
