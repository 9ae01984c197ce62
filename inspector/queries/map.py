"""What the offline map draws: grid outlines, buildings and open issues, as plain data.

Two questions, because they change at different rates: the territory (grids and
buildings) is read once when the map opens; open issues are read again whenever a
case moves. Both read only the columns they need with plain selects, so a
supervisor's thousand grids and their buildings come back in a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from ..caseflow import OPEN
from ..db import Store
from ..models import Area, Building, Household, Issue

Ring = tuple[tuple[float, float], ...]  # (lon, lat) points, first == last


@dataclass(frozen=True)
class GridShape:
    id: str
    name: str
    rings: tuple[Ring, ...]  # outer ring first, then holes (GeoJSON Polygon order)


@dataclass(frozen=True)
class BuildingMark:
    id: str
    grid_id: str
    name: str
    address: str
    lat: float
    lon: float
    households: int
    first_household_id: str | None  # what a click opens: the register shows households


@dataclass(frozen=True)
class IssueMark:
    id: str
    grid_id: str
    title: str
    status: str
    severity: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Territory:
    grids: tuple[GridShape, ...]
    buildings: tuple[BuildingMark, ...]
    unplaced_buildings: int  # buildings with no recorded location


@dataclass(frozen=True)
class OpenIssues:
    issues: tuple[IssueMark, ...]
    unplaced: int  # open issues with no location of their own nor of their household's building


def _rings(boundary: dict | None) -> tuple[Ring, ...]:
    if not boundary or boundary.get("type") != "Polygon":
        return ()
    return tuple(tuple((float(p[0]), float(p[1])) for p in ring)
                 for ring in boundary.get("coordinates") or () if len(ring) >= 3)


def territory(store: Store, grid_ids: Sequence[str]) -> Territory:
    """The outlines of `grid_ids` (sorted by name) and the buildings inside them."""
    ids = list(grid_ids)
    with store.read() as session:
        grids = tuple(
            GridShape(gid, name, _rings(boundary))
            for gid, name, boundary in session.execute(
                select(Area.id, Area.name, Area.boundary)
                .where(Area.id.in_(ids)).order_by(Area.name)))
        # SQLite returns the row holding the MIN() for the bare column: the lowest door.
        doors = {building_id: (count, first) for building_id, count, first, _door in
                 session.execute(
                     select(Household.building_id, func.count(), Household.id,
                            func.min(Household.door_no))
                     .where(Household.grid_id.in_(ids), Household.building_id.is_not(None))
                     .group_by(Household.building_id))}
        buildings = []
        unplaced = 0
        for row in session.execute(
                select(Building.id, Building.grid_id, Building.name, Building.address,
                       Building.lat, Building.lon).where(Building.grid_id.in_(ids))):
            if row.lat is None or row.lon is None:
                unplaced += 1
            else:
                count, first = doors.get(row.id, (0, None))
                buildings.append(BuildingMark(*row, count, first))
    return Territory(grids, tuple(buildings), unplaced)


def open_issues(store: Store, grid_ids: Sequence[str]) -> OpenIssues:
    """Open cases of `grid_ids`, placed at their own point or else at their household's building.

    Drafts, rejected and closed cases are left out: the map shows work still to be done.
    """
    query = (select(Issue.id, Issue.grid_id, Issue.title, Issue.status, Issue.severity,
                    Issue.lat, Issue.lon, Building.lat, Building.lon)
             .outerjoin(Household, Household.id == Issue.household_id)
             .outerjoin(Building, Building.id == Household.building_id)
             .where(Issue.grid_id.in_(list(grid_ids)), Issue.status.in_(OPEN)))
    marks = []
    unplaced = 0
    with store.read() as session:
        for iid, gid, title, status, severity, lat, lon, b_lat, b_lon in session.execute(query):
            if lat is None or lon is None:
                lat, lon = b_lat, b_lon
            if lat is None or lon is None:
                unplaced += 1
            else:
                marks.append(IssueMark(iid, gid, title, status, severity, lat, lon))
    return OpenIssues(tuple(marks), unplaced)
