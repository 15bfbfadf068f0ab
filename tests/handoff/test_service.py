"""Each handoff step, once: its row in a real SQLite database, the events Rasa gets (returned to
the action server, or appended through a real HTTP stand-in for Rasa's API) and the sentences of
`config/textes.yml`; agents' texts masked before they leave."""
import random
import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot import texts
from bot.backoffice import Account, create_user, set_presence
from bot.config import load_config
from bot.handoff import queue, service
from bot.handoff.records import ACTIVE, CLOSED, WAITING, Handoff, HandoffEvent
from bot.handoff.service import HandoffService, InvalidText, NotDelivered, mask_agent_text
from bot.moderation.flags import expired_blocks, flag_conversation
from bot.storage import session_scope, utcnow
from bot.web.rasa_api import RasaApi
from tests.personal_data.synthetic import format_nir, make_nir
from tests.rasa_http import TOKEN, RasaHttpStandIn

CONFIG = load_config(environ={})
CAMILLE = Account(1, "cmartin", "Camille Martin", frozenset({"agent"}), "csrf")
DOMINIQUE = Account(2, "dlefevre", "Dominique", frozenset({"agent"}), "csrf")
NIR = format_nir(make_nir(random.Random(17)))


@pytest.fixture
def agents(database):
    for account in (CAMILLE, DOMINIQUE):
        create_user(account.username, "mot-de-passe-solide", ["agent"], account.display_name, engine=database)
    return database


@pytest.fixture(scope="module")
def rasa():
    with RasaHttpStandIn() as stand_in:
        yield stand_in


@pytest.fixture
def handoffs(agents, rasa):
    rasa.down = False
    return HandoffService(CONFIG, RasaApi(rasa.url, TOKEN), agents)


def _waiting(database, conversation_id="conv-a", channel="socketio"):
    return service.request_agent(conversation_id, channel, "asked", CONFIG, engine=database).handoff


def test_the_agent_introducing_themselves_keeps_their_name():
    assert mask_agent_text("Bonjour, je suis Camille, conseillère de la Caf.", CAMILLE) == \
        "Bonjour, je suis Camille, conseillère de la Caf."
    assert mask_agent_text("Camille Martin à votre écoute.", CAMILLE) == "Camille Martin à votre écoute."


def test_other_personal_data_in_the_reply_is_still_masked():
    masked = mask_agent_text("Je suis Camille. Mme Dupont m'a transmis votre demande, "
                             "je vous rappelle au 06 12 34 56 78.", CAMILLE)
    assert masked == "Je suis Camille. Mme [NOM] m'a transmis votre demande, je vous rappelle au [TÉLÉPHONE]."
    assert mask_agent_text("Camille Dupont est passée à l'accueil.", CAMILLE).startswith("[NOM]")


def test_a_request_queues_announces_the_wait_and_pauses_the_assistant(agents):
    set_presence(1, True, engine=agents)
    first = service.request_agent("conv-a", "socketio", "complaint", CONFIG, topic="caf_rsa_demande",
                                  branch="caf", engine=agents)
    second = service.request_agent("conv-b", "facebook", "asked", CONFIG, engine=agents)
    announcement, pause = second.events
    assert pause == service.PAUSE
    assert announcement["event"] == "bot" and announcement["metadata"] == {"handoff": WAITING}
    assert announcement["text"].startswith(texts.text("handoff.opening_asked", CONFIG))
    assert texts.text("queue.position", CONFIG, position=2) in announcement["text"]
    assert announcement["text"].endswith(texts.text("handoff.after", CONFIG))
    assert first.events[0]["text"].startswith(texts.text("handoff.opening_complaint", CONFIG))
    again = service.request_agent("conv-a", "socketio", "fallback", CONFIG, engine=agents)
    assert again.handoff.id == first.handoff.id and texts.text("queue.first", CONFIG) in again.events[0]["text"]
    with session_scope(agents) as session:
        stored = session.execute(select(Handoff).order_by(Handoff.id)).scalars().all()
        assert [(h.conversation_id, h.status, h.topic, h.branch) for h in stored] == [
            ("conv-a", WAITING, "caf_rsa_demande", "caf"), ("conv-b", WAITING, None, None)]


def test_a_new_session_stays_paused_while_an_agent_is_due(agents):
    assert service.pause_if_open("conv-a", agents) == []
    _waiting(agents)
    assert service.pause_if_open("conv-a", agents) == [service.PAUSE]


async def test_taking_over_pauses_again_and_tells_the_person_who_joined(agents, rasa, handoffs):
    handoff = _waiting(agents, "conv-take")
    assert (await handoffs.take(handoff.id, CAMILLE)).status == ACTIVE
    [events] = rasa.appended_to("conv-take")
    assert events == [service.PAUSE, {"event": "bot", "text": "Camille Martin, de la Caf de la Gironde, a rejoint "
                                                                "la conversation.", "metadata": {"system": "taken"}}]
    assert rasa.appends[-1]["params"]["output_channel"] == "latest"
    with pytest.raises(queue.HandoffError, match="autre conseiller"):
        await handoffs.take(handoff.id, DOMINIQUE)
    assert len(rasa.appended_to("conv-take")) == 1, "the agent who lost is not announced"


async def test_a_reply_is_masked_sent_and_counted_once_it_reached_rasa(agents, rasa, handoffs):
    handoff = _waiting(agents, "conv-reply")
    await handoffs.take(handoff.id, CAMILLE)
    with pytest.raises(InvalidText, match="vide"):
        await handoffs.reply(handoff.id, CAMILLE, "   ")
    with pytest.raises(queue.HandoffError, match="ne tenez pas"):
        await handoffs.reply(handoff.id, DOMINIQUE, "Bonjour")
    rasa.down = True
    with pytest.raises(NotDelivered, match="Message non envoyé, réessayez"):
        await handoffs.reply(handoff.id, CAMILLE, "Bonjour")
    assert queue.get_handoff(handoff.id, agents).first_agent_reply_at is None, "not sent: no response yet"
    rasa.down = False
    await handoffs.reply(handoff.id, CAMILLE, f"Je suis Camille : votre numéro {NIR} est bien noté.")
    sent = rasa.appended_to("conv-reply")[-1]
    assert sent == [{"event": "bot", "text": "Je suis Camille : votre numéro [NIR] est bien noté.",
                     "metadata": {"agent": "Camille Martin"}}]
    assert queue.get_handoff(handoff.id, agents).first_agent_reply_at is not None


async def test_messenger_rules_decide_whether_and_how_a_reply_goes(agents, rasa, handoffs):
    handoff = _waiting(agents, "conv-messenger", channel="facebook")
    await handoffs.take(handoff.id, CAMILLE)
    rasa.events["conv-messenger"].append({"event": "user", "text": "Bonjour",
                                          "timestamp": time.time() - timedelta(days=2).total_seconds()})
    await handoffs.reply(handoff.id, CAMILLE, "Je reprends votre demande.")
    assert rasa.appended_to("conv-messenger")[-1][0]["metadata"] == {"agent": "Camille Martin",
                                                                    "messenger_tag": "HUMAN_AGENT"}
    rasa.events["conv-messenger"][-2]["timestamp"] = time.time() - timedelta(days=8).total_seconds()
    with pytest.raises(queue.HandoffError, match="plus de 7 jours"):
        await handoffs.reply(handoff.id, CAMILLE, "Toujours là ?")


async def test_a_transfer_names_the_colleague_and_keeps_the_note_masked(agents, rasa, handoffs):
    handoff = _waiting(agents, "conv-transfer")
    await handoffs.take(handoff.id, CAMILLE)
    with pytest.raises(InvalidText, match="Note trop longue"):
        await handoffs.transfer(handoff.id, CAMILLE, 2, "x" * (queue.MAX_NOTE_CHARACTERS + 1))
    moved = await handoffs.transfer(handoff.id, CAMILLE, 2, f"Attend un rappel, numéro {NIR}")
    assert (moved.status, moved.agent_id) == (ACTIVE, 2)
    assert rasa.appended_to("conv-transfer")[-1] == [{
        "event": "bot", "text": "Dominique, de la Caf de la Gironde, prend la suite de la conversation.",
        "metadata": {"system": "taken"}}]
    assert [n.detail for n in queue.notes(handoff.id, agents)] == ["Attend un rappel, numéro [NIR]"]
    before = len(rasa.appends)
    back = await handoffs.release(handoff.id, DOMINIQUE, "cpam", None)
    assert (back.status, back.branch) == (WAITING, "cpam") and len(rasa.appends) == before, "nothing to tell"


async def test_closing_hands_back_to_the_assistant(agents, rasa, handoffs):
    handoff = _waiting(agents, "conv-close")
    await handoffs.take(handoff.id, CAMILLE)
    assert (await handoffs.close(handoff.id, CAMILLE, "answered")).status == CLOSED
    assert rasa.appended_to("conv-close")[-1] == [
        service.RESUME,
        {"event": "bot", "text": texts.text("handoff.back_with_assistant", CONFIG), "metadata": {"system": "closed"}},
        service.LISTEN,
    ]


async def test_a_step_rasa_did_not_take_is_recorded_and_the_agent_told(agents, rasa, handoffs):
    handoff = _waiting(agents, "conv-down")
    rasa.down = True
    with pytest.raises(NotDelivered) as refused:
        await handoffs.take(handoff.id, CAMILLE)
    assert str(refused.value) == "Prise en charge enregistrée, mais message non envoyé (Rasa a répondu 503)."
    assert queue.get_handoff(handoff.id, agents).status == ACTIVE


async def test_an_ended_block_resumes_the_assistant_unless_an_agent_is_due(agents, rasa, handoffs):
    past = utcnow() - timedelta(hours=1)
    flag_conversation("conv-blocked", "insult", "high", "socketio", block_minutes=30, now=past, engine=agents)
    flag_conversation("conv-waiting", "insult", "high", "socketio", block_minutes=30, now=past, engine=agents)
    _waiting(agents, "conv-waiting")
    rasa.down = True
    assert await handoffs.end_suspensions() == 1, "the one with nothing to tell Rasa ends; the other waits"
    assert [f.conversation_id for f in expired_blocks(engine=agents)] == ["conv-blocked"]
    rasa.down = False
    assert await handoffs.end_suspensions() == 1
    assert rasa.appended_to("conv-blocked") == [[service.RESUME, service.LISTEN]]
    assert rasa.appended_to("conv-waiting") == [] and expired_blocks(engine=agents) == []


async def test_the_person_leaving_is_shown_to_the_agent(agents, handoffs):
    handoff = _waiting(agents, "conv-left")
    await handoffs.person_left("conv-left")
    with session_scope(agents) as session:
        kinds = session.execute(select(HandoffEvent.kind).where(HandoffEvent.handoff_id == handoff.id)).scalars()
        assert list(kinds) == ["requested", queue.PERSON_LEFT]
