"""Live answers: the body of Rasa's NLG endpoint (served by the web server at POST /nlg).

Rasa asks for every response it sends, by name (`utter_greet`, or `utter_faq/<id>` chosen by
the response selector), with the tracker and the channel. We answer with the response built by
the renderer the importer uses (`bot.templates.responses`) from the templates effective *now* (files merged
with the published versions), so an edited text goes live without retraining, and a scheduled
version takes over at its date with no job to run. Slots are then filled exactly as Rasa's
in-process generator would (`TemplatedNaturalLanguageGenerator`), which also turns the vote
buttons' escaped braces into JSON payloads.

The responses are rebuilt only when the templates change (files, or the publication state: one
small query per call).
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from sqlalchemy.engine import Engine

from bot.config import PROJECT_ROOT, CaisseConfig
from bot.templates.responses import assistant_responses, template_text
from bot.templates._model import AnswerTemplate
from bot.templates.versions import current_templates

DOMAIN_PATH = PROJECT_ROOT / "domain.yml"


class UnknownResponse(KeyError):
    """Rasa asked for a name we do not have; its own copy in the model will be used."""


class LiveResponses:
    def __init__(self, config: CaisseConfig, engine_factory: Callable[[], Engine],
                 domain_path: Path = DOMAIN_PATH, templates_dir: Optional[Path] = None) -> None:
        self._config = config
        self._engine_factory = engine_factory
        self._domain_responses = Domain.load(str(domain_path)).as_dict().get("responses", {})
        self._templates_dir = templates_dir
        self._lock = threading.Lock()
        self._templates: Optional[List[AnswerTemplate]] = None
        self._generator: Optional[TemplatedNaturalLanguageGenerator] = None

    def _current(self) -> TemplatedNaturalLanguageGenerator:
        templates = current_templates(self._engine_factory(), directory=self._templates_dir)
        with self._lock:
            if templates is not self._templates:  # the same list while nothing changed
                responses = assistant_responses(self._domain_responses, templates, self._config)
                self._generator, self._templates = TemplatedNaturalLanguageGenerator(responses), templates
            return self._generator

    def warm_up(self) -> None:
        """Builds the responses once at start, so that Rasa's first call is not the slow one."""
        self._current()

    def generate(self, request: Dict[str, Any]) -> Dict[str, Any]:
        """Rasa's NLG request (`response`, `tracker`, `channel`, `arguments`) -> the message."""
        name = request.get("response") or ""
        generator = self._current()
        if name not in generator.responses:
            raise UnknownResponse(name)
        slots = (request.get("tracker") or {}).get("slots") or {}
        channel = (request.get("channel") or {}).get("name") or ""
        arguments = {k: v for k, v in (request.get("arguments") or {}).items() if v is not None}
        message = generator.generate_from_slots(name, slots, channel, **arguments)
        return {key: value for key, value in (message or {}).items() if key in _NLG_KEYS}


def published_answer_text(template_id: str, config: CaisseConfig, engine: Optional[Engine] = None) -> Optional[str]:
    """The text the assistant gives now for a template (with the other-branch notice), as the
    agents' console inserts it; None for an unknown id."""
    template = next((t for t in current_templates(engine) if t.id == template_id), None)
    return template_text(template, config) if template else None


# The keys Rasa's NLG reply schema knows (rasa.core.nlg.callback.nlg_response_format_spec).
_NLG_KEYS = ("text", "id", "buttons", "elements", "attachment", "image", "custom")
