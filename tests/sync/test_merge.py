"""Edits made on two devices: one-sided changes merge, two-sided ones become conflicts that
nobody loses, and a pull never overwrites work that is still on its way up."""

from __future__ import annotations

from sqlalchemy import select
from synckit import grid_id
from testkit import household_data

from inspector.models import Household, OutboxEntry, SyncProblem
from inspector.services import register
from sync.server.models import Conflict


def _shared_household(device_factory):
    """A household made by the worker and known to the staff member's device."""
    worker = device_factory("wgy1")
    staff = device_factory("sqgz1")
    worker.sync()
    hh, _ = register.add_household(worker.store, worker.actor,
                                   household_data(grid_id("G01"), notes="初始"))
    worker.sync()
    staff.sync()
    return worker, staff, hh


def _household(device, hh) -> Household:
    with device.store.read() as s:
        return s.get(Household, hh)


def test_changes_to_different_fields_merge(server, device_factory) -> None:
    worker, staff, hh = _shared_household(device_factory)
    register.edit_household(worker.store, worker.actor, hh, {"notes": "独居老人，每周探访"})
    register.edit_household(staff.store, staff.actor, hh, {"door_no": "3-2-502"})
    worker.sync()
    report = staff.sync()
    assert report.pushed.applied == 1 and report.pushed.conflict == 0
    worker.sync()
    for device in (worker, staff):
        h = _household(device, hh)
        assert (h.notes, h.door_no) == ("独居老人，每周探访", "3-2-502")
    with server.db.session() as s:
        assert s.scalars(select(Conflict)).all() == []


def test_same_field_on_both_sides_is_a_conflict_for_the_supervisor(server, device_factory):
    worker, staff, hh = _shared_household(device_factory)
    register.edit_household(worker.store, worker.actor, hh, {"notes": "工作人员甲的备注"})
    register.edit_household(staff.store, staff.actor, hh, {"notes": "工作人员乙的备注"})
    worker.sync()
    report = staff.sync()
    assert report.pushed.conflict == 1

    # The server kept the first value it received and recorded both for a supervisor.
    with server.db.session() as s:
        conflict = s.scalars(select(Conflict)).one()
        assert (conflict.field, conflict.base_value) == ("notes", "初始")
        assert (conflict.server_value, conflict.device_value) == ("工作人员甲的备注",
                                                                  "工作人员乙的备注")
        assert conflict.username == "sqgz1"
    # The device is told, with both values, and converges on the server's copy.
    with staff.store.read() as s:
        problem = s.scalars(select(SyncProblem)).one()
        assert problem.kind == "conflict" and problem.detail["fields"] == ["notes"]
        assert problem.detail["mine"] == {"notes": "工作人员乙的备注"}
    assert _household(staff, hh).notes == "工作人员甲的备注"
    supervisor = device_factory("jdy1")
    supervisor.sync()
    conflicts = supervisor.transport.json("GET", "/conflicts")
    assert [c["field"] for c in conflicts] == ["notes"]


def test_pull_keeps_fields_still_waiting_to_be_pushed(server, device_factory) -> None:
    worker, staff, hh = _shared_household(device_factory)
    register.edit_household(worker.store, worker.actor, hh, {"door_no": "9-9-909"})
    worker.sync()
    register.edit_household(staff.store, staff.actor, hh, {"notes": "尚未上传的修改"})
    # Pull only: the server's door number arrives, the local note stays.
    staff.engine._pull(staff.engine._profile())
    h = _household(staff, hh)
    assert (h.door_no, h.notes) == ("9-9-909", "尚未上传的修改")
    with staff.store.read() as s:
        assert len(s.scalars(select(OutboxEntry)).all()) == 1
    staff.sync()
    worker.sync()
    assert _household(worker, hh).notes == "尚未上传的修改"


def test_removal_on_one_device_reaches_the_other(server, device_factory) -> None:
    worker, staff, hh = _shared_household(device_factory)
    register.remove_household(worker.store, worker.actor, hh)
    worker.sync()
    # The other device edited the household before hearing of the removal.
    register.edit_household(staff.store, staff.actor, hh, {"notes": "离线时的修改"})
    report = staff.sync()
    assert report.pushed.rejected == 1
    assert _household(staff, hh) is None
    with staff.store.read() as s:
        problem = s.scalars(select(SyncProblem)).one()
    assert problem.kind == "rejected" and "删除" in problem.reason
    assert problem.detail["payload"]["fields"] == {"notes": "离线时的修改"}
