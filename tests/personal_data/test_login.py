"""Login identifiers: the login typed after its name is masked, not the talk about it."""

from __future__ import annotations

import pytest

from .conftest import check_annotated

SENTENCES = [
    'mon identifiant c\'est <ent type="LOGIN">l a u r e n t 6 9</ent>, j\'ai créé le compte hier',
    'mon snap c <ent type="LOGIN">maxou_rdt93</ent> si jamais lol',
    "je suis sur insta depuis 2019 et mon insta est bloqué",
    'mon identifiant caf c\'est <ent type="LOGIN">jdupont75</ent>',
    'login : <ent type="LOGIN">kdurand</ent>',
    'mon nom d\'utilisateur est <ent type="LOGIN">fatou_n93</ent>, que faire ?',
    'identifiant : <ent type="LOGIN">ndiaye.fatou</ent>',
    'voici mes identifiants : <ent type="LOGIN">jdupont</ent> / Soleil2024!',
    'identifiant et mot de passe : <ent type="LOGIN">1234567</ent> Tigre2416',
    # descriptions of a login, not a login
    "mon identifiant est bloqué",
    "mon identifiant est introuvable",
    "mon identifiant c'est mon numéro allocataire",
    "identifiant ameli pas reconnu",
    "je ne retrouve plus mon identifiant, c'est quoi ?",
    "voici mes identifiants pour que vous regardiez : mdp Soleil2024!",
    # a login and a password as a bare pair
    '<ent type="LOGIN">mlemaire62</ent> / azerty2434#',
    # hyphenated, on the next line, quoted after 'je me connecte avec'
    'mon login c\'est <ent type="LOGIN">auto-entrep-bmartin</ent> c\'est bon ?',
    'identifiant\n<ent type="LOGIN">tonton-rene62</ent>',
    'je me connecte avec "<ent type="LOGIN">papyjoel</ent>" depuis des années',
    "mon identifiant est peut-être bloqué",
    # a word that is neither French nor a service's name, right after the cue
    "identifiant franceconnect bloqué",
    # a service's name, then the login on the next line
    'identifiant urssaf\n<ent type="LOGIN">ae.plomberie.durand</ent>',
    # before its name, or after "je me connecte avec" when it is neither French nor a service
    '<ent type="LOGIN">lolo_du_62</ent> c mon pseudo pour me connecter',
    'je me connecte avec <ent type="LOGIN">jlgarnier</ent> d\'habitude',
    "je me connecte avec franceconnect",
    "je me connecte avec difficulte depuis hier",
    'pseudo de connexion <ent type="LOGIN">kalsoumbah</ent> , je veux fermer le compte',
    "identifiant de connexion oublié",
    'lidentifiant cé <ent type="LOGIN">bgautier</ent> et le mot de passe',
    'J\'ai rentré <ent type="LOGIN">ROUX.ALAIN</ent> en identifiant et rien',
    # a login dictated: words joined by spoken signs, numbers in words
    'mon identifiant c\'est <ent type="LOGIN">celine point fontaine</ent> et le mot de passe',
    'Identifiant : <ent type="LOGIN">agnes cinquante-sept tiret du bas mille neuf cent soixante et onze</ent>, mot de passe',
    "mon identifiant c'est mon numéro point final",
    # a bank's login is digits
    'puis il m\'a demandé mon identifiant bancaire <ent type="LOGIN">40782215</ent>',
    "mon identifiant bancaire est bloqué depuis hier",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only="LOGIN")


def test_an_e_mail_given_as_login_is_masked_as_an_e_mail(detector):
    found = detector.detect("mon identifiant c'est mon mail jean.dupont@example.org")
    assert [f.type for f in found] == ["EMAIL"]
