"""Phone number detector, validated with `phonenumbers`.

Numbers are typed in many ways (06 12 34 56 78, 06.12.34.56.78, 06/12/34/56/78,
+33 (0)6 12 34 56 78, 0033 6..., 0692 12 34 56 for La Réunion). The text is cut into
runs of digit groups joined by separators; a run is split into valid numbers, allowing
one stray group at each end ("né en 1985 0612345678"). A number carved out of a longer
run must look like a phone number (usual grouping) so that a 13-digit reference with a
bad key is not half-masked as a phone. Numbers spelled out, in full or in part
("zéro six douze trente-quatre...", "06 douze 34 cinquante-six 78"), are read back
into digits and validated the same way. Right after its name ("mon portable", "tél"), a
number with a digit missing or one too many, or in a range not allocated yet, is still the person's. Numbers of 09 69, the
non-premium range that funds and services use, and a switchboard ("standard : 03 ..."), are public.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberType

from ._lexicon import NUMBER_TEENS, NUMBER_TENS, NUMBER_UNITS
from ._model import Finding

_TOKEN = re.compile(r"\(0\)|\(\+\d{1,3}\)|(?<![\w+])\+?\d+(?![^\W\d_])")
# A line break may cut a number typed on a phone ("06 76 98\n81 66").
_GAP = re.compile(r"[ .\-/]{1,3}|\)[ .\-]?|[ \t]*\r?\n[ \t]*")  # "(06) 38 52 47 19"

# A national number is read in metropolitan France unless its prefix is an overseas one.
_OVERSEAS_PREFIXES = {
    "0262": "RE", "0263": "RE", "0692": "RE", "0693": "RE",
    "0590": "GP", "0690": "GP", "0691": "GP",
    "0596": "MQ", "0696": "MQ", "0697": "MQ",
    "0594": "GF", "0694": "GF",
    "0269": "YT", "0639": "YT",
}  # fmt: skip

# Service numbers (free, premium, shared cost) are public, not personal data.
_PERSONAL_TYPES = frozenset(
    {
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.MOBILE,
        PhoneNumberType.FIXED_LINE_OR_MOBILE,
        PhoneNumberType.VOIP,
        PhoneNumberType.PERSONAL_NUMBER,
        PhoneNumberType.PAGER,
    }
)

# Groupings people use for a 10-digit national number.
_NATIONAL_SHAPES = frozenset(
    {(10,), (2, 2, 2, 2, 2), (4, 2, 2, 2), (1, 3, 2, 2, 2), (2, 4, 4), (4, 3, 3), (4, 6), (1,) * 10}
)


@dataclass(frozen=True)
class _Group:
    text: str
    start: int
    end: int


# A line that ends with a whole date or a NIR ("06/05/1985", "date de naissance 27/09/1971").
_COMPLETE_LINE = re.compile(
    r"(?:(?:^|\n)[ \t\-•*]*|(?<=[^\W\d_]) |(?<=[^\W\d_] :) )"
    r"(?:\d\d?[/.\-]\d\d?[/.\-]\d{2,4}|\d(?:[ .\-]?\d){11,})[ \t]*$")
# A whole date ends a run: "[02/04/2025 11:05]" is a message's time stamp (a pasted WhatsApp
# thread), not the phone number "02 04 20 25 11".
_DATE_AT_END = re.compile(r"(?<![\d/.\-])\d\d?([/.\-])[01]?\d\1(?:19|20)\d\d$")


def _runs(text: str) -> Iterator[list[_Group]]:
    """Split the text into runs of digit groups separated only by separators."""
    run: list[_Group] = []
    for match in _TOKEN.finditer(text):
        group = _Group(match.group(), match.start(), match.end())
        if run:
            gap = text[run[-1].end : group.start]
            paren = group.text == "(0)" or run[-1].text == "(0)"
            joined = _GAP.fullmatch(gap) or (paren and gap.strip(" ") == "")
            if joined and "\n" in gap and _COMPLETE_LINE.search(text, 0, run[-1].end):
                joined = None  # a date of birth or a NIR on the line before ("06/05/1985\n07 58 39 04 07")
            if joined and len(run) >= 3 and _DATE_AT_END.search(text, run[-3].start, run[-1].end):
                joined = None
            if not joined or group.text.startswith(("+", "(+")):
                yield run
                run = []
        run.append(group)
    if run:
        yield run


_SERVICES = ("08", "0969")
# The funds' own lines outside the 09 69 range, called from abroad: the Assurance retraite,
# and the Assurance maladie's "+33 1 84 90 36 46" (ameli.fr, contact page).
_PUBLIC_LINES = frozenset({"0971103960", "+33971103960", "0184903646", "+33184903646"})
_MOBILE = re.compile(r"(?:0|\+33)[67]\d{8}")


@lru_cache(maxsize=2048)
def _valid(number: str) -> bool:
    """Is this digit string ('+…' or national '0…') a personal phone number?"""
    if number.startswith("+33969") or number in _PUBLIC_LINES:
        return False
    if _MOBILE.fullmatch(number):
        # 07 00 to 07 29 are not allocated yet: typed by a person, still their number
        return True
    try:
        if number.startswith("+"):
            candidates = [phonenumbers.parse(number, None)]
        elif len(number) == 10 and number.startswith("0") and not number.startswith(_SERVICES):
            # 08 numbers are service lines (free, shared cost) in France, and 09 69 the
            # non-premium numbers of services (the funds' own lines among them)
            region = _OVERSEAS_PREFIXES.get(number[:4], "FR")
            candidates = [phonenumbers.parse(number, region)]
        else:
            return False
    except phonenumbers.NumberParseException:
        return False
    return any(
        phonenumbers.is_valid_number(n) and phonenumbers.number_type(n) in _PERSONAL_TYPES
        for n in candidates
    )


def _piece(groups: list[_Group]) -> tuple[bool, bool]:
    """(is a valid number, is well grouped) for consecutive groups."""
    first = groups[0].text.strip("()")  # "(+33)" is "+33"
    digits_groups = [g.text.strip("()") for g in groups if g.text != "(0)"]
    if first.startswith("+") or first.startswith("00"):
        head = "+" + first.lstrip("+")[2:] if first.startswith("00") else first
        rest = digits_groups[1:]
        if head == "+" and rest:  # "00 33 6..." typed with a space after 00
            head, rest = "+" + rest[0], rest[1:]
        number = head + "".join(rest)
        if not 8 <= len(number) - 1 <= 15:
            return False, False
        if _valid(number):
            return True, True
        # "+33 06 12 ..." : the national 0 kept after the country code
        if rest and rest[0].startswith("0") and _valid(head + "".join(rest)[1:]):
            return True, True
        return False, False
    if not first.startswith("0"):
        return False, False
    number = "".join(digits_groups)
    if len(number) != 10 or not _valid(number):
        return False, False
    return True, tuple(len(g) for g in digits_groups) in _NATIONAL_SHAPES


# Ten: a national number typed digit by digit ("0 6 1 2 3 4 5 6 7 8") is one piece.
_MAX_PIECE_GROUPS = 10
_MAX_RUN_GROUPS = 30  # longer runs are not phone numbers typed by hand: scan greedily


def _split(run: list[_Group]) -> list[tuple[int, int]]:
    """Best cover of a run by valid numbers, as (first, last) group indexes."""
    n = len(run)
    valid: dict[tuple[int, int], bool] = {}
    for i in range(n):
        if not run[i].text.startswith(("0", "+", "(+")):
            continue
        for j in range(i, min(n, i + _MAX_PIECE_GROUPS)):
            ok, shaped = _piece(run[i : j + 1])
            if ok:
                valid[(i, j)] = shaped
    if not valid:
        return []
    if (0, n - 1) in valid:
        return [(0, n - 1)]
    if n > _MAX_RUN_GROUPS:
        return _greedy(valid, n)
    for left, right in ((0, 0), (1, 0), (0, 1), (1, 1)):
        cover = _partition(valid, left, n - right)
        if cover:
            return cover
    return []


def _partition(valid: dict[tuple[int, int], bool], lo: int, hi: int) -> list[tuple[int, int]]:
    """Cover groups lo..hi-1 exactly with well-grouped valid numbers (dynamic programming)."""
    if lo >= hi:
        return []
    # back[k]: start of the last piece of a cover of lo..k-1, if such a cover exists
    back: dict[int, int] = {lo: lo}
    for k in range(lo + 1, hi + 1):
        for i in range(max(lo, k - _MAX_PIECE_GROUPS), k):
            if i in back and valid.get((i, k - 1)):
                back[k] = i
                break
    if hi not in back:
        return []
    pieces = []
    k = hi
    while k > lo:
        pieces.append((back[k], k - 1))
        k = back[k]
    return pieces[::-1]


def _greedy(valid: dict[tuple[int, int], bool], n: int) -> list[tuple[int, int]]:
    """Leftmost-longest well-grouped numbers, for runs too long to be typed by hand."""
    longest: dict[int, int] = {}
    for (a, j), shaped in valid.items():
        if shaped:
            longest[a] = max(j, longest.get(a, -1))
    pieces = []
    i = 0
    while i < n:
        j = longest.get(i, -1)
        if j >= 0:
            pieces.append((i, j))
            i = j + 1
        else:
            i += 1
    return pieces


_AND_UNITS = {"un": 1, "une": 1, "onze": 11}  # "vingt et un", "soixante et onze"
_NUMBER_WORDS = re.compile(
    r"\b(?:zero|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante)\b"
)
_SPELLED_TOKEN = re.compile(r"[a-z]+|\d+")
_SPELLED_GAP = re.compile(r"[\s,.\-/]*")


def _spelled_runs(folded: str) -> Iterator[list[tuple[str, int, int]]]:
    """Runs of number words and digit groups, as (token, start, end)."""
    run: list[tuple[str, int, int]] = []
    for match in _SPELLED_TOKEN.finditer(folded):
        token = match.group()
        number = token.isdigit() or token in NUMBER_UNITS or token in NUMBER_TEENS or token in NUMBER_TENS
        number = number or token in ("et", "vingts")
        joined = run and _SPELLED_GAP.fullmatch(folded, run[-1][2], match.start())
        if not number or (run and not joined):
            if len(run) >= 2:
                yield run
            run = []
        if number:
            run.append((token, match.start(), match.end()))
    if len(run) >= 2:
        yield run


def _options(tokens: list[tuple[str, int, int]], i: int) -> list[tuple[str, int]]:
    """Readings of the number that starts at tokens[i], as (digits, next index).

    Spoken numbers are ambiguous ("soixante quinze" is 75, or 60 then 15): the compound
    reading comes first, the others after, and the caller keeps the first reading that
    makes a valid phone number.
    """
    word = tokens[i][0]
    nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
    if word.isdigit():
        return [(word, i + 1)]
    if word == "quatre" and nxt.startswith("vingt"):
        return _tens_options(80, tokens, i + 2) + [("4", i + 1)]
    if word in NUMBER_TENS:
        return _tens_options(NUMBER_TENS[word], tokens, i + 1)
    if word == "dix" and nxt in ("sept", "huit", "neuf"):
        return [(str(10 + NUMBER_UNITS[nxt]), i + 2), ("10", i + 1)]
    if word in NUMBER_TEENS:
        return [(str(NUMBER_TEENS[word]), i + 1)]
    if word in NUMBER_UNITS:
        return [(str(NUMBER_UNITS[word]), i + 1)]
    return []  # "et", "vingts" out of place


def _tens_options(tens: int, tokens: list[tuple[str, int, int]], j: int) -> list[tuple[str, int]]:
    """Readings after a tens word: "soixante dix huit", "vingt et un", "trente quatre"."""
    nxt = tokens[j][0] if j < len(tokens) else ""
    after = tokens[j + 1][0] if j + 1 < len(tokens) else ""
    options = []
    if tens in (60, 80) and nxt in NUMBER_TEENS:
        options.extend((str(tens + int(v)), k) for v, k in _options(tokens, j) if len(v) == 2)
    if nxt == "et" and after in _AND_UNITS:
        options.append((str(tens + _AND_UNITS[after]), j + 2))
    # "cinquante quatre vingt douze" is 50 92: "quatre vingt" belongs together
    if nxt in NUMBER_UNITS and nxt != "zero" and not (nxt == "quatre" and after.startswith("vingt")):
        options.append((str(tens + NUMBER_UNITS[nxt]), j + 1))
    options.append((str(tens), j))
    return options


_MAX_READINGS = 200


def _read_phone(tokens: list[tuple[str, int, int]], i: int) -> int:
    """End index of a valid national number read from tokens[i:], or -1."""
    budget = [_MAX_READINGS]

    def walk(k: int, digits: str) -> int:
        if len(digits) >= 10:
            return k if len(digits) == 10 and _valid(digits) else -1
        if k >= len(tokens) or budget[0] <= 0:
            return -1
        budget[0] -= 1
        for value, following in _options(tokens, k):
            end = walk(following, digits + value)
            if end >= 0:
                return end
        return -1

    return walk(i, "")


def _find_spelled_phone(folded: str) -> Iterator[Finding]:
    """National numbers spelled out, in full or in part."""
    if not _NUMBER_WORDS.search(folded):
        return
    for run in _spelled_runs(folded):
        i = 0
        while i < len(run):
            end = _read_phone(run, i) if run[i][0] in ("0", "zero") or run[i][0].startswith("0") else -1
            # at least one word: numbers typed in digits only are the other reader's
            if end > 0 and any(not token.isdigit() for token, _, _ in run[i:end]):
                yield Finding("PHONE", run[i][1], run[end - 1][2])
                i = end
            else:
                i += 1


# Right after its name, a number with a digit missing or one too many ("mon portable 06 70 33 55 3
# pardon"), or in a range not allocated yet ("son tél 04 05 73 56 45", "mon téléphone +262 639 41 27
# 85": Mayotte's newest mobiles), is still the person's.
_NAMED_MISTYPED = re.compile(
    r"\b(?:portable|mobile|fixe|tel|telephone|tél|numero\s+de\s+tel\w*|gsm|whatsapp)\s*[:.]?\s*"
    r"(?P<number>(?!0\s?9\s?6\s?9)0\s?[1-79](?:[ .\-]?\d){7,9}|\+\s?\d{2,3}(?:[ .\-]?\d){8,10})(?![ .\-]?\d)"
)


# Eight digits in pairs after the word, as numbers were written before 1996 and as some elderly
# people still write them ("TEL 78 46 09 27", "Tél. 53.01.42.62"); not a date ("tél le 12 03 2024").
_NAMED_EIGHT_DIGITS = re.compile(
    r"\b(?:tel|telephone|tél)\b\.?[^\d\n?!]{0,40}?"
    r"(?<![\d.])(?!\d\d[ .\-/]\d\d[ .\-/](?:19|20)\d\d)(?P<number>\d\d(?:[ .\-]?\d\d){3})(?![ .\-]?\d)"
)


# A number typed the local way of the country the message says the person lives in ("je suis au Portugal,
# mon portable 914 886 999", "tél. (418) 453-1740" in a message about Québec), after the word for it.
_COUNTRY_REGIONS = (
    (re.compile(r"\bportugal\b"), "PT"), (re.compile(r"\b(?:canada|quebec|montreal)\b"), "CA"),
    (re.compile(r"\bsenegal\b|\bdakar\b"), "SN"), (re.compile(r"\bmaroc\b"), "MA"),
    (re.compile(r"\balgerie\b"), "DZ"), (re.compile(r"\btunisie\b"), "TN"), (re.compile(r"\bespagne\b"), "ES"),
    (re.compile(r"\bitalie\b|\bsicile\b"), "IT"), (re.compile(r"\bbelgique\b"), "BE"),
    (re.compile(r"\bsuisse\b"), "CH"), (re.compile(r"\ballemagne\b"), "DE"),
    (re.compile(r"\b(?:angleterre|royaume-uni|londres)\b"), "GB"),
)
_LOCAL_NAMED = re.compile(
    r"\b(?:portables?|mobile|fixe|tel|telephone|tél|numero\s+de\s+tel\w*|gsm|whatsapp)\b\.?\s*[:.]?\s*"
    r"(?P<number>\(?\d[\d ().\-]{6,16}\d)(?![\d.\-]?\d)"
)


def _local_foreign_numbers(folded: str) -> Iterator[Finding]:
    """Numbers after their word that are valid in a country the message names."""
    regions = [region for pattern, region in _COUNTRY_REGIONS if pattern.search(folded)]
    if not regions:
        return
    for match in _LOCAL_NAMED.finditer(folded):
        digits = re.sub(r"\D", "", match.group("number"))
        for region in regions:
            try:
                number = phonenumbers.parse(digits, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                yield Finding("PHONE", match.start("number"), match.end("number"))
                break


# An organisation's switchboard is nobody's: "CCAS d'Amiens – Standard : 03 ...".
# A letterhead's number follows the fund's mail address ("82014 Montauban Cedex\nTél : 05 63 ...").
_SWITCHBOARD_BEFORE = re.compile(r"\b(?:standard|switchboard)\b[^\d\n]{0,12}$|\bcedex\b[ \t]*\n[^\d\n]{0,12}$")


# A French number in its five pairs, one separator throughout, in a row of other numbers ("15/10/1945
# 145100928015370 8224596 0661035364", "... 428/47 07.62.43.95.00"): its own pairs mark its bounds.
_PAIRED = re.compile(r"(?<![\w+])0[1-79](?P<sep>[ .\-]?)\d\d(?:(?P=sep)\d\d){3}(?![\w])")


def _paired_numbers(text: str, folded: str, found: list[tuple[int, int]]) -> Iterator[Finding]:
    """Numbers in five pairs that the runs above missed, unless a pair more on either side, with the
    same separator, makes them a piece of a longer row of pairs."""
    for match in _PAIRED.finditer(text):
        start, end, sep = match.start(), match.end(), re.escape(match.group("sep"))
        if any(s < end and start < e for s, e in found) or not _valid(re.sub(r"\D", "", match.group())):
            continue
        pair_before = re.search(rf"(?:^|[^\d/.\-])\d\d{sep}$", text[max(0, start - 4) : start])
        pair_after = re.match(rf"{sep}\d\d(?!\d)", text[end : end + 3])
        if not (pair_before or pair_after or _SWITCHBOARD_BEFORE.search(folded, max(0, start - 25), start)):
            yield Finding("PHONE", start, end)


# A WhatsApp link holds the number in international form without its "+": "wa.me/33612457893".
_WHATSAPP_LINK = re.compile(r"\bwa\.me/(?P<number>\d{8,15})\b")


def find_phone(text: str, folded: str) -> Iterator[Finding]:
    """Yield spans of French (metropolitan and overseas) and international numbers."""
    for match in _WHATSAPP_LINK.finditer(folded) if "wa.me" in folded else ():
        yield Finding("PHONE", match.start("number"), match.end("number"))
    found = []
    for run in _runs(text):
        if sum(len(g.text) for g in run) < 8:
            continue
        for first, last in _split(run):
            start = run[first].start
            if text[start - 1 : start] == "(" and ")" in text[start : run[last].end]:
                start -= 1  # "(01) 38 73 76 71": the bracket opened around the prefix
            if not _SWITCHBOARD_BEFORE.search(folded, max(0, start - 25), start):
                found.append((start, run[last].end))
                yield Finding("PHONE", start, run[last].end)
    yield from _paired_numbers(text, folded, found)
    yield from _find_spelled_phone(folded)
    yield from _local_foreign_numbers(folded)
    for match in (*_NAMED_MISTYPED.finditer(folded), *_NAMED_EIGHT_DIGITS.finditer(folded)):
        if (not _SWITCHBOARD_BEFORE.search(folded, max(0, match.start() - 25), match.start())
                and re.sub(r"[^\d+]", "", match.group("number")) not in _PUBLIC_LINES):
            yield Finding("PHONE", match.start("number"), match.end("number"))
