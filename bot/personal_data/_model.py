"""Result types shared by every detector.

A finding keeps only the type and the span: the detected value itself is never stored,
so a finding can be logged or persisted without leaking what it points at.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

MASKS: dict[str, str] = {
    "NIR": "[NIR]",
    "IBAN": "[IBAN]",
    "ALLOCATAIRE": "[N° ALLOCATAIRE]",
    "MSA": "[N° MSA]",
    "FISCAL": "[N° FISCAL]",
    "PHONE": "[TÉLÉPHONE]",
    "EMAIL": "[E-MAIL]",
    "ADDRESS": "[ADRESSE]",
    "BIRTHDATE": "[DATE DE NAISSANCE]",
    "NAME": "[NOM]",
    "CARD": "[CARTE BANCAIRE]",
    "ID_DOCUMENT": "[N° DE PIÈCE D'IDENTITÉ]",
    "SECRET": "[CODE CONFIDENTIEL]",
    "FILE_NUMBER": "[N° DE DOSSIER]",
    "LOGIN": "[IDENTIFIANT]",
}

# When two candidate spans overlap, the type listed first wins: checksum-validated
# identifiers are the most certain, names (statistical) the least. A typed secret comes
# before the pattern types it may contain ("mdp : 0612345678" is a password).
PRIORITY: tuple[str, ...] = (
    "IBAN",
    "NIR",
    "CARD",
    "ID_DOCUMENT",
    "SECRET",
    "EMAIL",
    "FISCAL",
    "MSA",
    "ALLOCATAIRE",
    "FILE_NUMBER",
    "LOGIN",
    "PHONE",
    "BIRTHDATE",
    "ADDRESS",
    "NAME",
)


@dataclass(frozen=True)
class Finding:
    """A span of personal data in the original text; the value is deliberately absent."""

    type: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.type not in MASKS:
            raise ValueError(f"unknown personal data type: {self.type}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative span: {self.start}..{self.end}")

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form, used by the CLI and by logs."""
        return {"type": self.type, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class MaskResult:
    """Masked text plus the findings it was built from (spans on the original text)."""

    text: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def types(self) -> list[str]:
        """Sorted unique types found, e.g. to tell the user what was hidden."""
        return sorted({f.type for f in self.findings})


def apply_masks(text: str, findings: list[Finding]) -> str:
    """Replace each (non-overlapping, sorted) finding by its mask token."""
    parts: list[str] = []
    cursor = 0
    for finding in findings:
        parts.append(text[cursor : finding.start])
        parts.append(MASKS[finding.type])
        cursor = finding.end
    parts.append(text[cursor:])
    return "".join(parts)


def resolve_overlaps(candidates: list[Finding]) -> list[Finding]:
    """Keep the most certain candidate among overlapping ones, then sort by position."""
    rank = {name: i for i, name in enumerate(PRIORITY)}
    ordered = sorted(candidates, key=lambda f: (rank[f.type], -(f.end - f.start), f.start))
    starts: list[int] = []  # kept spans are disjoint: sorted by start, only neighbours matter
    kept: list[Finding] = []
    for cand in ordered:
        i = bisect.bisect_left(starts, cand.start)
        if i > 0 and kept[i - 1].end > cand.start:
            continue
        if i < len(kept) and kept[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        kept.insert(i, cand)
    return kept
