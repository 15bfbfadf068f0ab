"""The handoff record and its append-only audit trail.

Timestamps are stored in UTC; delays are stored twice, wall clock and business time (opening
hours minus public holidays), because the caisse's commitment counts working hours while a
person waiting counts every minute.
"""
from __future__ import annotations


from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import relationship

from bot.storage import Base, append_only, utcnow

WAITING, ACTIVE, CLOSED = "waiting", "active", "closed"
REASONS = ("asked", "fallback", "not_useful", "complaint", "template", "urgent", "not_sent")
OUTCOMES = ("answered", "redirected", "no_reply", "abandoned", "cancelled")
NOTE = "note"  # event kind of an agent's internal note for the next agent (masked, remasked)




class Handoff(Base):
    __tablename__ = "handoffs"
    __table_args__ = (
        Index("ix_handoffs_status_requested", "status", "requested_at"),
        Index("ix_handoffs_requested_at", "requested_at"),
    )

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    channel = Column(String(64), nullable=False)
    reason = Column(String(32), nullable=False)
    topic = Column(String(128), nullable=True)
    branch = Column(String(16), nullable=True)
    # The masked transcript lives in Rasa's tracker store under this conversation id.
    transcript_ref = Column(String(300), nullable=False)
    priority = Column(Integer, nullable=False, default=0)
    status = Column(String(16), nullable=False, default=WAITING)
    agent_id = Column(Integer, ForeignKey("users.id"), nullable=True)
    requested_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    taken_at = Column(DateTime(timezone=True), nullable=True)
    first_agent_reply_at = Column(DateTime(timezone=True), nullable=True)
    closed_at = Column(DateTime(timezone=True), nullable=True)
    outcome = Column(String(32), nullable=True)
    waiting_seconds = Column(Integer, nullable=True)
    waiting_business_seconds = Column(Integer, nullable=True)
    first_response_seconds = Column(Integer, nullable=True)
    first_response_business_seconds = Column(Integer, nullable=True)
    resolution_seconds = Column(Integer, nullable=True)
    resolution_business_seconds = Column(Integer, nullable=True)

    agent = relationship("User", lazy="joined")


class HandoffEvent(Base):
    """Who did what and when; never updated nor deleted by the application (audit)."""

    __tablename__ = "handoff_events"

    id = Column(Integer, primary_key=True)
    handoff_id = Column(Integer, ForeignKey("handoffs.id", ondelete="CASCADE"), nullable=False, index=True)
    at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    kind = Column(String(32), nullable=False)
    actor = Column(String(128), nullable=False)
    # Never message content: an outcome, a reason, a count.
    detail = Column(String(255), nullable=True)


append_only(HandoffEvent, "le journal des prises en charge est en ajout seul")
