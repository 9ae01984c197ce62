"""The end-of-cycle check repairs only what differs, and never touches local work."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from synckit import grid_id
from testkit import household_data, make_id, resident_data

from inspector.models import Household, OutboxEntry, Resident
from inspector.services import register
from sync.client import drift


def _setup(device_factory, n=4):
    worker = device_factory("wgy1")
    worker.sync()
    ids = []
    for k in range(n):
        hh, _ = register.add_household(worker.store, worker.actor,
                                       household_data(grid_id("G01"), door_no=f"1-{k}"))
        register.add_resident(worker.store, worker.actor, hh,
                              resident_data(make_id(seq=f"2{k}1")))
        ids.append(hh)
    worker.sync()
    return worker, ids


def test_a_missing_and_a_stale_record_are_repaired_and_nothing_else(server, device_factory):
    worker, ids = _setup(device_factory)
    # Damage the local copy behind the services' back: one household gone, one stale.
    with worker.store.write() as s:
        lost_resident = s.scalars(select(Resident.id).where(Resident.household_id == ids[0])).one()
        s.execute(delete(Resident).where(Resident.household_id == ids[0]))
        s.execute(delete(Household).where(Household.id == ids[0]))
        s.execute(update(Household).where(Household.id == ids[1])
                  .values(door_no="错误", server_rev=1))
    fetched_ids: list[str] = []
    original = worker.transport.json

    def spy(method, path, **kwargs):
        if path == "/sync/records":
            fetched_ids.extend(kwargs["json"]["ids"])
        return original(method, path, **kwargs)

    worker.transport.json = spy
    report = worker.sync()
    # Exactly the damaged records travel, not the rest of the register.
    assert sorted(fetched_ids) == sorted([ids[0], ids[1], lost_resident])
    assert report.drift.fetched == 3
    with worker.store.read() as s:
        assert s.get(Household, ids[0]) is not None
        assert s.get(Household, ids[1]).door_no == "1-1"
        assert len(s.scalars(select(Resident)).all()) == 4


def test_a_record_the_server_no_longer_has_is_dropped_but_local_work_is_kept(
        server, device_factory):
    worker, ids = _setup(device_factory, n=2)
    # A record that looks synced but that the server never had (e.g. restored from an old copy).
    with worker.store.write() as s:
        ghost = Household(grid_id=grid_id("G01"), door_no="9-9", address="旧地址",
                          housing_use="owner_occupied", server_rev=999)
        s.add(ghost)
        s.flush()
        ghost_id = ghost.id
    pending_id, _ = register.add_household(worker.store, worker.actor,
                                           household_data(grid_id("G01"), door_no="新户"))
    tally = drift.check(worker.store, worker.transport)
    assert tally.dropped == 1
    with worker.store.read() as s:
        assert s.get(Household, ghost_id) is None
        assert s.get(Household, pending_id) is not None  # waiting to be pushed: untouched
        assert len(s.scalars(select(OutboxEntry)).all()) == 1


def test_in_step_devices_fetch_nothing(server, device_factory) -> None:
    worker, _ = _setup(device_factory, n=2)
    report = worker.sync()
    assert (report.drift.fetched, report.drift.dropped) == (0, 0)
    assert report.drift.checked > 10
