"""A worker's work reaches the server and the supervisor, through real HTTP, on both databases."""

from __future__ import annotations

from sqlalchemy import func, select
from synckit import grid_id
from testkit import household_data, make_id, resident_data

from inspector.models import Area, Household, OutboxEntry, Resident
from inspector.services import register


def _count(db_or_store, model) -> int:
    with (db_or_store.read() if hasattr(db_or_store, "read") else db_or_store.session()) as s:
        return s.scalar(select(func.count()).select_from(model))


def test_first_sync_brings_the_area_tree(server, device_factory) -> None:
    device = device_factory("wgy1")
    report = device.sync()
    assert _count(device.store, Area) == 6
    assert report.pending_after == 0


def test_register_round_trip_worker_to_supervisor(server, device_factory) -> None:
    worker = device_factory("wgy1")
    worker.sync()
    hh, _ = register.add_household(worker.store, worker.actor, household_data(grid_id("G01")))
    register.add_resident(worker.store, worker.actor, hh, resident_data(make_id(seq="101")))
    register.add_resident(worker.store, worker.actor, hh,
                          resident_data(make_id(seq="102"), name="陈小明", relation="child"))
    assert _count(worker.store, OutboxEntry) == 3

    report = worker.sync()
    assert report.pushed.applied == 3
    assert _count(worker.store, OutboxEntry) == 0
    assert _count(server.db, Household) == 1 and _count(server.db, Resident) == 2

    supervisor = device_factory("jdy1")
    supervisor.sync()
    with supervisor.store.read() as s:
        names = sorted(r.name for r in s.scalars(select(Resident)))
    assert names == ["陈小明", "陈建国"]
