"""IBAN: any country, with spaces, dashes, lowercase; followed by a BIC or words."""

from __future__ import annotations

import random

import pytest

from .conftest import check_annotated
from .synthetic import format_iban, make_iban, typo_iban

SENTENCES = [
    'mon iban <ent type="IBAN">FR76 3000 6000 0112 3456 7890 189</ent> merci',
    'IBAN:<ent type="IBAN">FR7630006000011234567890189</ent>',
    '<ent type="IBAN">fr76 3000 6000 0112 3456 7890 189</ent> BIC AGRIFRPP',
    'compte allemand <ent type="IBAN">DE89 3704 0044 0532 0130 00</ent>',
    'belge <ent type="IBAN">BE68 5390 0754 7034</ent>, merci',
    'de 12 ans <ent type="IBAN">FR76 3000 6000 0112 3456 7890 189</ent>',
    # a mistyped IBAN (checksum fails, shape right) still gives the account away
    'iban <ent type="IBAN">FR77 3000 6000 0112 3456 7890 189</ent>',
    'iban <ent type="IBAN">FR7630006000011234567890188</ent> merci',
    # the wrong shape is something else: a letter where France has digits, a digit too many
    "ref FR77 3000 6000 0112 3456 7890 18X",
    "code FR12 3456 7890 1234 5678 9012 3456",
    "de 12 03 2024 a 14h",
    # wrapped over lines
    'mon iban\n<ent type="IBAN">FR76 0025 0845 9140\n9940 2059 061</ent>',
    # IBANs of countries outside the SWIFT registry, checked by their mod-97 alone
    'mon nouveau RIB au Maroc : <ent type="IBAN">MA87 2229 2747 1917 8476 3344 6219</ent> (Attijariwafa)',
    'Mon IBAN algérien (CPA) : <ent type="IBAN">DZ18 1401 8799 0198 9211 9141 85</ent>. C\'est pour la retraite',
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only="IBAN")


@pytest.mark.parametrize(
    "country", ["FR", "DE", "BE", "ES", "IT", "PT", "GB", "CH", "LU", "NL", "MC"]
)
@pytest.mark.parametrize("style", ["space", "none", "dash", "lower"])
def test_every_valid_iban_is_found(regex_detector, country, style):
    rng = random.Random(f"{country}{style}")
    for _ in range(10):
        value = format_iban(make_iban(rng, country), style)
        text = f"mon rib {value} merci"
        found = [f for f in regex_detector.detect(text) if f.type == "IBAN"]
        assert [(f.start, f.end) for f in found] == [(8, 8 + len(value))], value


@pytest.mark.parametrize("country", ["FR", "DE", "BE", "ES", "IT", "GB", "CH", "NL"])
@pytest.mark.parametrize("style", ["space", "none", "lower"])
def test_every_mistyped_iban_is_found(regex_detector, country, style):
    rng = random.Random(f"typo{country}{style}")
    for _ in range(10):
        value = format_iban(typo_iban(rng, country), style)
        text = f"mon iban {value} merci"
        found = [f for f in regex_detector.detect(text) if f.type == "IBAN"]
        assert [(f.start, f.end) for f in found] == [(9, 9 + len(value))], value
