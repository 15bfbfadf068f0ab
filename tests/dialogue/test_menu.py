import json
from datetime import date

from bot.dialogue import Menu
from bot.templates import AnswerTemplate


def template(tid, branch, theme, title="T"):
    return AnswerTemplate(id=tid, title=title, examples=["a"], answer="b", source="https://x", reviewed=date(2026, 1, 1),
                          branch=branch, theme=theme, theme_title=theme.capitalize())


TEMPLATES = [
    template("caf_logement_apl", "caf", "logement", "APL"),
    template("caf_logement_als", "caf", "logement", "ALS"),
    template("caf_rsa_demande", "caf", "rsa", "RSA"),
    template("cpam_vitale_perte", "cpam", "vitale", "Vitale"),
]


def payload_entities(button):
    assert button["payload"].startswith("/help")
    return json.loads(button["payload"][len("/help"):])


def test_themes_are_those_of_the_covered_branches_once_each():
    buttons = Menu(TEMPLATES, ["caf"]).theme_buttons()
    assert [b["title"] for b in buttons] == ["Logement", "Rsa"]
    assert payload_entities(buttons[0]) == {"theme": "caf.logement"}


def test_theme_lists_its_questions():
    buttons = Menu(TEMPLATES, ["caf"]).template_buttons("caf.logement")
    assert [payload_entities(b)["template_id"] for b in buttons] == ["caf_logement_apl", "caf_logement_als"]


def test_uncovered_branch_template_is_not_offered():
    menu = Menu(TEMPLATES, ["caf"])
    assert menu.find("cpam_vitale_perte") is None
    assert menu.find("caf_rsa_demande").title == "RSA"
