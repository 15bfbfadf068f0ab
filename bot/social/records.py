"""What the assistant did with each public comment on the caisse's pages (one row per comment).

Only the masked text is kept, with the kinds of personal data found (never the values) and no
author name or id: the thread is known by its conversation id (`conversation_id`, the Rasa
sender of the thread), which names the comments, not the person. The dashboard reads the dates
(received, hidden, answered) to show how fast personal data was hidden and comments answered.
"""
from __future__ import annotations

from typing import Iterable, Optional

from sqlalchemy import Column, DateTime, Integer, String, Text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.storage._database import Base, session_scope, utcnow

FACEBOOK, INSTAGRAM = "facebook", "instagram"
# What was done with a comment.
HIDDEN_PERSONAL_DATA = "hidden_personal_data"
PUBLIC_REPLY = "public_reply"
PRIVATE_REPLY = "private_reply"
HIDDEN_ABUSE = "hidden_abuse"
QUEUED = "queued"
IGNORED_OWN = "ignored_own"
DELETED = "deleted"
ACTIONS = (HIDDEN_PERSONAL_DATA, PUBLIC_REPLY, PRIVATE_REPLY, HIDDEN_ABUSE, QUEUED, IGNORED_OWN, DELETED)


class SocialComment(Base):
    __tablename__ = "social_comments"

    id = Column(Integer, primary_key=True)
    platform = Column(String(16), nullable=False)
    comment_id = Column(String(128), nullable=False, unique=True)
    post_id = Column(String(128), nullable=False)
    parent_id = Column(String(128), nullable=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    masked_text = Column(Text, nullable=False)
    personal_data = Column(String(128), nullable=True)
    action = Column(String(32), nullable=False)
    received_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    hidden_at = Column(DateTime(timezone=True), nullable=True)
    answered_at = Column(DateTime(timezone=True), nullable=True)
    edited_at = Column(DateTime(timezone=True), nullable=True)
    deleted_at = Column(DateTime(timezone=True), nullable=True)


def kinds(types: Iterable[str]) -> Optional[str]:
    """The kinds of personal data found, as stored (comma-separated), None when there are none."""
    return ",".join(sorted(set(types)))[:128] or None


def find_comment(comment_id: str, engine: Optional[Engine] = None) -> Optional[SocialComment]:
    with session_scope(engine) as session:
        return session.query(SocialComment).filter_by(comment_id=comment_id).one_or_none()


def add_comment(comment: SocialComment, engine: Optional[Engine] = None) -> bool:
    """Stores a comment seen for the first time; False when it was stored already (Meta delivers
    again a call it thinks was lost)."""
    try:
        with session_scope(engine) as session:
            session.add(comment)
        return True
    except IntegrityError:
        return False


def update_comment(comment_id: str, engine: Optional[Engine] = None, **values) -> bool:
    """Changes a stored comment (edited, deleted, hidden later); False when it is unknown."""
    with session_scope(engine) as session:
        return session.query(SocialComment).filter_by(comment_id=comment_id).update(
            values, synchronize_session=False) == 1
