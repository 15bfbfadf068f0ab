"""Bank cards: Luhn-valid numbers anywhere, mistyped ones after a cue, expiry and code with them."""

from __future__ import annotations

import random

import pytest

from .conftest import check_annotated
from .synthetic import format_card, make_card, make_cvv, make_expiry, typo_card

SENTENCES = [
    'carte <ent type="CARD">5314 7771 4356 8874</ent> fin <ent type="CARD">09 26</ent> et au dos <ent type="CARD">877</ent>',
    'ma carte qui expire <ent type="CARD">avril 2026</ent>, code envoyé',
    'le paiement : carte <ent type="CARD">4607-4648-2465-3247</ent>, valable <ent type="CARD">12/31</ent>, merci',
    'par carte voila <ent type="CARD">4785 5315 8356 0815</ent> expir <ent type="CARD">09/27</ent> cripto <ent type="CARD">059</ent>',
    'ma carte bancaire <ent type="CARD">4970 4497 9019 0760</ent> merci',
    'voila <ent type="CARD">4103967236699276</ent>',
    'ancienne visa a 13 chiffres <ent type="CARD">4222222222222</ent>',
    '<ent type="CARD">4222222222222</ent>',
    'amex <ent type="CARD">3484 765480 28029</ent>',
    'cb <ent type="CARD">4428487826068707</ent> exp <ent type="CARD">08/26</ent> cvv <ent type="CARD">972</ent>',
    '<ent type="CARD">4255 3990 1987 0211</ent> <ent type="CARD">06/26</ent> <ent type="CARD">702</ent>',
    'n° CB <ent type="CARD">4970 4497 9019 0760</ent>, expire <ent type="CARD">12/2027</ent>, code <ent type="CARD">123</ent>',
    'les 3 chiffres au dos, c\'est <ent type="CARD">296</ent> et ma visa <ent type="CARD">4759 9681 8955 3913</ent>',
    'ma CB c <ent type="CARD">4970 8175 6048 0639</ent> (date <ent type="CARD">05/27</ent>)',
    "ma cb a ete debitee en date du 12/03",
    'cb <ent type="CARD">4970 8175 6048 0639</ent> expire en <ent type="CARD">09/27</ent>, les 3 chiffres: <ent type="CARD">123</ent>',
    # one mistyped digit (Luhn fails): masked after a cue only ("carte" alone is one,
    # unless it is another card people own)
    'ma carte <ent type="CARD">4970 8175 6048 0638</ent> ne passe pas',
    "ma carte vitale expire le 09/27, code 123",
    'ma visa <ent type="CARD">4970 4497 9019 0761</ent>',
    "commande 4970 4497 9019 0761 du 3 mars",
    # a SIRET (14 digits, Luhn) and a NIR are no cards, even in a message about a card
    "mon entreprise siret 732 829 320 00074, je paie par cb ?",
    "je paie par carte bancaire, mon siret 73282932000074",
    # amounts and dates in a card message
    "j'ai paye 1 234,56 € par carte bancaire le 12/03/2026",
    "ma cb a ete debitee de 45,90 euros le 03/02",
    # a number wrapped to the next line after a cue
    'ma carte bancaire <ent type="CARD">4251 3597\n4277 8531</ent>',
    "j'ai payé 45,90 € par carte bancaire le 12/03/2026\n1234 5678",
    # a mistyped Amex grouped 6-6-3 after a cue; the code "visuel" or "au verso"
    'american express <ent type="CARD">370035 226754 045</ent>',
    'mastercard <ent type="CARD">5171516939219477</ent> cryptogramme visuel <ent type="CARD">045</ent>',
    'la carte <ent type="CARD">4775945807986949</ent> ? code au verso <ent type="CARD">771</ent>',
    # four groups of four of a card network, a digit wrong; what only a card has after a number
    'le paiement est refusé avec <ent type="CARD">4014 7848 2518 4368</ent>, erreur de chiffre ?',
    '<ent type="CARD">44671 1331 009 1615</ent> valable jusqu\'au <ent type="CARD">04/2028</ent>',
    'la date d\'expiration c\'est <ent type="CARD">12/30</ent> et le code derrière <ent type="CARD">210</ent>',
    'paiement par CB : <ent type="CARD">4970 1012 3456 7895</ent> / <ent type="CARD">01/30</ent> / <ent type="CARD">219</ent>',
    "carte de sejour valable jusqu'au 03/2030",
    # the code on the back named loosely; expiry and code on the next lines
    'le cryptogramme au dos c <ent type="CARD">301</ent>',
    'les 3 chiffres derriere : "<ent type="CARD">489</ent>"',
    # "derrière" alone, "la date c'est" in a message with a card number
    'ma carte <ent type="CARD">4970 1012 3456 7895</ent>, elle expire en <ent type="CARD">11/30</ent> et derrière c\'est <ent type="CARD">529</ent>',
    'j\'ai tapé <ent type="CARD">4970101234567893</ent> mais ça refuse, la date c\'est <ent type="CARD">01/2031</ent>',
    "le rdv derrière la mairie à 14h30, la date c'est 12/2025 ?",
    # expiry and code named in other languages
    'mit meiner Karte <ent type="CARD">2221 8024 1224 0135</ent>, gültig bis <ent type="CARD">07/2030</ent>, Prüfnummer <ent type="CARD">760</ent> bezahlt',
    'con la tarjeta <ent type="CARD">2720-0568-0435-0210</ent> caducidad <ent type="CARD">08/2027</ent> y código <ent type="CARD">614</ent>',
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only="CARD")


@pytest.mark.parametrize("network", ["visa", "cb", "mastercard", "amex", "maestro"])
@pytest.mark.parametrize("style", ["space", "none", "dash", "dot"])
def test_every_valid_card_is_found(regex_detector, network, style):
    rng = random.Random(f"{network}{style}")
    for _ in range(30):
        value = format_card(make_card(rng, network), style)
        text = f"voila {value} merci"
        found = [f for f in regex_detector.detect(text) if f.type == "CARD"]
        assert [text[f.start : f.end] for f in found] == [value], text


@pytest.mark.parametrize("network", ["visa", "mastercard", "amex"])
def test_mistyped_card_after_a_cue_with_expiry_and_code(regex_detector, network):
    rng = random.Random(network)
    for _ in range(30):
        number, expiry, cvv = format_card(typo_card(rng, network)), make_expiry(rng), make_cvv(rng)
        text = f"ma carte bancaire {number} exp {expiry} cvv {cvv}"
        found = [text[f.start : f.end] for f in regex_detector.detect(text) if f.type == "CARD"]
        assert found == [number, expiry, cvv], text


def test_expiry_and_code_need_a_card_message(regex_detector):
    assert not regex_detector.detect("le code 123 expire le 09/27")
