"""`TfidfIntentClassifier`: the intent of a message (faq, personal_situation, ask_human...).

Replaces DIETClassifier. With ~1,400 template questions (intent `faq`) against a few dozen
examples for each other intent, DIET learnt mostly "faq"; a logistic regression with balanced
class weights on character and word n-grams keeps the small intents visible, gives calibrated
probabilities for the FallbackClassifier, and trains in seconds.

Intents that lead to the same route (`shared_routes`: a complaint and a request for an agent both
go to a human) pool their probabilities when no intent alone reaches `shared_route_floor` (the
FallbackClassifier's threshold): "on ne peut joindre personne, comment on fait ?" split 0.30
complaint and 0.21 ask_human behind 0.36 other_organisation, and fell to "not understood".
"""
from __future__ import annotations

from typing import Any, Dict, List, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu._linear import LinearTextComponent


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class TfidfIntentClassifier(LinearTextComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {**LinearTextComponent.get_default_config(), "class_weight": "balanced", "shared_routes": [],
                "shared_route_floor": 0.0}

    def _pool_shared_routes(self, ranking: List[Tuple[str, float]]) -> List[Tuple[str, float]]:
        """Below the floor, the intents of one shared route count together: their best member goes
        first with their summed probability, when that sum reaches the floor and beats the top."""
        floor = self._config["shared_route_floor"]
        if not ranking or ranking[0][1] >= floor:
            return ranking
        scores = dict(ranking)
        pooled = [(group, sum(scores.get(name, 0.0) for name in group)) for group in self._config["shared_routes"]]
        group, total = max(pooled, key=lambda pair: pair[1], default=((), 0.0))
        if total < floor or total <= ranking[0][1]:
            return ranking
        leader = max(group, key=lambda name: scores.get(name, 0.0))
        return [(leader, total)] + [pair for pair in ranking if pair[0] not in group]

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        return self.fit([m.get(TEXT) for m in examples], [m.get(INTENT) for m in examples], {})

    def process(self, messages: List[Message]) -> List[Message]:
        if not self.trained:
            return messages
        for message in messages:
            ranking = self._pool_shared_routes(self.ranking(message.get(TEXT) or ""))
            name, confidence = ranking[0]
            message.set(INTENT, {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}, add_to_output=True)
            message.set(
                INTENT_RANKING_KEY,
                [{INTENT_NAME_KEY: label, PREDICTED_CONFIDENCE_KEY: p} for label, p in ranking],
                add_to_output=True,
            )
        return messages
