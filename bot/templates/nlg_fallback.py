"""Rasa's side of the live answers: ask our NLG endpoint, and answer anyway when it cannot.

Declared in endpoints.yml (`nlg: type: bot.templates.nlg_fallback.LiveOrModelGenerator`). Rasa's
stock callback generator waits up to 5 minutes for the endpoint and, when it fails, the action
fails: the person gets no answer at all. This one waits at most `TIMEOUT_SECONDS`, then falls
back on the responses inside the loaded model (the texts as of the last training, rendered by
the same importer code): a stopped web server makes answers possibly older, never missing.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Optional, Text

from rasa.core.nlg.callback import CallbackNaturalLanguageGenerator
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 2.0


class LiveOrModelGenerator(CallbackNaturalLanguageGenerator):
    def __init__(self, endpoint_config: EndpointConfig, domain: Optional[Domain] = None) -> None:
        super().__init__(endpoint_config)
        # Rasa builds the generator before loading a model; each response action then passes the
        # loaded model's responses, which we keep for the calls that come without them.
        self._model_responses: Dict[Text, List[Dict[Text, Any]]] = dict(domain.responses) if domain else {}

    async def generate(self, utter_action: Text, tracker: DialogueStateTracker, output_channel: Text,
                       **kwargs: Any) -> Optional[Dict[Text, Any]]:
        if kwargs.get("domain_responses"):
            self._model_responses = kwargs["domain_responses"]
        try:
            return await asyncio.wait_for(
                super().generate(utter_action, tracker, output_channel, **dict(kwargs)), TIMEOUT_SECONDS)
        except Exception as error:  # unreachable, slow, invalid or unknown name: the model answers
            logger.warning("NLG endpoint failed for %s (%s); answering with the model's response.",
                           utter_action, error or type(error).__name__)
        kwargs.pop("domain_responses", None)
        return await TemplatedNaturalLanguageGenerator(self._model_responses).generate(
            utter_action, tracker, output_channel, **kwargs)
