"""NIR: checksum-valid numbers in every typing; structure and key checks; cues."""

from __future__ import annotations

import random

import pytest

from .conftest import check_annotated
from .synthetic import bad_key_nir, format_nir, format_nir_split, make_nir, typo_nir

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
    # a mistyped NIR with a person's structure is masked without a cue (a typo does not
    # make it public), unless another kind of reference introduces it
    'voila <ent type="NIR">2 95 10 99 126 111 99</ent> merci',
    "facture 2 95 10 99 126 111 99 de l'hopital",
    "commande 2951099126111 du 12 mars",
    # without a cue, a failing key needs the strict structure (month 01-12, sex 1/2/7/8)
    "ticket 3 95 10 99 126 111 99",
    "code 2 95 50 99 126 111 99",
    # split over a line break or by odd separators
    'secu <ent type="NIR">2 95 10\n99 126 111 93</ent>',
    'mon numero <ent type="NIR">2/95/10/99/126/111/93</ent>',
    '<ent type="NIR">2_95_10_99_126_111_93</ent> svp',
    # a number on the next line is not glued to the NIR
    'secu <ent type="NIR">2 95 10 99 126 111 93</ent>\n06 12',
    # sex digit 5 and month 13 do not exist
    "reference 5 95 10 99 126 111 93",
    "numero secu 2 95 13 99 126 111 93",
    # part of a longer number
    "ticket 12 95 10 99 126 111 93 45",
    # a piece of the number after its cue; amounts, articles and phone numbers are not pieces
    'mon numero de secu commence par <ent type="NIR">1850578</ent> et la suite',
    'ma secu finit par <ent type="NIR">084 36</ent>',
    "plafond de la securite sociale 48060 euros",
    "article L 323-1-1 du code de la securite sociale",
    "securite sociale 2025 2026",
    "plafond annuel sécu 48060 c'est bien ça ?",
    # without a cue: a person's number without its key; the key typed apart
    'sur mon attestation y a que 13 chiffres <ent type="NIR">1560797364934</ent>, la clé ?',
    'Num secu:<ent type="NIR">1 85 05 78 006 084</ent> cle <ent type="NIR">71</ent> refusé',
    'mon numéro de sécu <ent type="NIR">1 85 05 78 006 084</ent> et la clé c\'est <ent type="NIR">71</ent>',
    # a piece of the number, its end said before the cue
    'et la fin du numéro de sécu c\'est <ent type="NIR">587 301 54</ent>',
    "en fin de mois la sécu verse 45 000",
    "facture 1560797364934",
    # an invoice named a little further before
    "la facture du plombier porte le numéro 229039722823478 et je l'ai payée",
    # in a row of other numbers, a NIR in its usual groups or in one piece whose key checks
    'Gaëlle Rivière <ent type="NIR">2 44 07 72 661 354 75</ent> 3952429084450',
    'KERJEAN Nassim <ent type="NIR">1/01/03/21/025/428/47</ent> 07.62.43.95.00',
    'gerard guyot <ent type="NIR">163017185554204</ent> 05011963',
    # a key that does not check on the next line is the next value's number
    'Numéro SS : <ent type="NIR">1 72 01 99 911 677</ent>\n95 rue Aristide Briand, 35000 Rennes',
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


def test_bad_keys_after_another_reference_are_ignored(regex_detector):
    rng = random.Random(7)
    for _ in range(200):
        text = f"numero de facture {format_nir(bad_key_nir(rng))} a payer"
        assert not [f for f in regex_detector.detect(text) if f.type == "NIR"], text


@pytest.mark.parametrize("style", ["space", "none", "dot"])
def test_every_mistyped_nir_is_found(regex_detector, style):
    rng = random.Random(f"typo{style}")
    for _ in range(100):
        value = format_nir(typo_nir(rng), style)
        text = f"voila {value} merci"
        found = [f for f in regex_detector.detect(text) if f.type == "NIR"]
        assert [(f.start, f.end) for f in found] == [(6, 6 + len(value))], value


@pytest.mark.parametrize("style", ["newline", "slash", "underscore"])
def test_split_nir_is_found(regex_detector, style):
    rng = random.Random(f"split{style}")
    for _ in range(50):
        value = format_nir_split(make_nir(rng), style)
        text = f"mon numero de secu {value}"
        found = [f for f in regex_detector.detect(text) if f.type == "NIR"]
        assert [(f.start, f.end) for f in found] == [(19, 19 + len(value))], value
