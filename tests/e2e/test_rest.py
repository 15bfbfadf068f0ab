"""Conversations through Rasa's REST channel, against the real servers."""
import json
import sqlite3
import urllib.request
import uuid

import pytest

from bot.config import load_config
from bot.handoff.queue import open_handoff
from bot.storage import get_engine
from bot.templates import load_templates

pytestmark = pytest.mark.e2e


def say(stack, text, sender=None):
    sender = sender or uuid.uuid4().hex
    request = urllib.request.Request(
        stack.urls["rest"], data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json"},
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


def test_robot_question_is_answered_honestly(stack):
    assert "assistant automatique" in texts(say(stack, "je parle a un robot ?"))


def test_template_question_gets_its_answer_with_vote_buttons_and_the_vote_is_stored(stack):
    template = next(t for t in load_templates() if t.branch == "caf")
    sender = uuid.uuid4().hex
    [answer] = say(stack, template.examples[0], sender)
    payloads = [b["payload"] for b in answer["buttons"]]
    assert any('"useful":"oui"' in p for p in payloads)
    voted_id = json.loads(payloads[0][len("/feedback"):])["template_id"]
    thanks = say(stack, payloads[0], sender)
    assert "Merci pour votre avis" in texts(thanks)
    db = stack.env["DATABASE_URL"][len("sqlite:///"):]
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT template_id, useful, channel FROM answer_feedback WHERE conversation_id = ?", (sender,)
        ).fetchall()
    assert rows == [(voted_id, 1, "rest")]


def test_menu_leads_from_a_theme_to_an_answer(stack):
    sender = uuid.uuid4().hex
    [menu] = say(stack, "/help", sender)
    [theme] = say(stack, menu["buttons"][0]["payload"], sender)
    [answer] = say(stack, theme["buttons"][0]["payload"], sender)
    assert answer["buttons"][0]["payload"].startswith("/feedback")


def test_two_misunderstood_messages_in_a_row_go_to_an_agent(stack):
    sender = uuid.uuid4().hex
    first = say(stack, "/nlu_fallback", sender)
    assert "reformuler" in texts(first)
    second = say(stack, "/nlu_fallback", sender)
    assert "je la transmets à un conseiller" in texts(second)
    handoff = open_handoff(sender, get_engine(stack.env["DATABASE_URL"]))
    assert (handoff.reason, handoff.status, handoff.channel) == ("fallback", "waiting", "rest")
    assert say(stack, "allo ?", sender) == [], "while waiting, messages are for the agent, not the bot"
