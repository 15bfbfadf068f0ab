"""The usage charter in a real conversation (REST channel): criticism answered politely, insults
reminded then suspended and flagged, distress sent at once to an agent with the prevention line."""
import pytest

from bot.handoff.queue import open_handoff
from bot.moderation.flags import is_blocked, open_flags
from bot.storage import get_engine
from tests.e2e.conftest import open_conversation
from tests.e2e.test_rest import say, texts

pytestmark = pytest.mark.e2e


def test_harsh_criticism_is_answered_not_moderated(stack):
    sender = open_conversation(stack)
    answer = texts(say(stack, "franchement votre service c'est lamentable, personne ne repond jamais", sender))
    assert "Je comprends votre mécontentement" in answer
    assert sender.id not in [f.conversation_id for f in open_flags(engine=get_engine(stack.env["DATABASE_URL"]))]


def test_insults_get_a_reminder_then_a_suspension_and_a_flag(stack):
    engine, sender = get_engine(stack.env["DATABASE_URL"]), open_conversation(stack)
    first = texts(say(stack, "bande de connards vous servez a rien", sender))
    assert "charte d'utilisation" in first and not is_blocked(sender.id, engine=engine)
    second = texts(say(stack, "espece de sale conne", sender))
    assert "je suspends cette conversation pendant 30 minutes" in second
    assert is_blocked(sender.id, engine=engine)
    assert say(stack, "bonjour", sender) == [], "no answer while suspended"
    flag = next(f for f in open_flags(engine=engine) if f.conversation_id == sender.id)
    assert flag.category in ("insult", "hate")


def test_distress_goes_at_once_to_an_agent_first_in_line(stack):
    engine, sender = get_engine(stack.env["DATABASE_URL"]), open_conversation(stack)
    answer = texts(say(stack, "j'en peux plus de tout ça, je vais me foutre en l'air", sender))
    assert "3114" in answer and "conseiller" in answer
    handoff = open_handoff(sender.id, engine)
    assert (handoff.reason, handoff.priority) == ("urgent", 2)
