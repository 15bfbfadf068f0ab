"""French chat text: disguised insults are caught, look-alike ordinary words are not."""

from __future__ import annotations

import pytest

DISGUISED_INSULTS = [
    "connard",
    "CONNARD",
    "conard",
    "connnnnnard",
    "c0nn4rd",
    "c o n n a r d",
    "C.O.N.N.A.R.D",
    "c*nnard",
    "con-nard",
    "s4l0pe",
    "s@l0p3",
    "sal-ope",
    "S A L O P E",
    "enculé",
    "encule",
    "encu1é",
    "enc*lé",
    "fils de p*te",
    "fi1s de pute",
    "t'es qu'un con",
    "tes qu un con",
    "vous êtes débiles",
    "bande de bouffons",
]

LOOK_ALIKES = [
    "je voudrais connaître mes droits",
    "je voudrais connaitre mes droits",
    "Conrad a 3 ans",
    "mon député m'a conseillé de vous écrire",
    "la crèche est réputée",
    "suite à une dispute avec mon conjoint",
    "j'ai acheté une salopette",
    "j'habite à Bordeaux",
    "il habite chez moi",
    "mon contrat se termine",
    "je cherche le contact de l'agence",
    "c'est mon second enfant",
    "mon abonnement de connexion internet",
    "une question technique",
    "le document en PDF",
    "c'est con, j'ai oublié mon mot de passe",
    "comme une idiote j'ai envoyé le mauvais papier",
    "vous nous prenez pour des cons ?",
    "une règle à la con",
    "j'élève des vaches et des porcs, quelles cotisations MSA ?",
    "la pédale de vélo de mon fils",
    "je vais mourir de faim si le RSA n'arrive pas",
    "quand est-ce que vous allez le payer ?",
    "je vais vous renvoyer le formulaire",
    "je vais tout vous envoyer ce soir",
    "je dois prendre mes médicaments tous les jours",
    "je vais porter plainte contre la caf",
    "vous êtes morts ou quoi ? personne ne répond",
]


@pytest.mark.parametrize("text", DISGUISED_INSULTS)
def test_disguised_insult_is_caught(classifier, text):
    assert classifier.classify(text).category == "insult"


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alike_is_not_abuse(classifier, text):
    verdict = classifier.classify(text)
    assert not verdict.is_abuse and not verdict.urgent, verdict


def test_swear_word_about_the_service_is_criticism_but_at_a_person_is_insult(classifier):
    assert classifier.classify("service de merde").category == "criticism"
    assert classifier.classify("SITE DE M*RDE").category == "criticism"
    assert classifier.classify("conseillère de merde").category == "insult"


def test_accusation_is_defamation_only_against_a_named_person(classifier):
    assert classifier.classify("vous êtes des voleurs").category == "criticism"
    assert classifier.classify("[NOM] est un voleur").category == "defamation"
    assert classifier.classify("Mme Dupont est une voleuse").category == "defamation"


def test_links_to_official_sites_are_not_spam(classifier):
    assert classifier.classify("la page https://www.caf.fr/allocataires ne marche pas").category == "none"
    assert classifier.classify("regarde www.gains-faciles.xyz").category == "spam"
    assert classifier.classify("mon mail est prenom.nom@gmail.com").category == "none"
    assert classifier.classify("mon adresse c'est prenom.nom @ wanadoo.fr").category == "none"
