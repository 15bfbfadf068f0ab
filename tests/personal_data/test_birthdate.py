"""Dates of birth: only with a birth cue; event dates are left alone."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    'je suis né le <ent type="BIRTHDATE">12/03/1985</ent>',
    'née le <ent type="BIRTHDATE">3 mars 1990</ent> a Lille',
    'ne le <ent type="BIRTHDATE">1er avril 87</ent>',
    'date de naissance : <ent type="BIRTHDATE">05.11.1978</ent>',
    'ddn <ent type="BIRTHDATE">27031991</ent>',
    'né à Alger le <ent type="BIRTHDATE">2 janvier 1958</ent>',
    'né(e) le : <ent type="BIRTHDATE">04/05/1990</ent>',
    'date de naissance de mon fils : <ent type="BIRTHDATE">03/03/2016</ent>',
    'mon bebe est ne le <ent type="BIRTHDATE">4 mai</ent>',
    # event dates
    "je n'ai rien recu depuis le 12 mars",
    "le paiement arrive le 5 du mois",
    "la prime de naissance du 12 mars n'est pas arrivee",
    "je suis nee en 1990",
    "je ne le 12 pas",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only="BIRTHDATE")
