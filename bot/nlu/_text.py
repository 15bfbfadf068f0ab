"""Text features shared by the NLU components: what the linear models see of a message."""
from __future__ import annotations

import re

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, make_union

from bot.text import fold

_SPACES = re.compile(r"\s+")
# "A.E.E.H.", "C.A.F" -> "AEEH", "CAF": people dot the acronyms that the examples write plain.
_DOTTED_ACRONYM = re.compile(r"\b(?:[^\W\d_]\.){2,}(?:[^\W\d_]\b\.?)?")


def normalise(text: str) -> str:
    """Lowercase, accent-free, single-spaced, acronyms undotted: "Où  EN est" and "ou en est",
    "l'A.E.E.H." and "l'AEEH" look the same."""
    text = _DOTTED_ACRONYM.sub(lambda match: match.group(0).replace(".", ""), text)
    return _SPACES.sub(" ", fold(text)).strip()


def text_features() -> FeatureUnion:
    """TF-IDF of character n-grams inside words (2-5: robust to typos and SMS spelling, "koi",
    "jai", "alloc") and of words and word pairs ("ou en est", "mon dossier").

    spaCy's French word vectors (fr_core_news_md) added to these were measured on the dev part of
    the real-question set on 2026-12-03: fewer right routes and templates, so they are not used."""
    return make_union(
        TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
        TfidfVectorizer(
            preprocessor=normalise,
            analyzer="word",
            ngram_range=(1, 2),
            sublinear_tf=True,
            token_pattern=r"(?u)\b\w+\b",
        ),
    )
