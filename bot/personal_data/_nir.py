"""Social-security number (NIR) detector.

A NIR is 13 characters plus a 2-digit key: sex, year, month, department (2A/2B for
Corsica), commune, order number. Users type it grouped with spaces, dots, dashes,
slashes, even across a line break. A number whose key checks is taken anywhere; one
whose key fails is a mistyped NIR (a typo does not make it public) when its structure is
that of a person's number (sex 1/2/7/8, month 01-12, a department, non-zero commune and
order) and no other kind of reference introduces it ("facture", "commande", "colis");
after a cue ("mon numéro de sécu"), any plausible structure is enough, and the key may
be missing. A piece of a NIR is still a piece of the person's number: after a cue, a run of
5 to 12 digits is taken too ("mon n° de sécu commence par 1850578", "ma sécu finit par
08436"), unless it is an amount, a pair of years or an article of law.
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
# A NIR in its usual groups (one separator throughout) or in one piece, with its key: taken even in a
# row of other numbers ("Gaëlle Rivière 2 44 07 72 661 354 75 3952429084450", "1/01/03/21/025/428/47
# 07.62.43.95.00"), where the candidate above stops, when the key checks.
_GROUPED = re.compile(
    r"(?<![\w])(?<![\d][.\-/_])[1-478](?:(?P<sep>[ .\-/_])\d\d(?P=sep)\d\d(?P=sep)(?:\d\d|2[abAB])(?P=sep)\d{3}"
    r"(?P=sep)\d{3}(?P=sep)|\d{4}(?:\d\d|2[abAB])\d{6} ?)\d\d(?![\w])"
)

# Cue words seen before a NIR, matched on folded text.
_CUE = re.compile(
    r"(?:\bsecu\b|securite sociale|\bs\.?s\.?\b|\bnss\b|\bnir\b|insee|immatriculation"
    r"|vitale|numero social|matricule|\bn ?° ?ss\b|assure social)"
)
_CUE_WINDOW = 60
# What a NIR-shaped number with a failing key is when one of these words introduces it.
_OTHER_REFERENCE = re.compile(
    r"\b(?:factures?|commandes?|colis|ref|references?|dossiers?|tickets?|suivi|contrats?"
    r"|bons?\s+d[e']|bordereau|transactions?|recus?|avis|courriers?|lettres?|clients?|abonnes?"
    r"|police|sinistres?|devis|operations?|series?|cotisants?|allocataires?|pensions?|pajemploi|cesu"
    r"|urssaf|msa|adherents?|siret|siren)\b"
)
_OTHER_WINDOW = 45
_TAX = re.compile(r"\b(?:fiscale?s?|spi|impots?|nif)\b")
_KEY_AFTER = re.compile(
    r"\s*[,;]?\s*(?:et\s+)?(?:la\s+)?(?:cle|clef)\s*(?:[:=]|de\s+controle)?\s*(?:c'?\s?est\s+)?"
    r"(?P<key>\d{2})(?!\d)"
    # or in brackets, or after a slash: "1 25 03 24 474 120 (81)", "... 120/81"
    r"|(?P<bracketed>\s*(?:\(\s*\d{2}\s*\)|\[\s*\d{2}\s*\]))|\s*/\s*(?P<slashed>\d{2})(?![\d/])")

# A piece of a NIR after its cue: what starts a person's NIR (sex digit 1, 2, 7 or 8) or, after
# words saying it is the end, any digits; never an amount, a ceiling, a rate, a year pair or an
# article of law (said between the cue and the value, or just before the cue).
_PARTIAL = re.compile(
    rf"{_CUE.pattern}(?P<gap>[^\d\n?!.;]{{0,40}}?)(?<![\w.\-])"
    r"(?P<value>\d(?:[ .\-]?\d){4,11})(?![ .\-/]?\d)(?![\w]|,\s?\d)(?!\s*(?:€|e\b|eur\b|euros?\b|%|ans\b))"
)
_ENDING = re.compile(r"\b(?:termine|finit|fini|finissant|terminant|fin|derniers?)\b")
_NOT_PIECE = re.compile(
    r"\b(?:articles?|art|code|loi|decret|plafond|pass|taux|montant|somme|depuis|en|an|annee"
    r"|au|tel|telephone|appel\w*|numero\s+vert|contact\w*|joindre)\b"
)
_YEAR_PAIR = re.compile(r"(?:19|20)\d\d(?:19|20)\d\d")

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
    found = set()
    for match in _CANDIDATE.finditer(text):
        end = _end_of_nir(text, match)
        if _is_nir(folded, match):
            found.add(match.start())
            yield Finding("NIR", match.start(), end)
            yield from key_after(folded, end)
    for match in _GROUPED.finditer(text):
        compact = _SEPARATORS.sub("", match.group()).upper()
        if match.start() not in found and _structure_ok(compact) and _key_ok(compact):
            yield Finding("NIR", match.start(), match.end())
    yield from _pieces(folded)


def _end_of_nir(text: str, match: re.Match[str]) -> int:
    """Where a NIR typed over a line break ends: a key on the next line counts if it checks;
    otherwise the next line's number is another value ("Numéro SS : 1 72 01 99 911 677\n95 rue ...")."""
    value = match.group()
    if "\n" not in value:
        return match.end()
    compact = _SEPARATORS.sub("", value).upper()
    last_break = value.rfind("\n")
    if len(compact) == 15 and not _key_ok(compact) and len(_SEPARATORS.sub("", value[:last_break])) == 13:
        return match.start() + len(value[:last_break].rstrip())
    return match.end()


def key_after(folded: str, end: int) -> Iterator[Finding]:
    """The key typed apart right after a NIR: "... 084 clé 71", "... et la clé c'est 76"."""
    key = _KEY_AFTER.match(folded, end)
    if key:
        group = next(name for name in ("key", "bracketed", "slashed") if key.group(name))
        yield Finding("NIR", key.start(group), key.end(group))


def _is_nir(folded: str, match: re.Match[str]) -> bool:
    compact = _SEPARATORS.sub("", match.group()).upper()
    if len(compact) not in (13, 15) or not _structure_ok(compact):
        return False
    if len(compact) == 15 and _key_ok(compact):
        return True
    if _CUE.search(folded[max(0, match.start() - _CUE_WINDOW) : match.start()]):
        return True
    # Without a cue, the strict structure of a person's number, with or without its key ("sur mon
    # attestation y a que 13 chiffres 1560797364934"), unless another reference or a tax number
    # is named just before.
    before = folded[max(0, match.start() - _OTHER_WINDOW) : match.start()]
    return _personal_structure(compact) and not _OTHER_REFERENCE.search(before) and not _TAX.search(before)


def _pieces(folded: str) -> Iterator[Finding]:
    """Pieces of a NIR after a cue (the full-length forms are found above)."""
    for match in _PARTIAL.finditer(folded):
        gap, value = match.group("gap"), match.group("value")
        compact = _SEPARATORS.sub("", value)
        before = folded[max(0, match.start() - _OTHER_WINDOW) : match.start()]
        if _NOT_PIECE.search(gap) or _NOT_PIECE.search(before) or _YEAR_PAIR.fullmatch(compact):
            continue
        # "fin" said before the cue too: "la fin du numéro de sécu c'est 587 301 54"
        ending_before = _ENDING.search(folded, max(0, match.start() - 20), match.start())
        if compact[0] in "1278" or _ENDING.search(gap) or ending_before:
            yield Finding("NIR", match.start("value"), match.end("value"))
