"""Photos and what they are attached to."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced, utcnow


class Photo(Base):
    """A stored photo, identified by the SHA-256 of its stored bytes (immutable)."""

    __tablename__ = "photo"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    taken_at: Mapped[datetime | None] = mapped_column(default=None)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    uploaded: Mapped[bool] = mapped_column(default=False)


class PhotoLink(Synced, Base):
    """Attaches a photo to a record at a stage (report, handling, verification, before, after)."""

    __tablename__ = "photo_link"

    photo_sha256: Mapped[str] = mapped_column(ForeignKey("photo.sha256"), index=True)
    entity: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    caption: Mapped[str | None] = mapped_column(String(200))
