"""The case loop across devices: the server numbers cases, applies 立案 and 结案, orders
actions as it receives them and sends refused ones back with the reason."""

from __future__ import annotations

from sqlalchemy import select
from synckit import issue_input, issue_on
from testkit import jpeg_bytes

from inspector import caseflow
from inspector.models import Issue, IssueAction, PhotoLink, SyncProblem
from inspector.photos import PhotoStore
from inspector.services import cases
from inspector.services.attachments import import_photos


def test_report_with_photos_is_numbered_by_the_server(server, device_factory) -> None:
    worker = device_factory("wgy1")
    worker.sync()
    photos = tuple(import_photos(PhotoStore(worker.store.photo_dir),
                                 [(jpeg_bytes((200, 40, 40)), "report"),
                                  (jpeg_bytes((40, 200, 40)), "report")]))
    issue_id, _ = cases.report_issue(worker.store, worker.actor, issue_input(photos=photos))
    report = worker.sync()
    assert report.photos.uploaded == 2 and report.pending_after == 0
    with server.db.session() as s:
        issue = s.get(Issue, issue_id)
        action = s.scalars(select(IssueAction).where(IssueAction.issue_id == issue_id)).one()
        links = s.scalars(select(PhotoLink).where(PhotoLink.record_id == issue_id)).all()
        assert issue.status == caseflow.REPORTED and issue.reporter == "wgy1"
        assert issue.reported_at == action.at
        assert issue.number.startswith(f"G01-{action.at:%Y%m%d}-")
        assert len(links) == 2
    # The number comes back to the reporter's device.
    assert issue_on(worker, issue_id).number == issue.number


def test_server_side_steps_apply_after_sync(server, device_factory) -> None:
    worker, supervisor = device_factory("wgy1"), device_factory("jdy1")
    worker.sync()
    issue_id, _ = cases.report_issue(worker.store, worker.actor, issue_input())
    worker.sync()
    supervisor.sync()
    cases.take_action(supervisor.store, supervisor.actor, issue_id,
                      caseflow.ActionRequest("accept", "supervisor"))
    # 立案 is the server's to apply: requested locally, unchanged until confirmed.
    assert issue_on(supervisor, issue_id).status == caseflow.REPORTED
    supervisor.sync()
    assert issue_on(supervisor, issue_id).status == caseflow.ACCEPTED
    worker.sync()
    assert issue_on(worker, issue_id).status == caseflow.ACCEPTED


def test_action_refused_in_server_order_goes_back_with_its_reason(server, device_factory):
    worker = device_factory("wgy1")
    desk, laptop = device_factory("jdy1"), device_factory("jdy1")
    worker.sync()
    issue_id, _ = cases.report_issue(worker.store, worker.actor, issue_input())
    worker.sync()
    desk.sync()
    laptop.sync()
    # Both of the supervisor's machines act on the same report while offline.
    cases.take_action(desk.store, desk.actor, issue_id,
                      caseflow.ActionRequest("reject", "supervisor", reason="不属于受理范围"))
    cases.take_action(laptop.store, laptop.actor, issue_id,
                      caseflow.ActionRequest("accept", "supervisor"))
    desk.sync()
    report = laptop.sync()
    assert report.pushed.rejected == 1
    with laptop.store.read() as s:
        action = s.scalars(select(IssueAction).where(IssueAction.kind == "accept")).one()
        problem = s.scalars(select(SyncProblem)).one()
    assert action.sync_state == "rejected" and "不予立案" in action.rejected_reason
    assert problem.reason == action.rejected_reason
    assert issue_on(laptop, issue_id).status == caseflow.REJECTED
    with server.db.session() as s:
        states = sorted((a.kind, a.sync_state) for a in s.scalars(select(IssueAction)))
    assert states == [("accept", "rejected"), ("reject", "accepted"), ("report", "accepted")]


def test_urgent_reports_go_first(server, device_factory) -> None:
    worker = device_factory("wgy1")
    worker.sync()
    for n in range(5):
        cases.report_issue(worker.store, worker.actor, issue_input(title=f"一般问题{n}"))
    urgent_id, _ = cases.report_issue(worker.store, worker.actor,
                                      issue_input(title="燃气泄漏", severity="major"))
    sent: list[list[str]] = []
    original = worker.transport.json

    def spy(method, path, **kwargs):
        if path == "/sync/push":
            sent.append([(c["entity"], c["payload"].get("issue_id", c["record_id"]))
                         for c in kwargs["json"]["changes"]])
        return original(method, path, **kwargs)

    worker.transport.json = spy
    worker.engine.batch_count = 2
    worker.sync()
    # The urgent case and its report action, before all the others.
    assert sent[0] == [("issue", urgent_id), ("issue_action", urgent_id)]
    assert issue_on(worker, urgent_id).number is not None
