"""Social-security number (NIR) detector.

A NIR is 13 characters plus a 2-digit key: sex, year, month, department (2A/2B for
Corsica), commune, order number. Users type it grouped with spaces, dots, dashes,
slashes, even across a line break. A number whose key checks is taken anywhere; one
whose key fails is a mistyped NIR (a typo does not make it public) when its structure is
that of a person's number (sex 1/2/7/8, month 01-12, a department, non-zero commune and
order) and no other kind of reference introduces it ("facture", "commande", "colis");
after a cue ("mon numéro de sécu"), any plausible structure is enough, and the key may
be missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum.fr import nir as stdnum_nir

from ._model import Finding

_SEP = r"(?:[ .\-/_]{1,3}|[ \t]*\r?\n[ \t]*)"
# Separators that chain numbers on one line: a NIR is not a piece of a longer number.
_SAME_LINE = r"[ .\-/_]{1,3}"
# 13 to 15 characters, a separator allowed between any two; structure checked afterwards.
_CANDIDATE = re.compile(
    rf"(?<![\w])(?<!\d[ .\-/_])[1-478](?:{_SEP}?[0-9ABab]){{12,14}}(?![\w])(?!{_SAME_LINE}\d)"
)
_SEPARATORS = re.compile(r"[\s.\-/_]")

# Cue words seen before a NIR, matched on folded text.
_CUE = re.compile(
    r"(?:\bsecu\b|securite sociale|\bs\.?s\.?\b|\bnss\b|\bnir\b|insee|immatriculation"
    r"|vitale|numero social|matricule|\bn ?° ?ss\b|assure social)"
)
_CUE_WINDOW = 60
# What a NIR-shaped number with a failing key is when one of these words introduces it.
_OTHER_REFERENCE = re.compile(
    r"\b(?:factures?|commandes?|colis|ref|references?|dossiers?|tickets?|suivi|contrats?"
    r"|bons?|bordereau|transactions?|recus?|avis|courriers?|lettres?|clients?|abonnes?"
    r"|police|sinistres?|devis|operations?|series?)\b"
)
_OTHER_WINDOW = 30

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


def _personal_structure(compact: str) -> bool:
    """The strict structure of a person's NIR, for a mistyped one without a cue."""
    return (
        compact[0] in "1278"
        and 1 <= int(compact[3:5]) <= 12
        and compact[7:10] != "000"
        and compact[10:13] != "000"
    )


def _key_ok(compact: str) -> bool:
    return stdnum_nir.is_valid(compact)


def find_nir(text: str, folded: str) -> Iterator[Finding]:
    """Yield NIR spans: checksum-valid or strictly plausible ones anywhere, others after a cue."""
    for match in _CANDIDATE.finditer(text):
        compact = _SEPARATORS.sub("", match.group()).upper()
        if len(compact) not in (13, 15) or not _structure_ok(compact):
            continue
        if len(compact) == 15 and _key_ok(compact):
            yield Finding("NIR", match.start(), match.end())
            continue
        window = folded[max(0, match.start() - _CUE_WINDOW) : match.start()]
        if _CUE.search(window):
            yield Finding("NIR", match.start(), match.end())
            continue
        other = _OTHER_REFERENCE.search(folded, max(0, match.start() - _OTHER_WINDOW), match.start())
        if len(compact) == 15 and _personal_structure(compact) and not other:
            yield Finding("NIR", match.start(), match.end())
