"""Conversations flagged under the usage charter, the moderators' decisions, and blocks.

A block is a period during which the assistant does not answer the person (the conversation is
paused in Rasa); the web server resumes it when the period ends. Decisions are audited in an
append-only table that keeps who, what and when, never message content.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import List, Optional

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, func, select
from sqlalchemy.engine import Engine

from bot.storage import Base, append_only, session_scope, utcnow

OPEN, DECIDED = "open", "decided"
DECISIONS = ("keep", "hide", "block")






class ModerationFlag(Base):
    __tablename__ = "moderation_flags"

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    channel = Column(String(64), nullable=True)
    category = Column(String(32), nullable=False)
    severity = Column(String(16), nullable=False)
    flagged_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    status = Column(String(16), nullable=False, default=OPEN)
    decision = Column(String(16), nullable=True)
    decided_by = Column(String(128), nullable=True)
    decided_at = Column(DateTime(timezone=True), nullable=True)
    blocked_until = Column(DateTime(timezone=True), nullable=True, index=True)


class ModerationEvent(Base):
    """Audit of flags and decisions: append-only."""

    __tablename__ = "moderation_events"

    id = Column(Integer, primary_key=True)
    flag_id = Column(Integer, ForeignKey("moderation_flags.id", ondelete="CASCADE"), nullable=False, index=True)
    at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    actor = Column(String(128), nullable=False)
    action = Column(String(32), nullable=False)
    detail = Column(String(255), nullable=True)


append_only(ModerationEvent, "le journal de modération est en ajout seul")


def flag_conversation(conversation_id: str, category: str, severity: str, channel: Optional[str] = None,
                      block_minutes: Optional[int] = None, now: Optional[datetime] = None,
                      engine: Optional[Engine] = None) -> ModerationFlag:
    now = (now or utcnow()).astimezone(timezone.utc)
    with session_scope(engine) as session:
        flag = ModerationFlag(conversation_id=conversation_id, channel=channel, category=category,
                              severity=severity, flagged_at=now,
                              blocked_until=now + timedelta(minutes=block_minutes) if block_minutes else None)
        session.add(flag)
        session.flush()
        session.add(ModerationEvent(flag_id=flag.id, at=now, actor="assistant",
                                    action="blocked" if block_minutes else "flagged", detail=category))
        return flag


def open_flags(engine: Optional[Engine] = None) -> List[ModerationFlag]:
    with session_scope(engine) as session:
        return session.execute(select(ModerationFlag).where(ModerationFlag.status == OPEN)
                               .order_by(ModerationFlag.flagged_at)).scalars().all()


def decide(flag_id: int, decision: str, moderator: str, block_minutes: int = 0,
           now: Optional[datetime] = None, engine: Optional[Engine] = None) -> ModerationFlag:
    """keep (nothing to remove), hide (the messages stay hidden from agents), block (the assistant
    stops answering the person for `block_minutes`)."""
    if decision not in DECISIONS:
        raise ValueError(f"décision inconnue « {decision} »")
    now = (now or utcnow()).astimezone(timezone.utc)
    with session_scope(engine) as session:
        flag = session.get(ModerationFlag, flag_id)
        if flag is None:
            raise LookupError("signalement introuvable")
        flag.status, flag.decision, flag.decided_by, flag.decided_at = DECIDED, decision, moderator, now
        if decision == "block":
            flag.blocked_until = now + timedelta(minutes=block_minutes)
        elif decision == "keep":
            flag.blocked_until = None
        session.add(ModerationEvent(flag_id=flag_id, at=now, actor=moderator, action=decision,
                                    detail=f"{block_minutes} min" if decision == "block" else None))
        return flag


def expired_blocks(now: Optional[datetime] = None, engine: Optional[Engine] = None) -> List[ModerationFlag]:
    """Blocks whose period is over and whose conversation has not been handed back yet."""
    now = (now or utcnow()).astimezone(timezone.utc)
    with session_scope(engine) as session:
        return session.execute(select(ModerationFlag).where(
            ModerationFlag.blocked_until.is_not(None), ModerationFlag.blocked_until <= now)).scalars().all()


def lift_block(flag_id: int, engine: Optional[Engine] = None) -> None:
    with session_scope(engine) as session:
        flag = session.get(ModerationFlag, flag_id)
        flag.blocked_until = None
        session.add(ModerationEvent(flag_id=flag_id, actor="assistant", action="unblocked"))


def block_end(conversation_id: str, now: Optional[datetime] = None, engine: Optional[Engine] = None
              ) -> Optional[datetime]:
    """When the conversation's current block ends (None: not blocked); the widget tells the person."""
    now = (now or utcnow()).astimezone(timezone.utc)
    with session_scope(engine) as session:
        return session.execute(select(func.max(ModerationFlag.blocked_until)).where(
            ModerationFlag.conversation_id == conversation_id, ModerationFlag.blocked_until > now)).scalar()


def is_blocked(conversation_id: str, now: Optional[datetime] = None, engine: Optional[Engine] = None) -> bool:
    return block_end(conversation_id, now, engine) is not None
