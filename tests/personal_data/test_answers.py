"""A value typed on the line after the question that asked for it (a pasted conversation)."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    '[11:20] Maman : c\'est quoi ta date de naissance ?\n[11:21] Moi : <ent type="BIRTHDATE">06/07/1998</ent> maman',
    'ton identifiant cest quoi ?\nMoi : <ent type="LOGIN">SebGarnier1984</ent>',
    'et le mot de passe ?\n<ent type="SECRET">Tulipe2024</ent>',
    # no question, no answer read; an answer that gives no value
    "tu es dispo quand ?\n06/07/2025 si ca te va",
    "quel est le code sms ?\nJe l'ai pas recu",
    "mot de passe oublié ?\nle 12/03/2024 j'ai essayé",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only=frozenset({"BIRTHDATE", "LOGIN", "SECRET"}))
