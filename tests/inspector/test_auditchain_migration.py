"""A store from before the audit chain (revision 0003) gets its entries chained on upgrade."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from alembic import command
from sqlalchemy import select

from inspector.audit_chain import GENESIS, verify
from inspector.db import alembic_config, make_engine, open_store
from inspector.models import AuditEntry
from inspector.services.recording import Actor, audit

# (id, at, action): written out of order, and two at the same instant (then id decides).
OLD_ENTRIES = [
    ("c-3", "2026-11-20 09:00:00.000000", "update"),
    ("a-1", "2026-11-20 08:00:00.500000", "insert"),
    ("z-2", "2026-11-20 08:30:00.000000", "reveal"),
    ("b-2", "2026-11-20 08:30:00.000000", "export"),
]


def test_entries_made_before_the_chain_are_chained_in_the_order_they_were_made(tmp_path):
    path = tmp_path / "old.db"
    engine = make_engine(path)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    engine.dispose()
    with closing(sqlite3.connect(path)) as conn:
        conn.executemany(
            "INSERT INTO audit (id, at, actor, device_id, action, entity, record_id, fields)"
            " VALUES (?, ?, 'li.si', 'dev-1', ?, 'household', 'rec-1', '[\"door_no\"]')",
            OLD_ENTRIES)
        conn.commit()

    store = open_store(path)
    assert store.backup is not None and store.backup.exists()
    with store.read() as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        assert [(r.seq, r.id) for r in rows] == [(1, "a-1"), (2, "b-2"), (3, "z-2"), (4, "c-3")]
        assert rows[0].prev_hash == GENESIS and rows[0].fields == ["door_no"]
        report = verify(s)
        assert (report.ok, report.checked) == (True, 4)
    with store.write() as s:
        audit(s, Actor("li.si", "staff", "dev-1"), "export", "household", "run-1", ["door_no"])
    with store.read() as s:
        assert s.scalar(select(AuditEntry.seq).where(AuditEntry.record_id == "run-1")) == 5
        assert verify(s).checked == 5
    store.close()
