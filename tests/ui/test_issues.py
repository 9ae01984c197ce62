"""The issues page driven as a grid worker would: report with photos, fix a refused form,
handle on the spot, filter the list, open a case and take a step from it."""

from __future__ import annotations

import pytest
from chinese_input import type_chinese
from photofiles import make_photo
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel
from sqlalchemy import func, select
from uikit import wait_idle

from inspector.models import Issue, IssueAction, PhotoLink
from ui.issues import report_form
from ui.issues.deadline_style import OVERDUE_COLOR
from ui.lazymodel import ID_ROLE
from ui.widgets import photo_strip
from ui.widgets.photo_strip import StoredPhotos


@pytest.fixture
def page(qtbot, window, ctx):
    page = window.open_page("issues")
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 0, timeout=10_000)
    wait_idle(qtbot, ctx)
    return page


def _issue_count(ctx) -> int:
    with ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(Issue))


def _texts(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _wait_rows(qtbot, model) -> None:
    qtbot.waitUntil(lambda: all(model.index(r, 0).data() != "…"
                                for r in range(model.rowCount())), timeout=10_000)


def _fill_report(qtbot, form, title="井盖缺失很危险") -> None:
    type_chinese(form.category.filter, "井盖缺失")  # one subclass left: chosen by itself
    assert form.category.code() == "manhole_cover_missing"
    if title:
        type_chinese(form.title_edit, title)
    type_chinese(form.description, "人行道上的井盖不见了，有人差点掉下去")
    type_chinese(form.address, "幸福路12号门口")


def _add_photos(qtbot, strip, paths, monkeypatch) -> None:
    monkeypatch.setattr(photo_strip, "choose_files", lambda parent: paths)
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not strip.busy() and len(strip.photos()) == len(paths),
                    timeout=10_000)


def test_report_an_issue_with_two_photos(qtbot, page, ctx, tmp_path, monkeypatch):
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.form
    assert page.stack.currentWidget() is form
    _fill_report(qtbot, form)
    assert form.triage.currentData() == "key"  # the category's default triage
    _add_photos(qtbot, form.photos, [
        make_photo(tmp_path, "cover.jpg", "gray", taken="2024:05:06 07:08:09"),
        make_photo(tmp_path, "street.jpg", "navy")], monkeypatch)
    assert sorted(form.photos.captions()) == ["2024-05-06 07:08", "no time"]
    before = _issue_count(ctx)

    qtbot.keyClick(form.address, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.list, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert _issue_count(ctx) == before + 1
    model = page.list.model
    _wait_rows(qtbot, model)
    assert "井盖缺失很危险" in _texts(model, 1)
    selected = page.list.table.selectionModel().selectedRows()
    assert [model.index(i.row(), 1).data() for i in selected] == ["井盖缺失很危险"]
    new_id = selected[0].data(ID_ROLE)
    with ctx.store.read() as s:
        stages = s.scalars(select(PhotoLink.stage).where(PhotoLink.record_id == new_id)).all()
        issue = s.get(Issue, new_id)
        assert (issue.status, issue.reporter) == ("reported", "wgy01")
    assert stages == ["report", "report"]
    assert form.title_edit.text() == "" and form.photos.photos() == ()  # ready for the next


def test_missing_title_is_shown_under_the_field_and_nothing_is_lost(qtbot, page, ctx,
                                                                    tmp_path, monkeypatch):
    page.new_report()
    form = page.form
    _fill_report(qtbot, form, title="")
    _add_photos(qtbot, form.photos, [make_photo(tmp_path, "a.jpg", "red")], monkeypatch)
    before = _issue_count(ctx)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.fields.error_text("title") != "", timeout=10_000)
    assert "必填" in form.fields.error_text("title")
    assert form.fields.error_text("address") == ""
    assert form.title_edit.hasFocus() or not form.isActiveWindow()
    assert page.stack.currentWidget() is form
    assert form.category.code() == "manhole_cover_missing"
    assert form.address.text() == "幸福路12号门口"
    assert "井盖不见了" in form.description.toPlainText()
    assert len(form.photos.photos()) == 1
    assert _issue_count(ctx) == before

    type_chinese(form.title_edit, "井盖缺失")  # one fix, then it goes through
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.list, timeout=10_000)
    assert _issue_count(ctx) == before + 1


def test_handled_on_the_spot_needs_the_after_photo(qtbot, page, ctx, tmp_path, monkeypatch):
    page.new_report()
    form = page.form
    _fill_report(qtbot, form)
    form.on_site.setFocus()
    qtbot.keyClick(form.on_site, Qt.Key.Key_Space)
    assert form.on_site_box.isVisible()
    _add_photos(qtbot, form.before, [make_photo(tmp_path, "before.jpg", "brown")], monkeypatch)
    before = _issue_count(ctx)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.summary.isVisible(), timeout=10_000)
    assert "处置后" in form.summary.text()  # "the after photo is missing"
    assert _issue_count(ctx) == before
    assert form.title_edit.text() == "井盖缺失很危险"

    _add_photos(qtbot, form.after, [make_photo(tmp_path, "after.jpg", "white")], monkeypatch)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.list, timeout=10_000)
    with ctx.store.read() as s:
        issue = s.scalars(select(Issue).where(Issue.title == "井盖缺失很危险")).one()
        stages = sorted(s.scalars(select(PhotoLink.stage)
                                  .where(PhotoLink.record_id == issue.id)).all())
        assert issue.status == "handled_on_site"
    assert stages == ["after", "before"]


def test_urgent_severity_says_it_goes_first(qtbot, page):
    page.new_report()
    form = page.form
    assert not form.urgent_note.isVisible()
    form.severity.setCurrentIndex(form.severity.findData("major"))
    assert form.urgent_note.isVisible()
    assert "sent first" in form.urgent_note.text()


def test_category_tree_narrows_as_you_type(qtbot, page):
    page.new_report()
    tree = page.form.category
    everything = len(tree.visible_codes())
    type_chinese(tree.filter, "井盖")
    assert set(tree.visible_codes()) == {"manhole_cover_missing", "manhole_cover_damaged"}
    assert tree.code() == ""  # two left: the user picks
    tree.filter.clear()
    assert len(tree.visible_codes()) == everything


def test_pick_on_map_fills_the_point(qtbot, page, monkeypatch):
    class FakeDialog(QObject):
        picked = Signal(float, float)

    dialog = FakeDialog()
    asked = []
    monkeypatch.setattr(report_form, "open_point_picker",
                        lambda ctx, grid_id, parent: asked.append(grid_id) or dialog)
    page.new_report()
    qtbot.waitUntil(lambda: page.form.grid.count() == 1, timeout=10_000)
    qtbot.mouseClick(page.form.pick_button, Qt.MouseButton.LeftButton)
    assert asked == [page.ctx.actor.grid_ids[0]]
    dialog.picked.emit(30.25, 120.125)
    assert page.form.point_label.text() == "30.250000, 120.125000"
    assert page.form.collected().lat == 30.25


def test_list_filters(qtbot, page, ctx):
    lst, model = page.list, page.list.model
    everything = model.rowCount()
    with qtbot.waitSignal(lst.loaded):
        lst.status.setCurrentIndex(lst.status.findData("closed"))
    _wait_rows(qtbot, model)
    assert 0 < model.rowCount() < everything
    assert set(_texts(model, 4)) == {"Closed"}

    with qtbot.waitSignal(lst.loaded):
        lst.status.setCurrentIndex(0)
    with qtbot.waitSignal(lst.loaded):
        qtbot.mouseClick(lst.overdue, Qt.MouseButton.LeftButton)
    _wait_rows(qtbot, model)
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        index = model.index(row, 4)
        assert "overdue" in index.data()
        assert index.data(Qt.ItemDataRole.ForegroundRole).name() == OVERDUE_COLOR

    with qtbot.waitSignal(lst.loaded):
        qtbot.mouseClick(lst.overdue, Qt.MouseButton.LeftButton)
    _wait_rows(qtbot, model)
    title = model.index(0, 1).data()
    with qtbot.waitSignal(lst.loaded, timeout=5_000):
        type_chinese(lst.search, title)
    _wait_rows(qtbot, model)
    assert title in _texts(model, 1) and model.rowCount() < everything

    lst.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == everything, timeout=5_000)
    with qtbot.waitSignal(lst.loaded):
        lst.severity.setCurrentIndex(lst.severity.findData("critical"))
    _wait_rows(qtbot, model)
    assert set(_texts(model, 3)) <= {"Extremely serious"}


def test_list_model_passes_the_model_tester(qtbot, page, qtmodeltester):
    _wait_rows(qtbot, page.list.model)
    qtmodeltester.check(page.list.model)


def test_enter_opens_the_detail_with_photos_and_history(qtbot, page, ctx):
    model, table = page.list.model, page.list.table
    _wait_rows(qtbot, model)
    with ctx.store.read() as s:  # a case that went through verification: photos of two stages
        verified = s.scalars(select(IssueAction.issue_id)
                             .where(IssueAction.kind == "verify",
                                    IssueAction.issue_id.in_([model.id_at(r) for r in
                                                              range(model.rowCount())]))).first()
        steps = s.scalar(select(func.count()).select_from(IssueAction)
                         .where(IssueAction.issue_id == verified))
    row = model.row_of(verified)
    table.setFocus()
    table.setCurrentIndex(model.index(row, 1))
    with qtbot.waitSignal(page.detail.loaded, timeout=10_000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.detail
    assert page.detail.heading.text().startswith(model.index(row, 1).data())
    assert len(page.detail.findChildren(QFrame, "timeline_entry")) == steps
    stages = {w.objectName() for w in page.detail.findChildren(StoredPhotos)}
    assert {"photos_report", "photos_verification"} <= stages


def test_worker_escalates_from_the_detail(qtbot, page, ctx):
    ctx.open_record.emit("issue", _open_case(ctx))
    qtbot.waitUntil(lambda: "escalate" in page.detail.action_buttons, timeout=10_000)
    assert set(page.detail.action_buttons) == {"escalate"}  # a worker may not accept or urge
    qtbot.mouseClick(page.detail.action_buttons["escalate"], Qt.MouseButton.LeftButton)
    panel = page.detail.panel
    assert panel.isVisible() and not panel.department.isVisible()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.message.text() != "", timeout=10_000)
    assert "原因" in panel.message.text()  # escalating needs a reason
    type_chinese(panel.reason, "涉及多个部门，需要街道协调")
    with qtbot.waitSignal(page.detail.loaded, timeout=10_000):
        qtbot.keyClick(panel.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not panel.isVisible()
    lines = [w.text() for w in page.detail.findChildren(QLabel, "timeline_line")]
    assert "Escalate" in lines[-1]


def _open_case(ctx) -> str:
    with ctx.store.read() as s:
        return s.scalars(select(Issue.id).where(Issue.status == "dispatched",
                                                Issue.grid_id.in_(ctx.actor.grid_ids))).first()
