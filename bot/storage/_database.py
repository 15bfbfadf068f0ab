from __future__ import annotations

import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base, sessionmaker

from bot.config import PROJECT_ROOT

Base = declarative_base()


def database_url() -> str:
    default = f"sqlite:///{PROJECT_ROOT / 'var' / 'caisse.db'}"
    return os.environ.get("DATABASE_URL", default)


def _enable_sqlite_wal(dbapi_connection, _record) -> None:
    """Several processes (Rasa, actions, web) share the file: WAL lets readers and a writer coexist."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


@lru_cache(maxsize=4)
def get_engine(url: Optional[str] = None) -> Engine:
    url = url or database_url()
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_wal)
    Base.metadata.create_all(engine)  # until migrations exist, the tables follow the models
    return engine


@contextmanager
def session_scope(engine: Optional[Engine] = None) -> Iterator[Session]:
    session = sessionmaker(bind=engine or get_engine(), future=True)()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()
