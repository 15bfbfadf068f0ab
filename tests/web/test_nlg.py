"""Rasa's /nlg on our real web server while the back office waits: the database work of a
back-office request runs off the event loop, so Rasa's call is answered meanwhile (Rasa gives
up after 2 s and falls back to older texts)."""
import sqlite3
import threading

import pytest
import requests

from bot.backoffice import create_user
from bot.storage import get_engine, migrate
from bot.templates import load_templates
from tests.web.test_backoffice_security import PASSWORD, sign_in
from tests.web_server import web_server

TEMPLATE = load_templates()[0]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nlg")
    url = f"sqlite:///{folder / 'caisse.db'}"
    migrate(url)
    create_user("nlg-editeur", PASSWORD, ["editor"], engine=get_engine(url))
    with web_server(folder, url) as base:
        yield base, folder / "caisse.db"


def nlg(base):
    return requests.post(f"{base}/nlg", json={"response": f"utter_faq/{TEMPLATE.id}", "arguments": {},
                                              "tracker": {"slots": {}}, "channel": {"name": "rest"}}, timeout=30)


def test_nlg_answers_while_a_back_office_request_waits_for_the_database(site):
    base, database = site
    editor = sign_in(base, "nlg-editeur")
    assert nlg(base).status_code == 200  # the responses are built
    # Another writer holds SQLite's write lock: the editor's request waits for it (the session's
    # last use is written on every back-office request).
    writer = sqlite3.connect(database, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    pages = []
    waiting = threading.Thread(target=lambda: pages.append(editor.get(f"{base}/modeles/", timeout=60)))
    try:
        waiting.start()
        waiting.join(timeout=1)  # the editor's request reaches the lock
        answer = nlg(base)
        editor_still_waiting = waiting.is_alive()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    waiting.join(timeout=60)
    assert answer.status_code == 200 and answer.json()["text"]
    assert editor_still_waiting  # answered during the wait, not after it
    assert pages[0].status_code == 200
