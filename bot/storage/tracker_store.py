"""Rasa's SQL tracker store, made to ride out a database restart (production profile).

Rasa wraps every tracker store in its FailSafeTrackerStore: when reading a conversation fails,
Rasa carries on as if the conversation were new; when saving fails, it saves in memory. Both
are silent, and both lose history (the message answered is not in PostgreSQL; a conversation
read as new is written back over the stored one). The load test saw it on every PostgreSQL
restart. Two changes keep a restart (a few seconds) from reaching that fallback:

- connections are checked before use (`pool_pre_ping`): after a restart, the pool's dead
  connections are replaced instead of failing one request each;
- a call failing on a connection error is tried again, for up to RETRY_SECONDS.

An outage longer than that still ends in Rasa's fallback (logged as an error by Rasa).

With an event broker, Rasa's `save` first reads the whole conversation back and replays it, only
to find which events are new; then it counts the stored events to find them again. Here `save`
counts once and publishes the events it stored, after the commit: the same events, one read and
replay of the whole conversation less on every message (see `make bench`).

Configured in endpoints.production.yml (`type: bot.storage.tracker_store.ResilientSQLTrackerStore`).
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any, Awaitable, Callable, List, Optional, TypeVar

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.exc import DBAPIError, OperationalError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 20.0
T = TypeVar("T")


def _is_connection_error(error: Exception) -> bool:
    return isinstance(error, OperationalError) or (isinstance(error, DBAPIError) and error.connection_invalidated)


class ResilientSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def _retrying(self, call: Callable[[], Awaitable[T]], what: str) -> T:
        deadline = time.monotonic() + RETRY_SECONDS
        delay = 0.2
        while True:
            try:
                return await call()
            except (OperationalError, DBAPIError) as error:
                if not _is_connection_error(error) or time.monotonic() + delay > deadline:
                    raise
                logger.warning("Base de l'historique injoignable (%s), nouvel essai dans %.1f s.", what, delay)
                await asyncio.sleep(delay)
                delay = min(2 * delay, 2.0)

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        return await self._retrying(lambda: super(ResilientSQLTrackerStore, self).retrieve(sender_id), "lecture")

    async def retrieve_full_tracker(self, sender_id: str) -> Optional[DialogueStateTracker]:
        return await self._retrying(
            lambda: super(ResilientSQLTrackerStore, self).retrieve_full_tracker(sender_id), "lecture")

    async def save(self, tracker: DialogueStateTracker) -> None:
        stored = await self._retrying(lambda: self._store_new_events(tracker), "enregistrement")
        if self.event_broker is not None:
            await self._stream_new_events(self.event_broker, stored, tracker.sender_id)

    async def _store_new_events(self, tracker: DialogueStateTracker) -> List[Event]:
        """Rasa's `SQLTrackerStore.save` without its `stream_events`; returns the events stored."""
        with self.session_scope() as session:
            events = list(self._additional_events(session, tracker))
            for event in events:
                data = event.as_dict()
                session.add(self.SQLEvent(
                    sender_id=tracker.sender_id, type_name=event.type_name, timestamp=data.get("timestamp"),
                    intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                    action_name=data.get("name"), data=json.dumps(data),
                ))
            session.commit()
        return events
