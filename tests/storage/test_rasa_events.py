"""The one reader of Rasa's `events` table, on a store written by Rasa's own SQLTrackerStore."""
import asyncio
import os

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.config import PROJECT_ROOT
from bot.settings import get_settings
from bot.storage import rasa_events


def _store(path):
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    conversations = {"a": [UserUttered("bonjour", {"name": "greet"}), BotUttered("Bonjour !"),
                           UserUttered("aide bafa", {"name": "nlu_fallback"}),
                           BotUttered("Oui.", metadata={"agent": "Camille"})],
                     "b": [UserUttered("apl", {"name": "faq"})]}
    for sender, events in conversations.items():
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    return rasa_events.tracker_engine(f"sqlite:///{path}")


def test_a_relative_sqlite_path_is_taken_from_the_project_folder_not_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)
    assert rasa_events.tracker_url() == f"sqlite:///{PROJECT_ROOT / 'var' / 'tracker.db'}"
    monkeypatch.setenv("TRACKER_DB_URL", "sqlite:///elsewhere/rasa.db")
    get_settings.cache_clear()
    assert rasa_events.tracker_engine().url.database == str(PROJECT_ROOT / "elsewhere" / "rasa.db")
    postgres = "postgresql://rasa:secret@db:5432/rasa"
    assert rasa_events.tracker_url(postgres) == postgres
    assert rasa_events.tracker_engine(postgres) is rasa_events.tracker_engine(postgres)  # one engine per store


def test_no_store_yet_is_not_created_by_asking(tmp_path):
    engine = rasa_events.tracker_engine(f"sqlite:///{tmp_path / 'absent.db'}")
    assert not rasa_events.has_events(engine) and rasa_events.conversation(engine, "a") == []
    assert not os.path.exists(tmp_path / "absent.db")


def test_conversations_read_in_order_and_deleted_whole_or_in_part(tmp_path):
    engine = _store(tmp_path / "tracker.db")
    assert rasa_events.has_events(engine)
    with engine.connect() as connection:
        assert rasa_events.senders_after(connection, 0) == ["a", "b"]
        events = list(rasa_events.events_of(connection, ["b", "a"]))
        assert [e.sender_id for e in events] == sorted(e.sender_id for e in events)
        assert [e.id for e in events if e.sender_id == "a"] == sorted(e.id for e in events if e.sender_id == "a")
        assert rasa_events.senders_before(connection, events[-1].timestamp + 1) == ["a", "b"]
        [reply] = rasa_events.bot_events_containing(connection, '"agent"')
        assert reply.event["text"] == "Oui."
        assert rasa_events.user_message_before(connection, "a", reply.id).event["text"] == "aide bafa"
    assert [e.get("text") for e in rasa_events.conversation(engine, "a") if e["event"] == "user"] == [
        "bonjour", "aide bafa"]
    with engine.begin() as connection:
        a = [e.id for e in rasa_events.events_of(connection, ["a"])]
        assert rasa_events.delete_events(connection, "a", a[0], a[1]) == 2
        assert rasa_events.delete_events(connection, "b") >= 1
        assert rasa_events.senders_after(connection, 0) == ["a"]
