"""Accounts on social networks: private persons' handles, tags and profile links are masked; the
caisse's, organisations', media and public figures' accounts stay readable."""

from __future__ import annotations

import pytest

from .conftest import check_annotated


@pytest.mark.parametrize(
    "line",
    [
        'Mon TikTok c\'est @<ent type="LOGIN">maxoudu13</ent>, j\'ai tout expliqué',
        '@<ent type="LOGIN">laeti.b_76</ent> @<ent type="LOGIN">nico_delacroix</ent> venez voir',
        '@<ent type="NAME">sandrine.leroux59</ent> regarde',
        'ton pote 😂 @<ent type="NAME">Thomas Nguyen</ent> @<ent type="NAME">Mehdi Bouaziz</ent>',
        'Mon profil c\'est <ent type="LOGIN">facebook.com/amandine.girard.5412</ent> vous pouvez vérifier',
        'Je vous ai écrit depuis <ent type="LOGIN">linkedin.com/in/olivier-perrot-7b2a91</ent>, merci',
        'Mon fils a son propre compte <ent type="LOGIN">lucas_brt2006</ent>, il a 18 ans',
        'il est sur Facebook sous le nom <ent type="LOGIN">dam.lefort.39</ent> 😤',
    ],
)
def test_private_accounts_are_masked(detector, line):
    check_annotated(detector, line)


@pytest.mark.parametrize(
    "line",
    [
        "@ameli_actu @caf_fr @MSA_Fr @urssaf vous êtes où ? zéro réponse depuis le 2 avril",
        "@MSA_Fr le lien de votre publication renvoie une erreur 404",
        "contactez moi sur telegram @richesse_facile",
        "@EmmanuelMacron et la revalorisation des pensions ?",
        "voir facebook.com/groups/entraide.caf pour les infos",
        "des frais de tenue de compte apparaissent sur mon compte courant.",
    ],
)
def test_public_accounts_stay_readable(detector, line):
    check_annotated(detector, line)
