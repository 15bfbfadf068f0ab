"""The moderation benchmark (`python -m tools.moderation_bench`) end to end (no timing assertion)."""

from __future__ import annotations

import io

from tools import moderation_bench as bench


def test_bench_prints_the_median(tmp_path):
    corpus = tmp_path / "mini.yml"
    corpus.write_text('none: ["bonjour", "merci"]\n')
    out = io.StringIO()
    assert bench.main([str(corpus), "--repeat", "1"], stdout=out) == 0
    assert "median per message" in out.getvalue()
