"""`TfidfIntentClassifier`: the intent of a message (faq, personal_situation, ask_human...).

Replaces DIETClassifier. With ~1,400 template questions (intent `faq`) against a few dozen
examples for each other intent, DIET learnt mostly "faq"; a logistic regression with balanced
class weights on character and word n-grams keeps the small intents visible, gives calibrated
probabilities for the FallbackClassifier, and trains in seconds.
"""
from __future__ import annotations

from typing import Any, Dict, List

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
        return {**LinearTextComponent.get_default_config(), "class_weight": "balanced"}

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        return self.fit([m.get(TEXT) for m in examples], [m.get(INTENT) for m in examples], {})

    def process(self, messages: List[Message]) -> List[Message]:
        if not self.trained:
            return messages
        for message in messages:
            ranking = self.ranking(message.get(TEXT) or "")
            name, confidence = ranking[0]
            message.set(INTENT, {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}, add_to_output=True)
            message.set(
                INTENT_RANKING_KEY,
                [{INTENT_NAME_KEY: label, PREDICTED_CONFIDENCE_KEY: p} for label, p in ranking],
                add_to_output=True,
            )
        return messages
