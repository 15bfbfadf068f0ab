"""RIB typed apart: a row with a valid key anywhere, a mistyped one after a bank word, labelled parts."""

from __future__ import annotations

import random

import pytest

from bot.personal_data._rib import rib_key_ok

from .conftest import check_annotated
from .synthetic import format_rib, make_rib

SENTENCES = [
    'Code banque;Code guichet;Numéro de compte;Clé RIB\n<ent type="IBAN">13072</ent>;<ent type="IBAN">57784</ent>;<ent type="IBAN">01237240953</ent>;<ent type="IBAN">31</ent>',
    'mon rib : <ent type="IBAN">30004 00123 12345678901 45</ent>',
    # labelled parts: one span from the bank code to the key, in any order
    'code banque <ent type="IBAN">30004 code guichet 00123 '
    'numero de compte 12345678901 cle rib 45</ent>',
    'banque : <ent type="IBAN">30004\\nguichet : 00123\\n'
    'compte : 0001234567X\\ncle : 12</ent>',
    'compte <ent type="IBAN">12345678901 banque 30004 guichet 00123 cle 45</ent> merci',
    'n° de compte : <ent type="IBAN">12345678901 clé 45</ent> (banque postale)',
    'etablissement <ent type="IBAN">30004 / guichet 00123 / compte n° 12345678901 / cle 45</ent>',
    'mon numero de compte <ent type="IBAN">12345678901</ent> a la banque postale',
    'rib:\n<ent type="IBAN">13758\n58471\n95406135895\n88</ent>',
    # bank words without values, a single part, a postcode and a phone
    "le code banque est sur le rib ?",
    "il faut la cle rib pour le virement ?",
    "la banque 30004 c'est laquelle ?",
    "j'habite 33000 Bordeaux, tel 06 12 34 56 78",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only="IBAN")


@pytest.mark.parametrize("style", ["row", "labels", "lines"])
def test_every_rib_is_masked(regex_detector, style):
    rng = random.Random(style)
    for _ in range(30):
        rib = make_rib(rng)
        text = f"voici {format_rib(rib, style)} merci"
        masked = regex_detector.mask(text).text
        assert not any(part in masked for part in rib), masked


def test_rib_key():
    assert rib_key_ok("30004", "00123", "12345678901", "45") is ("45" == f"{97 - (89 * 30004 + 15 * 123 + 3 * 12345678901) % 97:02d}")
    rng = random.Random(1)
    for _ in range(50):
        bank, branch, account, key = make_rib(rng)
        assert rib_key_ok(bank, branch, account, key)
        assert not rib_key_ok(bank, branch, account, f"{(int(key) + 1) % 100:02d}")
    assert rib_key_ok("30004", "00123", "0001234567A", f"{97 - (89 * 30004 + 15 * 123 + 3 * 12345671) % 97:02d}")
