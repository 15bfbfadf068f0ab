"""Numbers spelled out after the name of what they are: "numéro de sécu un cinquante sept zéro
six...", "code confidentiel un zéro huit huit", "mon iban c'est F R soixante seize...", "date
d'expiration zéro six vingt huit", "numéro de passeport soixante quatorze A A vingt cinq...".

People dictate to their phone or spell to dodge filters; the words give the number away as
surely as the digits. A run of number words (three at least) right after a cue is masked as the
kind the cue names. Phone numbers spelled out have their own reader (`_phone.py`), which checks
the number; here nothing can be checked, so the cue is required.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._lexicon import NUMBER_TEENS, NUMBER_TENS, NUMBER_UNITS
from ._model import Finding

_NUMBER_WORD = (
    "(?:" + "|".join([*NUMBER_UNITS, *NUMBER_TEENS, *NUMBER_TENS, "vingts", "cents?", "mille", "et", r"\d+"]) + ")"
)
# Kinds named by a cue, and whether single letters belong to their values ("F R 76", "A A").
_CUES: tuple[tuple[str, str, bool], ...] = (
    ("NIR", r"\b(?:secu|securite\s+sociale|nir|nss|n°\s*ss|carte\s+vitale)\b", False),
    ("IBAN", r"\b(?:iban|rib)\b", True),
    ("SECRET", r"\b(?:code(?:\s+(?:confidentiel|secret|pin|d'?\s*acces|de\s+verification|du\s+sms|recu)"
               r"|(?!\s+(?:postal|du\s+travail|de\s+la|civil|penal|ape|naf|rome|insee|erreur)))"
               r"|mot\s+de\s+passe|mdp)\b", False),
    ("ALLOCATAIRE", r"\ballocataire\b", False),
    ("ID_DOCUMENT", r"\b(?:passeport|carte\s+d'?\s*identite|titre\s+de\s+sejour|numero\s+etranger)\b", True),
    ("CARD", r"\b(?:numero\s+de\s+carte|carte\s+bancaire|date\s+d'?\s*expiration|expire|cryptogramme|crypto"
             r"|cvv)\b", False),
)
# Between the cue and the number: a few words without digits ("c'est", "commence par", ":").
_GAP = r"[^\d\n?!.;]{0,30}?"
_SEPARATOR = r"[\s,\-]+"
_MIN_NUMBER_WORDS = 3
_PATTERNS = [
    (kind, re.compile(
        rf"{cue}{_GAP}(?<![\w])(?P<run>(?:{_NUMBER_WORD}{'|[a-z]' if letters else ''})"
        rf"(?:{_SEPARATOR}(?:{_NUMBER_WORD}{'|[a-z]' if letters else ''})(?![\w'])){{2,40}})"
    ))
    for kind, cue, letters in _CUES
]
_WORDS = re.compile(_NUMBER_WORD)
_HINTS = tuple(word for word in (*NUMBER_UNITS, *NUMBER_TEENS, *NUMBER_TENS, "cent") if len(word) >= 3)


def find_spelled_numbers(text: str, folded: str) -> Iterator[Finding]:
    """Yield runs of number words after a cue naming the kind of number."""
    del text  # the folded copy has the same offsets
    if not any(hint in folded for hint in _HINTS):
        return
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            run = match.group("run")
            words = [w for w in re.split(_SEPARATOR, run) if _WORDS.fullmatch(w) and w != "et"]
            if len(words) >= _MIN_NUMBER_WORDS:
                end = match.end("run")
                while folded[end - 1] in " ,-":
                    end -= 1
                yield Finding(kind, match.start("run"), end)
