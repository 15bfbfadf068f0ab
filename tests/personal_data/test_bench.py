"""The benchmark runs (no timing assertion: machines differ)."""

from __future__ import annotations

import io

from bot.personal_data import bench


def test_bench_prints_medians(tmp_path):
    corpus = tmp_path / "mini.txt"
    corpus.write_text("tel 0612345678\nrien\n", encoding="utf-8")
    out = io.StringIO()
    assert bench.main([str(corpus), "--repeat", "1", "--no-ner-only"], stdout=out) == 0
    assert "median per message without NER names" in out.getvalue()
