"""The widget's public API on our real web server: a conversation's history and handoff status
are told only to whoever holds its proof, with the same answer whether it exists or not."""
import pytest
import requests

from bot.channels import ownership
from bot.handoff.queue import request_handoff
from bot.storage import get_engine, migrate
from tests.web_server import web_server


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("widget")
    url = f"sqlite:///{folder / 'caisse.db'}"
    migrate(url)
    with web_server(folder, url) as base:
        yield base, get_engine(url)


def _get(base, path, proof=None):
    return requests.get(base + path, headers={ownership.PROOF_HEADER: proof} if proof else {}, timeout=10)


@pytest.mark.parametrize("path", ["/api/public/handoff/{}", "/api/public/conversations/{}/history"])
def test_without_its_proof_nothing_is_told_about_a_conversation(site, path):
    base, engine = site
    waiting, other = ownership.new_conversation(), ownership.new_conversation()
    request_handoff(waiting.id, "socketio", "asked", engine=engine)
    refusals = [_get(base, path.format(waiting.id)), _get(base, path.format(waiting.id), other.proof),
                _get(base, path.format(waiting.id), "0" * 64), _get(base, path.format(other.id)),
                _get(base, path.format("camille.test@example.org")), _get(base, path.format("default"))]
    assert {r.status_code for r in refusals} == {403}
    assert len({r.text for r in refusals}) == 1, "the same answer whether the conversation exists or not"
    assert "preuve" in refusals[0].json()["error"]


def test_with_its_proof_the_widget_sees_its_place_in_the_queue(site):
    base, engine = site
    waiting = ownership.new_conversation()
    request_handoff(waiting.id, "socketio", "asked", engine=engine)
    status = _get(base, f"/api/public/handoff/{waiting.id}", waiting.proof).json()
    assert status["status"] == "waiting" and status["position"] >= 1 and status["text"]
    unknown = ownership.new_conversation()
    assert _get(base, f"/api/public/handoff/{unknown.id}", unknown.proof).json() == {"status": "none"}


def test_a_suspended_person_is_told_until_when(site):
    from datetime import datetime, timedelta, timezone

    from bot.moderation.flags import flag_conversation

    base, engine = site
    blocked = ownership.new_conversation()
    flag_conversation(blocked.id, "insult", "high", "socketio", block_minutes=30, engine=engine)
    status = _get(base, f"/api/public/handoff/{blocked.id}", blocked.proof).json()
    assert status["status"] == "suspended"
    until = datetime.fromisoformat(status["until"])
    assert timedelta(minutes=29) < until - datetime.now(timezone.utc) <= timedelta(minutes=30)
    assert status["text"].startswith("Conversation suspendue jusqu'à ") and " h" in status["text"]
    assert "aujourd'hui" not in status["text"]
