"""The moderation verdict inside Rasa's NLU pipeline (a graph component, Rasa's extension point).

Runs after the intent classifiers, on the masked text: the lexicon's verdict is added to the
parse data (so the tracker, the agents' console and the indicators see it) and, for abuse,
threats, self-harm and spam, decides the intent the dialogue rules act on. The NLU's own
moderation intents, learnt from examples, stay when the lexicon finds nothing.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message

from bot.moderation._classifier import classify

PARSE_KEY = "moderation"
INTENT_FOR_CATEGORY = {
    "insult": "abuse", "hate": "abuse", "defamation": "abuse",
    "threat": "threat", "self_harm": "self_harm", "spam": "spam",
}
# Harsh criticism only replaces intents that carry no request the assistant could serve, and
# the NLU's learnt "abuse", which reads "vous êtes des incapables" like "vous êtes des cons":
# the lexicon tells criticism apart (an insult in the same message makes its verdict insult).
CRITICISM_REPLACES = {"out_of_scope", "nlu_fallback", "greet", "goodbye", "deny", "affirm", "thank", "abuse"}


def moderated_intent(category: str, nlu_intent: Optional[str]) -> Optional[str]:
    """The intent the dialogue should act on, or None to keep the NLU's."""
    if category in INTENT_FOR_CATEGORY:
        return INTENT_FOR_CATEGORY[category]
    if category == "criticism" and (nlu_intent is None or nlu_intent in CRITICISM_REPLACES):
        return "criticism"
    return None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ModerationGate(GraphComponent):
    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "ModerationGate":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            verdict = classify(message.get("text") or "")
            message.set(PARSE_KEY, {"category": verdict.category, "severity": str(verdict.severity)},
                        add_to_output=True)
            current = (message.get("intent") or {}).get("name")
            intent = moderated_intent(verdict.category, current)
            if intent is None or intent == current:
                continue
            chosen = {"name": intent, "confidence": 1.0}
            ranking = [r for r in message.get("intent_ranking") or [] if r.get("name") != intent]
            message.set("intent", chosen, add_to_output=True)
            message.set("intent_ranking", [chosen, *ranking], add_to_output=True)
        return messages
