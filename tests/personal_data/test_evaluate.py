"""The annotated corpus: parser, quality thresholds, near-miss false-positive rate."""

from __future__ import annotations

import io

import pytest

from bot.personal_data import Finding
from tools.masking_evaluation import (
    evaluate,
    format_table,
    load_corpus,
    main,
    parse_annotated,
)

THRESHOLDS = {
    "NIR": 1.0,
    "IBAN": 1.0,
    "PHONE": 0.98,
    "EMAIL": 0.98,
    "NAME": 0.9,
    "ADDRESS": 0.9,
    "BIRTHDATE": 0.98,
    "CARD": 0.98,
    "ID_DOCUMENT": 0.98,
    "SECRET": 0.98,
}


def test_parse_annotated():
    example = parse_annotated(
        'tel <ent type="PHONE">06 12</ent> ok\\nMme <ent type="NAME">Li</ent>'
    )
    assert example.text == "tel 06 12 ok\nMme Li"
    assert example.gold == (Finding("PHONE", 4, 9), Finding("NAME", 17, 19))
    with pytest.raises(ValueError):
        parse_annotated('tel <ent type="PHONE">06 12 ok')


def test_corpus_size():
    examples = load_corpus()
    assert len(examples) >= 300
    assert sum(1 for e in examples if not e.gold) >= 80


@pytest.fixture(scope="module")
def result(detector):
    return evaluate(load_corpus(), detector)


@pytest.mark.parametrize("kind", sorted(THRESHOLDS))
def test_recall(result, kind):
    assert result.scores[kind].gold > 0
    assert result.scores[kind].recall >= THRESHOLDS[kind], format_table(result)


def test_near_miss_false_positive_rate(result):
    assert result.near_miss_total >= 80
    assert result.false_positive_rate <= 0.01, format_table(result)


def test_no_gold_value_left_unmasked(result):
    assert result.leaks == 0, format_table(result)


def test_main_prints_a_table(tmp_path):
    corpus = tmp_path / "mini.txt"
    corpus.write_text(
        '# comment\ntel <ent type="PHONE">0612345678</ent>\nle 3230\n', encoding="utf-8"
    )
    out = io.StringIO()
    assert main([str(corpus), "--no-ner", "--errors"], stdout=out) == 0
    assert "PHONE" in out.getvalue() and "false-positive rate: 0.000%" in out.getvalue()
