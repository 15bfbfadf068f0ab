"""Values named by a field label in pasted structured text: spreadsheet rows under their header,
JSON fields, web-address parameters; labels naming nothing personal leave their values."""

from __future__ import annotations

import pytest

from bot.personal_data._fields import find_fields, label_kind

from .conftest import check_annotated

SENTENCES = [
    # fields of a form or a log line, one after the other
    'NIR=<ent type="NIR">185037512345678</ent>;nom=<ent type="NAME">Barbeau</ent>;prenom=<ent type="NAME">Lise</ent>',
    "il a 2=3 ans, x=1 pour la formule",
    # a spreadsheet export: the header names each column
    'Nom;Prenom;NIR;Regime\\n<ent type="NAME">GAUTRAND</ent>;<ent type="NAME">Lise</ent>;'
    '<ent type="NIR">2 68 09 99 503 536 44</ent>;general',
    'Prenom;Date de naissance;Lien\\n<ent type="NAME">Maelle</ent>;<ent type="BIRTHDATE">8 decembre 2011</ent>;fille',
    # a record pasted without its header (a QR code's, a file's): surname in capitals, first name, birth date
    'le QR code dit : <ent type="NAME">DUPONT</ent>|<ent type="NAME">Marie</ent>|<ent type="BIRTHDATE">12/03/1985</ent>',
    '<ent type="NAME">LEFEBVRE</ent> ; <ent type="NAME">Paul</ent> ; <ent type="BIRTHDATE">04/07/1961</ent>',
    'DC01|FR03|<ent type="NAME">BRUNET</ent>|<ent type="NAME">FATIMA</ent>|<ent type="BIRTHDATE">12/03/1985</ent>',
    # an address, its postcode and its town side by side are one address
    'Adresse;CP;Ville\\n<ent type="ADDRESS">14 chemin des Vergnes;84300;Cavaillon</ent>',
    '| rue | cp | ville |\\n| <ent type="ADDRESS">9 rue Pasteur | 67000 | Strasbourg</ent> |',
    'Piece;Numero\\nCNI;<ent type="ID_DOCUMENT">0604 8149 4038</ent>',
    # JSON and web addresses
    '{"nom":"<ent type="NAME">Ferrandou</ent>","rappel":true}',
    '"nom_naissance": "<ent type="NAME">TREVEUR</ent>", "sexe": "F"',
    '"numero_fiscal": "<ent type="FISCAL">3311829741416</ent>", "annee": 2024',
    '"cardNumber":"<ent type="CARD">4970101234567890</ent>","expiry":"<ent type="CARD">10/29</ent>",'
    '"cvc":"<ent type="CARD">672</ent>"',
    'https://exemple.fr/maj?titulaire=<ent type="NAME">DUCLAU%20Remi</ent>&date=01-03-2025',
    'https://exemple.fr/auth?user=<ent type="LOGIN">garage.lerouge</ent>&pwd=<ent type="SECRET">papillon7396*</ent>',
    # labels that name nothing personal, a blank form, a town alone
    "Mois;Montant;Statut\\njanvier;245,30;verse",
    "identifiant\\tmot de passe\\n(a remplir)\\t(a remplir)",
    '{"ville":"Lyon","annee":2024}',
    "https://www.caf.fr/allocataires/mes-services-en-ligne?page=2&tri=date",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line.replace("\\n", "\n").replace("\\t", "\t"))


@pytest.mark.parametrize(
    ("label", "kind"),
    [("nom_naissance", "NAME"), ("cardNumber", "CARD"), ("N° MSA", "MSA"), ("numPiece", "ID_DOCUMENT"),
     ("Date de naissance", "BIRTHDATE"), ("Lien", None), ("Regime", None), ("token", None)],
)
def test_label_kind(label, kind):
    assert label_kind(label) == kind


def test_header_without_rows_gives_nothing():
    assert list(find_fields("Nom;Prenom;NIR", "nom;prenom;nir")) == []
