"""Jinja pages of the site and the back office (autoescaped: message text is never HTML).

Every value a page shows goes through `displayable` (Jinja's finalize): text typed by a person
may hold bidirectional overrides (U+202E makes "exe.pdf" read "fdp.exe") or terminal and
control characters; they are shown as visible marks instead of acting. The notices a redirect
announces are codes in the address, with their fixed texts here: an address cannot make a page
say anything else.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import response

from bot import texts
from bot.config import CaisseConfig

TEMPLATES = Path(__file__).resolve().parent / "templates"
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 controls (but tab and line breaks) as their Unicode pictures (ESC -> ␛, NUL -> ␀), DEL too;
# C1 controls and direction controls as the replacement mark. Accents, emoji (and their
# zero-width joiners) are untouched.
_VISIBLE = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\t\n\r"}
_VISIBLE[0x7F] = 0x2421
_VISIBLE.update({code: 0xFFFD for code in range(0x80, 0xA0)})
_VISIBLE.update({ord(character): 0xFFFD for character in BIDI_CONTROLS})
NOTICES = {
    "proposee": "Proposition enregistrée : un valideur va la relire.",
    "publiee": "Version publiée : l'assistant donne ce texte dès maintenant.",
    "programmee": "Version programmée : l'assistant la donnera à partir de la date choisie.",
    "refusee": "Proposition refusée ; l'auteur voit votre commentaire dans l'historique.",
    "republiee": "Ancienne version republiée : l'assistant la donne dès maintenant.",
    "decision": "Décision enregistrée.",
    "suppression": "Conversation supprimée : sa transcription est effacée.",
}


def displayable(value: Any) -> Any:
    """Text with its control and direction characters made visible; other values as they are."""
    return value.translate(_VISIBLE) if isinstance(value, str) else value


def notice_text(code: Any) -> str:
    """The fixed text of a notice code; nothing for a code we do not know."""
    return NOTICES.get(code, "") if isinstance(code, str) else ""


class Pages:
    def __init__(self, config: CaisseConfig, rasa_url: str) -> None:
        self._env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(),
                                finalize=displayable)
        # The chat window's labels, from config/textes.yml (chat.js reads them from the page).
        self._globals = {"caisse": config, "rasa_url": rasa_url, "notice_text": notice_text,
                         "widget_texts": texts.widget_texts(config)}

    def render(self, name: str, status: int = 200, **context) -> response.HTTPResponse:
        html = self._env.get_template(name).render(**self._globals, **context)
        return response.html(html, status=status)
