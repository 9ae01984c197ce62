"""Loading a whole store into an empty server: the demo classroom and the benchmarks.

A generated district (inspector.demo) is what a device holds after its first pull;
loading it here gives the server the same records, each published to the change
feed, so real devices can then pull it from the server like any other data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from inspector.db import Store
from inspector.models import ENTITIES, Photo
from inspector.photos import PhotoStore
from sync.wire import row_dict

from . import admin
from .database import Database

# Parents before children, so the server never has to wait for a reference.
LOAD_ORDER = ("area", "grid_staff", "building", "place", "component", "household", "resident",
              "patrol", "issue", "patrol_item", "issue_action", "visit", "visit_need", "task",
              "photo_link")
_LEVELS = {"district": 0, "street": 1, "community": 2, "grid": 3}


def rows(store: Store, entity: str) -> list[dict[str, Any]]:
    """Every record of one entity in wire form; areas from the district down."""
    model = ENTITIES[entity]
    with store.read() as session:
        objs = session.scalars(select(model)).all()
        if entity == "area":
            objs = sorted(objs, key=lambda a: _LEVELS[a.level])
        return [row_dict(o) for o in objs]


def load_store(db: Database, photo_dir: Path, store: Store,
               entities: tuple[str, ...] = LOAD_ORDER) -> int:
    """Load every record of `store` into an empty server; returns how many went in.

    Photos (files and their rows) go in first, so no photo link ever points at
    a photo the server lacks.
    """
    if "photo_link" in entities:
        _load_photos(db, photo_dir, store)
    admin.load_catalogues(db)
    return sum(admin.import_records(db, entity, rows(store, entity)) for entity in entities)


def _load_photos(db: Database, photo_dir: Path, store: Store) -> None:
    source, target = store.photos, PhotoStore(photo_dir)
    with store.read() as session:
        photos = [{c.key: getattr(p, c.key) for c in Photo.__table__.columns}
                  for p in session.scalars(select(Photo))]
    for photo in photos:
        target.put_bytes(photo["sha256"], source.read(photo["sha256"]),
                         source.read_thumb(photo["sha256"]))
    with db.transaction() as session:
        session.add_all(Photo(**(photo | {"uploaded": True})) for photo in photos)
