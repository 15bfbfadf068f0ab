from pathlib import Path

import pytest

from bot.config import load_config
from bot.nlu._text import normalise
from bot.templates.checks import MAX_ANSWER_CHARACTERS, MAX_EXAMPLES, MIN_EXAMPLES
from bot.templates import TemplateError, current_ids, load_templates, placeholders_in, render, PLACEHOLDERS

TEMPLATE = """
branch: caf
theme: essai
theme_title: "Essai"
owner: "Service communication"
templates:
  - id: {id}
    title: "Un titre"
    examples: ["question une", "question deux"]
    answer: "Appelez le {{{{telephone}}}} ou voyez {{{{compte_url}}}}."
    source: "https://www.caf.fr"
    reviewed: 2026-11-20
"""


def write(directory: Path, name: str, template_id: str) -> None:
    (directory / name).write_text(TEMPLATE.format(id=template_id), encoding="utf-8")


def test_file_level_branch_theme_and_owner_fill_each_template(tmp_path):
    write(tmp_path, "a.yml", "caf_essai_un")
    [template] = load_templates(tmp_path)
    assert (template.branch, template.theme, template.owner) == ("caf", "essai", "Service communication")


def test_duplicate_ids_are_refused(tmp_path):
    write(tmp_path, "a.yml", "caf_essai_un")
    write(tmp_path, "b.yml", "caf_essai_un")
    with pytest.raises(TemplateError, match="caf_essai_un"):
        load_templates(tmp_path)


def test_render_fills_placeholders_from_the_branch_contacts():
    config = load_config(environ={})
    text = render("Appelez le {{telephone}} ({{ horaires_telephone }}).", config.contacts_for("cpam"))
    assert "36 46" in text and "{" not in text


def test_unknown_placeholder_is_an_error_not_left_in_the_answer():
    with pytest.raises(KeyError, match="inconnu"):
        render("Voir {{adresse_mairie}}", load_config(environ={}).contacts)


def test_every_shipped_template_is_valid_and_renders():
    config = load_config(environ={})
    templates = load_templates()
    assert templates, "data/templates/ holds the level-1 answers"
    for template in templates:
        assert placeholders_in(template.answer) <= set(PLACEHOLDERS), template.id
        rendered = render(template.answer, config.contacts_for(template.branch))
        assert "{" not in rendered and "}" not in rendered
        assert template.source.startswith("https://"), template.id


def test_a_former_id_names_one_template_only(tmp_path):
    write(tmp_path, "a.yml", "caf_essai_un")
    merged = TEMPLATE.format(id="caf_essai_deux").replace("    title:", "    former_ids: [caf_essai_un]\n    title:")
    (tmp_path / "b.yml").write_text(merged, encoding="utf-8")
    with pytest.raises(TemplateError, match="caf_essai_un"):
        load_templates(tmp_path)


def test_former_ids_lead_to_the_template_they_were_merged_into(tmp_path):
    merged = TEMPLATE.format(id="caf_essai_deux").replace("    title:", "    former_ids: [caf_essai_un]\n    title:")
    (tmp_path / "b.yml").write_text(merged, encoding="utf-8")
    assert current_ids(load_templates(tmp_path)) == {"caf_essai_un": "caf_essai_deux"}


def test_former_ids_follow_the_id_format(tmp_path):
    bad = TEMPLATE.format(id="caf_essai_deux").replace("    title:", "    former_ids: [Caf-Essai]\n    title:")
    (tmp_path / "b.yml").write_text(bad, encoding="utf-8")
    with pytest.raises(TemplateError, match="Caf-Essai"):
        load_templates(tmp_path)


def test_shipped_templates_follow_the_format_rules():
    """Between the editor's bounds of examples, answers of 600 characters at most, and no question
    taught to two templates (the model could not tell them apart)."""
    owners = {}
    for template in load_templates():
        assert MIN_EXAMPLES <= len(template.examples) <= MAX_EXAMPLES, template.id
        assert len(template.answer) <= MAX_ANSWER_CHARACTERS, template.id
        for example in template.examples:
            key = normalise(example)
            assert owners.setdefault(key, template.id) == template.id, (example, owners[key], template.id)
