"""The production tracker store: Rasa's SQL store that tries again on a dropped connection."""
import pytest
from rasa.core.brokers.broker import EventBroker
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.exc import OperationalError, ProgrammingError

from bot.storage.tracker_store import ResilientSQLTrackerStore


def store(tmp_path, event_broker=None):
    return ResilientSQLTrackerStore(host=f"sqlite:///{tmp_path / 'tracker.db'}", domain=Domain.empty(),
                                    event_broker=event_broker)


class ListBroker(EventBroker):
    """Rasa's broker interface, keeping what it is given."""

    def __init__(self):
        self.published = []

    def publish(self, event):
        self.published.append(event)


async def test_conversations_are_saved_and_read_back(tmp_path):
    tracker_store = store(tmp_path)
    assert tracker_store.engine.pool._pre_ping
    tracker = DialogueStateTracker("conversation-1", slots=[])
    tracker.update(UserUttered("bonjour"))
    await tracker_store.save(tracker)
    assert [e.text for e in (await tracker_store.retrieve("conversation-1")).events] == ["bonjour"]


async def test_each_saved_event_is_published_once_in_order_without_reading_the_conversation_back(tmp_path):
    broker = ListBroker()
    tracker_store = store(tmp_path, broker)
    reads = []
    original_retrieve = tracker_store.retrieve
    tracker_store.retrieve = lambda sender_id: reads.append(sender_id) or original_retrieve(sender_id)
    tracker = DialogueStateTracker("conversation-1", slots=[])
    tracker.update(UserUttered("bonjour", intent={"name": "greet", "confidence": 0.9}))
    tracker.update(ActionExecuted("utter_greet"))
    await tracker_store.save(tracker)
    tracker.update(BotUttered("Bonjour !"))
    tracker.update(UserUttered("merci"))
    await tracker_store.save(tracker)
    await tracker_store.save(tracker)  # nothing new
    assert reads == []
    assert [(e["sender_id"], e["event"]) for e in broker.published] == [
        ("conversation-1", "user"), ("conversation-1", "action"), ("conversation-1", "bot"), ("conversation-1", "user")]
    stored = (await original_retrieve("conversation-1")).events
    assert [e.as_dict() for e in stored] == [{k: v for k, v in e.items() if k != "sender_id"} for e in broker.published]
    with tracker_store.session_scope() as session:
        rows = session.query(tracker_store.SQLEvent).order_by(tracker_store.SQLEvent.id).all()
    assert [(r.intent_name, r.action_name) for r in rows] == [("greet", None), (None, "utter_greet"), (None, None),
                                                              (None, None)]


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
