"""Adapters to spaCy: PER spans from a pipeline, vocabulary tests from its tables.

Kept apart so that the name logic can be tested and run without any model, and so that
importing the package never imports spaCy (it is imported on first use only).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.text import fold_same_length

from ._names import CommonWords

if TYPE_CHECKING:
    from spacy.language import Language

PersonSpans = Callable[[str], list[tuple[int, int]]]

# Components of fr_core_news_md that name detection never uses: skipping them at load
# time saves memory and a few seconds. The lemmatizer stays for its vocabulary tables.
_UNUSED_COMPONENTS = ["parser", "morphologizer", "attribute_ruler", "senter"]

_pipelines: dict[str, Language] = {}
_pipelines_lock = threading.Lock()


def load_pipeline(model: str) -> Language:
    """The named spaCy pipeline, loaded once per process and shared.

    Loading takes seconds and a few hundred MB; the CLI, the benchmark and each channel
    may build their own `Detector`, and none should pay for it twice. Detectors only run
    inference on it and read its tables, as the default detector already does across
    threads.
    """
    with _pipelines_lock:
        if model not in _pipelines:
            import spacy

            _pipelines[model] = spacy.load(model, exclude=_UNUSED_COMPONENTS)
        return _pipelines[model]


def spacy_person_spans(nlp: Language) -> PersonSpans:
    """A function giving PER character spans.

    With a trained `ner` component, only it (and the embedding layer it listens to, and
    entity rulers) runs: the tagger and parser cost time and add nothing here. Any other
    pipeline (a blank one with an entity ruler, a custom NER) runs whole.
    """
    disable: list[str] = []
    if "ner" in nlp.pipe_names:
        needed = {"ner"}
        for name, component in nlp.pipeline:
            if "ner" in getattr(component, "listening_components", []):
                needed.add(name)
            if nlp.get_pipe_meta(name).factory in ("entity_ruler", "span_ruler"):
                needed.add(name)
        disable = [name for name in nlp.pipe_names if name not in needed]

    def person_spans(text: str) -> list[tuple[int, int]]:
        doc = nlp(text, disable=disable)
        return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PER", "PERSON")]

    return person_spans


def _lemma_lookups(nlp: Language | None) -> Any:
    """The lemmatizer's lookup tables when they hold `lemma_lookup`, else None."""
    if nlp is None or "lemmatizer" not in nlp.component_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    return lookups if lookups is not None and lookups.has_table("lemma_lookup") else None


def spacy_common_words(nlp: Language | None) -> CommonWords:
    """Ordinary-word test from the model's lemmatizer tables (inflected forms and lemmas).

    Without a model, nothing is ordinary: names then rely on stoplists and cues only.
    """
    lookups = _lemma_lookups(nlp)
    if lookups is None:
        return lambda lower, folded: False
    inflected = lookups.get_table("lemma_lookup")  # keyed by string hash: test membership
    lemmas: set[str] = set()
    for value in inflected.values():
        lemmas.update(value if isinstance(value, list) else [value])
    if lookups.has_table("lemma_index"):
        for entries in lookups.get_table("lemma_index").values():
            lemmas.update(entries)
    folded_lemmas = frozenset(fold_same_length(w) for w in lemmas)

    def common(lower: str, folded: str) -> bool:
        return folded in folded_lemmas or lower in inflected or folded in inflected

    return common


def spacy_inflected_forms(nlp: Language | None) -> Callable[[str], bool]:
    """Is this lowercase word an inflected form in the lemmatizer's table ("pouvez", "excusez")?

    Verbs, plurals and agreed adjectives are listed there; surnames the dictionary also knows as
    nouns ("dupont", "fournier") are lemmas only."""
    lookups = _lemma_lookups(nlp)
    if lookups is None:
        return lambda lower: False
    inflected = lookups.get_table("lemma_lookup")
    return lambda lower: lower in inflected


def spacy_stop_words() -> frozenset[str]:
    """spaCy's French stop words, folded (no model needed)."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    return frozenset(fold_same_length(w) for w in STOP_WORDS)
