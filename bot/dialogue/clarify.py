"""When the assistant has no validated answer, or the question is too vague: the closest
templates as buttons (the person picks the one that fits, or rephrases), and the way to an agent.

Buttons reuse the menu's payloads (`/help{"template_id": ...}`), so a click gives that template
exactly as the menu does. Only templates of the branches the caisse covers, and only those the
selector did not find unlikely (`MIN_CANDIDATE_CONFIDENCE`), are offered: three far-fetched
suggestions help nobody.
"""
from __future__ import annotations

from typing import Any, Collection, Dict, List, Sequence

from bot import texts
from bot.dialogue.menu import template_payload
from bot.templates import AnswerTemplate

MIN_CANDIDATE_CONFIDENCE = 0.03
MAX_CANDIDATES = 3


def offered_templates(candidates: Sequence[Dict[str, Any]], allowed: Collection[str]) -> List[str]:
    """The ids of the closest templates offered as buttons, best first (the evaluation counts a
    right template offered this way)."""
    return [
        c["id"] for c in candidates
        if c.get("id") in allowed and float(c.get("confidence") or 0.0) >= MIN_CANDIDATE_CONFIDENCE
    ][:MAX_CANDIDATES]


def candidate_buttons(candidates: Sequence[Dict[str, Any]], templates: Sequence[AnswerTemplate],
                      branches: Sequence[str]) -> List[Dict[str, str]]:
    """Buttons for the closest templates the gate kept, best first, then themes and an agent."""
    by_id = {t.id: t for t in templates if t.branch in branches}
    buttons = [{"title": by_id[template_id].title, "payload": template_payload(template_id)}
               for template_id in offered_templates(candidates, by_id)]
    return buttons + [{"title": texts.text("clarify.themes_button"), "payload": "/help"},
                      {"title": texts.text("clarify.agent_button"), "payload": "/ask_human"}]
