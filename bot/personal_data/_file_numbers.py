"""File numbers that only mean something in context: CAF allocataire, MSA, tax (SPI).

These numbers have no public checksum (allocataire, MSA) or one too weak to be trusted
alone (tax number, mod 511), so they are taken only after a cue naming them:
"mon numéro allocataire c'est 1234567", "n° alloc: 123 4567", "numero fiscal 0123...".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._model import Finding

_NUMBER_WORD = r"(?:numero|numeros|num|nume?ro|n°|nº|no|n|#|matricule|identifiant|id|code)"
_OF = r"(?:\s*(?:d'|de|d)\s*)?"

_CUES: dict[str, re.Pattern[str]] = {
    "ALLOCATAIRE": re.compile(
        rf"(?:\b{_NUMBER_WORD}\.?\s*{_OF}(?:all?occ?at?aire?s?|all?oc|caf)\b"
        r"|\ball?ocataire\s*(?:n°|nº|(?:no|num|numero)\b)|\bmatricule\s*caf\b)"
    ),
    "MSA": re.compile(
        rf"(?:\b{_NUMBER_WORD}\.?\s*{_OF}(?:adherent\s*)?(?:a\s*la\s*)?msa\b"
        r"|\bmsa\s*(?:n°|nº|(?:no|num|numero)\b)|\bnumero\s*d'adherent\b)"
    ),
    "FISCAL": re.compile(
        rf"(?:\b{_NUMBER_WORD}\.?\s*{_OF}(?:identification\s*)?fiscale?s?\b"
        r"|\bnumero\s*spi\b|\bspi\b|\bnif\b|\bnumero\s*de\s*(?:tele)?declarant\b)"
    ),
}

# What may sit between the cue and the value ("c'est", ": ", "j'ai un courrier avec"):
# no digit, no end of sentence.
_GAP = r"[^\d\n?!.]{0,50}?"
_VALUES: dict[str, str] = {
    "ALLOCATAIRE": r"\d(?:[ .]?\d){5,8}",
    "MSA": r"\d(?:[ .]?\d){5,14}",
    "FISCAL": r"[0-3](?:[ .]?\d){12}",
}
_NOT_AMOUNT = r"(?![ .]?\d)(?!\s*(?:€|e\b|eur\b|euros?\b|%))"

_PATTERNS = {
    kind: re.compile(rf"{cue.pattern}{_GAP}(?<![\d.])(?P<value>{_VALUES[kind]}){_NOT_AMOUNT}")
    for kind, cue in _CUES.items()
}


def find_file_numbers(text: str, folded: str) -> Iterator[Finding]:
    """Yield allocataire, MSA and tax numbers introduced by a cue."""
    del text  # the folded copy has the same offsets and simpler cues
    for kind, pattern in _PATTERNS.items():
        for match in pattern.finditer(folded):
            yield Finding(kind, match.start("value"), match.end("value"))
