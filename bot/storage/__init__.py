"""Our own tables (answer votes today; handoffs and indicators next), through SQLAlchemy.

SQLite under var/ by default, PostgreSQL in production: `DATABASE_URL` chooses.
Nothing connects at import time: callers ask `get_engine()` when they need the database.
"""
from bot.storage._database import Base, database_url, get_engine, session_scope
from bot.storage.feedback import AnswerFeedback, record_feedback, feedback_counts

__all__ = [
    "Base",
    "database_url",
    "get_engine",
    "session_scope",
    "AnswerFeedback",
    "record_feedback",
    "feedback_counts",
]
