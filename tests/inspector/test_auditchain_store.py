"""The audit trail as a hash chain, built by the real services on a real store file, then
tampered with through plain sqlite3 the way someone holding the file could."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select
from testkit import household_data, make_id, resident_data

from inspector import audit_chain
from inspector.audit_chain import BROKEN_LINK, EDITED, GAP, GENESIS, REORDERED, verify
from inspector.db import Store, open_store
from inspector.models import AuditEntry
from inspector.services import privacy, register
from inspector.services.recording import audit


def _verify(path: Path) -> audit_chain.ChainReport:
    store = open_store(path)
    try:
        with store.read() as s:
            return verify(s)
    finally:
        store.close()


def _sql(path: Path, *statements: tuple[str, tuple]) -> None:
    with closing(sqlite3.connect(path)) as conn:
        for sql, args in statements:
            conn.execute(sql, args)
        conn.commit()


@pytest.fixture
def trail(store: Store, tree, staff, worker) -> Path:
    """Eight entries from everyday work: add, edit, reveal, remove; the store file closed."""
    hid, _ = register.add_household(store, staff, household_data(tree.g1))
    rid, _ = register.add_resident(store, staff, hid, resident_data(make_id()))
    register.add_resident(store, staff, hid, resident_data(make_id(seq="042"), name="林秀英",
                                                          relation="spouse"))
    register.edit_household(store, staff, hid, {"door_no": "3-2-502"})
    privacy.reveal_id_number(store, worker, rid)
    register.edit_resident(store, worker, rid, {"phone": "13912345678"})
    privacy.reveal(store, staff, "household", hid, "phone")
    register.remove_resident(store, staff, rid)
    store.close()
    return store.path


def _rows(path: Path) -> list[dict]:
    """The audit table as the file holds it (fields parsed from their JSON text)."""
    with closing(sqlite3.connect(path)) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("SELECT * FROM audit ORDER BY seq")]
    return [r | {"fields": json.loads(r["fields"])} for r in rows]


def test_services_build_one_unbroken_chain(trail: Path) -> None:
    rows = _rows(trail)
    assert [r["seq"] for r in rows] == list(range(1, 9))
    assert [r["action"] for r in rows] == [
        "insert", "insert", "insert", "update", "reveal", "update", "reveal", "delete"]
    assert rows[0]["prev_hash"] == GENESIS
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(rows, rows[1:], strict=False))
    assert len({r["hash"] for r in rows}) == 8 and all(len(r["hash"]) == 64 for r in rows)
    report = _verify(trail)
    assert (report.ok, report.checked, report.bad_seq) == (True, 8, None)


def test_entries_of_one_transaction_follow_each_other_and_a_rollback_leaves_no_hole(
        store: Store, staff) -> None:
    with store.write() as s:
        audit(s, staff, "export", "household", "run-1", ["door_no"])
        audit(s, staff, "export", "resident", "run-1", ["name"])

    class PowerCut(Exception):
        pass

    with pytest.raises(PowerCut), store.write() as s:
        audit(s, staff, "export", "issue", "run-2", ["title"])
        raise PowerCut
    with store.write() as s:
        audit(s, staff, "import", "register", "run-3", ["name"])
    with store.read() as s:
        got = s.execute(select(AuditEntry.seq, AuditEntry.record_id)
                        .order_by(AuditEntry.seq)).all()
        assert [tuple(r) for r in got] == [(1, "run-1"), (2, "run-1"), (3, "run-3")]
        assert verify(s).ok


@pytest.mark.parametrize("sql", [
    "UPDATE audit SET action = 'export' WHERE seq = 4",
    "UPDATE audit SET fields = '[\"door_no\",\"phone\"]' WHERE seq = 4",
    "UPDATE audit SET at = '2026-01-01 08:00:00.000000' WHERE seq = 4",
    "UPDATE audit SET actor = 'someone.else' WHERE seq = 4",
    "UPDATE audit SET hash = replace(hash, substr(hash, 1, 1), 'x') WHERE seq = 4",
])
def test_an_edited_entry_is_named(trail: Path, sql: str) -> None:
    _sql(trail, (sql, ()))
    report = _verify(trail)
    assert (report.ok, report.bad_seq, report.reason, report.checked) == (False, 4, EDITED, 3)
    assert "4" in report.message


@pytest.mark.parametrize("seq", [1, 5])
def test_a_deleted_entry_is_a_gap(trail: Path, seq: int) -> None:
    _sql(trail, ("DELETE FROM audit WHERE seq = ?", (seq,)))
    report = _verify(trail)
    assert (report.bad_seq, report.reason) == (seq, GAP)


@pytest.mark.parametrize(("a", "b"), [(2, 6), (3, 4)])
def test_swapped_entries_are_reordered(trail: Path, a: int, b: int) -> None:
    _sql(trail, ("UPDATE audit SET seq = -1 WHERE seq = ?", (a,)),
         ("UPDATE audit SET seq = ? WHERE seq = ?", (a, b)),
         ("UPDATE audit SET seq = ? WHERE seq = -1", (b,)))
    report = _verify(trail)
    assert (report.bad_seq, report.reason) == (a, REORDERED)


def test_an_entry_edited_and_resealed_breaks_the_next_link(trail: Path) -> None:
    """Whoever edits entry 5 and recomputes its own hash still leaves entry 6 pointing at
    the old one: the chain breaks at 6."""
    row = _rows(trail)[4]
    row["action"], row["fields"] = "update", row["fields"] + ["name"]
    resealed = audit_chain.entry_hash(row["prev_hash"], row)
    _sql(trail, ("UPDATE audit SET action = ?, fields = ?, hash = ? WHERE seq = 5",
                 (row["action"], json.dumps(row["fields"]), resealed)))
    report = _verify(trail)
    assert (report.bad_seq, report.reason) == (6, BROKEN_LINK)


def test_a_resealed_last_entry_passes_locally(trail: Path) -> None:
    """The limit of a local check, stated: the last entry, edited and re-sealed, has no
    successor to betray it (the server's copy does, see tests/sync)."""
    row = _rows(trail)[-1]
    row["record_id"] = "someone-else"
    _sql(trail, ("UPDATE audit SET record_id = ?, hash = ? WHERE seq = 8",
                 (row["record_id"], audit_chain.entry_hash(row["prev_hash"], row))))
    assert _verify(trail).ok


def test_new_entries_continue_the_chain_after_reopening(trail: Path, staff) -> None:
    store = open_store(trail)
    with store.write() as s:
        audit(s, staff, "export", "household", "run-9", ["door_no"])
    with store.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert last.seq == 9 and last.prev_hash == _rows(trail)[7]["hash"]
        assert verify(s).checked == 9
    store.close()
