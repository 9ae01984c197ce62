"""Territory and things on it: the area tree, grid staff, buildings, places, components."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Synced

AREA_LEVELS = ("district", "street", "community", "grid")


class Area(Synced, Base):
    """District → street → community → grid. Only grids carry a boundary polygon."""

    __tablename__ = "area"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("area.id"), index=True)
    # GeoJSON Polygon geometry ({"type": "Polygon", "coordinates": [...]}) in WGS84.
    boundary: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    head_name: Mapped[str | None] = mapped_column(String(50))

    parent: Mapped[Area | None] = relationship(remote_side="Area.id")


class GridStaff(Synced, Base):
    """一格多员: the people attached to a grid and what they do there."""

    __tablename__ = "grid_staff"

    grid_id: Mapped[str] = mapped_column(ForeignKey("area.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    duty: Mapped[str] = mapped_column(String(32))  # 格长, 网格员, 监督员, 楼长, 民警 ...
    username: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(20))


class Building(Synced, Base):
    """楼栋/院落."""

    __tablename__ = "building"

    grid_id: Mapped[str] = mapped_column(ForeignKey("area.id"), index=True)
    code: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200))
    use: Mapped[str] = mapped_column(String(32))
    floors: Mapped[int | None] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    head_name: Mapped[str | None] = mapped_column(String(50))
    head_phone: Mapped[str | None] = mapped_column(String(20))


class Place(Synced, Base):
    """单位/场所: enterprises, shops, gathering places, frontage units."""

    __tablename__ = "place"

    grid_id: Mapped[str] = mapped_column(ForeignKey("area.id"), index=True)
    building_id: Mapped[str | None] = mapped_column(ForeignKey("building.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32))
    address: Mapped[str] = mapped_column(String(200))
    responsible_name: Mapped[str | None] = mapped_column(String(50))
    responsible_phone: Mapped[str | None] = mapped_column(String(20))
    # e.g. {"extinguishers": 4, "exits_clear": true, "last_inspection": "2026-05-01"}
    fire_safety: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str | None] = mapped_column(Text)


class Component(Synced, Base):
    """部件: coded street furniture (manhole covers, lamps, bins) with its owner unit."""

    __tablename__ = "component"

    grid_id: Mapped[str] = mapped_column(ForeignKey("area.id"), index=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    category_code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    owner_unit: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16), default="ok")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
