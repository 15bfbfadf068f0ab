"""Numbers spelled out after the name of what they are: masked as that kind."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
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
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only=frozenset({"NIR", "SECRET", "IBAN", "ALLOCATAIRE", "ID_DOCUMENT", "CARD"}))
