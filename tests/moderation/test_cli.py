"""The classification command line (`python -m bot.moderation`) end to end."""

from __future__ import annotations

import io
import json

from bot.moderation import cli


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
