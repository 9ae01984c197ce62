"""The whole case loop between a worker's laptop and a supervisor's laptop through a real
server over HTTP: report → accept → dispatch → feedback → verification task → verify →
close; and the rework, reject, handled-on-the-spot and overdue paths.

Every step is taken with the services the app uses, every "what is waiting" question
is asked with the queries the review inbox and the case list use, and each device
only learns what the other did by syncing.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from synckit import Device, issue_input, issue_on, photos_on

from inspector import caseflow
from inspector.catalogues import issue_subcategory
from inspector.deadlines import deadline_for
from inspector.models import IssueAction, PhotoLink, utcnow
from inspector.photos import PhotoStore
from inspector.queries.cases import IssueFilter, issue_ids, issue_rows, task_ids, task_rows
from inspector.queries.inbox import QUEUES, queue_ids
from inspector.services import cases
from inspector.services.cases import complete_verification

FULL_LOOP = ["report", "accept", "dispatch", "feedback", "request_verification", "verify",
             "close"]


def _pair(device_factory) -> tuple[Device, Device]:
    worker, supervisor = device_factory("wgy1"), device_factory("jdy1")
    worker.sync()
    supervisor.sync()
    return worker, supervisor


def _step(device: Device, issue_id: str, kind: str, photos=(), **fields) -> None:
    cases.take_action(device.store, device.actor, issue_id,
                      caseflow.ActionRequest(kind, device.actor.role, **fields), photos)


def _queues(device: Device, issue_id: str) -> set[str]:
    grids = device.actor.grid_ids
    return {q for q in QUEUES if issue_id in queue_ids(device.store, q, grids)}


def _history(device: Device, issue_id: str) -> list[tuple[str, str, str | None]]:
    with device.store.read() as s:
        return [(a.kind, a.sync_state, a.reason) for a in s.scalars(
            select(IssueAction).where(IssueAction.issue_id == issue_id)
            .order_by(IssueAction.seq))]


def _photo_stages(device: Device, issue_id: str) -> list[str]:
    """Stages of the case's photos whose bytes are on this device."""
    photos = PhotoStore(device.store.photo_dir)
    with device.store.read() as s:
        links = s.execute(select(PhotoLink.stage, PhotoLink.photo_sha256).where(
            PhotoLink.entity == "issue", PhotoLink.record_id == issue_id)).all()
    return sorted(stage for stage, sha in links if photos.has(sha))


def _dispatch(supervisor: Device, issue_id: str) -> None:
    issue = issue_on(supervisor, issue_id)
    _step(supervisor, issue_id, "dispatch",
          department=issue_subcategory(issue.category_code)["department"],
          deadline_at=deadline_for(issue.category_code, issue.severity, utcnow()))


def _accept_and_dispatch(worker: Device, supervisor: Device, issue_id: str) -> None:
    worker.sync()
    supervisor.sync()
    _step(supervisor, issue_id, "accept")
    supervisor.sync()
    _dispatch(supervisor, issue_id)


def _verify_on_site(worker: Device, outcome: str, color: tuple[int, int, int]) -> None:
    """The worker's next sync brings the task; the worker verifies with a photo and syncs."""
    worker.sync()
    (task,) = task_ids(worker.store, worker.username)
    complete_verification(worker.store, worker.actor, task, outcome, "现场核查",
                          photos_on(worker, "verification", color))
    worker.sync()


def _pass_and_close(worker: Device, supervisor: Device, issue_id: str) -> None:
    """The verification request reaches the worker, who passes it; the supervisor closes
    and both devices sync."""
    supervisor.sync()
    _verify_on_site(worker, "passed", (40, 200, 40))
    supervisor.sync()
    assert _queues(supervisor, issue_id) == {"to_close"}
    _step(supervisor, issue_id, "close")
    supervisor.sync()
    worker.sync()


def test_the_whole_loop_reaches_both_devices(server, device_factory):
    worker, supervisor = _pair(device_factory)
    issue_id, _ = cases.report_issue(worker.store, worker.actor, issue_input(
        photos=photos_on(worker, "report", (200, 40, 40))))
    assert _queues(supervisor, issue_id) == set()  # nothing reaches the office unsynced
    worker.sync()
    supervisor.sync()
    assert _queues(supervisor, issue_id) == {"new"}
    assert issue_on(supervisor, issue_id).number is not None

    _step(supervisor, issue_id, "accept")
    assert issue_on(supervisor, issue_id).status == caseflow.REPORTED  # the server's to apply
    assert _queues(supervisor, issue_id) == {"waiting"}
    supervisor.sync()
    assert issue_on(supervisor, issue_id).status == caseflow.ACCEPTED
    assert _queues(supervisor, issue_id) == {"to_dispatch"}

    _dispatch(supervisor, issue_id)
    assert issue_on(supervisor, issue_id).department == "sanitation"  # the subclass's own
    _step(supervisor, issue_id, "feedback", reason="已清运",
          photos=photos_on(supervisor, "handling", (40, 40, 200)))
    assert _queues(supervisor, issue_id) == {"to_verify"}
    _step(supervisor, issue_id, "request_verification")
    assert task_ids(worker.store, worker.username) == []
    _pass_and_close(worker, supervisor, issue_id)

    for device in (worker, supervisor):
        case = issue_on(device, issue_id)
        assert case.status == caseflow.CLOSED and case.closed_at is not None
        history = _history(device, issue_id)
        assert [kind for kind, _, _ in history] == FULL_LOOP
        assert {state for _, state, _ in history} == {"accepted"}
        assert _photo_stages(device, issue_id) == ["handling", "report", "verification"]
        assert _queues(device, issue_id) == set()
    assert task_ids(worker.store, worker.username) == []  # the task is done


def test_failed_verification_goes_back_for_rework(server, device_factory):
    worker, supervisor = _pair(device_factory)
    issue_id, _ = cases.report_issue(worker.store, worker.actor, issue_input())
    _accept_and_dispatch(worker, supervisor, issue_id)
    _step(supervisor, issue_id, "feedback", reason="已清运")
    _step(supervisor, issue_id, "request_verification")
    supervisor.sync()
    _verify_on_site(worker, "failed", (90, 90, 90))
    supervisor.sync()
    assert _queues(supervisor, issue_id) == {"to_rework"}

    _step(supervisor, issue_id, "rework", reason="垃圾未清理干净")
    supervisor.sync()
    worker.sync()
    for device in (worker, supervisor):
        assert issue_on(device, issue_id).status == caseflow.DISPATCHED
        assert ("rework", "accepted", "垃圾未清理干净") in _history(device, issue_id)
    assert _queues(supervisor, issue_id) == {"handling"}

    # Handled again: a second verification, and this time it passes.
    _step(supervisor, issue_id, "feedback", reason="已再次清运")
    _step(supervisor, issue_id, "request_verification")
    _pass_and_close(worker, supervisor, issue_id)
    assert issue_on(worker, issue_id).status == caseflow.CLOSED


def test_a_rejected_report_reaches_the_worker_with_its_reason(server, device_factory):
    worker, supervisor = _pair(device_factory)
    issue_id, _ = cases.report_issue(worker.store, worker.actor, issue_input())
    worker.sync()
    supervisor.sync()
    _step(supervisor, issue_id, "reject", reason="属于物业管理范围，不予立案")
    assert _queues(supervisor, issue_id) == set()
    supervisor.sync()
    worker.sync()
    assert issue_on(worker, issue_id).status == caseflow.REJECTED
    assert _history(worker, issue_id)[-1] == ("reject", "accepted", "属于物业管理范围，不予立案")


def test_handled_on_the_spot_goes_straight_to_verification(server, device_factory):
    worker, supervisor = _pair(device_factory)
    photos = (photos_on(worker, "before", (120, 60, 20))
              + photos_on(worker, "after", (20, 120, 60)))
    issue_id, _ = cases.report_issue(worker.store, worker.actor, issue_input(photos=photos),
                                     on_site=True)
    worker.sync()
    supervisor.sync()
    assert issue_on(supervisor, issue_id).status == caseflow.HANDLED_ON_SITE
    assert _queues(supervisor, issue_id) == {"to_verify"}
    _step(supervisor, issue_id, "request_verification")
    _pass_and_close(worker, supervisor, issue_id)
    for device in (worker, supervisor):
        assert issue_on(device, issue_id).status == caseflow.CLOSED
        assert [k for k, _, _ in _history(device, issue_id)] == [
            "report_on_site", "request_verification", "verify", "close"]


def test_a_dispatched_case_past_its_deadline_is_reported_overdue(server, device_factory):
    worker, supervisor = _pair(device_factory)
    issue_id, _ = cases.report_issue(worker.store, worker.actor, issue_input())
    _accept_and_dispatch(worker, supervisor, issue_id)
    supervisor.sync()
    worker.sync()
    deadline = issue_on(supervisor, issue_id).deadline_at
    assert deadline is not None and issue_on(worker, issue_id).deadline_at == deadline
    overdue = IssueFilter(grid_ids=supervisor.actor.grid_ids, overdue_only=True)
    moments = {"now": utcnow(), "soon": deadline - timedelta(minutes=20),
               "late": deadline + timedelta(minutes=1)}  # exposed garbage: 2 hours
    listed = {name: issue_id in issue_ids(supervisor.store, overdue, now)
              for name, now in moments.items()}
    assert listed == {"now": False, "soon": False, "late": True}
    assert queue_ids(supervisor.store, "overdue", now=moments["late"]) == [issue_id]
    for device in (worker, supervisor):
        states = {name: issue_rows(device.store, [issue_id], now)[issue_id]["deadline_state"]
                  for name, now in moments.items()}
        assert states == {"now": "on_time", "soon": "due_soon", "late": "overdue"}

    # Handled and sent for verification, still overdue: the worker's task is red too.
    _step(supervisor, issue_id, "feedback")
    _step(supervisor, issue_id, "request_verification")
    supervisor.sync()
    worker.sync()
    (task,) = task_ids(worker.store, worker.username)
    rows = task_rows(worker.store, [task], moments["late"])
    assert rows[task]["case_deadline_state"] == "overdue"


def test_a_stale_close_after_a_rework_is_refused_by_the_server(server, device_factory):
    """A second office laptop that missed the rework still holds the old pass; the server
    judges the close by the current round of verification and refuses it."""
    worker, supervisor = _pair(device_factory)
    stale = device_factory("jdy1")
    issue_id, _ = cases.report_issue(worker.store, worker.actor, issue_input())
    _accept_and_dispatch(worker, supervisor, issue_id)
    _step(supervisor, issue_id, "feedback", reason="已清运")
    _step(supervisor, issue_id, "request_verification")
    supervisor.sync()
    _verify_on_site(worker, "passed", (40, 200, 40))
    supervisor.sync()
    stale.sync()

    _step(supervisor, issue_id, "rework", reason="处置不彻底")
    _step(supervisor, issue_id, "feedback", reason="已再次清运")
    _step(supervisor, issue_id, "request_verification")
    supervisor.sync()
    _step(stale, issue_id, "close")  # allowed on the stale laptop: it saw a pass
    stale.sync()
    assert ("close", "rejected") in [(k, s) for k, s, _ in _history(stale, issue_id)]
    assert issue_on(stale, issue_id).status == caseflow.VERIFYING
