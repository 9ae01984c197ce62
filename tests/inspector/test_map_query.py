"""The map's questions: what it draws matches what the store holds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from testkit import household_data

from inspector import caseflow
from inspector.db import Store, open_store
from inspector.demo import generate
from inspector.models import Area, Building, Household, Issue
from inspector.queries.map import open_issues, territory
from inspector.services import register
from inspector.services.cases import IssueInput, report_issue

AN_HOUR_AGO = datetime.now(UTC) - timedelta(hours=1)


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(tmp_path_factory.mktemp("map") / "store.db")
    generate(store, 400, photos=False, patrol_days=1)
    yield store
    store.close()


def _grid_ids(store: Store) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(Area.id).where(Area.level == "grid")))


def _count(store: Store, model: type, *where) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_every_grid_building_and_open_issue_is_drawn(district: Store) -> None:
    grids = _grid_ids(district)
    land = territory(district, grids)
    cases = open_issues(district, grids)

    assert len(land.grids) == len(grids) == 4
    assert all(len(g.rings[0]) == 5 for g in land.grids)  # the demo's square outlines
    assert len(land.buildings) + land.unplaced_buildings == _count(district, Building)
    assert len(land.buildings) > 0
    expected_open = _count(district, Issue, Issue.status.in_(caseflow.OPEN))
    assert len(cases.issues) + cases.unplaced == expected_open
    assert 0 < expected_open < _count(district, Issue)  # closed and draft cases exist and stay off
    assert {i.status for i in cases.issues} <= caseflow.OPEN


def test_only_the_asked_grids_are_drawn(district: Store) -> None:
    one = _grid_ids(district)[:1]
    land = territory(district, one)
    cases = open_issues(district, one)

    assert [g.id for g in land.grids] == one
    assert {b.grid_id for b in land.buildings} == set(one)
    assert len(land.buildings) == _count(district, Building, Building.grid_id == one[0],
                                         Building.lat.is_not(None))
    assert {i.grid_id for i in cases.issues} == set(one)


def test_an_issue_without_a_point_sits_on_its_households_building(store, tree, worker) -> None:
    # No service creates buildings (they come from the server), so one is inserted directly.
    with store.write() as s:
        building = Building(grid_id=tree.g1, code="B1", name="1号楼", address="幸福路1号",
                            use="residential", lat=39.901, lon=116.301)
        s.add(building)
        s.flush()
        building_id = building.id
    household_id, _ = register.add_household(
        store, worker, household_data(tree.g1, building_id=building_id))
    base = dict(grid_id=tree.g1, category_code="exposed_garbage", severity="major",
                title="垃圾堆放", description="门口有暴露垃圾", address="幸福路1号",
                occurred_at=AN_HOUR_AGO)
    at_building, _ = report_issue(store, worker, IssueInput(**base, household_id=household_id))
    own_point, _ = report_issue(store, worker, IssueInput(**base, lat=39.9015, lon=116.3012))
    report_issue(store, worker, IssueInput(**base))  # nowhere to put it
    report_issue(store, worker, IssueInput(**base, lat=39.9, lon=116.3), draft=True)

    cases = open_issues(store, [tree.g1, tree.g2])

    placed = {i.id: (i.lat, i.lon) for i in cases.issues}
    assert placed == {at_building: (39.901, 116.301), own_point: (39.9015, 116.3012)}
    assert cases.unplaced == 1


def test_a_building_opens_its_lowest_door(district: Store) -> None:
    land = territory(district, _grid_ids(district))
    with district.read() as s:
        doors = s.execute(select(Household.building_id, Household.id, Household.door_no)).all()
    for building in land.buildings:
        mine = sorted((door, hid) for bid, hid, door in doors if bid == building.id)
        assert building.households == len(mine)
        assert building.first_household_id == (mine[0][1] if mine else None)
    assert sum(b.households for b in land.buildings) > 0
