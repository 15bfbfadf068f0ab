"""Rules found weak by a probe of unseen messages: normalisation, starred words, look-alikes."""

from __future__ import annotations

import pytest

from bot.moderation._text import views


def test_invisible_characters_are_dropped():
    assert views("le con\u00adtrat") == ("le contrat",)
    assert views("con\u200bnard") == ("conard",)


@pytest.mark.parametrize(
    ("text", "view"),
    [("en 24h", "en 24h"), ("à 10h30", "a 10h30"), ("notre 3ème", "notre 3eme"), ("5min", "5min")],
)
def test_numbers_with_units_are_not_leetspeak(text, view):
    assert views(text) == (view,)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("suce ma b*te", "insult"),  # the insult set wins over the weapon "batte"
        ("encul*s de la caf", "insult"),  # stem and ending: encul* + s
        ("p*tes", "insult"),
    ],
)
def test_starred_words(classifier, text, category):
    assert classifier.classify(text).category == category


@pytest.mark.parametrize(
    "text",
    [
        "j'élève des vaches et des truies, quelles cotisations ?",
        "notre vieille vache est morte, il y a une aide ?",
        "un gros chien m'a mordu, la CPAM rembourse ?",
        "on a adopté un chien bâtard à la SPA",
        "je me tue au travail et je n'ai droit à rien ?",
        "je me tue à vous dire que j'ai déjà envoyé le document",
        "mon voisin a crevé mes pneus, c'est pris en charge ?",
        "je vais crever de froid si le chèque énergie n'arrive pas",
        "on va vous faire sauter l'amende ?",
        "quand est-ce que vous allez payer pour ça, les lunettes ?",
        "je vais le retrouver, ce papier",
        "je vais vous retrouver le numéro de dossier",
        "je vais casser ma tirelire pour payer le loyer",
        "je serai à l'armée en septembre, mes APL ?",
        "j'ai fait une tentative de connexion mais ça ne marche pas",
        "je vais partir pour toujours au Portugal, je clôture mon dossier ?",
        "je vais en finir avec ce dossier aujourd'hui",
        "je n'ai plus la force de continuer les démarches seule",
        "mon crédit en 48h a été refusé par la banque",
        "j'ai peur que ça va mal se passer avec mon propriétaire",
        "merci, faites attention à vous",
        "les migrants malades ont droit à l'AME ?",
    ],
)
def test_look_alikes_stay_clean(classifier, text):
    verdict = classifier.classify(text)
    assert verdict.category in ("none", "criticism"), (text, verdict)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("je vais t'exploser la tronche", "threat"),
        ("si je te croise je te tue", "threat"),
        ("je tabasse le premier agent que je vois", "threat"),
        ("tu vas finir six pieds sous terre", "threat"),
        ("je vais crever les pneus de la conseillère", "threat"),
        ("jvé me tuer", "self_harm"),
        ("je me jette sous un train si vous coupez le RSA", "self_harm"),
        ("je veux en finir avec ma vie", "self_harm"),
        ("autant que je disparaisse", "self_harm"),
        ("vous êtes des porcs", "insult"),
        ("espèce de fumier", "insult"),
        ("les homos sont des malades", "hate"),
        ("vous êtes des incompétents", "criticism"),
        ("vous tuez les petites entreprises avec vos cotisations", "criticism"),
    ],
)
def test_general_formulations(classifier, text, category):
    assert classifier.classify(text).category == category
