import pytest

from bot.config import load_config
from bot.dialogue.redirect import of, organisation_for, other_branch_notice, other_organisation_message


@pytest.mark.parametrize(
    "text, expected",
    [
        ("comment je fais ma declaration d'impots", "Finances publiques"),
        ("mon actualisation pole emploi bug", "France Travail"),
        ("ma mutuelle rembourse pas les lunettes", "mutuelle"),
        ("renouvellement titre de séjour", "préfecture"),
        ("mon patron veut pas me payer mes heures sup", "employeur"),
        ("ma RQTH est toujours pas validée", "MDPH"),
        ("la bourse du crous arrive quand", "Crous"),
        ("pas reçu mon chèque énergie", "chèque énergie"),
        ("un chèque refusé par la banque", "banque"),
        ("mon proprio ne répare pas le chauffage", "ADIL"),
        ("ou est ce que je demande un truc bizarre", "l'organisme concerné"),
        ("je declare mes enfants ou ?", "l'organisme concerné"),
    ],
)
def test_organisation_is_chosen_by_keywords(text, expected):
    assert expected in organisation_for(text).name


def test_other_branch_notice_names_the_body_and_how_to_reach_it():
    config = load_config(environ={})
    notice = other_branch_notice("cpam", config)
    assert "l'Assurance Maladie" in notice and "36 46" in notice and config.contacts.name in notice


def test_other_organisation_message_has_a_contact():
    message = other_organisation_message("carte grise", load_config(environ={}))
    assert "ants.gouv.fr" in message


@pytest.mark.parametrize("name, expected", [
    ("les Finances publiques (impots.gouv.fr)", "des Finances publiques (impots.gouv.fr)"),
    ("le service public", "du service public"),
    ("France Travail", "de France Travail"),
    ("la préfecture", "de la préfecture"),
    ("l'organisme concerné", "de l'organisme concerné"),
    ("Lemonde", "de Lemonde"),
])
def test_of_contracts_the_article_as_french_grammar_wants(name, expected):
    assert of(name) == expected


def test_other_organisation_message_reads_as_correct_french():
    message = other_organisation_message("comment declarer mes impots", load_config(environ={}))
    assert "mais des Finances publiques" in message and "de les" not in message
