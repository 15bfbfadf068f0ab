"""Text helpers: a folded copy of the message whose offsets match the original.

Cue words are matched on the folded copy (lowercase, no accents, straight apostrophes)
so that "Né le", "ne le" and "NÉE LE" need one pattern, while spans stay valid on the
original text because folding never changes the length.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _APOSTROPHES:
        return _APOSTROPHES[char]
    lower = char.lower()
    if len(lower) != 1:
        lower = char
    base = unicodedata.normalize("NFD", lower)[0]
    return base if base.isascii() else lower


def fold(text: str) -> str:
    """Lowercase, accent-free copy of `text` with exactly the same length."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def digits_only(value: str) -> str:
    """Keep the alphanumerics of a typed number ("1 85-03" -> "18503")."""
    return "".join(c for c in value if c.isalnum())


_NON_DIGITS = re.compile(r"\D+")


def digit_count(folded: str) -> int:
    """How many digits the message holds: detectors skip messages with too few (cheap)."""
    return len(_NON_DIGITS.sub("", folded))


def mentions(folded: str, words: tuple[str, ...]) -> bool:
    """Does the folded text contain one of these substrings? A cheap test before a pattern."""
    return any(word in folded for word in words)
