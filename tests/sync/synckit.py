"""Real servers and real clients for the sync tests.

`LiveServer` (sync.server.local.ThreadedServer) runs the FastAPI app under uvicorn
in a thread of the test process on a loopback port (real HTTP). `Device` is a
real profile store plus a real client engine, logged in with a real account.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, inspect, select, text
from testkit import jpeg_bytes

from inspector.db import Store, open_store
from inspector.models import ENTITIES, Issue, LocalProfile, utcnow
from inspector.services.attachments import PhotoInput, import_photos
from inspector.services.cases import IssueInput
from inspector.services.recording import Actor
from sync.client import SyncEngine, Transport, login
from sync.client.account import adopt_account
from sync.server import admin
from sync.server.database import Database
from sync.server.local import ThreadedServer, free_port  # noqa: F401 - for the tests
from sync.server.models import RecordIndex, target_metadata

PASSWORD = "correct-horse-42"
GRIDS = ("G01", "G02", "G03")


def _square(lon: float, lat: float) -> dict:
    d = 0.002
    return {"type": "Polygon", "coordinates": [[[lon, lat], [lon + d, lat], [lon + d, lat + d],
                                                 [lon, lat + d], [lon, lat]]]}


def area_geojson() -> dict[str, Any]:
    """A district, a street, a community and three grids (G01 … G03)."""
    features = [
        {"type": "Feature", "geometry": None,
         "properties": {"code": "D1", "name": "示范区", "level": "district"}},
        {"type": "Feature", "geometry": None,
         "properties": {"code": "S1", "name": "和平街道", "level": "street", "parent_code": "D1"}},
        {"type": "Feature", "geometry": None,
         "properties": {"code": "C1", "name": "幸福社区", "level": "community",
                        "parent_code": "S1"}},
    ]
    for n, code in enumerate(GRIDS):
        features.append({"type": "Feature", "geometry": _square(116.3 + n * 0.01, 39.9),
                         "properties": {"code": code, "name": f"第{n + 1}网格",
                                        "level": "grid", "parent_code": "C1"}})
    return {"type": "FeatureCollection", "features": features}


# username → (role, grid codes); admin sees everything.
ACCOUNTS = {
    "wgy1": ("worker", ["G01"]),
    "wgy2": ("worker", ["G02"]),
    "sqgz1": ("staff", ["G01"]),
    "jdy1": ("supervisor", ["G01", "G02"]),
    "admin": ("admin", []),
}


def grid_id(code: str) -> str:
    return admin.area_id(code)


def seed(db: Database) -> None:
    admin.import_areas(db, area_geojson())
    admin.load_catalogues(db)
    for name, (role, grids) in ACCOUNTS.items():
        admin.create_user(db, name, PASSWORD, role, [grid_id(g) for g in grids])


LiveServer = ThreadedServer


@dataclass
class Device:
    """A field laptop: its own profile file and a client engine logged in as `username`."""

    username: str
    store: Store
    transport: Transport
    engine: SyncEngine

    @property
    def actor(self) -> Actor:
        with self.store.read() as session:
            profile = session.get(LocalProfile, 1)
            return Actor(profile.username, profile.role, profile.device_id,
                         tuple(profile.grid_ids))

    def sync(self) -> Any:
        return self.engine.run()

    def close(self) -> None:
        self.transport.close()
        self.store.close()


def issue_input(**extra: Any) -> IssueInput:
    """A garbage report in grid G01 (the fields a test cares about given as `extra`)."""
    base = dict(grid_id=grid_id("G01"), category_code="exposed_garbage", severity="general",
                title="垃圾堆放", description="路口有暴露垃圾", address="幸福路12号",
                occurred_at=utcnow() - timedelta(hours=1))
    return IssueInput(**(base | extra))


def issue_on(device: Device, issue_id: str) -> Issue | None:
    """The case as this device has it (detached: read its columns only)."""
    with device.store.read() as s:
        return s.get(Issue, issue_id)


def photos_on(device: Device, stage: str, color: tuple[int, int, int]) -> tuple[PhotoInput, ...]:
    """One real JPEG of this stage, processed and stored on the device, ready to link."""
    return tuple(import_photos(device.store.photos, [(jpeg_bytes(color), stage)]))


def make_device(folder: Path, url: str, username: str, **transport: Any) -> Device:
    store = open_store(folder / username / "store.db")
    device_id = str(uuid.uuid4())
    t = Transport(url, device_id, **transport)
    account = login(t, username, PASSWORD)
    adopt_account(store, account, url)
    with store.write() as session:
        session.get(LocalProfile, 1).device_id = device_id
    return Device(username, store, t, SyncEngine(store, t))


def postgres_admin_url() -> str | None:
    return os.environ.get("GRID_TEST_PG_URL")


@contextmanager
def postgres_database(admin_url: str | None = None, prefix: str = "gi_test") -> Iterator[str]:
    """A fresh, empty PostgreSQL database (for one test, or a benchmark), dropped afterwards."""
    admin_url = admin_url or postgres_admin_url()
    assert admin_url
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with engine.connect() as conn:
            try:  # a plain drop stops autovacuum itself; FORCE needs rights this role lacks
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            except Exception:  # noqa: BLE001 - a straggling connection: insist
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def placeholders_left(server: LiveServer) -> list[str]:
    """Tables still holding a placeholder revision (negative, see sync.server.feed) once
    every write has committed: each one is a revision a device would never match."""
    present = set(inspect(server.db.engine).get_table_names())
    with server.db.session() as s:
        return [f"{table.name}.{column}" for metadata in target_metadata()
                for table in metadata.sorted_tables if table.name in present
                for column in ("rev", "server_rev") if column in table.c
                and s.scalar(select(func.count()).select_from(table)
                             .where(table.c[column] < 0))]


def revisions_disagreeing(server: LiveServer) -> list[tuple[str, str]]:
    """Live records whose own server_rev differs from the record index's revision (what
    drift checks compare devices against)."""
    with server.db.session() as s:
        return [(entity, record_id) for entity, model in ENTITIES.items()
                for record_id, rev, indexed in s.execute(
                    select(model.id, model.server_rev, RecordIndex.rev).join(
                        RecordIndex, (RecordIndex.entity == entity)
                        & (RecordIndex.record_id == model.id)))
                if rev != indexed]


def postgres_skip_reason() -> str | None:
    url = postgres_admin_url()
    if not url:
        return "PostgreSQL not available: GRID_TEST_PG_URL is not set (bash .ci/run sets it)"
    try:
        engine = create_engine(url)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - any failure means: no PostgreSQL here
        return f"PostgreSQL not reachable at GRID_TEST_PG_URL ({type(exc).__name__})"
    return None
