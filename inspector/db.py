"""Opening a profile's store: one SQLite file, migrated and backed up, ready for services.

Every caller goes through `open_store`, so every connection gets the same
pragmas (WAL, foreign keys, busy timeout) and the schema is always current.

A real profile's store is encrypted with SQLCipher: each connection first gives the
profile's raw data key (`crypto.KeySlot`), so nothing of it is readable without the
key. Plain stores (the demo classroom's fictional data, benchmarks, tests) use the
same SQLite build, without a key.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlcipher3 import dbapi2 as sqlcipher

from .catalogues import all_catalogues
from .crypto import DataKey, KeySlot
from .errors import StoreError
from .models import CatalogueRecord
from .photos import PhotoStore
from .search import install_index_hook

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest migration. Checked against Alembic by a test; opening a store that is
# already at this revision then needs no Alembic at all (its import costs 0.2 s of start-up).
SCHEMA_HEAD = "0004"


@dataclass
class Store:
    """An open profile: its database engine, its key, and the folder its photos live in."""

    path: Path
    engine: Engine
    backup: Path | None = None
    keys: KeySlot = field(default_factory=KeySlot)
    _factory: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        install_index_hook(self._factory)

    @property
    def photo_dir(self) -> Path:
        return self.path.parent / "photos"

    @property
    def photos(self) -> PhotoStore:
        """The profile's photo files, sealed with the same key as the database."""
        return PhotoStore(self.photo_dir, self.keys)

    @property
    def encrypted(self) -> bool:
        return self.keys.encrypted

    def lock(self) -> None:
        """Wipe the key and close every idle connection (SQLCipher clears its copy on close).

        A query already running finishes; the next one raises StoreLocked until `unlock`.
        """
        self.keys.wipe()
        self.engine.dispose()

    def unlock(self, key: DataKey) -> None:
        self.keys.put(key)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: everything inside commits together or not at all."""
        with self._factory() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; nothing it does is committed."""
        with self._factory() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _give_key(conn: sqlcipher.Connection, keys: KeySlot) -> None:
    """Key a fresh connection; this must come before any other statement."""
    cur = conn.cursor()
    cur.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher would print to stderr
    raw = keys.raw()
    if raw is not None:
        cur.execute(f"PRAGMA key = \"x'{raw.hex()}'\"")  # a raw key: no second derivation
        cur.execute("PRAGMA temp_store = MEMORY")  # sorts and temp tables stay off the disk
    cur.close()


def connect_raw(path: Path, keys: KeySlot) -> sqlcipher.Connection:
    """A bare DB-API connection to a store file (backups, restores, conversion)."""
    conn = sqlcipher.connect(str(path))
    _give_key(conn, keys)
    return conn


def make_engine(path: Path, keys: KeySlot | None = None) -> Engine:
    keys = keys or KeySlot()

    def on_connect(conn: sqlcipher.Connection, _record: object) -> None:
        _give_key(conn, keys)
        cur = conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    # hide_parameters: an error's text never carries the values of the statement.
    engine = create_engine(f"sqlite:///{path}", module=sqlcipher, hide_parameters=True,
                           connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", on_connect)
    return engine


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest migration as Alembic reads it from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # Alembic raises its own errors for revisions it has never seen
        return False


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision (None for a new file), read without Alembic."""
    with engine.connect() as conn:
        has_table = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                      "AND name = 'alembic_version'")).first()
        if not has_table:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_file(path: Path, label: str, keys: KeySlot | None = None) -> Path:
    """Copy the database with SQLite's online backup (consistent even with a WAL).

    The copy is keyed like the original, so a backup of an encrypted store is encrypted.
    """
    keys = keys or KeySlot()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    # closing(): a `with` on a DB-API connection only commits; a connection left
    # open keeps the -wal/-shm files alive, which _restore must be free to remove.
    with closing(connect_raw(path, keys)) as src, closing(connect_raw(target, keys)) as dst:
        src.backup(dst)
    return target


def open_store(path: str | Path, key: DataKey | None = None) -> Store:
    """Open (creating if needed) the store at `path` and bring its schema to head.

    With `key` the file is (or becomes, if new) encrypted with it. A file that needs
    migrating is first copied aside; if the migration fails, the copy is put back
    and StoreError says so, so no data is ever lost to an upgrade.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.is_file() and path.stat().st_size > 0
    keys = KeySlot(key)
    engine = make_engine(path, keys)
    try:
        current = current_revision(engine)
    except DBAPIError as exc:  # not a database, the wrong key, damaged, locked …
        engine.dispose()
        raise StoreError(f"无法打开数据库文件 {path.name}（{exc.orig}）") from exc
    head = SCHEMA_HEAD
    if current not in (None, head) and not _known_revision(current):
        engine.dispose()
        raise StoreError(
            f"该数据库由更新版本的程序创建（结构版本 {current}），请先升级本程序再打开")
    backup = None
    if current != head:
        if existed:  # any existing file, even one at base revision or without Alembic's table
            backup = backup_file(path, f"before-{head}", keys)
            log.info("store at revision %s needs %s; backup made", current, head)
        try:
            _upgrade(engine)
        except Exception as exc:
            engine.dispose()
            if backup is not None:
                _restore(backup, path)
            done = f"已恢复升级前的备份（{backup.name}）" if backup else "新建的数据库未能初始化"
            raise StoreError(f"数据库升级失败，{done}（{type(exc).__name__}）") from exc
    store = Store(path=path, engine=engine, backup=backup, keys=keys)
    load_catalogues(store)
    return store


def load_catalogues(store: Store) -> None:
    """Record each bundled catalogue version in the store, so cases keep the one they used."""
    bundled = all_catalogues()
    with store.write() as session:
        known = set(session.execute(select(CatalogueRecord.name, CatalogueRecord.version)))
        for cat in bundled.values():
            if (cat.name, cat.version) not in known:
                session.add(CatalogueRecord(name=cat.name, version=cat.version,
                                            entries=cat.plain_entries()))


def _upgrade(engine: Engine) -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _restore(backup: Path, path: Path) -> None:
    """Put the backup's bytes back in place of a half-upgraded file, byte for byte.

    A file copy, not SQLite's backup API (which would stamp its own change counter and
    schema cookie into the file): copied aside, flushed, then renamed over the store in
    one step. The half-upgraded file's WAL goes first, so it can never be replayed onto
    the restored file.
    """
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    aside = path.with_name(path.name + ".restoring")
    shutil.copyfile(backup, aside)
    with open(aside, "rb+") as copy:
        os.fsync(copy.fileno())
    os.replace(aside, path)
