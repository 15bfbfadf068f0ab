import os

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("CONVERSATION_SECRET", "synthetic-conversation-secret-for-tests")


import pytest


@pytest.fixture(autouse=True)
def fresh_settings():
    """The product reads its settings once per process (bot.settings): each test reads the
    environment it sets up; one that changes it halfway calls `get_settings.cache_clear()`."""
    from bot.settings import get_settings

    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def database(tmp_path):
    """A fresh SQLite database migrated to the newest schema; yields its engine."""
    from bot.storage import get_engine, migrate

    url = f"sqlite:///{tmp_path / 'caisse.db'}"
    migrate(url)
    return get_engine(url)


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for a module's page tests. Not for the whole session: Playwright's
    sync API keeps an event loop running while it is open, and asyncio.run() then fails in
    the tests that come after."""
    from tests.browser import chromium

    with chromium() as browser:
        yield browser
