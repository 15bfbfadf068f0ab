"""Threads pasted from WhatsApp, Messenger or SMS, values under short or mistaken labels, next to
public look-alikes, retyped, in disability and childcare files (blind batches 95 to 104,
2026-12-06). Values are synthetic."""

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
    # a short message of a pasted thread answers the line before, as a message alone would
    'il me faut ta date de naissance\n[07/02/2025 18:32] Moi: <ent type="BIRTHDATE">08/01/1978</ent>\n'
    '[07/02/2025 18:33] Maman: merci',
    '[12/03/2025 14:32] Maman: ton numéro caf ?\n[12/03/2025 14:33] Moi: <ent type="ALLOCATAIRE">4976975</ent>',
    '[12/03/2025 14:32] Maman: ça fait 2500 euros\n[12/03/2025 14:33] Moi: ok on se voit le 14/03',
    # a tax number's own key, with or without a label; a second value after "le tien"
    'voici <ent type="FISCAL">0434110577236</ent> pour la déclaration',
    'mon numéro fiscal c\'est <ent type="FISCAL">1751469320468</ent>, le tien c\'est '
    '<ent type="FISCAL">0434110577236</ent>',
    'commande 0434110577236 bien reçue ?',
    # public look-alikes next to personal values: a fund's SEPA creditor identifier, a bank's BIC,
    # the head of a national fund; an MSA number's final letter
    'sur le mandat l\'identifiant créancier FR23ZZZ458120, c\'est bien celui de l\'Urssaf ?',
    'le bic de ma banque c\'est CCBPFRPPNAN et mon IBAN <ent type="IBAN">FR76 3000 4000 0312 3456 7890 143</ent>',
    'Thomas Fatôme, le directeur général de l\'Assurance Maladie, l\'a dit',
    'matricule MSA <ent type="MSA">07 553 218 B</ent>, je suis exploitant',
    'Je suis <ent type="NAME">Mireille Gaillard</ent>, NIR <ent type="NIR">2 64 10 89 504 590 12</ent>',
    # a long number typed again with one digit changed is the same value; a cerfa's number is none
    'mon num alloc <ent type="ALLOCATAIRE">4703279</ent> - je l\'écris une deuxième fois si jamais '
    '<ent type="ALLOCATAIRE">4703879</ent>',
    'Le courrier mentionne le dossier n° 15479*03, c\'est un numéro de formulaire ?',
    # a childminder's child; the home where a disabled relative lives is their address
    'je suis l\'assistante maternelle de <ent type="NAME">Gabriel</ent>, ses parents ne paient pas',
    'il est à la maternelle Jules Ferry depuis septembre',
    'mon frère vit maintenant au <ent type="ADDRESS">FAM Les Oliviers, 10 rue Frédéric Mistral, 30900 Nîmes</ent>',
    # a birth date after the short label "DN"
    'DN <ent type="BIRTHDATE">4/7/49</ent>, je suis à la retraite',
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line)
