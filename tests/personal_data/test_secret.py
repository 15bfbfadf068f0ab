"""Passwords and confidential codes: the value typed after its name is masked, not the talk about it."""

from __future__ import annotations

import random

import pytest

from .conftest import check_annotated
from .synthetic import make_password, make_secret_code

SENTENCES = [
    # in a message about logging in: the words with digits tried, any code
    'mon mot de passe ne marche plus, j\'ai essayé <ent type="SECRET">Chipie2010</ent> et <ent type="SECRET">chipie2010</ent>',
    # (the login, found by the login reader, is no password)
    'je me connecte avec "tiphaine_guillot56" sur l\'espace partenaire',
    'erreur ERR2045 sur Windows10 quand je tape mon mot de passe',
    'souci de connexion. Numéro allocataire 956 47 83, code <ent type="SECRET">73920184</ent>',
    'Mon mot de passe impots.gouv c\'est <ent type="SECRET">Soleil87</ent> et le numéro fiscal je l\'ai pas',
    "code erreur 4040 à la connexion",
    # a password dictated, its digits and signs said after the word
    'et le mot de passe <ent type="SECRET">papillon 48</ent> mais ça bloque',
    'le mot de passe c\'est <ent type="SECRET">marseille 526 dollar</ent>',
    "mon mot de passe bloqué 2 fois",
    'Identifiant : christelle-b\nCode SMS : <ent type="SECRET">766969</ent>\n→ erreur 403',
    'j\'ai essayé <ent type="SECRET">Tigre8974$</ent> et ça ne marche pas',
    'identifiant jdup75 + code <ent type="SECRET">7904</ent>',
    "j'ai essayé 3 fois ce matin, c'est bloqué",
    'user mlefebvre62\npass <ent type="SECRET">loulou5658*</ent>',
    "mot de passe : 8 caracteres minimum",
    '@Paul moi mon mdp c\'etait <ent type="SECRET">Bibou902</ent> et ca marchait pas',
    'le code confidentiel qu\'on m\'a envoyé par courrier c\'est <ent type="SECRET">9788</ent>, il faut le changer ?',
    # a web address with "mdp" in its path holds no password
    "le lien de reinitialisation : https://www.exemple.fr/portail-info/mdp?token=expired",
    'mon mot de passe c\'est <ent type="SECRET">Soleil2024!</ent>',
    'mdp: <ent type="SECRET">azerty</ent>',
    'mot de passe ameli : <ent type="SECRET">Chat-noir_77</ent>',
    'mon mdp c <ent type="SECRET">soleil</ent>',
    'code confidentiel <ent type="SECRET">1234</ent>',
    'mon code d\'accès c\'est le <ent type="SECRET">8812</ent>',
    'le mdp de mon compte caf c\'est <ent type="SECRET">Soleil92!</ent> vous pouvez verifier',
    'mot de passe provisoire recu par courrier : <ent type="SECRET">Marseille1290#</ent>',
    'mon mot de passe est "<ent type="SECRET">le chat noir</ent>"',
    'mon mdp france connect : <ent type="SECRET">Bibou7978</ent>',
    'password <ent type="SECRET">Tigre42</ent>.',
    'voici mes identifiants : jdupont / <ent type="SECRET">Soleil2024!</ent>',
    'identifiant: 1234567 / mdp: <ent type="SECRET">Azerty12</ent>',
    'mon code confidentiel : <ent type="SECRET">1 2 3 4</ent>',
    'le code de ma carte bancaire c\'est <ent type="SECRET">1234</ent>',
    "le code de la carte vitale est perdu",
    # one-time and temporary codes, values a few words after the cue or on the next line
    'le code de verification <ent type="SECRET">4587</ent> ne marche pas',
    'code reçu par sms : <ent type="SECRET">482913</ent> mais le site dit qu\'il est expire',
    'j\'ai bien recu le code a 6 chiffres <ent type="SECRET">674933</ent> je le mets ou ?',
    'OTP <ent type="SECRET">744007</ent>',
    'voici le code de confirmation : <ent type="SECRET">060970</ent>',
    'code confidentiel carte bleue <ent type="SECRET">3018</ent>',
    'mot de passe temporaire recu par courrier <ent type="SECRET">Xb4-kP9z</ent>',
    'Mot de passe oublié, le nouveau est <ent type="SECRET">Papillon2025</ent>',
    'identifiant et mot de passe : 1234567 <ent type="SECRET">Tigre2416</ent>',
    'mon code pin c\'est\n<ent type="SECRET">4471</ent>',
    # public codes, codes without a value, years and amounts after a code
    "le code postal 75012 c'est bien Paris 12 ?",
    "article L. 161-1 du code de la sécurité sociale",
    "code APE 8810A pour mon employeur",
    "le code sms expire au bout de 10 minutes",
    "le code recu par sms en mars 2026 ne marchait pas",
    "code d'erreur 404 sur le site",
    "mot de passe change le 12/03/2026 et toujours bloque",
    # talking about a password or a code without giving it
    "mdp: nouveau, je l'ai change hier",
    "mot de passe : 8 caracteres minimum",
    "code confidentiel a 4 chiffres",
    "mon mot de passe est bloque",
    "mot de passe oublie, je fais comment ?",
    "mdp incorrect alors que je l'ai change hier",
    "mon mot de passe c'est le meme qu'avant",
    "c'est quoi le code pin de la carte vitale",
    "je n'ai pas recu mon code d'acces provisoire",
    "le code postal c'est 33000",
    "j'ai perdu mon mot de passe messervices.etudiant, je ne peux pas voir ma bourse",
    "Script PFS « Mon Compte : connexion et mot de passe »",
    # the kind of code said after it, codes typed in pairs, a capitalised word with a symbol
    'ameli m\'a envoyé le code <ent type="SECRET">418823</ent> par texto mais la page s\'est fermée',
    'je vous donne le code de vérification : <ent type="SECRET">27 61 44</ent>',
    'MDP <ent type="SECRET">Chouquette!</ent>',
    "mot de passe: j'ai oublié",
    "le code de verification 06 12 34 56 78 c'est mon portable",
    # the person's own code
    'numero allocataire 4094718 et mon code <ent type="SECRET">4452</ent>',
    "mon code postal 75011",
    # the code before its name; a code the service sends
    'c\'est <ent type="SECRET">7 0 2 3 0 8</ent> le code qu\'on m\'a envoyé',
    'franceconnect m\'envoie un code <ent type="SECRET">370818</ent> je le mets ou ?',
    'jai tapé <ent type="SECRET">azerty38*</ent> puis <ent type="SECRET">azerty81#</ent> aucun ne marche',
    "Mot de passe oublié : le lien de réinitialisation expire au bout de 24h ?",
    "on m envoie le code 2026 du formulaire cerfa",
    # a code given by 'voici', someone's own code and its other guess; 'mot passe'
    'voici le code : <ent type="SECRET">508609</ent>',
    'ma mère a oublié son code, elle pense que c\'était <ent type="SECRET">2415</ent> ou <ent type="SECRET">5801</ent>',
    'mon mot passe <ent type="SECRET">azerty8274$</ent> ne pas marche',
    # a password before its name; the code the text message gave
    'j\'ai mis <ent type="SECRET">papillon47</ent> comme mot de passe mais il me dit incorrect',
    'le sms dit <ent type="SECRET">124798</ent> mais le site dit code invalide',
    "le sms dit 12 euros de plus",
    "Objet : réclamation – cerfa n°15490*03, article L.553-2 du code de la sécurité sociale",
    "identifiant et mot de passe france connect ou ameli c'est pareil ?",
    # what the code was for, said before it; the tax office's online access number
    'il m\'a fait valider un virement avec le code <ent type="SECRET">167344</ent>. Mon adresse',
    'on me demande de confirmer avec le code <ent type="SECRET">934447</ent> mais je ne l\'ai pas reçu',
    'Voici le code reçu par SMS pour valider la demande de réversion en ligne : <ent type="SECRET">446097</ent>.',
    'N° fiscal\t1235186105482\nN° d\'accès en ligne\t<ent type="SECRET">5794379</ent>\nRevenu fiscal de référence',
    "le code postal pour valider l'adresse c'est 75012",
    'le site demande un code reçu par courrier, c\'est <ent type="SECRET">Z5FK7YAA</ent>, il est refusé',
    "le code reçu par courrier, c'est normal qu'il expire ?",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_annotated_sentences(detector, line):
    check_annotated(detector, line, only="SECRET")


@pytest.mark.parametrize(
    "template",
    ["mon mot de passe c'est {}", "mdp : {}", "mot de passe ameli = {}", "mdp {} merci"],
)
def test_every_password_is_found(regex_detector, template):
    rng = random.Random(template)
    for _ in range(30):
        value = make_password(rng)
        text = template.format(value)
        found = [f for f in regex_detector.detect(text) if f.type == "SECRET"]
        assert [text[f.start : f.end] for f in found] == [value], text


@pytest.mark.parametrize("cue", ["code confidentiel", "code pin", "code d'acces :", "code secret"])
def test_every_code_is_found(regex_detector, cue):
    rng = random.Random(cue)
    for _ in range(20):
        value = make_secret_code(rng)
        text = f"{cue} {value}"
        found = [f for f in regex_detector.detect(text) if f.type == "SECRET"]
        assert [text[f.start : f.end] for f in found] == [value], text
