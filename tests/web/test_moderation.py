"""The moderators' page on our real web server: Paris times, the whole recent exchange with its
times, and what each decision does to a suspension. Rasa's HTTP API is stood in for by a small
server answering the tracker of the flagged conversation with events serialised by Rasa itself."""
import json
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rasa.shared.core.events import BotUttered, UserUttered

from bot.backoffice import create_user
from bot.moderation.flags import flag_conversation
from bot.storage import get_engine, migrate
from tests.web.test_backoffice_security import PASSWORD, sign_in
from tests.web_server import web_server

FLAGGED_AT = datetime(2026, 7, 1, 12, 0, tzinfo=timezone.utc)  # 14:00 in Paris (summer time)
EVENTS = [UserUttered("espèce d'incapable", {"name": "nlu_fallback"}, timestamp=FLAGGED_AT.timestamp()).as_dict(),
          BotUttered("Merci de rester courtois.", timestamp=FLAGGED_AT.timestamp() + 60).as_dict()]


class _Rasa(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        body = json.dumps({"events": EVENTS if "/conversations/mod-essai/tracker" in self.path else []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_):
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("moderation")
    url = f"sqlite:///{folder / 'caisse.db'}"
    migrate(url)
    engine = get_engine(url)
    create_user("mod-essai", PASSWORD, ["moderator"], engine=engine)
    flag_conversation("mod-essai", "insult", "medium", "socketio", now=FLAGGED_AT, engine=engine)
    rasa = ThreadingHTTPServer(("127.0.0.1", 0), _Rasa)
    threading.Thread(target=rasa.serve_forever, daemon=True).start()
    with web_server(folder, url, RASA_URL=f"http://127.0.0.1:{rasa.server_address[1]}") as base:
        yield base
    rasa.shutdown()


def test_times_are_paris_times_and_the_exchange_is_whole(site):
    page = sign_in(site, "mod-essai").get(f"{site}/moderation/").text
    assert "signalée le 01/07/2026 à 14:00" in page and "UTC" not in page
    assert "pas de suspension en cours" in page
    assert "Personne, le 01/07/2026 à 14:00 :" in page
    assert "Assistant, le 01/07/2026 à 14:01 :" in page and "Merci de rester courtois." in page


def test_the_form_says_what_happens_to_a_suspension(site):
    page = sign_in(site, "mod-essai").get(f"{site}/moderation/").text
    assert "la suspension en cours, s&#39;il y en a une, est levée" in page or \
        "la suspension en cours, s'il y en a une, est levée" in page
    assert "continue" in page and "Suspendre la personne pour la durée indiquée" in page


class _RasaAnsweringTogether(BaseHTTPRequestHandler):
    """A Rasa that answers a tracker only once both flagged conversations are asked for at the
    same time: asked one after the other, the first call fails after a few seconds."""

    both = threading.Barrier(2, timeout=8)

    def do_GET(self):  # noqa: N802 (http.server's name)
        try:
            self.both.wait()
        except threading.BrokenBarrierError:
            self.send_response(503)
            self.end_headers()
            return
        name = "ensemble-1" if "/conversations/ensemble-1/" in self.path else "ensemble-2"
        body = json.dumps({"events": [UserUttered(f"message de {name}", {"name": "nlu_fallback"},
                                                  timestamp=FLAGGED_AT.timestamp()).as_dict()]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_):
        pass


@pytest.fixture(scope="module")
def two_flags(tmp_path_factory):
    folder = tmp_path_factory.mktemp("moderation_together")
    url = f"sqlite:///{folder / 'caisse.db'}"
    migrate(url)
    engine = get_engine(url)
    create_user("mod-ensemble", PASSWORD, ["moderator"], engine=engine)
    for conversation_id in ("ensemble-1", "ensemble-2"):
        flag_conversation(conversation_id, "insult", "medium", "socketio", now=FLAGGED_AT, engine=engine)
    rasa = ThreadingHTTPServer(("127.0.0.1", 0), _RasaAnsweringTogether)
    threading.Thread(target=rasa.serve_forever, daemon=True).start()
    with web_server(folder, url, RASA_URL=f"http://127.0.0.1:{rasa.server_address[1]}") as base:
        yield base
    rasa.shutdown()


def test_the_flags_transcripts_are_asked_of_rasa_at_once(two_flags):
    page = sign_in(two_flags, "mod-ensemble").get(f"{two_flags}/moderation/", timeout=60).text
    assert "message de ensemble-1" in page and "message de ensemble-2" in page
