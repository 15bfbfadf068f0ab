"""Masking: tokens, result shape, no original value left, lazy model loading, injection."""

from __future__ import annotations

import dataclasses
import itertools
import subprocess
import sys
from pathlib import Path

import pytest

import bot.personal_data as personal_data
from bot.personal_data import MASKS, Detector, Finding, MaskResult, _detector
from tools.masking_evaluation import load_corpus

ROOT = Path(__file__).resolve().parents[2]


def test_mask_tokens():
    from bot.dialogue.privacy import TYPE_LABELS

    # every type the detector can find is explained to the person in the masked-data notice
    # (its words are in config/textes.yml: tests/test_texts.py)
    assert set(MASKS) == set(TYPE_LABELS)
    assert len(set(MASKS.values())) == len(MASKS)
    assert all(token.startswith("[") and token.endswith("]") for token in MASKS.values())
    assert not any(c in token for token in MASKS.values() for c in "{}")


def test_finding_is_frozen_and_holds_no_value():
    finding = Finding("PHONE", 3, 17)
    assert [f.name for f in dataclasses.fields(Finding)] == ["type", "start", "end"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.start = 0  # type: ignore[misc]
    with pytest.raises(ValueError):
        Finding("SHOE_SIZE", 0, 1)


def test_mask_result(detector):
    text = "Mme Durand, tel 06 12 34 56 78, mail a.durand@gmail.com"
    result = detector.mask(text)
    assert isinstance(result, MaskResult)
    assert result.text == "Mme [NOM], tel [TÉLÉPHONE], mail [E-MAIL]"
    assert result.types == ["EMAIL", "NAME", "PHONE"]
    assert [text[f.start : f.end] for f in result.findings] == [
        "Durand",
        "06 12 34 56 78",
        "a.durand@gmail.com",
    ]


def test_findings_are_sorted_and_disjoint(detector):
    for example in load_corpus():
        found = detector.detect(example.text)
        assert found == sorted(found, key=lambda f: f.start)
        assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_masked_corpus_contains_no_original_value(detector):
    for example in load_corpus():
        masked = detector.mask(example.text).text
        for gold in example.gold:
            value = example.text[gold.start : gold.end]
            assert value not in masked, (gold.type, example.text)


def test_empty_and_blank_messages(detector):
    assert detector.detect("") == []
    assert detector.mask("   ").text == "   "


def test_module_functions_use_the_default_detector(detector, monkeypatch):
    monkeypatch.setattr(_detector, "_default", detector)
    assert personal_data.detect("tel 0612345678") == [Finding("PHONE", 4, 14)]
    assert personal_data.mask("tel 0612345678").text == "tel [TÉLÉPHONE]"


def test_import_loads_no_model():
    code = "import sys, bot.personal_data; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def test_given_nlp_is_used_instead_of_loading_a_model():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Zorglub"}])
    result = Detector(nlp=nlp).mask("le dossier de Zorglub est bloque")
    assert result.text == "le dossier de [NOM] est bloque"
