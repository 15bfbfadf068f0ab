"""The benchmark runs and reports every configuration (no timing assertion: machines differ)."""

from __future__ import annotations

import io

from tools import masking_bench as bench


def test_bench_prints_medians(tmp_path):
    corpus = tmp_path / "mini.txt"
    corpus.write_text("tel 0612345678\nrien\n", encoding="utf-8")
    out = io.StringIO()
    assert bench.main([str(corpus), "--repeat", "1", "--no-ner-only"], stdout=out) == 0
    assert "median per message without NER names" in out.getvalue()
    assert "NER gated" not in out.getvalue()


def test_bench_compares_gated_and_ungated_ner(tmp_path):
    corpus = tmp_path / "mini.txt"
    corpus.write_text("tel 0612345678\nj'ai vu Sylvie Marchal\nrien\n", encoding="utf-8")
    out = io.StringIO()
    assert bench.main([str(corpus), "--repeat", "1"], stdout=out) == 0
    printed = out.getvalue()
    assert "NER on every message" in printed and "NER gated" in printed
    assert "times faster at the median" in printed
    assert "messages that still run the NER: 1/3" in printed
