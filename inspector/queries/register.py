"""What the register page reads: grids and buildings for navigation, household and
resident rows for lazy lists, one record for a form, search hits with their rows.

Every function takes the store and returns plain data (dicts, dataclasses), safe to
hand to the GUI thread. ID numbers and phones leave here masked
(`inspector.disclosure`); a form that needs one whole asks the audited reveal service
(`inspector.services.privacy`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import Store
from ..disclosure import mask, mask_id_number
from ..models import Area, Building, Household, Resident
from ..search import search

Row = dict[str, Any]


@dataclass(frozen=True)
class Node:
    """A grid or building in the navigation tree."""

    id: str
    name: str
    households: int


def grids(store: Store, grid_ids: Sequence[str]) -> list[Node]:
    """The actor's grids (every grid when the actor is not limited to some)."""
    with store.read() as s:
        query = select(Area.id, Area.name).where(Area.level == "grid").order_by(Area.code)
        if grid_ids:
            query = query.where(Area.id.in_(grid_ids))
        rows = s.execute(query).all()
        counts = dict(s.execute(select(Household.grid_id, func.count()).where(
            Household.grid_id.in_([r.id for r in rows])).group_by(Household.grid_id)).all())
        return [Node(r.id, r.name, counts.get(r.id, 0)) for r in rows]


def buildings(store: Store, grid_id: str) -> list[Node]:
    with store.read() as s:
        rows = s.execute(select(Building.id, Building.name).where(Building.grid_id == grid_id)
                         .order_by(Building.code)).all()
        counts = dict(s.execute(select(Household.building_id, func.count()).where(
            Household.grid_id == grid_id).group_by(Household.building_id)).all())
        return [Node(r.id, r.name, counts.get(r.id, 0)) for r in rows]


def household_ids(store: Store, grid_ids: Sequence[str], building_id: str | None = None,
                  ) -> list[str]:
    """Households of a building, or of the given grids (all grids when empty), by address."""
    query = select(Household.id).order_by(Household.address, Household.door_no)
    if building_id is not None:
        query = query.where(Household.building_id == building_id)
    elif grid_ids:
        query = query.where(Household.grid_id.in_(grid_ids))
    with store.read() as s:
        return list(s.scalars(query))


def existing_ids(store: Store, entity: str, ids: Iterable[str]) -> set[str]:
    """Which of these records still exist (to tell an edit from a removal)."""
    model = {"household": Household, "resident": Resident}[entity]
    ids = list(ids)
    with store.read() as s:
        return set(s.scalars(select(model.id).where(model.id.in_(ids))))


def household_rows(store: Store, ids: Sequence[str]) -> dict[str, Row]:
    with store.read() as s:
        members = dict(s.execute(select(Resident.household_id, func.count()).where(
            Resident.household_id.in_(ids)).group_by(Resident.household_id)).all())
        rows = s.execute(select(
            Household.id, Household.door_no, Household.address, Household.head_name,
            Household.housing_use, Household.last_visit_at).where(Household.id.in_(ids))).all()
        return {r.id: {"door_no": r.door_no, "address": r.address, "head_name": r.head_name or "",
                       "housing_use": r.housing_use, "members": members.get(r.id, 0),
                       "last_visit": r.last_visit_at.date().isoformat() if r.last_visit_at else ""}
                for r in rows}


def resident_ids(store: Store, household_id: str) -> list[str]:
    """A household's members, the head first, then by birth date."""
    with store.read() as s:
        return list(s.scalars(select(Resident.id).where(Resident.household_id == household_id)
                              .order_by(Resident.relation != "self", Resident.birth_date)))


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def resident_rows(store: Store, ids: Sequence[str], today: date | None = None) -> dict[str, Row]:
    """List rows: the ID number masked; no restricted tags (lists never show them)."""
    today = today or date.today()
    with store.read() as s:
        rows = s.scalars(select(Resident).where(Resident.id.in_(ids))).all()
        return {r.id: {"name": r.name, "id_number": mask_id_number(r.id_number),
                       "gender": r.gender, "age": _age(r.birth_date, today),
                       "relation": r.relation, "residence_type": r.residence_type,
                       "household_id": r.household_id}
                for r in rows}


_HOUSEHOLD_FORM = ("grid_id", "building_id", "door_no", "address", "housing_use", "head_name",
                   "landlord_name", "contact_card", "notes")
_HOUSEHOLD_MASKED = ("phone", "landlord_phone")
_RESIDENT_FORM = ("household_id", "name", "gender", "birth_date", "relation",
                  "domicile", "residence_type", "employment", "care_tags", "notes")
_RESIDENT_MASKED = ("id_number", "phone")


def _masked(obj: Household | Resident, fields: Sequence[str]) -> Row:
    """`<field>_masked` for fields a form shows masked until revealed; never the value."""
    return {f"{f}_masked": mask(f, getattr(obj, f)) or "" for f in fields}


def household_form(store: Store, household_id: str) -> Row | None:
    """A household's editable fields, phones masked (None when it was removed meanwhile)."""
    with store.read() as s:
        h = s.get(Household, household_id)
        return None if h is None else {"id": h.id, **{f: getattr(h, f) for f in _HOUSEHOLD_FORM},
                                       **_masked(h, _HOUSEHOLD_MASKED)}


def resident_form(store: Store, resident_id: str, with_restricted: bool) -> Row | None:
    """A resident's editable fields with the ID number and phone masked; restricted tags
    only when the caller's role may see them."""
    with store.read() as s:
        r = s.get(Resident, resident_id)
        if r is None:
            return None
        row = {"id": r.id, **{f: getattr(r, f) for f in _RESIDENT_FORM},
               **_masked(r, _RESIDENT_MASKED)}
        if with_restricted:
            row["restricted_tags"] = r.restricted_tags
        return row


def _scope(session: Session, grid_ids: Sequence[str]) -> list[str] | None:
    """None (search everything) when the grids cover every grid in the store: the unscoped
    search stops at its limit, the scoped one collects every match first (a supervisor's
    100k households, 300k residents: p95 37 ms -> 9 ms)."""
    if not grid_ids:
        return None
    every = set(session.scalars(select(Area.id).where(Area.level == "grid")))
    return None if every <= set(grid_ids) else list(grid_ids)


def search_rows(store: Store, query: str, grid_ids: Sequence[str], limit: int = 50,
                kinds: Sequence[str] = ("resident", "household")) -> list[Row]:
    """Search hits with what a result list shows, in one trip to the database thread."""
    with store.read() as s:
        hits = search(s, query, kinds=kinds, grid_ids=_scope(s, grid_ids), limit=limit)
        resident_ids_ = [h.record_id for h in hits if h.kind == "resident"]
        people = {r.id: r for r in s.execute(select(
            Resident.id, Resident.name, Resident.id_number, Resident.household_id)
            .where(Resident.id.in_(resident_ids_))).all()}
        homes_needed = {h.record_id for h in hits if h.kind == "household"}
        homes_needed |= {p.household_id for p in people.values() if p.household_id}
        homes = {h.id: h for h in s.execute(select(
            Household.id, Household.address, Household.head_name)
            .where(Household.id.in_(homes_needed))).all()}
    out: list[Row] = []
    for hit in hits:
        if hit.kind == "resident" and hit.record_id in people:
            p = people[hit.record_id]
            home = homes.get(p.household_id) if p.household_id else None
            out.append({"kind": "resident", "id": p.id, "name": p.name,
                        "id_number": mask_id_number(p.id_number), "household_id": p.household_id,
                        "address": home.address if home else ""})
        elif hit.kind == "household" and hit.record_id in homes:
            h = homes[hit.record_id]
            out.append({"kind": "household", "id": h.id, "name": h.head_name or "",
                        "id_number": "", "household_id": h.id, "address": h.address})
    return out
