"""Text features shared by the NLU components: what the linear models see of a message."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Dict, List, Tuple

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from bot.nlu.chat_spelling import spelled_out, spelling_fingerprint
from bot.nlu.politeness import politeness_fingerprint, without_politeness
from bot.text import fold

_SPACES = re.compile(r"\s+")
# "A.E.E.H.", "C.A.F" -> "AEEH", "CAF": people dot the acronyms that the examples write plain.
_DOTTED_ACRONYM = re.compile(r"\b(?:[^\W\d_]\.){2,}(?:[^\W\d_]\b\.?)?")


def normalise(text: str) -> str:
    """Lowercase, accent-free, single-spaced, acronyms undotted, chat spellings written in full,
    greeting and closing off: "Où  EN est" and "ou en est", "l'A.E.E.H." and "l'AEEH", "cmt" and
    "comment", "Bonjour, ... ? Merci" and "... ?" look the same."""
    text = _DOTTED_ACRONYM.sub(lambda match: match.group(0).replace(".", ""), text)
    return _SPACES.sub(" ", without_politeness(spelled_out(fold(text)))).strip()


def reading_fingerprint() -> str:
    """Changes with how `normalise` reads a text: a model that learnt another reading is trained again."""
    return f"chat spelling {spelling_fingerprint()}, politeness {politeness_fingerprint()}"


# The analyzers the NLU components' vectorizers use, by their settings: the intent classifier and
# the two selectors cut a message into the same n-grams, so each message is cut once per setting.
_ANALYZERS: Dict[Tuple, Callable[[str], List[str]]] = {}


def _settings(vectorizer: TfidfVectorizer) -> Tuple:
    params = vectorizer.get_params()
    return tuple(sorted((key, repr(value)) for key, value in params.items() if key not in ("min_df", "max_df", "dtype")))


@lru_cache(maxsize=64)
def _ngrams(settings: Tuple, text: str) -> Tuple[str, ...]:
    return tuple(_ANALYZERS[settings](text))


class OneMessageFeatures:
    """The features of `text_features` for a single message, as indices and values: the same
    numbers as its `transform`, without scikit-learn's per-call checks and scipy matrices. Scoring a
    message through the pipelines took 4.5 ms (median, held-out set, 822 templates, 07/12/2026),
    2.8 ms this way: the three components each vectorised it, and scikit-learn 1.1 recomputed each
    vectorizer's idf vector on every call."""

    def __init__(self, union: FeatureUnion) -> None:
        self._blocks = []
        offset = 0
        for _, vectorizer, weight in union._iter():
            settings = _settings(vectorizer)
            _ANALYZERS.setdefault(settings, vectorizer.build_analyzer())
            idf = vectorizer.idf_ if vectorizer.use_idf else None
            self._blocks.append((settings, vectorizer.vocabulary_, idf, vectorizer.sublinear_tf, vectorizer.norm,
                                 offset, 1.0 if weight is None else weight))
            offset += len(vectorizer.vocabulary_)
        self.width = offset

    def of(self, text: str) -> Tuple[np.ndarray, np.ndarray]:
        indices: List[np.ndarray] = []
        values: List[np.ndarray] = []
        for settings, vocabulary, idf, sublinear, norm, offset, weight in self._blocks:
            counts: Dict[int, int] = {}
            for gram in _ngrams(settings, text):
                column = vocabulary.get(gram)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            if not counts:
                continue
            columns = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
            block = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            if sublinear:
                block = np.log(block) + 1.0
            if idf is not None:
                block *= idf[columns]
            if norm == "l2":
                block /= np.sqrt(np.dot(block, block)) or 1.0
            elif norm == "l1":
                block /= np.abs(block).sum() or 1.0
            indices.append(columns + offset)
            values.append(block * weight)
        if not indices:
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        return np.concatenate(indices), np.concatenate(values)


def text_features(min_df: int = 1) -> FeatureUnion:
    """TF-IDF of character n-grams inside words (2-5: robust to typos and SMS spelling, "koi",
    "jai", "alloc") and of words and word pairs ("ou en est", "mon dossier"). `min_df`: n-grams
    seen in fewer examples are dropped (2 halves the vocabulary, and the intent classifier's
    training time, with the same routes on the dev part of the real-question set, 2026-12-05).

    spaCy's French word vectors (fr_core_news_md) added to these were measured on the dev part of
    the real-question set on 2026-12-03: fewer right routes and templates, so they are not used."""
    return FeatureUnion([
        ("characters", TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(2, 5),
                                       sublinear_tf=True, min_df=min_df)),
        ("words", TfidfVectorizer(
            preprocessor=normalise,
            analyzer="word",
            ngram_range=(1, 2),
            sublinear_tf=True,
            token_pattern=r"(?u)\b\w+\b",
            min_df=min_df,
        )),
    ])
