"""Messenger webhook: a signed call is answered through the Graph API, a forged one refused."""
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
import uuid

import pytest

from tests.e2e.conftest import FB_SECRET, FB_VERIFY

pytestmark = pytest.mark.e2e


def webhook_url(stack):
    return f"http://127.0.0.1:{stack.ports.rasa}/webhooks/facebook/webhook"


def post(stack, body: bytes, signature: str):
    request = urllib.request.Request(
        webhook_url(stack), data=body,
        headers={"Content-Type": "application/json", "X-Hub-Signature-256": signature},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def payload(psid: str, text: str) -> bytes:
    return json.dumps({
        "object": "page",
        "entry": [{"id": "page", "time": 1, "messaging": [{
            "sender": {"id": psid}, "recipient": {"id": "page"}, "timestamp": 1,
            "message": {"mid": uuid.uuid4().hex, "text": text},
        }]}],
    }).encode()


def signature(body: bytes, secret: str = FB_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def replies_to(graph_api, psid):
    return [m for m in graph_api.received if m.get("recipient", {}).get("id") == psid]


def messages_to(graph_api, psid):
    """What the person reads: sent messages, not "seen" or "typing" indicators."""
    return [m for m in replies_to(graph_api, psid) if "message" in m]


def test_signed_message_is_answered_through_the_graph_api(stack, graph_api):
    psid = uuid.uuid4().hex
    body = payload(psid, "bonjour")
    assert post(stack, body, signature(body)) == (200, "success")
    deadline = time.monotonic() + 30
    while not replies_to(graph_api, psid) and time.monotonic() < deadline:
        time.sleep(0.2)
    sent = json.dumps(replies_to(graph_api, psid), ensure_ascii=False)
    assert "assistant virtuel" in sent


def test_a_template_answer_on_messenger_carries_the_legal_notice_once(stack, graph_api):
    from bot.templates import load_templates

    first, second = [t for t in load_templates() if t.branch == "caf"][:2]
    psid = uuid.uuid4().hex
    for question, expected_replies in ((first.examples[0], 2), (second.examples[0], 3)):
        body = payload(psid, question)
        assert post(stack, body, signature(body)) == (200, "success")
        deadline = time.monotonic() + 30
        while len(messages_to(graph_api, psid)) < expected_replies and time.monotonic() < deadline:
            time.sleep(0.2)
    sent = [json.dumps(m, ensure_ascii=False) for m in messages_to(graph_api, psid)]
    assert len(sent) == 3
    assert ["examen complet de votre dossier" in m for m in sent] == [False, True, False]


def test_badly_signed_message_is_refused_and_never_answered(stack, graph_api):
    psid = uuid.uuid4().hex
    body = payload(psid, "bonjour")
    status, _ = post(stack, body, signature(body, secret="not-the-app-secret"))
    assert status == 403
    time.sleep(2)
    assert replies_to(graph_api, psid) == []


def test_webhook_verification_needs_the_verify_token(stack):
    good = f"{webhook_url(stack)}?hub.mode=subscribe&hub.verify_token={FB_VERIFY}&hub.challenge=42"
    with urllib.request.urlopen(good, timeout=10) as answer:
        assert answer.read() == b"42"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(good.replace(FB_VERIFY, "wrong"), timeout=10)
    assert refused.value.code == 403
