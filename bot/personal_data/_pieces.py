"""Numbers typed in pieces: "28, 94, 17, 3", "06 puis 84 puis 30 puis 47 puis 87", "2;50;11;97;555;852;09",
"5505 / 1153 / 0497 / 1109".

People split a number to read it back, or because their phone's keyboard or a filter mangles it.
The pieces, three at least, are digit groups joined by commas, semicolons, slashes or "puis"; a number word or a
label is needed near them (before or after: "mon numéro caf c'est ...", "... c'est le fixe"), and
the digits together must have the length of the kind: 13 or 15 digits beginning with 1 or 2, a
social security number (13, a tax number after "fiscal"); 10 beginning with 0, or 33 and 9 more, a
phone; 16, a bank card; 7, an allocataire number; 8 to 13 after "msa", an MSA number. A list of
amounts or hours ("3, 4 et 5 enfants", "12, 15, 18 euros") has none of these lengths or no label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._model import Finding

# A comma joins pieces only with a space after it ("28, 94"), not in an amount ("187,33"); spaces
# alone join within a line.
_JOIN = r"(?:[ \t]*(?:,[ \t]+|[;/]|\bpuis\b|\bensuite\b)[ \t]*)"
_PIECES = re.compile(rf"(?<![\w.,/;])(?P<value>(?:\+|plus\s+)?\d{{1,5}}(?:(?:{_JOIN}|[ \t]+)\d{{1,5}}){{2,12}})(?![\w]|[.,/;]\d)")
_DATE = re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}")
_LABEL = re.compile(
    r"\b(?:numero|num|n°|no|secu|securite\s+sociale|nir|nss|allocataire|alloc|caf|fiscal\w*|tel|telephone|portable"
    r"|mobile|fixe|carte|cb|msa|adherent)\b")
_FISCAL = re.compile(r"\bfiscal")
_MSA = re.compile(r"\bmsa\b")
_NOT_AMOUNT = re.compile(r"\s*(?:€|e\b|eur|euros?|%|h\b|heures?|ans\b|enfants?|jours?|mois)")


def find_numbers_in_pieces(text: str, folded: str) -> Iterator[Finding]:
    """Yield numbers typed in pieces (see above)."""
    del text  # same offsets on the folded copy
    if not _LABEL.search(folded):
        return
    for match in _PIECES.finditer(folded):
        value = match.group("value")
        if not re.search(_JOIN, value) or _NOT_AMOUNT.match(folded, match.end()) or _DATE.search(value):
            continue  # groups joined by spaces alone are read by the other readers
        near = folded[max(0, match.start() - 50):match.start()] + " " + folded[match.end():match.end() + 50]
        if not _LABEL.search(near):
            continue
        kind = _kind("".join(re.findall(r"\d", value)), near)
        if kind:
            yield Finding(kind, match.start("value"), match.end("value"))


def _kind(digits: str, near: str) -> str | None:
    if _MSA.search(near) and 8 <= len(digits) <= 13:
        return "MSA"
    if len(digits) == 13 and _FISCAL.search(near):
        return "FISCAL"
    if len(digits) in (13, 15) and digits[0] in "12":
        return "NIR"
    if (len(digits) == 10 and digits[0] == "0") or (len(digits) == 11 and digits.startswith("33")):
        return "PHONE"
    if len(digits) == 16:
        return "CARD"
    if len(digits) == 7:
        return "ALLOCATAIRE"
    return None
