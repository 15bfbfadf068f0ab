"""Phone numbers: French, overseas and international typings; service numbers are not data."""

from __future__ import annotations

import random

import pytest

from .conftest import check_annotated
from .synthetic import format_phone_words, make_phone

SENTENCES = [
    # eight digits in pairs after the word, as numbers were written before 1996
    'CITE DES MINES, 62300 LENS. TEL <ent type="PHONE">78 46 09 27</ent>',
    'Tél. <ent type="PHONE">53.01.42.62</ent>\nNIR à venir',
    "j'ai appelé au téléphone le 12 03 2024",
    # digits kept apart for the robots, keycap emojis
    'vous pouvez me rappeler au <ent type="PHONE">06 point 74 tiret 39 point 22 tiret 60</ent> avant midi',
    'tel <ent type="PHONE">06 x 82 x 51 x 92 x 45</ent>',
    "il fait 3 x 4 mètres, à la C A F",
    # an organisation's switchboard is nobody's; the direct line is the agent's
    'CCAS d\'Amiens – Standard : 03 99 73 26 18\nLigne directe : <ent type="PHONE">03.54.54.49.61</ent>',
    # after its name, a number in a range not allocated yet is still the person's; 09 69 stays a service
    'son tél <ent type="PHONE">04 05 73 56 45</ent>, c\'est elle qui gère',
    "tel 09 69 32 10 10 pour la caf, c'est ça ?",
    'mon nouvo numero <ent type="PHONE">06,53,43,91,94</ent> lotre je lé perdu',
    # the Assurance maladie's line from abroad (ameli.fr) is nobody's
    "depuis la Belgique on m'a dit d'appeler le +33 1 84 90 36 46, c'est bien ça ?",
    'appelez moi au <ent type="PHONE">06 12 34 56 78</ent> svp',
    '<ent type="PHONE">0612345678</ent>',
    'tel <ent type="PHONE">06.12.34.56.78</ent>.',
    'tel <ent type="PHONE">06-12-34-56-78</ent>',
    'tel <ent type="PHONE">06/12/34/56/78</ent>',
    'tel <ent type="PHONE">+33 6 12 34 56 78</ent>',
    'tel <ent type="PHONE">+33 (0)6 12 34 56 78</ent>',
    'tel <ent type="PHONE">+33 06 12 34 56 78</ent>',
    'tel <ent type="PHONE">(+33) 6 12 34 56 78</ent>',
    'tel <ent type="PHONE">0033 6 12 34 56 78</ent>',
    'fixe <ent type="PHONE">01 45 78 96 32</ent>',
    'box <ent type="PHONE">09 51 23 45 67</ent>',
    'reunion <ent type="PHONE">0692 12 34 56</ent>',
    'reunion <ent type="PHONE">+262 692 12 34 56</ent>',
    'guadeloupe <ent type="PHONE">0690 00 12 34</ent>',
    'martinique <ent type="PHONE">0696 20 12 34</ent>',
    'guyane <ent type="PHONE">0694 20 12 34</ent>',
    'mayotte <ent type="PHONE">0639 01 23 45</ent>',
    'belgique <ent type="PHONE">+32 470 12 34 56</ent>',
    'uk <ent type="PHONE">+44 7911 123456</ent>',
    '<ent type="PHONE">0612345678</ent> ou <ent type="PHONE">0781234567</ent>',
    '<ent type="PHONE">0612345678</ent>/<ent type="PHONE">0781234567</ent>',
    'ne en 1985 <ent type="PHONE">0612345678</ent>',
    # spelled out, in full or in part
    'rappelez moi au <ent type="PHONE">zero six douze trente quatre cinquante six soixante dix huit</ent>',
    'tel <ent type="PHONE">06 douze 34 cinquante-six 78</ent> merci',
    'mon num <ent type="PHONE">zéro sept, quatre-vingt-onze, vingt et un, soixante et onze, 00</ent>',
    "j'ai deux enfants de six et douze ans",
    "zero euro depuis six mois, soixante dix ans et toujours rien",
    # public service numbers and non-phone figures
    "la msa m'a dit d'appeler le 09 69 36 87 00",
    "appelez le 3230 ou le 3646 ou le 39 60",
    "le 115, le 15, le 17, le 18, le 112, le 119 et le 3919",
    "le 39 49 pour france travail et le 3698 pour l'urssaf",
    "numero vert 0 800 12 34 56",
    "j'ai recu 1 250 € le 12/03/2024",
    # a mobile number from a range not allocated yet is a person's number all the same
    'invalide <ent type="PHONE">07 12 34 56 78</ent> ou <ent type="PHONE">+33 7 02 34 56 78</ent>',
    "reference 1 85 03 75 112 045 99",
    "facture 01 23 45 67 89 12 34",
    # a mobile number with a digit missing, right after its name
    'Mon portable <ent type="PHONE">06 70 33 55 3</ent> pardon',
    "le 3646 est joignable de 8h30 a 17h30",
    # cut by a line break; the funds' own line from abroad
    'mon num c le <ent type="PHONE">06 76 98\n81 66</ent>',
    "pour la retraite j'appelle le 3960 ou le 09 71 10 39 60 depuis l'etranger ?",
    # a date or a NIR on the line before is not the number's start; a fixed line named "fixe"
    '<ent type="PHONE">07 58 39 04 07</ent> merci\n06/05/1985\n<ent type="PHONE">07 58 39 04 07</ent>',
    'mon portable <ent type="PHONE">0670191810</ent> et le fixe <ent type="PHONE">04 05 28 74 66</ent>',
    # a letterhead's number, after the fund's mail address
    "MSA Midi-Pyrénées Nord\n180 avenue Marcel Unal\n82014 Montauban Cedex\nTél : 05 63 21 60 00\nAccueil du lundi",
    # the bracket around the prefix; a number on the line after a labelled birth date
    'Merci de me recontacter au <ent type="PHONE">(01) 38 73 76 71</ent> (domicile) de 9h à 12h',
    'date de naissance 27/09/1971\n<ent type="PHONE">06 06 98 79 89</ent>',
    # in a row of other numbers, a number in its five pairs
    'infos : QHVLVC5CF 26/11/1957 <ent type="PHONE">07 59 16 17 11</ent>',
    '1/01/03/21/025/428/47 <ent type="PHONE">07.62.43.95.00</ent>',
    # a number typed the local way of the country the person says they live in
    'Je suis au Portugal et mon portable <ent type="PHONE">914 886 999</ent> ne reçoit pas vos SMS',
    'Québec QC G1S 2M7\ntél. <ent type="PHONE">(418) 453-1740</ent>\ncourriel',
    "je vis au Portugal depuis 2019, tel 3960 pour la retraite ?",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only="PHONE")


@pytest.mark.parametrize("style", ["words", "mixed"])
def test_every_spelled_number_is_found(regex_detector, style):
    rng = random.Random(style)
    for _ in range(200):
        value = format_phone_words(make_phone(rng), style)
        text = f"appelez moi au {value} svp"
        found = [f for f in regex_detector.detect(text) if f.type == "PHONE"]
        assert [text[f.start : f.end] for f in found] == [value], text
