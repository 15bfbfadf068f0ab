"""Load `lexicon.yml` into compiled rules: the data stays in YAML, the matching in code.

Entries are skeletonised like the message views (see `_text`), so a moderator writes
"connasse" once and it catches "CONASSE", "c0nn4ss3" and "c o n n a s s e".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from ._model import CATEGORIES
from ._text import skeleton, skeleton_pattern

LEXICON_PATH = Path(__file__).with_name("lexicon.yml")
RULE_CATEGORIES: tuple[str, ...] = tuple(c for c in CATEGORIES if c != "none")

# Endings an entry also matches: plural and feminine ("connard" -> "connards", "connarde").
_ENDINGS = "(?:es|e|s|x)?"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_MIN_INFLECTED = 4  # shorter entries ("con", "pd", "tg") only match as written


def _alternation(terms: Iterable[str]) -> str:
    """Longest first, so "fils de pute" wins over "pute" at the same position."""
    return "|".join(re.escape(t) for t in sorted(set(terms), key=lambda t: (-len(t), t)))


@dataclass(frozen=True)
class WordList:
    """Words and fixed phrases of one category, compiled into a single regex."""

    terms: Mapping[str, str]  # skeleton -> entry as written in the lexicon or configuration
    regex: re.Pattern[str] | None

    @classmethod
    def build(cls, entries: Iterable[str]) -> WordList:
        terms: dict[str, str] = {}
        for entry in entries:
            key = skeleton(str(entry))
            if key:
                terms.setdefault(key, str(entry))
        if not terms:
            return cls({}, None)
        inflected = [t for t in terms if len(t.replace(" ", "")) >= _MIN_INFLECTED]
        exact = [t for t in terms if len(t.replace(" ", "")) < _MIN_INFLECTED]
        parts = []
        if inflected:
            parts.append(f"(?P<inflected>{_alternation(inflected)}){_ENDINGS}")
        if exact:
            parts.append(f"(?P<exact>{_alternation(exact)})")
        return cls(terms, re.compile(rf"\b(?:{'|'.join(parts)})\b"))

    def find(self, view: str) -> Iterable[str]:
        """The lexicon entries found in a view."""
        if self.regex is None:
            return
        for match in self.regex.finditer(view):
            yield self.terms[match.group("inflected") or match.group("exact")]

    def extended(self, entries: Iterable[str]) -> WordList:
        return WordList.build([*self.terms.values(), *entries])


@dataclass(frozen=True)
class CategoryRules:
    """Everything that can put a message in one category."""

    name: str
    words: WordList
    patterns: tuple[tuple[str, re.Pattern[str]], ...] = ()
    exceptions: re.Pattern[str] | None = None

    def mask_exceptions(self, view: str) -> str:
        """Blank out the spans this category must ignore (length kept, so words stay apart)."""
        if self.exceptions is None:
            return view
        return self.exceptions.sub(lambda m: " " * len(m.group()), view)


@dataclass(frozen=True)
class Lexicon:
    """The compiled lexicon: rules per category plus the few lists the logic needs."""

    categories: Mapping[str, CategoryRules]
    # Single words a starred word may hide ("m*rde"), in the order they are tried: the words of
    # the categories first, then the sets as the file lists them, each group longest first.
    vocabulary: tuple[str, ...]
    named_person: tuple[re.Pattern[str], ...] = ()
    allowed_domains: frozenset[str] = field(default_factory=frozenset)

    def with_extra_terms(self, extra_terms: Mapping[str, Iterable[str]]) -> Lexicon:
        """A copy with the caisse's own words added to the given categories."""
        unknown = sorted(set(extra_terms) - set(RULE_CATEGORIES))
        if unknown:
            raise ValueError(
                f"catégorie de modération inconnue : {', '.join(unknown)} "
                f"(attendu : {', '.join(RULE_CATEGORIES)})"
            )
        categories = dict(self.categories)
        extra: set[str] = set()
        for name, entries in extra_terms.items():
            entries = [str(e) for e in entries or ()]
            rules = categories[name]
            categories[name] = replace(rules, words=rules.words.extended(entries))
            extra.update(k for k in map(skeleton, entries) if k and " " not in k)
        vocabulary = _in_order([_by_length(extra), self.vocabulary])
        return replace(self, categories=categories, vocabulary=vocabulary)

    def with_allowed_domains(self, domains: Iterable[str]) -> Lexicon:
        return replace(self, allowed_domains=self.allowed_domains | {d.lower() for d in domains})


def _by_length(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def _in_order(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """The groups one after the other, each word kept at its first place."""
    return tuple(dict.fromkeys(w for group in groups for w in group))


def _expand(source: str, pieces: Mapping[str, str]) -> str:
    """Skeletonise the written parts of a regex source and fill in its {placeholders}."""
    parts = _PLACEHOLDER.split(source)  # text, name, text, name, ..., text
    for i in range(0, len(parts), 2):
        parts[i] = skeleton_pattern(parts[i])
    source = "".join(p if i % 2 == 0 else f"{{{p}}}" for i, p in enumerate(parts))

    def substitute(match: re.Match[str]) -> str:
        try:
            return pieces[match.group(1)]
        except KeyError:
            raise ValueError(f"unknown placeholder {{{match.group(1)}}} in: {source}") from None

    return _PLACEHOLDER.sub(substitute, source)


def _compile(source: str, pieces: Mapping[str, str]) -> re.Pattern[str]:
    return re.compile(_expand(source, pieces))


def parse(data: Mapping[str, object]) -> Lexicon:
    """Compile a lexicon from its YAML structure (see the comments in lexicon.yml)."""
    sets = {name: [skeleton(str(e)) for e in entries] for name, entries in data.get("sets", {}).items()}
    pieces = {name: f"(?:{_alternation(t for t in terms if t)}){_ENDINGS}" for name, terms in sets.items()}
    for name, source in data.get("fragments", {}).items():
        pieces[name] = f"(?:{_expand(source, pieces)})"
    categories: dict[str, CategoryRules] = {}
    word_groups: list[tuple[str, ...]] = []
    raw_categories: Mapping[str, Mapping[str, object]] = data.get("categories", {})
    unknown = sorted(set(raw_categories) - set(RULE_CATEGORIES))
    if unknown:
        raise ValueError(f"unknown categories in lexicon: {', '.join(unknown)}")
    for name in RULE_CATEGORIES:
        raw = raw_categories.get(name, {})
        words = WordList.build(raw.get("words", []))
        word_groups.append(_by_length(t for t in words.terms if " " not in t))
        patterns = tuple(
            (rule, _compile(source, pieces)) for rule, source in raw.get("patterns", {}).items()
        )
        exceptions = [_compile(source, pieces).pattern for source in raw.get("exceptions", [])]
        categories[name] = CategoryRules(
            name, words, patterns, re.compile("|".join(exceptions)) if exceptions else None
        )
    defamation = raw_categories.get("defamation", {})
    spam = raw_categories.get("spam", {})
    return Lexicon(
        categories=categories,
        vocabulary=_in_order(
            [*word_groups, *(_by_length(t for t in terms if t and " " not in t) for terms in sets.values())]
        ),
        named_person=tuple(re.compile(p) for p in defamation.get("named_person", [])),
        allowed_domains=frozenset(d.lower() for d in spam.get("allowed_domains", [])),
    )


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """The lexicon file, compiled once per process."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser is ~10x faster
    return parse(yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {})
