import os

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


import pytest


@pytest.fixture
def database(tmp_path):
    """A fresh SQLite database migrated to the newest schema; yields its engine."""
    from bot.storage import get_engine, migrate

    url = f"sqlite:///{tmp_path / 'caisse.db'}"
    migrate(url)
    return get_engine(url)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every page test of the session."""
    from tests.browser import chromium

    with chromium() as browser:
        yield browser
