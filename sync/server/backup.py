"""Backups of a server (its database, photo store and server.json) and their restore.

A backup is one uncompressed tar file (photos are JPEG and `pg_dump -Fc` compresses):

    database/server.db     SQLite, copied through its online backup API, or
    database/server.dump   PostgreSQL, `pg_dump -Fc`: each a consistent snapshot while serving
    server.json
    photos/...             the content-addressed photo store
    MANIFEST.json          last: what the backup holds, with the size and SHA-256 of each file

The database is copied before the photos. Photos are only ever added, so every photo the
copied records point to is in the backup (a few newer ones may be too, which is harmless).
The file is written as `NAME.part`, readable by its owner only, and renamed when complete:
it holds residents' personal data.

The escrow secret is not in it: a backup that leaks must not open laptops. The manifest
keeps a check value of the secret (a hash that reveals nothing of it), so a restore can
tell whether the secret in place is the one the escrowed keys were sealed with.

A restore reads the whole backup into a staging folder inside the target, checking every
file against the manifest, before it changes anything. Then it moves the staged files in
place of the old ones (which it keeps aside) and loads PostgreSQL in one transaction; if
that fails, the old files go back. On any failure the target is left as it was.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import create_engine, inspect, make_url, select

from .app import VERSION
from .config import CONFIG_NAME, Settings, load_settings
from .database import alembic_config, make_engine
from .escrow import ESCROW_FILE, EscrowError, load_secret
from .models import ServerMeta

FORMAT = "grid-inspector-server-backup"
FORMAT_VERSION = 1
MANIFEST = "MANIFEST.json"
SQLITE_MEMBER = "database/server.db"
PG_MEMBER = "database/server.dump"
PHOTOS = "photos"
PREFIX = "grid-backup-"
CHUNK = 1024 * 1024
# What a restore replaces in the data folder; logs, escrow.key and the rest stay.
REPLACED = (CONFIG_NAME, PHOTOS, "uploads")


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why."""


@dataclass(frozen=True)
class Summary:
    path: Path
    database: str  # "sqlite" or "postgresql"
    revision: str  # the database's migration
    photos: int
    size: int


def escrow_check(secret: bytes) -> str:
    """A value that tells two secrets apart without telling anything about either."""
    return hashlib.sha256(b"grid-inspector escrow check\0" + secret).hexdigest()[:16]


def database_kind(url: str) -> str:
    return "sqlite" if make_url(url).get_backend_name() == "sqlite" else "postgresql"


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """The URL for pg_dump/psql, and an environment carrying its password (a password on
    the command line is visible to every user of the machine)."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"找不到 PostgreSQL 客户端程序 {name}（请安装 postgresql-client）")
    return path


def _run(args: list[str], env: dict[str, str], what: str) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{what}失败：{result.stderr.strip()[-500:]}")


# ---------------------------------------------------------------------------------------------
# Making a backup


class _Hashing(io.RawIOBase):
    """A file read through once, for tar, hashing what passes."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.sha = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.sha.update(data)
        return data


class _Writer:
    def __init__(self, tar: tarfile.TarFile) -> None:
        self.tar = tar
        self.files: list[dict[str, Any]] = []

    def add(self, name: str, path: Path) -> None:
        info = tarfile.TarInfo(name)
        info.size = path.stat().st_size
        info.mtime = int(path.stat().st_mtime)
        info.mode = 0o600
        with path.open("rb") as f:
            reader = _Hashing(f)
            self.tar.addfile(info, reader)
        self.files.append({"path": name, "size": info.size, "sha256": reader.sha.hexdigest()})

    def add_bytes(self, name: str, data: bytes) -> None:
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = len(data), int(datetime.now().timestamp()), 0o600
        self.tar.addfile(info, io.BytesIO(data))


def _dump_database(settings: Settings, folder: Path) -> tuple[str, Path]:
    """A consistent copy of the database in `folder`: (member name, file)."""
    if database_kind(settings.db_url) == "sqlite":
        target = folder / "server.db"
        source = sqlite3.connect(make_url(settings.db_url).database)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)  # all pages in one step: one snapshot
        finally:
            copy.close()
            source.close()
        return SQLITE_MEMBER, target
    target = folder / "server.dump"
    url, env = _libpq(settings.db_url)
    _run([_tool("pg_dump"), "--format=custom", f"--file={target}", f"--dbname={url}"], env,
         "pg_dump 导出数据库")
    return PG_MEMBER, target


def _database_facts(url: str) -> tuple[str, str]:
    """(migration revision, server id) of a database."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            heads = MigrationContext.configure(conn).get_current_heads()
            server_id = conn.execute(select(ServerMeta.value).where(
                ServerMeta.key == "server_id")).scalar()
    finally:
        engine.dispose()
    if len(heads) != 1:
        raise BackupError("数据库尚未初始化（没有迁移版本），请先运行 init 或启动一次服务器")
    return heads[0], server_id or ""


def backup_name(now: datetime) -> str:
    return f"{PREFIX}{now:%Y%m%dT%H%M%SZ}.tar"


def create_backup(settings: Settings, out: Path, keep: int | None = None) -> Summary:
    """Back the server up to `out`: a file, or a new timestamped file in a folder, where
    `keep` then removes all but the newest `keep` backups."""
    now = datetime.now(UTC)
    if out.is_dir():
        target = out / backup_name(now)
    elif keep is not None:
        raise BackupError(f"--keep 只能与备份目录一起使用（{out} 不是目录）")
    else:
        target = out
    if target.exists():
        raise BackupError(f"备份文件已存在，不会覆盖：{target}")
    secret = load_secret(settings)
    revision, server_id = _database_facts(settings.db_url)
    part = target.with_name(target.name + ".part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w",
                                                      format=tarfile.PAX_FORMAT) as tar:
            writer = _Writer(tar)
            # Beside the backup, which has room for it (/tmp may be a small tmpfs).
            with tempfile.TemporaryDirectory(dir=target.parent, prefix=".grid-dump-") as scratch:
                member, dump = _dump_database(settings, Path(scratch))
                writer.add(member, dump)
            config = settings.data_dir / CONFIG_NAME
            if config.is_file():
                writer.add(CONFIG_NAME, config)
            photos = _photo_files(settings.photo_dir)
            for path in photos:
                writer.add(f"{PHOTOS}/{path.relative_to(settings.photo_dir).as_posix()}", path)
            manifest = {
                "format": FORMAT, "format_version": FORMAT_VERSION,
                "created_at": now.isoformat(), "server_version": VERSION,
                "database": database_kind(settings.db_url), "revision": revision,
                "server_id": server_id, "photos": len(photos),
                "escrow_check": escrow_check(secret), "files": writer.files}
            writer.add_bytes(MANIFEST, json.dumps(manifest, indent=1).encode())
            tar.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    if keep is not None:
        _prune(out, keep)
    return Summary(target, manifest["database"], revision, len(photos), target.stat().st_size)


def _photo_files(folder: Path) -> list[Path]:
    """The store's files, without a half-written one (PhotoStore writes `.tmp-*` first)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def _prune(folder: Path, keep: int) -> None:
    """Keep the newest `keep` backups in `folder` (their names sort by time)."""
    backups = sorted(folder.glob(f"{PREFIX}*.tar"))
    for old in backups[:max(len(backups) - keep, 0)]:
        old.unlink()


# ---------------------------------------------------------------------------------------------
# Restoring


def _safe_member(name: str) -> bool:
    parts = name.split("/")
    return (name in (MANIFEST, CONFIG_NAME, SQLITE_MEMBER, PG_MEMBER)
            or (parts[0] == PHOTOS and len(parts) > 1
                and all(p not in ("", ".", "..") for p in parts)))


def _stage(source: Path, staging: Path) -> dict[str, Any]:
    """Unpack the backup into `staging`, checking every file against the manifest."""
    seen: dict[str, tuple[int, str]] = {}
    manifest_bytes = None
    try:
        with tarfile.open(source, mode="r:") as tar:
            for member in tar:
                if not member.isfile() or not _safe_member(member.name):
                    raise BackupError(f"备份中有不应有的条目：{member.name[:100]}")
                stream = tar.extractfile(member)
                assert stream is not None  # a regular file
                if member.name == MANIFEST:
                    manifest_bytes = stream.read()
                    continue
                target = staging / member.name
                target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                sha = hashlib.sha256()
                with os.fdopen(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600),
                               "wb") as out:
                    while chunk := stream.read(CHUNK):
                        sha.update(chunk)
                        out.write(chunk)
                seen[member.name] = (member.size, sha.hexdigest())
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise BackupError(f"备份文件已损坏或不完整，无法读取（{type(exc).__name__}）") from exc
    if manifest_bytes is None:
        raise BackupError(f"备份不完整：没有清单（{MANIFEST}）")
    try:
        manifest = json.loads(manifest_bytes)
        listed = {f["path"]: (f["size"], f["sha256"]) for f in manifest["files"]}
    except (ValueError, KeyError, TypeError) as exc:
        raise BackupError(f"备份的清单（{MANIFEST}）已损坏") from exc
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError("这不是本服务器能读的备份（格式或格式版本不符）")
    for name in sorted(listed.keys() | seen.keys()):
        if name not in seen:
            raise BackupError(f"备份不完整：缺少 {name}")
        if name not in listed:
            raise BackupError(f"备份中有清单未列出的文件：{name}")
        if seen[name] != listed[name]:
            raise BackupError(f"备份已损坏：{name} 的校验和（SHA-256）与清单不符")
    return manifest


def _check_secret(settings: Settings, manifest: dict[str, Any], new_secret: bool) -> str:
    """Where the escrow secret comes from, after checking it is the backup's one."""
    where = ("GRID_SERVER_ESCROW_SECRET" if settings.escrow_secret
             else str(settings.data_dir / ESCROW_FILE))
    present = bool(settings.escrow_secret) or (settings.data_dir / ESCROW_FILE).is_file()
    if not present:
        if new_secret:
            return "无（启动时将生成新密钥，已托管的设备密钥无法再打开）"
        raise BackupError(
            f"托管密钥不在备份中，恢复前请放回单独备份的 {ESCROW_FILE}（放到 "
            f"{settings.data_dir}）或设置 GRID_SERVER_ESCROW_SECRET；确已丢失时用 "
            "--new-escrow-secret（已托管的设备密钥将无法再打开）")
    try:
        secret = load_secret(settings)
    except EscrowError as exc:
        raise BackupError(str(exc)) from exc
    if escrow_check(secret) != manifest.get("escrow_check"):
        if new_secret:
            return f"{where}（与备份时不同，已托管的设备密钥无法再打开）"
        raise BackupError(
            f"托管密钥（{where}）与备份时的不同：已托管的设备密钥将无法打开。请放回备份时的 "
            f"{ESCROW_FILE}，或确认后用 --new-escrow-secret")
    return f"{where}（与备份时一致）"


def _occupied(settings: Settings) -> tuple[list[str], bool]:
    """What in the target a restore would replace: files in the folder, and whether the
    database has tables."""
    found = [name for name in REPLACED if (settings.data_dir / name).exists()]
    if database_kind(settings.db_url) == "sqlite":
        database = Path(make_url(settings.db_url).database)
        if database.exists():
            found.append(database.name)
        return found, False
    engine = create_engine(settings.db_url)
    try:
        tables = bool(inspect(engine).get_table_names())
    except Exception as exc:  # noqa: BLE001 - any failure to reach it is named, not a traceback
        raise BackupError(f"无法连接目标数据库（{type(exc).__name__}）") from exc
    finally:
        engine.dispose()
    return found + (["PostgreSQL 数据库中的表"] if tables else []), tables


def _restore_postgres(url: str, dump: Path, clear: bool) -> None:
    """Load the dump in one transaction: nothing is committed unless all of it loaded.

    pg_restore writes the SQL and psql runs it inside BEGIN; COMMIT is sent only when
    pg_restore finished cleanly, so a dump that breaks off half-way commits nothing.
    """
    conninfo, env = _libpq(url)
    with tempfile.TemporaryFile() as restore_err, tempfile.TemporaryFile() as psql_err:
        producer = subprocess.Popen(
            [_tool("pg_restore"), "--no-owner", "--no-privileges", "--file=-", str(dump)],
            stdout=subprocess.PIPE, stderr=restore_err, env=env)
        consumer = subprocess.Popen(
            [_tool("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "-", conninfo],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=psql_err, env=env)
        assert producer.stdout is not None and consumer.stdin is not None
        try:
            consumer.stdin.write(b"BEGIN;\n")
            if clear:  # what a --force restore replaces: the whole schema, not table by table
                consumer.stdin.write(b"DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n")
            while chunk := producer.stdout.read(CHUNK):
                consumer.stdin.write(chunk)
            if producer.wait() == 0:
                consumer.stdin.write(b"COMMIT;\n")
            consumer.stdin.close()
        except BrokenPipeError:
            pass  # psql stopped at an error; its message is read below
        finally:
            producer.stdout.close()
            producer.wait()
            consumer.wait()
        for proc, err, what in ((producer, restore_err, "pg_restore"),
                                (consumer, psql_err, "psql")):
            if proc.returncode != 0:
                err.seek(0)
                message = err.read().decode("utf-8", "replace").strip()[-500:]
                raise BackupError(f"恢复 PostgreSQL 数据库失败（{what}），数据库未改动：{message}")


@contextmanager
def _swapped(moves: list[tuple[Path | None, Path]], aside: Path) -> Iterator[None]:
    """Put each staged file or folder in its place (None: just clear the place), the old
    one moved aside; everything moved back if the block fails."""
    done: list[tuple[Path | None, Path, Path | None]] = []
    aside.mkdir(mode=0o700)
    try:
        for n, (staged, target) in enumerate(moves):
            old = aside / f"{n}-{target.name}" if target.exists() else None
            if old is not None:
                os.replace(target, old)
            done.append((staged, target, old))
            if staged is not None:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staged, target)
        yield
    except BaseException:
        for staged, target, old in reversed(done):
            if staged is not None and target.exists():
                os.replace(target, staged)
            if old is not None:
                os.replace(old, target)
        raise


def restore_backup(source: Path, data_dir: Path, *, force: bool = False,
                   new_secret: bool = False) -> tuple[Summary, str]:
    """Restore the backup at `source` into the data folder `data_dir` (the server stopped);
    returns what was restored and where the escrow secret comes from."""
    if not source.is_file():
        raise BackupError(f"找不到备份文件：{source}")
    data_dir = data_dir.resolve()
    created = not data_dir.exists()
    data_dir.mkdir(parents=True, exist_ok=True)
    staging = data_dir / f".restore-{secrets.token_hex(6)}"
    staging.mkdir(mode=0o700)
    try:
        manifest = _stage(source, staging)
        # The database named by GRID_SERVER_DATABASE_URL, else the backed-up server's.
        settings = replace(load_settings(staging), data_dir=data_dir)
        escrow = _check_secret(settings, manifest, new_secret)
        kind = database_kind(settings.db_url)
        if kind != manifest["database"]:
            raise BackupError(f"备份中的数据库是 {manifest['database']}，目标是 {kind}"
                              "（GRID_SERVER_DATABASE_URL 或 server.json）：不能跨数据库恢复")
        try:
            ScriptDirectory.from_config(alembic_config(None)).get_revision(manifest["revision"])
        except CommandError as exc:
            raise BackupError(f"备份来自更新版本的服务器（数据库版本 {manifest['revision']}），"
                              "请先升级本服务器程序") from exc
        occupied, tables = _occupied(settings)
        if occupied and not force:
            raise BackupError(f"目标不是空的（{'、'.join(occupied)}）：确认要覆盖时加 --force")
        staged_config = staging / CONFIG_NAME
        moves: list[tuple[Path | None, Path]] = [
            (staged_config if staged_config.is_file() else None, data_dir / CONFIG_NAME),
            (staging / PHOTOS if (staging / PHOTOS).is_dir() else None, settings.photo_dir),
            (None, settings.upload_dir)]  # partial uploads belong to the replaced data
        if kind == "sqlite":
            database = Path(make_url(settings.db_url).database)
            moves.append((staging / SQLITE_MEMBER, database))
            # The old database's journal must not be replayed into the restored one.
            moves += [(None, database.with_name(database.name + suffix))
                      for suffix in ("-wal", "-shm")]
        with _swapped(moves, staging / "replaced"):
            if kind == "postgresql":
                _restore_postgres(settings.db_url, staging / PG_MEMBER, clear=tables)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if created:
            shutil.rmtree(data_dir, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    return Summary(source, manifest["database"], manifest["revision"], manifest["photos"],
                   source.stat().st_size), escrow
