"""French RIB: bank code, branch (guichet) code, account number and key, typed apart.

A RIB is the French form of the bank details inside an IBAN: 5 digits, 5 digits,
11 letters or digits, 2 digits. Typed in one row ("30004 00123 12345678901 45") its
shape is distinctive enough; a row whose key checks is taken anywhere, one with a
mistyped key after a bank word. With labels ("code banque : 30004", "guichet 00123",
"n° de compte 12345678901", "clé 45"), on one line or several, each value is masked as
soon as the account number or two of the parts are given; parts that follow one another
(in any order, words and line breaks between) make one span, from the first value to
the last, since together they are one account. Masked as bank details (IBAN).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._model import Finding
from ._text import digit_count, mentions

_ACCOUNT = r"(?=[a-z0-9]{0,10}\d)[a-z0-9]{11}"
_ROW_SEP = r"(?:[ \-./]{1,3}|[ \t]*\r?\n[ \t]*)"
_ROW = re.compile(
    rf"(?<![\w])(?P<bank>\d{{5}}){_ROW_SEP}(?P<branch>\d{{5}}){_ROW_SEP}"
    rf"(?P<account>{_ACCOUNT}){_ROW_SEP}?(?P<key>\d\d)(?![\w])"
)
_BANK_WORD = re.compile(r"\b(?:rib|banque|bancaire|compte|virement|guichet|iban|bic)\b")
_BANK_WORD_WINDOW = 80

_SEPARATOR = r"\s*(?:[:=\-]|n°|no)?\s*(?:(?:c'?est|est)\s+)?"
_PARTS: dict[str, re.Pattern[str]] = {
    "bank": re.compile(
        rf"\b(?:code\s*)?(?:banque|etablissement|etab|bq|bque)\b{_SEPARATOR}(?P<value>\d{{5}})(?![\w])"
    ),
    "branch": re.compile(
        rf"\b(?:code\s*)?(?:guichet|agence|gch|gui)\b{_SEPARATOR}(?P<value>\d{{5}})(?![\w])"
    ),
    "account": re.compile(
        rf"\b(?:(?:numero|num|n°|no)\s*(?:de\s*|du\s*)?)?(?:compte|cpte?)(?:\s*bancaire)?\b{_SEPARATOR}"
        rf"(?P<value>{_ACCOUNT})(?![\w])"
    ),
    "key": re.compile(rf"\bcle(?:\s*(?:du\s*)?rib)?\b{_SEPARATOR}(?P<value>\d\d)(?![\w])"),
}
# Every labelled part needs one of these words: a cheap test before the four patterns.
_PART_WORDS = ("banque", "etab", "bq", "guichet", "agence", "gch", "gui", "compte", "cpt", "cle")
# Parts closer than this (from one value's end to the next part's label) are one RIB.
_PART_GAP = 30
_LETTERS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyz", "12345678912345678923456789"
)


def rib_key_ok(bank: str, branch: str, account: str, key: str) -> bool:
    """The RIB key: 97 - (89 bank + 15 branch + 3 account) mod 97, letters as digits."""
    account_digits = account.lower().translate(_LETTERS)
    total = 89 * int(bank) + 15 * int(branch) + 3 * int(account_digits)
    return int(key) == 97 - total % 97


def find_rib(text: str, folded: str) -> Iterator[Finding]:
    """Yield RIB rows, then the labelled parts of a RIB typed apart."""
    del text  # the folded copy has the same offsets
    digits = digit_count(folded)
    if digits < 2:  # most messages: nothing to look for, at little cost
        return
    for match in _ROW.finditer(folded) if digits >= 13 else ():
        keyed = rib_key_ok(*match.group("bank", "branch", "account", "key"))
        window = folded[max(0, match.start() - _BANK_WORD_WINDOW) : match.start()]
        if keyed or _BANK_WORD.search(window):
            yield Finding("IBAN", match.start(), match.end())
    if not mentions(folded, _PART_WORDS):
        return
    parts = {name: list(pattern.finditer(folded)) for name, pattern in _PARTS.items()}
    if parts["account"] or sum(bool(found) for found in parts.values()) >= 2:
        matches = [m for found in parts.values() for m in found]
        yield from _joined(sorted(matches, key=lambda m: m.start()))


def _joined(matches: list[re.Match[str]]) -> Iterator[Finding]:
    """One span per run of neighbouring parts (matches sorted by position)."""
    start = end = -1
    for match in matches:
        if start >= 0 and match.start() - end <= _PART_GAP:
            end = max(end, match.end("value"))
            continue
        if start >= 0:
            yield Finding("IBAN", start, end)
        start, end = match.start("value"), match.end("value")
    if start >= 0:
        yield Finding("IBAN", start, end)
