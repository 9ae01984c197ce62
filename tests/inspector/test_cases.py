"""Cases, patrols and visits through the services, on a real store with real photos."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from testkit import count, counts, household_data, jpeg_bytes, make_id, resident_data

from inspector.caseflow import ActionRequest
from inspector.errors import TransitionError, ValidationError
from inspector.models import (
    PRIORITY_NORMAL,
    PRIORITY_URGENT,
    AuditEntry,
    Household,
    Issue,
    IssueAction,
    OutboxEntry,
    Patrol,
    PatrolItem,
    PhotoLink,
    Task,
    Visit,
    VisitNeed,
)
from inspector.photos import PhotoStore
from inspector.services import activities, register
from inspector.services.attachments import import_photos
from inspector.services.cases import (
    IssueInput,
    complete_verification,
    report_issue,
    take_action,
)
from inspector.services.recording import Actor

AN_HOUR_AGO = datetime.now(UTC) - timedelta(hours=1)
DEADLINE = datetime.now(UTC) + timedelta(days=3)


def issue_input(grid_id: str, **extra) -> IssueInput:
    base = dict(grid_id=grid_id, category_code="exposed_garbage", severity="general",
                title="垃圾堆放", description="幸福路12号门口有暴露垃圾", address="幸福路12号",
                occurred_at=AN_HOUR_AGO)
    return IssueInput(**{**base, **extra})


@pytest.fixture
def photos(tmp_path):
    return PhotoStore(tmp_path / "photos")


def _photo(photos: PhotoStore, stage: str, color=(30, 120, 200)):
    return tuple(import_photos(photos, [(jpeg_bytes(color), stage)]))


def _issue(store, issue_id) -> Issue:
    with store.read() as s:
        return s.get(Issue, issue_id)


def _actions(store, issue_id) -> list[IssueAction]:
    with store.read() as s:
        return list(s.scalars(select(IssueAction).where(IssueAction.issue_id == issue_id)
                              .order_by(IssueAction.seq)))


def _outbox(store, record_id=None) -> list[OutboxEntry]:
    with store.read() as s:
        q = select(OutboxEntry).order_by(OutboxEntry.seq)
        if record_id is not None:
            q = q.where(OutboxEntry.record_id == record_id)
        return list(s.scalars(q))


def _server_sets_status(store, issue_id, status) -> None:
    """What the server does when it confirms a server-side step (立案, 结案) and syncs back."""
    with store.write() as s:
        issue = s.get(Issue, issue_id)
        issue.status = status
        for action in s.scalars(select(IssueAction).where(IssueAction.issue_id == issue_id)):
            action.sync_state = "accepted"


def _sup(kind: str, **kw) -> ActionRequest:
    return ActionRequest(kind, "supervisor", **kw)


# ------------------------------------------------------------------ report


def test_worker_reports_an_issue(store, tree, worker) -> None:
    issue_id, changes = report_issue(store, worker, issue_input(tree.g1))

    issue = _issue(store, issue_id)
    assert issue.status == "reported" and issue.reporter == "wang.wu"
    assert issue.triage == "simple"  # the category's default
    assert issue.reported_at is not None
    (action,) = _actions(store, issue_id)
    assert (action.kind, action.from_status, action.to_status) == ("report", "draft", "reported")
    assert action.sync_state == "pending" and action.actor_role == "worker"
    entries = _outbox(store)
    assert [(e.entity, e.op) for e in entries] == [("issue", "insert"), ("issue_action", "append")]
    assert all(e.priority == PRIORITY_NORMAL for e in entries)
    assert entries[1].payload["issue_id"] == issue_id
    assert changes.touched.keys() >= {"issue", "issue_action"}
    assert count(store, AuditEntry) == 2


@pytest.mark.parametrize(("severity", "priority"), [
    ("critical", PRIORITY_URGENT), ("major", PRIORITY_URGENT),
    ("serious", PRIORITY_NORMAL), ("minor", PRIORITY_NORMAL)])
def test_urgent_severities_jump_the_queue(store, tree, worker, photos, severity,
                                          priority) -> None:
    report_issue(store, worker, issue_input(
        tree.g1, severity=severity, category_code="fire_incident",
        photos=_photo(photos, "report")))
    entries = _outbox(store)
    assert {e.entity for e in entries} == {"issue", "issue_action", "photo_link"}
    assert {e.priority for e in entries} == {priority}


def test_bad_report_is_refused_with_field_names_and_nothing_written(store, tree, worker) -> None:
    before = counts(store) | {"issue": count(store, Issue)}
    bad = issue_input(tree.g1, category_code="no_such_thing", severity="apocalyptic", title="",
                      occurred_at=datetime.now(UTC) + timedelta(days=1), lat=123.0)
    with pytest.raises(ValidationError) as err:
        report_issue(store, worker, bad)
    assert set(err.value.reasons()) == {"category_code", "severity", "title", "occurred_at",
                                        "lat"}
    assert counts(store) | {"issue": count(store, Issue)} == before


def test_draft_is_saved_without_an_action_and_reported_later(store, tree, worker) -> None:
    issue_id, _ = report_issue(store, worker, issue_input(tree.g1), draft=True)
    draft = _issue(store, issue_id)
    assert (draft.status, draft.reported_at) == ("draft", None)
    assert _actions(store, issue_id) == []

    take_action(store, worker, issue_id, ActionRequest("report", "worker"))
    issue = _issue(store, issue_id)
    (action,) = _actions(store, issue_id)
    assert issue.status == "reported"
    assert issue.reported_at == action.at  # the time it was reported, not when drafted


def test_reporting_outside_ones_grids_is_refused(store, tree) -> None:
    local = Actor("qian.ba", "worker", "dev-worker-0002", (tree.g1,))
    with pytest.raises(ValidationError) as err:
        report_issue(store, local, issue_input(tree.g2))
    assert "grid_id" in err.value.reasons()
    assert count(store, Issue) == 0


# ------------------------------------------------------------------ the loop


def test_supervisor_accept_is_recorded_but_the_server_applies_it(store, tree, worker,
                                                                  supervisor) -> None:
    issue_id, _ = report_issue(store, worker, issue_input(tree.g1))
    take_action(store, supervisor, issue_id, _sup("accept"))
    assert _issue(store, issue_id).status == "reported"
    accept = _actions(store, issue_id)[-1]
    assert (accept.kind, accept.to_status, accept.sync_state) == ("accept", "accepted", "pending")
    assert _outbox(store, accept.id)[0].op == "append"
    # until the server confirms, the case cannot be dispatched here
    with pytest.raises(TransitionError):
        take_action(store, supervisor, issue_id, _sup(
            "dispatch", department="sanitation", deadline_at=DEADLINE))


def test_full_loop_to_closure(store, tree, worker, supervisor, photos) -> None:
    issue_id, _ = report_issue(store, worker, issue_input(
        tree.g1, photos=_photo(photos, "report")))
    take_action(store, supervisor, issue_id, _sup("accept"))
    _server_sets_status(store, issue_id, "accepted")

    take_action(store, supervisor, issue_id, _sup(
        "dispatch", department="sanitation", deadline_at=DEADLINE))
    issue = _issue(store, issue_id)
    assert (issue.status, issue.department) == ("dispatched", "sanitation")
    assert issue.deadline_at == DEADLINE

    take_action(store, supervisor, issue_id, _sup("urge"))
    assert _issue(store, issue_id).status == "dispatched"
    take_action(store, supervisor, issue_id, _sup("feedback"),
                photos=_photo(photos, "handling", (200, 200, 30)))
    assert _issue(store, issue_id).status == "handled"

    changes = take_action(store, supervisor, issue_id, _sup("request_verification"))
    assert _issue(store, issue_id).status == "verifying"
    with store.read() as s:
        (task,) = s.scalars(select(Task).where(Task.issue_id == issue_id))
    assert (task.kind, task.assignee, task.status) == ("verify_issue", "wang.wu", "open")
    assert task.id in changes.touched["task"]

    # closing before anyone verified is refused
    with pytest.raises(TransitionError, match="核查通过"):
        take_action(store, supervisor, issue_id, _sup("close"))

    complete_verification(store, worker, task.id, "passed", "已清理干净",
                          _photo(photos, "verification", (20, 200, 20)))
    verify = _actions(store, issue_id)[-1]
    assert (verify.kind, verify.outcome, verify.actor) == ("verify", "passed", "wang.wu")
    with store.read() as s:
        task = s.get(Task, task.id)
        stages = set(s.scalars(select(PhotoLink.stage).where(PhotoLink.record_id == issue_id)))
    assert (task.status, task.result) == ("done", "passed")
    assert stages == {"report", "handling", "verification"}
    # the same task cannot be completed twice
    with pytest.raises(ValidationError):
        complete_verification(store, worker, task.id, "passed", None,
                              _photo(photos, "verification", (20, 200, 20)))

    take_action(store, supervisor, issue_id, _sup("close"))
    assert _issue(store, issue_id).status == "verifying"  # 结案 is applied by the server
    kinds = [a.kind for a in _actions(store, issue_id)]
    assert kinds == ["report", "accept", "dispatch", "urge", "feedback",
                     "request_verification", "verify", "close"]
    assert [a.seq for a in _actions(store, issue_id)] == list(range(1, 9))
    _server_sets_status(store, issue_id, "closed")
    take_action(store, supervisor, issue_id, _sup("evaluate"))
    assert _issue(store, issue_id).status == "evaluated"


def _to_verifying(store, tree, worker, supervisor) -> tuple[str, str]:
    issue_id, _ = report_issue(store, worker, issue_input(tree.g1))
    _server_sets_status(store, issue_id, "accepted")
    take_action(store, supervisor, issue_id, _sup(
        "dispatch", department="sanitation", deadline_at=DEADLINE))
    take_action(store, supervisor, issue_id, _sup("feedback"))
    take_action(store, supervisor, issue_id, _sup("request_verification"))
    with store.read() as s:
        task_id = s.scalar(select(Task.id).where(Task.issue_id == issue_id))
    return issue_id, task_id


def test_failed_verification_sends_the_case_back_for_rework(store, tree, worker, supervisor,
                                                            photos) -> None:
    issue_id, task_id = _to_verifying(store, tree, worker, supervisor)
    complete_verification(store, worker, task_id, "failed", "仍有垃圾",
                          _photo(photos, "verification"))
    with pytest.raises(TransitionError, match="核查通过"):
        take_action(store, supervisor, issue_id, _sup("close"))

    before = count(store, IssueAction)
    with pytest.raises(TransitionError, match="原因"):
        take_action(store, supervisor, issue_id, _sup("rework"))
    assert count(store, IssueAction) == before
    take_action(store, supervisor, issue_id, _sup("rework", reason="现场仍有垃圾，请重新处置"))
    assert _issue(store, issue_id).status == "dispatched"
    rework = _actions(store, issue_id)[-1]
    assert (rework.from_status, rework.to_status) == ("verifying", "dispatched")


def test_a_pass_before_a_rework_does_not_close_the_next_round(store, tree, worker, supervisor,
                                                              photos) -> None:
    issue_id, task_id = _to_verifying(store, tree, worker, supervisor)
    complete_verification(store, worker, task_id, "passed", None, _photo(photos, "verification"))
    take_action(store, supervisor, issue_id, _sup("rework", reason="处置不彻底，重新处置"))
    take_action(store, supervisor, issue_id, _sup("feedback"))
    take_action(store, supervisor, issue_id, _sup("request_verification"))
    with pytest.raises(TransitionError, match="核查通过"):
        take_action(store, supervisor, issue_id, _sup("close"))
    with store.read() as s:
        second = s.scalar(select(Task.id).where(Task.issue_id == issue_id,
                                                Task.status == "open"))
    complete_verification(store, worker, second, "passed", None,
                          _photo(photos, "verification", (0, 90, 0)))
    take_action(store, supervisor, issue_id, _sup("close"))


def test_verification_needs_a_photo(store, tree, worker, supervisor) -> None:
    issue_id, task_id = _to_verifying(store, tree, worker, supervisor)
    before = counts(store)
    with pytest.raises(TransitionError, match="照片"):
        complete_verification(store, worker, task_id, "passed", None, ())
    assert counts(store) == before
    with store.read() as s:
        assert s.get(Task, task_id).status == "open"


def test_reject_needs_a_reason(store, tree, worker, supervisor) -> None:
    issue_id, _ = report_issue(store, worker, issue_input(tree.g1))
    before = counts(store)
    for reason in (None, "  "):
        with pytest.raises(TransitionError, match="原因"):
            take_action(store, supervisor, issue_id, _sup("reject", reason=reason))
    assert counts(store) == before
    take_action(store, supervisor, issue_id, _sup("reject", reason="不属于受理范围"))
    assert _issue(store, issue_id).status == "rejected"
    assert _actions(store, issue_id)[-1].reason == "不属于受理范围"


def test_worker_cannot_take_supervisor_steps(store, tree, worker) -> None:
    issue_id, _ = report_issue(store, worker, issue_input(tree.g1))
    before = counts(store)
    for kind in ("accept", "reject", "urge"):
        with pytest.raises(TransitionError):
            take_action(store, worker, issue_id, ActionRequest(kind, "worker", reason="x"))
    assert counts(store) == before
    assert _issue(store, issue_id).status == "reported"


def test_on_site_report_needs_before_and_after_photos(store, tree, worker, photos) -> None:
    before = counts(store) | {"issue": count(store, Issue), "link": count(store, PhotoLink)}
    for stages in ((), ("before",), ("after",)):
        pics = tuple(p for st in stages for p in _photo(photos, st))
        with pytest.raises(TransitionError, match="照片"):
            report_issue(store, worker, issue_input(tree.g1, photos=pics), on_site=True)
    after = counts(store) | {"issue": count(store, Issue), "link": count(store, PhotoLink)}
    assert after == before

    pics = _photo(photos, "before", (90, 60, 30)) + _photo(photos, "after", (30, 160, 60))
    issue_id, _ = report_issue(store, worker, issue_input(tree.g1, photos=pics), on_site=True)
    assert _issue(store, issue_id).status == "handled_on_site"
    assert _actions(store, issue_id)[0].kind == "report_on_site"
    with store.read() as s:
        links = s.scalars(select(PhotoLink).where(PhotoLink.record_id == issue_id)).all()
    assert sorted(link.stage for link in links) == ["after", "before"]
    for link in links:
        assert photos.has(link.photo_sha256)


def test_action_on_a_case_outside_ones_grids_is_refused(store, tree, worker, supervisor) -> None:
    issue_id, _ = report_issue(store, worker, issue_input(tree.g2))
    local = Actor("ma.jiu", "supervisor", "dev-super-0002", (tree.g1,))
    with pytest.raises(ValidationError):
        take_action(store, local, issue_id, _sup("reject", reason="不属于本网格"))
    assert _issue(store, issue_id).status == "reported"


def test_resident_linked_to_a_case_cannot_be_removed(store, tree, staff) -> None:
    home, _ = register.add_household(store, staff, household_data(tree.g1))
    rid, _ = register.add_resident(store, staff, home, resident_data(make_id()))
    report_issue(store, staff, issue_input(tree.g1, resident_id=rid, household_id=home,
                                           source="visit", category_code="neighbour_dispute"))
    before = counts(store)
    with pytest.raises(ValidationError):
        register.remove_resident(store, staff, rid)
    with pytest.raises(ValidationError):
        register.remove_household(store, staff, home)
    assert counts(store) == before


# ------------------------------------------------------------------ patrols


@pytest.mark.parametrize(("hour", "slot"), [(7, "morning"), (12, "midday"), (19, "evening"),
                                            (2, "evening")])
def test_patrol_slot_follows_local_time(store, tree, worker, hour, slot) -> None:
    local = datetime.now().astimezone().replace(hour=hour, minute=5) - timedelta(days=1)
    assert activities.slot_for(local) == slot
    patrol_id, _ = activities.start_patrol(store, worker, tree.g1, now=local.astimezone(UTC))
    with store.read() as s:
        assert s.get(Patrol, patrol_id).slot == slot


def test_patrol_with_a_finding_reports_a_linked_case(store, tree, worker, photos) -> None:
    patrol_id, _ = activities.start_patrol(store, worker, tree.g1)
    activities.check_item(store, worker, patrol_id, "fire_passages", "ok")
    finding = issue_input(tree.g1, category_code="fire_passage_blocked", title="消防通道堵塞",
                          photos=_photo(photos, "report"))
    changes = activities.check_item(store, worker, patrol_id, "fire_ebike", "problem",
                                    note="楼道停放电动车", finding=finding)
    assert changes.touched.keys() >= {"issue", "issue_action", "patrol_item", "photo_link"}

    with store.read() as s:
        items = s.scalars(select(PatrolItem).where(PatrolItem.patrol_id == patrol_id)
                          .order_by(PatrolItem.position)).all()
        issue = s.get(Issue, items[1].issue_id)
    assert [(i.position, i.item_code, i.result) for i in items] == [
        (0, "fire_passages", "ok"), (1, "fire_ebike", "problem")]
    assert items[0].issue_id is None
    assert issue.patrol_id == patrol_id and issue.status == "reported"

    activities.finish_patrol(store, worker, patrol_id, route=[[116.301, 39.901, "t1"]])
    with store.read() as s:
        patrol = s.get(Patrol, patrol_id)
    assert patrol.ended_at is not None and patrol.route == [[116.301, 39.901, "t1"]]
    assert patrol.version == 2
    # a finished patrol takes no more lines and cannot be finished again
    with pytest.raises(ValidationError):
        activities.check_item(store, worker, patrol_id, "fire_gas", "ok")
    with pytest.raises(ValidationError):
        activities.finish_patrol(store, worker, patrol_id)


def test_patrol_without_checked_items_cannot_be_finished(store, tree, worker) -> None:
    patrol_id, _ = activities.start_patrol(store, worker, tree.g1, kind="irregular")
    before = counts(store)
    with pytest.raises(ValidationError) as err:
        activities.finish_patrol(store, worker, patrol_id)
    assert "items" in err.value.reasons()
    assert counts(store) == before
    with store.read() as s:
        assert s.get(Patrol, patrol_id).ended_at is None


def test_patrol_item_refuses_bad_codes_and_silent_problems(store, tree, worker) -> None:
    patrol_id, _ = activities.start_patrol(store, worker, tree.g1)
    with pytest.raises(ValidationError) as err:
        activities.check_item(store, worker, patrol_id, "no_such_item", "fine")
    assert set(err.value.reasons()) == {"item_code", "result"}
    with pytest.raises(ValidationError) as err:
        activities.check_item(store, worker, patrol_id, "fire_gas", "problem")
    assert "note" in err.value.reasons()
    assert count(store, PatrolItem) == 0


def test_patrol_in_another_grid_is_out_of_scope(store, tree, worker) -> None:
    patrol_id, _ = activities.start_patrol(store, worker, tree.g2)
    local = Actor("qian.ba", "worker", "dev-worker-0002", (tree.g1,))
    with pytest.raises(ValidationError):
        activities.start_patrol(store, local, tree.g2)
    for attempt in (lambda: activities.check_item(store, local, patrol_id, "fire_gas", "ok"),
                    lambda: activities.finish_patrol(store, local, patrol_id)):
        with pytest.raises(ValidationError) as err:
            attempt()
        assert "grid_id" in err.value.reasons()
    assert count(store, PatrolItem) == 0


def test_finding_that_fails_validation_leaves_no_patrol_line(store, tree, worker) -> None:
    patrol_id, _ = activities.start_patrol(store, worker, tree.g1)
    before = counts(store)
    bad = issue_input(tree.g1, severity="apocalyptic")
    with pytest.raises(ValidationError):
        activities.check_item(store, worker, patrol_id, "fire_gas", "problem", finding=bad)
    assert counts(store) == before
    assert count(store, PatrolItem) == 0 and count(store, Issue) == 0


# ------------------------------------------------------------------ visits


def test_visit_with_needs_updates_the_households_last_visit(store, tree, staff, photos) -> None:
    home, _ = register.add_household(store, staff, household_data(tree.g1))
    when = datetime.now(UTC) - timedelta(days=2)
    data = activities.VisitInput(
        home, "routine", people_met=("陈建国",), services="政策宣传", satisfaction="satisfied",
        visited_at=when,
        needs=(activities.NeedInput("hardship_aid", "申请临时救助"),
               activities.NeedInput("urban_env", "楼道灯坏了")),
        photos=_photo(photos, "visit"))
    visit_id, changes = activities.record_visit(store, staff, data)
    assert changes.touched.keys() >= {"visit", "visit_need", "household", "photo_link"}

    with store.read() as s:
        household = s.get(Household, home)
        needs = s.scalars(select(VisitNeed).where(VisitNeed.visit_id == visit_id)).all()
        visit = s.get(Visit, visit_id)
    assert household.last_visit_at == when
    assert household.version == 2
    assert sorted(n.category for n in needs) == ["hardship_aid", "urban_env"]
    assert visit.grid_id == tree.g1 and visit.visitor == "li.si"
    update = [e for e in _outbox(store, home) if e.op == "update"][-1]
    assert update.payload["base"] == {"last_visit_at": None}

    # an older visit logged later does not move last_visit_at backwards
    activities.record_visit(store, staff, replace(data, visited_at=when - timedelta(days=30),
                                                  needs=(), photos=()))
    with store.read() as s:
        assert s.get(Household, home).last_visit_at == household.last_visit_at


def test_visit_refuses_unknown_need_category(store, tree, staff) -> None:
    home, _ = register.add_household(store, staff, household_data(tree.g1))
    bad = activities.VisitInput(home, "party", needs=(activities.NeedInput("gossip", ""),))
    with pytest.raises(ValidationError) as err:
        activities.record_visit(store, staff, bad)
    assert set(err.value.reasons()) == {"kind", "needs[0].category", "needs[0].description"}
    assert count(store, Visit) == 0


def test_only_the_assigned_worker_can_do_a_verification_task(store, tree, worker, supervisor,
                                                            photos) -> None:
    _issue_id, task_id = _to_verifying(store, tree, worker, supervisor)
    colleague = Actor("sun.qi", "worker", "dev-worker-0002", (tree.g1,))
    before = counts(store)
    with pytest.raises(ValidationError, match="不是派给您的"):
        complete_verification(store, colleague, task_id, "passed", None,
                              _photo(photos, "verification"))
    assert counts(store) == before


def test_case_linked_to_a_missing_record_is_refused_by_field(store, tree, worker) -> None:
    before = counts(store)
    with pytest.raises(ValidationError) as refused:
        report_issue(store, worker, issue_input(tree.g1, household_id="no-such-household",
                                                place_id="no-such-place"))
    assert set(refused.value.reasons()) == {"household_id", "place_id"}
    assert counts(store) == before
