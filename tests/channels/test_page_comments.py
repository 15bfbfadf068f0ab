"""Page comments: what is hidden, answered in public or in private, flagged or queued, through a
local Graph API and a real SQLite database. The model's reading is given (a stand-in agent
returning Rasa's parse data); the trained model itself is exercised in tests/e2e."""
import logging
import random
import uuid

import pytest
from sqlalchemy import select, text

from bot.channels.graph_api import GraphApi as GraphClient
from bot.channels.page_comments import CHANNEL, Comment, comments_in, handle_changes, route
from bot.config import get_config
from bot.handoff.records import Handoff
from bot.indicators.labels import REASONS, label
from bot.moderation.flags import ModerationFlag
from bot.social import records
from bot.social.records import SocialComment
from bot.storage import session_scope
from bot.templates import load_templates
from tests.e2e.conftest import GraphApi
from tests.personal_data.synthetic import format_nir, make_nir, make_phone

PAGE = "100000000000001"
POST = f"{PAGE}_200000000000002"


class ParseAgent:
    """Stands in for Rasa's agent: answers `parse_message` with the given reading."""

    def __init__(self, intent: str = "out_of_scope", **parse_data) -> None:
        self.parse_data = {"intent": {"name": intent, "confidence": 1.0}, **parse_data}
        self.read = []

    async def parse_message(self, message: str):
        self.read.append(message)
        return {"text": message, **self.parse_data}


@pytest.fixture
def graph():
    api = GraphApi()
    yield api
    api.server.shutdown()


def client(graph, tries=4):
    return GraphClient(graph.url, "synthetic-page-token", tries=tries, first_delay=0.01)


def change(message="", verb="add", comment_id=None, parent_id=None, author=None):
    value = {"from": {"id": author or uuid.uuid4().hex[:15], "name": "Camille Exemple"}, "post_id": POST,
             "comment_id": comment_id or f"{POST.split('_')[1]}_{random.randrange(10**14, 10**15)}",
             "parent_id": parent_id or POST, "item": "comment", "verb": verb, "created_time": 1764800000}
    if verb != "remove":
        value["message"] = message
    return {"id": PAGE, "time": 1764800000, "changes": [{"field": "feed", "value": value}]}


async def deliver(entry, graph, database, agent=None):
    agent = agent or ParseAgent()
    await handle_changes([entry], agent, client(graph), get_config(), database)
    return entry["changes"][0]["value"]["comment_id"]


def stored(database, comment_id):
    return records.find_comment(comment_id, database)


def test_comments_are_read_from_feed_changes_and_a_reply_joins_its_thread():
    top = change("une question", comment_id="2_1")
    reply = change("une réponse", comment_id="2_5", parent_id="2_1")
    other = {"id": PAGE, "changes": [{"field": "feed", "value": {"item": "reaction", "verb": "add"}},
                                     {"field": "mention", "value": {"item": "comment", "comment_id": "2_9"}}]}
    comments = list(comments_in([top, reply, other, {"id": PAGE, "messaging": []}]))
    assert [c.comment_id for c in comments] == ["2_1", "2_5"]
    assert comments[0].conversation_id == comments[1].conversation_id == "facebook_comment:2_1"
    assert comments[0].text == "une question" and comments[0].page_id == PAGE


def test_the_route_follows_the_model_and_the_gate():
    faq = {"intent": {"name": "faq"}, "response_selector": {"faq": {"response": {
        "intent_response_key": "faq/caf_x", "confidence": 0.95}}}}
    assert route(faq) == ("public", "caf_x")
    assert route({"intent": {"name": "needs_clarification"}, **{k: v for k, v in faq.items() if k != "intent"}}) \
        == ("queue", "needs_clarification")
    assert route({"intent": {"name": "personal_situation"}}) == ("private", None)
    assert route({"intent": {"name": "abuse"}, "moderation": {"category": "defamation"}}) == ("hide", "defamation")
    assert route({"intent": {"name": "abuse"}}) == ("hide", "insult")
    assert route({"intent": {"name": "self_harm"}}) == ("hide", "self_harm")
    assert route({"intent": {"name": "criticism"}}) == ("criticism", None)
    assert route({"intent": {"name": "complaint"}}) == ("queue", "complaint")


async def test_a_comment_with_a_social_security_number_is_hidden_answered_privately_and_kept_masked(
        graph, database, caplog):
    caplog.set_level(logging.DEBUG)
    nir = format_nir(make_nir(random.Random(18)))
    agent = ParseAgent("faq")
    comment_id = await deliver(change(f"Bonjour, mon numéro est {nir}, où en est mon dossier ?"), graph,
                               database, agent)
    assert graph.calls[0]["path"] == f"/{comment_id}" and graph.calls[0]["body"] == {"is_hidden": True}
    [private] = graph.calls_to(f"/{PAGE}/messages")
    assert private["body"]["recipient"] == {"comment_id": comment_id}
    reply = private["body"]["message"]["text"]
    assert "masqué" in reply and "numéro de sécurité sociale" in reply and get_config().contacts.account_url in reply
    assert agent.read == []  # nothing of it goes to the model: hidden, whatever it says
    row = stored(database, comment_id)
    assert (row.action, row.personal_data) == (records.HIDDEN_PERSONAL_DATA, "NIR")
    assert row.hidden_at is not None and row.answered_at is not None
    assert row.masked_text == "Bonjour, mon numéro est [NIR], où en est mon dossier ?"
    with database.connect() as connection:
        dump = "\n".join(map(str, connection.execute(text("SELECT * FROM social_comments")).all()))
    assert nir not in dump and nir.replace(" ", "") not in dump and "Camille" not in dump
    assert nir not in caplog.text and nir.replace(" ", "") not in caplog.text


async def test_a_comment_is_cleaned_as_on_the_other_channels_before_it_is_read(graph, database):
    nir = format_nir(make_nir(random.Random(19)), "none")
    agent = ParseAgent("greet")
    hidden = await deliver(change(f"mon numéro {nir[:5]}\u202e{nir[5:]} svp"), graph, database, agent)
    assert stored(database, hidden).masked_text == "mon numéro [NIR] svp"
    assert graph.calls_to(f"/{hidden}")[0]["body"] == {"is_hidden": True}
    read = await deliver(change("bon\x00jour\u200f ça va\x07"), graph, database, agent)
    assert agent.read == ["bon jour ça va "] and stored(database, read).masked_text == "bon jour ça va "


async def test_a_general_question_gets_the_template_answer_in_public(graph, database):
    template = next(t for t in load_templates() if t.branch == "caf")
    agent = ParseAgent("faq", response_selector={"faq": {"response": {
        "intent_response_key": f"faq/{template.id}", "confidence": 0.97}}})
    comment_id = await deliver(change(template.examples[0]), graph, database, agent)
    [reply] = graph.calls_to(f"/{comment_id}/comments")
    assert reply["body"]["message"].startswith(template.answer[:60])
    assert "sous réserve de l'examen de votre dossier" in reply["body"]["message"]
    assert graph.calls_to(f"/{comment_id}") == [] and graph.calls_to(f"/{PAGE}/messages") == []
    row = stored(database, comment_id)
    assert row.action == records.PUBLIC_REPLY and row.answered_at is not None and row.hidden_at is None


async def test_a_question_about_ones_own_file_is_answered_privately(graph, database):
    comment_id = await deliver(change("pourquoi mon aide a baissé ce mois-ci"), graph, database,
                               ParseAgent("personal_situation"))
    [private] = graph.calls_to(f"/{PAGE}/messages")
    assert "Une question sur votre dossier ne peut pas être traitée en public" in private["body"]["message"]["text"]
    assert graph.calls_to(f"/{comment_id}/comments") == []
    assert stored(database, comment_id).action == records.PRIVATE_REPLY


@pytest.mark.parametrize("intent, category, urgent", [
    ("abuse", "insult", False), ("spam", "spam", False), ("threat", "threat", True), ("self_harm", "self_harm", True)])
async def test_abuse_is_hidden_and_flagged_threats_and_self_harm_go_first_to_the_agents(
        graph, database, intent, category, urgent):
    agent = ParseAgent(intent, moderation={"category": category})
    comment_id = await deliver(change("texte de test"), graph, database, agent)
    assert graph.calls_to(f"/{comment_id}")[0]["body"] == {"is_hidden": True}
    row = stored(database, comment_id)
    assert row.action == records.HIDDEN_ABUSE and row.hidden_at is not None
    with session_scope(database) as session:
        [flag] = session.execute(select(ModerationFlag)).scalars().all()
        handoffs = session.execute(select(Handoff)).scalars().all()
    assert (flag.conversation_id, flag.category, flag.channel) == (row.conversation_id, category, CHANNEL)
    assert [(h.reason, h.priority > 0) for h in handoffs] == ([("urgent", True)] if urgent else [])
    private = graph.calls_to(f"/{PAGE}/messages")
    assert len(private) == (1 if intent == "self_harm" else 0)
    if private:
        assert get_config().moderation.prevention_line in private[0]["body"]["message"]["text"]


async def test_criticism_stays_visible_and_gets_a_polite_public_answer(graph, database):
    comment_id = await deliver(change("service nul, toujours en retard"), graph, database, ParseAgent("criticism"))
    [reply] = graph.calls_to(f"/{comment_id}/comments")
    assert reply["body"]["message"].startswith("Merci pour votre retour")
    assert graph.calls_to(f"/{comment_id}") == []


async def test_anything_else_goes_to_the_agents_queue_as_a_comment_thread(graph, database):
    top = await deliver(change("et pour les jumeaux ?"), graph, database, ParseAgent("nlu_fallback"))
    reply = await deliver(change("moi aussi", parent_id=top), graph, database, ParseAgent("nlu_fallback"))
    assert graph.calls == []
    with session_scope(database) as session:
        [handoff] = session.execute(select(Handoff)).scalars().all()
    assert (handoff.conversation_id, handoff.channel, handoff.reason) == (f"facebook_comment:{top}", CHANNEL,
                                                                          "fallback")
    assert stored(database, reply).conversation_id == handoff.conversation_id
    assert stored(database, reply).action == records.QUEUED


async def test_the_pages_own_comments_never_trigger_the_assistant(graph, database, monkeypatch):
    monkeypatch.setenv("FB_PAGE_ID", PAGE)
    agent = ParseAgent("faq")
    phone = make_phone(random.Random(3))
    comment_id = await deliver(change(f"Appelez le {phone}", author=PAGE), graph, database, agent)
    assert graph.calls == [] and agent.read == []
    assert stored(database, comment_id).action == records.IGNORED_OWN


async def test_an_edited_comment_is_checked_again_and_a_removed_one_marked(graph, database):
    comment_id = await deliver(change("bonjour"), graph, database, ParseAgent("greet"))
    assert graph.calls == []
    phone = make_phone(random.Random(7))
    await deliver(change(f"rappelez moi au {phone}", verb="edited", comment_id=comment_id), graph, database)
    assert graph.calls_to(f"/{comment_id}")[0]["body"] == {"is_hidden": True}
    assert len(graph.calls_to(f"/{PAGE}/messages")) == 1
    row = stored(database, comment_id)
    assert (row.action, row.personal_data) == (records.HIDDEN_PERSONAL_DATA, "PHONE")
    assert phone not in row.masked_text and row.edited_at is not None and row.hidden_at is not None
    await deliver(change(verb="remove", comment_id=comment_id), graph, database)
    assert stored(database, comment_id).deleted_at is not None


async def test_an_answered_comment_edited_with_personal_data_keeps_its_first_answer_time(graph, database):
    template = next(t for t in load_templates() if t.branch == "caf")
    agent = ParseAgent("faq", response_selector={"faq": {"response": {
        "intent_response_key": f"faq/{template.id}", "confidence": 0.97}}})
    comment_id = await deliver(change(template.examples[0]), graph, database, agent)
    first_answer = stored(database, comment_id).answered_at
    phone = make_phone(random.Random(11))
    await deliver(change(f"{template.examples[0]} {phone}", verb="edited", comment_id=comment_id), graph, database)
    row = stored(database, comment_id)
    assert row.hidden_at is not None and row.answered_at == first_answer  # the delay runs to the first answer


async def test_a_delivery_sent_again_is_not_answered_twice(graph, database):
    entry = change("pourquoi mon aide a baissé")
    await deliver(entry, graph, database, ParseAgent("personal_situation"))
    await deliver(entry, graph, database, ParseAgent("personal_situation"))
    assert len(graph.calls) == 1
    with session_scope(database) as session:
        assert len(session.execute(select(SocialComment)).scalars().all()) == 1


async def test_graph_calls_are_retried_and_a_reply_that_could_not_be_sent_goes_to_the_agents(
        graph, database, caplog):
    graph.failures.extend([503, 429])
    assert await client(graph).hide_comment("2_1") is True
    assert len(graph.calls) == 3
    graph.failures.extend([500] * 4)
    comment_id = await deliver(change("pourquoi mon aide a baissé"), graph, database, ParseAgent("personal_situation"))
    assert len(graph.calls_to(f"/{PAGE}/messages")) == 4
    assert "réponse privée" in caplog.text and "500" in caplog.text
    with session_scope(database) as session:
        [handoff] = session.execute(select(Handoff)).scalars().all()
    assert (handoff.conversation_id, handoff.reason) == (f"facebook_comment:{comment_id}", "not_sent")
    assert label(REASONS, handoff.reason) == "Réponse non envoyée au réseau social"
    assert stored(database, comment_id).answered_at is None


async def test_personal_data_that_could_not_be_hidden_goes_to_the_agents_as_not_sent(graph, database):
    graph.failures.extend([503] * 4)
    comment_id = await deliver(change(f"mon tel {make_phone(random.Random(5))}"), graph, database)
    assert stored(database, comment_id).hidden_at is None and stored(database, comment_id).answered_at is not None
    with session_scope(database) as session:
        [handoff] = session.execute(select(Handoff)).scalars().all()
    assert handoff.reason == "not_sent"


async def test_a_graph_api_out_of_reach_is_tried_a_bounded_number_of_times(caplog):
    api = GraphClient("http://127.0.0.1:9", "synthetic-page-token", tries=3, first_delay=0.01)
    assert await api.reply_publicly("2_1", "texte") is None
    assert "après 3 essais" in caplog.text


async def test_an_insult_that_could_not_be_hidden_goes_to_the_agents(graph, database):
    graph.failures.extend([502] * 4)
    comment_id = await deliver(change("texte de test"), graph, database, ParseAgent("abuse"))
    assert len(graph.calls_to(f"/{comment_id}")) == 4 and stored(database, comment_id).hidden_at is None
    with session_scope(database) as session:
        [handoff] = session.execute(select(Handoff)).scalars().all()
    assert (handoff.conversation_id, handoff.reason) == (f"facebook_comment:{comment_id}", "not_sent")
