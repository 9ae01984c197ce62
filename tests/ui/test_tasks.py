"""The tasks inbox as grid worker wgy01 uses it: find the verification task, do it on site."""

from __future__ import annotations

import pytest
from chinese_input import type_chinese
from photofiles import make_photo
from PySide6.QtCore import Qt
from sqlalchemy import select
from uikit import wait_idle

from inspector.models import Issue, IssueAction, PhotoLink, Task
from ui.widgets import photo_strip


@pytest.fixture
def open_task(ctx) -> str:
    """wgy01's open verification task in the demo data."""
    with ctx.store.read() as s:
        task_id = s.scalars(select(Task.id).where(Task.assignee == "wgy01",
                                                  Task.status == "open")).first()
    assert task_id is not None, "the demo gives wgy01 a verification task"
    return task_id


@pytest.fixture
def page(qtbot, window, ctx, open_task):
    page = window.open_page("tasks")
    qtbot.waitUntil(lambda: page.task is not None and page.task.id == open_task,
                    timeout=10_000)
    wait_idle(qtbot, ctx)
    return page


def _rows(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_the_inbox_shows_the_open_task_with_its_case(qtbot, page, ctx, open_task):
    assert page.model.rowCount() == 1
    qtbot.waitUntil(lambda: _rows(page.model)[0][0] != "…", timeout=10_000)
    title, kind, _address, _due, state = _rows(page.model)[0]
    assert title.startswith("核查") and kind == "Verify a case" and state == "To do"
    qtbot.waitUntil(lambda: page.case.detail is not None, timeout=10_000)
    assert page.case.detail.status == "verifying"
    assert page.case.action_buttons == {}  # the inbox shows the case; steps are taken elsewhere
    assert page.verify.isVisible()


def test_verification_with_a_photo_closes_the_task(qtbot, page, ctx, open_task, tmp_path,
                                                    monkeypatch):
    form = page.verify
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)  # nothing chosen yet
    qtbot.waitUntil(lambda: form.message.text() != "", timeout=10_000)
    assert "结果" in form.message.text()

    form.passed.setFocus()
    qtbot.keyClick(form.passed, Qt.Key.Key_Space)
    assert form.chosen_outcome() == "passed"
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)  # no photo yet
    qtbot.waitUntil(lambda: "核查" in form.message.text(), timeout=10_000)
    with ctx.store.read() as s:
        assert s.get(Task, open_task).status == "open"

    type_chinese(form.note, "垃圾已清理干净")
    monkeypatch.setattr(photo_strip, "choose_files", lambda parent: [
        make_photo(tmp_path, "clean.jpg", "green", taken="2024:06:01 09:30:00")])
    qtbot.mouseClick(form.photos.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(form.photos.photos()) == 1, timeout=10_000)
    assert form.photos.captions() == ["2024-06-01 09:30"]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(form.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)

    with ctx.store.read() as s:
        task = s.get(Task, open_task)
        assert (task.status, task.result) == ("done", "passed")
        verify = s.scalars(select(IssueAction).where(IssueAction.issue_id == task.issue_id,
                                                     IssueAction.kind == "verify")
                           .order_by(IssueAction.seq.desc())).first()
        assert (verify.outcome, verify.reason, verify.actor) == ("passed", "垃圾已清理干净",
                                                                "wgy01")
        stages = s.scalars(select(PhotoLink.stage).where(
            PhotoLink.record_id == task.issue_id, PhotoLink.stage == "verification")).all()
        assert len(stages) >= 1
    assert page.model.rowCount() == 0  # done tasks leave the inbox…
    assert "Done" in page.state.text() and not page.verify.isVisible()
    with qtbot.waitSignal(page.model.rows_arrived, timeout=10_000):
        page.show_done.setChecked(True)  # …and come back with the filter
        page.model.index(0, 0).data()
    assert _rows(page.model)[0][4] == "Done: Passed"


def test_show_record_opens_a_task_and_the_case_button_opens_the_issue(qtbot, window, page,
                                                                      ctx, open_task):
    ctx.open_record.emit("task", open_task)
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.open_case.isVisible(), timeout=10_000)
    qtbot.mouseClick(page.open_case, Qt.MouseButton.LeftButton)
    issues = window.page("issues")
    assert window.stack.currentWidget() is issues
    qtbot.waitUntil(lambda: issues.detail.detail is not None, timeout=10_000)
    assert issues.detail.detail.id == page.task.issue.id


def test_task_model_passes_the_model_tester(qtbot, page, ctx, qtmodeltester):
    page.show_done.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1, timeout=10_000)
    qtmodeltester.check(page.model)
    wait_idle(qtbot, ctx)


def test_a_task_made_through_the_services_appears(qtbot, page, ctx):
    """A new verification task for wgy01 (supervisor asks, the loop assigns the reporter)."""
    from inspector.caseflow import ActionRequest
    from inspector.services.cases import take_action
    from inspector.services.recording import Actor

    with ctx.store.write() as s:
        issue = s.scalars(select(Issue).where(Issue.reporter == "wgy01",
                                              Issue.status == "dispatched")).first()
        issue.status = "handled"  # as the server's feedback step would leave it
        issue_id = issue.id
    supervisor = Actor("demo.supervisor", "supervisor", "test-device")
    changes = take_action(ctx.store, supervisor, issue_id,
                          ActionRequest("request_verification", "supervisor"))
    with qtbot.waitSignal(page.model.modelReset, timeout=10_000):
        ctx.changed.emit(changes)
    assert page.model.rowCount() == 2
    wait_idle(qtbot, ctx)
