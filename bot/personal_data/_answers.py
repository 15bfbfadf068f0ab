"""A value typed on the line after the question that asked for it, in a conversation pasted
from another messenger ("[11:20] Maman : c'est quoi ta date de naissance ?" then "[11:21] Moi :
06/07/1998"): the answer has no label of its own, the question is its label.

Only the kinds whose values do not show what they are: a date (a birth date only when asked
for one), a login, a password or code. Numbers that show their kind (NIR, IBAN, phone, e-mail)
are found by their own readers wherever they stand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._model import Finding
from ._text import value_end

# What the question asks for, on a line with "?" or "quoi".
_ASKED = {
    "BIRTHDATE": re.compile(r"\b(?:date\s+de\s+naissance|ddn|ne\s+le|nee\s+le|ta\s+naissance)\b"),
    "LOGIN": re.compile(r"\b(?:identifiant|login|pseudo|nom\s+d'?\s*utilisateur)\b"),
    "SECRET": re.compile(r"\b(?:mot\s+de\s+passe|mdp|code\s+(?:recu|sms|de\s+verification|confidentiel))\b"),
}
_QUESTION = re.compile(r"\?|\bquoi\b|\bc'?\s?est\s+quel\b|\bdonne[sz]?\s*-?\s*moi\b|\benvoie[sz]?\s*-?\s*moi\b")
# The answer line: an optional time and speaker ("[11:21] Moi :"), then the value.
_SPEAKER = r"[ \t]*(?:\[\d{1,2}[:h]\d{2}(?::\d{2})?\][ \t]*)?(?:[^\W\d_][\w'\- ]{0,20}[ \t]*:[ \t]*)?"
_VALUES = {
    "BIRTHDATE": re.compile(_SPEAKER + r"(?:le\s+)?(?P<value>\d{1,2}[/.\- ]\d{1,2}[/.\- ](?:19|20)?\d\d)(?![\d/])"),
    "LOGIN": re.compile(_SPEAKER + r"(?:c'?\s?est\s+)?(?P<value>(?=\S*[^\W\d_])(?=\S*[\d._])[^\s\"'«“/]{5,59})"),
    "SECRET": re.compile(_SPEAKER + r"(?:c'?\s?est\s+)?(?P<value>(?=\S*\d)[^\s\"'«“/]{4,59})"),
}


def find_answers(text: str, folded: str) -> Iterator[Finding]:
    """Yield the values typed on the line right after a question asking for them."""
    if "\n" not in folded:
        return
    lines = folded.split("\n")
    offset = 0
    for line, following in zip(lines, lines[1:]):
        start_of_next = offset + len(line) + 1
        offset = start_of_next
        if not _QUESTION.search(line):
            continue
        for kind, asked in _ASKED.items():
            if not asked.search(line):
                continue
            answer = _VALUES[kind].match(following)
            if answer:
                start = start_of_next + answer.start("value")
                yield Finding(kind, start, value_end(text, start, start_of_next + answer.end("value"), ".,;:!?)"))
