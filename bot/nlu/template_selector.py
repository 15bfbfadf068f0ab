"""`TfidfTemplateSelector`: which answer template (`faq/<id>`) answers a message.

Replaces Rasa's ResponseSelector, which with ~120 templates of about ten examples each chose
the right one for barely more than half of the held-out questions and took most of the
training time. A logistic regression on character and word n-grams trains in seconds.

The placeholders of masked personal data ("[NIR]", "[TÉLÉPHONE]") are left out of the
choice: no example holds them, and their letters pulled "mon numéro est [NIR], quand est versée
l'allocation de rentrée ?" towards the social-security-number template (0.65 instead of 0.86).

A message that names one branch ("mon rib à la caf", "rdv cpam") gets that branch's best
template when the n-grams put another branch's twin first (RIB, appointment, account, phone
exist in several branches): the best of the named branch goes first if its probability is at
least `named_branch_ratio` of the top one. Branch names come from the component's config. When
the named branch has none that close, the other branches' templates keep `other_branch_trust` of
their probability: "Qu'est-ce que le droit à l'erreur à l'Urssaf ?" got the Caf's answer at 0.99.

A message that names no branch is read as put to the caisse's own branch: its templates' probabilities
are multiplied by `home_branch_weight`, then all are renormalised (a prior, not a keyword rule).
"Comment faire une demande de prime d'activité ?" asked to a MSA gets the MSA's answer, asked to
a Caf the Caf's. The branch is the caisse configuration's (`branch`), or the message metadata's
`caisse_branch` when one Rasa server answers for several caisses (the evaluation sets it to the
body each real question was put to). On the dev part of the real-question set, weight 5 gave
the right template first for 0.795 of the questions instead of 0.766, with no loss on the team's set.

A caisse of a `single_window_branches` branch (the MSA: the one body of the farm world for health,
family, retirement and contributions) answers a message that names no branch with its own
templates only: a CPAM or Urssaf answer sends a farmer to a body that does not cover them. The other
caisses lean away from the single window's templates (`single_window_weight`) unless the message
names it: the MSA's twin of a Caf answer tells a Caf's user to write to the MSA.

The chosen template's response also says how much of the message its texts hold (`coverage`,
see `bot.nlu.coverage`), and the most that one of the next templates holds (`rival_coverage`), which
the answer gate weighs with the confidence.

It writes `response_selector` exactly as ResponseSelector does, so the rule `faq -> utter_faq`,
Rasa's full retrieval intent (`faq/<id>` in trackers and conversation tests), the action
server and `bot.nlu.parse.selected_template` read it unchanged.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

import numpy as np

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RESPONSES_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data import util
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.config import BRANCHES, get_config
from bot.nlu._linear import LinearTextComponent
from bot.nlu._text import normalise
from bot.nlu.coverage import COVERAGE_KEY, RIVAL_COVERAGE_KEY, RIVALS, WordCoverage
from bot.personal_data import MASKS

_PLACEHOLDERS = re.compile("|".join(re.escape(placeholder) for placeholder in MASKS.values()))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class TfidfTemplateSelector(LinearTextComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # only_for_intent: choose only for messages of the retrieval intent (the other bodies'
        # selector: a body is needed only when the message is for another body), and for those
        # whose best answer template is below `also_below_template_confidence` (the answer gate
        # then asks whether they are meant for another body; scoring every message would cost
        # about a millisecond each).
        return {**LinearTextComponent.get_default_config(), "retrieval_intent": "faq", "branch_names": {},
                "named_branch_ratio": 0.2, "other_branch_trust": 1.0, "home_branch_weight": 1.0,
                "single_window_branches": [], "single_window_weight": 1.0, "only_for_intent": False,
                "also_below_template_confidence": 0.0}

    def named_branch(self, text: str) -> Optional[str]:
        """The one branch the message names, if it names exactly one."""
        words = _words(text)
        named = {branch for branch, names in self._config["branch_names"].items()
                 if any(_words(name) in words for name in names)}
        return named.pop() if len(named) == 1 else None

    def _label_branches(self) -> np.ndarray:
        """The branch of each label, in the classifier's order (computed once per model)."""
        if getattr(self, "_branches_of", None) is not self._pipeline:  # first use, or trained again
            self._branches_of = self._pipeline
            self._branches = np.array([_branch_of(str(label)) for label in self._pipeline.classes_])
            self._priors: Dict[str, np.ndarray] = {}
        return self._branches

    def _home_prior(self, branch: str) -> np.ndarray:
        """Weight of each label for a question put to `branch`'s caisse (computed once per branch)."""
        branches = self._label_branches()
        priors = self._priors
        if branch not in priors:
            if branch in self._config["single_window_branches"]:
                others = np.zeros(len(branches))
            else:
                single = np.isin(branches, self._config["single_window_branches"])
                others = np.where(single, self._config["single_window_weight"], 1.0)
            priors[branch] = np.where(branches == branch, self._config["home_branch_weight"], others)
        return priors[branch]

    def _prefer_branch(self, message: Message, text: str, probabilities: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """Probabilities after the branch preferences, and the labels' order (best first)."""
        branch = self.named_branch(text)
        if branch is None:
            home = (message.get("metadata") or {}).get("caisse_branch") or get_config().branch
            if home in BRANCHES:
                weighted = probabilities * self._home_prior(home)
                total = weighted.sum()
                if total > 0.0:  # else a model without this branch's templates
                    probabilities = weighted / total
            return probabilities, _best_first(probabilities)
        order = _best_first(probabilities)
        in_branch = self._label_branches() == branch
        if in_branch[order[0]]:
            return probabilities, order
        candidates = order[in_branch[order]]
        if not len(candidates) or probabilities[candidates[0]] < self._config["named_branch_ratio"] * probabilities[order[0]]:
            # The named branch has no template close enough: another branch's template answers
            # about another body than the one asked, so it keeps only `other_branch_trust` of its
            # probability (not renormalised) and the answer gate gives no template.
            scaled = np.where(in_branch, probabilities, probabilities * self._config["other_branch_trust"])
            return scaled, _best_first(scaled)
        return probabilities, np.concatenate(([candidates[0]], order[order != candidates[0]]))

    def _wanted(self, message: Message) -> bool:
        """Is the message of the retrieval intent, or without a close answer template?"""
        if (message.get(INTENT) or {}).get("name") == self._config["retrieval_intent"]:
            return True
        answers = (message.get(RESPONSE_SELECTOR_PROPERTY_NAME) or {}).get("faq") or {}
        best = (answers.get(RESPONSE_SELECTOR_PREDICTION_KEY) or {}).get(PREDICTED_CONFIDENCE_KEY)
        return best is not None and best < self._config["also_below_template_confidence"]

    def train(self, training_data: TrainingData) -> Resource:
        retrieval_intent = self._config["retrieval_intent"]
        examples = [
            m for m in training_data.intent_examples
            if m.get(INTENT) == retrieval_intent and m.get(TEXT) and m.get(INTENT_RESPONSE_KEY)
        ]
        texts, labels = [m.get(TEXT) for m in examples], [m.get(INTENT_RESPONSE_KEY) for m in examples]
        state = {
            "responses": training_data.responses,
            "all_retrieval_intents": sorted(training_data.retrieval_intents),
            "coverage": WordCoverage.fit(texts, labels),
        }
        return self.fit(texts, labels, state)

    def process(self, messages: List[Message]) -> List[Message]:
        if not self.trained:
            return messages
        for message in messages:
            if self._config["only_for_intent"] and not self._wanted(message):
                continue
            text = _PLACEHOLDERS.sub(" ", message.get(TEXT) or "")
            probabilities, order = self._prefer_branch(message, text, self._probabilities(text))
            labels = self._pipeline.classes_
            ranking = [(str(labels[i]), float(probabilities[i])) for i in order[:self._config["ranking_length"] or None]]
            key, confidence = ranking[0]
            coverage, *rivals = self._state["coverage"].of_each(text, [label for label, _ in ranking[:RIVALS + 1]])
            utter_action = util.intent_response_key_to_template_key(key)
            prediction = {
                RESPONSE_SELECTOR_PREDICTION_KEY: {
                    RESPONSE_SELECTOR_RESPONSES_KEY: self._state["responses"].get(utter_action, []),
                    PREDICTED_CONFIDENCE_KEY: confidence,
                    INTENT_RESPONSE_KEY: key,
                    RESPONSE_SELECTOR_UTTER_ACTION_KEY: utter_action,
                    COVERAGE_KEY: round(coverage, 4),
                    RIVAL_COVERAGE_KEY: round(max(rivals, default=0.0), 4),
                },
                RESPONSE_SELECTOR_RANKING_KEY: [
                    {PREDICTED_CONFIDENCE_KEY: p, INTENT_RESPONSE_KEY: label} for label, p in ranking
                ],
            }
            properties = message.get(RESPONSE_SELECTOR_PROPERTY_NAME, {})
            properties[RESPONSE_SELECTOR_RETRIEVAL_INTENTS] = self._state["all_retrieval_intents"]
            properties[self._config["retrieval_intent"]] = prediction
            message.set(RESPONSE_SELECTOR_PROPERTY_NAME, properties, add_to_output=True)
        return messages


def _branch_of(key: str) -> str:
    """`faq/caf_logement_apl` -> `caf` (template ids start with their branch)."""
    return key.split("/", 1)[-1].split("_", 1)[0]


def _best_first(probabilities: np.ndarray) -> np.ndarray:
    """Indices by decreasing probability, ties in the classifier's order (as a stable sort)."""
    return np.argsort(-probabilities, kind="stable")


def _words(text: str) -> str:
    """" mon rib a la caf ": folded words between spaces, so names match whole words only."""
    return f" {' '.join(re.findall(r'[a-z0-9]+', normalise(text)))} "
