"""A diagnostics file for support: the state of this laptop and its profile, without a
record's contents, key material or passwords.

The zip holds `diagnostics.json` (versions, platform, settings that are not secret, the
schema revision, row counts per table, the sync queue and its problems, the last sync,
the audit chain's check, the store's integrity check, the profile folder's file names
and sizes) and the log files and crash reports, which are written redacted
(inspector.logs). Register and case tables are only ever counted. key.json, the photos,
the database and its backups stay out; so does every setting or variable whose name
says it is secret, and the password variable's value.

Written from a read-only session over its own connection, so a long integrity check of
a large store runs beside the app's database thread (SQLite's WAL) instead of in front.
"""

from __future__ import annotations

import json
import os
import platform
import re
import sys
import uuid
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from . import __version__
from .audit_chain import acked_seq, verify
from .db import Store
from .keyfile import KeyFile
from .logs import LOG_NAME, log_folder, redact
from .models import LocalProfile, OutboxEntry, SyncCursor, SyncProblem, SyncStatus
from .services.recording import Actor, audit

REPORT = "diagnostics.json"
# Settings and variables whose names say they hold a secret are never written.
_SECRET = re.compile(r"pass|secret|token|key|credential|cookie", re.IGNORECASE)
# GRID_INSPECTOR_* variables whose value support may see; others only show as set.
_SHOWN_ENV = ("GRID_INSPECTOR_HOME", "GRID_INSPECTOR_ALLOW_HTTP", "GRID_INSPECTOR_CA_BUNDLE")
SECTIONS = ("versions", "platform", "settings", "environment", "profile", "store", "tables",
            "outbox", "sync", "audit_chain", "files", "logs")


@dataclass(frozen=True)
class DiagnosticsFile:
    """A diagnostics zip just written: where, under which id, and what it holds."""

    path: Path
    run_id: str
    members: tuple[str, ...]
    size: int


def versions() -> dict[str, str]:
    """The app's and its libraries' versions (the About dialog shows the same)."""
    import alembic
    import sqlalchemy
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(":memory:")
    try:
        sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
        cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        conn.close()
    return {"grid_inspector": __version__, "python": platform.python_version(),
            "sqlite": sqlite, "sqlcipher": cipher, "sqlalchemy": sqlalchemy.__version__,
            "alembic": alembic.__version__}


def platform_info() -> dict[str, Any]:
    return {"system": platform.system(), "release": platform.release(),
            "version": platform.version(), "machine": platform.machine(),
            "platform": platform.platform(), "frozen": bool(getattr(sys, "frozen", False))}


def public_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Settings with plain values whose names do not say they are secret."""
    out: dict[str, Any] = {}
    for name, value in sorted(settings.items()):
        if _SECRET.search(name):
            continue
        out[name] = value if isinstance(value, str | int | float | bool | None) else \
            f"<{type(value).__name__}>"
    return out


def _environment() -> dict[str, str]:
    return {name: (os.environ[name] if name in _SHOWN_ENV else "(set)")
            for name in sorted(os.environ) if name.startswith("GRID_INSPECTOR_")}


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _tables(session: Any) -> dict[str, int]:
    """Rows per table; the full-text index's own storage tables are left out."""
    names = session.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT GLOB 'search_*_*' ORDER BY name")).scalars().all()
    return {name: session.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
            for name in names}


def _outbox(session: Any) -> dict[str, Any]:
    by_kind = session.execute(select(OutboxEntry.entity, OutboxEntry.op, func.count())
                              .group_by(OutboxEntry.entity, OutboxEntry.op)).all()
    pending, oldest, retried, in_flight = session.execute(select(
        func.count(), func.min(OutboxEntry.created_at),
        func.count().filter(OutboxEntry.attempts > 0),
        func.count().filter(OutboxEntry.batch_id.is_not(None)))).one()
    return {"pending": pending, "oldest": _iso(oldest), "retried": retried,
            "in_unanswered_batch": in_flight,
            "by_entity": {f"{entity}/{op}": n for entity, op, n in by_kind}}


def _sync(session: Any) -> dict[str, Any]:
    problems = session.execute(select(SyncProblem.kind, SyncProblem.acknowledged, func.count())
                               .group_by(SyncProblem.kind, SyncProblem.acknowledged)).all()
    status = session.get(SyncStatus, 1)
    return {
        "problems_open": {k: n for k, acked, n in problems if not acked},
        "problems_read": {k: n for k, acked, n in problems if acked},
        "last_attempt_at": _iso(status.last_attempt_at) if status else None,
        "last_success_at": _iso(status.last_success_at) if status else None,
        "last_error_at": _iso(status.last_error_at) if status else None,
        "last_error": redact(status.last_error) if status and status.last_error else None,
        "cursors": {c.scope: c.cursor for c in session.scalars(select(SyncCursor))},
    }


def _profile(session: Any, keyfile: KeyFile | None) -> dict[str, Any]:
    profile = session.get(LocalProfile, 1)
    out: dict[str, Any] = {"bound": profile is not None}
    if profile is not None:  # the worker's account, never the display name or a verifier
        out |= {"username": profile.username, "role": profile.role,
                "grids": len(profile.grid_ids or ()), "device_id": profile.device_id,
                "server_url": profile.server_url, "demo": bool(profile.demo),
                "has_password_verifier": bool(profile.password_hash)}
    if keyfile is not None:  # its state only; the file itself stays out
        out |= {"key_escrowed": keyfile.escrowed, "wrong_passwords": keyfile.failures,
                "locked_out": keyfile.locked_out}
    return out


def _files(folder: Path) -> dict[str, Any]:
    """The profile folder's own files by name and size; photos only counted."""
    listing = {p.name: p.stat().st_size for p in sorted(folder.iterdir()) if p.is_file()}
    photos = list((folder / "photos").rglob("*.jpg"))
    return {"profile_folder": listing, "photo_files": len(photos),
            "photo_bytes": sum(p.stat().st_size for p in photos)}


def collect(store: Store, *, settings: Mapping[str, Any] | None = None,
            extra_versions: Mapping[str, str] | None = None,
            extra_platform: Mapping[str, Any] | None = None,
            keyfile: KeyFile | None = None) -> dict[str, Any]:
    """Everything of diagnostics.json, read in one read-only session."""
    report: dict[str, Any] = {
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "versions": versions() | dict(extra_versions or {}),
        "platform": platform_info() | dict(extra_platform or {}),
        "settings": public_settings(settings or {}),
        "environment": _environment(),
    }
    with store.read() as session:
        chain = verify(session)
        report |= {
            "profile": _profile(session, keyfile),
            "tables": _tables(session),
            "outbox": _outbox(session),
            "sync": _sync(session),
            "audit_chain": {"ok": chain.ok, "checked": chain.checked, "bad_seq": chain.bad_seq,
                            "reason": chain.reason, "acknowledged_up_to": acked_seq(session)},
            "store": {"schema_revision": session.execute(text(
                "SELECT version_num FROM alembic_version")).scalar(),
                      "encrypted": store.encrypted,
                      "quick_check": session.execute(text("PRAGMA quick_check")).scalars()
                      .all()[:20]},
        }
    report["files"] = _files(store.path.parent)
    return report


def _log_files(folder: Path) -> list[Path]:
    """The app's log files (the current one and its rotations) and crash reports."""
    if not folder.is_dir():
        return []
    return sorted([*folder.glob(LOG_NAME + "*"), *folder.glob("crash-*.txt")])


def write_bundle(store: Store, target: str | Path, *, settings: Mapping[str, Any] | None = None,
                 extra_versions: Mapping[str, str] | None = None,
                 extra_platform: Mapping[str, Any] | None = None,
                 keyfile: KeyFile | None = None, logs: Path | None = None) -> DiagnosticsFile:
    """Write the diagnostics zip to `target` (a temporary name, then one rename)."""
    target = Path(target)
    report = collect(store, settings=settings, extra_versions=extra_versions,
                     extra_platform=extra_platform, keyfile=keyfile)
    logs = Path(logs) if logs is not None else log_folder()
    found = _log_files(logs)
    report["logs"] = [p.name for p in found]
    partial = target.with_name(target.name + ".partial")
    members = [REPORT]
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(REPORT, json.dumps(report, ensure_ascii=False, indent=2))
        for path in found:
            name = ("crash/" if path.name.startswith("crash-") else "logs/") + path.name
            try:
                bundle.write(path, name)
            except OSError:  # rotated away while we read: the list above still names it
                continue
            members.append(name)
    os.replace(partial, target)
    return DiagnosticsFile(target, str(uuid.uuid4()), tuple(members), target.stat().st_size)


def record_export(store: Store, actor: Actor, written: DiagnosticsFile) -> None:
    """The audit entry of a diagnostics export: who, when, which sections."""
    with store.write() as session:
        audit(session, actor, "export", "diagnostics", written.run_id, list(SECTIONS))
