"""Labels spelt as they sound: the copy spells them right, findings come back to the message."""

from __future__ import annotations

import pytest

from bot.personal_data._respelled import respelled_view, sound
from bot.text import fold_same_length

from .conftest import check_annotated


@pytest.mark.parametrize(
    ("typed", "label"),
    [("nessance", "naissance"), ("nésanse", "naissance"), ("alocatère", "allocataire"),
     ("idantifian", "identifiant"), ("teléfone", "telephone"), ("adrèse", "adresse"),
     ("confidenciel", "confidentiel"), ("chemain", "chemin")],
)
def test_misspellings_sound_like_their_label(typed, label):
    assert sound(typed.replace("è", "e").replace("é", "e")) == sound(label)


def _never_known(word: str) -> bool:
    return False


def test_the_copy_spells_labels_right_and_maps_back_to_the_message():
    text = "ma dat de nessance 17 11 1994 jabite au 12 ru des lilas"
    copy = respelled_view(text, fold_same_length(text), _never_known)
    assert copy is not None
    assert copy.text == "ma dat de naissance 17 11 1994 j'habite au 12 rue des lilas"
    value = copy.text.index("17 11 1994")
    assert text[copy.origin[value] : copy.origin[value + 10 - 1] + 1] == "17 11 1994"


def test_dictionary_words_stay_unless_one_letter_from_the_label():
    known = {"car", "appel", "vital", "ru"}.__contains__
    text = "car mon appel pour la carte vital au 3 ru"
    copy = respelled_view(text, fold_same_length(text), known)
    assert copy is not None and copy.text == "car mon appel pour la carte vitale au 3 rue"


def test_nothing_to_respell_gives_no_copy():
    text = "Bonjour, Mme Kone attend la caf"
    assert respelled_view(text, fold_same_length(text), _never_known) is None


SENTENCES = [
    'ma dat de nessance <ent type="BIRTHDATE">17 11 1994</ent> et mon n alocatère <ent type="ALLOCATAIRE">2906801</ent>',
    'mon idantifiant caf cé mon numero <ent type="ALLOCATAIRE">5496673</ent> mé ça marche pa',
    'numéraux d\'alocataire <ent type="ALLOCATAIRE">0,097,945</ent> jai mi des virgule',
    'jabite au <ent type="ADDRESS">12 ru des lilas 59000 lille</ent> mé la caf envoi a lancienne adrèse',
    # an invisible character pasted inside a value
    'Mon numéro CAF c\'est le <ent type="ALLOCATAIRE">761\u200b8856</ent> je l\'ai copié du site',
    'mon adresse mail : <ent type="EMAIL">sandrine.perrot\u200b@orange.fr</ent> — je ne reçois rien',
    # the labels of the Creoles, written as they are spoken; a ligature in a street's name
    'Bonjou, nimewo alokatè an mwen <ent type="ALLOCATAIRE">4328628</ent>. Mèsi.',
    'Bonjou, mwen fèt <ent type="BIRTHDATE">2 avril 1953</ent>, mwen pa jen touché',
    'j\'habite <ent type="ADDRESS">14 chemin Bœuf Mort, 97425 Les Avirons</ent>, portable bientôt',
    # a sentence full of misspellings without a value stays as it is
    "jai apelé 3 foi la caf pour mon dossié et personne repon, cé pa normal",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_detector_reads_misspelt_labels(detector, line):
    check_annotated(detector, line)
