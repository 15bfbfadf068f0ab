"""Groups the questions the assistant could not answer by similarity, for the communication team.

People ask the same missing question in many spellings ("alocation rentré scolaire",
"ARS c quand"): character n-grams (3 to 5, within words) see through typos and missing accents
where whole words would not. Grouping is "leader" clustering: questions are taken from the most
asked down, each joins the first group whose leader is similar enough or starts a new one. It is
deterministic (the same data gives the same groups, so a group can be linked to by its leader),
needs no number of groups chosen in advance, and costs one similarity matrix of at most
`MAX_DISTINCT` × `MAX_DISTINCT`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

MAX_DISTINCT = 2000  # the most frequent distinct texts of the period; the rest is counted apart
SIMILARITY = 0.45  # cosine similarity to a group's leader, tuned on the demo questions


@dataclass
class Group:
    leader: str
    texts: List[str] = field(default_factory=list)
    messages: int = 0


def cluster_texts(texts: Sequence[str], counts: Sequence[int], similarity: float = SIMILARITY) -> List[Group]:
    """Groups of texts, largest first; `texts` must be distinct, `counts` their occurrences."""
    if not texts:
        return []
    order = sorted(range(len(texts)), key=lambda index: (-counts[index], texts[index]))
    try:
        vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), strip_accents="unicode",
                                  lowercase=True, sublinear_tf=True).fit_transform([texts[i] for i in order])
    except ValueError:  # nothing but punctuation or single letters: no n-gram at all
        vectors = None
    similarities = (vectors @ vectors.T).toarray() if vectors is not None else np.eye(len(texts))
    leaders: List[int] = []
    groups: List[Group] = []
    for position, index in enumerate(order):
        best = -1
        if leaders:
            scores = similarities[position, leaders]
            candidate = int(np.argmax(scores))
            if scores[candidate] >= similarity:
                best = candidate
        if best < 0:
            leaders.append(position)
            groups.append(Group(texts[index]))
            best = len(groups) - 1
        groups[best].texts.append(texts[index])
        groups[best].messages += counts[index]
    return sorted(groups, key=lambda group: (-group.messages, group.leader))
