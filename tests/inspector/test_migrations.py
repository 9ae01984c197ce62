"""Migrations and models agree, and a store from the first schema upgrades with its queue intact."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from inspector.db import alembic_config, make_engine, open_store
from inspector.models import Base, OutboxEntry, SyncProblem

SEARCH_TABLES = ("search_", )  # FTS tables live outside the ORM (inspector/search.py)


def _differences(engine) -> list:
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    return [d for d in diffs
            if not (d[0] == "remove_table" and d[1].name.startswith(SEARCH_TABLES))]


def test_migrated_schema_matches_the_models(tmp_path) -> None:
    store = open_store(tmp_path / "store.db")
    assert _differences(store.engine) == []
    store.close()


def test_first_schema_upgrades_with_queued_changes_given_unique_ids(tmp_path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(path)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    with closing(sqlite3.connect(path)) as conn:
        for n in range(3):
            conn.execute(
                "INSERT INTO outbox (entity, record_id, op, payload, priority, size, created_at,"
                " attempts) VALUES ('household', ?, 'insert', '{}', 5, 2, '2026-01-01', 0)",
                (f"rec-{n}",))
        conn.commit()

    store = open_store(path)
    with store.read() as s:
        entries = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
        assert [e.record_id for e in entries] == ["rec-0", "rec-1", "rec-2"]
        assert len({e.change_id for e in entries}) == 3 and all(e.change_id for e in entries)
        assert s.scalars(select(SyncProblem)).all() == []
    assert store.backup is not None and store.backup.exists()
    store.close()


def test_schema_head_constant_is_alembics_head():
    """open_store skips Alembic for a current store by trusting SCHEMA_HEAD: keep it true."""
    from inspector.db import SCHEMA_HEAD, head_revision

    assert SCHEMA_HEAD == head_revision()
