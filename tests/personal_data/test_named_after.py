"""A value typed before its name is masked as that kind."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    '<ent type="ALLOCATAIRE">1890378</ent> c mon num caf',
    '<ent type="LOGIN">bgirard_13</ent> c mon identifiant ameli',
    '<ent type="ID_DOCUMENT">6K1MXOMAP</ent> c le numero de ma nouvelle cni',
    # a year or a word before "c'est mon ...": nothing
    "2024 c mon annee de naissance",
    "oui c mon numero caf",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only=frozenset({"ALLOCATAIRE", "LOGIN", "ID_DOCUMENT"}))
