"""NIR: checksum-valid numbers in every typing; structure and key checks; cues."""

from __future__ import annotations

import random

import pytest

from .conftest import check_annotated
from .synthetic import bad_key_nir, format_nir, make_nir

SENTENCES = [
    'mon numero de secu <ent type="NIR">2 95 10 99 126 111 93</ent> merci',
    '<ent type="NIR">295109912611193</ent>',
    'secu: <ent type="NIR">2.95.10.99.126.111.93</ent>.',
    'numero <ent type="NIR">2-95-10-99-126-111-93</ent> svp',
    'mon nir <ent type="NIR">2951099126111 93</ent>',
    'corse : <ent type="NIR">2 53 07 2B 073 004 70</ent>',
    'corse : <ent type="NIR">253072A07300443</ent>',
    'mon numéro de sécu c\'est <ent type="NIR">2 95 10 99 126 111</ent> sans la clé',
    # with a cue, a mistyped key is still the user's number
    'numero de securite sociale <ent type="NIR">2 95 10 99 126 111 99</ent>',
    # without a cue, a bad key is some other reference
    "facture 2 95 10 99 126 111 99 de l'hopital",
    "commande 2951099126111 du 12 mars",
    # sex digit 5 and month 13 do not exist
    "reference 5 95 10 99 126 111 93",
    "numero secu 2 95 13 99 126 111 93",
    # part of a longer number
    "ticket 12 95 10 99 126 111 93 45",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only="NIR")


@pytest.mark.parametrize("style", ["space", "dot", "dash", "none", "key_apart"])
@pytest.mark.parametrize("variant", [None, "2A", "2B", "sex7", "sex8", "sex3", "sex4"])
def test_every_valid_nir_is_found(regex_detector, style, variant):
    rng = random.Random(f"{style}{variant}")
    for _ in range(30):
        corsica = variant if variant in ("2A", "2B") else None
        sex = variant[3] if variant and variant.startswith("sex") else None
        value = format_nir(make_nir(rng, sex=sex, corsica=corsica), style)
        text = f"voila {value} merci"
        found = [f for f in regex_detector.detect(text) if f.type == "NIR"]
        assert [(f.start, f.end) for f in found] == [(6, 6 + len(value))], value


def test_bad_keys_without_cue_are_ignored(regex_detector):
    rng = random.Random(7)
    for _ in range(200):
        text = f"numero de facture {format_nir(bad_key_nir(rng))} a payer"
        assert not [f for f in regex_detector.detect(text) if f.type == "NIR"], text
