"""The moderation evaluation table (`python -m tools.moderation_evaluation`) end to end."""

from __future__ import annotations

import io

from tools import moderation_evaluation as evaluate


def test_evaluation_prints_per_category_scores(tmp_path):
    corpus = tmp_path / "mini.yml"
    corpus.write_text('insult: ["connard"]\ncriticism: ["c\'est honteux"]\nnone: ["bonjour"]\n')
    out = io.StringIO()
    assert evaluate.main([str(corpus), "--errors"], stdout=out) == 0
    table = out.getvalue()
    assert "insult" in table and "precision" in table
    assert "criticism or ordinary messages called abuse: 0" in table
