"""The moderation classifier: normalised views of a message checked against the lexicon.

Rules, not a statistical model: every verdict names the rule that fired, a moderator can
read why a message was hidden, and the caisse extends the word lists without retraining.
The NLU of the assistant can add its own signal on top; this layer is what catches slurs
with typos, leetspeak and spacing that a model trained on clean sentences misses.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from urllib.parse import urlsplit

from bot.config import CaisseConfig, ConfigError, get_config
from bot.dialogue.redirect import load_organisations
from bot.templates import load_templates

from ._lexicon import Lexicon, load_lexicon
from ._model import CATEGORIES, Evidence, Verdict
from ._text import fold_typography, views

_TLDS = (
    "com|net|org|fr|io|xyz|ru|info|biz|click|top|ly|me|co|shop|online|site|app|be|ch|eu|us|uk|"
    "de|tk|ml|ga|cf|gq|cn|live|vip|win|bet|link|store|club|pro|tv|gg|sh|to"
)
# A link with a scheme or www., or a bare domain with a common top-level domain; never the
# domain of an e-mail address (already masked upstream, and no spam when it is not).
_LINK = re.compile(
    rf"(?<![@\w.-])(?:(?:https?://|www\.)[^\s/?#]+|(?:[a-z0-9-]+\.)+(?:{_TLDS})\b)(?![@\w-])"
)
# E-mail addresses, even written "nom @ wanadoo.fr" or "nom(at)orange.fr": their domain is no link.
_EMAIL = re.compile(r"[\w.+-]+ ?(?:@|\(at\)|\[at\]| arobase ) ?[\w-]+(?:\.[\w-]+)+")
_REPEATED_WORD_MIN = 5  # "gagnez gagnez gagnez gagnez gagnez": junk when it is most of the message
_LONG_RUN = re.compile(r"([a-z])\1{9,}")  # "aaaaaaaaaa", once the view has collapsed it to "a"
_LONG_RUN_MAX_WORDS = 2  # "noooooooooon pas encore" is a cry, not junk


def _domain(link: str) -> str:
    host = urlsplit(link if "://" in link else f"http://{link}").hostname or ""
    return host.rstrip(".").removeprefix("www.")


_CITED_LINK = re.compile(r"https?://[^\s<>\"')]*[\w/]")  # without the sentence's final comma or dot


def _trusted_domains(config: CaisseConfig) -> set[str]:
    """The sites the assistant itself points people to: the caisse's and the other branches',
    the other bodies' (redirections) and those its answer templates cite. A person who quotes
    one back ("sur secu-independants.fr on me dit...") is no spammer."""
    urls = [url for contacts in (config.contacts, *config.national_contacts.values())
            for url in (contacts.account_url, contacts.appointment_url, contacts.website)]
    cited = [o.contact for o in load_organisations().values()]
    cited += [f"{t.answer} {t.source}" for t in load_templates()]
    urls += [url for text in cited for url in _CITED_LINK.findall(text)]
    return {domain for domain in map(_domain, urls) if domain}


class Classifier:
    """Classifies one chat message into a moderation category (see `CATEGORIES`)."""

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        extra_terms: Mapping[str, Iterable[str]] | None = None,
        allowed_domains: Iterable[str] = (),
    ) -> None:
        lexicon = lexicon or load_lexicon()
        if extra_terms:
            lexicon = lexicon.with_extra_terms(extra_terms)
        self.lexicon = lexicon.with_allowed_domains(allowed_domains)

    @classmethod
    def from_config(cls, config: CaisseConfig) -> Classifier:
        """The shared lexicon plus the caisse's extra terms and the domains it cites."""
        try:
            return cls(
                extra_terms=config.moderation.extra_terms,
                allowed_domains=_trusted_domains(config),
            )
        except ValueError as error:
            raise ConfigError(f"configuration de la caisse invalide (moderation) : {error}") from error

    def classify(self, text: str) -> Verdict:
        """The most serious category any rule finds, with the evidence of every rule."""
        found: dict[Evidence, None] = {}  # ordered set
        message_views = views(text, self._resolve_stars)
        for name, rules in self.lexicon.categories.items():
            for view in message_views:
                view = rules.mask_exceptions(view)
                for term in rules.words.find(view):
                    found[Evidence(name, "word", term)] = None
                for rule, pattern in rules.patterns:
                    if pattern.search(view):
                        found[Evidence(name, rule)] = None
        if not self._names_a_person(text):
            found = {e: None for e in found if e.category != "defamation"}
        for evidence in self._spam_evidence(text, message_views[0] if message_views else ""):
            found[evidence] = None
        evidence = tuple(sorted(found, key=lambda e: CATEGORIES.index(e.category)))
        return Verdict(evidence[0].category if evidence else "none", evidence)

    def _names_a_person(self, text: str) -> bool:
        """An accusation is defamation only against somebody named (or masked as [NOM])."""
        return any(pattern.search(text) for pattern in self.lexicon.named_person)

    def _spam_evidence(self, text: str, view: str) -> Iterable[Evidence]:
        allowed = self.lexicon.allowed_domains
        folded = fold_typography(text)
        for link in _LINK.findall(_EMAIL.sub(" ", folded)):
            domain = _domain(link)
            if not any(domain == d or domain.endswith("." + d) for d in allowed):
                yield Evidence("spam", "link")
                break
        words = view.split()
        if len(words) >= _REPEATED_WORD_MIN:
            _, count = Counter(words).most_common(1)[0]
            if count >= _REPEATED_WORD_MIN and count * 2 >= len(words):
                yield Evidence("spam", "repetition")
        elif len(words) <= _LONG_RUN_MAX_WORDS and _LONG_RUN.search(folded):
            yield Evidence("spam", "repetition")

    def _resolve_stars(self, word: str) -> str:
        """The lexicon word a starred word hides ("c*nnard" -> "conard"), else the word.

        An inflected word is read through its stem: "encul*s" -> "encule" + "s".
        """
        hidden = self._hidden_word(word)
        if hidden is None:
            stem, ending = _split_ending(word)
            hidden = self._hidden_word(stem) if ending else None
            return hidden + ending if hidden else word
        return hidden

    def _hidden_word(self, word: str) -> str | None:
        parts = [re.escape(p) for p in re.split(r"\*+", word)]
        if not "".join(parts):
            return None
        pattern = re.compile("[a-z]{1,3}".join(parts))
        return next((w for w in self.lexicon.vocabulary if pattern.fullmatch(w)), None)


_ENDING = re.compile(r"(?<=[a-z*])(?:es|e|s|x)$")


def _split_ending(word: str) -> tuple[str, str]:
    """("encul*s" -> "encul*", "s"): the ending is only split off a word still starred."""
    match = _ENDING.search(word)
    if not match or "*" not in word[: match.start()]:
        return word, ""
    return word[: match.start()], match.group()


@lru_cache(maxsize=1)
def default_classifier() -> Classifier:
    """The process-wide classifier for the configured caisse, built on first use."""
    return Classifier.from_config(get_config())


def classify(text: str) -> Verdict:
    """Classify a message with the configured caisse's classifier."""
    return default_classifier().classify(text)
