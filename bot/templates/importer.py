"""Rasa reads the answer templates and the caisse's configuration directly, at training time.

`CaisseImporter` is a `RasaFileImporter` that
- turns every template into examples of the retrieval intent `faq/<id>` and a response
  `utter_faq/<id>` (answer + "was this useful?" buttons), so nothing is generated twice;
- precedes the answers of branches the caisse does not cover with who handles them;
- fills the {{placeholders}} of every response (templates and domain.yml) from the caisse's
  configuration. Rasa's fingerprint sees the rendered responses: changing a phone number only
  updates the model's responses, it does not retrain it;
- merges the versions published in the back office (database) over the YAML files, so that a
  retrain includes new templates and examples.

Responses are rendered by `bot.templates.responses`, which the NLG server (`bot.templates.nlg`)
calls too, so that live answers are exactly what a retrain would bake in.
"""
from __future__ import annotations

import copy
import re
from typing import Any, List, Optional, Text, Union

from rasa.shared.core.domain import IS_RETRIEVAL_INTENT_KEY, Domain
from rasa.shared.importers import utils
from rasa.shared.core.training_data.structures import StoryGraph
from rasa.shared.importers.rasa import RasaFileImporter
from rasa.shared.utils.common import cached_method
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.config import get_config
from bot.dialogue.redirect import RETRIEVAL_INTENT as ORGANISATION_INTENT
from bot.templates import AnswerTemplate
from bot.templates.responses import RETRIEVAL_INTENT, assistant_responses
from bot.templates.versions import current_templates

_LINKS_AND_FIELDS = re.compile(r"https?://\S+|\{\{[^}]*\}\}")


def learnt_texts(template: AnswerTemplate) -> List[str]:
    """What the model learns a template from: its examples, and its title and answer (links and
    {{fields}} removed). Real questions are often worded like an FAQ heading ("Comment est
    calculée l'indemnité ?") or with the answer's own words ("insaisissable"), which chat-style
    examples alone do not teach: on the dev part of the real-question set, this raised route
    accuracy and the share of right templates."""
    answer = " ".join(_LINKS_AND_FIELDS.sub(" ", template.answer).split())
    return [*template.examples, template.title, answer]


_UNSET = object()


class TemplateExample(Message):
    """A template's text as Rasa's importers handle it. At each merge they deep-copy every example
    and, setting its intent again, drop its fingerprint, which the next merge computes anew to
    drop duplicates: for ~20,000 template texts, about 20 s of a full training (07/12/2026). Its
    values are strings: a shallow copy is a deep one, and setting a value it already holds keeps
    its fingerprint. Once the pipeline sets tokens or features, it copies like any message."""

    def __deepcopy__(self, memo: dict) -> Message:
        if self.features or not all(isinstance(value, str) for value in self.data.values()):
            copied = Message.__new__(type(self))
            memo[id(self)] = copied
            copied.__dict__.update({key: copy.deepcopy(value, memo) for key, value in self.__dict__.items()})
            return copied
        copied = TemplateExample(data=self.data, output_properties=set(self.output_properties), time=self.time)
        copied._cached_fingerprint = self._cached_fingerprint
        return copied

    def set(self, prop: Text, info: Any, add_to_output: bool = False) -> None:
        if self.data.get(prop, _UNSET) == info and (prop in self.output_properties or not add_to_output):
            return
        super().set(prop, info, add_to_output)



def template_training_data(templates: List[AnswerTemplate]) -> TrainingData:
    examples = [
        TemplateExample.build(text=text, intent=f"{RETRIEVAL_INTENT}/{t.id}")
        for t in templates
        for text in learnt_texts(t)
    ]
    return TrainingData(training_examples=examples)


class CaisseImporter(RasaFileImporter):
    def __init__(
        self,
        config_file: Optional[Text] = None,
        domain_path: Optional[Text] = None,
        training_data_paths: Optional[Union[List[Text], Text]] = None,
    ) -> None:
        super().__init__(config_file, domain_path, training_data_paths)
        self._caisse = get_config()
        self._templates = current_templates()

    def get_domain(self) -> Domain:
        domain = super().get_domain()
        as_dict = domain.as_dict()
        as_dict["responses"] = assistant_responses(as_dict.get("responses", {}), self._templates, self._caisse)
        return Domain.from_dict(as_dict)

    def _domain_for_stories(self) -> Domain:
        """Rules mention `faq` and `other_organisation`, which Rasa adds to the domain only after
        this importer runs."""
        retrieval = Domain.from_dict({"intents": [{intent: {IS_RETRIEVAL_INTENT_KEY: True}}
                                                  for intent in (RETRIEVAL_INTENT, ORGANISATION_INTENT)]})
        return self.get_domain().merge(retrieval)

    def get_stories(self, exclusion_percentage: Optional[int] = None) -> StoryGraph:
        return utils.story_graph_from_paths(self._story_files, self._domain_for_stories(), exclusion_percentage)

    def get_conversation_tests(self) -> StoryGraph:
        return utils.story_graph_from_paths(self._conversation_test_files, self._domain_for_stories())

    @cached_method
    def get_nlu_data(self, language: Optional[Text] = "en") -> TrainingData:
        """Cached like Rasa's own importers: training asks for it five times (11 s of merging)."""
        return super().get_nlu_data(language).merge(template_training_data(self._templates))
