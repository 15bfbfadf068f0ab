"""`AnswerGate`: no answer rather than a wrong one.

A template is given only when it is likely enough to answer the question. How likely: a logistic
regression (`answer_weights`) on the selector's confidence (its logarithm), on how much of the
question the template's own texts hold and on the most that one of the next templates holds
(`bot.nlu.coverage`), fitted on the dev parts of the
real-question set by `tools.answer_weights`; the confidence alone when no weights are configured.
Below `template_threshold` (chosen on the same dev parts by the rule of `tools.answer_weights`), a general question
becomes the intent `needs_clarification`: the assistant says it has no validated answer to that
exact question and offers the closest templates, the secure channels and an agent
(`bot.dialogue.clarify`). A general question the intent classifier was unsure of
(`nlu_fallback` with `faq` next) is handled the same way instead of "I did not understand".
A question without a template that the other bodies' selector (placed before this gate, it also
reads the messages far from every template) reads as clearly meant for one body ("quand dois-je avertir mon employeur que je suis
enceinte ?": labour law) gets that body's contact instead: the intent classifier, which learns
from many more general questions than questions for other bodies, puts it among the general ones.

That likelihood (`template_confidence`), and when no template is given the decision and the
closest templates, are written in the parse data under `answer_gate`, so the action and the
evaluation see why no template was given; the intent `needs_clarification` puts
the message among the editors' candidates (`bot.templates.learning`).
"""
from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message

from bot.dialogue.redirect import RETRIEVAL_INTENT as ORGANISATION_INTENT
from bot.nlu.coverage import COVERAGE_KEY, RIVAL_COVERAGE_KEY

PARSE_KEY = "answer_gate"
CLARIFY_INTENT = "needs_clarification"
NO_VALIDATED_ANSWER, VAGUE = "no_validated_answer", "vague"


def template_ranking(message: Message, retrieval_intent: str = "faq") -> List[Dict[str, Any]]:
    """The selector's ranking: [{"id": template id, "confidence": p}, ...], best first."""
    prediction = (message.get("response_selector") or {}).get(retrieval_intent) or {}
    return [
        {"id": (r.get("intent_response_key") or "").partition("/")[2], "confidence": float(r.get("confidence") or 0.0)}
        for r in prediction.get("ranking") or []
    ]


def best_template_coverage(message: Message, retrieval_intent: str = "faq") -> Tuple[Optional[float], float]:
    """How much of the message the best template's texts hold (None if not written), and the most
    that one of the next templates holds (`bot.nlu.coverage`)."""
    response = ((message.get("response_selector") or {}).get(retrieval_intent) or {}).get("response") or {}
    coverage = response.get(COVERAGE_KEY)
    return None if coverage is None else float(coverage), float(response.get(RIVAL_COVERAGE_KEY) or 0.0)


def answer_confidence(confidence: float, coverage: Optional[float], rival_coverage: float,
                      weights: Optional[Dict[str, float]]) -> float:
    """How likely the best template answers the question (see the module's docstring)."""
    if not weights or coverage is None:
        return confidence
    score = (weights["intercept"] + weights["log_confidence"] * math.log(max(confidence, 1e-6))
             + weights["coverage"] * coverage + weights["rival_coverage"] * rival_coverage)
    return 1.0 / (1.0 + math.exp(-score))


def _best_other_intent(message: Message) -> Optional[str]:
    ranking = [r.get("name") for r in message.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"]
    return ranking[0] if ranking else None


def gate_decision(intent: Optional[str], best_other_intent: Optional[str], template_confidence: float,
                  threshold: float) -> Optional[str]:
    """Why no template should be given, or None to keep the NLU's intent."""
    if intent == CLARIFY_INTENT:
        return VAGUE
    if intent == "faq" and template_confidence < threshold:
        return NO_VALIDATED_ANSWER
    if intent == "nlu_fallback" and best_other_intent == "faq":
        return NO_VALIDATED_ANSWER
    return None


def runner_up_intent(intent_ranking: List[Dict[str, Any]], intents: List[str],
                     ratio: float) -> Optional[Dict[str, Any]]:
    """The best of `intents` in the ranking if it comes close enough to `faq`, else None."""
    confidences = {r.get("name"): float(r.get("confidence") or 0.0) for r in intent_ranking}
    candidates = [{"name": name, "confidence": confidences[name]} for name in intents if name in confidences]
    best = max(candidates, key=lambda c: c["confidence"], default=None)
    if best is None or best["confidence"] <= 0.0 or best["confidence"] < ratio * confidences.get("faq", 0.0):
        return None
    return best


def named_organisation(message: Message, intent_ranking: List[Dict[str, Any]], template_confidence: float,
                       config: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """`other_organisation` when no template comes near (`organisation_template_ceiling`), the
    other bodies' selector is sure of one body (`organisation_confidence`) and the intent
    classifier gave that intent at least `organisation_floor`; else None."""
    if config["organisation_confidence"] is None or template_confidence >= config["organisation_template_ceiling"]:
        return None
    ranking = template_ranking(message, ORGANISATION_INTENT)
    probability = next((float(r.get("confidence") or 0.0) for r in intent_ranking
                        if r.get("name") == ORGANISATION_INTENT), 0.0)
    if not ranking or ranking[0]["confidence"] < config["organisation_confidence"] or probability < config["organisation_floor"]:
        return None
    return {"name": ORGANISATION_INTENT, "confidence": probability}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class AnswerGate(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"template_threshold": 0.3, "answer_weights": None, "candidates": 3, "retrieval_intent": "faq",
                "redirect_intents": [], "redirect_ratio": None,
                "organisation_confidence": None, "organisation_floor": 0.0, "organisation_template_ceiling": 1.0}

    def __init__(self, config: Dict[str, Any]) -> None:
        self._config = config

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "AnswerGate":
        if (config.get("redirect_ratio") is None) != (not config.get("redirect_intents")):
            # One without the other redirects nothing: say so rather than train a gate that silently abstains.
            raise ValueError("AnswerGate : redirect_intents (les intentions vers lesquelles rediriger) et "
                             "redirect_ratio vont ensemble dans config.yml.")
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            ranking = template_ranking(message, self._config["retrieval_intent"])
            intent = (message.get("intent") or {}).get("name")
            confidence = ranking[0]["confidence"] if ranking else 0.0
            coverage, rival_coverage = best_template_coverage(message, self._config["retrieval_intent"])
            likelihood = answer_confidence(confidence, coverage, rival_coverage, self._config["answer_weights"])
            if ranking and intent == self._config["retrieval_intent"]:
                message.set(PARSE_KEY, {"template_confidence": round(likelihood, 4)}, add_to_output=True)
            decision = gate_decision(intent, _best_other_intent(message), likelihood,
                                     self._config["template_threshold"])
            if decision is None:
                continue
            ranking_of_intents = message.get("intent_ranking") or []
            if decision == NO_VALIDATED_ANSWER and self._config["redirect_intents"]:
                closer = runner_up_intent(ranking_of_intents, self._config["redirect_intents"],
                                          self._config["redirect_ratio"])
                if closer is None:
                    closer = named_organisation(message, ranking_of_intents, confidence, self._config)
                if closer is not None:
                    others = [r for r in ranking_of_intents if r.get("name") != closer["name"]]
                    message.set("intent", closer, add_to_output=True)
                    message.set("intent_ranking", [closer, *others], add_to_output=True)
                    continue
            message.set(PARSE_KEY, {"reason": decision, "template_confidence": round(likelihood, 4),
                                    "candidates": ranking[:self._config["candidates"]]}, add_to_output=True)
            if intent != CLARIFY_INTENT:
                chosen = {"name": CLARIFY_INTENT, "confidence": 1.0 - likelihood}
                others = [r for r in ranking_of_intents if r.get("name") != CLARIFY_INTENT]
                message.set("intent", chosen, add_to_output=True)
                message.set("intent_ranking", [chosen, *others], add_to_output=True)
        return messages
