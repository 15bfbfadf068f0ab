"""Values typed in a row with a person's identity, without labels (`_identity_row.py`).

Values are synthetic: NIR and tax numbers with valid check digits (see `synthetic.py`)."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    # an allocataire number, a tax number and a birth date among other identity values
    '<ent type="NAME">Yves Chevalier</ent> <ent type="ALLOCATAIRE">7773099</ent> '
    '<ent type="BIRTHDATE">08/10/1941</ent> <ent type="PHONE">06 84 39 54 97</ent>',
    '<ent type="NAME">Gaëlle Rivière</ent> <ent type="NIR">2 44 07 72 661 354 75</ent> '
    '<ent type="FISCAL">3952429084450</ent>',
    '<ent type="NAME">Christophe Bouvier</ent>|<ent type="NIR">179092289717569</ent>|<ent type="ALLOCATAIRE">9239767</ent>',
    # a first name and its neighbour in any case, a date with two digits for the year, in words or in one piece
    '<ent type="NAME">gerard guyot</ent> <ent type="NIR">163017185554204</ent> <ent type="BIRTHDATE">05011963</ent> '
    '<ent type="PHONE">0655285073</ent>',
    '<ent type="NAME">Thérèse Cousin</ent>, <ent type="BIRTHDATE">5 decembre 1981</ent>, '
    '<ent type="NIR">2.81.12.30.569.731.16</ent>, <ent type="PHONE">06 52 18 44 61</ent>',
    # a word that is never a name stays readable beside the values
    'mon identifiant France Travail <ent type="FILE_NUMBER">1234567</ent>, tel <ent type="PHONE">06 12 34 56 78</ent>, '
    'mail <ent type="EMAIL">a.b@gmail.com</ent>',
    # in such a row, an event's date and an amount stay readable
    '<ent type="NAME">Yves Chevalier</ent> <ent type="NIR">179092289717569</ent> rdv le 12/03/2024, 1234567 €',
    # one identity value is not a row: a seven-digit number and a date stay readable
    "Bonjour, il y a 3 ans j'étais à la caf 12/03/2019 avec 4512378 autres",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line)
