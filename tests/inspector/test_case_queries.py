"""The case and task queries behind the issue and task screens, on a real store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from testkit import jpeg_bytes

from inspector.caseflow import ActionRequest
from inspector.models import Issue
from inspector.photos import PhotoStore
from inspector.queries.cases import (
    IssueFilter,
    allowed_actions,
    category_name,
    issue_detail,
    issue_ids,
    issue_rows,
    task_detail,
    task_ids,
    task_rows,
)
from inspector.services.attachments import import_photos
from inspector.services.cases import (
    IssueInput,
    complete_verification,
    report_issue,
    take_action,
)

AN_HOUR_AGO = datetime.now(UTC) - timedelta(hours=1)


def _report(store, actor, grid_id, **extra) -> str:
    base = dict(grid_id=grid_id, category_code="exposed_garbage", severity="general",
                title="垃圾堆放", description="门口有暴露垃圾", address="幸福路12号",
                occurred_at=AN_HOUR_AGO)
    issue_id, _ = report_issue(store, actor, IssueInput(**{**base, **extra}))
    return issue_id


def _photos(store, stage, color):
    return tuple(import_photos(PhotoStore(store.photo_dir), [(jpeg_bytes(color), stage)]))


def _to_verifying(store, supervisor, issue_id) -> None:
    """Drive a case to verification the way the server would, leaving a task for its reporter."""
    with store.write() as s:
        s.get(Issue, issue_id).status = "handled"
    take_action(store, supervisor, issue_id, ActionRequest("request_verification", "supervisor"))


def test_filters_narrow_the_case_list(store, tree, worker):
    garbage = _report(store, worker, tree.g1)
    fire = _report(store, worker, tree.g1, category_code="fire_incident", severity="major",
                   title="楼道起火", address="和平路3号")
    other_grid = _report(store, worker, tree.g2, title="井盖缺失",
                         category_code="manhole_cover_missing")
    assert set(issue_ids(store)) == {garbage, fire, other_grid}
    assert issue_ids(store, IssueFilter(grid_ids=(tree.g1,))) == [fire, garbage]  # newest first
    assert issue_ids(store, IssueFilter(severity="major")) == [fire]
    assert issue_ids(store, IssueFilter(text="和平路")) == [fire]
    assert issue_ids(store, IssueFilter(text="100%")) == []  # % is a character, not a wildcard
    assert issue_ids(store, IssueFilter(class_code="component_utilities")) == [other_grid]
    assert issue_ids(store, IssueFilter(statuses=frozenset({"closed"}))) == []


def test_overdue_cases_are_flagged_and_filtered(store, tree, worker):
    late = _report(store, worker, tree.g1)
    on_time = _report(store, worker, tree.g1)
    with store.write() as s:
        for issue_id, days in ((late, -1), (on_time, 2)):
            issue = s.get(Issue, issue_id)
            issue.status, issue.deadline_at = "dispatched", datetime.now(UTC) + timedelta(days)
    assert issue_ids(store, IssueFilter(overdue_only=True)) == [late]
    rows = issue_rows(store, [late, on_time])
    assert rows[late]["overdue"] and not rows[on_time]["overdue"]
    assert rows[late]["grid_name"] and rows[late]["category_code"] == "exposed_garbage"


def test_detail_shows_photos_by_stage_and_the_timeline(store, tree, worker, supervisor):
    issue_id = _report(store, worker, tree.g1, photos=_photos(store, "report", (200, 10, 10)))
    _to_verifying(store, supervisor, issue_id)
    (task,) = task_ids(store, worker.username)
    complete_verification(store, worker, task, "passed", "已清理",
                          _photos(store, "verification", (10, 200, 10)))
    detail = issue_detail(store, issue_id)
    assert [p.stage for p in detail.photos] == ["report", "verification"]
    kinds = [(a.kind, a.from_status, a.to_status) for a in detail.actions]
    assert kinds == [("report", "draft", "reported"),
                     ("request_verification", "handled", "verifying"),
                     ("verify", "verifying", "verifying")]
    report, _, verify = detail.actions
    assert [p.stage for p in report.photos] == ["report"]
    assert [p.stage for p in verify.photos] == ["verification"]
    assert verify.reason == "已清理" and verify.outcome == "passed"
    assert issue_detail(store, "no-such-case") is None


def test_tasks_open_first_and_finished_on_request(store, tree, worker, supervisor):
    first, second = _report(store, worker, tree.g1), _report(store, worker, tree.g1)
    for issue_id in (first, second):
        _to_verifying(store, supervisor, issue_id)
    done, still_open = task_ids(store, worker.username)
    complete_verification(store, worker, done, "failed", "仍有垃圾",
                          _photos(store, "verification", (1, 2, 3)))
    assert task_ids(store, worker.username) == [still_open]
    assert task_ids(store, worker.username, include_done=True) == [still_open, done]
    assert task_ids(store, "someone.else") == []
    rows = task_rows(store, [done, still_open])
    assert rows[done]["status"] == "done" and rows[done]["result"] == "failed"
    assert rows[still_open]["address"] == "幸福路12号"
    detail = task_detail(store, still_open)
    assert detail.kind == "verify_issue" and detail.issue.status == "verifying"


def test_a_worker_may_escalate_but_not_accept():
    assert allowed_actions("reported", "worker") == ["escalate"]
    assert "accept" in allowed_actions("reported", "supervisor")
    assert allowed_actions("draft", "worker") == ["report"]
    assert allowed_actions("closed", "worker") == []


def test_category_name_joins_class_and_subclass():
    assert category_name("manhole_cover_missing") == "公用设施 / 井盖缺失"
    assert category_name("unknown_code") == "unknown_code"
