"""The command line, the evaluation table and the benchmark run end to end."""

from __future__ import annotations

import io
import json

from bot.moderation import bench, cli, evaluate


def test_cli_writes_one_json_line_per_message():
    stdin = io.StringIO("vous êtes nuls\nje vais te tuer\n\nbonjour\n")
    stdout = io.StringIO()
    assert cli.main([], stdin=stdin, stdout=stdout) == 0
    assert [json.loads(line) for line in stdout.getvalue().splitlines()] == [
        {"text": "vous êtes nuls", "category": "criticism", "severity": "low"},
        {"text": "je vais te tuer", "category": "threat", "severity": "urgent"},
        {"text": "", "category": "none", "severity": "none"},
        {"text": "bonjour", "category": "none", "severity": "none"},
    ]


def test_evaluation_prints_per_category_scores(tmp_path):
    corpus = tmp_path / "mini.yml"
    corpus.write_text('insult: ["connard"]\ncriticism: ["c\'est honteux"]\nnone: ["bonjour"]\n')
    out = io.StringIO()
    assert evaluate.main([str(corpus), "--errors"], stdout=out) == 0
    table = out.getvalue()
    assert "insult" in table and "precision" in table
    assert "criticism or ordinary messages called abuse: 0" in table


def test_bench_prints_the_median(tmp_path):
    corpus = tmp_path / "mini.yml"
    corpus.write_text('none: ["bonjour", "merci"]\n')
    out = io.StringIO()
    assert bench.main([str(corpus), "--repeat", "1"], stdout=out) == 0
    assert "median per message" in out.getvalue()
