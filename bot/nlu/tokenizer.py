"""`ChatTokenizer`: Rasa's whitespace tokenizer, minus the tokens nothing reads.

Only the entity extractor reads tokens, and only on the conversation examples ("c'était utile").
The answer-template and other-body examples (three quarters of the training data, ~20,000
messages) are read as raw text by the TF-IDF components; tokenized, they made Rasa's training
cache fingerprint some 2.5 million tokens, 50 s of a 3-minute training (profile of 2026-12-05,
708 templates). At run time every message is tokenized as before.
"""
from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import INTENT_RESPONSE_KEY
from rasa.shared.nlu.training_data.training_data import TrainingData


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class ChatTokenizer(WhitespaceTokenizer):
    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        # The parent tokenizes the messages of the data it is given, in place: here, the same
        # message objects minus the retrieval examples, which stay raw text.
        super().process_training_data(TrainingData(training_examples=[
            message for message in training_data.training_examples if not message.get(INTENT_RESPONSE_KEY)]))
        return training_data
