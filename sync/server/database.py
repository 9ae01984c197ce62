"""The server's database: one engine per URL, migrated at start-up by its own Alembic scripts.

SQLite (the default) runs every transaction as BEGIN IMMEDIATE, so writers queue
on the busy timeout instead of failing on a lock upgrade; PostgreSQL relies on
the revision counter's row lock (see `feed.Revisions.allocate`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def make_engine(url: str) -> Engine:
    """hide_parameters: a failed statement's error (and so any log of it) never carries
    the values it was given, which may be residents' personal data."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _sqlite_setup(dbapi_conn: sqlite3.Connection, _record: object) -> None:
            dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event issues BEGIN
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: object) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # type: ignore[attr-defined]

        return engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True,
                         hide_parameters=True)


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (a fresh database gets every table)."""
    command.upgrade(alembic_config(engine), "head")


class Database:
    """The engine and a session factory; the caller owns each transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self._factory() as session, session.begin():
            yield session

    def session(self) -> Session:
        return self._factory()

    def dispose(self) -> None:
        self.engine.dispose()
