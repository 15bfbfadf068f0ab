"""`python -m bot indicators` on the hand-computed dataset, and the French formats."""
import csv
import io
import json

from bot.__main__ import main
from bot.indicators.report import format_duration, format_value
from tests.indicators.conftest import PERIOD


def _run(capsys, monkeypatch, engine, tmp_path, *options):
    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{tmp_path / 'absent.db'}")
    code = main(["indicators", "--from", PERIOD.start.isoformat(), "--to", PERIOD.end.isoformat(), *options])
    return code, capsys.readouterr()


def test_markdown_report_has_every_table(capsys, monkeypatch, engine, tmp_path):
    code, out = _run(capsys, monkeypatch, engine, tmp_path)
    assert code == 0
    assert "Période du 01/10/2026 au 07/10/2026." in out.out
    assert "| Conversations | 5 |" in out.out
    assert "| Réglées sans conseiller | – | 60,0 % |" in out.out
    for title in ("## Volumes par jour", "## Délais des passages", "## Engagement de réponse (F1)",
                  "## Réactivité interne (F2)", "## Avis sur les réponses (F3)", "## Données personnelles masquées (F9)",
                  "## Modération (F10)", "## Questions sans réponse"):
        assert title in out.out


def test_csv_of_one_table_for_a_spreadsheet(capsys, monkeypatch, engine, tmp_path):
    code, out = _run(capsys, monkeypatch, engine, tmp_path, "--table", "delais", "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.out.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][2] == "Médiane (heures ouvrées), en heures"
    # Waiting: median 3600 s = 1 hour, p90 50000 s = 13.89 hours, decimal comma.
    assert rows[1][:4] == ["Attente avant prise en charge", "3", "1,00", "13,89"]


def test_json_with_channel_filter(capsys, monkeypatch, engine, tmp_path):
    code, out = _run(capsys, monkeypatch, engine, tmp_path, "--format", "json", "--channel", "socketio")
    tables = {table["key"]: table for table in json.loads(out.out)["tables"]}
    summary = {row["code"]: row["count"] for row in tables["synthese"]["rows"]}
    assert (code, summary["conversations"], summary["people"]) == (0, 3, 2)


def test_bad_input_is_refused_in_french(capsys, monkeypatch, engine, tmp_path):
    code, out = _run(capsys, monkeypatch, engine, tmp_path, "--table", "inconnue")
    assert code == 2 and "tableau inconnu" in out.err
    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    assert main(["indicators", "--from", "2026-10-07", "--to", "2026-10-01"]) == 2
    assert "période invalide" in capsys.readouterr().err


def test_french_display_values():
    assert format_value(0.625, "percent") == "62,5 %"
    assert format_value(1234567, "int") == "1\u202f234\u202f567"
    assert format_value(None, "int") == "–"
    assert format_duration(45) == "45 s"
    assert format_duration(125) == "2 min"
    assert format_duration(3725) == "1 h 02"
    assert format_duration(200000) == "2 j 7 h"
