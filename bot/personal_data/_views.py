"""Rewritten copies of a message, character for character, where a typed value hides behind
look-alike characters: letters a scanner read for digits ("3O O4 97 325", "O4/lO/l959") and
words joined by "_" or "+" (a file name "avis_arret_1330599...pdf", a form's web address
"adresse=12+impasse+des+Mesanges"). The pattern readers run again on the copy when it differs
from the message; no character moves, so their spans hold on the message itself.
"""

from __future__ import annotations

import re

_LOOK_ALIKES = str.maketrans("OoIl|", "00111")
# Words of digits and look-alike letters, separated by one space, dot, slash or dash.
_DIGIT_RUN = re.compile(r"(?<![\w])[0-9OoIl|]+(?:[ ./\-][0-9OoIl|]+)*(?![\w])")
_MIXED_WORD = re.compile(r"(?=[0-9OoIl|]*\d)(?=[0-9OoIl|]*[OoIl|])[0-9OoIl|]+")
_MIN_DIGITS = 4
_JOINED = re.compile(r"_|(?<=[^\W_])\+(?=[^\W_])")


def _read_digits(match: re.Match[str]) -> str:
    run = match.group()
    if sum(c.isdigit() for c in run) < _MIN_DIGITS or not _MIXED_WORD.search(run):
        return run
    return run.translate(_LOOK_ALIKES)


def digits_and_words_view(text: str) -> str:
    """The message with look-alike letters read as digits inside numbers, and "_" or "+"
    between words read as spaces; the same length as the message."""
    view = _JOINED.sub(" ", text) if ("_" in text or "+" in text) else text
    if any(c in text for c in "OoIl|"):
        view = _DIGIT_RUN.sub(_read_digits, view)
    return view
