"""Other countries' social security, identity and tax numbers, after their name."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    'my NI number is <ent type="ID_DOCUMENT">KM934696A</ent>. Comment je fais ?',
    'O meu número de contribuinte : <ent type="FISCAL">226 400 832</ent>. Obrigado',
    'carta d\'identità <ent type="ID_DOCUMENT">CF85559OS</ent>, je travaille à Turin',
    'je suis belge, mon NISS c\'est <ent type="NIR">87.03.14-819.27</ent> , j\'ai pas encore de numero',
    'numero afiliacion seguridad social <ent type="NIR">28/41827305/69</ent> c\'est pour ma retraite',
    'soy española, DNI <ent type="ID_DOCUMENT">48213097-Z</ent> c\'est accepté ?',
    'mon NIE c\'est <ent type="ID_DOCUMENT">X-4821309-A</ent> (numero d\'etranger en Espagne)',
    'NIF portugais <ent type="FISCAL">248 173 057</ent>',
    'codice fiscale <ent type="FISCAL">RSSMRA85T10A562S</ent> pour la pension italienne',
    'Sozialversicherungsnummer de mon employeur allemand : <ent type="NIR">65 120881 K 044</ent> , ok ?',
    'numero AVS <ent type="NIR">756.1234.5678.97</ent> pour la caisse suisse',
    'mon permis frontalier suisse (permis G) numero <ent type="ID_DOCUMENT">G 659.551.976</ent> a ete renouvele',
    "j'ai le permis B depuis 2010",
    # the names of these numbers without a value, or in other words
    "niss c'est quoi ? on me le demande pour la pension belge",
    "la securite sociale a 80 ans cette annee",
    "il le nie 2 fois de suite",
    # Morocco's CNSS, Spain's NAF, an Italian tax code without its final e
    'Salam, mon matricule CNSS marocain c\'est <ent type="NIR">687266673</ent>, je voulais savoir',
    'j\'ai un numéro NAF espagnol <ent type="NIR">36/33758856/49</ent> et mon passeport',
    'codice fiscal: <ent type="FISCAL">frstlt77s12b179z</ent>',
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only=frozenset({"NIR", "ID_DOCUMENT", "FISCAL"}))
