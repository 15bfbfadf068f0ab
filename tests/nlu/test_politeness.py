"""The greeting and the closing around a question, taken off (`bot.nlu.politeness`)."""
import pytest

from bot.nlu._text import normalise
from bot.nlu.politeness import without_politeness


@pytest.mark.parametrize("wrapped", [
    "Bonjour, quand est versée la prime de Noël ? Merci d'avance.",
    "Bonjour madame, monsieur,\nQuand est versée la prime de Noël ?\nJe vous remercie par avance pour votre réponse.\nCordialement",
    "bjr qd est versee la prime de noel ? mrc",
    "Madame, Monsieur, quand est versée la prime de Noël ? Bonne journée",
])
def test_a_question_reads_the_same_with_or_without_greeting_and_closing(wrapped):
    assert normalise(wrapped) == normalise("Quand est versée la prime de Noël ?")


@pytest.mark.parametrize("politeness", ["bonjour", "Bonjour madame", "merci beaucoup pour votre aide", "salut et merci",
                                        "Merci, bonne journée", "au revoir"])
def test_a_message_that_is_only_politeness_stays_whole(politeness):
    assert normalise(politeness) == normalise(politeness.lower())
    assert without_politeness(politeness.lower()) == politeness.lower()


def test_words_inside_the_question_stay():
    assert without_politeness("merci de me dire quand la prime arrive") == "merci de me dire quand la prime arrive"
    assert without_politeness("monsieur dupont m'a dit de vous ecrire") == "monsieur dupont m'a dit de vous ecrire"
    assert without_politeness("je voudrais demander la prime") == "je voudrais demander la prime"


@pytest.mark.parametrize("wrapped", [
    "Je voudrais savoir : quand est versée la prime de Noël ?",
    "Bonjour, j'ai une question. Quand est versée la prime de Noël ?",
    "Pourriez-vous me dire quand est versée la prime de Noël ? Merci de votre réponse",
    "Quand est versée la prime de Noël ? Pouvez-vous m'aider s'il vous plaît ?",
])
def test_a_lead_in_and_a_request_for_help_are_politeness_too(wrapped):
    assert normalise(wrapped) == normalise("Quand est versée la prime de Noël ?")
    assert without_politeness("bonjour, j'ai une question") == "bonjour, j'ai une question"
