import pytest


@pytest.fixture(autouse=True)
def var_folder(tmp_path, monkeypatch):
    """The purge masks again the logs of the var folder: a test's own, never the checkout's."""
    monkeypatch.setenv("CAISSE_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("EVENT_BROKER_DB_URL", raising=False)
    return tmp_path / "var"
