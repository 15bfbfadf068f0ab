"""Numbers said in words are read as the digits they say; a single digit said alone stays a word."""

from __future__ import annotations

import pytest

from bot.personal_data._number_words import number_word_edits
from bot.text import fold_same_length

from .conftest import check_annotated


@pytest.mark.parametrize(
    "said, digits",
    [
        ("zéro six douze quarante-cinq soixante-dix-huit quatre-vingt-dix", ["0612457890"]),
        ("mille neuf cent soixante-douze", ["1972"]),
        ("dix-neuf cent quatre-vingt-cinq", ["1985"]),
        ("deux mille vingt-quatre tiret un deux trois", ["2024", "123"]),
        ("trente mille cent quarante", ["30140"]),
        ("vingt et un", ["21"]),
        ("quatre-vingt-dix-sept", ["97"]),
        ("soixante et onze", ["71"]),
        ("treize, zéro sept", ["13", "07"]),
        ("trois cents euros", ["300"]),
        ("j'ai deux enfants et un chien", []),
        ("trois et cinq", []),
    ],
)
def test_runs_of_number_words_become_their_digits(said, digits):
    folded = fold_same_length(said).lower()
    assert [replacement for _, _, replacement in number_word_edits(folded)] == digits


@pytest.mark.parametrize(
    "line",
    [
        'mon portable c\'est le <ent type="PHONE">zéro six douze quarante-cinq soixante-dix-huit quatre-vingt-dix</ent>',
        'mon numéro en lettres parce que mon clavier bug : '
        '<ent type="NIR">deux quatre neuf zero cinq deux huit six zero six trois un sept cinq quatre</ent>',
        'j\'habite <ent type="ADDRESS">quatre-vingt-dix-huit rue de Paris</ent>',
        "je touche trois cents euros depuis deux mille dix-neuf",
        "les quatre derniers chiffres de ma carte c'est quatre deux un sept",
        "je suis allocataire depuis deux mille dix-neuf et c'est la première fois",
    ],
)
def test_values_said_in_words_are_masked(detector, line):
    check_annotated(detector, line)
