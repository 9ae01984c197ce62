"""The household and resident register (台账)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced


class Household(Synced, Base):
    """户: one dwelling unit behind a door, with its head and housing situation."""

    __tablename__ = "household"

    grid_id: Mapped[str] = mapped_column(ForeignKey("area.id"), index=True)
    building_id: Mapped[str | None] = mapped_column(ForeignKey("building.id"), index=True)
    door_no: Mapped[str] = mapped_column(String(32))
    address: Mapped[str] = mapped_column(String(200))
    housing_use: Mapped[str] = mapped_column(String(16))
    head_name: Mapped[str | None] = mapped_column(String(50))
    phone: Mapped[str | None] = mapped_column(String(20))
    landlord_name: Mapped[str | None] = mapped_column(String(50))
    landlord_phone: Mapped[str | None] = mapped_column(String(20))
    # Rental details: {"tenants": 3, "lease_until": "2027-06-30", "registered": true}
    rental: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    contact_card: Mapped[bool] = mapped_column(Boolean, default=False)
    last_visit_at: Mapped[datetime | None] = mapped_column(default=None)
    notes: Mapped[str | None] = mapped_column(Text)


class Resident(Synced, Base):
    """人口. Gender and birth date always derive from the ID number (never typed)."""

    __tablename__ = "resident"

    grid_id: Mapped[str] = mapped_column(ForeignKey("area.id"), index=True)
    # One household at a time; None once the person has moved out of the register.
    household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"), index=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    gender: Mapped[str] = mapped_column(String(2))
    birth_date: Mapped[date] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(20))
    relation: Mapped[str] = mapped_column(String(16))
    domicile: Mapped[str | None] = mapped_column(String(200))
    residence_type: Mapped[str] = mapped_column(String(16))
    # Floating population: {"permit_no": ..., "arrived": "2025-03-01", "reason": ..., "until": ...}
    temporary: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    employment: Mapped[str | None] = mapped_column(String(32))
    insurance: Mapped[list[Any] | None] = mapped_column(default=None)
    care_tags: Mapped[list[Any] | None] = mapped_column(default=None)
    # Only roles allowed to see them ever receive or show these.
    restricted_tags: Mapped[list[Any] | None] = mapped_column(default=None)
    notes: Mapped[str | None] = mapped_column(Text)
