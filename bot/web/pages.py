"""Jinja pages of the site and the back office (autoescaped: message text is never HTML)."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import response

from bot.config import CaisseConfig

TEMPLATES = Path(__file__).resolve().parent / "templates"


class Pages:
    def __init__(self, config: CaisseConfig, rasa_url: str) -> None:
        self._env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape())
        self._globals = {"caisse": config, "rasa_url": rasa_url}

    def render(self, name: str, status: int = 200, **context) -> response.HTTPResponse:
        html = self._env.get_template(name).render(**self._globals, **context)
        return response.html(html, status=status)
