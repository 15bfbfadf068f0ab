"""Look-alike characters: letters a scanner read for digits, words joined by "_" or "+"."""

from __future__ import annotations

import pytest

from bot.personal_data._views import digits_and_words_view

from .conftest import check_annotated


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("N° SS : l 3O O4 97 325 8l1 l1", "N° SS : 1 30 04 97 325 811 11"),
        ("Date de naissance : O4/lO/l959", "Date de naissance : 04/10/1959"),
        ("avis_arret_1330599.pdf", "avis arret 1330599.pdf"),
        ("adresse=12+impasse+des+Mesanges", "adresse=12 impasse des Mesanges"),
        ("|05/02/2024|752,36|", " 05/02/2024 752,36 "),
        ("au 07 52 📞 31 76 35", "au 07 52   31 76 35"),
        # a long number or an IBAN glued to the word before it; short codes stay glued
        ("mon num0665441277", "mon nu 0665441277"),
        ("ibanfr7629746418598118459586655", "iba fr7629746418598118459586655"),
        ("voir F1563, covid19, scan2024", "voir F1563, covid19, scan2024"),
        # commas between three groups and more are spaces; a decimal keeps its comma
        ("secu 1,72,99,97,211,458,45 et 12,50 €", "secu 1 72 99 97 211 458 45 et 12,50 €"),
        # pasted from a PDF or a spreadsheet: non-breaking spaces, tabs, long dashes, full-width digits
        ("tel\u00a006\u202f89\t80–18—63 ０７ 1ᵉʳ", "tel 06 89 80-18-63 07 1er"),
        # words stay words, and a phone's "+33" keeps its sign
        ("Il a 2024 ou 2025, lol", "Il a 2024 ou 2025, lol"),
        ("appelez le +33 6 12", "appelez le +33 6 12"),
    ],
)
def test_view(text, view):
    assert digits_and_words_view(text) == view
    assert len(digits_and_words_view(text)) == len(text)


SENTENCES = [
    # the hidden end of a number is still read; hidden digits inside it leave too little
    'le mien c\'est <ent type="PHONE">07 56 50 18 XX</ent> je prefere pas tout mettre ici',
    "06 XX XX 45 67 c'est mon numéro",
    "carte **** **** **** 8746",
    'N° de sécurité sociale : <ent type="NIR">l 3O O4 97 325 8l1 l1</ent>',
    'Date de naissance : <ent type="BIRTHDATE">O4/lO/l959</ent>',
    'N° carte : <ent type="CARD">4O32 O237 O296 3l88</ent>',
    'PJ : avis_arret_<ent type="NIR">133059905818919</ent>.pdf',
    'PJ : scan_passeport_<ent type="ID_DOCUMENT">14GW56963</ent>.pdf',
    # fields joined by bars are read as words; a table of dates and amounts stays readable
    'iban|<ent type="IBAN">FR76|3018|5234|5884|3970|3244|176</ent>|bic|AGRIFRPP',
    "|date|montant|\n|05/02/2024|752,36|\n|05/03/2024|752,36|",
    # an emoji typed inside a number
    'rappelez moi au <ent type="PHONE">07 52 📞 31 76 35</ent> le matin',
    'mon n ss<ent type="NIR">144099722320267</ent> svp',
    'permis<ent type="ID_DOCUMENT">27VM31922</ent>',
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only=frozenset({"NIR", "BIRTHDATE", "CARD", "ID_DOCUMENT", "PHONE", "IBAN"}))
