"""Identity document numbers: passport, identity card, residence permit, driving licence, and a
vehicle's registration (its plate, the number of its carte grise).

French formats: passport and new driving licence, 2 digits + 2 letters + 5 digits
("18AB12345"), distinctive enough to be taken without a cue; old identity card and old
driving licence, 12 digits; new identity card (2021), 9 letters and digits; foreigner
number (AGDREF, on the residence permit), 10 digits; residence permit card, letters and
digits; foreign passports, up to 2 letters and 6 to 9 digits. All but the first are
ordinary-looking numbers, so they are taken only after a word naming the document
("passeport", "CNI", "titre de séjour", "numéro étranger", "n° titre", "permis"), with no other
number but a year and no other data label in between.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ._model import Finding
from ._text import SHORT_WORDS, digit_count, mentions

_DOCUMENT = (
    # a passport, a foreign identity card: "carte consulaire", Spain's NIE and DNI, Romania's "buletin"
    # a foreigner's papers: a provisional permit (APS), a visa, a refugee's travel document, an
    # Algerian residence certificate, a multi-year permit: "APS GW7679438", "visa FRA 270898984"
    r"(?:(?P<passport>passe?\s?ports?|passport|\bcin\b|carte\s*consulaire|\baps\b|\bvisas?\b"
    r"|titre\s*(?:de\s*)?voyage|certificat\s*de\s*residence|carte\s*pluriannuelle"
    r"|\bnie\b(?=\s*(?:espagnol|:|n°|numero|num\b)|\s+[a-z]\d)|\bdni\b|buletin\w*\s+de\s+identitate)|"
    r"\bcni\b|\bc\.n\.i\b|carte\s*(?:nationale\s*)?(?:d'?\s*)?identite"
    r"|carte\s*d'?\s*id\b|\bpiece\s*d'?\s*identite|titre\s*(?:de\s*)?s[ae]jour|carte\s*(?:de\s*)?s[ae]jour"
    # "TS XT6503237": a permit's short name, only right before a number ("ts les mois" is "tous")
    r"|carte\s*(?:de\s*)?resident|\brecepisse|\bt\.?d\.?s\b|\bts\b(?=\s*(?:n°|:)?\s*[a-z]{0,2}\s?\d{5})|(?:numero|num|n°|no)\s*(?:d'?\s*)?etranger"
    r"|\bagdref\b|\bvls-?ts\b|visa\s*long\s*sejour|permis(?!\s*de\s*construire)(?:\s*de\s*conduire)?"
    r"|\bneph\b|(?:numero|num|n°|no)\s*(?:du\s*|de\s*)?titre\b|\bidentite(?=\s*:?\s*\d)"
    r"|passaporte|pasaporte|kimlik\s+kart\w*|karty?\s+pobytu|residence\s+permit|permesso\s+di\s+soggiorno"
    r"|reisepass\w*|dowod\w*\s+osobist\w*|carte\s+de\s+identitate|titulo\s+de\s+residencia|oturma\s+kart\w*"
    r"|护照号?(?:码)?"  # a passport (number) in Chinese
    r"|carte\s+europeenne(?:\s+d'?\s*assurance\s+maladie)?|\bceam\b)"
)
# Substrings one of which every document word holds.
_DOCUMENT_HINTS = (
    "pass", "cni", "c.n.i", "cin", "identite", "carte", "jour", "resident", "recepisse", "etranger",
    "agdref", "vls", "visa", "permis", "neph", "tds", "t.d.s", "ts", "titre", "kimlik", "pobytu", "soggiorno", "ceam",
    "consulaire", "nie", "dni", "aps", "voyage", "certificat", "buletin", "reisepass", "dowod", "identitate", "residencia", "oturma",
    "护照",
)
# What may sit between the document word and its number: no end of sentence, no digit
# but a year or a duration ("valable jusqu'en 2028, numéro ...", "carte de résident 10
# ans n° ..."); a line break ("Titre de séjour\n...").
_GAP = r"(?:[^\d?!.;]|(?<!\d)(?:19|20)\d\d(?!\d)|\b\d{1,2}\s*ans\b){0,45}?"
# A gap naming another kind of data ("... expire, mon tel 06...") ends the cue.
_OTHER_LABEL = re.compile(
    r"\b(?:tel|telephone|portable|mobile|fixe|mail|e-mail|appel\w*|rappel\w*|joindre|joignable"
    r"|iban|rib|compte|dossier|ref|reference|facture|commande)\b"
)
# Funds whose numbers are digits only: after them, a number of letters and digits is still the
# document's ("ma carte de séjour ne passe pas sur le site de la caf : BP6499109").
_OTHER_NUMBER_LABEL = re.compile(r"\b(?:secu|allocataire|caf)\b")
_SEP = r"[ .\-]"
# Uncued: 2 digits, 2 letters, 5 digits (passport, new driving licence).
_PASSPORT = r"\d\d[a-z]{2}\d{5}"
_VALUE = re.compile(
    r"(?<![\w\-])(?:"
    rf"{_PASSPORT}|\d\d{_SEP}?[a-z]{{2}}(?:{_SEP}|\s*\n\s*)?\d{{5}}"  # passport, spaced or cut
    rf"|\d{{2,4}}(?:{_SEP}?\d{{2,4}}){{2,5}}"  # 10 or 12 digits, grouped or not
    rf"|\d{{5}}(?:{_SEP}?\d{{5}}){{3}}"  # the European health insurance card's 20 digits
    r"|(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{8,12}"  # new identity card, permit card
    r"|[a-z]{2}\s\d{7}"  # a permit card typed with a space after its letters
    rf"|(?!{SHORT_WORDS}\s)[a-z]{{2}}\s\d{{3,4}}(?:{_SEP}\d{{2,4}}){{1,2}}"  # the same in groups: "HA 2151 536"
    r"|[a-z]{9}"  # new identity card without a digit: typed in capitals (checked on the text)
    # foreign passports and identity cards (after their name only)
    r"|[a-z]{0,2}\d{5,9}|[a-z]{1,3}[\s\-]\d{5,9}|[a-z]{2,3}-[a-z]{2,3}-\d{5,9}|[a-z]{3}\s\d{3}(?:\s\d{3}){1,2}"
    r")(?![\w])(?!" + _SEP + r"\d)"
)
_CUED = re.compile(rf"{_DOCUMENT}(?P<gap>{_GAP})(?P<value>{_VALUE.pattern})")
# "passeport ukrainien n° FE482719", "passeport portugais c'est QT171474": after the word read as
# the value, its number may have a label.
_THEN_VALUE = re.compile(
    rf"[ \t]*[,:]?[ \t]*(?:(?:n°|no|numero|num)\.?[ \t]*:?[ \t]*)?(?:c'?\s?est\s+)?(?P<value>{_VALUE.pattern})")
# 10 digits: a foreigner number; 12: an old identity card or driving licence; 20: a European
# health insurance card. People mix
# up their documents' names, so either length is taken after any of them.
_DIGIT_LENGTHS = frozenset({10, 12, 20})
_UNCUED = re.compile(r"(?<![\w\-])\d\d ?(?P<letters>[a-z]{2}) ?\d{5}(?![\w])")  # "18AB12345", "73 PZ 56910"
# Two-letter words between two numbers ("cerfa 12100*03 ou 15479*02"): a passport's letters only in capitals.
_TWO_LETTER_WORDS = frozenset("ou et au de du le la en un on il ma sa ta se ne me te ce je tu es ni si".split())


# Foreign passports and national identity cards (CIN of Morocco, Tunisia): up to 2 letters and
# 6 to 9 digits ("X123456", "197654321", "BK 284517", "IK-726574"), 5 digits after letters
# ("AB12345"), a visa's country code before its number ("FRA 270898984").
# Also in groups of three digits ("passeport algérien (197 384 205)") and a consulate's card with its
# country and post ("carte consulaire tunisienne n° TN-PAR-084172").
_FOREIGN_PASSPORT = re.compile(
    r"[a-z]{0,2}\d{6,9}|[a-z]{1,2}[\s\-]?\d{5,9}|[a-z]{3}\s\d{6,9}|(?:[a-z]{3}\s)?\d{3}(?:\s\d{3}){1,2}"
    r"|[a-z]{2,3}-[a-z]{2,3}-\d{5,9}")


# Registration plates. Today's (since 2009): two letters, three digits, two letters, without I, O
# or U; with its two dashes it is taken anywhere ("GH-456-JK"); spaced, run together or mixed
# ("EL 730 MR", "SK387XG", "KB 851-TX"), only typed in capitals in a message about a vehicle.
# The former ones, digits, letters and the département ("1234 AB 75", "600 DYY 92", "7153RT13"),
# likewise.
_PLATE_LETTERS = "[a-hj-np-tv-z]{2}"
_DASHED_PLATE = re.compile(rf"(?<![\w\-]){_PLATE_LETTERS}-\d{{3}}-{_PLATE_LETTERS}(?![\w\-])")
_PLATE = re.compile(
    rf"(?<![\w\-])(?:{_PLATE_LETTERS}[ \-]?\d{{3}}[ \-]?{_PLATE_LETTERS}"
    r"|\d{1,4}[ \-]?[a-z]{2,3}[ \-]?(?:0[1-9]|[1-8]\d|9[0-5]|2a|2b|97[1-6]))(?![\w\-])")
_VEHICLE_HINTS = ("plaque", "immatricul", "vehicule", "voiture", "carte grise", "moto", "scooter", "camion",
                  "taxi", "auto", "vsl", "ambulance", "fourgon")


def find_plates(text: str, folded: str) -> Iterator[Finding]:
    """Yield registration plates (see above)."""
    for match in _DASHED_PLATE.finditer(folded):
        yield Finding("ID_DOCUMENT", match.start(), match.end())
    if not mentions(folded, _VEHICLE_HINTS):
        return
    for match in _PLATE.finditer(folded):
        typed = text[match.start():match.end()]
        if all(c.isupper() for c in typed if c.isalpha()):
            yield Finding("ID_DOCUMENT", match.start(), match.end())


# A passport's, an identity card's or a residence permit's machine-readable zone, pasted from a scan
# ("IDFRADUPONT<<MARIE<<<<<<", "P<FRAMARTIN<<JEAN<PIERRE<<<", "8806923102858MARIE<<<<<<<8503164F6"):
# names, the document's number and the birth date in one line, masked whole. A line of "<" alone,
# or with a country code only ("P<FRA<<<<"), holds nothing.
_MACHINE_READABLE = re.compile(r"(?<![\w<])(?=(?:<*[A-Z0-9]){6})[A-Z0-9]*<[A-Z0-9<]{7,}(?![\w<])")


def find_machine_readable_zone(text: str, folded: str) -> Iterator[Finding]:
    """Yield the lines of a machine-readable zone (see above)."""
    del folded  # capitals and "<" are read on the text as typed
    for match in _MACHINE_READABLE.finditer(text) if "<<" in text else ():
        yield Finding("ID_DOCUMENT", match.start(), match.end())


# A driving licence copied field by field, as the card numbers them: "1. DUPONT 2. MARIE 3. 12.03.1985
# PARIS 4a. ... 5. ...", one field a line or all in a row. Fields 1 and 2 (surname, first names) and
# the date that opens field 3 (birth date, then place) are the holder's; the number (5) is read as a
# document number elsewhere. Taken only when the fields 1, 2 and 3 are all there, their names
# written as names (capitals, no digit) and field 3 opening with a date: an ordinary numbered list
# ("1. faire la demande 2. ...", "1. Caf 2. Cpam 3. 01/01/2026 date limite") is not a licence.
_LICENCE_FIELD = re.compile(
    r"(?:(?<=\s)|^)(?P<field>[1-9]|4[a-d])[.)][ \t]*(?P<value>[^\n]*?)[ \t]*(?=[ \t]+(?:[1-9]|4[a-d])[.)][ \t]|\n|$)")
_LICENCE_NAME = re.compile(r"[A-ZÀ-Ý][^\W\d_]*(?:[ '\-][A-ZÀ-Ý][^\W\d_]*){0,3},?(?: [A-ZÀ-Ý][^\W\d_]*)*")
_LICENCE_DATE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])[./\-](?:0?[1-9]|1[0-2])[./\-](?P<year>(?:19|20)\d\d)(?![\d./\-])")
_LICENCE_AGE = 14  # a birth date: the holder is this old at least


def find_licence_fields(text: str, folded: str) -> Iterator[Finding]:
    """Yield the holder's names and birth date from a driving licence's numbered fields (see above)."""
    del folded  # capitals are read on the text as typed
    if "1." not in text and "1)" not in text:
        return
    fields = {m.group("field"): m for m in _LICENCE_FIELD.finditer(text)}
    if not all(field in fields for field in "123"):
        return
    names = [fields[field] for field in "12"]
    born = _LICENCE_DATE.match(text, fields["3"].start("value"))
    if born is None or int(born.group("year")) > date.today().year - _LICENCE_AGE:
        return  # "3. 01/01/2026 date limite": a deadline, not a birth
    if not all(_LICENCE_NAME.fullmatch(name.group("value")) for name in names):
        return
    for name in names:
        yield Finding("NAME", name.start("value"), name.end("value"))
    yield Finding("BIRTHDATE", born.start(), born.end())


def _value_ok(value: str, passport: bool) -> bool:
    compact = re.sub(r"[ .\-]", "", value)
    if passport and _FOREIGN_PASSPORT.fullmatch(value):
        return True
    if compact.isdigit():
        return len(compact) in _DIGIT_LENGTHS
    if len(compact) < 8:  # short mixed values: foreign passports only
        return False
    return any(c.isdigit() for c in compact) or len(compact) == 9


def find_id_document(text: str, folded: str) -> Iterator[Finding]:
    """Yield passport-shaped numbers anywhere, other document numbers after their name."""
    digits = digit_count(folded)
    for match in _UNCUED.finditer(folded) if digits >= 7 else ():
        if match.group("letters") in _TWO_LETTER_WORDS and not text[match.start("letters"):match.end("letters")].isupper():
            continue
        yield Finding("ID_DOCUMENT", match.start(), match.end())
    if not mentions(folded, _DOCUMENT_HINTS):  # most messages: no document named, little cost
        return
    position = 0
    while match := _CUED.search(folded, position):
        # a cue whose value is refused gives way to the next cue within it: "Sa pièce d'identité :
        # carte nationale d'identité n° 0211 ..."
        position = match.start("gap")
        gap = match.group("gap")
        if _OTHER_LABEL.search(gap) or (_OTHER_NUMBER_LABEL.search(gap) and match.group("value").isdigit()):
            continue
        passport = match.group("passport") is not None
        start, end = match.start("value"), match.end("value")
        if not _accepted(text[start:end], folded[start:end], passport):
            # a word read as the value ("CIN marocaine BK 284517"): the number may follow it
            later = _THEN_VALUE.match(folded, end)
            if not later or not _accepted(text[later.start("value"):later.end("value")], later.group("value"), passport):
                continue
            start, end = later.start("value"), later.end("value")
        position = end
        yield Finding("ID_DOCUMENT", start, end)


def _accepted(typed: str, value: str, passport: bool) -> bool:
    """Is this value (typed, folded) a document number rather than a word of the sentence?"""
    if not _value_ok(value, passport):
        return False
    # a word ("renouvelé", "RENOUVELÉ"), not a number
    return not (typed.isalpha() and not (typed.isupper() and sum(c in "AEIOUY" for c in typed) <= 3))
