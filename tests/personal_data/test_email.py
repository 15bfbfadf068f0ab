"""E-mail addresses, plain and spelled out."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    'mon mail <ent type="EMAIL">coco point lapin 33 arobase sfr point fr</ent> et le mot de passe',
    'écrivez moi a <ent type="EMAIL">pauline.girard (at) gmail (point) com</ent>',
    # digits dictated at the end of the name
    'mon mail c est <ent type="EMAIL">jean point marc soixante deux arobase gmail point com</ent>',
    # numbers said with dashes, "tiret du bas", "chez" for the at-sign
    '<ent type="EMAIL">rose point texier quarante-neuf arobase gmail point com</ent>',
    'le mail de mon fils c\'est <ent type="EMAIL">pascal tiret du bas sept chez sfr point fr</ent>',
    "je suis chez orange depuis 2010",
    'mail <ent type="EMAIL">jean.dupont@gmail.com</ent> merci',
    '<ent type="EMAIL">Jean.Dupont+caf@orange.fr</ent>.',
    'mail : <ent type="EMAIL">j-dupont_59@sub.domaine.fr</ent>',
    'mail <ent type="EMAIL">jean.dupont @ gmail.com</ent>',
    'mail <ent type="EMAIL">jean.dupont at gmail point com</ent>',
    'mail <ent type="EMAIL">jean.dupont arobase gmail.com</ent>',
    'mail <ent type="EMAIL">jean(at)free(dot)fr</ent>',
    "je n'ai pas de mail, je suis a la maison a 14h",
    "le site caf.fr ne marche pas",
    "point de depart : la gare",
    'mon mail <ent type="EMAIL">marie point dupont arobase gmail point com</ent>',
    'ecrivez a <ent type="EMAIL">jean tiret bas martin arobase orange point fr</ent> merci',
    # mistyped; a name written with an at-sign
    'Courriel : <ent type="EMAIL">elodie.vasseur@gmailcom</ent>',
    "Qu'est-ce que le simulateur M@rel ?",
    # a service's no-reply address is no one's
    "j'ai reçu un mail de ne-pas-repondre@caf.fr, c'est une arnaque ?",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only="EMAIL")
