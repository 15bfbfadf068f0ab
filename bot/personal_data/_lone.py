"""Values typed alone, as the answer to a question asked in an earlier message: the bot or an
agent asked "votre numéro d'allocataire ?", the person sends "7753274"; "et votre nom ?", then
"kader benyahia"; "votre date de naissance ?", then "25/10/57". The question was the value's
label and is not in the message, so no other reader knows what the value is.

Read only in short messages (a few words, on one or a few lines), where there is no sentence
around the value for it to be anything else: a full date alone on its line is a birth date, a
number of six digits a one-time code, of seven an allocataire number, longer a file number; a
first name with a surname-like word is a name; a word of letters then digits an identifier, with
a sign or a capital a password. Amounts, hours, years, postcodes and commercial references stay readable.
A value sent in pieces ("le début c'est 2 26 03 97", then "la suite c'est ...") is a piece whatever
the message's length: the words say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ._census import census_first_names, census_surnames
from ._file_numbers import COMMERCIAL_WORDS, POSTAL_ITEM_BEFORE, with_capital_prefix
from ._lexicon import FIRST_NAMES, FIRST_NAMES_AS_WORDS, MONTHS_PATTERN
from ._model import Finding
from ._names import NameLexicon
from ._nir import key_after
from ._text import mentions

MAX_WORDS = 10
# Words a short answer starts with: "oui c'est ...", "non pardon c'est ...", "voilà ...".
_FILLERS = re.compile(
    r"(?:(?:oui|ouais|ok|okay|voila|voici|alors|euh|bon|donc|pardon|non|ah|bah|ben|re|desole)\b[\s,.!:]*)*"
    r"(?:(?:le\s+mien|la\s+mienne|moi)\s+)?(?:(?:c'?\s?est|cest|c|ce)\b\s*:?\s*)?(?:le\s+)?"
)
_DATE = re.compile(
    r"(?P<date>[0-3]?\d[/.\- ](?P<month>[01]?\d)[/.\- ](?P<year>(?:19|20)?\d\d)"
    rf"|(?:[0-3]?\d|1er|premier)\s+(?:{MONTHS_PATTERN})\s+(?P<long_year>(?:19|20)\d\d))"
)
_END_OF_LINE = re.compile(r"[\s.!?]*(?:\n|$)")
# Digits in groups of at least two, single spaces between: "7753274", "70 1245 336"; not a piece
# of an amount, an hour or a number written around it ("0 800 130 000", "1 256,40 €"). A NIR
# starts with its sex digit alone ("2 97 20 97 223 438").
_NUMBER = re.compile(r"(?<![\w,.\-/+*°])(?<!\d )(?:[1278] )?\d{2,}(?: \d{2,})*")
_NOT_A_NUMBER_AFTER = re.compile(r"[\w,.\-/*%€°]|\s?(?:€|euros?|eur|centimes?|%|h\b|ans?\b|mois\b)")
_GLUED_DATE = re.compile(r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_SHAPE = re.compile(r"[0-3]?\d[ ./\-][01]?\d[ ./\-](?:19|20)\d\d")
_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+")
_DATE_AFTER = re.compile(rf"\s+(?:{MONTHS_PATTERN})\b")
_NOT_A_REFERENCE_BEFORE = re.compile(
    rf"\b(?:{COMMERCIAL_WORDS}|cerfa|formulaire|article|loi|decret|code\s*postal|cp|ape|naf)\b[^\n\d]{{0,20}}$")
_WORD = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")
# Letters, then digits, maybe signs, as people make their logins and passwords: "dupontm69",
# "m.leroy.42", "papillon615$", "Loulou-2019"; not a machine's identifier, whose letters and digits
# mix ("widget-4f1c", the conversation ids the server issues).
_TOKEN = re.compile(
    r"(?<!\S)(?P<token>(?-i:[A-Z]?[a-z]+)(?:[._\-][a-z]+)*[._\-]?\d{2,6}[!$*#%&?+=~^§£€]*)[.,!?]?(?!\S)",
    re.IGNORECASE)
_BORN = re.compile(r"(?:nee?|ne\(e\))\s+(?:le|en|a)\b")  # "émilie giraud née le 16/7/57"
_SAINTS = frozenset("saint sainte st ste".split())  # "saint denis", "sainte marie": places
_LEET = str.maketrans("013457@$", "oieastas")
_SIGNS = frozenset("!$*#%&?+=~^§£€")
_SHORT_CODE = re.compile(r"[a-z]{1,3}\d+")  # a form ("S3705"), a room, a bus line: not a login


# A value sent in pieces, one message each: "le début c'est 2 26 03 97", "la suite du numéro c'est 26 10
# 37", "et la fin du numéro de sécu : 587 301 54". The words say it is a piece of a value.
_PIECE = re.compile(
    r"\b(?:la\s+suite|la\s+fin|le\s+debut|le\s+reste|la\s+(?:1re|2e|premiere|deuxieme|seconde|derniere)\s+partie"
    r"|les\s+(?:\d\s+)?(?:premiers|derniers)\s+chiffres)"
    r"(?:\s+(?:du|de\s+mon|de\s+ma|de\s+la|de\s+l')\s*[a-z'\- ]{0,30}?)?\s*(?::|=|c'?\s?est|cest|c)?\s*"
    r"(?P<value>\d{1,4}(?:[ .\-]\d{1,4}){0,6})(?![\d,]|[ .\-]?\d)"
)
_PIECE_HINTS = ("suite", "fin", "debut", "reste", "partie", "chiffres")
_PIECE_KINDS = (("NIR", re.compile(r"\b(?:secu|securite|nir|nss|vitale)\b")),
                ("PHONE", re.compile(r"\b(?:tel|telephone|portable|mobile|fixe)\b")),
                ("IBAN", re.compile(r"\b(?:iban|rib)\b")))


def find_lone_values(text: str, folded: str, lexicon: NameLexicon) -> Iterator[Finding]:
    """Yield the values of a short message that has nothing around them but a few words, and the
    pieces of a value sent in several messages."""
    yield from _pieces(folded)
    # a number typed in groups counts as one word
    if len(_WORD.findall(folded)) + len(_NUMBER.findall(folded)) > MAX_WORDS:
        return
    yield from _numbers(text, folded)
    offset = 0
    for line in folded.split("\n"):
        start = offset + _FILLERS.match(line).end()
        offset += len(line) + 1
        yield from _date_alone(folded, start)
        yield from _name_first(text, folded, start, lexicon)
        yield from _identifier_first(text, folded, start, lexicon)


# A thread pasted from WhatsApp or Messenger: each time-stamped line is a message of its own, and a
# short one answers the line before ("ta date de naissance ?" then "[19/03/2025 13:42] Moi: 08/01/1978").
_THREAD_LINE = re.compile(
    r"(?m)^[ \t]*(?:\[\d{1,2}/\d{1,2}(?:/\d{2,4})?,?[ \t]+\d{1,2}[:h]\d\d(?::\d\d)?\]"
    r"|\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}[:h]\d\d[ \t]+-)"
    r"[ \t]*[^\n:]{1,40}?:[ \t]*(?P<message>[^\n]+)$")


def find_thread_answers(text: str, folded: str, lexicon: NameLexicon) -> Iterator[Finding]:
    """Yield the values of the short messages of a pasted thread, each read as a message alone."""
    for line in _THREAD_LINE.finditer(folded):
        start, end = line.span("message")
        for finding in find_lone_values(text[start:end], folded[start:end], lexicon):
            yield Finding(finding.type, finding.start + start, finding.end + start)


def _pieces(folded: str) -> Iterator[Finding]:
    """A piece of a number announced as such, five digits at least; not a date nor, when no number
    is named, an amount."""
    for match in _PIECE.finditer(folded) if mentions(folded, _PIECE_HINTS) else ():
        value = match.group("value")
        digits = sum(c.isdigit() for c in value)
        if digits < 5 or _NOT_A_NUMBER_AFTER.match(folded, match.end()) or _DATE_AFTER.match(folded, match.end()):
            continue
        if _DATE_SHAPE.fullmatch(value):
            continue  # "la fin du contrat c'est 15 06 2025"
        kind = next((kind for kind, cue in _PIECE_KINDS if cue.search(folded)), None)
        if kind is None and _THOUSANDS.fullmatch(value):
            continue  # "le reste c'est 150 000": an amount, when no number is named
        yield Finding(kind or "FILE_NUMBER", match.start("value"), match.end("value"))


def _date_alone(folded: str, start: int) -> Iterator[Finding]:
    """A full date of the past, alone on its line after a few words of answer."""
    match = _DATE.match(folded, start)
    if not match or not _END_OF_LINE.match(folded, match.end()):
        return
    year = int(match.group("year") or match.group("long_year"))
    if match.group("year") and len(match.group("year")) == 2:
        year += 2000 if 2000 + year <= date.today().year else 1900
    if 1900 <= year <= date.today().year and 1 <= int(match.group("month") or 1) <= 12:
        yield Finding("BIRTHDATE", match.start("date"), match.end("date"))


def _numbers(text: str, folded: str) -> Iterator[Finding]:
    """Six digits and more that are no amount, year, phone, date or public reference."""
    for match in _runs(folded):
        if _NOT_A_NUMBER_AFTER.match(folded, match.end()):
            continue
        groups = match.group().split()
        if all(_YEAR.fullmatch(group) for group in groups) or all(len(group) == 2 for group in groups[:3]):
            continue  # "2019 2021": years; "ald 30 31 32": a list of small numbers
        if sum(len(group) >= 5 for group in groups) >= 2:
            continue  # "micro 188700 77700": two amounts side by side
        digits = "".join(groups)
        nir = len(digits) == 13 and digits[0] in "1278"  # the social security number, its key apart
        if len(groups[0]) == 1 and not nir:
            continue
        if not (6 <= len(digits) <= 11 or nir) or (len(digits) == 10 and digits.startswith("0")):
            continue  # a phone number is the phone reader's
        if _GLUED_DATE.fullmatch(digits):
            continue  # "on est le 12032025"
        if (_NOT_A_REFERENCE_BEFORE.search(folded, max(0, match.start() - 40), match.start())
                or POSTAL_ITEM_BEFORE.search(folded, max(0, match.start() - 40), match.start())):
            continue
        if nir:
            yield Finding("NIR", match.start(), match.end())
            yield from key_after(folded, match.end())
            continue
        kind = {6: "SECRET", 7: "ALLOCATAIRE"}.get(len(digits), "FILE_NUMBER")
        start = with_capital_prefix(text, match.start()) if kind == "FILE_NUMBER" else match.start()
        yield Finding(kind, start, match.end())


_PHONE_GROUP = re.compile(r"(?<!\S)0[1-9]\d{8}(?!\S)")


def _runs(folded: str) -> Iterator[re.Match[str]]:
    """The numbers of the message, a phone number in a row of them set apart (the phone reader's):
    "5265520 0753412523" is an allocataire number and a phone, not one reference."""
    if _PHONE_GROUP.search(folded):
        folded = _PHONE_GROUP.sub(lambda phone: "~" * len(phone.group()), folded)
    return _NUMBER.finditer(folded)


def _name_first(text: str, folded: str, start: int, lexicon: NameLexicon) -> Iterator[Finding]:
    """A first name and a word no dictionary knows, then nothing but a value on the line: "kader
    benyahia", "dupont marie", "gomez lucia 1 92 12 ...", "émilie giraud née le ..."; or a first name
    alone ("vincent")."""
    words: list[re.Match[str]] = []
    for match in _WORD.finditer(folded, start):
        if folded[words[-1].end() if words else start : match.start()].strip() or len(words) == 3:
            break  # a digit or a sign between: the name is over
        words.append(match)
    end_of_line = folded.find("\n", start)
    end_of_line = len(folded) if end_of_line < 0 else end_of_line
    while words:
        if _is_name(text, words, lexicon):
            after = folded[words[-1].end() : end_of_line].strip(" .!?")
            if not after or after[0].isdigit() or _BORN.match(after):
                yield Finding("NAME", words[0].start(), words[-1].end())
            return
        words.pop()


def _is_name(text: str, words: list[re.Match[str]], lexicon: NameLexicon) -> bool:
    """A first name and a surname or a word no dictionary knows ("kader benyahia", "andré
    bouvier", "dupont marie"); or a first name alone that is no ordinary word ("vincent", not
    "rose"). No function word, month or organisation ("france travail", "saint denis")."""
    folded = [word.group() for word in words]
    if any(lexicon.never(word) for word in folded) or folded[0] in _SAINTS:
        return False
    if len(folded) == 1:  # "vincent", "DIALLO": a first name that is no word, a surname in capitals
        word, typed = folded[0], text[words[0].start() : words[0].end()]
        if all(piece in FIRST_NAMES for piece in word.split("-")):
            return word not in FIRST_NAMES_AS_WORDS
        return typed[0].isupper() and word in census_surnames() and not lexicon.dictionary_word(typed)
    first_names, surnames = census_first_names(), census_surnames()
    given = [word for word in words if all(piece in first_names for piece in word.group().split("-"))]
    others = [word for word in words if word not in given] or words  # first names only: each one checked
    return bool(given) and all(word.group() in surnames or not lexicon.dictionary_word(text[word.start() : word.end()])
                               for word in others)


def _identifier_first(text: str, folded: str, start: int, lexicon: NameLexicon) -> Iterator[Finding]:
    """A login or a password sent alone: "dupontm69", "m.leroy.42", "papillon615$"."""
    match = _TOKEN.match(text, start)
    if not match:
        return
    token = folded[match.start("token") : match.end("token")]
    if sum(c.isalpha() for c in token) < 2 or _SHORT_CODE.fullmatch(token):
        return
    if lexicon.dictionary_word(token) or lexicon.dictionary_word(token.translate(_LEET)):
        return  # "C0NN4RD": a word written with digits
    typed = match.group("token")
    secret = any(c in _SIGNS for c in token) or (typed != typed.lower() and "." not in token)
    yield Finding("SECRET" if secret else "LOGIN", match.start("token"), match.end("token"))
