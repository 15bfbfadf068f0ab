"""Text features shared by the NLU components: what the linear models see of a message."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Dict, List, Tuple

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import normalize

from bot.text import fold

_SPACES = re.compile(r"\s+")
# "A.E.E.H.", "C.A.F" -> "AEEH", "CAF": people dot the acronyms that the examples write plain.
_DOTTED_ACRONYM = re.compile(r"\b(?:[^\W\d_]\.){2,}(?:[^\W\d_]\b\.?)?")


def normalise(text: str) -> str:
    """Lowercase, accent-free, single-spaced, acronyms undotted: "Où  EN est" and "ou en est",
    "l'A.E.E.H." and "l'AEEH" look the same."""
    text = _DOTTED_ACRONYM.sub(lambda match: match.group(0).replace(".", ""), text)
    return _SPACES.sub(" ", fold(text)).strip()


class FastTfidfVectorizer(TfidfVectorizer):
    """scikit-learn's TF-IDF, scoring one message without its per-call overhead.

    In scikit-learn 1.1, `transform` checks that the model is fitted by recomputing the idf vector
    (a sum over a diagonal matrix as wide as the vocabulary) and then multiplies by that matrix:
    about a quarter of a millisecond per vectorizer per message, four times per message. The same
    numbers come from scaling the counts by the idf vector, computed once."""

    def fit(self, raw_documents, y=None):
        self.__dict__.pop("_idf_vector", None)
        return super().fit(raw_documents, y)

    def fit_transform(self, raw_documents, y=None):
        self.__dict__.pop("_idf_vector", None)
        return super().fit_transform(raw_documents, y)

    def transform(self, raw_documents):
        counts = CountVectorizer.transform(self, raw_documents).astype(np.float64)
        if self.sublinear_tf:
            np.log(counts.data, counts.data)
            counts.data += 1
        if self.use_idf:
            idf = self.__dict__.get("_idf_vector")
            if idf is None:
                idf = self.__dict__["_idf_vector"] = self.idf_
            counts.data *= idf[counts.indices]
        return normalize(counts, norm=self.norm, copy=False) if self.norm else counts


class FastFeatureUnion(FeatureUnion):
    """scikit-learn's FeatureUnion, without starting joblib for each message: its `transform`
    goes through `Parallel` even with one job (about 0.2 ms a call, twice per message); the
    same blocks are stacked here directly."""

    def transform(self, X):
        blocks = [trans.transform(X) if weight is None else trans.transform(X) * weight
                  for _, trans, weight in self._iter()]
        return sparse.hstack(blocks, format="csr")


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
    numbers as its `transform` without building scipy matrices (about a millisecond a message for
    three components, most of the NLU's cost, 07/12/2026)."""

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
    return FastFeatureUnion([
        ("characters", FastTfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(2, 5),
                                           sublinear_tf=True, min_df=min_df)),
        ("words", FastTfidfVectorizer(
            preprocessor=normalise,
            analyzer="word",
            ngram_range=(1, 2),
            sublinear_tf=True,
            token_pattern=r"(?u)\b\w+\b",
            min_df=min_df,
        )),
    ])
