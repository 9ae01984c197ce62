"""Register review: what workers and staff change is logged on the server by field name,
and a supervisor reads it with the records as they are now, marks it reviewed or returns
it to the worker as a revisit task."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from synckit import PASSWORD, grid_id
from testkit import household_data, make_id, resident_data

from inspector.catalogues import restricted_tags
from inspector.models import Task
from inspector.services import register
from sync.client import oversight
from sync.errors import Refused
from sync.server import admin
from sync.server.models import RegisterChange

SECRET_NOTE = "独居，轮椅出行"


def _worker_work(device_factory):
    """The worker registers a household and a person, then changes the household's note."""
    worker = device_factory("wgy1")
    worker.sync()
    hh, _ = register.add_household(worker.store, worker.actor, household_data(grid_id("G01")))
    person, _ = register.add_resident(worker.store, worker.actor, hh,
                                      resident_data(make_id(seq="501")))
    register.edit_household(worker.store, worker.actor, hh, {"notes": SECRET_NOTE})
    worker.sync()
    return worker, hh, person


def test_field_changes_are_logged_by_name_and_shown_with_current_values(
        server, device_factory) -> None:
    worker, hh, person = _worker_work(device_factory)
    supervisor = device_factory("jdy1")
    page = oversight.register_changes(supervisor.transport)
    assert page.total == 3
    seen = sorted((c.entity, c.op, c.record_id) for c in page.changes)
    assert seen == sorted([("household", "insert", hh), ("resident", "insert", person),
                           ("household", "update", hh)])
    for change in page.changes:
        assert (change.username, change.device_id) == ("wgy1", worker.transport.device_id)
        assert change.grid_id == grid_id("G01") and change.state == oversight.NEW
    update = next(c for c in page.changes if c.op == "update")
    assert update.fields == ("notes",)
    assert update.record["notes"] == SECRET_NOTE  # the record as it is now
    insert = next(c for c in page.changes if c.entity == "resident")
    assert {"name", "id_number", "relation"} <= set(insert.fields)
    # The log itself holds names only: no value of any field.
    with server.db.session() as s:
        logged = json.dumps([r.fields for r in s.scalars(select(RegisterChange))],
                            ensure_ascii=False)
    for value in (SECRET_NOTE, make_id(seq="501"), "陈建国", "13800138000"):
        assert value not in logged


def test_supervisors_own_edits_are_not_for_review_but_staff_edits_are(
        server, device_factory) -> None:
    worker, hh, _ = _worker_work(device_factory)
    supervisor, staff = device_factory("jdy1"), device_factory("sqgz1")
    for device in (supervisor, staff):
        device.sync()
    register.edit_household(supervisor.store, supervisor.actor, hh, {"door_no": "9-9-901"})
    register.edit_household(staff.store, staff.actor, hh, {"phone": "13900000009"})
    supervisor.sync()
    staff.sync()
    page = oversight.register_changes(supervisor.transport, username="sqgz1")
    assert [(c.username, c.fields) for c in page.changes] == [("sqgz1", ("phone",))]
    assert oversight.register_changes(supervisor.transport, username="jdy1").total == 0
    assert oversight.register_changes(supervisor.transport).total == 4


def test_filters_and_pages(server, device_factory) -> None:
    _worker_work(device_factory)
    t = device_factory("jdy1").transport
    assert oversight.register_changes(t, grid_id=grid_id("G02")).total == 0
    assert oversight.register_changes(t, grid_id=grid_id("G01")).total == 3
    now = datetime.now(UTC)
    assert oversight.register_changes(t, since=now + timedelta(hours=1)).total == 0
    assert oversight.register_changes(t, until=now - timedelta(days=1)).total == 0
    assert oversight.register_changes(t, since=now - timedelta(days=1)).total == 3
    first = oversight.register_changes(t, limit=2)
    second = oversight.register_changes(t, limit=2, offset=2)
    assert (len(first.changes), len(second.changes), first.total) == (2, 1, 3)
    assert len({c.id for c in first.changes + second.changes}) == 3
    assert [c.at for c in first.changes + second.changes] == sorted(
        (c.at for c in first.changes + second.changes), reverse=True)


def test_mark_reviewed_once_with_a_note(server, device_factory) -> None:
    _worker_work(device_factory)
    t = device_factory("jdy1").transport
    ids = [c.id for c in oversight.register_changes(t).changes]
    assert oversight.mark_reviewed(t, ids[:2], "已电话核实") == 2
    assert [c.id for c in oversight.register_changes(t).changes] == ids[2:]
    reviewed = oversight.register_changes(t, state=oversight.REVIEWED).changes
    assert {(c.reviewed_by, c.note) for c in reviewed} == {("jdy1", "已电话核实")}
    with pytest.raises(Refused) as again:
        oversight.mark_reviewed(t, ids)  # two of them were reviewed already: none changes
    assert (again.value.status, again.value.code) == (409, "already_reviewed")
    assert oversight.register_changes(t).total == 1


def test_a_returned_change_reaches_the_worker_as_a_revisit_task(server,
                                                                device_factory) -> None:
    worker, hh, person = _worker_work(device_factory)
    t = device_factory("jdy1").transport
    change = next(c for c in oversight.register_changes(t).changes if c.entity == "resident")
    task_id = oversight.send_back(t, change.id, "身份证号与户口本不一致，请入户核实")
    (returned,) = oversight.register_changes(t, state=oversight.RETURNED).changes
    assert (returned.id, returned.task_id) == (change.id, task_id)
    worker.sync()
    with worker.store.read() as s:
        task = s.get(Task, task_id)
        assert (task.assignee, task.household_id, task.status) == ("wgy1", hh, "open")
        assert "请入户核实" in task.title
    with pytest.raises(Refused) as again:
        oversight.mark_reviewed(t, [change.id])
    assert again.value.status == 409


def test_restricted_fields_only_for_roles_that_see_them(server, device_factory) -> None:
    worker, hh, person = _worker_work(device_factory)
    supervisor = device_factory("jdy1")
    supervisor.sync()
    tag = sorted(restricted_tags())[0]
    register.edit_resident(supervisor.store, supervisor.actor, person, {"restricted_tags": [tag]})
    supervisor.sync()
    admin_device = device_factory("admin")

    def resident_record(transport):
        page = oversight.register_changes(transport, state=None)
        return next(c.record for c in page.changes if c.entity == "resident")

    assert resident_record(supervisor.transport)["restricted_tags"] == [tag]
    assert "restricted_tags" not in resident_record(admin_device.transport)


def test_scope_and_roles(server, device_factory) -> None:
    _worker_work(device_factory)
    admin.create_user(server.db, "jdy3", PASSWORD, "supervisor", [grid_id("G03")])
    ids = [c.id for c in oversight.register_changes(device_factory("jdy1").transport).changes]
    elsewhere = device_factory("jdy3").transport
    assert oversight.register_changes(elsewhere, state=None).total == 0
    for call in (lambda: oversight.mark_reviewed(elsewhere, ids[:1]),
                 lambda: oversight.send_back(elsewhere, ids[0], "看看")):
        with pytest.raises(Refused) as hidden:
            call()
        assert hidden.value.status == 404
    worker = device_factory("wgy1").transport
    for call in (lambda: oversight.register_changes(worker),
                 lambda: oversight.mark_reviewed(worker, ids[:1]),
                 lambda: oversight.send_back(worker, ids[0], "看看")):
        with pytest.raises(Refused) as refused:
            call()
        assert refused.value.status == 403
    assert oversight.register_changes(device_factory("jdy1").transport).total == 3
