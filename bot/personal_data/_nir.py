"""Social-security number (NIR) detector.

A NIR is 13 characters plus a 2-digit key: sex, year, month, department (2A/2B for
Corsica), commune, order number. Users type it grouped with spaces, dots or dashes.
Without a cue, only a number whose key checks is taken, so that invoice or parcel
numbers of the same length are left alone; after a cue ("mon numéro de sécu"), a number
with a mistyped key or without its key is masked too, since it still identifies the user.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum.fr import nir as stdnum_nir

from ._model import Finding

_SEP = r"(?:[ .\-]{1,3})"
# 13 to 15 characters, a separator allowed between any two; structure checked afterwards.
_CANDIDATE = re.compile(
    rf"(?<![\w])(?<!\d[ .\-])[1-478](?:{_SEP}?[0-9ABab]){{12,14}}(?![\w])(?!{_SEP}\d)"
)

# Cue words seen before a NIR, matched on folded text.
_CUE = re.compile(
    r"(?:\bsecu\b|securite sociale|\bs\.?s\.?\b|\bnss\b|\bnir\b|insee|immatriculation"
    r"|vitale|numero social|matricule|\bn ?° ?ss\b|assure social)"
)
_CUE_WINDOW = 60

# Sex digit: 1/2, 3/4 (temporary), 7/8 (foreigners awaiting registration).
_SEX_DIGITS = frozenset("123478")


def _month_ok(month: str) -> bool:
    value = int(month)
    return 1 <= value <= 12 or 20 <= value <= 42 or 50 <= value <= 99


def _structure_ok(compact: str) -> bool:
    """Check sex digit, month and department; stdnum checks none of them."""
    if compact[0] not in _SEX_DIGITS or not compact[1:5].isdigit():
        return False
    if not _month_ok(compact[3:5]):
        return False
    department = compact[5:7]
    if department not in ("2A", "2B") and (not department.isdigit() or department == "00"):
        return False
    return compact[7:].isdigit()


def _key_ok(compact: str) -> bool:
    return stdnum_nir.is_valid(compact)


def find_nir(text: str, folded: str) -> Iterator[Finding]:
    """Yield NIR spans: checksum-valid ones anywhere, others only after a cue."""
    for match in _CANDIDATE.finditer(text):
        compact = re.sub(r"[ .\-]", "", match.group()).upper()
        if len(compact) not in (13, 15) or not _structure_ok(compact):
            continue
        if len(compact) == 15 and _key_ok(compact):
            yield Finding("NIR", match.start(), match.end())
            continue
        window = folded[max(0, match.start() - _CUE_WINDOW) : match.start()]
        if _CUE.search(window):
            yield Finding("NIR", match.start(), match.end())
