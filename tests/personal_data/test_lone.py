"""Values sent alone, answering a question asked in an earlier message: the question was their
label. Short messages only; amounts, hours, years, postcodes and references stay readable."""

from __future__ import annotations

import pytest

from .conftest import check_annotated


@pytest.mark.parametrize(
    "line",
    [
        '<ent type="ALLOCATAIRE">7753274</ent>',
        'oui c\'est <ent type="ALLOCATAIRE">7753274</ent>',
        '<ent type="ALLOCATAIRE">9726444</ent> c\'est bon ?',
        '<ent type="ALLOCATAIRE">9541042</ent> et celui de mon ex <ent type="ALLOCATAIRE">2114520</ent>',
        '<ent type="FILE_NUMBER">70 1245 336</ent> c\'est bien ça',
        'j\'ai réessayé <ent type="SECRET">321357</ent>',
        '<ent type="BIRTHDATE">25/10/57</ent>',
        'c\'est le <ent type="BIRTHDATE">4 janvier 2000</ent>',
        '<ent type="NAME">Thierry Marchal</ent>\\n<ent type="BIRTHDATE">02/08/1942</ent>\\n<ent type="ALLOCATAIRE">4677105</ent>',
        '<ent type="NAME">kader benyahia</ent>',
        '<ent type="NAME">gomez lucia</ent> <ent type="BIRTHDATE">12/05/1990</ent>',
        '<ent type="NAME">marie-claire fontaine</ent> <ent type="BIRTHDATE">14/12/1976</ent>',
        '<ent type="LOGIN">m.leroy.42</ent>',
        '<ent type="LOGIN">dupontm69</ent> et le mot de passe je l\'ai plus',
        '<ent type="SECRET">papillon615$</ent>',
        # a phone typed in a row with the number is the phone's; a NIR's sex digit apart, its key after
        '<ent type="NAME">Bastien Roche</ent> <ent type="ALLOCATAIRE">5265520</ent> <ent type="PHONE">0753412523</ent> rappelez moi svp',
        'c\'est <ent type="NIR">2 97 20 97 223 438</ent> et la clé <ent type="NIR">76</ent>',
        # a value sent in pieces, one message each
        'le début c\'est <ent type="FILE_NUMBER">2 26 03 97</ent> et je vous envoie la suite dans le message d\'après',
        'et la fin du numéro de sécu c\'est <ent type="NIR">587 301 54</ent>',
        'la 2e partie de mon numéro de portable <ent type="PHONE">45 67 89</ent>',
        # capitals typed before the digits belong to the reference
        'le numéro de passage est <ent type="FILE_NUMBER">URG 24 118 6630</ent> aux urgences',
        '<ent type="NAME">émilie giraud</ent> née le <ent type="BIRTHDATE">16/7/57</ent>',
    ],
)
def test_values_sent_alone(detector, line):
    check_annotated(detector, line)


@pytest.mark.parametrize(
    "line",
    [
        "69008", "2019", "2019 2021", "1 256,40 €", "850 € par mois", "le 15 mars à 14h30",
        "depuis janvier 2023", "la facture 2024-00871 de la cantine", "siren 732 829 320",
        "le 0 800 130 000 c'est gratuit ?", "on est le 12032025 et toujours rien", "formulaire S3705",
        "c'est le cerfa 15763*02 ?", "merci beaucoup", "bon courage", "france travail", "saint denis", "C0NN4RD",
        "Mois;Montant;Statut\\njanvier;245,30;verse", "le 12/11/2031 ?",
        "j'ai envoyé mon dossier le 12/05/2025 et toujours rien reçu de la caf depuis ce jour",
        "ald 30 31 32 lesquelles donnent le 100 %", "mixte vente services micro 188700 77700 comment ca se calcule",
        # conversation ids, ours and the server's: a machine's letters and digits, nobody's login
        "widget-4f1c", "Xy3_kP9aQ2-ZrT8bW1cD4e",
        # a piece announced, but a date or an amount
        "la fin du contrat c'est 15 06 2025", "le reste c'est 150 000 euros", "le montant total des rappels fait 24 587 632 centimes",
    ],
)
def test_short_messages_without_a_value_stay_readable(detector, line):
    check_annotated(detector, line)
