"""Compact tables the indicators read, one row per conversation (and per masked type or
unanswered message), derived from Rasa's tracker store by `bot.indicators.tracker`.

Why not query the tracker store directly: a month of a large caisse is tens of millions of
events whose useful content sits in JSON text; aggregating that on every page load would not
meet the dashboard's budget (one month of 1 million conversations in under a second on
PostgreSQL). These rows are small, indexed by the caisse's local day and already carry the
channel and branch the dashboard filters on. They hold no message text except the already
masked text of unanswered questions, which the communication team needs to read.
"""
from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Index, Integer, String, UniqueConstraint

from bot.storage import Base


COVERED_COLUMNS = ("day", "channel", "branch", "conversation_id", "week", "topic", "messages", "handoffs",
                   "masked_messages", "abusive_messages")


class ConversationFact(Base):
    """One conversation: a Rasa session of one sender (the sender id stands for the person)."""

    __tablename__ = "conversation_facts"
    __table_args__ = (
        UniqueConstraint("conversation_id", "session", name="uq_conversation_facts_session"),
        # Covers every column the dashboard reads for a period: the month is read from the index
        # alone (3 times faster on SQLite with a million conversations) instead of row by row.
        Index("ix_conversation_facts_day", *COVERED_COLUMNS),
    )

    id = Column(Integer, primary_key=True)
    # Rasa's sender id: the key of handoffs, votes and the transcript in the tracker store.
    conversation_id = Column(String(255), nullable=False)
    # Rank of the Rasa session within the sender's history (0 for the first).
    session = Column(Integer, nullable=False, default=0)
    channel = Column(String(64), nullable=False)
    branch = Column(String(16), nullable=True)
    # The last answer template given in the conversation (its prefix is the branch).
    topic = Column(String(128), nullable=True)
    started_at = Column(DateTime(timezone=True), nullable=False)
    # Local calendar day and the Monday of its week, in the caisse's time zone: grouping by
    # stored dates works the same on SQLite and PostgreSQL and uses the index.
    day = Column(Date, nullable=False)
    week = Column(Date, nullable=False)
    messages = Column(Integer, nullable=False, default=0)
    fallback_messages = Column(Integer, nullable=False, default=0)
    out_of_scope_messages = Column(Integer, nullable=False, default=0)
    masked_messages = Column(Integer, nullable=False, default=0)
    abusive_messages = Column(Integer, nullable=False, default=0)
    handoffs = Column(Integer, nullable=False, default=0)
    # Highest tracker event id read for this conversation: the derivation's watermark.
    last_event_id = Column(Integer, nullable=False, default=0)


class MaskedDataFact(Base):
    """How many messages of a conversation had one type of personal data masked (F9)."""

    __tablename__ = "masked_data_facts"
    __table_args__ = (Index("ix_masked_data_facts_day", "day", "channel", "branch"),)

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    session = Column(Integer, nullable=False, default=0)
    day = Column(Date, nullable=False)
    channel = Column(String(64), nullable=False)
    branch = Column(String(16), nullable=True)
    data_type = Column(String(32), nullable=False)
    messages = Column(Integer, nullable=False)


class UnansweredQuestion(Base):
    """A message the assistant could not answer (fallback or out of scope), text already masked."""

    __tablename__ = "unanswered_questions"
    __table_args__ = (Index("ix_unanswered_questions_day", "day", "channel", "branch"),)

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    session = Column(Integer, nullable=False, default=0)
    at = Column(DateTime(timezone=True), nullable=False)
    day = Column(Date, nullable=False)
    channel = Column(String(64), nullable=False)
    branch = Column(String(16), nullable=True)
    kind = Column(String(16), nullable=False)  # "fallback" or "out_of_scope"
    text = Column(String(500), nullable=False)
