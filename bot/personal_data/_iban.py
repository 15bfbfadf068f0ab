"""IBAN detector (any country), validated with python-stdnum.

Typed compact, in groups of any size, in lowercase, or wrapped over lines.

A candidate starts with a country code and two digits and runs over the following
letters and digits; since words typed after the IBAN (a BIC, "merci") join the run,
the longest prefix that validates is kept. A run whose checksum fails but whose shape is
exactly the country's (length and letters/digits layout, e.g. FR: 5 digits, 5 digits,
11 characters, 2 digits), ending at a word boundary, is a mistyped IBAN: masked too,
since a typo does not make the account details public.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from stdnum import iban as stdnum_iban
from stdnum import numdb
from stdnum.iso7064 import mod_97_10

from ._model import Finding

# Countries that issue IBANs (ISO 3166 codes, SWIFT registry).
_COUNTRIES = frozenset(
    """
    AD AE AL AT AZ BA BE BG BH BI BR BY CH CR CY CZ DE DJ DK DO EE EG ES FI FK FO FR GB GE
    GI GL GR GT HR HU IE IL IQ IS IT JO KW KZ LB LC LI LT LU LV LY MC MD ME MK MN MR MT MU
    NI NL NO OM PK PL PS PT QA RO RS RU SA SC SD SE SI SK SM SO ST SV TL TN TR UA VA VG XK
    YE
    """.split()
)

# Countries whose IBANs are not in the SWIFT registry (nor in stdnum's), used by their banks all the
# same (Morocco, Algeria, the CFA franc zones...): their length, the mod-97 as the only check.
_UNREGISTERED_LENGTHS = {
    "MA": 28, "DZ": 26, "SN": 28, "CI": 28, "CM": 27, "BJ": 28, "BF": 28, "ML": 28, "MG": 27, "TG": 28,
    "NE": 28, "TD": 27, "GA": 27, "CG": 27, "CF": 27, "KM": 27, "AO": 25, "CV": 25, "MZ": 25, "GW": 25,
}  # fmt: skip

_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z]{2})[ \-]?\d{2}(?:(?:[ \-.]{0,2}|[ \t]*\n[ \t]*)[A-Za-z0-9]){10,34}"
)
_MIN_LENGTH = 15  # Norway, the shortest IBAN
_IBAN_DB = numdb.get("iban")
_STRUCTURE_PART = re.compile(r"(\d+)!([nac])")
_PART_CLASSES = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Z0-9]"}


@lru_cache(maxsize=128)
def _layout(country: str) -> tuple[int, re.Pattern[str]] | None:
    """(IBAN length, BBAN pattern) of a country, from python-stdnum's registry."""
    info = _IBAN_DB.info(country)[0][1]
    if "bban" not in info:
        return None
    parts = _STRUCTURE_PART.findall(info["bban"])
    pattern = "".join(f"{_PART_CLASSES[kind]}{{{count}}}" for count, kind in parts)
    return 4 + sum(int(count) for count, _ in parts), re.compile(pattern)


def _mistyped_length(chars: str, positions: list[int]) -> int:
    """Length of a checksum-failing IBAN of the right shape at the start of chars, or 0."""
    layout = _layout(chars[:2])
    if layout is None or len(chars) < layout[0]:
        return 0
    length, bban = layout
    if len(chars) > length and positions[length] == positions[length - 1] + 1:
        return 0  # the run goes on within the same word: not this shape
    return length if bban.fullmatch(chars[4:length]) else 0


# Its beginning alone after its name ("le début de mon IBAN : FR76 3527 2118 1034", the rest in
# another message): a country, its key and groups of four are already the bank and the branch.
_NAMED_BEGINNING = re.compile(
    r"\biban\b[^\n\d]{0,30}?(?P<value>[a-z]{2}\d\d[ .\-]?\d{4}[ .\-]?(?=[a-z]*\d)[a-z0-9]{4}(?:[ .\-]?[a-z0-9]{4}){0,4})"
    r"(?![a-z0-9])")


def find_iban(text: str, folded: str) -> Iterator[Finding]:
    """Yield spans of IBANs, typed compact, spaced, dashed or in lowercase, even mistyped, and
    an IBAN's beginning after its name."""
    for match in _NAMED_BEGINNING.finditer(folded) if "iban" in folded else ():
        if match.group("value")[:2].upper() in _COUNTRIES:
            yield Finding("IBAN", match.start("value"), match.end("value"))
    pos = 0
    while match := _CANDIDATE.search(text, pos):
        pos = match.start() + 1  # a failed run may hide an IBAN that starts inside it
        country = match.group(1).upper()
        if country not in _COUNTRIES and country not in _UNREGISTERED_LENGTHS:
            continue
        positions = [i for i in range(match.start(), match.end()) if text[i].isalnum()]
        chars = "".join(text[i] for i in positions).upper()
        if country in _UNREGISTERED_LENGTHS:
            length = _UNREGISTERED_LENGTHS[country]
            if len(chars) >= length and mod_97_10.is_valid(chars[4:length] + chars[:4]):
                pos = positions[length - 1] + 1
                yield Finding("IBAN", match.start(), pos)
            continue
        for length in range(min(len(chars), 34), _MIN_LENGTH - 1, -1):
            # national checks are skipped: stdnum's bank registries are incomplete
            # (a Belgian IBAN from a bank it does not list fails), the mod-97 suffices
            if stdnum_iban.is_valid(chars[:length], check_country=False):
                end = positions[length - 1] + 1
                yield Finding("IBAN", match.start(), end)
                pos = end
                break
        else:
            length = _mistyped_length(chars, positions)
            if length:
                pos = positions[length - 1] + 1
                yield Finding("IBAN", match.start(), pos)
