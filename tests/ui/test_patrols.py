"""Patrols as a grid worker does them: start, check items, report a problem, finish."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from uikit import wait_idle

from inspector.models import Issue, Patrol, PatrolItem, PhotoLink
from ui.lazymodel import ID_ROLE
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def type_chinese(widget, text: str) -> None:
    """Type Chinese as an input method does: one committed string (QTest keys are ASCII only)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _start(qtbot, window, ctx):
    page = window.open_page("patrols")
    wait_idle(qtbot, ctx)
    assert page.current.currentIndex() == 0  # nothing under way: the start panel
    qtbot.keyClick(page, Qt.Key.Key_P, CTRL)
    wait_idle(qtbot, ctx)
    assert page.current.currentIndex() == 1 and page.patrol is not None
    return page


def _open_patrols(store, worker):
    with store.read() as session:
        return list(session.scalars(select(Patrol.id).where(Patrol.worker == worker,
                                                            Patrol.ended_at.is_(None))))


def test_start_check_three_items_report_a_problem_and_finish(qtbot, window, ctx, tmp_path):
    page = window.open_page("patrols")
    wait_idle(qtbot, ctx)
    assert page.grid.isHidden() and page.grid_name.text()  # one grid: no question asked
    assert page.slot.text() in {"Morning", "Midday", "Evening"}
    page = _start(qtbot, window, ctx)
    assert page.grid_name.text() in page.header.text()

    qtbot.mouseClick(page.rows["order_parking"].buttons["ok"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    fire = page.rows["fire_gas"]
    type_chinese(fire.note, "本楼无燃气")
    qtbot.mouseClick(fire.buttons["not_applicable"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert page.progress.text() == "2 item(s) checked"

    lights = page.rows["facility_lights"]
    qtbot.mouseClick(lights.buttons["problem"], Qt.MouseButton.LeftButton)
    form = lights.finding_form
    assert form is not None and "路灯" in form.category.text()  # the item's default category
    qtbot.waitUntil(lambda: form.report_button.height() > 0)  # the form has unfolded
    qtbot.mouseClick(form.report_button, Qt.MouseButton.LeftButton)  # nothing typed yet
    qtbot.waitUntil(lambda: form.fields.error_text("description") != "", timeout=10_000)
    assert lights.result is None
    type_chinese(form.description, "路灯整排不亮")
    type_chinese(form.address, "幸福路与光明街交叉口")
    photo = tmp_path / "lamp.jpg"
    Image.new("RGB", (640, 480), (20, 20, 60)).save(photo, "JPEG")
    form.photos.add_files([str(photo)])
    qtbot.waitUntil(lambda: len(form.photos.photos()) == 1, timeout=10_000)
    with qtbot.waitSignal(ctx.notice, timeout=10_000) as notice:
        qtbot.mouseClick(form.report_button, Qt.MouseButton.LeftButton)
    assert notice.args[0] == "Problem reported as a case."
    wait_idle(qtbot, ctx)
    assert lights.result == "problem" and "a case was reported" in lights.status.text()
    assert lights.finding_form is None
    patrol_id = page.patrol.id
    with ctx.store.read() as session:
        issue = session.scalars(select(Issue).where(Issue.patrol_id == patrol_id)).one()
        assert (issue.category_code, issue.source, issue.status) == (
            "street_light_out", "patrol", "reported")
        assert session.scalars(select(PhotoLink.stage).where(
            PhotoLink.record_id == issue.id)).all() == ["report"]
        items = session.execute(select(PatrolItem.item_code, PatrolItem.result,
                                       PatrolItem.issue_id)
                                .where(PatrolItem.patrol_id == patrol_id)
                                .order_by(PatrolItem.position)).all()
    assert [tuple(i) for i in items] == [("order_parking", "ok", None),
                                         ("fire_gas", "not_applicable", None),
                                         ("facility_lights", "problem", issue.id)]

    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert page.current.currentIndex() == 0 and page.tabs.currentIndex() == 1
    assert _open_patrols(ctx.store, ctx.actor.username) == []
    row = page.history.row_of(patrol_id)
    assert row == 0  # newest first
    page.history.index(0, 0).data()  # the row is on screen: its block is fetched
    qtbot.waitUntil(lambda: page.history.cached(patrol_id) is not None, timeout=10_000)
    cells = [page.history.index(0, c).data() for c in range(page.history.columnCount())]
    assert cells[3:6] == ["3", "1", "1"] and cells[6].startswith("Finished")
    assert page.history_table.currentIndex().data(ID_ROLE) == patrol_id
    qtbot.waitUntil(lambda: "路灯正常亮灯" in page.items.text(), timeout=10_000)
    assert "case reported" in page.items.text() and "本楼无燃气" in page.items.text()


def test_finishing_with_nothing_checked_is_refused(qtbot, window, ctx):
    page = _start(qtbot, window, ctx)
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert page.refusal.isVisible()
    assert "巡而不查" in page.refusal.text()
    assert page.current.currentIndex() == 1  # still on patrol
    assert _open_patrols(ctx.store, ctx.actor.username) == [page.patrol.id]


def test_an_unfinished_patrol_survives_a_restart(qtbot, window, ctx):
    page = _start(qtbot, window, ctx)
    qtbot.mouseClick(page.rows["order_vendors"].buttons["fixed_on_site"],
                     Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    patrol_id = page.patrol.id
    window.close()
    again = MainWindow(ctx)  # the app started again on the same profile
    qtbot.addWidget(again)
    resumed = again.open_page("patrols")
    wait_idle(qtbot, ctx)
    assert resumed.current.currentIndex() == 1 and resumed.patrol.id == patrol_id
    assert resumed.rows["order_vendors"].result == "fixed_on_site"
    assert resumed.rows["order_vendors"].buttons["fixed_on_site"].isChecked()
    assert resumed.progress.text() == "1 item(s) checked"


def test_a_recorded_item_cannot_be_recorded_twice(qtbot, window, ctx):
    page = _start(qtbot, window, ctx)
    row = page.rows["order_garbage"]
    qtbot.mouseClick(row.buttons["ok"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    qtbot.mouseClick(row.buttons["not_applicable"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert row.buttons["ok"].isChecked() and not row.buttons["not_applicable"].isChecked()
    with ctx.store.read() as session:
        assert session.scalars(select(PatrolItem.result).where(
            PatrolItem.patrol_id == page.patrol.id)).all() == ["ok"]


def test_history_model_passes_the_model_tester(qtbot, window, ctx, qtmodeltester):
    page = window.open_page("patrols")
    wait_idle(qtbot, ctx)
    assert page.history.rowCount() > 0  # the demo worker's past patrols
    for r in range(page.history.rowCount()):
        page.history.index(r, 0).data()
    wait_idle(qtbot, ctx)
    qtmodeltester.check(page.history)


@pytest.mark.parametrize("role", ["staff"])
def test_with_several_grids_the_grid_is_asked(qtbot, window, ctx):
    page = window.open_page("patrols")
    wait_idle(qtbot, ctx)
    assert not page.grid.isHidden() and page.grid.count() == len(ctx.actor.grid_ids) > 1
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_Down)
    chosen = page.grid.currentData()
    qtbot.mouseClick(page.kind_buttons["irregular"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    with ctx.store.read() as session:
        patrol = session.get(Patrol, page.patrol.id)
        assert (patrol.grid_id, patrol.kind) == (chosen, "irregular")
    assert page.grid.currentText() in page.header.text()
