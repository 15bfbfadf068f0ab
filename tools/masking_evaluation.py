"""Evaluate the detector on an annotated corpus: per-type precision/recall, near-miss FP rate.

Corpus format: one message per line, personal data annotated inline as
`appelez moi au <ent type="PHONE">06 12 34 56 78</ent> svp`; `\\n` stands for a line
break inside a message; lines starting with `#` are comments. A line without any
annotation is a near-miss sentence: any finding in it is a false positive.

    python -m tools.masking_evaluation [CORPUS] [--no-ner] [--errors]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from bot.config import PROJECT_ROOT
from bot.personal_data import MASKS, Detector, Finding

DEFAULT_CORPUS = PROJECT_ROOT / "tests" / "personal_data" / "corpus.txt"

_ENTITY = re.compile(r'<ent type="(?P<type>[A-Z_]+)">(?P<value>.*?)</ent>', re.DOTALL)


@dataclass(frozen=True)
class Example:
    """One corpus message: the plain text and its gold findings."""

    text: str
    gold: tuple[Finding, ...]


def parse_annotated(line: str) -> Example:
    """Strip the inline annotations, keeping their spans on the plain text."""
    line = line.replace("\\n", "\n")
    parts: list[str] = []
    gold: list[Finding] = []
    cursor = 0
    length = 0
    for match in _ENTITY.finditer(line):
        before = line[cursor : match.start()]
        parts.append(before)
        length += len(before)
        value = match.group("value")
        gold.append(Finding(match.group("type"), length, length + len(value)))
        parts.append(value)
        length += len(value)
        cursor = match.end()
    parts.append(line[cursor:])
    text = "".join(parts)
    if "<ent" in text or "</ent>" in text:
        raise ValueError(f"malformed annotation in: {line!r}")
    return Example(text, tuple(gold))


def load_corpus(path: Path = DEFAULT_CORPUS) -> list[Example]:
    """Read a corpus file, skipping blank and comment lines."""
    examples = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            examples.append(parse_annotated(raw))
    return examples


@dataclass
class TypeScore:
    """Counts for one type; a match needs the same type and overlapping spans."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0


@dataclass
class Evaluation:
    """Scores over a corpus, plus the messages that went wrong (for debugging)."""

    scores: dict[str, TypeScore] = field(default_factory=lambda: {t: TypeScore() for t in MASKS})
    near_miss_total: int = 0
    near_miss_flagged: int = 0
    leaks: int = 0  # gold values not entirely covered by some finding, whatever its type
    errors: list[tuple[Example, list[Finding]]] = field(default_factory=list)

    @property
    def false_positive_rate(self) -> float:
        """Share of near-miss sentences in which anything was found."""
        return self.near_miss_flagged / self.near_miss_total if self.near_miss_total else 0.0


def _overlap(a: Finding, b: Finding) -> bool:
    return a.start < b.end and b.start < a.end


def _covered(gold: Finding, predicted: Iterable[Finding]) -> bool:
    chars = set(range(gold.start, gold.end))
    for p in predicted:
        chars -= set(range(p.start, p.end))
    return not chars


def evaluate(examples: Iterable[Example], detector: Detector | None = None) -> Evaluation:
    """Run the detector on every example and count matches per type."""
    detector = detector or Detector()
    result = Evaluation()
    for example in examples:
        predicted = detector.detect(example.text)
        unmatched = list(predicted)
        wrong = False
        for gold in example.gold:
            score = result.scores[gold.type]
            score.gold += 1
            match = next((p for p in unmatched if p.type == gold.type and _overlap(p, gold)), None)
            if match is None:
                wrong = True
            else:
                unmatched.remove(match)
                score.matched += 1
                score.exact += (match.start, match.end) == (gold.start, gold.end)
            if not _covered(gold, predicted):
                result.leaks += 1
        for p in predicted:
            result.scores[p.type].predicted += 1
        if unmatched:
            wrong = True
        if not example.gold:
            result.near_miss_total += 1
            result.near_miss_flagged += bool(predicted)
        if wrong:
            result.errors.append((example, predicted))
    return result


def format_table(result: Evaluation) -> str:
    """A plain-text table of the scores."""
    lines = [
        f"{'type':<12}{'gold':>6}{'pred':>6}{'match':>7}{'exact':>7}{'precision':>11}{'recall':>8}"
    ]
    for name, s in result.scores.items():
        lines.append(
            f"{name:<12}{s.gold:>6}{s.predicted:>6}{s.matched:>7}{s.exact:>7}"
            f"{s.precision:>11.3f}{s.recall:>8.3f}"
        )
    lines.append(
        f"near-miss sentences: {result.near_miss_total}, flagged: {result.near_miss_flagged}, "
        f"false-positive rate: {result.false_positive_rate:.3%}"
    )
    lines.append(f"gold values not fully masked: {result.leaks}")
    return "\n".join(lines)


def _format_errors(errors: list[tuple[Example, list[Finding]]]) -> Iterator[str]:
    for example, predicted in errors:
        yield example.text.replace("\n", "\\n")
        yield "   gold: " + ", ".join(
            f"{g.type}={example.text[g.start : g.end]!r}" for g in example.gold
        )
        yield "   pred: " + ", ".join(
            f"{p.type}={example.text[p.start : p.end]!r}" for p in predicted
        )


def main(argv: list[str] | None = None, stdout: TextIO = sys.stdout) -> int:
    """Print the evaluation table (and optionally the errors) for a corpus."""
    parser = argparse.ArgumentParser(prog="python -m tools.masking_evaluation")
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-ner", action="store_true", help="skip the spaCy name detector")
    parser.add_argument("--errors", action="store_true", help="list the misdetected messages")
    args = parser.parse_args(argv)
    result = evaluate(load_corpus(args.corpus), Detector(use_ner=not args.no_ner))
    print(format_table(result), file=stdout)
    if args.errors:
        for line in _format_errors(result.errors):
            print(line, file=stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
