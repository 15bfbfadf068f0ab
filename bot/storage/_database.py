from __future__ import annotations

from datetime import datetime, timezone
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base, sessionmaker

from bot.settings import get_settings

Base = declarative_base()
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def aware(moment: Optional[datetime]) -> Optional[datetime]:
    """Every stored time is UTC, but SQLite gives it back without its offset."""
    if moment is None or moment.tzinfo:
        return moment
    return moment.replace(tzinfo=timezone.utc)


def append_only(model: type, refusal: str) -> type:
    """An audit table: the application may add rows, never change nor delete them."""

    def refuse(*_) -> None:
        raise PermissionError(refusal)

    event.listen(model, "before_update", refuse)
    event.listen(model, "before_delete", refuse)
    return model


def database_url() -> str:
    return get_settings().database_url


def _enable_sqlite_wal(dbapi_connection, _record) -> None:
    """Several processes (Rasa, actions, web) share the file: WAL lets readers and a writer coexist."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _alembic_config(url: str):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(url: Optional[str] = None) -> None:
    """Brings the database to the newest schema (Alembic); run once before the servers start."""
    from alembic import command

    url = url or database_url()
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(_alembic_config(url), "head")


def get_engine(url: Optional[str] = None) -> Engine:
    """The engine for `url` (default: DATABASE_URL; cached per URL, not per missing argument); the
    schema comes from `migrate()`."""
    return _engine_for(url or database_url())


@lru_cache(maxsize=8)
def _engine_for(url: str) -> Engine:
    engine = create_engine(url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_wal)
    return engine


@contextmanager
def session_scope(engine: Optional[Engine] = None) -> Iterator[Session]:
    session = sessionmaker(bind=engine or get_engine(), future=True, expire_on_commit=False)()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()
