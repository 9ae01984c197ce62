"""A laptop profile written by the first schema (migration 0001) upgrades to the newest
with nothing lost, converts to an encrypted profile at its first login, and a migration
that fails half-way puts the file back byte for byte.

The profile is the checked-in fixture tests/fixtures/first_schema_profile, made by
tests/fixtures/make_first_schema_profile.py; every test works on a copy of it.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))  # the sync tests' server kit
from synckit import PASSWORD, LiveServer, free_port, seed  # noqa: E402

from inspector import vault  # noqa: E402
from inspector.audit_chain import verify  # noqa: E402
from inspector.credentials import matches  # noqa: E402
from inspector.crypto import KeySlot  # noqa: E402
from inspector.db import (  # noqa: E402
    SCHEMA_HEAD,
    alembic_config,
    connect_raw,
    current_revision,
    make_engine,
    open_store,
)
from inspector.errors import StoreError  # noqa: E402
from inspector.queries.status import sync_state  # noqa: E402
from inspector.search import search  # noqa: E402
from sync.client.keys import convert_plain  # noqa: E402
from sync.errors import AuthExpired  # noqa: E402

FIXTURE = Path(__file__).parents[1] / "fixtures" / "first_schema_profile"
# From the fixture: residents, their ID numbers and phones, and the photo.
NAMES = ("钱国栋", "孔秀兰", "钱子墨", "黎婉清")
ID_NUMBERS = ("110105196203142018", "110105196508281027", "110105200105060034",
              "110105198801120045")
PHONES = ("13700001111", "13700002222", "15811112222")
PHOTO_SHA = "f3853b97ba81e6e54e2744d7be20ae2728830c4d74b19b5634d54898af7d8828"
# Columns later migrations added, and the table the app tops up at every open.
ADDED = {"outbox": {"change_id"}, "audit": {"seq", "prev_hash", "hash"},
         "profile": {"password_hash"}}
TOPPED_UP = "catalogue"  # each bundled catalogue version the store lacks is added

Rows = dict[str, dict[tuple, dict[str, object]]]


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "profile"
    shutil.copytree(FIXTURE, folder)
    return folder


def _sql(path: Path, statement: str, *params: object) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(statement, params)
        conn.commit()


def _dump(path: Path, keys: KeySlot | None = None) -> Rows:
    """Every row of every table (FTS indexes through their own tables, not their shadow
    tables), keyed by primary key (rowid for the indexes), as {column: value}."""
    with closing(connect_raw(path, keys or KeySlot())) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT GLOB 'search_*_*' AND name != 'alembic_version'")]
        rows: Rows = {}
        for table in tables:
            info = conn.execute(f"PRAGMA table_info('{table}')").fetchall()
            pk = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]] or ["rowid"]
            cursor = conn.execute(f"SELECT rowid AS rowid, * FROM {table}")
            names = [d[0] for d in cursor.description]
            rows[table] = {}
            for values in cursor:
                row = dict(zip(names, values, strict=True))
                key = tuple(row[c] for c in pk)
                if pk != ["rowid"]:
                    del row["rowid"]  # a batch migration copies a table: rowids may move
                rows[table][key] = row
    return rows


def _assert_kept(before: Rows, after: Rows) -> None:
    """Every row of `before` is in `after` with every value it had; nothing else came or
    went, but the catalogue versions the app adds at open."""
    assert set(before) <= set(after)
    for table, old_rows in before.items():
        new_rows = after[table]
        if table == TOPPED_UP:
            assert set(old_rows) <= set(new_rows)
        else:
            assert set(new_rows) == set(old_rows), table
        for key, old in old_rows.items():
            new = new_rows[key]
            assert {c: new[c] for c in old} == old, (table, key)
            assert set(new) - set(old) == ADDED.get(table, set()), table


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    """A real sync server on a loopback port, holding the fixture's account (wgy1)."""
    live = LiveServer(tmp_path / "server")
    seed(live.db)
    live.start()
    yield live
    live.stop()


def test_the_fixture_is_what_migration_0001_makes_with_rows_in_every_table(tmp_path):
    fresh = tmp_path / "fresh.db"
    engine = make_engine(fresh)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    with closing(sqlite3.connect(fresh)) as a, closing(sqlite3.connect(
            f"file:{FIXTURE / 'store.db'}?mode=ro", uri=True)) as b:
        assert a.execute(schema).fetchall() == b.execute(schema).fetchall()
        assert b.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    rows = _dump(FIXTURE / "store.db")
    assert [table for table, found in rows.items() if not found] == []
    assert len(rows) == 25  # every table of 0001, the three search tables among them


def test_opening_it_upgrades_to_head_with_every_row_and_value_kept(tmp_path):
    folder = _copy(tmp_path)
    before = _dump(folder / "store.db")

    store = open_store(folder / "store.db")
    try:
        assert current_revision(store.engine) == SCHEMA_HEAD
        # The backup is the profile as it was: revision 0001, every row.
        assert store.backup is not None and store.backup.parent == folder
        with closing(sqlite3.connect(store.backup)) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
                ("0001",)]
        assert _dump(store.backup) == before

        after = _dump(folder / "store.db")
        _assert_kept(before, after)
        # The queue: the same entries in the same order, an id each, the unanswered
        # batch still named so its resend gets the server's receipt, not a second copy.
        outbox = [after["outbox"][key] for key in sorted(after["outbox"])]
        assert [e["seq"] for e in outbox] == list(range(1, 9))
        assert len({e["change_id"] for e in outbox}) == 8 and all(e["change_id"] for e in outbox)
        assert {e["batch_id"] for e in outbox if e["attempts"]} == {
            "00000000-0000-4000-8000-000000009001"}
        assert sync_state(store).pending == 8
        # The audit trail, chained in the order it was written.
        audit = sorted(after["audit"].values(), key=lambda e: e["seq"])
        assert [e["id"] for e in audit] == sorted(e["id"] for e in audit)  # written in id order
        assert [e["at"] for e in audit] == sorted(e["at"] for e in audit)
        with store.read() as session:
            report = verify(session)
            assert (report.ok, report.checked) == (True, 8)
            # Search still finds people by a given name, an ID tail, a phone.
            assert [h.record_id for h in search(session, "子墨")] == [
                "00000000-0000-4000-8000-000000000603"]
            assert {h.kind for h in search(session, "2018")} == {"resident"}
            assert {h.kind for h in search(session, "1581111")} == {"resident", "household"}
        assert store.photos.read(PHOTO_SHA) == (
            FIXTURE / "photos" / PHOTO_SHA[:2] / f"{PHOTO_SHA}.jpg").read_bytes()
        assert after["profile"][(1,)]["password_hash"] is None  # 0001 kept no verifier
    finally:
        store.close()

    again = open_store(folder / "store.db")  # already current: no second backup
    assert again.backup is None and len(list(folder.glob("store.db.*.bak"))) == 1
    again.close()


def test_its_first_login_has_the_server_check_the_password_then_encrypts_it(
        tmp_path, server):
    """Schema 0001 kept no password verifier, so the laptop cannot check the password
    itself: the server the profile belongs to does, once; then the profile is encrypted
    like any plain one, and later logins work offline."""
    folder = _copy(tmp_path)
    path = folder / "store.db"
    _sql(path, "UPDATE profile SET server_url = ?", f"http://127.0.0.1:{free_port()}")

    with pytest.raises(StoreError, match="连接网络"):  # nobody answers at that address
        convert_plain(folder, PASSWORD)
    assert not vault.is_encrypted(folder)
    upgraded = _dump(path)  # opening it upgraded it (the backup is beside it)
    assert list(folder.glob("store.db.*.bak"))

    _sql(path, "UPDATE profile SET server_url = ?", server.url)
    upgraded["profile"][(1,)]["server_url"] = server.url
    with pytest.raises(AuthExpired):
        convert_plain(folder, "not-the-password")
    assert not vault.is_encrypted(folder)
    assert _dump(path) == upgraded

    store, keyfile = convert_plain(folder, PASSWORD)
    try:
        assert store.encrypted and keyfile.account["username"] == "wgy1"
        converted = _dump(path, store.keys)
        verifier = converted["profile"][(1,)].pop("password_hash")
        assert matches(verifier, PASSWORD)  # the password the server accepted
        upgraded["profile"][(1,)].pop("password_hash")
        assert converted == upgraded
        assert store.photos.read(PHOTO_SHA) == (
            FIXTURE / "photos" / PHOTO_SHA[:2] / f"{PHOTO_SHA}.jpg").read_bytes()
    finally:
        store.close()

    assert not list(folder.glob("store.db.*.bak"))  # plain backups held plain data
    on_disk = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
    for secret in (*NAMES, *ID_NUMBERS, *PHONES):
        assert secret.encode() not in on_disk
    server.stop()  # later logins need no network
    store, _ = vault.unlock(folder, PASSWORD)
    assert _dump(path, store.keys)["resident"] == upgraded["resident"]
    store.close()


def test_a_migration_failing_half_way_puts_the_file_back_byte_for_byte(tmp_path):
    """An audit entry whose fields are not JSON (a damaged or hand-edited file): 0002 and
    0003 have already rewritten the outbox and profile tables when 0004, which reads
    every entry to chain it, fails."""
    folder = _copy(tmp_path)
    path = folder / "store.db"
    _sql(path, "UPDATE audit SET fields = '[\"notes\"' WHERE action = 'update'")
    before = _dump(path)

    with pytest.raises(StoreError, match="恢复") as failed:
        open_store(path)

    backups = list(folder.glob("store.db.*.bak"))
    assert len(backups) == 1 and backups[0].name in str(failed.value)
    assert path.read_bytes() == backups[0].read_bytes()
    assert _dump(path) == before
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert "change_id" not in {c[1] for c in conn.execute("PRAGMA table_info(outbox)")}
    assert sorted(p.name for p in folder.iterdir()) == sorted(["photos", "store.db",
                                                              backups[0].name])
