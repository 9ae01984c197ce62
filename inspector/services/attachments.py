"""Attaching photos to records.

Image work (decode, resize, encode) runs before the transaction opens, so a
slow photo never holds a write lock; the files land in the content-addressed
store first and the rows commit after, so a row never points at a missing file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..models import Photo, PhotoLink, Synced
from ..photos import PhotoStore, ProcessedPhoto, process_photo
from .recording import Actor, Changes, record

STAGES = ("report", "handling", "verification", "before", "after", "visit", "register")


@dataclass(frozen=True)
class PhotoInput:
    """A photo already processed and stored, waiting to be linked to a record."""

    photo: ProcessedPhoto
    stage: str
    caption: str | None = None


def import_photos(store: PhotoStore, files: Iterable[tuple[str | os.PathLike[str] | bytes, str]]
                  ) -> list[PhotoInput]:
    """Process and store (source, stage) pairs; PhotoError names the first bad file's problem.

    Nothing is linked yet: a refused file leaves the database untouched, and the
    stored copies of the good ones are harmless until linked (same bytes, same name).
    """
    out = []
    for source, stage in files:
        if stage not in STAGES:
            raise ValueError(f"unknown photo stage {stage!r}")
        processed = process_photo(source)
        store.put(processed)
        out.append(PhotoInput(processed, stage))
    return out


def link_photos(session: Session, actor: Actor, changes: Changes, entity: str, owner: Synced,
                photos: Iterable[PhotoInput], priority: int) -> frozenset[str]:
    """Attach stored photos to `owner` in the caller's transaction; return the stages covered."""
    stages = set()
    for item in photos:
        p = item.photo
        if session.get(Photo, p.sha256) is None:
            taken = p.taken_at.astimezone() if p.taken_at else None  # camera clock = local time
            session.add(Photo(sha256=p.sha256, width=p.width, height=p.height, size=len(p.data),
                              taken_at=taken, lat=p.lat, lon=p.lon))
        link = PhotoLink(photo_sha256=p.sha256, entity=entity, record_id=owner.id,
                         stage=item.stage, caption=item.caption)
        session.add(link)
        record(session, actor, changes, "photo_link", link, "insert", priority=priority)
        stages.add(item.stage)
    return frozenset(stages)
