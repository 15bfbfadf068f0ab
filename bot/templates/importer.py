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

`assistant_responses` is the one place responses are rendered: the NLG server
(`bot.templates.nlg`) calls it too, so that live answers are exactly what a retrain would bake in.
"""
from __future__ import annotations

import copy
import re
from typing import Any, Dict, List, Optional, Text, Union

from rasa.shared.core.domain import IS_RETRIEVAL_INTENT_KEY, Domain
from rasa.shared.importers import utils
from rasa.shared.core.training_data.structures import StoryGraph
from rasa.shared.importers.rasa import RasaFileImporter
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.config import CaisseConfig, get_config
from bot.dialogue.redirect import RETRIEVAL_INTENT as ORGANISATION_INTENT, organisation_responses, other_branch_notice
from bot.templates import AnswerTemplate, render
from bot.templates.versions import current_templates

RETRIEVAL_INTENT = "faq"


FEEDBACK_CHOICES = (("oui", "👍 Réponse utile"), ("non", "👎 Pas utile"))


def feedback_buttons(template_id: str) -> List[Dict[str, str]]:
    """One-click vote under each answer. Double braces: Rasa's interpolator unescapes them."""
    return [
        {"title": title, "payload": f'/feedback{{{{"useful":"{value}","template_id":"{template_id}"}}}}'}
        for value, title in FEEDBACK_CHOICES
    ]


def response_name(template_id: str) -> str:
    return f"utter_{RETRIEVAL_INTENT}/{template_id}"


def general_placeholders(config: CaisseConfig) -> Dict[str, str]:
    """Placeholders of the skeleton's responses that are not a body's contacts."""
    return {"charte_url": config.site_url.rstrip("/") + config.charter_path}


def render_response(response: Dict[str, Any], branch: str, config: CaisseConfig) -> Dict[str, Any]:
    contacts = config.contacts_for(branch)
    extra = general_placeholders(config)
    rendered = copy.deepcopy(response)
    if "text" in rendered:
        rendered["text"] = render(rendered["text"], contacts, extra)
    for button in rendered.get("buttons", []):
        button["title"] = render(button["title"], contacts, extra)
    return rendered


def template_text(template: AnswerTemplate, config: CaisseConfig) -> str:
    """The answer, preceded by who handles it when the caisse does not cover its branch
    (a blank line: channels show it as a message of its own)."""
    answer = render(template.answer, config.contacts_for(template.branch))
    if template.branch in config.branches_covered:
        return answer
    return f"{other_branch_notice(template.branch, config)}\n\n{answer}"


def template_responses(templates: List[AnswerTemplate], config: CaisseConfig) -> Dict[str, list]:
    return {
        response_name(t.id): [{"text": template_text(t, config), "buttons": feedback_buttons(t.id)}]
        for t in templates
    }


def assistant_responses(domain_responses: Dict[str, list], templates: List[AnswerTemplate],
                        config: CaisseConfig) -> Dict[str, list]:
    """domain.yml's responses rendered for the caisse, plus one response per template."""
    responses = {
        name: [render_response(variant, config.branch, config) for variant in variants]
        for name, variants in domain_responses.items()
    }
    responses.update(template_responses(templates, config))
    responses.update(organisation_responses(config))
    return responses


_LINKS_AND_FIELDS = re.compile(r"https?://\S+|\{\{[^}]*\}\}")


def learnt_texts(template: AnswerTemplate) -> List[str]:
    """What the model learns a template from: its examples, and its title and answer (links and
    {{fields}} removed). Real questions are often worded like an FAQ heading ("Comment est
    calculée l'indemnité ?") or with the answer's own words ("insaisissable"), which chat-style
    examples alone do not teach: on the dev part of the real-question set, this raised route
    accuracy and the share of right templates."""
    answer = " ".join(_LINKS_AND_FIELDS.sub(" ", template.answer).split())
    return [*template.examples, template.title, answer]


def template_training_data(templates: List[AnswerTemplate]) -> TrainingData:
    examples = [
        Message.build(text=text, intent=f"{RETRIEVAL_INTENT}/{t.id}")
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

    def get_nlu_data(self, language: Optional[Text] = "en") -> TrainingData:
        return super().get_nlu_data(language).merge(template_training_data(self._templates))
