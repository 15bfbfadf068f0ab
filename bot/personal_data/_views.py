"""Rewritten copies of a message, character for character, where a typed value hides behind
look-alike characters: letters a scanner read for digits ("3O O4 97 325", "O4/lO/l959"), the
hidden end of a number ("07 56 50 18 XX") and
words joined by "_" or "+" (a file name "avis_arret_1330599...pdf", a form's web address
"adresse=12+impasse+des+Mesanges"), fields joined by "|" ("iban|FR76|3018|...") and an emoji
typed inside a number ("07 52 📞 31 76 35") or digits typed as keycaps ("0️⃣7️⃣"), a bullet between a
number's groups ("1•80•06"), and a long number or an IBAN glued to the word
before it, typed in a hurry ("mon n ss144099722320267", "num0665441277", "ibanfr76...",
"permis27VM31922"): the last letter of that word is read as a space; commas between the groups
of a number ("06,53,43,91,94") are read as spaces; non-breaking spaces, tabs, long dashes and
full-width digits pasted from a PDF or a spreadsheet are read as plain ones. The pattern readers run again on the copy when it differs
from the message; no character moves, so their spans hold on the message itself.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LOOK_ALIKES = str.maketrans("OoIl|", "00111")
# Words of digits and look-alike letters, separated by one space, dot, slash or dash.
_DIGIT_RUN = re.compile(r"(?<![\w])[0-9OoIl|]+(?:[ ./\-][0-9OoIl|]+)*(?![\w])")
_MIXED_WORD = re.compile(r"(?=[0-9OoIl|]*\d)(?=[0-9OoIl|]*[OoIl|])[0-9OoIl|]+")
_MIN_DIGITS = 4
_JOINED = re.compile(r"_|(?<=[^\W_])\+(?=[^\W_])")
# Two "|" on one line separate fields (a table, a form pasted from software): then "|" is a
# space, not a scanned "1", and "|05/02/2024|752,36|" is never read as one long number.
_FIELD_BARS = re.compile(r"\|[^\n|]*\|")
# A value glued to the word before it: nine digits and more (not the digits of an IBAN after its
# country), an IBAN's country and key, or a passport's "27VM31922"; the letter before it becomes
# a space.
_GLUED = re.compile(
    r"(?<=[^\W\d_])[^\W\d_](?=(?!\d\d(?:\s?\d){14})\d{9}|[a-z]{2}\d\d(?:\s?\d){10}|\d\d[a-z]{2}\d{5}(?!\d))",
    re.IGNORECASE,
)
# Pictographs (emoji and symbols, one code point each in Python): read as a space.
# The keycap digits "0️⃣7️⃣..." are a digit, a variation selector and an enclosing keycap: the last two too.
_PICTOGRAPH = re.compile("[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u20e3]")
# A bullet or a middle dot between digits separates a number's groups ("1•80•06•99", "06·52·84").
_DOT_BETWEEN_DIGITS = re.compile("(?<=\\d)[\u2022\u00b7\u2219\u22c5](?=\\d)")
# The end of a number hidden by its writer ("07 56 50 18 XX", "2 19 10 97 105 *** **"): six
# digits and more that stay visible are still the person's, read as a number whose last digits
# are unknown. Hidden characters before or inside the number ("06 XX XX 45 67", "**** 8746",
# "01 xx xx xx xx") leave too little.
_HIDDEN_END = re.compile(
    r"(?P<visible>\d(?:[ .\-]?\d){5,})(?P<hidden>(?:[ .\-]?[*xX#•]){2,})(?![ .\-]?[\d*xX#•])(?![^\W\d_])"
)
_HIDDEN_AS_DIGITS = str.maketrans("*xX#•", "00000")
# Pasted from a PDF, a word processor or a spreadsheet: non-breaking and thin spaces and tabs are
# spaces, the many dashes are "-", full-width digits, other scripts' digits and superscript letters ("1ᵉʳ") are plain.
_PASTED = str.maketrans(
    {**dict.fromkeys("\u00a0\u2002\u2003\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t", " "),
     **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-"),
     **{chr(0xFF10 + digit): str(digit) for digit in range(10)}, "ᵉ": "e", "ʳ": "r", "ᵈ": "d", "ˢ": "s",
     # the digits of Arabic, Persian and Urdu, Devanagari and Bengali writing ("৩৭৯৭৫৫২", "۱۳۶۹")
     **{chr(zero + digit): str(digit) for zero in (0x0660, 0x06F0, 0x0966, 0x09E6) for digit in range(10)}}
)
# Commas typed between the groups of a number ("1,72,99,97,211,458,45", "06,53,43,91,94",
# "0,097,945"): three groups and more are no decimal, read as spaces.
_COMMA_GROUPS = re.compile(r"(?<![\d,])\d{1,4}(?:,\d{1,4}){2,}(?!\d|,\d)")


def _read_digits(match: re.Match[str]) -> str:
    run = match.group()
    if sum(c.isdigit() for c in run) < _MIN_DIGITS:
        return run
    # a scan that spaced out every character ("2 5 8 3 O 4 6"): one look-alike among digits
    spaced_out = run.count(" ") >= _MIN_DIGITS and all(len(word) == 1 for word in run.split(" "))
    if not _MIXED_WORD.search(run) and not spaced_out:
        return run
    return run.translate(_LOOK_ALIKES)


def digits_and_words_view(text: str) -> str:
    """The message with look-alike letters read as digits inside numbers, the hidden end of a
    number read as zeros, and "_", "+", field bars and pictographs read as spaces; the same
    length as the message."""
    view = text if text.isascii() and "\t" not in text else text.translate(_PASTED)
    view = _JOINED.sub(" ", view) if ("_" in view or "+" in view) else view
    if "|" in view and _FIELD_BARS.search(view):
        view = view.replace("|", " ")
    if not view.isascii():
        view = _PICTOGRAPH.sub(" ", _DOT_BETWEEN_DIGITS.sub(".", view))
    view = _GLUED.sub(" ", view)
    if "," in view:
        view = _COMMA_GROUPS.sub(lambda match: match.group().replace(",", " "), view)
    if any(c in view for c in "OoIl|"):
        view = _DIGIT_RUN.sub(_read_digits, view)
    if any(c in text for c in "*xX#•"):
        view = _HIDDEN_END.sub(lambda match: match["visible"] + match["hidden"].translate(_HIDDEN_AS_DIGITS), view)
    return view


# Letters without a decomposition to their base letter.
_BASE_LETTERS = {"ł": "l", "Ł": "L", "ı": "i", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T",
                 "ŀ": "l", "Ŀ": "L"}


_OTHER_LATIN = re.compile("[\u0100-\u024f]")


@lru_cache(maxsize=1024)
def _base_letter(char: str) -> str:
    if char in _BASE_LETTERS:
        return _BASE_LETTERS[char]
    base = unicodedata.normalize("NFKD", char)[0]
    return base if base.isascii() and base.isalpha() else char


# Cyrillic and Greek letters that look like Latin ones, typed inside a Latin word from a Russian
# keyboard or to slip past a filter ("Аlеxandrе Bеrnard", "jеan.dupont@gmail.com").
_LOOK_ALIKE_LETTERS = str.maketrans("АВЕКМНОРСТХаеорсухіјѕԁΑΒΕΖΗΙΚΜΝΟΡΤΥΧαοικνρτυχ",
                                    "ABEKMHOPCTXaeopcyxijsdABEZHIKMNOPTYXaoiknptux")
_MIXED_SCRIPT_WORD = re.compile(r"(?=[^\W\d_]*[A-Za-z])(?=[^\W\d_]*[\u0370-\u03ff\u0400-\u04ff])[^\W\d_]+")


def latin_letters_view(text: str) -> str:
    """The message with the letters of other Latin alphabets written as their base letter, case
    kept ("Małgorzata Żak" -> "Malgorzata Zak", "Ayşe Doğan" -> "Ayse Dogan"), and the Cyrillic or
    Greek look-alikes inside a Latin word as the Latin letter: the readers' name shapes know the
    French letters only. French letters (Latin-1: "é", "ç", "ÿ") stay as they are."""
    if text.isascii():
        return text
    if _MIXED_SCRIPT_WORD.search(text):
        text = _MIXED_SCRIPT_WORD.sub(lambda match: match.group().translate(_LOOK_ALIKE_LETTERS), text)
    if not _OTHER_LATIN.search(text):
        return text
    return _OTHER_LATIN.sub(lambda match: _base_letter(match.group()), text)
