"""One route per message, for evaluation and reports: what the assistant does with it.

`Router` loads the trained model once and parses each message exactly as the channels would
hand it to Rasa: masked first.
"""
from __future__ import annotations

import asyncio
import logging
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from bot.config import PROJECT_ROOT
from bot.personal_data import mask

INTENT_ROUTES = {
    "faq": "faq",
    # No validated answer, or too vague: a general question the assistant declines to guess.
    "needs_clarification": "faq",
    "personal_situation": "personal_situation",
    "share_personal_data": "personal_data",
    "ask_human": "human",
    "complaint": "human",
    "abuse": "abuse",
    "threat": "abuse",
    "self_harm": "abuse",
    "spam": "abuse",
    "other_organisation": "other_organisation",
    "no_shelter": "other_organisation",  # the 115 (Samu social) first
    "out_of_scope": "out_of_scope",
    "nlu_fallback": "out_of_scope",
}
SMALLTALK_ROUTE = "smalltalk"  # greetings, thanks, robot question, menu, yes/no, votes, criticism


@dataclass
class RouteResult:
    text: str
    route: str
    intent: str
    confidence: float
    template: Optional[str] = None
    template_confidence: Optional[float] = None
    # Why no template was given to a general question (`bot.nlu.answer_gate`), and the
    # selector's best guess then, so the evaluation can tell abstentions from misses.
    abstained: Optional[str] = None
    best_template: Optional[str] = None
    best_confidence: Optional[float] = None
    personal_data: List[str] = field(default_factory=list)

    def as_dict(self) -> Dict[str, Any]:
        return asdict(self)


def selected_template(parse_data: Dict[str, Any]) -> Tuple[Optional[str], Optional[float]]:
    """The template id the response selector chose for a parsed message, and its confidence."""
    response = ((parse_data.get("response_selector") or {}).get("faq") or {}).get("response") or {}
    template = (response.get("intent_response_key") or "").partition("/")[2] or None
    return template, response.get("confidence")


def route_for(masked_text: str, parse_data: Dict[str, Any], personal_data: List[str]) -> RouteResult:
    intent = parse_data.get("intent") or {}
    name = intent.get("name") or "nlu_fallback"
    route = INTENT_ROUTES.get(name, SMALLTALK_ROUTE)
    template = template_confidence = None
    best_template, best_confidence = selected_template(parse_data)
    gate = parse_data.get("answer_gate") or {}
    if name == "faq":
        template, template_confidence = best_template, best_confidence
    return RouteResult(masked_text, route, name, float(intent.get("confidence") or 0.0), template=template,
                       template_confidence=template_confidence, abstained=gate.get("reason"),
                       best_template=best_template, best_confidence=best_confidence, personal_data=personal_data)


def latest_model(models_dir: Path = PROJECT_ROOT / "models") -> Path:
    models = sorted(models_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise FileNotFoundError("aucun modèle entraîné dans models/ : lancez `make train`.")
    return models[-1]


def _rasa_logs_to_stderr() -> None:
    """Rasa's structlog prints a debug line per parse on stdout, where our JSON lines go."""
    import structlog

    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING),
                        logger_factory=structlog.PrintLoggerFactory(sys.stderr))


class Router:
    def __init__(self, model_path: Optional[Path] = None) -> None:
        from rasa.core.agent import Agent

        _rasa_logs_to_stderr()
        self._agent = Agent.load(str(model_path or latest_model()))
        self._loop = asyncio.new_event_loop()

    def route(self, text: str) -> RouteResult:
        masked = mask(text)
        parse_data = self._loop.run_until_complete(self._agent.parse_message(masked.text))
        return route_for(masked.text, parse_data, masked.types)
