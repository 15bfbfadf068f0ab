"""A value corrected right after it was typed: "née le 26/09/1958 non pardon 26/09/1985",
"mon nom c'est Dupui non pardon Dupuy", "mdp Chaton12 non pardon chaton12"; and a value typed
twice ("identifiant gmorvillier ... je répète gmorvillier"): the second time has no cue. A
password or a login given with another one ("mdp: X (ou Y je sais plus)", "mon id c'est X et
lui Y", "nouveau mot de passe: X ancien: Y", "mon num alloc c X et celui de mon ex Y", "c'est X pas Y") has none
either.

The correction is the same kind of data as the value it corrects, and as personal: it is masked
as that kind. Only a value of the same shape is taken (digits for a number, a capitalised word
for a name, one word for a password), right after a word that says it corrects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ._model import Finding
from ._text import value_end

# "mdp: X (ou loulou1130 je sais plus)", "mon id c'est X et lui jeanclaude.k": another value
# of the same kind, given as an alternative or for the next person.
_ANOTHER = re.compile(
    r"\s*[,;]?\s*(?:je\s+crois\s*,?\s*)?(?:\(\s*)?(?:ou\s+(?:alors\s+|bien\s+|peut-etre\s+|le\s+)?|et\s+(?:lui|elle|le\s+sien|la\s+sienne)"
    r"\s*(?:c'?\s?est\s+)?|(?:et\s+)?(?:le\s+mien|la\s+mienne|le\s+sien|la\s+sienne)\s*(?::|c'?\s?est)?\s*"
    r"|(?:et\s+)?(?:l'?\s?|le\s+)?(?:ancien|nouveau)\s*(?::|c'?\s?est|c'?\s?etait|etait)?\s*"
    # "mon num alloc c X et celui de mon ex 1105986", "... et celui de l'assistante maternelle PAJ..."
    # "j'ai essayé X et Soleil278", "deux identifiants X et madiboina2" (a digit or symbol needed)
    r"|et\s+(?=[^\s,;]*[\d._@*#!$%&])"
    # "c'est 5113810 pas 4015333": the value mistyped before, as personal
    r"|(?:et\s+|mais\s+)?(?:non\s+)?pas\s+(?:le\s+|la\s+|celui-?\s?la\s+)?(?=[^\s,;]*\d)"
    r"|(?:et\s+)?(?:celui|celle)\s+(?:de\s+|d'\s?)(?:mon\s+|ma\s+|son\s+|sa\s+|la\s+|le\s+|l'\s?)?[a-z\-]+(?:\s+[a-z\-]+)?"
    r"\s*(?::|c'?\s?est|c)?\s*"
    # "mon ex avait le 4854475, moi j'ai le 3174807"
    r"|(?:et\s+)?moi\s*,?\s*(?:j'?\s?ai\s+(?:le\s+)?|c'?\s?est\s+(?:le\s+)?|:\s*))"
)
_ANOTHER_KINDS = frozenset({"SECRET", "LOGIN", "ALLOCATAIRE", "MSA", "FISCAL", "FILE_NUMBER", "ID_DOCUMENT"})
# Such a value has a digit or a symbol in it: "ou je sais plus" gives none.
_VALUE_LIKE = re.compile(r"(?=.*[\d._@*#!$%&])\S{4,60}")
_CORRECTING = re.compile(
    r"\s*[,.;)]?\s*(?:(?:non|nan|oups|euh)\s*,?\s*)?(?:pardon|plutot|je\s+(?:voulais|veux)\s+dire|en\s+fait"
    r"|correction|dsl|desole|erreur)\s*[,:]?\s*(?:c'?\s?est\s+)?(?:le\s+|la\s+)?"
)
_NAME_VALUE = re.compile(r"[A-ZÀ-Ý][^\W\d_]+(?:[ -][A-ZÀ-Ý][^\W\d_]+)?")
_WORD_VALUE = re.compile(r"[^\s,;]+")
_NUMBER_VALUE = re.compile(r"[\w/.\-]*\d(?:[\w/.\-]|\s(?=[\w/.\-]*\d))*")
_TRAILING = ".,;:!?)"
# A number typed in groups ("8109 9249 7525") is read whole, a reference with letters as one word.
_DIGITS_FIRST = re.compile(r"\d")


def find_corrections(text: str, folded: str, findings: Iterable[Finding]) -> Iterator[Finding]:
    """Yield the corrections typed right after these findings, as the same kind."""
    for finding in findings:
        correcting = _CORRECTING.match(folded, finding.end)
        if not correcting and finding.type in _ANOTHER_KINDS:
            another = _ANOTHER.match(folded, finding.end)
            number = finding.type not in ("SECRET", "LOGIN") and _DIGITS_FIRST.match(text, another.end()) if another else None
            value = (_NUMBER_VALUE if number else _WORD_VALUE).match(text, another.end()) if another else None
            if value and _VALUE_LIKE.fullmatch(value.group().rstrip(_TRAILING).replace(" ", "")):
                yield Finding(finding.type, value.start(), value_end(text, value.start(), value.end(), _TRAILING))
            continue
        if not correcting:
            continue
        if finding.type == "NAME":
            value = _NAME_VALUE.match(text, correcting.end())
        elif finding.type in ("SECRET", "LOGIN"):
            value = _WORD_VALUE.match(text, correcting.end())
        else:
            value = _NUMBER_VALUE.match(text, correcting.end())
        if value:
            yield Finding(finding.type, value.start(), value_end(text, value.start(), value.end(), _TRAILING))


_REPEATED_MIN_LENGTH = 4


# "4703279 - je l'écris une deuxième fois si jamais 4703879": a number of seven digits or more typed
# again with one digit changed is the same value, mistyped once.
_RETYPED_MIN_DIGITS = 7
_DIGIT_RUN = re.compile(r"(?<![\w.,/])\d(?:[ .]?\d)*(?![\w.,/]?\d)")


def _one_digit_apart(first: str, second: str) -> bool:
    return len(first) == len(second) and sum(a != b for a, b in zip(first, second)) == 1


def find_repetitions(text: str, findings: Iterable[Finding]) -> Iterator[Finding]:
    """The same value typed again further on ("identifiant gmorvillier... je répète gmorvillier"),
    or a long number typed again with one digit changed, as the same kind."""
    findings = list(findings)
    for finding in findings:
        value = text[finding.start : finding.end]
        if len(value) < _REPEATED_MIN_LENGTH:
            continue
        for other in re.finditer(rf"(?<!\w){re.escape(value)}(?!\w)", text):
            if other.start() != finding.start:
                yield Finding(finding.type, other.start(), other.end())
    numbers = [(f, re.sub(r"\D", "", text[f.start : f.end])) for f in findings]
    numbers = [(f, digits) for f, digits in numbers if len(digits) >= _RETYPED_MIN_DIGITS and f.type != "CARD"]
    if not numbers:
        return
    for run in _DIGIT_RUN.finditer(text):
        digits = re.sub(r"\D", "", run.group())
        for finding, known in numbers:
            if _one_digit_apart(digits, known) and not finding.start <= run.start() < finding.end:
                yield Finding(finding.type, run.start(), run.end())
                break
