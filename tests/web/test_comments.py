"""The agents' comment-thread page on our real web server, with a real SQLite database and the
local Graph API stand-in (a real HTTP server recording each call): public and private answers
reach the right edge, personal data never goes out in public, a failed call keeps the answer,
and only signed-in agents may read or answer (CSRF token on every answer)."""
import random
import re
import uuid
from datetime import timedelta

import pytest
import requests

from bot.backoffice import create_user
from bot.handoff.queue import get_handoff, open_handoff, request_handoff
from bot.handoff.records import CLOSED
from bot.social import records
from bot.social.records import SocialComment
from bot.storage import get_engine, migrate, utcnow
from tests.e2e.conftest import GraphApi
from tests.personal_data.synthetic import format_nir, make_nir
from tests.web.test_backoffice_security import PASSWORD, sign_in
from tests.web_server import web_server

PAGE = "100000000000001"
POST = f"{PAGE}_200000000000002"
TRIES = 4  # bot.channels.graph_api.TRIES: a call fails when every try failed


@pytest.fixture(scope="module")
def graph():
    api = GraphApi()
    yield api
    api.server.shutdown()


@pytest.fixture(scope="module")
def site(tmp_path_factory, graph):
    folder = tmp_path_factory.mktemp("comments")
    url = f"sqlite:///{folder / 'caisse.db'}"
    migrate(url)
    engine = get_engine(url)
    create_user("camille", PASSWORD, ["agent"], "Camille", engine=engine)
    create_user("sacha", PASSWORD, ["agent"], "Sacha", engine=engine)
    create_user("dominique", PASSWORD, ["manager"], "Dominique", engine=engine)
    with web_server(folder, url, FB_GRAPH_API_URL=graph.url, FB_PAGE_ACCESS_TOKEN="synthetic-page-token",
                    FB_PAGE_ID=PAGE) as base:
        yield base, engine


def thread(engine, platform=records.FACEBOOK, action=records.QUEUED, answered=False, received=None):
    """A queued thread: a person's question, the page's earlier reply and the person's follow-up;
    returns the handoff id and the top-level comment id."""
    top = f"{POST.split('_')[1]}_{random.randrange(10**14, 10**15)}"
    conversation = f"{platform}_comment:{top}"
    received = received or utcnow() - timedelta(minutes=30)
    for offset, (comment_id, parent, text, kind) in enumerate([
        (top, None, "bonjour, mon dossier de prime d'activité est bloqué depuis deux mois", action),
        (f"{top}_p", top, "Bonjour, un conseiller va vous répondre ici.", records.IGNORED_OWN),
        (f"{top}_r", top, "toujours rien, c'est normal ?", records.QUEUED),
    ]):
        records.add_comment(SocialComment(
            platform=platform, comment_id=comment_id, post_id=POST, parent_id=parent or POST,
            conversation_id=conversation, masked_text=text, action=kind, received_at=received + timedelta(minutes=offset),
            answered_at=received if answered and offset == 0 else None), engine)
    handoff = request_handoff(conversation, f"{platform}_comment", "asked", engine=engine)
    return handoff.id, top


def form_token(browser, base, handoff_id):
    return re.search(r'name="csrf_token" value="([^"]+)"', browser.get(f"{base}/conseiller/commentaires/{handoff_id}").text).group(1)


def answer(browser, base, handoff_id, comment_id, text, mode="public", **extra):
    return browser.post(f"{base}/conseiller/commentaires/{handoff_id}/reponse", allow_redirects=False, data={
        "csrf_token": form_token(browser, base, handoff_id), "comment": comment_id, "text": text, "mode": mode, **extra})


def agent_replies(engine, handoff_id):
    conversation = get_handoff(handoff_id, engine).conversation_id
    return [row for row in records.thread(conversation, engine) if row.by_agent]


def test_the_thread_shows_the_post_the_masked_comments_and_what_the_assistant_did(site):
    base, engine = site
    handoff_id, top = thread(engine, action=records.PUBLIC_REPLY)  # its public reply could not be sent
    browser = sign_in(base, "camille")
    assert f"/conseiller/commentaires/{handoff_id}" in browser.get(f"{base}/conseiller/commentaires").text
    page = browser.get(f"{base}/conseiller/commentaires/{handoff_id}").text
    assert f"https://www.facebook.com/{POST}" in page and "Facebook" in page
    first, second, third = (page.index(text) for text in (
        "mon dossier de prime d&#39;activité est bloqué", "un conseiller va vous répondre ici", "toujours rien"))
    assert first < second < third
    assert "La page (assistant)" in page and "Laissé aux conseillers par l&#39;assistant" in page
    assert "La réponse de l&#39;assistant n&#39;a pas pu être envoyée." in page
    assert 'href="/conseiller/commentaires"' in browser.get(f"{base}/conseiller").text  # the console links it


@pytest.mark.parametrize("platform, edge", [(records.FACEBOOK, "comments"), (records.INSTAGRAM, "replies")])
def test_a_public_answer_goes_under_the_comment_and_closes_the_thread(site, graph, platform, edge):
    base, engine = site
    handoff_id, top = thread(engine, platform)
    browser = sign_in(base, "camille")
    text = "Bonjour, les délais sont en ce moment de trois semaines. Écrivez-nous en privé pour votre dossier."
    reply = answer(browser, base, handoff_id, top, text)
    assert reply.status_code == 303
    calls = graph.calls_to(f"/{top}/{edge}")
    assert [call["body"] for call in calls] == [{"message": text}]
    handoff = get_handoff(handoff_id, engine)
    assert handoff.status == CLOSED and handoff.outcome == "answered" and handoff.first_agent_reply_at is not None
    [stored] = agent_replies(engine, handoff_id)
    assert stored.reply_mode == records.PUBLIC and stored.masked_text == text and stored.sent_at is not None
    assert stored.comment_id.startswith(f"{top}_") and stored.action == records.IGNORED_OWN  # Meta's id
    question = records.find_comment(top, engine)
    assert question.answered_at is not None and question.answered_at >= question.received_at  # the delay
    page = browser.get(f"{base}/conseiller/commentaires/{handoff_id}").text
    assert "Réponse publique d&#39;un conseiller" in page and "la demande est fermée" in page


def test_a_private_answer_goes_to_the_comment_author_through_the_page(site, graph):
    base, engine = site
    handoff_id, top = thread(engine)
    follow_up = f"{top}_r"
    reply = answer(sign_in(base, "camille"), base, handoff_id, follow_up,
                   "Nous avons regardé votre dossier : il est débloqué depuis ce matin.", mode="private")
    assert reply.status_code == 303
    [call] = graph.calls_to(f"/{PAGE}/messages")[-1:]
    assert call["body"]["recipient"] == {"comment_id": follow_up}
    assert call["body"]["message"]["text"] == "Nous avons regardé votre dossier : il est débloqué depuis ce matin."
    assert records.find_comment(follow_up, engine).answered_at is not None
    assert records.find_comment(top, engine).answered_at is None
    assert agent_replies(engine, handoff_id)[0].reply_mode == records.PRIVATE


def test_personal_data_in_a_public_answer_is_refused_and_never_shown_or_stored(site, graph):
    base, engine = site
    handoff_id, top = thread(engine)
    nir = format_nir(make_nir(random.Random(18)))
    calls = len(graph.calls)
    reply = answer(sign_in(base, "camille"), base, handoff_id, top, f"Votre numéro {nir} est bien enregistré.")
    assert reply.status_code == 400
    assert "Réponse publique refusée : elle contient des données personnelles" in reply.text
    assert nir not in reply.text and "[NIR]" in reply.text  # the form keeps the text, masked
    assert len(graph.calls) == calls and agent_replies(engine, handoff_id) == []
    assert open_handoff(get_handoff(handoff_id, engine).conversation_id, engine) is not None


def test_a_private_answer_is_refused_when_meta_would_refuse_it(site, graph):
    base, engine = site
    handoff_id, top = thread(engine, action=records.PRIVATE_REPLY, answered=True)
    calls = len(graph.calls)
    reply = answer(sign_in(base, "camille"), base, handoff_id, top, "Je vous réponds en privé.", mode="private")
    assert reply.status_code == 400 and "Meta n&#39;en permet qu&#39;une par commentaire" in reply.text
    old_id, old_top = thread(engine, received=utcnow() - timedelta(days=8))
    reply = answer(sign_in(base, "camille"), base, old_id, old_top, "Je vous réponds en privé.", mode="private")
    assert reply.status_code == 400 and "dans les 7 jours" in reply.text
    assert len(graph.calls) == calls


def test_an_answer_meta_did_not_take_is_kept_shown_and_sent_on_the_next_try(site, graph):
    base, engine = site
    handoff_id, top = thread(engine)
    browser = sign_in(base, "camille")
    # a marker of letters only: six digits alone would read as a one-time code, and a public reply
    # that holds personal data is refused before it is sent
    marker = uuid.uuid4().hex[:6].translate(str.maketrans("0123456789", "ghijklmnop"))
    text = f"Bonjour, voici la marche à suivre ({marker})."
    graph.failures[:] = [500] * TRIES
    failed = answer(browser, base, handoff_id, top, text)
    assert failed.status_code == 502 and "Réponse non envoyée" in failed.text
    assert len(graph.calls_to(f"/{top}/comments")) == TRIES
    [kept] = agent_replies(engine, handoff_id)
    assert kept.sent_at is None and kept.masked_text == text
    assert get_handoff(handoff_id, engine).status == "active"  # held by the agent who tried
    page = browser.get(f"{base}/conseiller/commentaires/{handoff_id}").text
    assert "Réponse non envoyée : le réseau social ne l&#39;a pas acceptée" in page
    assert f">{text}</textarea>" in page.replace("&#39;", "'")
    assert sign_in(base, "sacha").get(f"{base}/conseiller/commentaires/{handoff_id}").text.count(
        "Un autre conseiller tient ce fil") == 1
    unsent = re.search(r'name="unsent" value="(\d+)"', page).group(1)
    assert answer(browser, base, handoff_id, top, text, unsent=unsent).status_code == 303
    [sent] = agent_replies(engine, handoff_id)
    assert sent.id == kept.id and sent.sent_at is not None
    assert get_handoff(handoff_id, engine).status == CLOSED


def test_only_signed_in_agents_read_and_answer_with_the_csrf_token(site, graph):
    base, engine = site
    handoff_id, top = thread(engine)
    address = f"{base}/conseiller/commentaires/{handoff_id}"
    visitor = requests.get(address, allow_redirects=False)
    assert visitor.status_code == 302 and visitor.headers["Location"].startswith("/connexion")
    assert requests.post(f"{address}/reponse", data={"comment": top, "text": "x", "mode": "public"},
                         allow_redirects=False).status_code == 302
    assert sign_in(base, "dominique").get(address).status_code == 403
    calls = len(graph.calls)
    agent = sign_in(base, "camille")
    forged = agent.post(f"{address}/reponse", data={"comment": top, "text": "Bonjour", "mode": "public"},
                        allow_redirects=False)
    assert forged.status_code == 403 and len(graph.calls) == calls
    assert agent.post(f"{address}/fermeture", data={"outcome": "cancelled"}).status_code == 403
    assert get_handoff(handoff_id, engine).status == "waiting"


def test_a_thread_needing_no_answer_is_closed_with_its_outcome(site):
    base, engine = site
    handoff_id, _ = thread(engine)
    browser = sign_in(base, "camille")
    closed = browser.post(f"{base}/conseiller/commentaires/{handoff_id}/fermeture", allow_redirects=False,
                          data={"csrf_token": form_token(browser, base, handoff_id), "outcome": "no_reply"})
    assert closed.status_code == 303
    assert get_handoff(handoff_id, engine).outcome == "no_reply"
