"""Categories, severities and the verdict handed to the conversation flow.

The usage charter grades what it removes: criticism stays visible and gets an answer,
insults get a reminder, threats and self-harm go to an agent at once (EN3S grid, item F10).
The verdict carries that grade so the flow never has to re-derive it from the category.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Severity(IntEnum):
    """How fast and how firmly the flow must react; higher means more urgent."""

    NONE = 0
    LOW = 1  # answered normally: criticism gets an acknowledgement, spam a redirection
    MEDIUM = 2  # charter reminder, then a pause if it goes on
    HIGH = 3  # charter reminder and the conversation flagged for a moderator
    URGENT = 4  # an agent at once (and the prevention number for self-harm)

    def __str__(self) -> str:
        return self.name.lower()


# Most serious first: when rules of several categories match, the first one listed wins.
# Self-harm before threat: a person in danger needs the prevention number whatever else they say.
CATEGORIES: tuple[str, ...] = (
    "self_harm",
    "threat",
    "hate",
    "defamation",
    "insult",
    "criticism",
    "spam",
    "none",
)

SEVERITIES: dict[str, Severity] = {
    "self_harm": Severity.URGENT,
    "threat": Severity.URGENT,
    "hate": Severity.HIGH,
    "defamation": Severity.HIGH,
    "insult": Severity.MEDIUM,
    "criticism": Severity.LOW,
    "spam": Severity.LOW,
    "none": Severity.NONE,
}

# Categories the charter removes; criticism and spam are not abuse.
ABUSE: frozenset[str] = frozenset({"insult", "threat", "hate", "defamation"})


@dataclass(frozen=True)
class Evidence:
    """Why a category matched: the rule name and, for word lists, the lexicon entry.

    Never the user's text: a verdict can be logged or stored next to a flagged
    conversation without copying what the person wrote.
    """

    category: str
    rule: str
    term: str | None = None

    def as_dict(self) -> dict[str, str]:
        record = {"category": self.category, "rule": self.rule}
        if self.term is not None:
            record["term"] = self.term
        return record


@dataclass(frozen=True)
class Verdict:
    """The category of one message, its severity and the evidence of every matched rule."""

    category: str
    evidence: tuple[Evidence, ...] = ()

    @property
    def severity(self) -> Severity:
        return SEVERITIES[self.category]

    @property
    def categories(self) -> tuple[str, ...]:
        """Every matched category, most serious first (a threat may also insult)."""
        found = {e.category for e in self.evidence}
        return tuple(c for c in CATEGORIES if c in found) or ("none",)

    @property
    def is_abuse(self) -> bool:
        """True when the charter removes the message (criticism and spam are kept)."""
        return self.category in ABUSE

    @property
    def urgent(self) -> bool:
        """True when an agent must take over at once."""
        return self.severity is Severity.URGENT

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form, without the message text."""
        return {
            "category": self.category,
            "severity": str(self.severity),
            "evidence": [e.as_dict() for e in self.evidence],
        }
