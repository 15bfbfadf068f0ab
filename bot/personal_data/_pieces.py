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
    r"|mobile|fixe|carte|cb|msa|adherent|rib|iban|compte|guichet|passeport|etranger|dossier|sinistre)\b")
_FISCAL = re.compile(r"\bfiscal")
_MSA = re.compile(r"\bmsa\b")
_NOT_AMOUNT = re.compile(r"\s*(?:€|e\b|eur|euros?|%|h\b|heures?|ans\b|enfants?|jours?|mois|semaines?|seances?|fois|km\b)")


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


# The beginning, the end or the middle of a number given alone: "ça commence par 2 85 11 99 et ça
# finit par 750 24", "le fixe finit par 47 21 09", "deuxième partie : 902 717 84", "la clé RIB c'est
# 86". A part of a value is as personal as the value; its kind is the one named before it (a file
# number otherwise). Not a card's or an account's last four digits, printed on every receipt, nor an official
# number ("le numéro commence par 3230").
_PART = re.compile(
    r"\b(?:commencen?t?\s+par|debuten?t?\s+par|finit\s+par|finissent\s+par|se\s+termin\w*\s+par|termine\s+par"
    r"|(?:la\s+)?fin\s*(?::|c'?\s?est|=)|(?:le\s+)?debut\s*(?::|c'?\s?est|=)|(?:premiere|deuxieme|seconde|deux\w*)\s+partie\s*:?"
    r"|(?:du|au|le)\s+milieu(?:\s+(?:de\s+mon\s+\w+(?:\s+de\s+\w+)?))?\s*(?::|c'?\s?est|il\s+y\s+a)?"
    r"|(?:la\s+)?cle(?:\s+rib)?\s*(?::|c'?\s?est|=)|et\s+(?:apres|ensuite)|(?:apres|ensuite)\s*(?::|c'?\s?est))"
    r"\s*(?:c'?\s?est\s+|par\s+)?(?P<value>(?:[a-z]{2}\d\d[ ]?)?\d[\d]*(?:[ ./\-]\d+)*(?:[ ][a-z](?![\w']))?)(?![\w@])")
_PART_KINDS = (
    ("NIR", re.compile(r"\b(?:secu|securite\s+sociale|nir|nss|carte\s+vitale)\b")),
    ("PHONE", re.compile(r"\b(?:tel|telephone|portable|mobile|fixe|06|07)\b")),
    ("ALLOCATAIRE", re.compile(r"\b(?:allocataire|alloc|caf)\b")),
    ("FISCAL", re.compile(r"\b(?:fiscal\w*|avis)\b")),
    ("IBAN", re.compile(r"\b(?:iban|rib|compte|guichet)\b")),
    ("MSA", re.compile(r"\bmsa\b")),
    ("ID_DOCUMENT", re.compile(r"\b(?:passeport|etranger|titre|carte\s+d'?\s*identite|cni|permis)\b")),
)
_CARD_WORDS = re.compile(r"\b(?:carte(?!\s+(?:vitale|d'?\s*identite|de\s+sejour))|cb|visa|mastercard)\b")
_FUND_NUMBER = re.compile(r"\bnumero\s+(?:de\s+(?:la\s+|l'\s*)?|du\s+)(?:caf|msa|cpam|caisse|carsat|urssaf|mairie|ameli)\b")
_OFFICIAL = frozenset({"3230", "3646", "3960", "3679", "3949", "3939", "3919", "115", "3237"})
_PART_HINTS = ("commence", "debut", "termin", "fin", "partie", "milieu", "cle", "apres", "ensuite")


def find_value_parts(text: str, folded: str) -> Iterator[Finding]:
    """Yield parts of numbers given alone (see above)."""
    del text  # same offsets on the folded copy
    if not any(hint in folded for hint in _PART_HINTS) or not _LABEL.search(folded):
        return
    for match in _PART.finditer(folded):
        value = match.group("value").rstrip(" ./-")
        digits = re.sub(r"\D", "", value)
        before = folded[max(0, match.start() - 80):match.start("value")]  # "la clé RIB c'est 86" names it
        if len(digits) < 2 or value.replace(" ", "") in _OFFICIAL or _NOT_AMOUNT.match(folded, match.end("value")):
            continue
        kind = next((kind for kind, cue in _PART_KINDS if cue.search(before)), None)
        if kind is None and not _LABEL.search(before):
            continue  # "et après 14 h": no number named
        ending = re.search(r"fin|termin", match.group())
        if len(digits) <= 4 and (_CARD_WORDS.search(before[-45:]) or (ending and kind == "IBAN")):
            continue  # a card's or an account's last four digits, printed on every statement
        if _FUND_NUMBER.search(before):
            continue  # "le numéro de la MSA ... commence par 05 65": the fund's
        yield Finding(kind or "FILE_NUMBER", match.start("value"), match.start("value") + len(value))
