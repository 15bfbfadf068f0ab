"""Weaknesses found by a fresh probe set (messages never seen while building the detector).

One test per general fix; values are synthetic (phones from valid ranges, invented names).
"""

from __future__ import annotations

import pytest

from .conftest import check_annotated

NAMES = [
    # form labels end a name instead of joining it
    'nom: <ent type="NAME">MARTIN</ent> prenom: <ent type="NAME">Chloe</ent>',
    'NOM : <ent type="NAME">BERTRAND</ent> PRENOM : <ent type="NAME">SYLVIE</ent>',
    'ma fille <ent type="NAME">Ines</ent> nee le 21 mars 2010',
    # a bare "nom" label, and "au nom de", before a capitalised name
    'iban joint, nom <ent type="NAME">DIALLO Fatou</ent>',
    'numero secu joint, nom <ent type="NAME">Ferreira</ent>',
    'versez sur ce compte au nom de <ent type="NAME">Nathalie Brun</ent>',
    # a relative introduced by "la maman de", "le pere d'"
    'je suis la maman de <ent type="NAME">Kenzo</ent>, il a 3 ans',
    "c'est le papa d'<ent type=\"NAME\">Enzo</ent> qui ecrit",
    # "je suis" typed the chat way
    'jsuis <ent type="NAME">karim benali</ent> et jai pas recu mes alloc',
    "j'suis <ent type=\"NAME\">Nadia</ent>, maman solo",
    # a lowercase particle opening a surname after a strong cue
    'nom: <ent type="NAME">le goff</ent>',
    # what these cues must not turn into names
    "au nom de la loi je veux une reponse",
    "nom de l'organisme : CAF",
    "je suis la mere de 3 enfants",
    "la maman de mon copain touche l'apl",
    "c'est au nom de Pole Emploi",
    "jsuis Perdue avec la Caf",
    "Nom Prénom Date",
]

PHONES = [
    # typed digit by digit
    'tel <ent type="PHONE">0 6 1 2 4 5 7 8 9 3</ent>',
    'tel <ent type="PHONE">0 6 1 2 4 5 7 8 9 3</ent> ou <ent type="PHONE">06 51 24 87 36</ent>',
    "dossier 1 2 3 4 5 6 7 8 9 0",
]

EMAILS = [
    # dots typed with a space on each side, in the local part and the domain
    'mail <ent type="EMAIL">kevin . morvan @ gmail . com</ent>',
    'mail <ent type="EMAIL">kevin.morvan@gmail . com</ent>',
    # a sentence-ending dot is not part of the address
    'voici mon mail. <ent type="EMAIL">jean.dupont@gmail.com</ent>',
    'ecrivez a <ent type="EMAIL">jean@gmail</ent>. Merci',
]

ADDRESSES = [
    # "r." for rue
    'mon adresse <ent type="ADDRESS">4 r. des Lilas 97200 Fort-de-France</ent>',
    # a dwelling mention typed before the street belongs to the address
    'mon adresse : <ent type="ADDRESS">appt 12 bat B 4 allee des Tilleuls 63000 Clermont-Ferrand</ent>',
    '<ent type="ADDRESS">bat C, 13 rue Emile Zola</ent>',
    # the number of a building part is kept with it
    "mon adresse c'est <ent type=\"ADDRESS\">résidence les Pins bâtiment 3</ent> a Vannes",
    # not addresses
    "appt 12 au 3eme",
    "2 r et 3 v",
    "je porte 3 colis rue de la gare",
]


@pytest.mark.parametrize("kind, line", [(kind, line) for kind, lines in
                                        (("NAME", NAMES), ("PHONE", PHONES), ("EMAIL", EMAILS), ("ADDRESS", ADDRESSES))
                                        for line in lines])
def test_each_fix_finds_exactly_the_annotated_values(detector, kind, line):
    check_annotated(detector, line, only=kind)


# A company's SIRET/SIREN is public (the SIRENE register): not personal data, left as is.
# Values are synthetic with a valid Luhn key (stdnum.fr.siret accepts them).
COMPANY_NUMBERS = [
    "mon entreprise, siret 732 829 320 00074, a recu une mise en demeure de l'urssaf",
    "SIRET 73282932000074 : je dois payer les cotisations quand ?",
    "je suis auto entrepreneur, siren 732 829 320, comment declarer mon CA ?",
    "mon numero c'est le 732 829 320 00074, je suis auto-entrepreneur",
]


@pytest.mark.parametrize("line", COMPANY_NUMBERS)
def test_company_numbers_are_not_personal_data(detector, line):
    check_annotated(detector, line)
