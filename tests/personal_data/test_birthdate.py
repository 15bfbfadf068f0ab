"""Dates of birth: only with a birth cue; event dates are left alone."""

from __future__ import annotations

import random

from datetime import date

import pytest

from .conftest import check_annotated
from .synthetic import format_date, make_birthdate

SENTENCES = [
    # a birth told by a parent; a due date is no birth date
    'Ma femme a accouché le <ent type="BIRTHDATE">28/01/2025</ent>, je voudrais savoir',
    'Notre fils est né prématuré le <ent type="BIRTHDATE">6 janvier 2025</ent>, il est toujours hospitalisé',
    'j\'ai eu un bébé le <ent type="BIRTHDATE">18 mai 2025</ent>, je fais quoi ?',
    "j'accouche le 12 mars 2026 normalement",
    'je suis née le <ent type="BIRTHDATE">trois mars quatre-vingt-sept</ent> et la caf',
    'je suis né le <ent type="BIRTHDATE">vingt-deux novembre cinquante-huit</ent>',
    'naissance <ent type="BIRTHDATE">27 10 1985</ent> 🎂',
    '*<ent type="BIRTHDATE">26/12/1987</ent>* c ma date de naissance',
    "l'année de naissance 1985 est fausse",
    'ddn <ent type="BIRTHDATE">041068</ent>',
    'je suis né le <ent type="BIRTHDATE">12/03/1985</ent>',
    'née le <ent type="BIRTHDATE">3 mars 1990</ent> a Lille',
    'ne le <ent type="BIRTHDATE">1er avril 87</ent>',
    'date de naissance : <ent type="BIRTHDATE">05.11.1978</ent>',
    'ddn <ent type="BIRTHDATE">27031991</ent>',
    'né à Alger le <ent type="BIRTHDATE">2 janvier 1958</ent>',
    'né(e) le : <ent type="BIRTHDATE">04/05/1990</ent>',
    'date de naissance de mon fils : <ent type="BIRTHDATE">03/03/2016</ent>',
    'mon bebe est ne le <ent type="BIRTHDATE">4 mai</ent>',
    # ISO-style, after a cue or old enough to be no recent event
    'ne le <ent type="BIRTHDATE">1981-08-18</ent> a Lyon',
    'date de naissance : <ent type="BIRTHDATE">2016-03-03</ent>',
    'nom Durand, <ent type="BIRTHDATE">1981-08-18</ent>, 3 enfants',
    # the cue after the date, several dates after one cue, chat spellings of the cue
    '<ent type="BIRTHDATE">12/03/1985</ent> c\'est ma date de naissance',
    '<ent type="BIRTHDATE">3/4/2010</ent> (ddn de mon fils)',
    'nes le <ent type="BIRTHDATE">12/03/2010</ent> et le <ent type="BIRTHDATE">05/06/2012</ent>',
    'nez le <ent type="BIRTHDATE">18081981</ent>',
    'DN : <ent type="BIRTHDATE">18/08/1981</ent>',
    'date naissance <ent type="BIRTHDATE">8/11/61</ent>',
    'ne le <ent type="BIRTHDATE">premier mars 1990</ent>',
    'né le <ent type="BIRTHDATE">dix-huit août 1981</ent>',
    'nee le <ent type="BIRTHDATE">vingt et un mars 1990</ent> a Oran',
    "il est ne un lundi",
    "ne le dis pas a ma mere",
    # event dates
    "arret du 2026-01-15 au 2026-02-28",
    "le paiement du 2025-11-05 n'est pas arrive",
    "depuis le 1998-03-01 je cotise",
    "la facture 2024-06-12 n'est pas reglee",
    "ma fille est nee en fevrier 2020",
    "je n'ai rien recu depuis le 12 mars",
    "le paiement arrive le 5 du mois",
    "la prime de naissance du 12 mars n'est pas arrivee",
    "je suis nee en 1990",
    "je ne le 12 pas",
    # more cues: "nait", "anniversaire", a line break, a year first, several people
    'mon anniversaire c\'est le <ent type="BIRTHDATE">3 mars 1975</ent>',
    'ma fille nait le <ent type="BIRTHDATE">12/06/2012</ent> pas le 06/12',
    'Date de Naissance\n<ent type="BIRTHDATE">12/03/1985</ent>',
    'je suis née en 1962, le <ent type="BIRTHDATE">5 mai</ent>',
    'mon fils est né le <ent type="BIRTHDATE">2 fevrier 2015</ent> et ma fille le <ent type="BIRTHDATE">9 mai 2018</ent>',
    'mes dates de naissance : moi <ent type="BIRTHDATE">03/04/1970</ent>, mon mari <ent type="BIRTHDATE">12/08/1968</ent>',
    'né le <ent type="BIRTHDATE">3 mars 1975</ent> et depuis le 12/03/2026 au chomage',
    "mon bebe doit naitre le 15/07/2026",
    # the year in words
    'je suis né le <ent type="BIRTHDATE">premier janvier mille neuf cent quatre vingt</ent>',
    'ne le <ent type="BIRTHDATE">3 mai mil neuf cent soixante-dix-huit</ent> et ma soeur',
    # the label further away; the right date then the wrong one
    'ma date de naissance est fausse sur mon attestation, c\'est le <ent type="BIRTHDATE">19 avril 1953</ent> et pas le <ent type="BIRTHDATE">19 avril 1958</ent>',
    'je suis du <ent type="BIRTHDATE">21/11/59</ent>, j\'ai droit a quoi ?',
    "je suis du 12/03/2026 au 20/03/2026 en arrêt",
    # an English label; 'c ma date de naissance' after the date
    'date of birth <ent type="BIRTHDATE">12/03/1975</ent>',
    '<ent type="BIRTHDATE">12.11.1978</ent> c ma date de naissance, l appli dit',
    'ma date danniversaire c le <ent type="BIRTHDATE">03/10/75</ent>',
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only="BIRTHDATE")


@pytest.mark.parametrize("style", ["iso", "slash", "dot", "short", "words", "compact"])
@pytest.mark.parametrize("cue", ["ne le", "date de naissance :", "ddn", "nee le"])
def test_every_form_is_found_after_a_cue(regex_detector, style, cue):
    rng = random.Random(f"{style}{cue}")
    for _ in range(20):
        value = format_date(make_birthdate(rng), style)
        text = f"{cue} {value} merci"
        found = [f for f in regex_detector.detect(text) if f.type == "BIRTHDATE"]
        assert [text[f.start : f.end] for f in found] == [value], text


AFTER_NAMES = [
    'mes enfants : <ent type="NAME">Yasmine</ent> <ent type="BIRTHDATE">10/03/2013</ent>, <ent type="NAME">Sacha</ent> <ent type="BIRTHDATE">24/08/2016</ent>',
    'Nos enfants : <ent type="NAME">Alice</ent> (<ent type="BIRTHDATE">16/7/14</ent>) et <ent type="NAME">Gabriel</ent> (<ent type="BIRTHDATE">25/9/17</ent>)',
    'je garde mon petit fils <ent type="NAME">Kylian</ent> (<ent type="BIRTHDATE">7 fevrier 2016</ent>)',
    # a date to come is an appointment; a date without its year, a day
    'rendez-vous avec Mme <ent type="NAME">Benali</ent> 12/03/2099 à 10 h',
    'mon fils <ent type="NAME">Lucas</ent> 15 mars à la crèche',
    # "le" then a date of last year or before; a recent visit stays
    '<ent type="NAME">Nolan</ent> est né le <ent type="BIRTHDATE">05/05/2013</ent> et <ent type="NAME">Éva</ent> le <ent type="BIRTHDATE">27/12/2016</ent>',
    f'j\'ai vu le Dr <ent type="NAME">Martin</ent> le 03/11/{date.today().year} pour mon arrêt',
    # an identity typed as a list, the date on the next line or first; a date after one's own number
    '- <ent type="NAME">PERROT Régis</ent>\n- <ent type="BIRTHDATE">11.06.1986</ent>',
    '<ent type="BIRTHDATE">26/02/1977</ent> <ent type="NAME">BRUN Elodie</ent>',
    # born, in the other languages people write in
    'Sunt <ent type="NAME">Vasile Dumitru</ent>, născut pe <ent type="BIRTHDATE">30.01.1958</ent>, vreau să știu',
    'Writing on behalf of my mother <ent type="NAME">Margaret Hughes</ent>, born <ent type="BIRTHDATE">2 July 1948</ent>',
    'mia moglie <ent type="NAME">Francesca Bianchi</ent> è nata il <ent type="BIRTHDATE">5 aprile 1962</ent> a Torino',
    # a row of a pasted table, the person's role in its own column
    '<ent type="NAME">FONTAINE Eloïse</ent>\tEnfant\t<ent type="BIRTHDATE">11/11/2012</ent>\n<ent type="NAME">FONTAINE Fabrice</ent>\tEnfant\t<ent type="BIRTHDATE">06/05/2016</ent>',
]


@pytest.mark.parametrize("line", AFTER_NAMES)
def test_a_full_date_right_after_a_name_is_a_birth_date(detector, line):
    check_annotated(detector, line, only=frozenset({"NAME", "BIRTHDATE"}))
