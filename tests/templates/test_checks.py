"""The rules shared by the editor and `python -m bot templates check`."""
from datetime import date, timedelta

import pytest

from bot.__main__ import main
from bot.config import load_config
from bot.templates import AnswerTemplate, load_templates
from bot.templates.checks import check_all, check_fields, check_template

CONFIG = load_config(environ={})
TODAY = date(2026, 11, 25)
EXAMPLES = [
    "je cherche la date de la prochaine reunion d'information",
    "quand a lieu la reunion d'info pour les nouveaux parents",
    "reunion information parents c quand",
    "y a t il une seance d'accueil pour les futurs parents",
    "comment s'inscrire a la reunion pour jeunes parents",
    "la caf organise des reunions pour les parents ?",
    "atelier parents caf inscription",
    "ou trouver le programme des ateliers parentalite",
]


def template(**changes) -> AnswerTemplate:
    fields = dict(id="caf_famille_reunion_parents", title="Réunions d'information des parents", examples=EXAMPLES,
                  answer="Les réunions sont annoncées sur {{site}}. Pour vous inscrire, appelez le {{telephone}}.",
                  source="https://www.caf.fr/allocataires/vies-de-famille", reviewed=TODAY,
                  checked_by="Pôle famille", branch="caf",
                  theme="famille", theme_title="Famille")
    fields.update(changes)
    return AnswerTemplate(**fields)


@pytest.fixture(scope="module")
def shipped():
    return load_templates()


def messages(issues, level="erreur"):
    return [i.message for i in issues if i.level == level]


def test_a_good_template_passes(shipped):
    assert messages(check_template(template(), shipped, CONFIG, TODAY, is_new=True)) == []


def test_too_few_examples_says_how_many_are_missing(shipped):
    [message] = messages(check_template(template(examples=EXAMPLES[:5]), shipped, CONFIG, TODAY))
    assert "au moins 8" in message and "il en manque 3" in message


def test_a_repeated_example_is_refused_even_with_other_accents_and_case(shipped):
    examples = EXAMPLES + ["Réunion information parents, c quand ?"]
    [message] = messages(check_template(template(examples=examples), shipped, CONFIG, TODAY))
    assert "répète « reunion information parents c quand »" in message


def test_an_example_of_another_template_is_refused_naming_it(shipped):
    other = shipped[0]
    [message] = messages(check_template(template(examples=EXAMPLES + [other.examples[0]]), shipped, CONFIG, TODAY))
    assert f"modèle « {other.id} »" in message


def test_a_close_example_is_a_warning_naming_the_pair(shipped):
    other = next(t for t in shipped if t.id == "caf_paiements_coordonnees_bancaires")
    close = "j'ai changé de banque comment je donne mon nouveau rib a la caf svp"
    issues = check_template(template(examples=EXAMPLES + [close]), shipped, CONFIG, TODAY)
    assert messages(issues) == []
    [warning] = messages(issues, "avertissement")
    assert close in warning and other.id in warning and "similarité" in warning


def test_unknown_placeholder_lists_the_known_ones(shipped):
    [message] = messages(check_template(template(answer="Appelez le {{telefone}}."), shipped, CONFIG, TODAY))
    assert "{{telefone}}" in message and "{{telephone}}" in message


def test_long_answer_and_malformed_links_are_refused(shipped):
    long_answer = "Réponse. " * 70 + "https://www.caf.fr"
    assert "600 au plus" in messages(check_template(template(answer=long_answer), shipped, CONFIG, TODAY))[0]
    found = messages(check_template(template(answer="Voir https//www.caf.fr ou http://caf.fr."), shipped, CONFIG, TODAY))
    assert len(found) == 2 and all("Lien mal formé" in m for m in found)
    assert messages(check_template(template(source="caf.fr"), shipped, CONFIG, TODAY))


def test_review_dates(shipped):
    stale = check_template(template(reviewed=TODAY - timedelta(days=400)), shipped, CONFIG, TODAY)
    assert messages(stale) == [] and "plus de 12 mois" in messages(stale, "avertissement")[0]
    assert "futur" in messages(check_template(template(reviewed=TODAY + timedelta(days=1)), shipped, CONFIG, TODAY))[0]


def test_personal_data_in_an_example_is_refused(shipped):
    examples = EXAMPLES + ["je suis joignable au 06 48 27 19 53 pour la reunion"]
    [message] = messages(check_template(template(examples=examples), shipped, CONFIG, TODAY))
    assert "donnée personnelle (téléphone)" in message


def test_id_must_name_branch_theme_and_be_unique_for_a_new_template(shipped):
    assert "caf_famille_" in messages(check_template(template(id="reunion_parents"), shipped, CONFIG, TODAY))[0]
    existing = shipped[0]
    refused = check_template(template(id=existing.id, branch=existing.branch, theme=existing.theme),
                             shipped, CONFIG, TODAY, is_new=True)
    assert any("existe déjà" in m for m in messages(refused))


def test_shipped_templates_have_no_error(shipped):
    assert messages(check_all(shipped, CONFIG)) == []


YAML = """
branch: caf
theme: famille
theme_title: "Famille"
owner: "Service communication"
templates:
  - id: caf_famille_reunion_parents
    title: "Réunions"
    examples: {examples}
    answer: "Voir {{{{site}}}}."
    source: "https://www.caf.fr"
    reviewed: 2026-11-20
"""


def test_command_exit_code_and_messages(tmp_path, capsys):
    (tmp_path / "a.yml").write_text(YAML.format(examples=EXAMPLES), encoding="utf-8")
    assert main(["templates", "check", "--files-only", "--directory", str(tmp_path)]) == 0
    (tmp_path / "b.yml").write_text(YAML.format(examples=EXAMPLES[:3]), encoding="utf-8")
    assert main(["templates", "check", "--files-only", "--directory", str(tmp_path)]) == 1
    output = capsys.readouterr().out
    assert "est utilisé deux fois" in output and "il en manque 5" in output


@pytest.mark.parametrize("source", ["https://www.caf.fr", "https://www.ameli.fr/", "https://assure.ameli.fr/PortailAS",
                                    "https://www.caf.fr/allocataires/mon-compte", "https://www.msa.fr/lfp/accueil",
                                    "https://www.urssaf.fr/index.html", "https://www.ameli.fr/fr/index.php"])
def test_a_home_or_account_page_as_source_is_a_warning(source):
    [warning] = messages(check_fields(template(source=source), CONFIG, TODAY), "avertissement")
    assert "page d'accueil ou de compte" in warning


@pytest.mark.parametrize("source", ["https://tesa.msa.fr/?p=272",
                                    "https://www.urssaf.fr/portail/files/live/sites/urssaf/files/3en1/index.html"])
def test_a_page_named_by_its_query_or_a_deep_index_file_is_no_home_page(source):
    assert not messages(check_fields(template(source=source), CONFIG, TODAY), "avertissement")


@pytest.mark.parametrize("source", ["https://www.partenaires-cpam94.fr/acces-aux-droits/", "https://cms.smartp.com/msa/page",
                                    "https://www.caf.fr.exemple.com/aides", "https://www.msa-infos-agri.fr/page"])
def test_a_source_outside_the_official_sites_is_a_warning(source):
    [warning] = messages(check_fields(template(source=source), CONFIG, TODAY), "avertissement")
    assert "pas sur le site d'un organisme officiel" in warning


@pytest.mark.parametrize("source", ["https://www.service-public.fr/particuliers/vosdroits/F13213",
                                    "https://corse.msa.fr/lfp/web/msa-de-la-corse/deces", "https://www.carsat-sudest.fr/retraite",
                                    "https://www.msa79-86.fr/lfy/web/msa79-86/accident-travail-trajet-non-salaries-agricoles",
                                    "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000031688457"])
def test_a_page_of_an_official_site_is_no_warning(source):
    assert messages(check_fields(template(source=source), CONFIG, TODAY), "avertissement") == []


def test_an_undated_amount_is_a_warning_and_a_dated_one_is_not():
    undated = template(answer="La prime est de 1 019,40 € par enfant. Infos : {{site}}")
    dated = template(answer="Au 1er avril 2026 : 1 019,40 € par enfant. Infos : {{site}}")
    [warning] = messages(check_fields(undated, CONFIG, TODAY), "avertissement")
    assert "sans date" in warning
    assert messages(check_fields(dated, CONFIG, TODAY), "avertissement") == []


def test_who_checked_the_answer_is_asked_for():
    [warning] = messages(check_fields(template(checked_by=""), CONFIG, TODAY), "avertissement")
    assert "qui a vérifié" in warning
