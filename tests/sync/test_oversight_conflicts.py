"""A supervisor settles conflicts on the server, and every device in scope converges.

Real server (SQLite and PostgreSQL), real devices with their own stores and sync
engines, the supervisor's calls through sync.client.oversight over real HTTP.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select
from synckit import PASSWORD, grid_id
from testkit import household_data, make_id, resident_data

from inspector.models import Household, Resident, SyncProblem
from inspector.services import register
from sync.client import oversight
from sync.client.oversight import EDITED, KEEP_SERVER, TAKE_DEVICE, Choice
from sync.errors import Refused
from sync.server import admin
from sync.server.models import Conflict, Settlement


def _clash(device_factory, **fields_per_device):
    """A household in G01 that the worker and the staff member both edit offline; the
    staff member's edit reaches the server second and clashes on each given field."""
    worker, staff = device_factory("wgy1"), device_factory("sqgz1")
    worker.sync()
    hh, _ = register.add_household(worker.store, worker.actor,
                                   household_data(grid_id("G01"), notes="初始"))
    worker.sync()
    staff.sync()
    register.edit_household(worker.store, worker.actor, hh, fields_per_device["worker"])
    register.edit_household(staff.store, staff.actor, hh, fields_per_device["staff"])
    worker.sync()
    assert staff.sync().pushed.conflict == 1
    return worker, staff, hh


def _household(device, hh) -> Household:
    with device.store.read() as s:
        return s.get(Household, hh)


def _open_problems(device) -> list[SyncProblem]:
    with device.store.read() as s:
        return list(s.scalars(select(SyncProblem).where(SyncProblem.acknowledged.is_(False))))


def test_an_edited_value_reaches_both_devices_and_a_third(server, device_factory) -> None:
    worker, staff, hh = _clash(device_factory, worker={"notes": "甲：独居老人"},
                               staff={"notes": "乙：子女同住"})
    third = device_factory("wgy1")  # the worker's second laptop, which saw none of it
    third.sync()
    supervisor = device_factory("jdy1")
    (clash,) = oversight.conflicts(supervisor.transport)
    assert (clash.field, clash.base_value, clash.device_value, clash.current_value) == (
        "notes", "初始", "乙：子女同住", "甲：独居老人")
    assert (clash.username, clash.title) == ("sqgz1", household_data("")["address"])
    assert [p.detail["fields"] for p in _open_problems(staff)] == [["notes"]]

    done = oversight.resolve(supervisor.transport, clash.record_rev,
                             [Choice(clash.id, EDITED, "独居老人，子女每周探望")])
    assert done.resolved == (clash.id,) and done.record_rev > clash.record_rev

    for device in (worker, staff, third, supervisor):
        device.sync()
        assert _household(device, hh).notes == "独居老人，子女每周探望"
        assert _household(device, hh).server_rev == done.record_rev
    # The staff member's problem closed when the settlement came down, saying how.
    assert _open_problems(staff) == []
    with staff.store.read() as s:
        problem = s.scalars(select(SyncProblem)).one()
    assert (problem.detail["outcome"], problem.detail["settled_by"]) == ("resolved", "jdy1")
    with server.db.session() as s:
        row = s.get(Conflict, clash.id)
        assert (row.resolved_by, row.resolution) == ("jdy1", EDITED)
        assert row.resolved_at is not None
        note = s.scalars(select(Settlement)).one()
        assert (note.fields, note.record_id) == (["notes"], hh)
    assert oversight.conflicts(supervisor.transport) == []


def test_several_fields_of_one_record_are_settled_together(server, device_factory) -> None:
    worker, staff, hh = _clash(
        device_factory, worker={"notes": "甲的备注", "door_no": "1-1-101"},
        staff={"notes": "乙的备注", "door_no": "2-2-202"})
    supervisor = device_factory("jdy1")
    clashes = {c.field: c for c in oversight.conflicts(supervisor.transport)}
    assert sorted(clashes) == ["door_no", "notes"]
    rev = clashes["notes"].record_rev
    done = oversight.resolve(supervisor.transport, rev, [
        Choice(clashes["notes"].id, KEEP_SERVER), Choice(clashes["door_no"].id, TAKE_DEVICE)])
    assert sorted(done.resolved) == sorted(c.id for c in clashes.values())
    for device in (worker, staff):
        device.sync()
        h = _household(device, hh)
        assert (h.notes, h.door_no) == ("甲的备注", "2-2-202")
    assert _open_problems(staff) == []


def test_settled_or_stale_conflicts_are_refused_with_a_reason(server, device_factory) -> None:
    worker, staff, hh = _clash(device_factory, worker={"notes": "甲"}, staff={"notes": "乙"})
    supervisor = device_factory("jdy1")
    (clash,) = oversight.conflicts(supervisor.transport)
    # The worker changes another field after the supervisor looked: the record moved on.
    register.edit_household(worker.store, worker.actor, hh, {"door_no": "8-8-808"})
    worker.sync()
    with pytest.raises(Refused) as stale:
        oversight.resolve(supervisor.transport, clash.record_rev,
                          [Choice(clash.id, TAKE_DEVICE)])
    assert (stale.value.status, stale.value.code) == (409, "changed")
    with server.db.session() as s:
        assert s.get(Conflict, clash.id).resolved_at is None
        assert s.get(Household, hh).notes == "甲"
    # Looked at again, it settles; a second settlement is refused, not applied again.
    (fresh,) = oversight.conflicts(supervisor.transport)
    assert fresh.record_rev > clash.record_rev
    oversight.resolve(supervisor.transport, fresh.record_rev, [Choice(fresh.id, TAKE_DEVICE)])
    with server.db.session() as s:
        rev = s.get(Household, hh).server_rev
    with pytest.raises(Refused) as again:
        oversight.resolve(supervisor.transport, rev, [Choice(fresh.id, EDITED, "再改一次")])
    assert (again.value.status, again.value.code) == (409, "already_resolved")
    assert "jdy1" in again.value.message
    with server.db.session() as s:
        assert s.get(Household, hh).notes == "乙"


def test_an_edited_value_is_checked_like_any_write(server, device_factory) -> None:
    worker, staff, hh = _clash(device_factory, worker={"phone": "13800000001"},
                               staff={"phone": "13800000002"})
    supervisor = device_factory("jdy1")
    (clash,) = oversight.conflicts(supervisor.transport)
    with pytest.raises(Refused) as bad:
        oversight.resolve(supervisor.transport, clash.record_rev,
                          [Choice(clash.id, EDITED, "12345")])
    assert bad.value.status == 422 and "phone" in bad.value.message
    with server.db.session() as s:
        assert s.get(Conflict, clash.id).resolved_at is None
        assert s.get(Household, hh).server_rev == clash.record_rev
    # A phone written the way people type it is stored the way forms store it.
    oversight.resolve(supervisor.transport, clash.record_rev,
                      [Choice(clash.id, EDITED, " 138 0000 0003 ")])
    staff.sync()
    assert _household(staff, hh).phone == "13800000003"


def test_only_supervisors_of_the_grid_see_and_settle(server, device_factory) -> None:
    _clash(device_factory, worker={"notes": "甲"}, staff={"notes": "乙"})
    admin.create_user(server.db, "jdy3", PASSWORD, "supervisor", [grid_id("G03")])
    (clash,) = oversight.conflicts(device_factory("jdy1").transport)
    elsewhere = device_factory("jdy3")
    assert oversight.conflicts(elsewhere.transport) == []
    with pytest.raises(Refused) as hidden:
        oversight.resolve(elsewhere.transport, clash.record_rev, [Choice(clash.id, KEEP_SERVER)])
    assert hidden.value.status == 404
    for field_user in ("wgy1", "sqgz1"):
        device = device_factory(field_user)
        for call in (lambda t: oversight.conflicts(t),
                     lambda t: oversight.resolve(t, clash.record_rev,
                                                 [Choice(clash.id, KEEP_SERVER)])):
            with pytest.raises(Refused) as refused:
                call(device.transport)
            assert refused.value.status == 403
    with server.db.session() as s:
        assert s.get(Conflict, clash.id).resolved_at is None


def test_an_id_number_chosen_must_be_free_and_brings_its_birth_date(server,
                                                                    device_factory) -> None:
    worker, staff = device_factory("wgy1"), device_factory("sqgz1")
    worker.sync()
    hh, _ = register.add_household(worker.store, worker.actor, household_data(grid_id("G01")))
    person, _ = register.add_resident(worker.store, worker.actor, hh,
                                      resident_data(make_id(seq="501")))
    register.add_resident(worker.store, worker.actor, hh,
                          resident_data(make_id(seq="551"), name="陈小满"))
    worker.sync()
    staff.sync()
    register.edit_resident(worker.store, worker.actor, person, {"id_number": make_id(seq="513")})
    register.edit_resident(staff.store, staff.actor, person, {"id_number": make_id(seq="533")})
    worker.sync()
    assert staff.sync().pushed.conflict == 1
    supervisor = device_factory("jdy1")
    (clash,) = oversight.conflicts(supervisor.transport)
    assert clash.field == "id_number"
    with pytest.raises(Refused) as taken:
        oversight.resolve(supervisor.transport, clash.record_rev,
                          [Choice(clash.id, EDITED, make_id(seq="551"))])
    assert taken.value.status == 422 and "id_number" in taken.value.message
    fresh = make_id(birth="19751231", seq="571")
    oversight.resolve(supervisor.transport, clash.record_rev, [Choice(clash.id, EDITED, fresh)])
    staff.sync()
    with staff.store.read() as s:
        resident = s.get(Resident, person)
        assert (resident.id_number, resident.birth_date.isoformat(), resident.gender) == (
            fresh, "1975-12-31", "男")
