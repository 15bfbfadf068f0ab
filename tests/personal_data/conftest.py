"""Shared fixtures: one spaCy-backed detector per test session (the model loads once)."""

from __future__ import annotations

import pytest

from bot.personal_data import Detector, Finding
from tools.masking_evaluation import parse_annotated


@pytest.fixture(scope="session")
def detector() -> Detector:
    """The full detector (pattern detectors + spaCy names), loaded once."""
    built = Detector()
    built.detect("chargement du modèle")
    return built


@pytest.fixture(scope="session")
def regex_detector() -> Detector:
    """The detector without the statistical name detector."""
    return Detector(use_ner=False)


def check_annotated(
    detector: Detector, line: str, only: str | frozenset[str] | None = None
) -> None:
    """Assert the detector finds exactly the annotated spans (of the `only` types if given)."""
    example = parse_annotated(line)
    found = detector.detect(example.text)
    if only is not None:
        wanted = {only} if isinstance(only, str) else only
        found = [f for f in found if f.type in wanted]
    assert _show(example.text, found) == _show(example.text, list(example.gold))


def _show(text: str, findings: list[Finding]) -> list[tuple[str, str]]:
    """Readable comparison in assertion diffs: (type, value) pairs (test data only)."""
    return [(f.type, text[f.start : f.end]) for f in sorted(findings, key=lambda f: f.start)]
