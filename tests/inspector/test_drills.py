"""Demo drills: each completes when the work is really done, and not before."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from testkit import jpeg_bytes

from inspector.db import Store, open_store
from inspector.demo import drills, generate
from inspector.demo.accounts import act_as
from inspector.models import Household, Resident, Task, utcnow
from inspector.photos import PhotoStore
from inspector.services.activities import VisitInput, record_visit
from inspector.services.attachments import import_photos
from inspector.services.cases import IssueInput, complete_verification, report_issue
from inspector.services.recording import Actor


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("drills")
    store = open_store(folder / "store.db")
    generate(store, 200, photos=False)
    store.close()
    return folder


@pytest.fixture
def store(template, tmp_path):
    s = open_store(shutil.copytree(template, tmp_path / "p") / "store.db")
    yield s
    s.close()


def _actor(store: Store, role: str = "worker") -> Actor:
    p = act_as(store, role)
    return Actor(p.username, p.role, p.device_id, tuple(p.grid_ids))


def _photo(store: Store, stage: str, colour=(200, 40, 40)):
    return tuple(import_photos(PhotoStore(store.photo_dir), [(jpeg_bytes(colour), stage)]))


def _report(store: Store, actor: Actor, category: str = "drain_blocked", *, photos=(),
            draft=False) -> str:
    issue_id, _ = report_issue(store, actor, IssueInput(
        grid_id=actor.grid_ids[0], category_code=category, severity="general",
        title="雨水口堵塞", description="雨水口被落叶堵住", address="演示路1号",
        occurred_at=utcnow() - timedelta(minutes=5), photos=photos), draft=draft)
    return issue_id


def test_reporting_a_blocked_drain_needs_the_right_category_a_photo_and_the_report(store):
    actor = _actor(store)
    _report(store, actor, photos=_photo(store, "report"))  # before the drill: does not count
    run = drills.begin(store, actor, drills.REPORT_DRAIN)
    assert drills.check(store, run).step == 0
    _report(store, actor, "exposed_garbage", photos=_photo(store, "report", (1, 2, 3)))
    assert drills.check(store, run).step == 0
    _report(store, actor)  # reported, but with no photo
    assert drills.check(store, run).step == 1
    _report(store, actor, photos=_photo(store, "report", (9, 9, 9)), draft=True)
    assert drills.check(store, run).step == 2
    _report(store, actor, photos=_photo(store, "report", (7, 7, 7)))
    result = drills.check(store, run)
    assert result.done and result.step == 3


def test_verifying_a_handled_case_is_done_by_the_verification_itself(store):
    actor = _actor(store)
    run = drills.begin(store, actor, drills.VERIFY_CASE)
    assert not drills.check(store, run).done
    with store.read() as session:
        task_id = session.scalars(select(Task.id).where(
            Task.assignee == actor.username, Task.status == "open",
            Task.kind == "verify_issue")).first()
    complete_verification(store, actor, task_id, "passed", "已清理",
                          _photo(store, "verification"))
    assert drills.check(store, run).done


def test_a_supervisor_is_told_to_switch_role_for_the_verification_drill(store):
    with pytest.raises(drills.DrillUnavailable, match="切换角色"):
        drills.begin(store, _actor(store, "supervisor"), drills.VERIFY_CASE)


def test_a_door_to_door_visit_counts_once_someone_was_met(store):
    actor = _actor(store)
    run = drills.begin(store, actor, drills.DOOR_VISIT)
    assert drills.check(store, run).step == 0
    with store.read() as session:
        household = session.scalars(select(Household).where(
            Household.grid_id == actor.grid_ids[0])).first()
        person = session.scalars(select(Resident.id).where(
            Resident.household_id == household.id)).first()
    record_visit(store, actor, VisitInput(household.id, "routine"))
    assert drills.check(store, run).step == 1
    record_visit(store, actor, VisitInput(household.id, "routine", people_met=(person,)))
    assert drills.check(store, run).done


def test_finding_a_resident_by_id_tail_is_done_with_their_name(store):
    actor = _actor(store)
    run = drills.begin(store, actor, drills.FIND_RESIDENT, seed=7)
    with store.read() as session:
        target = session.get(Resident, run.target_id)
        assert target.id_number.endswith(run.id_tail) and target.grid_id in actor.grid_ids
        same_tail = session.scalars(select(Resident.name).where(
            Resident.grid_id.in_(actor.grid_ids),
            Resident.id_number.like(f"%{run.id_tail}"))).all()
        name = target.name
        other = session.scalars(select(Resident.name).where(Resident.name != name)).first()
    assert len(same_tail) == 1  # the tail points at one person in the trainee's grids
    assert drills.check(store, run).step == 0
    assert drills.check(store, run, other).step == 1
    assert drills.check(store, run, f" {name} ").done
