"""Derives the indicator facts from Rasa's SQL tracker store (table `events`), incrementally.

Only conversations with events newer than the highest event id already read are re-derived,
whole (a conversation's row changes while it goes on), in batches, inside one transaction per
batch: a dashboard reading at the same time sees a conversation before or after, never half.
The tracker store is read through `bot.storage.rasa_events`.
"""
from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Connection, Engine

from bot.channels.masking import METADATA_KEY as PERSONAL_DATA_KEY
from bot.config import BRANCHES
from bot.handoff.records import Handoff
from bot.indicators.facts import ConversationFact, MaskedDataFact, UnansweredQuestion
from bot.moderation import ABUSE
from bot.nlu.parse import selected_template
from bot.storage import rasa_events
from bot.storage.rasa_events import StoredEvent

# F10: the verdict the NLU pipeline's ModerationGate adds to each parsed message under this key
# (bot.moderation.component.PARSE_KEY, not imported: that module loads Rasa's graph machinery),
# e.g. {"category": "insult", "severity": "medium"}. Categories the usage charter removes count
# as abusive messages; criticism and spam do not.
MODERATION_PARSE_KEY = "moderation"
# An abstention (no validated answer, or a question too vague) counts with the misunderstood.
UNANSWERED_INTENTS = {"nlu_fallback": "fallback", "needs_clarification": "fallback", "out_of_scope": "out_of_scope"}
FAQ_INTENT = "faq"
TEXT_LIMIT = 500
BATCH = 500


@dataclass
class _Session:
    conversation_id: str
    session: int
    started: float
    last_event_id: int = 0
    channel: Optional[str] = None
    topic: Optional[str] = None
    messages: int = 0
    fallback: int = 0
    out_of_scope: int = 0
    masked: int = 0
    abusive: int = 0
    handoffs: int = 0
    handoff_branch: Optional[str] = None
    masked_types: Counter = field(default_factory=Counter)
    unanswered: List[Tuple[float, str, str]] = field(default_factory=list)

    @property
    def branch(self) -> Optional[str]:
        prefix = (self.topic or "").split("_", 1)[0]
        return prefix if prefix in BRANCHES else self.handoff_branch


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _sessions(conversation_id: str, events: Iterable[StoredEvent]) -> List[_Session]:
    """Splits one sender's events into Rasa sessions and counts what each conversation holds.

    A session without any message from the person (the widget opened, nothing said) is no
    conversation: the next session start replaces it, and a trailing one is dropped.
    """
    sessions: List[_Session] = []
    current: Optional[_Session] = None
    for stored in events:
        event_id, type_name, timestamp = stored.id, stored.type_name, stored.timestamp
        if current is None or (type_name == "session_started" and current.messages):
            current = _Session(conversation_id, len(sessions), timestamp)
            sessions.append(current)
        elif type_name == "session_started":  # nothing said since the last start: that one was empty
            current.started = timestamp
        current.last_event_id = max(current.last_event_id, event_id)
        if type_name != "user":
            continue
        payload: Dict[str, Any] = stored.event
        metadata = payload.get("metadata") or {}
        parse_data = payload.get("parse_data") or {}
        current.channel = current.channel or payload.get("input_channel")
        current.messages += 1
        intent = stored.intent_name or (parse_data.get("intent") or {}).get("name")
        if intent == FAQ_INTENT:
            current.topic = selected_template(parse_data)[0] or current.topic
        kind = UNANSWERED_INTENTS.get(intent or "")
        if kind:
            setattr(current, kind, getattr(current, kind) + 1)
            current.unanswered.append((timestamp, kind, (payload.get("text") or "")[:TEXT_LIMIT]))
        types = metadata.get(PERSONAL_DATA_KEY) or []
        if types:
            current.masked += 1
            current.masked_types.update(set(types))
        verdict = parse_data.get(MODERATION_PARSE_KEY) or {}
        if isinstance(verdict, dict) and verdict.get("category") in ABUSE:
            current.abusive += 1
    return [session for session in sessions if session.messages]


def _attach_handoffs(sessions: List[_Session], handoffs: Sequence[Tuple[datetime, Optional[str]]]) -> None:
    """Each handoff belongs to the session during which it was requested."""
    for requested_at, branch in handoffs:
        moment = (requested_at if requested_at.tzinfo else requested_at.replace(tzinfo=timezone.utc)).timestamp()
        owner = None
        for session in sessions:
            if session.started <= moment:
                owner = session
        owner = owner or (sessions[0] if sessions else None)
        if owner is not None:
            owner.handoffs += 1
            owner.handoff_branch = owner.handoff_branch or branch


def _rows(sessions: Iterable[_Session], zone: ZoneInfo) -> Tuple[List[dict], List[dict], List[dict]]:
    facts, masked, unanswered = [], [], []
    for session in sessions:
        started = datetime.fromtimestamp(session.started, timezone.utc)
        day = local_day(started, zone)
        common = {"conversation_id": session.conversation_id, "session": session.session, "day": day,
                  "channel": session.channel or "inconnu", "branch": session.branch}
        facts.append({**common, "topic": session.topic, "started_at": started, "week": week_of(day),
                      "messages": session.messages, "fallback_messages": session.fallback,
                      "out_of_scope_messages": session.out_of_scope, "masked_messages": session.masked,
                      "abusive_messages": session.abusive, "handoffs": session.handoffs,
                      "last_event_id": session.last_event_id})
        masked += [{**common, "data_type": data_type, "messages": count}
                   for data_type, count in sorted(session.masked_types.items())]
        for timestamp, kind, message in session.unanswered:
            at = datetime.fromtimestamp(timestamp, timezone.utc)
            unanswered.append({**common, "day": local_day(at, zone), "at": at, "kind": kind, "text": message})
    return facts, masked, unanswered


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def watermark(connection: Connection) -> int:
    return connection.execute(select(func.coalesce(func.max(ConversationFact.last_event_id), 0))).scalar_one()


def refresh_facts(tracker_engine: Engine, engine: Engine, timezone_name: str = "Europe/Paris",
                  batch: int = BATCH) -> int:
    """Re-derives the facts of conversations with new tracker events; returns how many senders."""
    if not rasa_events.has_events(tracker_engine):
        return 0
    zone = ZoneInfo(timezone_name)
    with engine.connect() as connection:
        since = watermark(connection)
    with tracker_engine.connect() as tracker:
        senders = rasa_events.senders_after(tracker, since)
        for chunk in _chunks(senders, batch):
            events: Dict[str, List[StoredEvent]] = defaultdict(list)
            for stored in rasa_events.events_of(tracker, chunk):
                events[stored.sender_id].append(stored)
            _store(engine, chunk, events, zone)
    return len(senders)


def _store(engine: Engine, chunk: Sequence[str], events: Dict[str, List[StoredEvent]], zone: ZoneInfo) -> None:
    handoffs_table = Handoff.__table__
    with engine.begin() as connection:
        found: Dict[str, List[Tuple[datetime, Optional[str]]]] = defaultdict(list)
        for conversation_id, requested_at, branch in connection.execute(
                select(handoffs_table.c.conversation_id, handoffs_table.c.requested_at, handoffs_table.c.branch)
                .where(handoffs_table.c.conversation_id.in_(list(chunk)))):
            found[conversation_id].append((requested_at, branch))
        sessions: List[_Session] = []
        for sender in chunk:
            kept = _keep_purged_sessions(connection, sender, events.get(sender, []))
            derived = _sessions(sender, events.get(sender, []))
            for session in derived:
                session.session += kept
            _attach_handoffs(derived, found.get(sender, []))
            sessions += derived
        facts, masked, unanswered = _rows(sessions, zone)
        for table, rows in ((ConversationFact, facts), (MaskedDataFact, masked), (UnansweredQuestion, unanswered)):
            if rows:
                connection.execute(table.__table__.insert(), rows)


def _keep_purged_sessions(connection: Connection, sender: str, events: List[StoredEvent]) -> int:
    """Deletes the sender's facts that the remaining events will derive again, and returns how
    many earlier conversations keep their facts: those whose events the retention purge deleted
    (bot.retention) still count in the indicators, with their ranks unchanged."""
    facts, masked, unanswered = (t.__table__ for t in (ConversationFact, MaskedDataFact, UnansweredQuestion))
    earliest = datetime.fromtimestamp(min(e.timestamp for e in events), timezone.utc) if events else None
    kept = 0 if earliest is None else connection.execute(
        select(func.count()).select_from(facts)
        .where(facts.c.conversation_id == sender, facts.c.started_at < earliest)).scalar_one()
    connection.execute(delete(facts).where(facts.c.conversation_id == sender, facts.c.session >= kept))
    for table in (masked, unanswered):
        connection.execute(delete(table).where(table.c.conversation_id == sender, table.c.session >= kept))
    return kept


_REFRESHING = threading.Lock()


def refresh_from_environment(engine: Engine, timezone_name: str) -> int:
    """Brings the facts up to date with the tracker store named by TRACKER_DB_URL, when it exists.

    The dashboard calls it before each reading (figures as fresh as the handoff records) and in
    the background: one refresh at a time, so two never derive the same conversation at once."""
    with _REFRESHING:
        return refresh_facts(rasa_events.tracker_engine(), engine, timezone_name)
