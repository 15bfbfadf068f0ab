"""Our own tables (answer votes, handoffs, back-office accounts), through SQLAlchemy.

SQLite under var/ by default, PostgreSQL in production: `DATABASE_URL` chooses. The schema is
versioned with Alembic (`migrate()`, run by the runner before the servers start).
Nothing connects at import time: callers ask `get_engine()` when they need the database.
The rest of the product imports from this package only (never `bot.storage._database`).
"""
from bot.storage._database import Base, append_only, aware, database_url, get_engine, migrate, session_scope, utcnow
from bot.storage.feedback import AnswerFeedback, feedback_counts, record_feedback

__all__ = [
    "Base",
    "append_only",
    "aware",
    "database_url",
    "get_engine",
    "migrate",
    "session_scope",
    "utcnow",
    "AnswerFeedback",
    "record_feedback",
    "feedback_counts",
]
