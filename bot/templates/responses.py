"""The responses the person reads, rendered for the caisse: one place for the importer (what a
retrain bakes in), the NLG endpoint (`bot.templates.nlg`, live answers), the agents' console,
the editor's preview and the action server. No Rasa import: the web and action servers render a
string without loading Rasa's training machinery (`bot.templates.importer`).
"""
from __future__ import annotations

import copy
from typing import Any, Dict, List

from bot.config import CaisseConfig
from bot.dialogue.redirect import organisation_responses, other_branch_notice
from bot.templates import AnswerTemplate, render

RETRIEVAL_INTENT = "faq"


FEEDBACK_CHOICES = (("oui", "👍 Réponse utile"), ("non", "👎 Pas utile"))


def feedback_buttons(template_id: str) -> List[Dict[str, str]]:
    """One-click vote under each answer. Double braces: Rasa's interpolator unescapes them."""
    return [
        {"title": title, "payload": f'/feedback{{{{"useful":"{value}","template_id":"{template_id}"}}}}'}
        for value, title in FEEDBACK_CHOICES
    ]


def response_name(template_id: str) -> str:
    return f"utter_{RETRIEVAL_INTENT}/{template_id}"


def general_placeholders(config: CaisseConfig) -> Dict[str, str]:
    """Placeholders of the skeleton's responses that are not a body's contacts."""
    return {"charte_url": config.site_url.rstrip("/") + config.charter_path}


def render_response(response: Dict[str, Any], branch: str, config: CaisseConfig) -> Dict[str, Any]:
    contacts = config.contacts_for(branch)
    extra = general_placeholders(config)
    rendered = copy.deepcopy(response)
    if "text" in rendered:
        rendered["text"] = render(rendered["text"], contacts, extra)
    for button in rendered.get("buttons", []):
        button["title"] = render(button["title"], contacts, extra)
    return rendered


def template_text(template: AnswerTemplate, config: CaisseConfig) -> str:
    """The answer, preceded by who handles it when the caisse does not cover its branch
    (a blank line: channels show it as a message of its own)."""
    answer = render(template.answer, config.contacts_for(template.branch))
    if template.branch in config.branches_covered:
        return answer
    return f"{other_branch_notice(template.branch, config)}\n\n{answer}"


def template_responses(templates: List[AnswerTemplate], config: CaisseConfig) -> Dict[str, list]:
    return {
        response_name(t.id): [{"text": template_text(t, config), "buttons": feedback_buttons(t.id)}]
        for t in templates
    }


def assistant_responses(domain_responses: Dict[str, list], templates: List[AnswerTemplate],
                        config: CaisseConfig) -> Dict[str, list]:
    """domain.yml's responses rendered for the caisse, plus one response per template."""
    responses = {
        name: [render_response(variant, config.branch, config) for variant in variants]
        for name, variants in domain_responses.items()
    }
    responses.update(template_responses(templates, config))
    responses.update(organisation_responses(config))
    return responses
