"""The review inbox as the demo supervisor uses it: accept and reject new reports, dispatch
with the catalogue's department and deadline, and the queues following every write."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from chinese_input import type_chinese
from PySide6.QtCore import Qt
from sqlalchemy import select
from uikit import wait_idle

from inspector import caseflow
from inspector.catalogues import issue_subcategory
from inspector.deadlines import deadline_for, extended_deadline
from inspector.models import Issue, utcnow
from inspector.services.cases import take_action
from ui.issues.deadline_style import OVERDUE_COLOR


@pytest.fixture
def role() -> str:
    return "supervisor"


@pytest.fixture
def page(qtbot, window, ctx):
    page = window.open_page("inbox")
    qtbot.waitUntil(lambda: bool(page.queues.counts) and page.detail.detail is not None,
                    timeout=10_000)
    wait_idle(qtbot, ctx)
    return page


def _case_shown(qtbot, page):
    """The case on the right, once the detail of the selected row has arrived."""
    qtbot.waitUntil(lambda: page.detail.detail is not None
                    and page.detail.detail.id == page.model.id_at(
                        page.table.currentIndex().row()), timeout=10_000)
    return page.detail.detail


def _pick(qtbot, page, ctx, keys: str) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(page, keys, Qt.KeyboardModifier.AltModifier)
    wait_idle(qtbot, ctx)


def _save_step(qtbot, page, ctx) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(page.detail.panel.reason, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)


def _stored(ctx, issue_id):
    with ctx.store.read() as s:
        issue = s.get(Issue, issue_id)
        actions = [(a.kind, a.sync_state, a.reason) for a in issue.actions]
        return issue.status, issue.department, issue.deadline_at, actions


def test_accept_moves_a_report_to_the_servers_queue(qtbot, page, ctx):
    counts = dict(page.queues.counts)
    assert page.queues.queue() == "new" and counts["new"] == page.model.rowCount() > 0
    case = _case_shown(qtbot, page)
    assert case.status == caseflow.REPORTED
    qtbot.mouseClick(page.detail.action_buttons["accept"], Qt.MouseButton.LeftButton)
    assert page.detail.panel.isVisible()
    _save_step(qtbot, page, ctx)

    status, _, _, actions = _stored(ctx, case.id)
    assert status == caseflow.REPORTED and actions[-1][:2] == ("accept", "pending")
    assert page.queues.counts["new"] == counts["new"] - 1
    assert page.queues.counts["waiting"] == counts["waiting"] + 1
    assert page.model.row_of(case.id) is None
    assert page.queues.item(0).text().endswith(f"({counts['new'] - 1})")


def test_reject_needs_a_reason_and_then_leaves_the_queue(qtbot, page, ctx):
    counts = dict(page.queues.counts)
    case = _case_shown(qtbot, page)
    qtbot.mouseClick(page.detail.action_buttons["reject"], Qt.MouseButton.LeftButton)
    panel = page.detail.panel
    qtbot.keyClick(panel.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.message.text() != "", timeout=10_000)
    assert "原因" in panel.message.text()
    assert _stored(ctx, case.id)[0] == caseflow.REPORTED  # nothing saved

    type_chinese(panel.reason, "不属于网格事项")
    _save_step(qtbot, page, ctx)
    status, _, _, actions = _stored(ctx, case.id)
    assert status == caseflow.REJECTED and actions[-1] == ("reject", "pending", "不属于网格事项")
    assert page.queues.counts["new"] == counts["new"] - 1
    assert page.queues.counts["waiting"] == counts["waiting"]  # rejecting is not the server's
    assert page.model.row_of(case.id) is None


def test_dispatch_proposes_the_catalogue_department_and_deadline(qtbot, page, ctx):
    _pick(qtbot, page, ctx, "2")
    assert page.queues.queue() == "to_dispatch" and page.model.rowCount() > 0
    case = _case_shown(qtbot, page)
    before = utcnow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter: the step this queue waits for
    panel = page.detail.panel
    assert panel.isVisible() and panel.kind == "dispatch"
    department = issue_subcategory(case.category_code)["department"]
    assert panel.department.currentData() == department
    proposed = panel.deadline.dateTime().toPython().astimezone().astimezone(UTC)
    expected = deadline_for(case.category_code, case.severity, before)
    assert abs(proposed - expected) < timedelta(minutes=2)
    assert panel.limit_hint.text()

    counts = dict(page.queues.counts)
    _save_step(qtbot, page, ctx)
    status, stored_department, deadline, actions = _stored(ctx, case.id)
    assert status == caseflow.DISPATCHED and stored_department == department
    assert abs(deadline - expected) < timedelta(minutes=2)
    assert actions[-1][:2] == ("dispatch", "pending")
    assert page.queues.counts["to_dispatch"] == counts["to_dispatch"] - 1
    assert page.queues.counts["handling"] == counts["handling"] + 1


def test_overdue_cases_are_red_and_most_overdue_first(qtbot, page, ctx):
    _pick(qtbot, page, ctx, "0")
    assert page.queues.queue() == "overdue" and page.model.rowCount() > 1
    model = page.model
    qtbot.waitUntil(lambda: all(model.index(r, 0).data() != "…"
                                for r in range(model.rowCount())), timeout=10_000)
    for row in range(model.rowCount()):
        assert model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole).name() == OVERDUE_COLOR
    with ctx.store.read() as s:
        deadlines = [s.get(Issue, model.id_at(r)).deadline_at for r in range(model.rowCount())]
    assert deadlines == sorted(deadlines)
    case = _case_shown(qtbot, page)
    assert case.deadline_state == "overdue"
    assert OVERDUE_COLOR in page.detail.state.styleSheet()


def test_dispatch_of_a_category_the_catalogue_no_longer_has(qtbot, page, ctx):
    with ctx.store.write() as s:
        accepted = s.scalars(select(Issue).where(Issue.status == caseflow.ACCEPTED)).first()
        accepted.category_code = "retired_subclass"
    _pick(qtbot, page, ctx, "2")
    page.table.selectRow(page.model.row_of(accepted.id))
    _case_shown(qtbot, page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    panel = page.detail.panel
    assert panel.isVisible() and panel.kind == "dispatch"
    assert "catalogue" in panel.limit_hint.text()
    proposed = panel.deadline.dateTime().toPython().astimezone().astimezone(UTC)
    assert proposed > utcnow()


def test_more_time_asked_is_listed_and_approval_proposes_a_deadline(qtbot, page, ctx):
    _pick(qtbot, page, ctx, "4")
    assert page.queues.queue() == "handling"
    case = _case_shown(qtbot, page)
    assert "approve_extension" not in page.detail.action_buttons  # nothing asked yet
    counts = dict(page.queues.counts)
    qtbot.mouseClick(page.detail.action_buttons["request_extension"], Qt.MouseButton.LeftButton)
    type_chinese(page.detail.panel.reason, "需要协调施工单位")
    _save_step(qtbot, page, ctx)
    assert page.queues.counts["extension"] == counts["extension"] + 1

    _pick(qtbot, page, ctx, "3")
    assert page.queues.queue() == "extension" and page.model.row_of(case.id) is not None
    page.table.selectRow(page.model.row_of(case.id))
    case = _case_shown(qtbot, page)
    assert "需要协调施工单位" in page.detail.state.text()
    assert "request_extension" not in page.detail.action_buttons  # asked once is enough
    before = utcnow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    panel = page.detail.panel
    assert panel.kind == "approve_extension"
    proposed = panel.deadline.dateTime().toPython().astimezone().astimezone(UTC)
    expected = extended_deadline(case.category_code, case.severity, case.deadline_at, before)
    assert abs(proposed - expected) < timedelta(minutes=2)
    _save_step(qtbot, page, ctx)
    assert page.queues.counts["extension"] == counts["extension"]
    assert abs(_stored(ctx, case.id)[2] - expected) < timedelta(minutes=2)


def test_the_queues_follow_a_write_made_elsewhere(qtbot, page, ctx):
    """A step any page takes through the context updates the inbox's counts."""
    counts = dict(page.queues.counts)
    with ctx.store.read() as s:
        accepted = s.scalars(select(Issue.id).where(Issue.status == caseflow.ACCEPTED)).first()
    req = caseflow.ActionRequest("dispatch", "supervisor", department="sanitation",
                                 deadline_at=utcnow() + timedelta(days=1))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        ctx.write(lambda store, actor: take_action(store, actor, accepted, req), lambda _: None)
    wait_idle(qtbot, ctx)
    assert page.queues.counts["to_dispatch"] == counts["to_dispatch"] - 1
    assert page.queues.counts["handling"] == counts["handling"] + 1
