"""Quick-reply menus built from the answer templates of the branches the caisse covers."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Dict, List, Optional

from bot.templates import AnswerTemplate

MAX_THEME_BUTTONS = 12


def _payload(**entities: str) -> str:
    return "/help" + json.dumps(entities, ensure_ascii=False, separators=(",", ":"))


def template_payload(template_id: str) -> str:
    """The payload that gives one template, from the menu or from a clarification button."""
    return _payload(template_id=template_id)


def theme_key(template: AnswerTemplate) -> str:
    return f"{template.branch}.{template.theme}"


@dataclass
class Menu:
    templates: List[AnswerTemplate]
    branches: List[str]

    def _covered(self) -> List[AnswerTemplate]:
        return [t for t in self.templates if t.branch in self.branches]

    def theme_buttons(self) -> List[Dict[str, str]]:
        themes: Dict[str, str] = {}
        for template in self._covered():
            themes.setdefault(theme_key(template), template.theme_title)
        return [
            {"title": title, "payload": _payload(theme=key)} for key, title in themes.items()
        ][:MAX_THEME_BUTTONS]

    def template_buttons(self, theme: str) -> List[Dict[str, str]]:
        return [
            {"title": t.title, "payload": template_payload(t.id)}
            for t in self._covered()
            if theme_key(t) == theme
        ]

    def find(self, template_id: str) -> Optional[AnswerTemplate]:
        return next((t for t in self._covered() if t.id == template_id), None)
