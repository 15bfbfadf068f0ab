"""Facebook page comments end to end: signed Page webhook deliveries in Meta's shapes reach the
assistant (the trained model reads them), which hides, answers in public or in private, flags
or queues them through the local Graph API."""
import json
import random
import sqlite3
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.handoff.queue import open_handoff
from bot.moderation.flags import open_flags
from bot.storage import get_engine
from bot.templates import load_templates
from tests.e2e.test_messenger import post, signature
from tests.personal_data.synthetic import format_nir, make_nir, make_phone

pytestmark = pytest.mark.e2e

PAGE = "100000000000001"
POST = f"{PAGE}_200000000000002"
_rng = random.Random(1818)


def delivery(message="", verb="add", comment_id=None, author=None) -> tuple:
    """A Page webhook delivery of one comment (Meta's `feed` change), and the comment's id."""
    comment_id = comment_id or f"200000000000002_{_rng.randrange(10**14, 10**15)}"
    value = {"from": {"id": author or str(_rng.randrange(10**15, 10**16)), "name": "Camille Exemple"},
             "post_id": POST, "comment_id": comment_id, "parent_id": POST, "item": "comment", "verb": verb,
             "created_time": int(time.time())}
    if verb != "remove":
        value["message"] = message
    body = json.dumps({"object": "page", "entry": [{"id": PAGE, "time": int(time.time()),
                                                    "changes": [{"field": "feed", "value": value}]}]}).encode()
    return body, comment_id


def send(stack, body: bytes) -> None:
    assert post(stack, body, signature(body)) == (200, "success")


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
    return condition()


def table(stack) -> str:
    path = stack.env["DATABASE_URL"][len("sqlite:///"):]
    with sqlite3.connect(path) as connection:
        return "\n".join(map(str, connection.execute("SELECT * FROM social_comments").fetchall()))


def row(stack, comment_id) -> dict:
    path = stack.env["DATABASE_URL"][len("sqlite:///"):]
    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        found = connection.execute("SELECT * FROM social_comments WHERE comment_id = ?", (comment_id,)).fetchone()
    return dict(found) if found else {}


def logs(stack) -> str:
    return "\n".join(path.read_text(errors="replace") for path in (stack.var_dir / "log").glob("*.log"))


def test_a_comment_with_a_social_security_number_is_hidden_answered_privately_and_never_kept(stack, graph_api):
    nir = format_nir(make_nir(_rng))
    body, comment_id = delivery(f"Bonjour, voici mon numéro {nir}, pourquoi je ne suis pas payée ?")
    send(stack, body)
    assert wait_for(lambda: len(graph_api.calls_to(f"/{PAGE}/messages")) and row(stack, comment_id))
    assert graph_api.calls_to(f"/{comment_id}")[0]["body"] == {"is_hidden": True}
    [private] = [c for c in graph_api.calls_to(f"/{PAGE}/messages")
                 if c["body"].get("recipient") == {"comment_id": comment_id}]
    assert "numéro de sécurité sociale" in private["body"]["message"]["text"]
    stored = row(stack, comment_id)
    assert stored["action"] == "hidden_personal_data" and stored["personal_data"] == "NIR"
    assert "[NIR]" in stored["masked_text"]
    for clear in (nir, nir.replace(" ", ""), "Camille"):
        assert clear not in table(stack) and clear not in logs(stack)


def test_a_general_question_gets_a_public_reply(stack, graph_api):
    template = next(t for t in load_templates() if t.branch == "caf")
    body, comment_id = delivery(template.examples[0])
    send(stack, body)
    assert wait_for(lambda: row(stack, comment_id))
    [reply] = graph_api.calls_to(f"/{comment_id}/comments")
    assert reply["body"]["message"].startswith(template.answer[:40])
    assert row(stack, comment_id)["action"] == "public_reply"


def test_a_question_about_ones_own_file_gets_a_private_reply(stack, graph_api):
    body, comment_id = delivery("pourquoi mon dossier n'est toujours pas traité ? je n'ai rien reçu ce mois-ci")
    send(stack, body)
    assert wait_for(lambda: row(stack, comment_id))
    assert [c["body"]["recipient"] for c in graph_api.calls_to(f"/{PAGE}/messages")
            if c["body"].get("recipient") == {"comment_id": comment_id}] == [{"comment_id": comment_id}]
    assert graph_api.calls_to(f"/{comment_id}/comments") == []
    assert row(stack, comment_id)["action"] == "private_reply"


def test_an_insult_is_hidden_and_flagged(stack, graph_api):
    body, comment_id = delivery("bande de connards incompétents")
    send(stack, body)
    assert wait_for(lambda: row(stack, comment_id))
    assert graph_api.calls_to(f"/{comment_id}")[0]["body"] == {"is_hidden": True}
    assert row(stack, comment_id)["action"] == "hidden_abuse"
    thread = f"facebook_comment:{comment_id}"
    flags = [f for f in open_flags(engine=get_engine(stack.env["DATABASE_URL"])) if f.conversation_id == thread]
    assert [(f.category, f.channel) for f in flags] == [("insult", "facebook_comment")]
    assert open_handoff(thread, get_engine(stack.env["DATABASE_URL"])) is None


def test_the_pages_own_comment_triggers_nothing(stack, graph_api):
    before = len(graph_api.calls)
    body, comment_id = delivery("Retrouvez toutes les dates de paiement sur notre site.", author=PAGE)
    send(stack, body)
    assert wait_for(lambda: row(stack, comment_id))
    time.sleep(1)
    assert len(graph_api.calls) == before
    assert row(stack, comment_id)["action"] == "ignored_own"


def test_an_edited_comment_with_a_phone_number_is_hidden(stack, graph_api):
    body, comment_id = delivery("merci pour l'info")
    send(stack, body)
    assert wait_for(lambda: row(stack, comment_id))
    assert graph_api.calls_to(f"/{comment_id}") == []
    phone = make_phone(_rng)
    body, _ = delivery(f"merci, rappelez-moi au {phone}", verb="edited", comment_id=comment_id)
    send(stack, body)
    assert wait_for(lambda: row(stack, comment_id)["action"] == "hidden_personal_data")
    assert graph_api.calls_to(f"/{comment_id}")[0]["body"] == {"is_hidden": True}
    stored = row(stack, comment_id)
    assert stored["action"] == "hidden_personal_data" and stored["edited_at"] and phone not in table(stack)


def test_twenty_comments_with_a_social_security_number_at_once_are_all_hidden(stack, graph_api):
    """All hidden and stored masked; the delays are printed, not asserted: the 2 s p95 target is a
    speed target, not a test: machines are noisy."""
    numbers = [format_nir(make_nir(_rng)) for _ in range(21)]
    warm_up, *deliveries = [delivery(f"mon numéro de sécu {number} merci de regarder") for number in numbers]
    send(stack, warm_up[0])  # the first comment after a start waits about 4 s (cause not yet found)
    assert wait_for(lambda: graph_api.calls_to(f"/{warm_up[1]}"))
    sent_at = {}

    def deliver(item):
        body, comment_id = item
        sent_at[comment_id] = time.monotonic()
        send(stack, body)

    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(deliver, deliveries))
    assert wait_for(lambda: all(graph_api.calls_to(f"/{c}") for _, c in deliveries))
    delays = sorted(graph_api.calls_to(f"/{c}")[0]["at"] - sent_at[c] for _, c in deliveries)
    p95 = statistics.quantiles(delays, n=20)[-1]
    print(f"\ndélivrance -> masquage, 20 commentaires avec un NIR en même temps : médiane "
          f"{statistics.median(delays):.3f} s, p95 {p95:.3f} s, max {delays[-1]:.3f} s")
    assert wait_for(lambda: all(row(stack, c).get("action") == "hidden_personal_data" for _, c in deliveries))
    stored = table(stack)
    assert not any(number in stored or number.replace(" ", "") in stored for number in numbers)


def test_a_delivery_with_a_comment_and_a_private_message_serves_both(stack, graph_api):
    from tests.e2e.test_messenger import replies_to

    psid = str(_rng.randrange(10**15, 10**16))
    body, comment_id = delivery("bande de connards")
    both = json.loads(body)
    both["entry"].append({"id": PAGE, "time": 1, "messaging": [{
        "sender": {"id": psid}, "recipient": {"id": PAGE}, "timestamp": 1, "message": {"mid": "m1", "text": "bonjour"}}]})
    body = json.dumps(both).encode()
    send(stack, body)
    assert wait_for(lambda: row(stack, comment_id) and replies_to(graph_api, psid))
    assert row(stack, comment_id)["action"] == "hidden_abuse"
