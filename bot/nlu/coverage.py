"""`WordCoverage`: how much of a question the chosen template's own texts hold.

The selector's confidence says how far ahead of the other templates the best one is, not whether
it speaks of what the question asks: a question on a subject no template covers still has a nearest
template, sometimes far ahead of the others. The share of the question's words (weighted by
their rarity among templates) found in the template's texts separates the right answers from the
wrong ones where the confidence alone does not. On the dev parts of the real-question set
(2026-12-06), with the weights fitted on one part and the best threshold for the other's safety
targets, the right template was shown for 0.47 of the first part's questions that have one instead
of 0.32 with the confidence alone, and 0.31 instead of 0.27 on the second part. `bot.nlu.answer_gate`
combines both.

How much of it the next best templates hold counts too (`RIVAL_COVERAGE_KEY`): a question whose words
a close rival holds as well as the best one is often that rival's (neighbouring templates: "trop-perçu" and
"recouvrement d'une dette"). On the dev parts (2026-12-07, weights fitted on one part and measured on
the other), at the same share of wrong templates (4 %), the right template was shown for 0.312 instead
of 0.275 of the questions that have one, and 0.473 instead of 0.436.

Words are folded and cut to their first six letters (a rough stem: "remboursé", "remboursement"
-> "rembou"); no stop list: words found in nearly every template ("de", "bonjour", "caf") weigh
almost nothing by their rarity.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Dict, FrozenSet, List, Sequence

from bot.nlu._text import normalise

_WORD = re.compile(r"[a-z0-9]+")
STEM_LENGTH = 6
# Where the selector writes the coverage of its best template, next to its confidence, and the best
# coverage among the `RIVALS` templates ranked after it.
COVERAGE_KEY = "coverage"
RIVAL_COVERAGE_KEY = "rival_coverage"
RIVALS = 4


def stems(text: str) -> FrozenSet[str]:
    """The distinct words of a text as the NLU's features read it (`normalise`: folded, chat
    spellings in full, greeting and closing off), each cut to `STEM_LENGTH` letters."""
    return frozenset(word[:STEM_LENGTH] for word in _WORD.findall(normalise(text)))


class WordCoverage:
    """The words of each label's texts, and each word's rarity among labels (inverse document
    frequency, a label's texts being one document)."""

    def __init__(self, words_by_label: Dict[str, FrozenSet[str]]) -> None:
        self._words = words_by_label
        counts = Counter(word for words in words_by_label.values() for word in words)
        self._rarity = {word: math.log(len(words_by_label) / count) for word, count in counts.items()}

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str]) -> "WordCoverage":
        words: Dict[str, set] = {}
        for text, label in zip(texts, labels):
            words.setdefault(label, set()).update(stems(text))
        return cls({label: frozenset(found) for label, found in words.items()})

    def of(self, text: str, label: str) -> float:
        """Share of the text's known words (by rarity) that `label`'s texts hold: 1.0 when the text
        has no word any label knows (nothing to hold against the template)."""
        return self.of_each(text, [label])[0]

    def of_each(self, text: str, labels: Sequence[str]) -> List[float]:
        """`of` for each label, the text read once."""
        known = [(word, self._rarity[word]) for word in stems(text) if word in self._rarity]
        total = sum(rarity for _, rarity in known)
        if total <= 0.0:
            return [1.0] * len(labels)
        return [sum(rarity for word, rarity in known if word in self._words.get(label, frozenset())) / total
                for label in labels]
