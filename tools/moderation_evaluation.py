"""Evaluate the classifier on a labelled corpus: per-category precision/recall, false alarms.

The charter's two promises are measured apart: no criticism or ordinary message treated
as abuse (false alarms), and at least 95 % of insults and threats recognised.

Corpus format (YAML): each category maps to a list of messages, e.g.
`{criticism: ["vous êtes nuls"], insult: ["t'es qu'un connard"]}`.

    python -m tools.moderation_evaluation [CORPUS] [--errors]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import yaml

from bot.config import PROJECT_ROOT
from bot.moderation import CATEGORIES, Classifier, Verdict

DEFAULT_CORPUS = PROJECT_ROOT / "tests" / "moderation" / "corpus.yml"
# Categories whose recall the issue sets a floor on (>= 95 %).
MUST_CATCH = ("insult", "threat")


@dataclass(frozen=True)
class Example:
    text: str
    label: str


def load_corpus(path: Path = DEFAULT_CORPUS) -> list[Example]:
    """Read a labelled corpus; an unknown label is an error, not a silent miss."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    unknown = sorted(set(data) - set(CATEGORIES))
    if unknown:
        raise ValueError(f"unknown labels in {path}: {', '.join(unknown)}")
    return [Example(str(text), label) for label, texts in data.items() for text in texts or ()]


@dataclass
class CategoryScore:
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


@dataclass
class Evaluation:
    scores: dict[str, CategoryScore] = field(
        default_factory=lambda: {c: CategoryScore() for c in CATEGORIES}
    )
    errors: list[tuple[Example, Verdict]] = field(default_factory=list)

    @property
    def false_alarms(self) -> list[tuple[Example, Verdict]]:
        """Criticism or ordinary messages the classifier calls abuse: the charter forbids it."""
        return [
            (e, v) for e, v in self.errors if e.label in ("criticism", "none") and v.is_abuse
        ]

    @property
    def must_catch_recall(self) -> float:
        """Share of insults and threats recognised as abuse (any abusive category)."""
        gold = sum(self.scores[c].gold for c in MUST_CATCH)
        missed = sum(1 for e, v in self.errors if e.label in MUST_CATCH and not v.is_abuse)
        return (gold - missed) / gold if gold else 1.0

    @property
    def accuracy(self) -> float:
        total = sum(s.gold for s in self.scores.values())
        return (total - len(self.errors)) / total if total else 1.0


def evaluate(examples: Iterable[Example], classifier: Classifier | None = None) -> Evaluation:
    """Classify every example and count, per category, what was found and what was right."""
    classifier = classifier or Classifier()
    result = Evaluation()
    for example in examples:
        verdict = classifier.classify(example.text)
        result.scores[example.label].gold += 1
        result.scores[verdict.category].predicted += 1
        if verdict.category == example.label:
            result.scores[example.label].correct += 1
        else:
            result.errors.append((example, verdict))
    return result


def format_table(result: Evaluation) -> str:
    """A plain-text table of the scores and the two charter figures."""
    lines = [f"{'category':<12}{'gold':>6}{'pred':>6}{'ok':>6}{'precision':>11}{'recall':>8}"]
    for name, s in result.scores.items():
        lines.append(
            f"{name:<12}{s.gold:>6}{s.predicted:>6}{s.correct:>6}{s.precision:>11.3f}{s.recall:>8.3f}"
        )
    criticism_alarms = sum(1 for e, _ in result.false_alarms if e.label == "criticism")
    lines.append(f"accuracy: {result.accuracy:.3f}")
    lines.append(
        f"criticism or ordinary messages called abuse: {len(result.false_alarms)} "
        f"(criticism: {criticism_alarms})"
    )
    lines.append(f"insults and threats recognised as abuse: {result.must_catch_recall:.1%}")
    return "\n".join(lines)


def main(argv: list[str] | None = None, stdout: TextIO = sys.stdout) -> int:
    """Print the evaluation table (and optionally the misclassified messages)."""
    parser = argparse.ArgumentParser(prog="python -m tools.moderation_evaluation")
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--errors", action="store_true", help="list the misclassified messages")
    args = parser.parse_args(argv)
    result = evaluate(load_corpus(args.corpus))
    print(format_table(result), file=stdout)
    if args.errors:
        for example, verdict in result.errors:
            rules = ", ".join(f"{e.category}/{e.rule}" for e in verdict.evidence) or "-"
            print(f"{example.label} -> {verdict.category}: {example.text}  [{rules}]", file=stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
