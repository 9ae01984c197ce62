"""Backup and restore as an administrator runs them after losing a server: devices sync
records and photos, `grid-inspector-server backup` runs while the server serves, the data
folder (or the database) is gone, `restore` brings it back, the server starts again and a
fresh device pulls everything back identical, photo bytes included. A damaged backup, a
missing or different escrow secret and a non-empty target are refused, leaving it as it was."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import secrets
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text
from synckit import (
    LiveServer,
    grid_id,
    issue_input,
    make_device,
    photos_on,
    postgres_database,
    postgres_skip_reason,
    seed,
)
from test_server_process import _command, _env
from testkit import household_data

from inspector.models import ENTITIES, PhotoLink
from inspector.services import cases, register
from sync.server import cli
from sync.server.backup import MANIFEST, PG_MEMBER, SQLITE_MEMBER
from sync.server.config import Settings, save_settings
from sync.server.escrow import ESCROW_FILE


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_command(), *args], env=_env(**env), capture_output=True,
                          text=True, encoding="utf-8", timeout=300, check=False)


LOCAL = {"created_at", "updated_at"}  # when this device stored the row, by its own clock


def snapshot(device) -> dict[str, dict[str, dict[str, Any]]]:  # noqa: ANN001 - synckit.Device
    """Every synced record the device holds, column by column."""
    with device.store.read() as s:
        return {entity: {row.id: {c.key: getattr(row, c.key) for c in model.__table__.columns
                                  if c.key not in LOCAL}
                         for row in s.scalars(select(model))}
                for entity, model in ENTITIES.items()}


def photo_bytes(device) -> dict[str, bytes]:  # noqa: ANN001
    with device.store.read() as s:
        hashes = set(s.scalars(select(PhotoLink.photo_sha256)))
    return {sha: device.store.photos.read(sha) for sha in hashes}


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def other_database(database_url: str) -> Iterator[str]:
    """Where a restore goes: the same SQLite folder, or a new PostgreSQL database."""
    if not database_url:
        yield ""
        return
    with postgres_database() as url:
        yield url


def test_a_lost_server_comes_back_from_its_backup(tmp_path: Path, database_url: str,
                                                   other_database: str) -> None:
    folder = tmp_path / "server"
    save_settings(Settings(data_dir=folder, database_url=database_url))  # as `init` does
    live = LiveServer(folder, database_url)
    seed(live.db)
    live.start()
    devices = tmp_path / "devices"
    worker = make_device(devices / "a", live.url, "wgy1")
    supervisor = make_device(devices / "b", live.url, "jdy1")
    try:
        worker.sync()
        for n in range(3):
            register.add_household(worker.store, worker.actor,
                                   household_data(grid_id("G01"), address=f"幸福路{n}号"))
        photos = photos_on(worker, "report", (200, 40, 40)) + photos_on(worker, "report",
                                                                          (40, 40, 200))
        cases.report_issue(worker.store, worker.actor, issue_input(photos=photos))
        report = worker.sync()
        assert report.pending_after == 0 and report.photos.uploaded == 2
        device_key = base64.b64encode(secrets.token_bytes(32)).decode()
        worker.transport.request("PUT", "/device/key", json={"key": device_key})
        supervisor.sync()
        before, pictures = snapshot(supervisor), photo_bytes(supervisor)
        assert len(before["household"]) == 3 and len(pictures) == 2

        # The backup runs while the server serves, as a timer would start it.
        backups = tmp_path / "backups"
        backups.mkdir()
        made = run("backup", str(folder), str(backups))
        assert made.returncode == 0, made.stderr
        assert "托管密钥不在备份中" in made.stdout
        (backup,) = backups.glob("grid-backup-*.tar")
        assert backup.stat().st_mode & 0o077 == 0  # residents' data: the owner's only
        with tarfile.open(backup) as tar:
            names = tar.getnames()
        assert (SQLITE_MEMBER if not database_url else PG_MEMBER) in names
        assert names[-1] == MANIFEST and ESCROW_FILE not in names
        assert sum(n.startswith("photos/") for n in names) == 2
    finally:
        live.stop()

    # The machine is lost: the folder goes; the escrow secret was kept apart.
    kept_secret = (folder / ESCROW_FILE).read_bytes()
    shutil.rmtree(folder)
    folder.mkdir()
    (folder / ESCROW_FILE).write_bytes(kept_secret)
    (folder / ESCROW_FILE).chmod(0o600)
    target_db = {"GRID_SERVER_DATABASE_URL": other_database} if other_database else {}
    restored = run("restore", str(folder), str(backup), **target_db)
    assert restored.returncode == 0, restored.stderr
    assert "与备份时一致" in restored.stdout

    live = LiveServer(folder, other_database, port=live.port)  # same address for the devices
    live.start()
    fresh = make_device(devices / "c", live.url, "jdy1")
    try:
        fresh.sync()
        assert snapshot(fresh) == before
        assert photo_bytes(fresh) == pictures
        # The worker's laptop carries on with the same server: nothing to resend, and its
        # escrowed key opens with the secret that was kept apart.
        again = worker.sync()
        assert again.pending_after == 0 and again.pushed.applied == 0
        assert worker.transport.json("GET", "/device/key")["key"] == device_key
    finally:
        for device in (worker, supervisor, fresh):
            device.close()
        live.stop()


@pytest.fixture
def sqlite_backup(tmp_path: Path) -> tuple[Path, Path]:
    """A backed-up server with two photos; (its folder, the backup file)."""
    folder = tmp_path / "server"
    save_settings(Settings(data_dir=folder))
    live = LiveServer(folder)
    seed(live.db)
    live.start()
    worker = make_device(tmp_path / "devices", live.url, "wgy1")
    try:
        worker.sync()
        photos = photos_on(worker, "report", (90, 160, 30)) + photos_on(worker, "report",
                                                                          (20, 30, 240))
        cases.report_issue(worker.store, worker.actor, issue_input(photos=photos))
        worker.sync()
    finally:
        worker.close()
        live.stop()
    out = tmp_path / "backup.tar"
    assert cli.main(["backup", str(folder), str(out)]) == 0
    return folder, out


def _target(tmp_path: Path, secret_from: Path) -> Path:
    """An empty data folder holding only the escrow secret, as the restore drill starts."""
    target = tmp_path / "restored"
    target.mkdir()
    shutil.copy(secret_from / ESCROW_FILE, target / ESCROW_FILE)
    return target


def _corrupt(backup: Path, member_prefix: str) -> str:
    """Flip one byte inside the first member whose name starts with the prefix."""
    with tarfile.open(backup) as tar:
        member = next(m for m in tar.getmembers() if m.name.startswith(member_prefix))
    with backup.open("r+b") as f:
        f.seek(member.offset_data + member.size // 2)
        byte = f.read(1)
        f.seek(-1, os.SEEK_CUR)
        f.write(bytes([byte[0] ^ 0xFF]))
    return member.name


@pytest.mark.parametrize("member", ["photos/", SQLITE_MEMBER])
def test_a_damaged_backup_is_refused_and_the_target_left_alone(
        sqlite_backup: tuple[Path, Path], tmp_path: Path, member: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder, backup = sqlite_backup
    name = _corrupt(backup, member)
    target = _target(tmp_path, folder)
    before = files_of(target)
    assert cli.main(["restore", str(target), str(backup)]) == 2
    err = capsys.readouterr().err
    assert "备份已损坏" in err and name in err and "SHA-256" in err
    assert files_of(target) == before and [p.name for p in target.iterdir()] == [ESCROW_FILE]


def test_a_cut_off_backup_is_refused(sqlite_backup: tuple[Path, Path], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder, backup = sqlite_backup
    with backup.open("r+b") as f:
        f.truncate(backup.stat().st_size * 2 // 3)
    target = _target(tmp_path, folder)
    assert cli.main(["restore", str(target), str(backup)]) == 2
    err = capsys.readouterr().err
    assert "备份" in err and ("不完整" in err or "损坏" in err)
    assert [p.name for p in target.iterdir()] == [ESCROW_FILE]


def test_restore_needs_the_escrow_secret_of_the_backup(
        sqlite_backup: tuple[Path, Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    _, backup = sqlite_backup
    target = tmp_path / "restored"
    assert cli.main(["restore", str(target), str(backup)]) == 2
    assert "托管密钥不在备份中" in capsys.readouterr().err
    assert not target.exists()  # made for the restore, removed with it

    target.mkdir()
    (target / ESCROW_FILE).write_text(base64.b64encode(secrets.token_bytes(32)).decode())
    assert cli.main(["restore", str(target), str(backup)]) == 2
    assert "与备份时的不同" in capsys.readouterr().err
    assert [p.name for p in target.iterdir()] == [ESCROW_FILE]
    # Known to be lost for good: the data still comes back, and the restore says the cost.
    assert cli.main(["restore", str(target), str(backup), "--new-escrow-secret"]) == 0
    assert "已托管的设备密钥无法再打开" in capsys.readouterr().out


def test_restore_over_a_server_needs_force_and_replaces_it_whole(
        sqlite_backup: tuple[Path, Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder, backup = sqlite_backup
    (folder / "photos" / "stray.jpg").write_bytes(b"not in the backup")
    (folder / "logs").mkdir(exist_ok=True)
    (folder / "logs" / "grid-inspector.log").write_text("kept\n")
    before = files_of(folder)
    assert cli.main(["restore", str(folder), str(backup)]) == 2
    err = capsys.readouterr().err
    assert "目标不是空的" in err and "--force" in err
    assert files_of(folder) == before
    assert cli.main(["restore", str(folder), str(backup), "--force"]) == 0
    after = files_of(folder)
    assert "photos/stray.jpg" not in after  # the photo store is the backup's
    assert after["logs/grid-inspector.log"] == b"kept\n"  # logs and the secret stay
    assert after[ESCROW_FILE] == before[ESCROW_FILE]
    assert not [n for n in after if n.startswith(".restore-")]


def test_backups_in_a_folder_keep_the_newest(sqlite_backup: tuple[Path, Path],
                                            tmp_path: Path) -> None:
    folder, _ = sqlite_backup
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    older = [shelf / f"grid-backup-2020010{n}T030000Z.tar" for n in range(1, 5)]
    for path in older:
        path.write_bytes(b"an older backup")
    (shelf / "notes.txt").write_text("not a backup")
    assert cli.main(["backup", str(folder), str(shelf), "--keep", "3"]) == 0
    left = sorted(p.name for p in shelf.iterdir())
    assert left[:2] == [older[2].name, older[3].name] and left[-1] == "notes.txt"
    assert len(left) == 4 and left[2].startswith("grid-backup-2")
    assert not [p for p in shelf.iterdir() if p.name.endswith(".part")]


def test_manifest_lists_every_file_with_its_checksum(sqlite_backup: tuple[Path, Path]) -> None:
    _, backup = sqlite_backup
    with tarfile.open(backup) as tar:
        manifest = json.load(tar.extractfile(MANIFEST))
        members = {m.name for m in tar.getmembers()} - {MANIFEST}
    assert {f["path"] for f in manifest["files"]} == members
    assert manifest["database"] == "sqlite" and manifest["photos"] == 2
    assert all(len(f["sha256"]) == 64 for f in manifest["files"])
    assert len(manifest["escrow_check"]) == 16


def _rewritten(backup: Path, member: str, data: bytes, out: Path) -> Path:
    """A copy of the backup with one file replaced and the manifest updated to match: a
    backup that passes its checksums and still cannot be restored."""
    with tarfile.open(backup) as tar, tarfile.open(out, "w") as copy:
        manifest = json.load(tar.extractfile(MANIFEST))
        for m in tar.getmembers():
            if m.name == MANIFEST:
                continue
            content = data if m.name == member else tar.extractfile(m).read()
            m.size = len(content)
            copy.addfile(m, io.BytesIO(content))
        for f in manifest["files"]:
            if f["path"] == member:
                f["size"], f["sha256"] = len(data), hashlib.sha256(data).hexdigest()
        text = json.dumps(manifest).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(text)
        copy.addfile(info, io.BytesIO(text))
    return out


def _households(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM household")).scalar_one()
    finally:
        engine.dispose()


@pytest.mark.skipif(postgres_skip_reason() is not None, reason=str(postgres_skip_reason()))
def test_postgres_restore_is_one_transaction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    with postgres_database() as url:
        folder = tmp_path / "server"
        save_settings(Settings(data_dir=folder, database_url=url))
        live = LiveServer(folder, url)
        seed(live.db)
        live.start()
        worker = make_device(tmp_path / "devices", live.url, "wgy1")
        try:
            worker.sync()
            register.add_household(worker.store, worker.actor, household_data(grid_id("G01")))
            worker.sync()
        finally:
            worker.close()
            live.stop()
        backup = tmp_path / "backup.tar"
        assert cli.main(["backup", str(folder), str(backup)]) == 0
        target = _target(tmp_path, folder)
        monkeypatch.setenv("GRID_SERVER_DATABASE_URL", url)  # the database still in use

        assert cli.main(["restore", str(target), str(backup)]) == 2
        assert "PostgreSQL 数据库中的表" in capsys.readouterr().err

        # A dump that breaks off half-way: the old schema was already dropped inside the
        # transaction when pg_restore failed, and nothing of it is committed.
        with tarfile.open(backup) as tar:
            dump = tar.extractfile(PG_MEMBER).read()
        broken = _rewritten(backup, PG_MEMBER, dump[: len(dump) // 2], tmp_path / "broken.tar")
        assert cli.main(["restore", str(target), str(broken), "--force"]) == 2
        assert "数据库未改动" in capsys.readouterr().err
        assert _households(url) == 1
        assert [p.name for p in target.iterdir()] == [ESCROW_FILE]

        assert cli.main(["restore", str(target), str(backup), "--force"]) == 0
        assert _households(url) == 1
        assert (target / "server.json").is_file()
