"""The production tracker store: Rasa's SQL store that tries again on a dropped connection."""
import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.exc import OperationalError, ProgrammingError

from bot.storage.tracker_store import ResilientSQLTrackerStore


def store(tmp_path):
    return ResilientSQLTrackerStore(host=f"sqlite:///{tmp_path / 'tracker.db'}", domain=Domain.empty())


async def test_conversations_are_saved_and_read_back(tmp_path):
    tracker_store = store(tmp_path)
    assert tracker_store.engine.pool._pre_ping
    tracker = DialogueStateTracker("conversation-1", slots=[])
    tracker.update(UserUttered("bonjour"))
    await tracker_store.save(tracker)
    assert [e.text for e in (await tracker_store.retrieve("conversation-1")).events] == ["bonjour"]


async def test_a_dropped_connection_is_tried_again(tmp_path):
    tracker_store, calls = store(tmp_path), []

    async def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly"))
        return "lu"

    assert await tracker_store._retrying(flaky, "lecture") == "lu" and len(calls) == 3


async def test_other_database_errors_are_not_hidden(tmp_path):
    tracker_store, calls = store(tmp_path), []

    async def wrong_query():
        calls.append(1)
        raise ProgrammingError("SELECT nope", {}, Exception("syntax error"))

    with pytest.raises(ProgrammingError):
        await tracker_store._retrying(wrong_query, "lecture")
    assert calls == [1]
