"""Threads pasted from WhatsApp, Messenger or SMS, and values under short or mistaken labels
(blind batches 95 and 96, 2026-12-06). Values are synthetic."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    # who wrote each message of a pasted thread, with or without its time stamp
    '<ent type="NAME">Florence</ent> : ta tante a appelé la caf hier',
    '[12/03 18:40] <ent type="NAME">Nour</ent>: envoie moi le papier',
    '<ent type="NAME">Ali</ent> (Messenger) : tu as reçu le courrier ?',
    'mon fils m\'a écrit ça :\n<ent type="NAME">Océane</ent> 🌸 16:45\nslt tu peux appeler la caf',
    # words that head a line without being anyone's name
    'Avril : 300 euros\nMai : 280 euros',
    'France : 1 200 €, Portugal : 300 €',
    'Objet : demande de rendez-vous',
    # a message's time stamp is neither a phone number nor the birth date a label asked for
    '[02/04/2025 11:05] Maman: elle veut ton numéro allocataire',
    'il me faut ta date de naissance\n[07/02/2025 18:32] Moi: je te l\'envoie ce soir',
    'Le 02/04/2025 11:05 j\'ai appelé le 3230',
    # a tax number's own key, with or without a label; a second value after "le tien"
    'voici <ent type="FISCAL">0434110577236</ent> pour la déclaration',
    'mon numéro fiscal c\'est <ent type="FISCAL">1751469320468</ent>, le tien c\'est '
    '<ent type="FISCAL">0434110577236</ent>',
    'commande 0434110577236 bien reçue ?',
    # a birth date after the short label "DN"
    'DN <ent type="BIRTHDATE">4/7/49</ent>, je suis à la retraite',
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line)
