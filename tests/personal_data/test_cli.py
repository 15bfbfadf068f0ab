"""The JSON-lines CLI: one masked record per input line."""

from __future__ import annotations

import io
import json

from bot.personal_data import cli


def test_cli_masks_each_line():
    stdin = io.StringIO("appelez moi au 06 12 34 56 78\nrien ici\n\nné le 12/03/1985, Mme Durand\n")
    stdout = io.StringIO()
    assert cli.main(["--no-ner"], stdin=stdin, stdout=stdout) == 0
    records = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert records == [
        {
            "text": "appelez moi au [TÉLÉPHONE]",
            "findings": [{"type": "PHONE", "start": 15, "end": 29}],
        },
        {"text": "rien ici", "findings": []},
        {"text": "", "findings": []},
        {
            "text": "né le [DATE DE NAISSANCE], Mme [NOM]",
            "findings": [
                {"type": "BIRTHDATE", "start": 6, "end": 16},
                {"type": "NAME", "start": 22, "end": 28},
            ],
        },
    ]
    # accented tokens are written as such, not as \\u escapes
    assert "[TÉLÉPHONE]" in stdout.getvalue()


def test_cli_with_names_model(detector, monkeypatch):
    monkeypatch.setattr(cli, "Detector", lambda use_ner: detector)
    stdout = io.StringIO()
    cli.main([], stdin=io.StringIO("Cordialement, Nadia Benali\n"), stdout=stdout)
    assert json.loads(stdout.getvalue())["text"] == "Cordialement, [NOM]"
