"""`python -m tools.demo_data` on a fresh database: the dashboard has something to show."""
from sqlalchemy import text

from tools.demo_data import main


def test_fills_the_database_named_by_the_environment(database, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", str(database.url))
    assert main(["--conversations", "200", "--handoffs", "20", "--months", "1"]) == 0
    with database.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM handoffs")).scalar() >= 20
    assert "Données de démonstration créées" in capsys.readouterr().out


def test_refuses_more_handoffs_than_conversations(database, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", str(database.url))
    assert main(["--conversations", "5", "--handoffs", "6"]) == 2
    assert "plus de passages que de conversations" in capsys.readouterr().err
