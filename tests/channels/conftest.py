"""A real Redis server for the channels' tests (rate limit, socket.io across servers), and a
real Sanic server on loopback carrying one input channel."""
import socket
import subprocess
import time
import uuid
from contextlib import asynccontextmanager
from typing import AsyncIterator, List, Tuple

import pytest
from rasa.core.channels.channel import register
from sanic import Sanic

from bot.channels import rate_limit
from tools.production import _program


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    port = free_port()
    server = subprocess.Popen([_program("redis-server", "/usr/bin/redis-server"), "--port", str(port),
                               "--bind", "127.0.0.1", "--save", "", "--dir", str(tmp_path_factory.mktemp("redis"))],
                              stdout=subprocess.DEVNULL)
    for _ in range(50):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(10)


class EchoAgent:
    """Stands in for Rasa's agent behind a channel (no model to load): records each message that
    passed the door and answers it on the message's own output channel."""

    def __init__(self) -> None:
        self.received: List[Tuple[str, str]] = []
        self.channels: List[str] = []

    async def handle_message(self, message) -> None:
        self.received.append((message.sender_id, message.text))
        self.channels.append(message.input_channel)
        await message.output_channel.send_text_message(message.sender_id, f"reçu : {message.text}")


@asynccontextmanager
async def channel_server(channel, agent) -> AsyncIterator[str]:
    """A real Sanic server on loopback with this input channel registered as Rasa registers it
    (`rasa.core.channels.channel.register`); yields its base URL."""
    Sanic.test_mode = True  # several apps in one process (what sanic-testing does)
    app = Sanic(f"channel_test_{uuid.uuid4().hex}")
    app.ctx.agent = agent
    register([channel], app, route="/webhooks/")
    port = free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False)
    await server.startup()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await server.close()


@pytest.fixture(autouse=True)
def fresh_address_limits():
    """Each test starts with empty per-address buckets (they are kept once per process)."""
    rate_limit.address_limits.cache_clear()
    yield
    rate_limit.address_limits.cache_clear()
