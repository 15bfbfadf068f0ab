from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from typing import Dict, List, Optional, Sequence, Tuple

from dateutil.relativedelta import relativedelta
from sqlalchemy import Column, DateTime, Integer, String, delete, select, update
from sqlalchemy.engine import Connection, Engine

from bot.config import CaisseConfig
from bot.handoff.records import Handoff, HandoffEvent
from bot.indicators.facts import ConversationFact, MaskedDataFact, UnansweredQuestion
from bot.indicators.tracker import refresh_facts
from bot.moderation.flags import ModerationFlag
from bot.personal_data import mask
from bot.social.records import SocialComment
from bot.storage import Base, rasa_events, utcnow
from bot.storage.feedback import AnswerFeedback

PURGED = "purged"
PURGE_EVERY = timedelta(days=1)
CHUNK = 200




class RetentionAudit(Base):
    """What was deleted, when and by whom: counts only, never a conversation id or a text."""

    __tablename__ = "retention_audit"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    actor = Column(String(128), nullable=False)
    action = Column(String(32), nullable=False)
    detail = Column(String(255), nullable=True)


class AuditCounts:
    """A report of counts only, written to the retention audit as `name=count, ...`."""

    def detail(self) -> str:
        return ", ".join(f"{name}={count}" for name, count in asdict(self).items())


@dataclass
class PurgeReport(AuditCounts):
    tracker_events: int = 0
    conversations: int = 0
    unanswered_questions: int = 0
    votes: int = 0
    handoffs: int = 0
    handoff_events: int = 0
    moderation_flags: int = 0
    social_comments: int = 0


def _session_ranges(rows: Sequence[Tuple[int, str, Optional[str], float]]) -> List[Tuple[int, int, float]]:
    """(first id, last id, last timestamp) of each Rasa session of one sender: a session begins
    with Rasa's `action_session_start` (then `session_started`), as the indicators split them."""
    ranges: List[List] = []
    previous = None
    for event_id, type_name, action_name, timestamp in rows:
        starts = action_name == "action_session_start" or (
            type_name == "session_started" and previous != "action_session_start")
        if not ranges or starts:
            ranges.append([event_id, event_id, timestamp])
        ranges[-1][1], ranges[-1][2] = event_id, max(ranges[-1][2], timestamp)
        previous = action_name if type_name == "action" else type_name
    return [tuple(r) for r in ranges]


def _purge_tracker(tracker: Connection, cutoff: datetime, report: PurgeReport) -> None:
    """Deletes whole conversations (sessions) whose last event is older than `cutoff`."""
    limit = cutoff.timestamp()
    senders = rasa_events.senders_before(tracker, limit)
    for start in range(0, len(senders), CHUNK):
        rows: Dict[str, List[Tuple[int, str, Optional[str], float]]] = {}
        for event in rasa_events.events_of(tracker, senders[start:start + CHUNK]):
            rows.setdefault(event.sender_id, []).append(
                (event.id, event.type_name, event.action_name, event.timestamp))
        for sender, events in rows.items():
            for first, last, last_moment in _session_ranges(events):
                if last_moment >= limit:
                    break
                report.tracker_events += rasa_events.delete_events(tracker, sender, first, last)
                report.conversations += 1


def purge(config: CaisseConfig, engine: Engine, tracker_engine: Engine, actor: str = "assistant",
          now: Optional[datetime] = None) -> PurgeReport:
    now = (now or utcnow()).astimezone(timezone.utc)
    transcripts_cutoff = now - timedelta(days=config.retention.transcripts_days)
    records_cutoff = now - relativedelta(months=config.retention.handoff_records_months)
    report = PurgeReport()
    # The figures first: every conversation about to go is counted in the facts, which stay.
    refresh_facts(tracker_engine, engine, config.opening_hours.timezone)
    if rasa_events.has_events(tracker_engine):
        with tracker_engine.begin() as tracker:
            _purge_tracker(tracker, transcripts_cutoff, report)
    with engine.begin() as connection:
        unanswered = UnansweredQuestion.__table__
        report.unanswered_questions = connection.execute(
            delete(unanswered).where(unanswered.c.at < transcripts_cutoff)).rowcount
        votes = AnswerFeedback.__table__
        report.votes = connection.execute(
            update(votes).where(votes.c.created_at < transcripts_cutoff, votes.c.conversation_id != PURGED)
            .values(conversation_id=PURGED)).rowcount
        handoffs, events = Handoff.__table__, HandoffEvent.__table__
        old = select(handoffs.c.id).where(handoffs.c.requested_at < records_cutoff,
                                          handoffs.c.conversation_id != PURGED)
        # Core statements: the audit trail refuses ORM deletes, the retention period ends it.
        report.handoff_events = connection.execute(delete(events).where(events.c.handoff_id.in_(old))).rowcount
        report.handoffs = connection.execute(
            update(handoffs).where(handoffs.c.requested_at < records_cutoff, handoffs.c.conversation_id != PURGED)
            .values(conversation_id=PURGED, transcript_ref=PURGED, agent_id=None)).rowcount
        flags = ModerationFlag.__table__
        report.moderation_flags = connection.execute(
            update(flags).where(flags.c.flagged_at < records_cutoff, flags.c.conversation_id != PURGED)
            .values(conversation_id=PURGED)).rowcount
        # Page comments: their text goes with the transcripts, their dates stay for the figures.
        comments = SocialComment.__table__
        report.social_comments = connection.execute(
            update(comments).where(comments.c.received_at < transcripts_cutoff, comments.c.conversation_id != PURGED)
            .values(conversation_id=PURGED, masked_text="")).rowcount
        connection.execute(RetentionAudit.__table__.insert().values(
            at=now, actor=actor, action="purge", detail=report.detail()))
    # Then what an earlier detector let through, once the detector has changed.
    from bot.retention.remask import remask_if_detector_changed  # it imports this module

    remask_if_detector_changed(engine, tracker_engine, actor=actor, now=now)
    return report


def delete_conversation(conversation_id: str, actor: str, reference: str, engine: Engine,
                        tracker_engine: Engine, config: CaisseConfig, now: Optional[datetime] = None) -> PurgeReport:
    """A person's conversation deleted on request. Its figures stay in the indicators under a
    random id that leads nowhere; the audit line keeps the request's reference, masked."""
    now = (now or utcnow()).astimezone(timezone.utc)
    refresh_facts(tracker_engine, engine, config.opening_hours.timezone)
    report, alias = PurgeReport(), f"deleted-{secrets.token_hex(8)}"
    if rasa_events.has_events(tracker_engine):
        with tracker_engine.begin() as tracker:
            report.tracker_events = rasa_events.delete_events(tracker, conversation_id)
    report.conversations = 1 if report.tracker_events else 0
    with engine.begin() as connection:
        unanswered = UnansweredQuestion.__table__
        report.unanswered_questions = connection.execute(
            delete(unanswered).where(unanswered.c.conversation_id == conversation_id)).rowcount
        for table in (ConversationFact.__table__, MaskedDataFact.__table__):
            connection.execute(update(table).where(table.c.conversation_id == conversation_id)
                               .values(conversation_id=alias))
        report.votes = connection.execute(update(AnswerFeedback.__table__)
                                          .where(AnswerFeedback.__table__.c.conversation_id == conversation_id)
                                          .values(conversation_id=alias)).rowcount
        report.handoffs = connection.execute(update(Handoff.__table__)
                                             .where(Handoff.__table__.c.conversation_id == conversation_id)
                                             .values(conversation_id=alias, transcript_ref=PURGED)).rowcount
        report.moderation_flags = connection.execute(update(ModerationFlag.__table__)
                                                     .where(ModerationFlag.__table__.c.conversation_id == conversation_id)
                                                     .values(conversation_id=alias)).rowcount
        connection.execute(RetentionAudit.__table__.insert().values(
            at=now, actor=actor, action="delete_conversation",
            detail=f"référence={mask(reference).text[:80]}, {report.detail()}"[:255]))
    return report


def purge_is_due(engine: Engine, now: Optional[datetime] = None) -> bool:
    now = (now or utcnow()).astimezone(timezone.utc)
    with engine.connect() as connection:
        last = connection.execute(select(RetentionAudit.__table__.c.at)
                                  .where(RetentionAudit.__table__.c.action == "purge")
                                  .order_by(RetentionAudit.__table__.c.at.desc()).limit(1)).scalar()
    if last is None:
        return True
    last = last if last.tzinfo else last.replace(tzinfo=timezone.utc)
    return now - last >= PURGE_EVERY
