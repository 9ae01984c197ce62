"""The review inbox's queues and the deadline states of the case rows, on a real store.

One store plays the supervisor's laptop; steps only the server applies (立案, 结案)
stay pending here, as they do on a laptop before its next sync. The server's part is
played by setting the status it would send back.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from testkit import jpeg_bytes

from inspector.caseflow import ActionRequest
from inspector.deadlines import deadline_for
from inspector.models import Issue, IssueAction
from inspector.photos import PhotoStore
from inspector.queries.cases import issue_detail, issue_rows, task_ids, task_rows
from inspector.queries.inbox import QUEUES, queue_counts, queue_ids
from inspector.services.attachments import import_photos
from inspector.services.cases import IssueInput, complete_verification, report_issue, take_action

NOW = datetime.now(UTC)


def _report(store, actor, grid_id, **extra) -> str:
    base = dict(grid_id=grid_id, category_code="street_light_out", severity="general",
                title="路灯不亮", description="小区门口路灯不亮", address="幸福路12号",
                occurred_at=NOW - timedelta(hours=2))
    issue_id, _ = report_issue(store, actor, IssueInput(**(base | extra)))
    return issue_id


def _server_applies(store, issue_id, kind, status) -> None:
    """What a sync does to a pending 立案/结案: accepted on the server, the case moved."""
    with store.write() as s:
        for action in s.query(IssueAction).filter_by(issue_id=issue_id, kind=kind,
                                                     sync_state="pending"):
            action.sync_state = "accepted"
        s.get(Issue, issue_id).status = status


def _step(store, supervisor, issue_id, kind, **fields) -> None:
    take_action(store, supervisor, issue_id, ActionRequest(kind, "supervisor", **fields))


def _verify(store, worker, outcome) -> None:
    (task,) = task_ids(store, worker.username)
    photos = tuple(import_photos(PhotoStore(store.photo_dir),
                                 [(jpeg_bytes((30, 90, 30)), "verification")]))
    complete_verification(store, worker, task, outcome, "现场查看", photos)


def _where(store, issue_id) -> set[str]:
    return {q for q in QUEUES if issue_id in queue_ids(store, q)}


def test_a_case_moves_through_the_queues(store, tree, worker, supervisor):
    case = _report(store, worker, tree.g1)
    assert _where(store, case) == {"new"}
    _step(store, supervisor, case, "accept")
    assert _where(store, case) == {"waiting"}  # 立案 requested, the server has not answered
    _server_applies(store, case, "accept", "accepted")
    assert _where(store, case) == {"to_dispatch"}
    due = deadline_for("street_light_out", "general", NOW)
    _step(store, supervisor, case, "dispatch", department="municipal", deadline_at=due)
    assert _where(store, case) == {"handling"}
    _step(store, supervisor, case, "request_extension", reason="需要更换灯杆")
    assert _where(store, case) == {"handling", "extension"}
    assert issue_detail(store, case).pending_extension.reason == "需要更换灯杆"
    _step(store, supervisor, case, "approve_extension", deadline_at=due + timedelta(days=2))
    assert _where(store, case) == {"handling"}
    assert issue_detail(store, case).pending_extension is None
    _step(store, supervisor, case, "feedback", reason="已修复")
    assert _where(store, case) == {"to_verify"}
    _step(store, supervisor, case, "request_verification")
    assert _where(store, case) == {"verifying"}
    _verify(store, worker, "failed")
    assert _where(store, case) == {"to_rework"}
    _step(store, supervisor, case, "rework", reason="灯仍不亮")
    assert _where(store, case) == {"handling"}
    _step(store, supervisor, case, "feedback")
    _step(store, supervisor, case, "request_verification")
    assert _where(store, case) == {"verifying"}  # the failed verification was the last round's
    _verify(store, worker, "passed")
    assert _where(store, case) == {"to_close"}
    _step(store, supervisor, case, "close")
    assert _where(store, case) == {"waiting"}
    _server_applies(store, case, "close", "closed")
    assert _where(store, case) == set()


def test_queues_order_urgent_first_and_overdue_most_late_first(store, tree, worker, supervisor):
    plain = _report(store, worker, tree.g1)
    urgent = _report(store, worker, tree.g1, severity="major", title="灯杆倾倒")
    assert queue_ids(store, "new") == [urgent, plain]
    late, later = _report(store, worker, tree.g1), _report(store, worker, tree.g1)
    with store.write() as s:
        for issue_id, hours in ((late, -3), (later, -30), (plain, 5)):
            issue = s.get(Issue, issue_id)
            issue.status, issue.deadline_at = "dispatched", NOW + timedelta(hours=hours)
    assert queue_ids(store, "overdue", now=NOW) == [later, late]
    assert queue_ids(store, "handling", now=NOW) == [later, late, plain]
    # Tomorrow the third one is late too.
    assert queue_ids(store, "overdue", now=NOW + timedelta(days=1)) == [later, late, plain]


def test_counts_follow_the_actors_grids(store, tree, worker, supervisor):
    _report(store, worker, tree.g1)
    _report(store, worker, tree.g2)
    _report(store, worker, tree.g2)
    assert queue_counts(store)["new"] == 3
    assert queue_counts(store, (tree.g2,))["new"] == 2
    assert queue_counts(store, (tree.g1,)) == {q: int(q == "new") for q in QUEUES}


def test_rows_carry_the_deadline_state(store, tree, worker, supervisor):
    case = _report(store, worker, tree.g1)
    _server_applies(store, case, "accept", "accepted")
    due = NOW + timedelta(hours=8)
    _step(store, supervisor, case, "dispatch", department="municipal", deadline_at=due)
    states = {hours: issue_rows(store, [case], NOW + timedelta(hours=hours))[case]
              ["deadline_state"] for hours in (1, 7, 9)}
    assert states == {1: "on_time", 7: "due_soon", 9: "overdue"}
    assert issue_detail(store, case, NOW + timedelta(hours=9)).deadline_state == "overdue"
    _step(store, supervisor, case, "feedback")
    _step(store, supervisor, case, "request_verification")
    (task,) = task_ids(store, worker.username)
    assert task_rows(store, [task], NOW + timedelta(hours=7))[task]["case_deadline_state"] == \
        "due_soon"
    _verify(store, worker, "passed")
    assert task_rows(store, [task], NOW + timedelta(hours=9))[task]["case_deadline_state"] \
        is None  # a finished task is nothing to hurry for
