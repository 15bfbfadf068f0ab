from datetime import date

from bot import texts
from bot.dialogue.clarify import candidate_buttons, offered_templates
from bot.templates import AnswerTemplate


def template(tid, branch):
    return AnswerTemplate(id=tid, title=f"Titre {tid}", examples=[], answer="r", source="https://x.fr/p",
                          reviewed=date(2026, 1, 1), branch=branch, theme="t")


THEMES_AND_AGENT = [{"title": texts.text("clarify.themes_button"), "payload": "/help"},
                    {"title": texts.text("clarify.agent_button"), "payload": "/ask_human"}]
TEMPLATES = [template("caf_t_a", "caf"), template("caf_t_b", "caf"), template("cpam_t_c", "cpam"),
             template("caf_t_d", "caf"), template("caf_t_e", "caf")]


def test_closest_templates_of_covered_branches_then_themes_and_agent():
    candidates = [{"id": "cpam_t_c", "confidence": 0.2}, {"id": "caf_t_a", "confidence": 0.15},
                  {"id": "caf_t_b", "confidence": 0.1}, {"id": "caf_t_d", "confidence": 0.09},
                  {"id": "caf_t_e", "confidence": 0.08}]
    buttons = candidate_buttons(candidates, TEMPLATES, ["caf"])
    assert [b["title"] for b in buttons[:3]] == ["Titre caf_t_a", "Titre caf_t_b", "Titre caf_t_d"]
    assert buttons[0]["payload"] == '/help{"template_id":"caf_t_a"}'
    assert buttons[3:] == THEMES_AND_AGENT


def test_unlikely_or_unknown_templates_are_not_offered():
    candidates = [{"id": "caf_t_a", "confidence": 0.01}, {"id": "caf_gone", "confidence": 0.5}]
    assert candidate_buttons(candidates, TEMPLATES, ["caf"]) == THEMES_AND_AGENT


def test_offered_templates_are_the_button_templates_in_order():
    candidates = [{"id": "caf_t_a", "confidence": 0.5}, {"id": "cpam_t_c", "confidence": 0.3},
                  {"id": "caf_t_b", "confidence": 0.02}, {"id": "caf_t_d", "confidence": 0.1}]
    assert offered_templates(candidates, {"caf_t_a", "caf_t_b", "caf_t_d"}) == ["caf_t_a", "caf_t_d"]
