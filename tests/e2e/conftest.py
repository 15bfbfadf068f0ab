"""The whole assistant (Rasa, action server, web server) started once for the end-to-end tests,
on its own ports and a temporary var/ folder, with a local stand-in for Meta's Graph API."""
import json
import os
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import List
from urllib.parse import urlsplit

import pytest
import requests

from bot.channels.ownership import Conversation
from bot.channels.rest import conversations_url
from bot.config import PROJECT_ROOT
from tools.run import Ports, Stack, train

MODELS = PROJECT_ROOT / "models"

# E2E_PORTS="5205,5255,8205" runs a second copy of the end-to-end tests beside the first.
E2E_PORTS = Ports(*map(int, os.environ.get("E2E_PORTS", "5105,5155,8105").split(",")))

FB_SECRET = "synthetic-app-secret-for-tests"
FB_VERIFY = "synthetic-verify-token"


class GraphApi:
    """A local Graph API (a real HTTP server on loopback): records each call (`received`: the
    bodies, as the Messenger tests read them; `calls`: path, body and arrival time) and answers
    as Meta documents: `{"success": true}` for hiding a comment, the new comment's id for a
    reply under a comment, the recipient and message ids for the Send API (private replies
    included). `failures`: HTTP statuses to answer first, one per call (retry tests)."""

    def __init__(self) -> None:
        self.received: List[dict] = []
        self.calls: List[dict] = []
        self.failures: List[int] = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                path = urlsplit(self.path).path
                api.received.append(body)
                api.calls.append({"path": path, "body": body, "at": time.monotonic()})
                status = api.failures.pop(0) if api.failures else 200
                if status != 200:
                    answer = {"error": {"message": "(#2) Service temporarily unavailable", "code": 2}}
                elif path.endswith(("/comments", "/replies")):  # a page's, an Instagram comment's
                    answer = {"id": f"{path.split('/')[-2]}_{uuid.uuid4().hex[:12]}"}
                elif path.endswith("/messages"):
                    answer = {"recipient_id": "x", "message_id": "m"}
                else:
                    answer = {"success": True}
                encoded = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(encoded)))
                self.end_headers()
                self.wfile.write(encoded)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def calls_to(self, path: str) -> List[dict]:
        return [call for call in self.calls if call["path"] == path]


@pytest.fixture(scope="session")
def graph_api():
    api = GraphApi()
    yield api
    api.server.shutdown()


@pytest.fixture(scope="session")
def stack(tmp_path_factory, graph_api):
    var_dir: Path = tmp_path_factory.mktemp("var")
    stack = Stack(
        var_dir=var_dir,
        ports=E2E_PORTS,
        extra_env={
            "FB_APP_SECRET": FB_SECRET,
            "FB_VERIFY_TOKEN": FB_VERIFY,
            "FB_PAGE_ACCESS_TOKEN": "synthetic-page-token",
            "FB_GRAPH_API_URL": graph_api.url,
            "RASA_PUBLIC_URL": f"http://localhost:{E2E_PORTS.rasa}",
            # Models trained from the back office during the tests stay out of the project's models/.
            "MODELS_DIR": str(var_dir / "models"),
            # Every test comes from 127.0.0.1: the per-address limits are checked in tests/channels.
            "RATE_LIMIT_ADDRESS_BURST": "100000",
            "RATE_LIMIT_NEW_CONVERSATION_BURST": "100000",
        },
    )
    if not any(MODELS.glob("*.tar.gz")):  # `make test` trained it already; pytest alone trains
        train(stack.env)
    stack.start()
    yield stack
    stack.stop()


def open_conversation(stack, **headers: str) -> Conversation:
    """A conversation opened by the server, as every REST client must (bot.channels.ownership)."""
    answer = requests.post(conversations_url(stack.urls["rest"]), headers=headers, timeout=30)
    assert answer.status_code == 201, answer.text
    return Conversation(answer.json()["sender"], answer.json()["proof"])
