import re

import pytest
import yaml

from bot.config import BRANCHES, PROJECT_ROOT, load_config
from bot.dialogue.redirect import (
    FALLBACK, chosen_organisation, load_organisations, of, organisation_responses, other_branch_notice,
    other_organisation_message,
)
from bot.templates import load_templates, render

# What a wrong contraction or a duplicated article looks like once a sentence is filled in.
BAD_FRENCH = re.compile(r"\b(de les|de le|à le|à les|au le|au la|au l'|le le|le la|la le)\b", re.IGNORECASE)
# In free text "à les" or "de le" can be a pronoun ("pas à les ajouter"): there, only the doubled
# articles a filled-in contact would produce.
DOUBLED_ARTICLE = re.compile(r"\b(au|le|la|du) (le|la|les)\b", re.IGNORECASE)


def test_other_branch_notice_names_the_body_and_how_to_reach_it():
    config = load_config(environ={})
    notice = other_branch_notice("cpam", config)
    assert "l'Assurance Maladie" in notice and "36 46" in notice and config.contacts.name in notice


@pytest.mark.parametrize("branch", BRANCHES)
def test_every_branch_redirect_reads_as_correct_french(branch):
    notice = other_branch_notice(branch, load_config(environ={}))
    assert not BAD_FRENCH.search(notice), notice


@pytest.mark.parametrize("branch", BRANCHES)
def test_template_answers_read_as_correct_french_with_every_body_contacts(branch):
    config = load_config(environ={})
    for template in load_templates():
        text = render(template.answer, config.contacts_for(branch))
        assert not DOUBLED_ARTICLE.search(text), (template.id, text)


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


def test_every_body_message_reads_as_correct_french_and_has_a_contact():
    config = load_config(environ={})
    for organisation in load_organisations().values():
        message = other_organisation_message(organisation, config)
        assert not BAD_FRENCH.search(message), message
        assert organisation.contact in message


def test_every_body_has_training_examples_and_every_example_names_a_known_body():
    data = yaml.safe_load((PROJECT_ROOT / "data" / "nlu" / "other_organisations.yml").read_text(encoding="utf-8"))
    keys = {block["intent"].partition("/")[2] for block in data["nlu"]}
    assert keys == set(load_organisations()) - {FALLBACK}
    for block in data["nlu"]:
        assert len([line for line in block["examples"].splitlines() if line.strip()]) >= 7, block["intent"]


def test_responses_exist_for_every_body_and_the_general_pointer():
    responses = organisation_responses(load_config(environ={}))
    assert set(responses) == {f"utter_other_organisation/{key}" for key in load_organisations()}
    assert "service-public.fr" in responses["utter_other_organisation/fallback"][0]["text"]


def test_chosen_organisation_reads_the_body_selector():
    parse_data = {"response_selector": {"other_organisation": {"response": {
        "intent_response_key": "other_organisation/mdph", "confidence": 0.7}}}}
    assert chosen_organisation(parse_data) == ("mdph", 0.7)
    assert chosen_organisation({}) == (FALLBACK, 0.0)
