"""The text-normalising rules every part of the assistant shares, so that "Où", "OU" and "ou" are
one word everywhere in the same way.

`fold` is the rule: lowercase, accents off. The NLU's features, the situation topics and the
template checks read text through it; moderation adds to it the undoing of typographic disguises
(`bot.moderation._text.fold_typography`). `fold_same_length` applies it character by character
for the masking, whose spans must stay valid on the original message. `example_key` says when
two template examples are the same.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Curly, modifier and grave/acute-accent apostrophes typed for "'": one apostrophe for every rule.
APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"}
_WORD = re.compile(r"[a-z0-9]+")


def strip_accents(text: str) -> str:
    """Diacritics off (and compatibility forms such as "ﬁ" or "²" made plain), case kept: safe on
    regex sources."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lowercase, accent-free copy: "Où EN est" reads "ou en est"."""
    return strip_accents(text.lower())


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = fold(APOSTROPHES.get(char, char))
    return folded if len(folded) == 1 else char


def fold_same_length(text: str) -> str:
    """`fold` character by character, apostrophes straightened, with exactly the length of `text`:
    a character that folds to several ("ﬁ", "½") stays as it is, so offsets found on the copy
    hold on the original."""
    if text.isascii():
        return text.lower().replace("`", "'")
    return "".join(_fold_char(c) for c in text)


def example_key(text: str) -> str:
    """The folded words of letters and digits, punctuation dropped: what makes two template
    examples "the same"."""
    return " ".join(_WORD.findall(fold(text)))
