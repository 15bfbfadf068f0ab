"""Numbers spelled out after the name of what they are: masked as that kind."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    # "mon numéro" starting with 0: a phone number, read by its own reader
    "mon numero c'est le 07 cinquante cinq 24 quarante sept 30",
    # "mon numéro" alone: the person's file number, the social security one when it is that long
    'mon numero c est le <ent type="NIR">un 95 onze 74 cinq cent quatre 398 71</ent> j espere que c est bon',
    'mon numero c est <ent type="ALLOCATAIRE">deux cent quarante trois sept huit neuf</ent>',
    'ma carte c est le <ent type="CARD">quarante sept 97 56 26 vingt 91 11 05</ent> elle est au nom de mon mari',
    # a word cut by dictation
    'mon numero de securi te sociale c est le <ent type="NIR">deux quarante neuf dix quatre vingt dix neuf sept cent</ent>',
    # "mon numéro de commande" in digits, "ma carte vitale": not these readers' numbers
    "mon numero de commande est 2 95 10 99 126 111 00 pour les lunettes",
    "ma carte vitale a quarante huit heures de retard",
    'numero de securite sociale <ent type="NIR">un cinquante sept zero six soixante quatorze cinq cent seize</ent>',
    'code confidentiel <ent type="SECRET">un zero huit huit</ent> c\'est bon ?',
    'mon iban c\'est <ent type="IBAN">F R soixante seize cinquante vingt cinq zero zero dix</ent>',
    'numero allocataire <ent type="ALLOCATAIRE">zero zero cinquante trois cinq cent trois</ent>',
    'numero de passeport <ent type="ID_DOCUMENT">soixante quatorze A A vingt cinq deux cent quarante</ent>',
    'date d\'expiration <ent type="CARD">zero six vingt huit</ent>',
    # numbers in words that are no one's: a rate, a postcode, a count
    "la secu rembourse soixante dix pour cent",
    "mon code postal soixante quinze mille onze",
    "le code de la route a vingt deux articles",
    "code : deux essais",
    # a card number listed with its expiry and code: three values, not one run of digits
    'j\'ai mis ma carte <ent type="CARD">4970 5318 2327 7589</ent>, <ent type="CARD">08/29</ent>, <ent type="CARD">757</ent>. Ils ont',
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only=frozenset({"NIR", "SECRET", "IBAN", "ALLOCATAIRE", "ID_DOCUMENT", "CARD"}))


@pytest.mark.parametrize(
    "line",
    [
        'ma date de naissance le <ent type="BIRTHDATE">sept janvier quatre vingt neuf</ent> je vous le dis',
        'née le <ent type="BIRTHDATE">premier mars mille neuf cent cinquante deux</ent> à Lyon',
        # a month and a year in digits are the date reader's, which leaves a month of birth
        "Je suis née en juin 1966. J'aimerais savoir quand partir",
    ],
)
def test_dictated_birthdates(detector, line):
    check_annotated(detector, line, only="BIRTHDATE")


@pytest.mark.parametrize(
    "line",
    [
        'nom <ent type="NAME">P E R R O T</ent> deux R et un T a la fin',
        'ça s\'écrit <ent type="NAME">D-U-P-U-I-S</ent> avec un s',
        "mon nom s'écrit avec un y",
        "le nom a b c",
        # capitals joined by dashes need no label; an acronym spelled so is no name
        '<ent type="NAME">Bernadette Quéré</ent>, <ent type="NAME">Q-U-É-R-É</ent> avec deux accents',
        'non c\'est pas <ent type="NAME">Perrin</ent> c\'est <ent type="NAME">Perrot</ent>, <ent type="NAME">P-E-R-R-O-T</ent>',
        "je suis à la U-R-S-S-A-F depuis 2019",
        "le formulaire S-3-7-0-5",
    ],
)
def test_names_spelled_letter_by_letter(detector, line):
    check_annotated(detector, line, only="NAME")
