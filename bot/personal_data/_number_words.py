"""Numbers said in words, as the readers' copy of the message writes them in digits: "zéro six douze
quarante-cinq..." is a phone number, "deux quatre neuf zéro cinq..." a social security number,
"mille neuf cent soixante-douze" a year of birth, "au douze bis rue..." a street number.

People dictate to their phone, or write numbers in words to get past a filter; every reader then
finds the value as if it had been typed. A run of number words becomes the numbers it says, one
after the other ("zéro six douze" -> "0612"), as a long number is dictated by pieces; "deux mille
vingt-quatre" is one number, 2024. A word that says a single digit alone ("deux enfants", "un
courrier") is left as it is: nothing in it to read.

Written here rather than taken from text2num (alpha2digit): its copy does not say which words each
digit comes from, and the readers' findings must be carried back to the message.
"""

from __future__ import annotations

import re

from ._lexicon import NUMBER_TEENS, NUMBER_TENS, NUMBER_UNITS

_TENS = {**NUMBER_TENS, "septante": 70, "huitante": 80, "octante": 80, "nonante": 90}
_HUNDRED = frozenset({"cent", "cents"})
_THOUSAND = frozenset({"mille", "mil"})
_NUMBER_WORDS = frozenset([*NUMBER_UNITS, *NUMBER_TEENS, *_TENS, *_HUNDRED, *_THOUSAND, "vingts", "et"])
# Number words joined by spaces or dashes ("quatre-vingt-dix-sept", "vingt et un").
_WORD = re.compile(r"[a-z]+")
_JOINER = re.compile(r"[ \-]+")


def number_word_edits(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) for each run of number words in the folded message that says more
    than a single digit."""
    edits: list[tuple[int, int, str]] = []
    for run in _runs(folded):
        edits.extend(_groups(run))
    return edits


def _runs(folded: str) -> list[list[re.Match[str]]]:
    """The runs of number words: consecutive words with only spaces or dashes between them."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for match in _WORD.finditer(folded):
        if match.group() not in _NUMBER_WORDS:
            if current:
                runs.append(current)
            current = []
            continue
        if current and not _JOINER.fullmatch(folded, current[-1].end(), match.start()):
            runs.append(current)
            current = []
        current.append(match)
    if current:
        runs.append(current)
    return runs


def _groups(run: list[re.Match[str]]) -> list[tuple[int, int, str]]:
    """The edits of one run: its numbers written one after the other, split where a word starts no number."""
    words = [match.group() for match in run]
    edits: list[tuple[int, int, str]] = []
    group: list[str] = []
    first = last = 0
    i = 0
    while i <= len(words):
        parsed = _number(words, i) if i < len(words) else None
        if parsed is None:
            if group and (len(group) > 1 or len(group[0]) > 1):
                edits.append((run[first].start(), run[last].end(), "".join(group)))
            group = []
            i += 1
            continue
        value, end = parsed
        if not group:
            first = i
        group.append(value)
        last, i = end - 1, end
    return edits


def _number(words: list[str], i: int) -> tuple[str, int] | None:
    """The number that starts at words[i] and the index after it, or None."""
    if words[i] == "zero":
        return "0", i + 1
    total = 0
    value, j = _below_thousand(words, i)
    if j < len(words) and words[j] in _THOUSAND:
        total, j = (value or 1) * 1000, j + 1
        rest, j = _below_thousand(words, j)
        total += rest
    elif j == i:
        return None
    else:
        total = value
    return str(total), j


def _below_thousand(words: list[str], i: int) -> tuple[int, int]:
    """A number under a thousand from words[i] ("neuf cent soixante-douze"), or (0, i) if none."""
    value, j = _below_hundred(words, i)
    if j < len(words) and words[j] in _HUNDRED:
        hundreds = (value or 1) * 100
        rest, j = _below_hundred(words, j + 1)
        return hundreds + rest, j
    return value, j


def _below_hundred(words: list[str], i: int) -> tuple[int, int]:
    """A number under a hundred from words[i] ("quatre-vingt-dix-sept", "vingt et un"), or (0, i)."""
    word, following = _pair(words, i)
    if word == "quatre" and following in ("vingt", "vingts"):
        tens, j = 80, i + 2
    elif word in _TENS:
        tens, j = _TENS[word], i + 1
    else:
        return _unit_or_teen(words, i)
    if j + 1 < len(words) and words[j] == "et" and words[j + 1] in ("un", "une", "onze"):
        return tens + (11 if words[j + 1] == "onze" else 1), j + 2
    rest, k = _unit_or_teen(words, j)
    if k > j and (rest < 10 or tens in (60, 80)):  # "soixante-dix", "quatre-vingt-onze"
        return tens + rest, k
    return tens, j


def _unit_or_teen(words: list[str], i: int) -> tuple[int, int]:
    word, following = _pair(words, i)
    if word == "dix" and following in ("sept", "huit", "neuf"):
        return 10 + NUMBER_UNITS[following], i + 2
    if word in NUMBER_TEENS:
        return NUMBER_TEENS[word], i + 1
    if word in NUMBER_UNITS and word != "zero" and not (word == "quatre" and following in ("vingt", "vingts")):
        return NUMBER_UNITS[word], i + 1
    return 0, i


def _pair(words: list[str], i: int) -> tuple[str, str]:
    """words[i] and the word after it, "" past the end."""
    return (words[i] if i < len(words) else "", words[i + 1] if i + 1 < len(words) else "")
