"""What the assistant did with each public comment on the caisse's pages (one row per comment).

Only the masked text is kept, with the kinds of personal data found (never the values) and no
author name or id: the thread is known by its conversation id (`conversation_id`, the Rasa
sender of the thread), which names the comments, not the person. The dashboard reads the dates
(received, hidden, answered) to show how fast personal data was hidden and comments answered.

An agent's reply from the back office is a comment of the page too (`IGNORED_OWN`, which the
figures leave out and Meta's later delivery of it finds already stored), with how it was sent
(`reply_mode`) and when Meta took it (`sent_at`, empty while it could not be sent: kept for
another try). A private reply is a message, not a comment: it gets a local id.
"""
from __future__ import annotations

import uuid
from datetime import datetime
from typing import Iterable, List, Optional

from sqlalchemy import Column, DateTime, Integer, String, Text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.storage import Base, session_scope, utcnow

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
# How an agent's reply was sent: under the comment, or to its author in private.
PUBLIC, PRIVATE = "public", "private"
REPLY_MODES = (PUBLIC, PRIVATE)
LOCAL_ID_PREFIX = "agent:"


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
    reply_mode = Column(String(16), nullable=True)
    sent_at = Column(DateTime(timezone=True), nullable=True)

    @property
    def by_agent(self) -> bool:
        return self.reply_mode is not None


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


def thread(conversation_id: str, engine: Optional[Engine] = None) -> List[SocialComment]:
    """A thread's comments and replies (the page's and the agents' included), oldest first."""
    with session_scope(engine) as session:
        return session.query(SocialComment).filter_by(conversation_id=conversation_id).order_by(
            SocialComment.received_at, SocialComment.id).all()


def unsent_reply(conversation_id: str, engine: Optional[Engine] = None) -> Optional[SocialComment]:
    """The agents' latest reply in the thread that Meta did not take, if any."""
    with session_scope(engine) as session:
        return session.query(SocialComment).filter(
            SocialComment.conversation_id == conversation_id, SocialComment.reply_mode.isnot(None),
            SocialComment.sent_at.is_(None)).order_by(SocialComment.id.desc()).first()


def save_agent_reply(answered: SocialComment, mode: str, masked_text: str, kinds_found: Optional[str],
                     now: datetime, unsent_id: Optional[int] = None,
                     engine: Optional[Engine] = None) -> SocialComment:
    """Stores an agent's reply (masked) before it is sent, so that a failure loses nothing; a new
    try of an unsent reply of the same thread rewrites that one instead of adding another."""
    values = dict(parent_id=answered.comment_id, masked_text=masked_text, personal_data=kinds_found,
                  reply_mode=mode, received_at=now)
    with session_scope(engine) as session:
        row = None
        if unsent_id is not None:
            row = session.query(SocialComment).filter(
                SocialComment.id == unsent_id, SocialComment.conversation_id == answered.conversation_id,
                SocialComment.reply_mode.isnot(None), SocialComment.sent_at.is_(None)).one_or_none()
        if row is None:
            row = SocialComment(platform=answered.platform, comment_id=f"{LOCAL_ID_PREFIX}{uuid.uuid4().hex}",
                                post_id=answered.post_id, conversation_id=answered.conversation_id,
                                action=IGNORED_OWN)
            session.add(row)
        for name, value in values.items():
            setattr(row, name, value)
        session.flush()
        return row


def agent_reply_sent(reply_id: int, answered_id: str, now: datetime, posted_id: Optional[str] = None,
                     engine: Optional[Engine] = None) -> None:
    """Meta took the reply: it is sent (a public one known by the id Meta gave it), and the
    comment it answers is answered, if nothing had answered it before (the dashboard's delay)."""
    with session_scope(engine) as session:
        values = {"sent_at": now, **({"comment_id": posted_id} if posted_id else {})}
        if posted_id:  # Meta's delivery of the page's new comment may have come first: one row
            session.query(SocialComment).filter(SocialComment.comment_id == posted_id,
                                                SocialComment.reply_mode.is_(None)).delete(synchronize_session=False)
        session.query(SocialComment).filter_by(id=reply_id).update(values, synchronize_session=False)
        session.query(SocialComment).filter_by(comment_id=answered_id, answered_at=None).update(
            {"answered_at": now}, synchronize_session=False)
