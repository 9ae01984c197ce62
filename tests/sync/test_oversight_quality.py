"""Data-quality checks on the server: one ID number registered twice (the second is held
aside), and one person living in two grids; each settled by keeping one record or, for
look-alikes, by saying they are different people."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from synckit import PASSWORD, grid_id
from testkit import household_data, make_id, resident_data

from inspector.models import Resident, SyncProblem
from inspector.services import register
from inspector.services.recording import wire_value
from sync.client import oversight
from sync.client.oversight import SAME_ID_NUMBER, SAME_NAME_BIRTH, SAME_NAME_PHONE
from sync.errors import Refused
from sync.server import admin
from sync.server.models import FeedEntry, HeldResident, RecordIndex

NUMBER = make_id(seq="611")


def _household(device, grid: str) -> str:
    hh, _ = register.add_household(device.store, device.actor, household_data(grid_id(grid)))
    return hh


def _person(device, hh: str, number: str, **extra) -> str:
    person, _ = register.add_resident(device.store, device.actor, hh,
                                      resident_data(number, **extra))
    return person


def _local(device, record_id: str) -> Resident | None:
    with device.store.read() as s:
        return s.get(Resident, record_id)


def _open_problems(device) -> list[SyncProblem]:
    with device.store.read() as s:
        return list(s.scalars(select(SyncProblem).where(SyncProblem.acknowledged.is_(False))))


def _one_number_twice(device_factory):
    """Workers of G01 and G02 register the same ID number, each in their own grid."""
    first, second = device_factory("wgy1"), device_factory("wgy2")
    for device in (first, second):
        device.sync()
    a = _person(first, _household(first, "G01"), NUMBER)
    b = _person(second, _household(second, "G02"), NUMBER, phone="13900000002")
    first.sync()
    report = second.sync()
    assert report.pushed.applied == 2 and report.pushed.rejected == 0
    return first, second, a, b


def test_a_second_registration_of_one_id_number_is_held_and_listed(server,
                                                                   device_factory) -> None:
    first, second, a, b = _one_number_twice(device_factory)
    # Held aside: not in the register, not in any feed, and the worker is told why.
    with server.db.session() as s:
        assert s.get(HeldResident, b).grid_id == grid_id("G02")
        assert s.get(Resident, b) is None and s.get(RecordIndex, ("resident", b)) is None
        assert s.scalars(select(FeedEntry).where(FeedEntry.record_id == b)).all() == []
    (problem,) = _open_problems(second)
    assert problem.record_id == b and problem.detail["fields"] == ["id_number"]
    assert "监督员" in problem.reason
    supervisor = device_factory("jdy1")
    supervisor.sync()
    assert _local(supervisor, a) is not None and _local(supervisor, b) is None

    (group,) = oversight.duplicates(supervisor.transport, SAME_ID_NUMBER).groups
    assert group.grids == 2 and [m.record_id for m in group.members] == [a, b]
    live, held = group.members
    assert (live.held, held.held, held.registered_by) == (False, True, "wgy2")
    assert (live.id_number, held.id_number, held.phone) == (NUMBER, NUMBER, "13900000002")
    assert live.address == held.address == household_data("")["address"]
    assert (live.grid_name, held.grid_name) == ("第1网格", "第2网格")


def test_keeping_the_held_record_removes_the_other_everywhere(server, device_factory) -> None:
    first, second, a, b = _one_number_twice(device_factory)
    supervisor = device_factory("jdy1")
    supervisor.sync()
    (group,) = oversight.duplicates(supervisor.transport, SAME_ID_NUMBER).groups
    assert oversight.keep_one(supervisor.transport, group, b) == 1
    for device in (first, second, supervisor):
        device.sync()
    assert _local(first, a) is None
    assert _local(second, b).server_rev is not None
    assert _local(supervisor, a) is None and _local(supervisor, b).id_number == NUMBER
    assert _open_problems(second) == []
    with second.store.read() as s:
        assert s.scalars(select(SyncProblem)).one().detail["outcome"] == "kept"
    assert oversight.duplicates(supervisor.transport, SAME_ID_NUMBER).groups == []


def test_keeping_the_registered_record_drops_the_held_copy(server, device_factory) -> None:
    first, second, a, b = _one_number_twice(device_factory)
    t = device_factory("jdy1").transport
    (group,) = oversight.duplicates(t, SAME_ID_NUMBER).groups
    oversight.keep_one(t, group, a)
    second.sync()
    assert _local(second, b) is None  # the held copy leaves the device that made it
    assert _open_problems(second) == []
    first.sync()
    assert _local(first, a).id_number == NUMBER
    with server.db.session() as s:
        assert s.get(HeldResident, b) is None
        assert s.get(RecordIndex, ("resident", b)).deleted
    # The group as once seen is gone: settling it again is refused, not guessed at.
    with pytest.raises(Refused) as stale:
        oversight.keep_one(t, group, b)
    assert (stale.value.status, stale.value.code) == (409, "changed")


def test_a_corrected_id_number_lets_the_held_record_in(server, device_factory) -> None:
    first, second, a, b = _one_number_twice(device_factory)
    register.edit_resident(second.store, second.actor, b, {"id_number": make_id(seq="613")})
    second.sync()
    assert _local(second, b).server_rev is not None
    assert _open_problems(second) == []
    t = device_factory("jdy1").transport
    assert oversight.duplicates(t, SAME_ID_NUMBER).groups == []
    with server.db.session() as s:
        assert s.get(Resident, b).id_number == make_id(seq="613")


def _look_alikes(server, device_factory, **extra):
    """The same name and birth date (different ID numbers) in G01, G02 and G03."""
    first, second = device_factory("wgy1"), device_factory("wgy2")
    for device in (first, second):
        device.sync()
    a = _person(first, _household(first, "G01"), make_id(seq="621"), name="林小满", **extra)
    b = _person(second, _household(second, "G02"), make_id(region="310101", seq="622"),
                name="林小满", **extra)
    first.sync()
    second.sync()
    h3, c = "c3a0c2b4-0000-4000-8000-000000000003", "c3a0c2b4-0000-4000-8000-000000000013"
    admin.import_records(server.db, "household", [household_data(grid_id("G03")) | {"id": h3}])
    clean = {k: wire_value(v) for k, v in resident_data(
        make_id(region="440103", seq="623"), name="林小满", **extra).items()}
    admin.import_records(server.db, "resident", [
        clean | {"id": c, "grid_id": grid_id("G03"), "household_id": h3, "gender": "男",
                 "birth_date": "1980-01-01", "phone": extra.get("phone")}])
    return first, second, a, b, c


def test_look_alikes_in_two_grids_show_without_leaking_other_grids(server,
                                                                   device_factory) -> None:
    first, second, a, b, c = _look_alikes(server, device_factory)
    t = device_factory("jdy1").transport
    (group,) = oversight.duplicates(t, SAME_NAME_BIRTH).groups
    assert group.grids == 3 and sorted(group.record_ids) == sorted([a, b, c])
    shown = {m.record_id: m for m in group.members}
    assert shown[a].visible and shown[a].name == "林小满" and shown[a].birth_date == "1980-01-01"
    hidden = shown[c]
    assert (hidden.visible, hidden.grid_name) == (False, "第3网格")
    assert (hidden.name, hidden.id_number, hidden.birth_date, hidden.phone,
            hidden.address, hidden.household_id) == (None,) * 6
    # Seen from G03 only: its own member in full, the others only as "elsewhere".
    admin.create_user(server.db, "jdy3", PASSWORD, "supervisor", [grid_id("G03")])
    (theirs,) = oversight.duplicates(device_factory("jdy3").transport, SAME_NAME_BIRTH).groups
    assert {m.record_id for m in theirs.members if m.visible} == {c}
    assert all(m.name is None for m in theirs.members if not m.visible)
    # A look-alike by phone is a group of its own kind; none here have a phone.
    assert oversight.duplicates(t, SAME_NAME_PHONE).groups == []


def test_look_alikes_settled_by_keeping_one_or_dismissing(server, device_factory) -> None:
    first, second, a, b, c = _look_alikes(server, device_factory, phone="13700000007")
    t = device_factory("jdy1").transport
    (by_phone,) = oversight.duplicates(t, SAME_NAME_PHONE).groups
    # Removing the G03 record is not this supervisor's to do.
    with pytest.raises(Refused) as outside:
        oversight.keep_one(t, by_phone, a)
    assert outside.value.status == 403
    # Different people after all: the group stops showing …
    oversight.dismiss(t, by_phone)
    assert oversight.duplicates(t, SAME_NAME_PHONE).groups == []
    with pytest.raises(Refused) as twice:
        oversight.dismiss(t, by_phone)
    assert (twice.value.status, twice.value.code) == (409, "already_dismissed")
    # … until it changes: the G03 record goes, and what remains is a new group.
    admin_t = device_factory("admin").transport
    (again,) = oversight.duplicates(admin_t, SAME_NAME_PHONE).groups or [None]
    assert again is None  # dismissed for the admin too: it is the same group
    (by_birth,) = oversight.duplicates(admin_t, SAME_NAME_BIRTH).groups
    oversight.keep_one(admin_t, by_birth, a)
    for device in (first, second):
        device.sync()
    assert _local(first, a) is not None and _local(second, b) is None
    assert oversight.duplicates(t, SAME_NAME_BIRTH).groups == []
    assert oversight.duplicates(t, SAME_NAME_PHONE).groups == []


def test_same_id_number_groups_cannot_be_dismissed_and_roles_are_checked(
        server, device_factory) -> None:
    _one_number_twice(device_factory)
    t = device_factory("jdy1").transport
    (group,) = oversight.duplicates(t, SAME_ID_NUMBER).groups
    with pytest.raises(Refused) as refused:
        oversight.dismiss(t, group)
    assert refused.value.status == 422
    admin.create_user(server.db, "jdy3", PASSWORD, "supervisor", [grid_id("G03")])
    elsewhere = device_factory("jdy3").transport
    assert oversight.duplicates(elsewhere, SAME_ID_NUMBER).groups == []
    with pytest.raises(Refused) as hidden:
        oversight.keep_one(elsewhere, group, group.record_ids[0])
    assert hidden.value.status == 404
    worker = device_factory("wgy1").transport
    for call in (lambda: oversight.duplicates(worker, SAME_ID_NUMBER),
                 lambda: oversight.keep_one(worker, group, group.record_ids[0]),
                 lambda: oversight.dismiss(worker, group)):
        with pytest.raises(Refused) as forbidden:
            call()
        assert forbidden.value.status == 403
    assert len(oversight.duplicates(t, SAME_ID_NUMBER).groups) == 1
