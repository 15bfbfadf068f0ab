"""Bank card detector: the card number, and the expiry date and security code typed with it.

A card number is 13 to 19 digits (14 excepted), typed in one block, in groups of 4
(Amex: 4-6-5) or in pairs, possibly wrapped to the next line. Without a cue, only a number
typed as a card whose first digits belong to a card network and whose Luhn key checks is
taken: a SIRET (14 digits, same Luhn key) or a NIR (15 digits, never 34/37 like an Amex) never
is; four groups of four of a card network are a card even with a digit wrong, unless an order,
an invoice or a contract is named just before. After a cue ("carte bancaire", "CB", "visa"...,
or "valable jusqu'au" right after the number), a number of the right shape is masked even when
a mistyped digit breaks the key, since it still gives the card away. The expiry ("09/27", "exp
0927") and the code on the back ("cvv 123", "le code derrière 210") are masked only in a
message about a card.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import luhn

from ._lexicon import MONTHS_PATTERN
from ._model import Finding
from ._text import digit_count, mentions

_BEFORE = r"(?<![\w.,+/])(?<!\d[ \-.])"
# Alternatives tried in this order at each position: one block, Amex, groups of 4 (the
# last one may be short), then any grouping in pairs to sixes (only after a cue).
_NUMBER = re.compile(
    _BEFORE
    + r"(?:(?P<block>\d{13,19})"
    r"|(?P<amex>\d{4}(?P<sa>[ \-.])\d{6}(?P=sa)\d{4,5})"
    # a group may wrap to the next line: "4251 3597\n4277 8531"
    r"|(?P<fours>\d{4}(?P<sf>[ \-.]{1,2})\d{4}(?:(?:(?P=sf)|[ \t]*\n[ \t]*)\d{4}){1,2}"
    r"(?:(?P=sf)\d{1,3})?)"
    r"|(?P<other>\d{2,6}(?:[ \-.]\d{2,6}){2,8}(?!\s?/\s?\d)))"
    r"(?!\d)(?![.,]\d)"
)

_CUE = re.compile(
    r"carte\s*(?:bancaire|banquaire|bleue?|de\s*credit|credit|de\s*paiement|de\s*debit|visa"
    r"|master\s*card|prepayee|nickel)|\bcb\b|\bvisa\b|master\s*card|\bamex\b"
    r"|american\s*express|\bmaestro\b|\be-?carte\b|\bnumero\s*de\s*(?:la\s*)?carte\b(?!\s*vitale)"
    r"|\bn°\s*(?:de\s*)?carte\b(?!\s*vitale)|\bcvv\b|\bcvc\b|cryptogramme"
    r"|\b(?:code\s*(?:de\s*securite\s*)?|(?:3|trois)\s*chiffres\s*)(?:derriere|au\s*dos|au\s*verso)"
    # "ma carte 4970 ...": any card but the other cards people own
    r"|\bcartes?\b(?!\s*(?:vitale|d'?\s*identite|d'?\s*id\b|nationale|de\s*s[ae]jour|de\s*resident"
    r"|grise|mutuelle|de\s*tiers|europeenne|d'?\s*invalidite|mobilite|cmi|d'?\s*electeur))"
    # in other languages: "mit meiner Karte 2221 ...", "płaciłem kartą", "con la tarjeta", "la carta", "my card"
    r"|\b(?:karte|karta|tarjeta|carta|card|kart|kartim)\b"
)
# Substrings one of which every cue holds.
_CUE_HINTS = ("carte", "cb", "visa", "master", "amex", "american", "maestro", "cvv", "cvc", "crypto", "cripto", "derriere",
              "au dos", "verso", "karte", "kart", "tarjeta", "carta", "card")
# Right after a number, what only a card has: "4467 ... 1615 valable jusqu'au 04/2028".
_EXPIRY_AFTER = re.compile(r"\s*,?\s*(?:valable\s*jusqu|exp\w*|date\s*d'?\s*exp)")
_CUE_BEFORE = 80
_CUE_AFTER = 30

_MONTH_YEAR = r"(?:0?[1-9]|1[0-2])\s?[/\-.]\s?(?:20)?\d\d(?![\d/])"
_EXPIRY_WORD = (
    r"(?:\bexp\w*\.?|\bdate\s*(?:d'?\s*)?exp\w*\.?|\bvalid\w*|\bvalable|\bval\.?|\bfin\s*de\s*validite"
    r"|\bjusqu'?\s*(?:au|a|en|fin)?|\bfin"
    # other languages: "gültig bis", "data ważności", "scad.", "caducidad", "vencimento", "son kullanma"
    r"|\bgultig\s+bis|\bdata\s+waznosci|\bscad(?:enza)?\.?|\bcaducidad|\bvencimi?ento|\bson\s+kullanma)"
)
_CVV_WORD = (
    r"(?:\bcvv2?\b|\bcvc2?\b|\bccv\b|\bcr[iy]pto\w*(?:\s*visuel)?|\bcode\s*(?:de\s*)?(?:securite"
    r"|verification|au\s*dos|au\s*verso|derriere)"
    r"|\b(?:les\s*)?(?:3|trois)\s*chiffres(?:\s*(?:au\s*dos|au\s*verso|derriere))?|\bau\s*dos\b|\bderriere\b"
    r"|\bcode\b(?!\s*(?:postal|pin|confidentiel|secret|d'?\s*acces))"
    r"|\bprufnummer\b|\bcodigo\b|\bcodice\b|\bsecurity\s+code\b)"
)
# The code on the back told to someone a few words later: "il m'a demandé les 3 chiffres derrière la
# carte, je lui ai dit 481".
_CVV_TOLD = re.compile(
    r"\b(?:3|trois)\s*chiffres\s*(?:derriere|au\s*dos|au\s*verso)[^.?!\n\d]{0,40}?"
    r"\b(?:dit|donne|donnee|tape|mis|communique|envoye|ecrit)\s*:?\s*(?P<value>\d{3})(?![\d€%])"
    r"(?!\s*(?:fois|ans|euros?)\b)")
_LINK = (
    r"\s*(?:[:=,]|\(|-)?\s*(?:(?:(?:c'?\s?est|c|est|le|du|en|fin|au|a|dos|verso|derriere)\b|:)\s*)*"
    r"[\"«“]?\s*"
)
# The expiry also spoken or written in full: "expire avril 2026", "expiration juillet 29"; after
# the number, "la date c'est 01/31".
_EXPIRY = re.compile(
    rf"(?:{_EXPIRY_WORD}{_LINK}|\bdate\s*(?::|c'?\s?est)?\s*)"  # "date 05/27", but not "en date du 12/03"
    rf"(?P<value>{_MONTH_YEAR}|(?:0[1-9]|1[0-2])\s?(?:20)?\d\d(?!\d)|(?:{MONTHS_PATTERN})\s+(?:20)?\d\d(?!\d))"
)
_CVV = re.compile(rf"{_CVV_WORD}{_LINK}(?P<value>\d{{3,4}})(?![\d/,.]\d|\d)")
# Right after the number: "4970 ... 7895 09/27 123", "..., 09/2027, 123", "... / 01/30 / 219".
_TAIL = re.compile(rf"[ ,;/\-\n]{{1,3}}(?P<expiry>{_MONTH_YEAR})(?:[ ,;/\-\n]{{1,3}}(?P<cvv>\d{{3,4}})(?!\d))?")

_USUAL_LENGTHS = frozenset({15, 16, 19})
_FOUR_BY_FOUR = re.compile(r"\d{4}([ .\-])\d{4}\1\d{4}\1\d{4}")
# Other numbers grouped by four: an order, an invoice, a parcel, a contract...
_NOT_A_CARD = re.compile(
    r"\b(?:commandes?|factures?|colis|suivi|ref|references?|contrats?|dossiers?|clients?|tickets?|avis)\b"
)
# 14 digits is left out: Diners cards now have 16, and a SIRET has 14 with the same key.
_LENGTHS = frozenset({13, 15, 16, 17, 18, 19})


def _network_ok(digits: str) -> bool:
    """Do the first digits belong to a card network (Visa, Mastercard, CB, Amex...)?"""
    if len(digits) == 15:
        return digits[:2] in ("34", "37")
    return (
        digits[0] in "46"  # Visa; Maestro, Discover, UnionPay
        or 50 <= int(digits[:2]) <= 58  # Mastercard, Maestro
        or 2221 <= int(digits[:4]) <= 2720  # Mastercard
        or digits[:2] == "35"  # JCB
    )


def _cued(folded: str, start: int, end: int) -> bool:
    window = folded[max(0, start - _CUE_BEFORE) : start] + " " + folded[end : end + _CUE_AFTER]
    return bool(_CUE.search(window) or _EXPIRY_AFTER.match(folded, end))


def _card_span(match: re.Match[str], folded: str) -> tuple[int, int] | None:
    """The span of the card number in this match, if it is one (a trailing group may be left)."""
    start, end = match.span()
    if sum(c.isdigit() for c in match.group()) < 13:  # phone numbers, dates: the usual case
        return None
    # cut at group boundaries, longest first, so "4970 1012 3456 7895 123" leaves the CVV
    gaps = re.finditer(r"[ \-.]+", match.group())
    cuts = [end] + sorted((start + m.start() for m in gaps), reverse=True)
    candidates = [
        (cut, digits)
        for cut in cuts
        if len(digits := re.sub(r"\D", "", folded[start:cut])) in _LENGTHS
    ]
    valid = [c for c in candidates if luhn.is_valid(c[1]) and _network_ok(c[1])]
    if match.group("other"):  # odd groupings (a NIR, a SIRET): cards of usual lengths only,
        # of a card network when mistyped after a cue ("american express 370035 226754 045")
        candidates = [c for c in candidates if len(c[1]) in _USUAL_LENGTHS and _network_ok(c[1])]
        valid = [c for c in valid if len(c[1]) in _USUAL_LENGTHS]
    if _cued(folded, start, end):
        chosen = (valid or candidates)[:1]
    else:
        chosen = [c for c in valid if not match.group("other")]
        # "4014 7848 2518 4368" with a digit wrong: four groups of four of a card network
        if not chosen and not _NOT_A_CARD.search(folded, max(0, start - _CUE_AFTER), start):
            chosen = [c for c in candidates if _FOUR_BY_FOUR.fullmatch(folded, start, c[0]) and _network_ok(c[1])]
    return (start, chosen[0][0]) if chosen else None


def find_card(text: str, folded: str) -> Iterator[Finding]:
    """Yield card numbers, then the expiry dates and codes of a message about a card."""
    del text  # digits and cues read the same on the folded copy
    digits = digit_count(folded)
    if digits < 3:  # most messages: nothing to look for, at little cost
        return
    numbers: list[tuple[int, int]] = []
    for match in _NUMBER.finditer(folded) if digits >= 13 else ():
        span = _card_span(match, folded)
        if span is not None:
            numbers.append(span)
            yield Finding("CARD", *span)
            tail = _TAIL.match(folded, span[1])
            if tail:
                yield Finding("CARD", tail.start("expiry"), tail.end("expiry"))
                if tail.group("cvv"):
                    yield Finding("CARD", tail.start("cvv"), tail.end("cvv"))
    if not numbers and not (mentions(folded, _CUE_HINTS) and _CUE.search(folded)):
        return
    for pattern in (_EXPIRY, _CVV, _CVV_TOLD):
        for match in pattern.finditer(folded):
            yield Finding("CARD", match.start("value"), match.end("value"))
