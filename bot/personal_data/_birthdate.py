"""Date-of-birth detector.

A date is personal data here only when a cue says it is a birth date ("né le 12/03/1985",
"née à Lyon le 3 mars 1990", "date de naissance : 03.02.85", "ddn 12031985"). Dates of
events ("depuis le 12 mars", "le 5 du mois") are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._model import Finding

_MONTH_NAMES = (
    r"janvier|janv|fevrier|fevr|fev|mars|avril|avr|mai|juin|juillet|juil|aout"
    r"|septembre|sept|octobre|oct|novembre|nov|decembre|dec"
)
_DAY = r"(?:[0-2]?\d|3[01])(?:er)?"
_SEP = r"\s*[/.\-]\s*|\s+"
_DATE = (
    rf"(?P<date>{_DAY}(?:{_SEP})(?:0?[1-9]|1[0-2])(?:{_SEP})(?:19|20)?\d\d"
    rf"|{_DAY}\s*(?:{_MONTH_NAMES})\.?(?:\s*(?:19|20)?\d\d)?"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d)(?![\d/])"
)
# "né", "née", "ne(e)", "nés": the folded copy has no accents; "ne" alone is also the
# negation, hence the "le"/"à ... le" that must follow it.
_BORN = r"\bn[e]e?s?(?:\(e\)s?)?\s+(?:(?:a|au|en)\s+[a-z' \-]{1,30}?\s+)?(?:le\s*:?\s*|ce\s+)"
_LABEL = (
    # "date de naissance de mon fils : ..." : a few words may sit between label and date
    r"(?:(?:\bdate\s*(?:de\s*)?naiss(?:ance)?|\bddn)[^\d\n?!]{0,25}?|\bnaissance\s*:\s*)"
)
_PATTERN = re.compile(rf"(?:{_BORN}|{_LABEL}){_DATE}")


def find_birthdate(text: str, folded: str) -> Iterator[Finding]:
    """Yield spans of dates introduced by a birth cue."""
    del text  # same offsets on the folded copy
    for match in _PATTERN.finditer(folded):
        yield Finding("BIRTHDATE", match.start("date"), match.end("date"))
