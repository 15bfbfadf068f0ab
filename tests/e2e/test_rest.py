"""Conversations through Rasa's REST channel, against the real servers."""
import json
import sqlite3
import urllib.request
import pytest

from bot.channels.ownership import PROOF_HEADER
from bot.config import load_config
from bot.handoff.queue import open_handoff
from bot.storage import get_engine
from bot.templates import load_templates
from tests.e2e.conftest import open_conversation

pytestmark = pytest.mark.e2e


def say(stack, text, conversation=None):
    """One message in `conversation` (by default a new one), as its owner."""
    conversation = conversation or open_conversation(stack)
    request = urllib.request.Request(
        stack.urls["rest"], data=json.dumps({"sender": conversation.id, "message": text}).encode(),
        headers={"Content-Type": "application/json", PROOF_HEADER: conversation.proof},
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.loads(answer.read())


def texts(messages):
    return " ".join(m.get("text", "") for m in messages)


def test_bonjour_gets_the_greeting_legal_notice_and_themes(stack):
    config = load_config(environ={})
    messages = say(stack, "bonjour")
    assert config.contacts.name in messages[0]["text"]
    assert "sous réserve de l'examen complet de votre dossier" in texts(messages)
    assert "/charte" in texts(messages)
    assert messages[-1]["buttons"], "the themes come as quick replies"
    assert len(messages) == 2, "one greeting bubble that carries the notice, then the themes"


def test_robot_question_is_answered_honestly(stack):
    assert "assistant automatique" in texts(say(stack, "je parle a un robot ?"))


def test_template_question_gets_its_answer_with_vote_buttons_and_the_vote_is_stored(stack):
    template = next(t for t in load_templates() if t.branch == "caf")
    conversation = open_conversation(stack)
    answer = say(stack, template.examples[0], conversation)[0]
    payloads = [b["payload"] for b in answer["buttons"]]
    assert any('"useful":"oui"' in p for p in payloads)
    voted_id = json.loads(payloads[0][len("/feedback"):])["template_id"]
    thanks = say(stack, payloads[0], conversation)
    assert "Merci pour votre avis" in texts(thanks)
    db = stack.env["DATABASE_URL"][len("sqlite:///"):]
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT template_id, useful, channel FROM answer_feedback WHERE conversation_id = ?", (conversation.id,)
        ).fetchall()
    assert rows == [(voted_id, 1, "rest")]


def test_menu_leads_from_a_theme_to_an_answer(stack):
    conversation = open_conversation(stack)
    [menu] = say(stack, "/help", conversation)
    [theme] = say(stack, menu["buttons"][0]["payload"], conversation)
    answer, notice = say(stack, theme["buttons"][0]["payload"], conversation)
    assert answer["buttons"][0]["payload"].startswith("/feedback")
    assert LEGAL_NOTICE in notice["text"]


LEGAL_NOTICE = "sous réserve de l'examen complet de votre dossier"


def test_the_first_answer_of_a_conversation_carries_the_legal_notice_and_later_ones_stay_light(stack):
    first, second = [t for t in load_templates() if t.branch == "caf"][:2]
    conversation = open_conversation(stack)
    messages = say(stack, first.examples[0], conversation)
    assert [LEGAL_NOTICE in m.get("text", "") for m in messages] == [False, True]
    assert LEGAL_NOTICE not in texts(say(stack, second.examples[0], conversation))


@pytest.mark.parametrize("in_full, on_a_phone", [
    ("Comment je fais pour demander la prime d'activité ?", "cmt jfais pr demander la prime d activite"),
    ("Quand est versée la prime de Noël ?", "qd est versee la prime de noel"),
    ("Quand est versée la prime de Noël ?",
     "Bonjour madame, monsieur,\nQuand est versée la prime de Noël ?\nMerci d'avance pour votre réponse.\nCordialement"),
])
def test_a_question_typed_as_in_a_chat_gets_the_answer_of_the_question_in_full(stack, in_full, on_a_phone):
    answer = say(stack, in_full)[0]
    assert any(b["payload"].startswith("/feedback") for b in answer["buttons"]), "a template answers it in full"
    assert say(stack, on_a_phone)[0]["text"] == answer["text"]


def test_a_vague_question_gets_a_clarifying_question_with_choices_and_an_agent(stack):
    [reply] = say(stack, "mon indemnisation")
    assert "préciser" in reply["text"]
    titles = [b["title"] for b in reply["buttons"]]
    assert titles[-2:] == ["Voir les thèmes", "Parler à un conseiller"]


def test_a_general_question_without_a_validated_answer_gets_no_template_but_the_closest_ones(stack):
    templates = {t.title for t in load_templates()}
    [reply] = say(stack, "les allocations tiennent-elles compte d'un furet de compagnie dans le foyer")
    assert "pas de réponse validée" in reply["text"]
    offered = [b["title"] for b in reply["buttons"]][:-2]
    assert offered and set(offered) <= templates
    assert not any(b["payload"].startswith("/feedback") for b in reply["buttons"])


def test_two_misunderstood_messages_in_a_row_go_to_an_agent(stack):
    conversation = open_conversation(stack)
    first = say(stack, "/nlu_fallback", conversation)
    assert "reformuler" in texts(first)
    second = say(stack, "/nlu_fallback", conversation)
    assert "je la transmets à un conseiller" in texts(second)
    handoff = open_handoff(conversation.id, get_engine(stack.env["DATABASE_URL"]))
    assert (handoff.reason, handoff.status, handoff.channel) == ("fallback", "waiting", "rest")
    assert say(stack, "allo ?", conversation) == [], "while waiting, messages are for the agent, not the bot"
