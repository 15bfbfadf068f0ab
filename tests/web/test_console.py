"""The console's routes on our real web server, its Rasa a real HTTP stand-in: each answers with
the handoff service's step (status, refusals as 400/409, Rasa out of reach as 502) and the
person's conversation gets that step's events."""
import re

import pytest
import requests

from bot.backoffice import create_user
from bot.handoff import queue
from bot.storage import get_engine, migrate
from tests.rasa_http import TOKEN, RasaHttpStandIn
from tests.web_server import web_server

PASSWORD = "phrase-de-passe-console"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("console")
    url = f"sqlite:///{folder / 'caisse.db'}"
    migrate(url)
    engine = get_engine(url)
    for username, name in (("camille", "Camille"), ("dominique", "Dominique")):
        create_user(username, PASSWORD, ["agent"], name, engine=engine)
    with RasaHttpStandIn() as rasa, web_server(folder, url, RASA_URL=rasa.url, RASA_AUTH_TOKEN=TOKEN) as base:
        yield base, engine, rasa


def signed_in(base: str, username: str) -> requests.Session:
    session = requests.Session()
    token = re.search(r'name="csrf_token" value="([^"]+)"', session.get(f"{base}/connexion").text).group(1)
    session.post(f"{base}/connexion", data={"csrf_token": token, "username": username, "password": PASSWORD})
    session.headers["X-CSRF-Token"] = re.search(r'data-csrf="([^"]+)"', session.get(f"{base}/conseiller").text).group(1)
    return session


def test_take_reply_transfer_and_close_go_through_the_service(site):
    base, engine, rasa = site
    handoff = queue.request_handoff("conv-console", "socketio", "asked", engine=engine)
    camille, dominique = signed_in(base, "camille"), signed_in(base, "dominique")
    api = f"{base}/conseiller/api/handoffs/{handoff.id}"
    assert camille.post(f"{api}/take").json() == {"id": handoff.id, "status": "active"}
    lost = dominique.post(f"{api}/take")
    assert lost.status_code == 409 and "autre conseiller" in lost.json()["error"]
    assert camille.post(f"{api}/reply", json={"text": ""}).status_code == 400
    assert camille.post(f"{api}/reply", json={"text": "Bonjour, je suis Camille."}).json() == {"sent": True}
    seen = camille.get(api).json()
    assert [(line["author"], line["text"]) for line in seen["lines"]][-1] == ("agent", "Bonjour, je suis Camille.")
    colleague = next(c["id"] for c in camille.get(f"{base}/conseiller/api/colleagues").json()["colleagues"])
    assert camille.post(f"{api}/transfer", json={"to": colleague}).json()["status"] == "active"
    assert dominique.post(f"{api}/close", json={"outcome": "plus tard"}).status_code == 400
    assert dominique.post(f"{api}/close", json={"outcome": "answered"}).json()["status"] == "closed"
    kinds = [[event["event"] for event in events] for events in rasa.appended_to("conv-console")]
    assert kinds == [["pause", "bot"], ["bot"], ["bot"], ["resume", "bot", "action"]]


def test_a_step_rasa_did_not_take_is_told_to_the_agent(site):
    base, engine, rasa = site
    handoff = queue.request_handoff("conv-console-down", "socketio", "asked", engine=engine)
    rasa.down = True
    try:
        answer = signed_in(base, "camille").post(f"{base}/conseiller/api/handoffs/{handoff.id}/take")
    finally:
        rasa.down = False
    assert answer.status_code == 502
    assert answer.json()["error"] == "Prise en charge enregistrée, mais message non envoyé (Rasa a répondu 503)."
    assert queue.get_handoff(handoff.id, engine).status == "active"
