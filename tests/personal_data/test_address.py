"""Postal addresses: numbered streets anywhere, bare streets after a cue."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    'j\'habite au <ent type="ADDRESS">12 rue des Lilas</ent> depuis 2019',
    'adresse : <ent type="ADDRESS">45 avenue Jean Jaures 69007 Lyon</ent>',
    '<ent type="ADDRESS">3 bis impasse des Rosiers</ent>, je viens de demenager',
    'au <ent type="ADDRESS">8 bd Gambetta</ent> maintenant',
    '<ent type="ADDRESS">17, chemin de la Croix, 31200 Toulouse</ent>',
    '<ent type="ADDRESS">33 av. de la Republique</ent> merci',
    'au <ent type="ADDRESS">14 rue des Acacias 76600 Le Havre</ent> le mois dernier',
    'au <ent type="ADDRESS">14 rue des acacias 76600 le havre</ent> le mois dernier',
    'au <ent type="ADDRESS">2 rue Carnot 37000 tours</ent> depuis mars',
    'j\'habite <ent type="ADDRESS">lotissement les Chenes</ent> a cote',
    '<ent type="ADDRESS">Résidence Les Glycines</ent>, bât A',
    # not addresses
    "le code postal c'est 69003",
    "je vis a Marseille 13015",
    "j'ai 2 places de creche",
    "1 place en creche pour mon fils",
    "la caf avenue Victor Hugo est fermee",
    "je vais a l'agence de la rue de la Republique demain",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only="ADDRESS")
