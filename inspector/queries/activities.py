"""What the patrol and visit screens show: plain data read from the store, never ORM objects.

Lists come back as ids (the UI's lazy tables fetch rows in blocks with the `*_rows`
functions). Grid lists follow `Actor.grid_ids`: an empty list means every grid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, case, func, select

from ..db import Store
from ..models import Area, Household, Patrol, PatrolItem, Resident, Visit, VisitNeed, utcnow
from ..search import search

# ---------------------------------------------------------------- visits


@dataclass(frozen=True)
class Person:
    id: str
    name: str


@dataclass(frozen=True)
class VisitSubject:
    """The household a visit is about, with the people who may be met there."""

    household_id: str
    grid_id: str
    address: str
    head_name: str | None
    last_visit_at: datetime | None
    residents: tuple[Person, ...]


def visit_subject(store: Store, household_id: str) -> VisitSubject | None:
    with store.read() as session:
        household = session.get(Household, household_id)
        if household is None:
            return None
        people = session.execute(select(Resident.id, Resident.name)
                                 .where(Resident.household_id == household_id)
                                 .order_by(Resident.relation != "head", Resident.name)).all()
        return VisitSubject(household.id, household.grid_id, household.address,
                            household.head_name, household.last_visit_at,
                            tuple(Person(i, n) for i, n in people))


def _in_grids(query: Select, column: Any, grid_ids: Sequence[str]) -> Select:
    return query.where(column.in_(list(grid_ids))) if grid_ids else query


def visit_ids(store: Store, grid_ids: Sequence[str] = (), kind: str | None = None) -> list[str]:
    """Visits, newest first, optionally of one kind."""
    query = _in_grids(select(Visit.id), Visit.grid_id, grid_ids)
    if kind:
        query = query.where(Visit.kind == kind)
    with store.read() as session:
        return list(session.scalars(query.order_by(Visit.visited_at.desc(), Visit.id)))


def visit_rows(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """One row per visit: when, where, kind, needs raised, satisfaction, visitor (codes)."""
    needs = (select(func.count()).select_from(VisitNeed)
             .where(VisitNeed.visit_id == Visit.id).scalar_subquery())
    with store.read() as session:
        rows = session.execute(
            select(Visit.id, Visit.visited_at, Visit.household_id, Household.address, Visit.kind,
                   needs, Visit.satisfaction, Visit.visitor)
            .join(Household, Household.id == Visit.household_id)
            .where(Visit.id.in_(list(ids)))).all()
    return {r[0]: {"visited_at": r[1], "household_id": r[2], "address": r[3], "kind": r[4],
                   "needs": r[5], "satisfaction": r[6], "visitor": r[7]} for r in rows}


def visit_needs(store: Store, visit_id: str) -> list[tuple[str, str]]:
    """(category, description) of the needs raised during one visit."""
    with store.read() as session:
        return [(c, d) for c, d in session.execute(
            select(VisitNeed.category, VisitNeed.description)
            .where(VisitNeed.visit_id == visit_id).order_by(VisitNeed.created_at))]


def households_not_visited(store: Store, days: int, grid_ids: Sequence[str] = (),
                           now: datetime | None = None) -> list[str]:
    """Households nobody visited in `days` days (never visited first): "不漏一户"."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    query = _in_grids(select(Household.id), Household.grid_id, grid_ids).where(
        (Household.last_visit_at.is_(None)) | (Household.last_visit_at < cutoff))
    with store.read() as session:
        return list(session.scalars(query.order_by(
            Household.last_visit_at.is_not(None), Household.last_visit_at, Household.address)))


def household_rows(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Address, head of household and last visit, for choosing a household to visit."""
    with store.read() as session:
        rows = session.execute(
            select(Household.id, Household.address, Household.head_name, Household.last_visit_at)
            .where(Household.id.in_(list(ids)))).all()
    return {r[0]: {"address": r[1], "head_name": r[2], "last_visit_at": r[3]} for r in rows}


def find_households(store: Store, text: str, grid_ids: Sequence[str] = (),
                    limit: int = 50) -> list[str]:
    """Households matching an address or a name (a resident found stands for their household)."""
    with store.read() as session:
        hits = search(session, text, grid_ids=list(grid_ids) or None, limit=limit)
        residents = [h.record_id for h in hits if h.kind == "resident"]
        homes = dict(session.execute(select(Resident.id, Resident.household_id)
                                     .where(Resident.id.in_(residents))).all())
    found: list[str] = []
    for hit in hits:
        household = hit.record_id if hit.kind == "household" else homes.get(hit.record_id)
        if household and household not in found:
            found.append(household)
    return found


# ---------------------------------------------------------------- patrols


@dataclass(frozen=True)
class Grid:
    id: str
    name: str


def patrol_grids(store: Store, grid_ids: Sequence[str] = ()) -> list[Grid]:
    """The grids an actor may patrol, by code."""
    query = _in_grids(select(Area.id, Area.name).where(Area.level == "grid"), Area.id, grid_ids)
    with store.read() as session:
        return [Grid(i, n) for i, n in session.execute(query.order_by(Area.code))]


@dataclass(frozen=True)
class CheckedItem:
    item_code: str
    result: str
    note: str | None
    issue_id: str | None


@dataclass(frozen=True)
class PatrolState:
    """A patrol with what was checked so far."""

    id: str
    grid_id: str
    grid_name: str
    slot: str
    kind: str
    started_at: datetime
    ended_at: datetime | None
    items: tuple[CheckedItem, ...]


def _state(session: Any, patrol: Patrol) -> PatrolState:
    grid = session.get(Area, patrol.grid_id)
    items = session.execute(select(PatrolItem.item_code, PatrolItem.result, PatrolItem.note,
                                   PatrolItem.issue_id)
                            .where(PatrolItem.patrol_id == patrol.id)
                            .order_by(PatrolItem.position)).all()
    return PatrolState(patrol.id, patrol.grid_id, grid.name if grid else "", patrol.slot,
                       patrol.kind, patrol.started_at, patrol.ended_at,
                       tuple(CheckedItem(*i) for i in items))


def open_patrol(store: Store, worker: str) -> PatrolState | None:
    """The worker's latest unfinished patrol, so a restart resumes it."""
    with store.read() as session:
        patrol = session.scalars(select(Patrol).where(Patrol.worker == worker,
                                                      Patrol.ended_at.is_(None))
                                 .order_by(Patrol.started_at.desc()).limit(1)).first()
        return None if patrol is None else _state(session, patrol)


def patrol_state(store: Store, patrol_id: str) -> PatrolState | None:
    with store.read() as session:
        patrol = session.get(Patrol, patrol_id)
        return None if patrol is None else _state(session, patrol)


def patrol_ids(store: Store, grid_ids: Sequence[str] = ()) -> list[str]:
    """Patrols, newest first."""
    query = _in_grids(select(Patrol.id), Patrol.grid_id, grid_ids)
    with store.read() as session:
        return list(session.scalars(query.order_by(Patrol.started_at.desc(), Patrol.id)))


def patrol_rows(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """One row per patrol: when, slot, grid, items checked, problems found, issues reported."""
    items = (select(PatrolItem.patrol_id, func.count().label("checked"),
                    func.sum(case((PatrolItem.result == "problem", 1), else_=0)).label("problems"),
                    func.count(PatrolItem.issue_id).label("issues"))
             .where(PatrolItem.patrol_id.in_(list(ids)))
             .group_by(PatrolItem.patrol_id).subquery())
    with store.read() as session:
        rows = session.execute(
            select(Patrol.id, Patrol.started_at, Patrol.ended_at, Patrol.slot, Patrol.kind,
                   Area.name, items.c.checked, items.c.problems, items.c.issues)
            .join(Area, Area.id == Patrol.grid_id)
            .outerjoin(items, items.c.patrol_id == Patrol.id)
            .where(Patrol.id.in_(list(ids)))).all()
    return {r[0]: {"started_at": r[1], "ended_at": r[2], "slot": r[3], "kind": r[4],
                   "grid": r[5], "checked": r[6] or 0, "problems": r[7] or 0,
                   "issues": r[8] or 0} for r in rows}
