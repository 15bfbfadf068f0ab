"""One route per message, and its score against the expected routes: what the assistant does
with a message nobody used to train it.

`Router` loads the trained model once and parses each message exactly as the channels would
hand it to Rasa: masked first. The product uses it to check a model an editor retrained on the
team's held-out messages (`bot/templates/retrain.py`, `evaluation/messages.jsonl`) and for
`python -m bot route`; `tools/evaluation.py` (`make eval`) builds its full report on it.
"""
from __future__ import annotations

import asyncio
import json
import logging
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot.config import PROJECT_ROOT
from bot.nlu.parse import selected_template
from bot.personal_data import mask

# Messages never trained on (top-level, not under data/, which Rasa reads as training data).
EVALUATION_DIR = PROJECT_ROOT / "evaluation"
HELDOUT = EVALUATION_DIR / "messages.jsonl"

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
    # The selector's closest templates when the gate gave none ({"id", "confidence"}, best first):
    # what the clarification offers as buttons.
    candidates: List[Dict[str, Any]] = field(default_factory=list)
    personal_data: List[str] = field(default_factory=list)

    def as_dict(self) -> Dict[str, Any]:
        return asdict(self)


def route_for(masked_text: str, parse_data: Dict[str, Any], personal_data: List[str]) -> RouteResult:
    intent = parse_data.get("intent") or {}
    name = intent.get("name") or "nlu_fallback"
    route = INTENT_ROUTES.get(name, SMALLTALK_ROUTE)
    template = template_confidence = None
    best_template, best_confidence = selected_template(parse_data)
    gate = parse_data.get("answer_gate") or {}
    # The gate's likelihood that the template answers (confidence and coverage), when it wrote one.
    best_confidence = gate.get("template_confidence", best_confidence)
    if name == "faq":
        template, template_confidence = best_template, best_confidence
    return RouteResult(masked_text, route, name, float(intent.get("confidence") or 0.0), template=template,
                       template_confidence=template_confidence, abstained=gate.get("reason"),
                       best_template=best_template, best_confidence=best_confidence,
                       candidates=list(gate.get("candidates") or []), personal_data=personal_data)


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

    def route(self, text: str, caisse_branch: Optional[str] = None) -> RouteResult:
        """`caisse_branch`: the branch of the caisse the message is put to, as a channel of a
        server answering for several caisses would pass it (default: the caisse configuration's)."""
        masked = mask(text)
        return route_for(masked.text, self.parse(masked.text, caisse_branch), masked.types)

    def parse(self, masked_text: str, caisse_branch: Optional[str] = None) -> Dict[str, Any]:
        """Rasa's parse of a message already masked: the NLU alone (what `make bench` times)."""
        from rasa.core.channels.channel import UserMessage

        metadata = {"caisse_branch": caisse_branch} if caisse_branch else None
        return self._loop.run_until_complete(
            self._agent.processor.parse_message(UserMessage(masked_text, metadata=metadata)))


def load_heldout(path: Path = HELDOUT) -> List[Dict[str, Any]]:
    """The cases of a held-out file: one JSON object a line (`text`, `route`, `template`...)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(
    cases: List[Dict[str, Any]], predictions: List[Dict[str, Any]], renamed: Optional[Dict[str, str]] = None
) -> Dict[str, Any]:
    """Route accuracy, per-route precision/recall, template top-1 accuracy, confusions.

    `renamed` maps the ids of merged templates to the template that replaced them, so an expected
    id written before a merge still names the right answer. Texts in the report are the
    predictions' (masked) texts: no personal value is written."""
    renamed = renamed or {}
    cases = [{**c, "template": renamed.get(c.get("template"), c.get("template"))} for c in cases]
    pairs = list(zip(cases, predictions))
    routes = sorted({c["route"] for c in cases} | {p["route"] for p in predictions})
    per_route = {}
    for route in routes:
        tp = sum(1 for c, p in pairs if c["route"] == route and p["route"] == route)
        predicted = sum(1 for _, p in pairs if p["route"] == route)
        gold = sum(1 for c, _ in pairs if c["route"] == route)
        per_route[route] = {
            "precision": round(tp / predicted, 3) if predicted else None,
            "recall": round(tp / gold, 3) if gold else None,
            "support": gold,
        }
    faq = [(c, p) for c, p in pairs if c["route"] == "faq"]
    confusions = Counter((c["route"], p["route"]) for c, p in pairs if c["route"] != p["route"])
    return {
        "messages": len(pairs),
        "route_accuracy": round(sum(c["route"] == p["route"] for c, p in pairs) / len(pairs), 3),
        # The selector's first choice, before the confidence threshold (what it ranks first).
        "template_top1_accuracy": share(sum(c["template"] == (p.get("best_template") or p.get("template"))
                                            for c, p in faq if c.get("template")),
                                        sum(1 for c, _ in faq if c.get("template"))),
        "per_route": per_route,
        "route_confusions": [
            {"expected": gold, "predicted": predicted, "count": count}
            for (gold, predicted), count in confusions.most_common()
        ],
        "template_errors": [
            {"text": p.get("text", ""), "expected": c.get("template"), "predicted": p.get("template")}
            for c, p in faq if c.get("template") != p.get("template")
        ],
    }


def share(hits: int, total: int) -> Optional[float]:
    """`hits` out of `total`, rounded for reports; None when there is nothing to count."""
    return round(hits / total, 3) if total else None
