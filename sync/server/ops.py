"""Readiness: can this server do its work now? For load balancers and monitoring.

`/health` stays a cheap liveness probe; `/health/ready` runs the checks below and names
each one that fails: the database reachable and at the newest migration, the photo
folders writable, the escrow secret still where it was read from (else the next start
would make a new one and no escrowed key would open), and free disk above a floor.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Callable

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import SQLAlchemyError

from .config import Settings
from .database import Database, alembic_config
from .escrow import ESCROW_FILE

MB = 1024 * 1024


def _file_digest(settings: Settings) -> str | None:
    path = settings.data_dir / ESCROW_FILE
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


class Readiness:
    """Made once the app has loaded its escrow secret; `run` is cheap enough to poll."""

    def __init__(self, settings: Settings, db: Database) -> None:
        self.settings = settings
        self.db = db
        self.head = set(ScriptDirectory.from_config(alembic_config(db.engine)).get_heads())
        self.escrow_digest = None if settings.escrow_secret else _file_digest(settings)
        self.checks: dict[str, Callable[[], str | None]] = {
            "database": self._database, "photos": self._photos,
            "escrow": self._escrow, "disk": self._disk}

    def run(self) -> dict[str, str]:
        """Each check's name and "ok" or what is wrong."""
        return {name: check() or "ok" for name, check in self.checks.items()}

    def _database(self) -> str | None:
        try:
            with self.db.engine.connect() as conn:
                current = set(MigrationContext.configure(conn).get_current_heads())
        except SQLAlchemyError as exc:
            return f"无法连接数据库（{type(exc).__name__}）"
        if current != self.head:
            return (f"数据库不是最新版本（当前 {', '.join(sorted(current)) or '空'}，"
                    f"应为 {', '.join(sorted(self.head))}），请重启服务器以迁移")
        return None

    def _photos(self) -> str | None:
        for folder in (self.settings.photo_dir, self.settings.upload_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                with tempfile.TemporaryFile(dir=folder) as probe:
                    probe.write(b"ready")
                    probe.flush()
            except OSError as exc:
                return f"照片目录不可写（{folder.name}：{type(exc).__name__}）"
        return None

    def _escrow(self) -> str | None:
        if self.settings.escrow_secret:
            return None  # from the environment, held for the process's life
        digest = _file_digest(self.settings)
        if digest is None:
            return (f"托管密钥文件（{ESCROW_FILE}）已不在数据目录：重启后会生成新密钥，"
                    "已托管的设备密钥将无法打开，请从单独的备份放回")
        if digest != self.escrow_digest:
            return f"托管密钥文件（{ESCROW_FILE}）在服务器运行期间被更换"
        return None

    def _disk(self) -> str | None:
        free = shutil.disk_usage(self.settings.data_dir).free // MB
        if free < self.settings.min_free_disk_mb:
            return f"磁盘剩余空间不足（剩 {free} MB，下限 {self.settings.min_free_disk_mb} MB）"
        return None
