"""Opening a profile's store: pragmas, migrations, backups, and a failed upgrade put back."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text
from testkit import build_tree, count

from inspector.db import alembic_config, current_revision, head_revision, open_store
from inspector.errors import StoreError
from inspector.models import Area


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.bak"))


def _sqlite(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute(sql).fetchall()
        conn.commit()
        return rows


def test_fresh_file_has_wal_foreign_keys_busy_timeout_and_head_schema(tmp_path: Path) -> None:
    path = tmp_path / "new" / "store.db"
    store = open_store(path)
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        assert current_revision(store.engine) == head_revision()
        assert store.backup is None  # a new file has nothing to lose
        assert _backups(path.parent) == []
    finally:
        store.close()


def test_foreign_keys_are_enforced_on_every_connection(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store.db")
    try:
        with pytest.raises(Exception, match="FOREIGN KEY"), store.write() as s:
            s.add(Area(code="X1", name="孤儿网格", level="grid", parent_id="no-such-area"))
        assert count(store, Area) == 0
    finally:
        store.close()


def test_reopening_a_migrated_file_is_a_no_op_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    store = open_store(path)
    tree = build_tree(store)
    store.close()

    again = open_store(path)
    try:
        assert again.backup is None
        assert _backups(tmp_path) == []
        assert current_revision(again.engine) == head_revision()
        with again.read() as s:
            assert s.get(Area, tree.g1).name == "第一网格"
        assert count(again, Area) == 5
    finally:
        again.close()


def test_file_at_base_revision_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    store = open_store(path)
    cfg = alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert current_revision(store.engine) is None
    store.close()

    upgraded = open_store(path)
    try:
        assert current_revision(upgraded.engine) == head_revision()
        assert upgraded.backup is not None
        assert upgraded.backup.parent == tmp_path  # next to the store
        assert _backups(tmp_path) == [upgraded.backup]
        # the backup is a self-contained SQLite file (no -wal left beside it)
        assert not Path(f"{upgraded.backup}-wal").exists()
        tables = {r[0] for r in _sqlite(upgraded.backup, "SELECT name FROM sqlite_master")}
        assert "alembic_version" in tables and "area" not in tables  # the pre-upgrade state
        # the upgraded store works
        build_tree(upgraded)
        assert count(upgraded, Area) == 5
    finally:
        upgraded.close()


def test_failed_upgrade_restores_the_backup_and_raises_store_error(tmp_path: Path) -> None:
    """A file this version cannot migrate (here: another program's table in the way)."""
    path = tmp_path / "store.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE area (id TEXT PRIMARY KEY, label TEXT)")
        conn.execute("INSERT INTO area VALUES ('a1', '旧数据')")
        conn.commit()

    with pytest.raises(StoreError, match="恢复") as err:
        open_store(path)
    assert err.value.kind == "store"

    backups = _backups(tmp_path)
    assert len(backups) == 1
    assert backups[0].name in str(err.value)
    # the file is exactly as before: the old table and row, no half-made schema
    assert _sqlite(path, "SELECT * FROM area") == [("a1", "旧数据")]
    tables = {r[0] for r in _sqlite(path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"area"}


def test_file_from_a_newer_version_is_left_untouched(tmp_path: Path) -> None:
    """A profile written by a newer app (an unknown revision) must not be damaged."""
    path = tmp_path / "store.db"
    store = open_store(path)
    tree = build_tree(store)
    store.close()
    _sqlite(path, "UPDATE alembic_version SET version_num = '9999_future'")

    with pytest.raises(StoreError, match="更新版本"):
        open_store(path)

    assert _sqlite(path, "SELECT version_num FROM alembic_version") == [("9999_future",)]
    assert _sqlite(path, f"SELECT name FROM area WHERE id = '{tree.g1}'") == [("第一网格",)]
    assert _backups(tmp_path) == []  # nothing was attempted, so no copy piles up per start


def test_file_that_is_not_a_database_gives_store_error_and_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    junk = b"not a database, maybe a half-copied file " * 200
    path.write_bytes(junk)
    with pytest.raises(StoreError, match="store.db"):
        open_store(path)
    assert path.read_bytes() == junk


def test_write_commits_all_or_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store.db")
    try:
        with pytest.raises(RuntimeError), store.write() as s:
            s.add(Area(code="D9", name="半途而废", level="district"))
            s.flush()
            raise RuntimeError("crash mid-write")
        assert count(store, Area) == 0
        with store.read() as s:
            s.add(Area(code="D8", name="只读会话", level="district"))
            s.flush()
        assert count(store, Area) == 0  # a read session never commits
        with store.read() as s:
            assert s.execute(text("SELECT count(*) FROM search_doc")).scalar() == 0
    finally:
        store.close()
