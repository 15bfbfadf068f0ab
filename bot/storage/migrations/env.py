"""Alembic environment: the URL comes from the caller (bot.storage.migrate) or DATABASE_URL."""
from alembic import context
from sqlalchemy import create_engine

from bot.storage import database_url
from bot.storage.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url") or database_url()


def run_migrations() -> None:
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=Base.metadata, literal_binds=True,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        # Batch mode lets ALTER TABLE migrations run on SQLite too.
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
