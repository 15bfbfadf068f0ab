"""The shared text rules, and the moderation and masking variants agreeing with them where they should."""
import pytest

from bot.moderation._text import fold_typography, plain_typography
from bot.nlu._text import normalise
from bot.text import example_key, fold, fold_same_length, strip_accents

FRENCH = ["Où EN est mon dossier ?", "Né le 12 MARS, à l'Île-de-France", "ÇA NE VA PAS, élève", "déjà payé"]


def test_fold_lowercases_and_drops_accents():
    assert fold("Où EN est l'ÉCHÉANCE ?") == "ou en est l'echeance ?"
    assert fold("ﬁn de droits, x²") == "fin de droits, x2"  # compatibility forms made plain
    assert fold("sœur") == "sœur"  # a ligature is no accent: only the moderation expands it


def test_strip_accents_keeps_the_case():
    assert strip_accents("Élève À \\bÉté") == "Eleve A \\bEte"


def test_example_key_keeps_words_of_letters_and_digits():
    assert example_key("Où en est ma demande d'AAH ?!") == "ou en est ma demande d aah"
    assert example_key("RSA : 2 enfants…") == "rsa 2 enfants"
    assert example_key("?!") == ""


def test_the_nlu_normalises_on_the_shared_fold_and_undots_acronyms():
    for text in FRENCH:
        assert normalise(text) == " ".join(fold(text).split())
    assert normalise("  l'A.E.E.H.  ") == "l'aeeh"


def test_fold_same_length_keeps_offsets():
    text = "Né le 12 MARS, l’Île ﬁnie, ½"
    folded = fold_same_length(text)
    assert folded == "ne le 12 mars, l'ile ﬁnie, ½"  # "ﬁ" and "½" fold to several characters: kept
    assert len(folded) == len(text)
    assert fold_same_length("rue d`Arc") == "rue d'arc"  # ASCII text too


@pytest.mark.parametrize("text", FRENCH)
def test_masking_fold_is_the_shared_fold_on_french_text(text):
    assert fold_same_length(text) == fold(text)


def test_masking_fold_straightens_the_apostrophes_the_shared_fold_keeps():
    text = "l’agence, l‘aide, lʼécole, l´allocation, l`Île"
    assert fold(text) != fold_same_length(text) == "l'agence, l'aide, l'ecole, l'allocation, l'ile"


@pytest.mark.parametrize("text", FRENCH)
def test_moderation_fold_is_the_shared_fold_on_plain_text(text):
    assert fold_typography(text) == fold(text)


def test_moderation_fold_also_undoes_typography():
    assert plain_typography("Œuvre d’ÆLE, grosse\u00ad sœur, con\u200bnard") == "OEuvre d'AELE, grosse soeur, connard"
    assert fold_typography("ŒUVRE d’élève, con\u200bnard, ẞ") == "oeuvre d'eleve, connard, ss"
    # The same apostrophes as the masking.
    assert fold_typography("l´allocation l’aide") == fold_same_length("l´allocation l’aide")
