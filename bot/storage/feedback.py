"""Votes on answers ("was this answer useful?"): the quality indicator F3 per template."""
from __future__ import annotations

from typing import Dict, Optional, Tuple

from sqlalchemy import Boolean, Column, DateTime, Integer, String, func, select
from sqlalchemy.engine import Engine

from bot.storage._database import Base, session_scope, utcnow




class AnswerFeedback(Base):
    __tablename__ = "answer_feedback"

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    template_id = Column(String(255), nullable=True, index=True)
    useful = Column(Boolean, nullable=False)
    channel = Column(String(64), nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)


def record_feedback(
    conversation_id: str,
    template_id: Optional[str],
    useful: bool,
    channel: Optional[str] = None,
    engine: Optional[Engine] = None,
) -> None:
    with session_scope(engine) as session:
        session.add(
            AnswerFeedback(
                conversation_id=conversation_id, template_id=template_id, useful=useful, channel=channel
            )
        )


def feedback_counts(engine: Optional[Engine] = None) -> Dict[Tuple[Optional[str], bool], int]:
    """(template_id, useful) -> number of votes."""
    with session_scope(engine) as session:
        rows = session.execute(
            select(AnswerFeedback.template_id, AnswerFeedback.useful, func.count()).group_by(
                AnswerFeedback.template_id, AnswerFeedback.useful
            )
        )
        return {(template_id, useful): count for template_id, useful, count in rows}
