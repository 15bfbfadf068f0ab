"""Messages full of personal data through every channel (in the text, the metadata, a typed
intent payload); then every table of both databases, every log, what Messenger was sent and the
page are scanned: no value may appear in clear."""
import hashlib
import hmac
import json
import random
import re
import sqlite3
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bot.channels.ownership import PROOF_HEADER
from tests.e2e.conftest import FB_SECRET, open_conversation
from tests.e2e.test_rest import say, texts
from tests.personal_data.synthetic import format_iban, format_nir, make_iban, make_nir

pytestmark = pytest.mark.e2e

RNG = random.Random(2026)
NIR = format_nir(make_nir(RNG), "space")
IBAN = format_iban(make_iban(RNG), "space")
PHONE = "06 48 27 19 53"
EMAIL = "lea.martinez.test@example.org"
MESSAGES = [
    f"bonjour mon numero de secu c'est {NIR}, quand est versée l'allocation de rentrée scolaire ?",
    f"voici mon iban {IBAN} pour le changement de compte",
    f"rappelez moi au {PHONE} ou écrivez à {EMAIL} svp",
]
VALUES = [NIR, IBAN, PHONE, EMAIL]


def digits_or_text(value: str) -> list:
    """A value and its compact form (the NIR or IBAN without spaces)."""
    return [value, re.sub(r"\s", "", value)]


def assert_nowhere(blob: str, where: str) -> None:
    for value in VALUES:
        for form in digits_or_text(value):
            assert form not in blob, f"{form!r} found in clear in {where}"


def dump_sqlite(url: str) -> str:
    with sqlite3.connect(url[len("sqlite:///"):]) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return "\n".join(
            repr(row) for table in tables for row in connection.execute(f'SELECT * FROM "{table}"')
        )


def messenger_post(stack, psid: str, event: dict) -> None:
    """One event of a Messenger user, signed as Meta signs it."""
    body = json.dumps({"object": "page", "entry": [{"id": "p", "time": 1, "messaging": [{
        "sender": {"id": psid}, "recipient": {"id": "p"}, "timestamp": 1, **event}]}]}).encode()
    signature = "sha256=" + hmac.new(FB_SECRET.encode(), body, hashlib.sha256).hexdigest()
    request = urllib.request.Request(
        f"http://127.0.0.1:{stack.ports.rasa}/webhooks/facebook/webhook", data=body,
        headers={"Content-Type": "application/json", "X-Hub-Signature-256": signature})
    with urllib.request.urlopen(request, timeout=60) as answer:
        assert answer.status == 200


def test_no_personal_value_is_stored_logged_or_sent_in_clear(stack, graph_api, browser):
    # REST
    conversation = open_conversation(stack)
    first = say(stack, MESSAGES[0], conversation)
    assert "j'ai masqué votre numéro de sécurité sociale" in texts(first)
    # The general part is still served: answered, or (under the confidence threshold) offered as
    # the first of the closest answers.
    offered = [button["title"] for m in first for button in m.get("buttons") or []]
    assert "rentrée" in texts(first).lower() or "rentrée" in offered[0].lower(), \
        "the general part of the question is still answered"
    for message in MESSAGES[1:]:
        assert "j'ai masqué" in texts(say(stack, message, conversation))

    # Messenger
    psid = uuid.uuid4().hex
    for message in MESSAGES:
        messenger_post(stack, psid, {"message": {"mid": uuid.uuid4().hex, "text": message}})

    # Web chat, in the browser
    page = browser.new_page()
    page.goto(stack.urls["page"])
    page.get_by_role("button", name="Une question ? Discutez avec nous").click()
    page.get_by_label("Votre message").fill(MESSAGES[1])
    page.keyboard.press("Enter")
    expect(page.get_by_role("log")).to_contain_text("j'ai masqué", timeout=30_000)
    assert_nowhere(page.evaluate("JSON.stringify(sessionStorage) + JSON.stringify(localStorage)"),
                   "the browser's storage")
    page.reload()
    expect(page.get_by_role("log")).to_contain_text("[IBAN]", timeout=30_000)
    assert_nowhere(page.get_by_role("log").inner_text(), "the reloaded conversation")
    page.close()

    time.sleep(1)
    assert_nowhere(dump_sqlite(stack.env["TRACKER_DB_URL"]), "the tracker store")
    assert_nowhere(dump_sqlite(stack.env["DATABASE_URL"]), "our tables")
    for log in Path(stack.var_dir, "log").glob("*.log"):
        assert_nowhere(log.read_text(errors="replace"), log.name)
    assert_nowhere(json.dumps(graph_api.received, ensure_ascii=False), "messages sent to Messenger")
    assert "[IBAN]" in dump_sqlite(stack.env["TRACKER_DB_URL"])


def test_the_notice_after_masked_data_leaves_the_dialogue_where_it_was(stack):
    conversation = open_conversation(stack)
    first = say(stack, '/nlu_fallback{"contact": "%s"}' % EMAIL, conversation)
    assert "reformuler" in texts(first) and "j'ai masqué une adresse e-mail" in texts(first)
    second = say(stack, "/nlu_fallback", conversation)
    assert "je la transmets à un conseiller" in texts(second), "the rule still sees the request to rephrase"


# --- everything else a person sends: metadata, typed payloads, the widget's own bubble ------

SURNAME = "Quintavalle-Brassac"  # made-up, typed where the detector sees JSON, not a sentence
METADATA = {"nom": f"Sophie {SURNAME}", "contact": {"mail": [EMAIL], "tel": PHONE}, NIR: IBAN,
            "personal_data": ["NIR"]}
PAYLOAD = '/greet{"nom": "%s", "prenom": "Sophie"}' % SURNAME


def rest_post(stack, body: dict) -> list:
    """A message, with anything else in its body, in a new conversation."""
    conversation = open_conversation(stack)
    request = urllib.request.Request(
        stack.urls["rest"], data=json.dumps({"sender": conversation.id, **body}).encode(),
        headers={"Content-Type": "application/json", PROOF_HEADER: conversation.proof})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.loads(answer.read())


# Rasa's socket.io protocol, from the page (the widget's own socket.io client); resolves once the
# last message's masked-data notice came, i.e. once every message is in the tracker store.
SOCKET_MESSAGES = """async ([messages, metadata]) => {
  const socket = io(document.getElementById("caisse-chat").dataset.rasaUrl, {path: "/socket.io",
                                                                              transports: ["websocket"]});
  const session = await new Promise(resolve => {
    socket.on("session_confirm", resolve); socket.emit("session_request", {});
  });
  const noticed = new Promise(resolve => socket.on("bot_uttered", m => m.text.includes("masqué") && resolve()));
  for (const message of messages) {
    socket.emit("user_uttered", {message, session_id: session.session_id, metadata});
  }
  await noticed;
  socket.close();
}"""


def test_metadata_and_typed_payloads_never_reach_the_tracker_nor_the_log_in_clear(stack, browser):
    assert texts(rest_post(stack, {"message": "bonjour", "metadata": METADATA}))
    assert "masqué" in texts(rest_post(stack, {"message": PAYLOAD, "metadata": METADATA}))

    page = browser.new_page()
    page.goto(stack.urls["page"])
    page.evaluate(SOCKET_MESSAGES, [["bonjour", PAYLOAD], METADATA])
    page.close()

    time.sleep(1)
    tracker = dump_sqlite(stack.env["TRACKER_DB_URL"])
    assert tracker.count("/greet") >= 2 and "socketio" in tracker, "both channels' messages were stored"
    for where, blob in [("the tracker store", tracker)] + [
            (log.name, log.read_text(errors="replace")) for log in Path(stack.var_dir, "log").glob("*.log")]:
        assert_nowhere(blob, where)
        assert SURNAME not in blob, f"a name typed in the metadata or a payload, in {where}"


def test_oversized_metadata_is_refused_with_a_clear_message(stack):
    oversized = rest_post(stack, {"message": "bonjour", "metadata": {"notes": "x" * 2_000_000}})
    assert "trop de données techniques" in texts(oversized)
    assert "x" * 1000 not in dump_sqlite(stack.env["TRACKER_DB_URL"])


def test_a_messenger_attachment_gets_a_fixed_answer_and_never_reaches_the_tracker(stack, graph_api):
    psid = uuid.uuid4().hex
    url = f"https://cdn.fbsbx.com/v/t59.2708-21/attestation_Sophie_{SURNAME}.pdf?_nc_cat=1"
    messenger_post(stack, psid, {"message": {"mid": uuid.uuid4().hex,
                                             "attachments": [{"type": "file", "payload": {"url": url}}]}})
    sent = [m["message"]["text"] for m in graph_api.received if m.get("recipient", {}).get("id") == psid
            and "message" in m]
    assert len(sent) == 1 and "Je ne peux pas lire les pièces jointes" in sent[0]
    tracker = dump_sqlite(stack.env["TRACKER_DB_URL"])
    assert psid not in tracker and SURNAME not in tracker


def test_the_persons_own_bubble_is_masked_once_the_message_is_kept(stack, browser):
    page = browser.new_page()
    page.goto(stack.urls["page"])
    page.get_by_role("button", name="Une question ? Discutez avec nous").click()
    page.get_by_label("Votre message").fill(MESSAGES[0])
    page.keyboard.press("Enter")
    log = page.get_by_role("log")
    expect(log).to_contain_text("j'ai masqué", timeout=30_000)
    expect(log.locator(".chat-user").last).to_contain_text("[NIR]")
    assert_nowhere(page.content(), "the page's DOM")
    page.close()
