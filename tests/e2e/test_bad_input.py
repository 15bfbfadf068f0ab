"""Bad input to every door of the running assistant: the person always gets an answer (or a
clear refusal), and no server answers 500. (Markup shown as text in the back office:
tests/web/test_no_html_injection.py.)"""
import json
import re
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.backoffice import create_user
from bot.channels.masking import MAX_MESSAGE_CHARS
from bot.channels.ownership import PROOF_HEADER
from bot.channels.rate_limit import DEFAULT_BURST
from bot.storage import get_engine
from tests.e2e.conftest import open_conversation

pytestmark = pytest.mark.e2e

PASSWORD = "une-phrase-de-passe-longue"
BAD_MESSAGES = {
    "empty": "",
    "spaces": "   \n\t ",
    "long": "allocation " * 10_000,  # 110,000 characters
    "binary": "".join(chr(c) for c in range(0, 32)) + "\x7f\ufffe\U0010ffff",
    "emoji": "😡😡😡🙏",
    "html": "<script>alert('x')</script><img src=x onerror=alert(1)> bonjour",
    "sql": "'; DROP TABLE events; -- bonjour\" OR 1=1",
    "template": "{{telephone}} ${jndi:ldap://x} %s %n {0}",
    "rtl": "\u202emot de passe\u202c",
}


def post(stack, body, raw=False, conversation=None):
    """`body` to the REST webhook; with `conversation`, its sender and proof are added."""
    if conversation:
        body = {"sender": conversation.id, **body}
    headers = {"Content-Type": "application/json", **({PROOF_HEADER: conversation.proof} if conversation else {})}
    return requests.post(stack.urls["rest"], data=body if raw else json.dumps(body), headers=headers, timeout=120)


@pytest.mark.parametrize("name", sorted(BAD_MESSAGES))
def test_bad_messages_get_an_answer(stack, name):
    answer = post(stack, {"message": BAD_MESSAGES[name]}, conversation=open_conversation(stack))
    assert answer.status_code == 200
    messages = answer.json()
    assert messages and all(isinstance(m.get("text", ""), str) for m in messages)
    if name == "long":
        assert len(BAD_MESSAGES[name]) > MAX_MESSAGE_CHARS and "trop long" in messages[0]["text"]


@pytest.mark.parametrize("body", ["{pas du json", "[]", '"bonjour"', "null", "42",
                                  '{"sender": 12, "message": "x"}', '{"sender": "x", "message": {"a": 1}}',
                                  '{"sender": "x", "message": ["a"]}'])
def test_malformed_bodies_to_the_rest_webhook_are_refused_with_400(stack, body):
    answer = post(stack, body, raw=True)
    assert answer.status_code == 400 and "sender" in answer.json()["error"]


def test_malformed_bodies_to_the_public_webhooks_never_give_500(stack):
    rasa = f"http://127.0.0.1:{stack.ports.rasa}"
    for url in (f"{rasa}/webhooks/facebook/webhook", f"{rasa}/webhooks/rest/webhook"):
        for body in ("{pas du json", "[]", "null", "\x00\xff"):
            answer = requests.post(url, data=body.encode("latin-1"), headers={"Content-Type": "application/json"},
                                   timeout=30)
            assert answer.status_code < 500, (url, body, answer.status_code, answer.text[:200])


def signed_in(stack):
    from tests.web.test_backoffice_security import csrf_of, sign_in

    engine = get_engine(stack.env["DATABASE_URL"])
    username = f"agent-{uuid.uuid4().hex[:8]}"
    create_user(username, PASSWORD, ["agent"], engine=engine)
    base = f"http://127.0.0.1:{stack.ports.web}"
    browser = sign_in(base, username)
    return base, browser, csrf_of(browser, base)


def test_malformed_bodies_to_the_back_office_never_give_500(stack):
    base, browser, csrf = signed_in(stack)
    for path in ("/conseiller/api/presence", "/conseiller/api/handoffs/1/take", "/conseiller/api/handoffs/1/reply",
                 "/conseiller/api/handoffs/1/release", "/conseiller/api/handoffs/1/close"):
        for body in ("{pas du json", "[]", "null", '"texte"', "\x00\xff"):
            answer = browser.post(base + path, data=body.encode("latin-1"),
                                  headers={"Content-Type": "application/json", "X-CSRF-Token": csrf}, timeout=30)
            assert answer.status_code < 500, (path, body, answer.status_code, answer.text[:200])


def test_sign_in_form_with_bad_input_never_gives_500(stack):
    base = f"http://127.0.0.1:{stack.ports.web}"
    browser = requests.Session()
    token = re.search(r'name="csrf_token" value="([^"]+)"', browser.get(f"{base}/connexion").text).group(1)
    for username in ("' OR 1=1 --", "a" * 10_000, "\x00", "<script>alert(1)</script>"):
        answer = browser.post(f"{base}/connexion", data={"csrf_token": token, "username": username, "password": "x"},
                              allow_redirects=False, timeout=30)
        assert answer.status_code < 500
        assert "<script>alert(1)</script>" not in answer.text


def test_a_flood_from_one_sender_is_refused_with_a_clear_message(stack):
    conversation = open_conversation(stack)
    count = 2 * DEFAULT_BURST
    with ThreadPoolExecutor(count) as pool:  # all at once, as a script would
        answers = list(pool.map(lambda _: post(stack, {"message": "merci"}, conversation=conversation).json(),
                                range(count)))
    refused = [a for a in answers if a and "beaucoup de messages" in a[0]["text"]]
    assert len(refused) >= DEFAULT_BURST - 3 and all(len(a) == 1 for a in refused)
    assert all(a for a in answers), "every message gets an answer or the refusal"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300))
def test_fuzz_any_text_through_the_rest_channel_gets_an_answer(stack, text):
    answer = post(stack, {"message": text}, conversation=open_conversation(stack))
    assert answer.status_code == 200 and isinstance(answer.json(), list)
