"""The one reader of Rasa's `events` table (its SQL tracker store), for the indicators, the
editors' learning page and the retention purge.

Rasa writes each conversation as rows of `events` (sender_id, type_name, timestamp,
intent_name, action_name, data: the event as JSON). We only read them with plain SQL that works
on SQLite and PostgreSQL, except the retention purge, which deletes whole conversations.
Every process finds the store the same way: TRACKER_DB_URL, the URL the runner gives Rasa, and
a relative SQLite path is taken from the project folder, never from the working directory.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterator, List, NamedTuple, Optional, Sequence

from sqlalchemy import bindparam, create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url

from bot.settings import PROJECT_ROOT, get_settings


class StoredEvent(NamedTuple):
    id: int
    sender_id: str
    type_name: str
    timestamp: float
    intent_name: Optional[str]
    action_name: Optional[str]
    data: Optional[str]

    @property
    def event(self) -> Dict[str, Any]:
        """The event as Rasa stored it (decoded only when asked: the purge never needs it)."""
        return json.loads(self.data or "{}")


def tracker_url(url: Optional[str] = None) -> str:
    """`url` (default TRACKER_DB_URL), with a relative SQLite path made absolute."""
    parsed = make_url(url or get_settings().tracker_db_url)
    database = parsed.database
    if parsed.get_backend_name() == "sqlite" and database and database != ":memory:" and not Path(database).is_absolute():
        parsed = parsed.set(database=str(PROJECT_ROOT / database))
    return parsed.render_as_string(hide_password=False)


def tracker_engine(url: Optional[str] = None) -> Engine:
    """The engine of Rasa's tracker store (default: TRACKER_DB_URL; cached per URL)."""
    return _engine_for(tracker_url(url))


@lru_cache(maxsize=8)
def _engine_for(url: str) -> Engine:
    return create_engine(url, future=True, pool_pre_ping=True)


def has_events(engine: Engine) -> bool:
    """Whether Rasa has stored anything yet; a missing SQLite file is not created by asking."""
    if engine.dialect.name == "sqlite" and engine.url.database and not os.path.exists(engine.url.database):
        return False
    return inspect(engine).has_table("events")


_COLUMNS = "id, sender_id, type_name, timestamp, intent_name, action_name, data"


def _events(connection: Connection, where: str, parameters: Dict[str, Any], order: str = "id",
            senders: bool = False) -> Iterator[StoredEvent]:
    statement = text(f"SELECT {_COLUMNS} FROM events WHERE {where} ORDER BY {order}")
    if senders:
        statement = statement.bindparams(bindparam("senders", expanding=True))
    for row in connection.execute(statement, parameters):
        yield StoredEvent(*row)


def senders_after(connection: Connection, event_id: int) -> List[str]:
    """Conversations with events newer than `event_id`."""
    return [row[0] for row in connection.execute(
        text("SELECT DISTINCT sender_id FROM events WHERE id > :since ORDER BY sender_id"), {"since": event_id})]


def senders_before(connection: Connection, timestamp: float) -> List[str]:
    """Conversations with events older than `timestamp` (seconds since the epoch)."""
    return [row[0] for row in connection.execute(
        text("SELECT DISTINCT sender_id FROM events WHERE timestamp < :limit ORDER BY sender_id"),
        {"limit": timestamp})]


def events_of(connection: Connection, senders: Sequence[str]) -> Iterator[StoredEvent]:
    """Every event of these conversations, by conversation then in order."""
    return _events(connection, "sender_id IN :senders", {"senders": list(senders)}, "sender_id, id", senders=True)


def conversation(engine: Engine, sender_id: str) -> List[Dict[str, Any]]:
    """One conversation's events, oldest first ([] when the store is empty)."""
    if not has_events(engine):
        return []
    with engine.connect() as connection:
        return [stored.event for stored in events_of(connection, [sender_id])]


def bot_events_containing(connection: Connection, fragment: str, limit: Optional[int] = None) -> List[StoredEvent]:
    """Bot utterances whose stored JSON contains `fragment`, newest first: a cheap filter before
    the JSON is decoded (`'"agent"'`, `'utter_faq/'`)."""
    where = "type_name = 'bot' AND data LIKE :pattern"
    parameters: Dict[str, Any] = {"pattern": f"%{fragment}%"}
    if limit is None:
        return list(_events(connection, where, parameters, "id DESC"))
    parameters["n"] = limit
    return list(_events(connection, where, parameters, "id DESC LIMIT :n"))


def user_message_before(connection: Connection, sender_id: str, event_id: int) -> Optional[StoredEvent]:
    """The person's last message before event `event_id` of their conversation."""
    return next(_events(connection, "sender_id = :sender AND type_name = 'user' AND id < :before",
                        {"sender": sender_id, "before": event_id}, "id DESC LIMIT 1"), None)


def delete_events(connection: Connection, sender_id: str, first: Optional[int] = None,
                  last: Optional[int] = None) -> int:
    """Deletes a conversation's events (those from id `first` to `last` when given); returns how many."""
    if first is None or last is None:
        return connection.execute(text("DELETE FROM events WHERE sender_id = :sender"), {"sender": sender_id}).rowcount
    return connection.execute(text("DELETE FROM events WHERE sender_id = :sender AND id BETWEEN :first AND :last"),
                              {"sender": sender_id, "first": first, "last": last}).rowcount
