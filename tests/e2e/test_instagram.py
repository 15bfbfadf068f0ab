"""Instagram direct messages, signed and shaped as Meta delivers them (`object: "instagram"`) to
Messenger's webhook, against the whole stack and the local stand-in of the Graph API: answered,
masked in the tracker, echoes ignored, and the agents' queue answering through the Send API;
a comment on the account's media holding a social-security number hidden and answered privately."""
import json
import random
import sqlite3
import time
import uuid

import pytest

from bot.handoff.queue import open_handoff
from tests.e2e.test_handoff import console_session, engine  # noqa: F401 (the agents' accounts)
from tests.e2e.test_messenger import messages_to, post, signature
from tests.personal_data.synthetic import format_nir, make_nir

pytestmark = pytest.mark.e2e

IG_ACCOUNT = "17841400000000002"
NIR = format_nir(make_nir(random.Random(1818)), "space")


def instagram(stack, igsid: str, message: dict, from_account: bool = False) -> None:
    """One signed Instagram messaging notification; from the account itself when it is an echo."""
    sender, recipient = (IG_ACCOUNT, igsid) if from_account else (igsid, IG_ACCOUNT)
    body = json.dumps({"object": "instagram", "entry": [{"id": IG_ACCOUNT, "time": 1, "messaging": [{
        "sender": {"id": sender}, "recipient": {"id": recipient}, "timestamp": 1,
        "message": {"mid": uuid.uuid4().hex, **message}}]}]}).encode()
    assert post(stack, body, signature(body)) == (200, "success")


def wait_for_messages(graph_api, igsid: str, count: int = 1) -> list:
    deadline = time.monotonic() + 30
    while len(messages_to(graph_api, igsid)) < count and time.monotonic() < deadline:
        time.sleep(0.2)
    return [m["message"].get("text", "") for m in messages_to(graph_api, igsid)]


def user_events(stack, sender_id: str) -> list:
    with sqlite3.connect(stack.env["TRACKER_DB_URL"][len("sqlite:///"):]) as connection:
        rows = connection.execute("SELECT data FROM events WHERE sender_id = ? AND type_name = 'user'", (sender_id,))
        return [json.loads(row[0]) for row in rows]


def test_a_direct_message_is_answered_through_the_send_api(stack, graph_api):
    igsid = uuid.uuid4().hex
    instagram(stack, igsid, {"text": "bonjour"})
    assert "assistant virtuel" in " ".join(wait_for_messages(graph_api, igsid))
    assert [event["input_channel"] for event in user_events(stack, igsid)] == ["instagram"]


def test_a_social_security_number_is_masked_in_the_tracker(stack, graph_api):
    igsid = uuid.uuid4().hex
    instagram(stack, igsid, {"text": f"mon numéro de sécu est {NIR}, quand est versée l'allocation de rentrée scolaire ?"})
    sent = " ".join(wait_for_messages(graph_api, igsid, 2))
    assert "j'ai masqué votre numéro de sécurité sociale" in sent
    [event] = user_events(stack, igsid)
    assert "[NIR]" in event["text"]
    stored = json.dumps(user_events(stack, igsid), ensure_ascii=False) + json.dumps(graph_api.received)
    assert NIR not in stored and NIR.replace(" ", "") not in stored


def test_an_echo_of_the_accounts_own_message_is_ignored(stack, graph_api):
    igsid = uuid.uuid4().hex
    instagram(stack, igsid, {"text": "bonjour", "is_echo": True}, from_account=True)
    time.sleep(2)
    assert messages_to(graph_api, igsid) == [] and messages_to(graph_api, IG_ACCOUNT) == []
    assert user_events(stack, IG_ACCOUNT) == [] and user_events(stack, igsid) == []


def test_an_agent_answers_an_instagram_conversation_from_the_queue(stack, graph_api, engine):  # noqa: F811
    igsid = uuid.uuid4().hex
    instagram(stack, igsid, {"text": "je voudrais parler a un conseiller svp"})
    assert "conseiller" in " ".join(wait_for_messages(graph_api, igsid))
    deadline = time.monotonic() + 20
    while open_handoff(igsid, engine) is None and time.monotonic() < deadline:
        time.sleep(0.2)
    handoff = open_handoff(igsid, engine)
    assert handoff.channel == "instagram"
    camille = console_session(stack, "camille")
    assert camille.post(f"{camille.base}/handoffs/{handoff.id}/take").status_code == 200
    answer = "Bonjour, je regarde votre dossier avec vous."
    assert camille.post(f"{camille.base}/handoffs/{handoff.id}/reply", json={"text": answer}).status_code == 200
    deadline = time.monotonic() + 20
    while answer not in wait_for_messages(graph_api, igsid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert answer in wait_for_messages(graph_api, igsid)


def test_a_comment_with_a_social_security_number_is_hidden_and_answered_privately(stack, graph_api):
    comment_id = str(random.randrange(10**16, 10**17))
    body = json.dumps({"object": "instagram", "entry": [{"id": IG_ACCOUNT, "time": int(time.time()), "changes": [{
        "field": "comments", "value": {"id": comment_id, "text": f"voici mon numéro {NIR}, pourquoi rien ?",
                                       "from": {"id": "17841400000000777", "username": "camille.exemple"},
                                       "media": {"id": "17900000000000003", "media_product_type": "FEED"}}}]}]}).encode()
    assert post(stack, body, signature(body)) == (200, "success")

    def private_replies():
        return [c for c in graph_api.calls if c["path"].endswith("/messages")
                and c["body"].get("recipient") == {"comment_id": comment_id}]

    deadline = time.monotonic() + 30  # comments are handled after the webhook's answer
    while not private_replies() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [c["body"] for c in graph_api.calls_to(f"/{comment_id}")] == [{"hide": True}]
    [private] = private_replies()
    assert "numéro de sécurité sociale" in private["body"]["message"]["text"]

    def stored():
        with sqlite3.connect(stack.env["DATABASE_URL"][len("sqlite:///"):]) as connection:
            return connection.execute("SELECT platform, masked_text FROM social_comments WHERE comment_id = ?",
                                      (comment_id,)).fetchall()

    while not stored() and time.monotonic() < deadline:  # recorded once hidden and answered
        time.sleep(0.1)
    assert stored() == [("instagram", "voici mon numéro [NIR], pourquoi rien ?")]
