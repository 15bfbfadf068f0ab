"""Identity documents: passport shape anywhere, other numbers right after the document's name."""

from __future__ import annotations

import random

import pytest

from .conftest import check_annotated
from .synthetic import (
    format_id,
    make_driving_licence,
    make_foreigner_number,
    make_identity_card,
    make_passport,
    make_residence_permit,
)

SENTENCES = [
    'Mon passeport portugais c\'est <ent type="ID_DOCUMENT">QT171474</ent>, je n\'ai pas de carte',
    "mon passeport français c'est bientôt fini",
    'Ma carte européenne (n° <ent type="ID_DOCUMENT">80250 00032 19874 55120</ent>) a été refusée en Espagne',
    'Ma femme de ménage a un passeport ukrainien n° <ent type="ID_DOCUMENT">FE482719</ent>, je peux la déclarer ?',
    # a national identity card of Morocco or Tunisia, after a word taken first for the value
    'ma CIN marocaine <ent type="ID_DOCUMENT">BK 284517</ent> je n\'ai pas encore de titre de séjour',
    "le cinema a 12345 places",
    'mon passeport c\'est le <ent type="ID_DOCUMENT">25VV76338</ent>',
    'passeport n°<ent type="ID_DOCUMENT">04 CZ 92295</ent>',
    '<ent type="ID_DOCUMENT">98UP00577</ent> c\'est mon numero',
    'ma cni <ent type="ID_DOCUMENT">110492114320</ent> est perimee',
    'carte d identite <ent type="ID_DOCUMENT">1805 7830 9820</ent>',
    'CNI <ent type="ID_DOCUMENT">WNVSZ0UJW</ent>',
    'CNI : <ent type="ID_DOCUMENT">XKRTBPFWZ</ent>',
    "MON PASSEPORT RENOUVELÉ HIER",
    "ma cni renouvelee hier",
    'numero etranger <ent type="ID_DOCUMENT">3306323483</ent>',
    'N° étranger : <ent type="ID_DOCUMENT">7503123456</ent>',
    'titre de séjour n° <ent type="ID_DOCUMENT">HF7100974</ent>',
    'permis de conduire <ent type="ID_DOCUMENT">740171083349</ent>',
    'permis B n° <ent type="ID_DOCUMENT">13AA00002</ent>',
    # a document mentioned without its number, dates and years around it
    "mon passeport est perime depuis 2019",
    "ma carte d'identite est valable jusqu'au 12/03/2030",
    "j'ai le permis depuis 2012",
    "mon titre de sejour expire, appelez moi au 06 12 34 56 78",
    "permis de construire 033 063 24 00012",
    "ma cni et mon dossier 123456789012",
    # a year or a line break between the document's name and its number; foreign passports
    'titre de séjour valable jusqu\'en 2028, numéro <ent type="ID_DOCUMENT">HH7129654</ent>',
    'Titre de séjour\n<ent type="ID_DOCUMENT">KI2082690</ent>',
    'passeport algérien n° <ent type="ID_DOCUMENT">197654321</ent>',
    'passeport tunisien <ent type="ID_DOCUMENT">X123456</ent>',
    "carte de séjour de 10 ans obtenue en 2024",
    "titre de sejour AB12345 en cours",
    'carte identité numéro <ent type="ID_DOCUMENT">090188080509</ent>',
    'carte de résident 10 ans n° <ent type="ID_DOCUMENT">QJ8541873</ent>',
    # the residence-permit number named in a form
    'N° titre : <ent type="ID_DOCUMENT">EY5349959</ent>',
    "le numero du titre de recette 123456 de la caf",
    # 'carte séjour' without 'de', a permit number with a space
    'carte séjour <ent type="ID_DOCUMENT">AJ 8054897</ent> expirée',
    'la salariée a un titre de séjour <ent type="ID_DOCUMENT">HA 2151 536</ent>',
    "titre de sejour expire le 2026-05-30, que faire ?",
    # a consular card, Spain's NIE, Romania's identity card; a new licence typed spaced
    'passport malien <ent type="ID_DOCUMENT">AA6754942</ent> carte consulaire <ent type="ID_DOCUMENT">J2727797</ent> c\'est tout',
    'NIE espagnol <ent type="ID_DOCUMENT">F6354007K</ent>, j\'ai travaillé à Valence',
    'buletin de identitate <ent type="ID_DOCUMENT">VF 603330</ent>, je suis salariée agricole',
    'ancien format de permis <ent type="ID_DOCUMENT">750994315780</ent> et nouveau format <ent type="ID_DOCUMENT">73 PZ 56910</ent>',
    "la caf nie avoir reçu mon courrier",
    # a fund named between the document and its number: letters and digits are still the document's
    'ma carte de séjour ne passe pas sur le site de la caf : <ent type="ID_DOCUMENT">BP6499109</ent>, ça dit format invalide',
    'Reisepassnummer <ent type="ID_DOCUMENT">C277RGKYR</ent>, den Personalausweis habe ich verloren',
    'O número do meu título de residência é <ent type="ID_DOCUMENT">JA3217270</ent>.',
    # a cue whose value is refused gives way to the next one
    'Sa pièce d\'identité : carte nationale d\'identité n° <ent type="ID_DOCUMENT">0211 5114 1297</ent>. La caisse',
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only="ID_DOCUMENT")


GENERATORS = {
    "passeport": make_passport,
    "carte d'identite": make_identity_card,
    "CNI": lambda rng: make_identity_card(rng, new=True),
    "permis de conduire": lambda rng: make_driving_licence(rng, new=False),
    "permis": make_driving_licence,
    "numero etranger": make_foreigner_number,
    "titre de sejour": make_residence_permit,
}


@pytest.mark.parametrize("cue", sorted(GENERATORS))
@pytest.mark.parametrize("style", ["none", "space"])
def test_every_document_number_is_found_after_its_name(regex_detector, cue, style):
    rng = random.Random(f"{cue}{style}")
    for _ in range(30):
        value = format_id(GENERATORS[cue](rng), style)
        text = f"mon {cue} : {value} merci"
        found = [f for f in regex_detector.detect(text) if f.type == "ID_DOCUMENT"]
        assert [text[f.start : f.end] for f in found] == [value], text


# A driving licence copied field by field: the holder's names (1, 2) and birth date (3), not an
# ordinary numbered list nor a deadline.
LICENCE_FIELDS = [
    '1. <ent type="NAME">DUPONT</ent> 2. <ent type="NAME">MARIE</ent> 3. <ent type="BIRTHDATE">12.03.1985</ent> PARIS'
    ' 4a. 01.02.2015 4b. 01.02.2030',
    '1. <ent type="NAME">MARTIN</ent>\n2. <ent type="NAME">Jean Paul</ent>\n3. <ent type="BIRTHDATE">04.07.1961</ent>'
    ' LYON (69)\n4a. 12.05.2010',
    '1) <ent type="NAME">DA SILVA</ent> 2) <ent type="NAME">Ana Maria</ent> 3) <ent type="BIRTHDATE">01/01/1970</ent> PORTO',
    "pour le permis : 1. faire la demande 2. payer 3. attendre",
    "1. Je suis allé à la CAF 2. Ils m'ont dit 3. 12.03.2025 rendez-vous",
    "1. Caf 2. Cpam 3. 01/01/2026 date limite",
]


@pytest.mark.parametrize("line", LICENCE_FIELDS)
def test_licence_fields(detector, line):
    check_annotated(detector, line, only=frozenset({"NAME", "BIRTHDATE"}))
