"""Date-of-birth detector.

A date is personal data here only when a cue says it is a birth date ("né le 12/03/1985",
"née à Lyon le 3 mars 1990", "date de naissance : 03.02.85", "ddn 12031985", "ddn 041068",
"né le 1981-08-18", "12/03/1985 c'est ma date de naissance", "nés le 3/4/2010 et le
5/6/2012", "anniversaire le 3 mars 1975", "je suis du 21/11/59", "né le premier janvier
mille neuf cent quatre-vingt"). Dates of events ("depuis le 12 mars", "le 5
du mois", "arrêt du 2026-01-15") are left alone. A full date typed ISO-style
(1981-08-18) is how a birth date is copied from a form: taken without a cue when it is
too old to be a recent event and no "du", "depuis", "au" introduces it. A full date right after
a person's name is theirs ("mes enfants : Yasmine 10/03/2013, Sacha 24/08/2016", "Alice (16/7/14)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from ._lexicon import MONTHS_PATTERN, RELATIVES
from ._model import Finding
from ._spelled import NUMBER_WORD, SPELLED_WORDS

_MONTH_NAMES = (
    r"janvier|janv|fevrier|fevr|fev|mars|avril|avr|mai|juin|juillet|juil|aout"
    r"|septembre|sept|octobre|oct|novembre|nov|decembre|dec"
)
# Month names in the other languages people who live in France write in (English, Spanish,
# Portuguese, Italian, German, Romanian, Polish, Turkish, Creole): "nais 2 nisan 2018", "né le 14 mart 1987".
_FOREIGN_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
    r"|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|dezembro"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|januar|februar|marz|maerz|juni|juli|oktober|dezember"
    r"|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie"
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrzesnia|pazdziernika|listopada|grudnia"
    r"|ocak|subat|mart|nisan|mayis|haziran|temmuz|agustos|eylul|ekim|kasim|aralik"
    r"|janvye|janvie|fevriye|mas|jen|jiye|septanm|oktob|novanm|desanm"  # Creole
)
_DAY = r"(?:[0-2]?\d|3[01])(?:er)?|premier"
_ROMAN_MONTHS = r"xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i"
# "né le dix-huit août 1981": a day in words, before a month name only.
_DAY_WORDS = (
    r"(?:dix[- ](?:sept|huit|neuf)|vingt(?:[- ]et[- ]un|[- ](?:deux|trois|quatre|cinq|six|sept"
    r"|huit|neuf))?|trente(?:[- ]et[- ]un)?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze"
    r"|douze|treize|quatorze|quinze|seize)"
)
# "le premier janvier mille neuf cent quatre-vingt": the year in words, after a month name.
_YEAR_WORDS = (
    r"(?:mil(?:le)?[- ]neuf[- ]cents?|deux[- ]mil(?:le)?)(?:[- ]+(?:et[- ]une?|un|une|deux|trois|quatre"
    r"|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente"
    r"|quarante|cinquante|soixante)\b)*"
)
_SEP = r"\s*[/.\-]\s*|\s+"
_ISO = r"(?:19|20)\d\d\s?[/.\-]\s?(?:0?[1-9]|1[0-2])\s?[/.\-]\s?(?:0?[1-9]|[12]\d|3[01])(?!\d)"
_DATE = (
    # a day or a month unknown, as foreigners' papers write it: "00/00/1987", "XX/XX/1976"
    rf"(?P<date>{_ISO}|(?:00|xx)[/.\-](?:00|xx|0?[1-9]|1[0-2])[/.\-](?:19|20)\d\d|(?:{_DAY})(?:{_SEP})(?:0?[1-9]|1[0-2])(?:{_SEP})(?:19|20)?\d\d"
    rf"|(?:{_DAY}|{_DAY_WORDS}\s)[\s\-]*(?:(?:{_FOREIGN_MONTHS})(?![a-z])|{_MONTH_NAMES})\.?(?:[\s\-]*(?:19|20)?\d\d|\s+{_YEAR_WORDS})?"
    # the month in Roman numerals, as on old papers and Italian or Polish ones: "12 XII 1934", "17.IX.1942"
    rf"|(?:{_DAY})(?:\s+|\s*\.\s*)(?:{_ROMAN_MONTHS})(?:\s+|\s*\.\s*)(?:19|20)?\d\d"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:(?:19|20)\d\d|\d\d)"
    # "DOB March 3rd, 1988": the month first, in English
    rf"|(?:{_FOREIGN_MONTHS})\s+(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)(?![\d/])"
)
# "né", "née", "ne(e)", "nés": the folded copy has no accents; "ne" alone is also the
# negation, hence the "le"/"à ... le" that must follow it.
# "nait le", "naquit le" too; "née en 1962, le 5 mai": a place or a year may come first.
# A child's birth told by a parent: "j'ai accouché le ..." (not "j'accouche le ...", a due date),
# "on a eu des triplés le ...", "il est né prématuré le ..." (one word between).
_BORN = (
    r"(?:\bn(?:e|ez)e?s?(?:\(e\)s?)?(?:\s+(?:premature|prematuree|prematurement|a\s+terme))?|\bnait|\bnaquit"
    r"|\b(?:ai|a|as|avons|avez|ont|avait|avais|est|suis)\s+accouchee?s?"
    r"(?:\s+(?:de\s+)?(?:notre|mon|ma|nos|d'un|d'une|des)?\s*(?:bebe|fils|fille|jumeaux|jumelles|triples))?"
    r"|\b(?:eu|avoir|avons\s+eu|a\s+eu|ai\s+eu)\s+(?:un|une|des|notre|nos|mon|ma)\s+"
    r"(?:bebe|petit\s+garcon|petite\s+fille|fils|fille|enfant|jumeaux|jumelles|triples)(?:\s+[^\W\d_]+)?)\s+"
    # "nés tous les deux au Portugal, lui le 3/2/1947, elle le ...": who, before the first date
    r"(?:tou(?:te)?s\s+(?:les\s+)?(?:deux|trois)\s+)?(?:(?:a|au|en)\s+[a-z0-9' \-]{1,30}?,?\s+)?"
    r"(?:(?:lui|elle|moi|il)\s+)?(?:le\s*:?\s*|ce\s+)"
)
_LABEL = (
    # "date de naissance de mon fils : ..." : a few words may sit between label and date
    # "Date de naissance\n12/03/1985", "mes dates de naissance : moi ..., mon mari ..."
    r"(?:(?:\bda?te?s?\s*(?:de\s*)?naiss(?:ance)?|\bd\.?d\.?n\b|\bdate\s*of\s*birth|\bbirthday|\bdob\b)[^\d?!]{0,50}?"
    r"|\b(?:data\s+nasterii|dogum\s+tarih\w*|data\s+de\s+nascimento|data\s+urodzenia|data\s+di\s+nascita"
    r"|fecha\s+de\s+nacimiento|born\s+on|tarikh\s+l?\s?wilada)\b[^\d?!]{0,30}?"  # other languages
    r"|(?:تاريخ\s+(?:الازدياد|الميلاد|الولادة))[^\d?!؟]{0,30}?"  # in Arabic script: "date of birth"
    r"|\bnaissance\s*(?::|le)?\s*|\bnais\.?\s*(?::|le)?\s*|\bd\.?n\.?\s*:\s*|\bdn\s+|\bd?'?\s?anniv(?:ersaire)?\b[^\d\n?!.]{0,15}?)"
)
# "date naissance 1962 08 15": a form's date with spaces, after its label only.
_ISO_SPACED = r"(?P<spaced>(?:19|20)\d\d (?:0[1-9]|1[0-2]) (?:0[1-9]|[12]\d|3[01]))(?!\d)"
_PATTERN = re.compile(rf"(?:{_BORN}|{_LABEL}){_DATE}")
_LABELLED_SPACED = re.compile(rf"{_LABEL}{_ISO_SPACED}")
# Born, in the languages people who live in France write in: "born on March 9, 2021" (or "April 3rd"), "nació el 3 de
# mayo de 2019", "nasceu em 4 de fevereiro de 2024", "è nata il 5 aprile 1962", "geboren am
# 17.09.1971", "s-a născut pe 9 octombrie 2020", "urodziła się 12 marca 1990", "juddu na ci ...".
_ENGLISH_SHORT_MONTHS = r"jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec"
_FOREIGN_BORN = re.compile(
    r"\b(?:born(?:\s+on)?|geboren(?:\s+(?:am|den))?|naci(?:o|do|da)?\s+el|nasc(?:eu|i|ido|ida)\s+(?:em\s+[a-z'\-]+\s+)?(?:em|a|no\s+dia)"
    r"|nat[oa]\s+(?:il|l')|nascut[a]?\s+(?:pe|la)|urodzil[a]?\s+sie|urodzon[ya]|juddu\s+na(?:\s+ci)?|naboti\s+na"
    r"|ur\.|geb\."  # abridged in Polish and German: "Grażyna Wójcik (ur. 05.03.1962)", "geb. 17.09.1971"
    r"|(?:i|li|mwen|an|yo)\s+fet(?:\s+le)?"  # Creole: "manman mwen ... i fèt 12 mas 1959"
    r"|dogdu|dogum\s+tarihi)\s*"  # Turkish: "oğlum Emir doğdu 3 ekim 2024"
    rf"(?P<date>(?:{_DAY})(?:st|nd|rd|th)?\.?\s+(?:de\s+|of\s+)?(?:{_FOREIGN_MONTHS}|{_MONTH_NAMES}|{_ENGLISH_SHORT_MONTHS})\.?\s+(?:de\s+)?(?:19|20)\d\d"
    rf"|(?:{_FOREIGN_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    r"|(?:[0-2]?\d|3[01])\s*[/.\-]\s*(?:0?[1-9]|1[0-2])\s*[/.\-]\s*(?:19|20)?\d\d)(?![\d/])"
)
# "elle est né 21 ekim 2022", "nee 03/04/1985": no article, a full date with its year.
_BORN_WITHOUT_ARTICLE = re.compile(
    rf"\bnee?s?\s+(?P<date>(?:{_DAY})\s*(?:(?:{_FOREIGN_MONTHS})(?![a-z])|{_MONTH_NAMES})\.?\s*(?:19|20)\d\d"
    r"|(?:[0-2]?\d|3[01])\s*[/.\-]\s*(?:0?[1-9]|1[0-2])\s*[/.\-]\s*(?:19|20)?\d\d)(?![\d/])"
)
# "je suis du 21/11/59", "moi c'est le 3 mai 1970": a full date (with its year) said of oneself,
# unless a period follows ("je suis du 12/03/2026 au 20/03/2026 en arrêt").
_SELF = re.compile(
    r"\b(?:je\s+suis|jsuis|chui|moi\s+c'?\s?est)\s+(?:du|de|le|ne\w*\s+le)\s+"
    r"(?P<date>(?:[0-2]?\d|3[01])\s*[/.\-]\s*(?:0?[1-9]|1[0-2])\s*[/.\-]\s*(?:19|20)?\d\d"
    rf"|(?:{_DAY})\s*(?:{_MONTH_NAMES})\.?\s*(?:19|20)\d\d)(?![\d/])(?!\s*(?:au|jusqu|-|et\s+le))"
)
# The cue after the date: "12/03/1985 c'est ma date de naissance", "(ddn)".
_LABEL_AFTER = re.compile(
    r"[*_]?\s*[(,\-]?\s*(?:c'?\s?est\s*|c\s+|=\s*)?(?:ma|sa|la|leur)?\s*(?:date\s*de\s*naiss|ddn\b)"
)
_DATE_ALONE = re.compile(rf"(?<![\w/.\-]){_DATE}")
# "nés le 3/4/2010 et le 5/6/2012": the dates that follow one birth date.
# "... et ma fille le 9 mai 2018", "moi 03/04/1970, mon mari 12/08/1968": who, then the date.
_WHO = "|".join(sorted(RELATIVES | {"moi", "lui", "elle", "mon", "ma", "son", "sa", "notre"}))
_NEXT = re.compile(
    rf"\s*(?:,\s*et\b|,?\s*pas\b|,|et(?:\s+(?:pas|non))?|&|puis|ou)\s*(?:(?:{_WHO}|les|mes|nos|jumeaux|jumelles|triples|enfants)\s+){{0,2}}(?:(?:le|du|au)\s+)?"
    rf"(?:{_DATE_ALONE.pattern})"
)
_ISO_ALONE = re.compile(rf"(?<![\w/.\-])(?P<date>{_ISO})(?![\w/.\-])")
_EVENT_BEFORE = re.compile(
    r"(?:\b(?:du|au|a|depuis|entre|jusqu'?\s*au|partir\s*du|avant|apres|date|effet|et|de"
    r"|periode|contrat|debut|fin)\s*(?:le\s*)?:?\s*|[/\-]\s*)$"
)
# A birth date copied ISO-style is at least this many years old (events are recent).
_ISO_MIN_AGE = 16


def _old_iso(folded: str, match: re.Match[str]) -> bool:
    year = int(folded[match.start("date") : match.start("date") + 4])
    if year > date.today().year - _ISO_MIN_AGE:
        return False
    return not _EVENT_BEFORE.search(folded, max(0, match.start() - 20), match.start())


# Dictated: "née le sept janvier quatre vingt neuf", the month and the year in words ("juin
# 1966", a year in digits after a month alone, stays readable).
_DICTATED = re.compile(
    r"\b(?:naissance|ne|nee|ddn)\b(?:\s+(?:le|du|en|:))?\s+(?P<date>(?:[\w-]+\s+)?(?:" + MONTHS_PATTERN + r")\b"
    rf"(?:\s+{NUMBER_WORD}(?:-{NUMBER_WORD})*\b)+)"  # "quatre-vingt-sept" as one word
)


# A date with a time right after it is a message's time stamp ("ta date de naissance\n[07/02/2025
# 18:32] Moi: ..."), not the birth date the label asked for.
_TIME_AFTER = re.compile(r"[ \t]+\d{1,2}:\d\d\b")
# A birthday with its year: "ma fille a 18 ans depuis le 15/01/2008", "il a eu 6 ans le
# 23/04/2020": the day of birth.
_AGE_ON = re.compile(
    r"\b(?:a|aura|a\s+eu|va\s+avoir|fete\s+ses|fetera\s+ses)\s+\d{1,3}\s+ans\s+(?:depuis\s+)?le\s+"
    r"(?P<date>(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:19|20)?\d\d)(?![\d/\-])(?!\.\d)")


# A message written mostly in a script the cues do not read (Cyrillic, Arabic, Ge'ez, Bengali,
# Georgian...): a full date of a year at least this many years back is a birth date ("Він народився
# 12.07.1985", "ዕለተ ልደተይ 12/09/1995"), the events such a message dates being recent.
_OTHER_SCRIPT_MIN_AGE = 15
_FULL_DATE = re.compile(r"(?<![\d/.\-])(?P<date>(?:0?[1-9]|[12]\d|3[01])([/.\-])(?:0?[1-9]|1[0-2])\2(?P<year>(?:19|20)\d\d)"
                        r"|(?P<iso_year>(?:19|20)\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?![\d/.\-]?\d)")


def _mostly_other_script(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    other = sum(1 for c in letters if ord(c) > 0x24F)
    return other >= 10 and 2 * other >= len(letters)


def find_birthdate(text: str, folded: str) -> Iterator[Finding]:
    """Yield spans of dates introduced by a birth cue, and the old full dates of a message
    written in another script."""
    if not text.isascii() and _mostly_other_script(text):
        for match in _FULL_DATE.finditer(folded):
            if int(match.group("year") or match.group("iso_year")) <= date.today().year - _OTHER_SCRIPT_MIN_AGE:
                yield Finding("BIRTHDATE", match.start("date"), match.end("date"))
    for match in _PATTERN.finditer(folded):
        if _TIME_AFTER.match(folded, match.end("date")):
            continue
        yield Finding("BIRTHDATE", match.start("date"), match.end("date"))
        while following := _NEXT.match(folded, match.end()):
            yield Finding("BIRTHDATE", following.start("date"), following.end("date"))
            match = following
    for match in _LABELLED_SPACED.finditer(folded):
        yield Finding("BIRTHDATE", match.start("spaced"), match.end("spaced"))
    for match in _DATE_ALONE.finditer(folded):
        if _LABEL_AFTER.match(folded, match.end()):
            yield Finding("BIRTHDATE", match.start("date"), match.end("date"))
    for match in (*_SELF.finditer(folded), *_FOREIGN_BORN.finditer(folded), *_AGE_ON.finditer(folded),
                  *_BORN_WITHOUT_ARTICLE.finditer(folded)):
        yield Finding("BIRTHDATE", match.start("date"), match.end("date"))
    for match in _ISO_ALONE.finditer(folded):
        if _old_iso(folded, match):
            yield Finding("BIRTHDATE", match.start("date"), match.end("date"))
    for match in _DICTATED.finditer(folded):
        words = match.group("date").replace("-", " ").split()
        if SPELLED_WORDS.intersection(words):
            end = match.end("date") - (3 if words[-1] == "et" else 0)  # "... quatre-vingt-sept et la caf"
            yield Finding("BIRTHDATE", match.start("date"), end)


# "Yasmine 10/03/2013", "Alice (16/7/14)", "Mme Paulette Guérin, 26/09/1937", "Adam né le ...",
# "et Éva le 27/12/2016" (a date of last year or before: "Dr Martin le 03/11" is a visit); an
# identity typed as a list, the date on the next line ("- PERROT Régis\n- 11.06.1986"); a row of
# a pasted table, the person's role in its own column ("FONTAINE Eloïse\tEnfant\t11/11/2012"); a
# record's next column ("DUPONT|Marie|12/03/1985", "Marie;DUPONT;12/03/1985").
_AFTER_NAME = re.compile(
    rf"(?:[ \t]*[(,:;|\-–—]?[ \t]*|[ \t]*\r?\n[ \t]*[\-•*]?[ \t]*"
    r"|[ \t]*\t(?:enfant|assuree?|conjointe?|beneficiaire|ayant[ \-]droit|epouse|epoux|fils|fille)[ \t]*\t[ \t]*)"
    rf"(?:nee?s?[ \t]+(?:le[ \t]+)?|(?P<le>le)[ \t]+)?{_DATE}")
_ENDS_WITH_YEAR = re.compile(r"(?:\d\d|" + _YEAR_WORDS + r")$")
# The date first, then the name: "26/02/1977 BRUN Elodie", or an identity's number then its date,
# as an item: "alloc 1538932 / 04/12/1951".
_BEFORE_NAME = re.compile(rf"(?:^|\n)[ \t]*[\-•*]?[ \t]*{_DATE}[ \t]*[,\-–—]?[ \t]*$")
_AFTER_NUMBER = re.compile(rf"[ \t]*(?:[/,;\-–—]|\r?\n|et\b)[ \t]*[\-•*]?[ \t]*{_DATE}[ \t]*(?:$|[\n,;/\-–—])")
_IDENTITY_NUMBERS = frozenset({"NIR", "ALLOCATAIRE", "MSA"})
_ADULT = 15  # a date by a person's own number is theirs if it is at least this many years old


def find_dates_by_identity(folded: str, names: Iterable[Finding], numbers: Iterable[Finding] = ()) -> Iterator[Finding]:
    """Yield the full dates (with a year not to come) typed right after or right before a person's
    name, or as an item after their social security, allocataire or MSA number."""
    for name in names:
        match = _AFTER_NAME.match(folded, name.end)
        before = _BEFORE_NAME.search(folded, max(0, name.start - 30), name.start)
        for found in (match, before):
            if found and _past_date(found.group("date"), latest_offset=1 if found.groupdict().get("le") else 0):
                yield Finding("BIRTHDATE", found.start("date"), found.end("date"))
    for number in numbers:
        match = _AFTER_NUMBER.match(folded, number.end) if number.type in _IDENTITY_NUMBERS else None
        year = match and re.search(r"(?:19|20)\d\d$", match.group("date"))
        if year and int(year.group()) <= date.today().year - _ADULT:
            yield Finding("BIRTHDATE", match.start("date"), match.end("date"))


def _past_date(typed: str, latest_offset: int) -> bool:
    """Is this a full date whose year is not to come (nor this year, with `latest_offset` 1)?"""
    if not _ENDS_WITH_YEAR.search(typed):
        return False
    year = re.search(r"(?:19|20)\d\d$", typed)
    if latest_offset and not year:
        return False
    return not year or int(year.group()) <= date.today().year - latest_offset
