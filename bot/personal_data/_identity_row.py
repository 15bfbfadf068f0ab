"""Values typed in a row with a person's identity and no label of their own.

People paste or type all their identifiers at once: "Yves Chevalier 7773099 08/10/1941",
"BOUVIER CHRISTOPHE|179092289717569|9239767|116 bis impasse ...". Once the other readers have
found two identity values in the message (a name, a NIR, a phone...), a bare seven-digit number
right beside them is the Caf's allocataire number, thirteen digits whose check digits hold are
the tax number, and a full past date is the birth date: an amount or an appointment is said
with its words ("1 234 €", "rdv le 15/06"), not typed between identifiers. Seven digits typed right
after a name alone are the allocataire number too ("c'est Lucas Perrin, 2944965").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from stdnum.fr import nif

from ._census import census_first_names
from ._lexicon import FIRST_NAMES, MONTHS_PATTERN
from ._model import Finding

if TYPE_CHECKING:
    from ._names import NameLexicon

_IDENTITY_KINDS = frozenset({"NAME", "NIR", "PHONE", "EMAIL", "ADDRESS", "IBAN"})
_MIN_IDENTITY_VALUES = 2
_SEVEN_DIGITS = re.compile(r"(?<![\w/.,\-+])\d{7}(?![\w/.\-]|,\d|\s?(?:€|%|e\b|eur|euros?\b|ans\b|h\b))")
_THIRTEEN_DIGITS = re.compile(r"(?<![\w/.,\-+])[0-3]\d{12}(?![\w/.,\-])")
_DATE = re.compile(
    r"(?<![\w/.\-])(?:(?:0?[1-9]|[12]\d|3[01])(?P<sep>[/.\-])(?:0?[1-9]|1[0-2])(?P=sep)(?P<year>(?:19|20)?\d\d)"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?P<compact_year>(?:19|20)\d\d)"
    rf"|(?:[1-9]|[12]\d|3[01])\s(?:{MONTHS_PATTERN})\s(?P<said_year>(?:19|20)\d\d))(?![\w/.\-])")
# A first name, and the surname or first name beside it, typed in any case: "mariam benard", "Maëva".
_NAME = re.compile(r"(?<![\w@.'’\-])([^\W\d_]{2,})(?: ([^\W\d_]{2,}))?(?![\w@.'’\-])")
# A birth date lies in the past, before this year (a newborn's is said with "né").
_YEARS_BEFORE = 1
# Values of a row are side by side: only separators between them.
_BETWEEN_VALUES = re.compile(r"[\s,;|/\-–:>]{1,4}")


def find_values_in_identity_row(folded: str, found: list[Finding], lexicon: NameLexicon) -> Iterator[Finding]:
    """Bare allocataire and tax numbers, birth dates and first names typed right beside other identity
    values, in a message that holds two of them at least."""
    sevens = [Finding("ALLOCATAIRE", m.start(), m.end()) for m in _SEVEN_DIGITS.finditer(folded)]
    if sum(f.type in _IDENTITY_KINDS for f in found) < _MIN_IDENTITY_VALUES:
        # one's own name is enough for the bare seven digits typed right after it: "c'est Lucas
        # Perrin, 2944965", "Alexandre Rousseau\n6519346"
        names = [f for f in found if f.type == "NAME"]
        yield from (seven for seven in sevens
                    if any(_BETWEEN_VALUES.fullmatch(folded[name.end : seven.start]) for name in names))
        return
    candidates = list(sevens)
    candidates += [Finding("FISCAL", m.start(), m.end()) for m in _THIRTEEN_DIGITS.finditer(folded)
                   if nif.is_valid(m.group())]
    candidates += [Finding("BIRTHDATE", m.start(), m.end()) for m in _DATE.finditer(folded) if _past(m)]
    candidates += [Finding("NAME", m.start(), m.end()) for m in _NAME.finditer(folded) if _first_name_in(m, lexicon)]
    row = list(found)
    for _ in range(len(candidates)):  # a value beside one just taken is in the row too
        taken = [c for c in candidates if _beside(folded, c, row)]
        if not taken:
            return
        yield from taken
        row += taken
        candidates = [c for c in candidates if c not in taken]


def _past(typed: re.Match[str]) -> bool:
    year = typed.group("year") or typed.group("compact_year") or typed.group("said_year")
    return len(year) == 2 or int(year) <= date.today().year - _YEARS_BEFORE


def _first_name_in(words: re.Match[str], lexicon: NameLexicon) -> bool:
    """A known first name, and no word that is never a name ("France Travail", "merci")."""
    typed = [word for word in words.groups() if word]
    known = FIRST_NAMES | census_first_names()
    return any(word in known for word in typed) and not any(lexicon.never(word) for word in typed)


def _beside(folded: str, candidate: Finding, row: list[Finding]) -> bool:
    return any(_BETWEEN_VALUES.fullmatch(folded[value.end : candidate.start])
               or _BETWEEN_VALUES.fullmatch(folded[candidate.end : value.start]) for value in row)
