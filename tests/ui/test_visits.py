"""Visits as community staff log them: the visit form from a household, and the visits page."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select
from uikit import wait_idle

from inspector.models import Household, PhotoLink, Resident, Visit, VisitNeed
from ui.dialogs.visit import open_visit
from ui.lazymodel import ID_ROLE

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def role() -> str:
    return "staff"


@pytest.fixture
def home(demo_store) -> tuple[str, str]:
    """A demo household that has residents, and the name of its first resident."""
    with demo_store.read() as session:
        household_id = session.scalars(
            select(Resident.household_id).where(Resident.household_id.is_not(None))
            .group_by(Resident.household_id).having(func.count() >= 2)
            .order_by(Resident.household_id).limit(1)).one()
        address = session.get(Household, household_id).address
    return household_id, address


def type_chinese(widget, text: str) -> None:
    """Type Chinese as an input method does: one committed string (QTest keys are ASCII only)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _photo(tmp_path) -> str:
    path = tmp_path / "doorway.jpg"
    Image.new("RGB", (800, 600), (120, 90, 60)).save(path, "JPEG")
    return str(path)


def _visits_of(store, household_id):
    with store.read() as session:
        return [(v.id, v.kind, v.satisfaction, list(v.people_met or []))
                for v in session.scalars(select(Visit).where(Visit.household_id == household_id))]


def _open(qtbot, ctx, household_id):
    dialog = open_visit(ctx, household_id, None)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10_000)
    return dialog


def test_visit_logged_from_a_household_in_a_few_keystrokes(qtbot, ctx, home, tmp_path):
    household_id, address = home
    before = len(_visits_of(ctx.store, household_id))
    dialog = _open(qtbot, ctx, household_id)
    assert dialog.heading.text() == address
    assert dialog.kind.currentText() == "Routine visit"  # the default kind: no key needed
    first_person_id, first_person = dialog.people[0]
    qtbot.keyClick(first_person, Qt.Key.Key_Space)  # one person met
    qtbot.keyClick(dialog, Qt.Key.Key_N, CTRL)  # a need row, its category focused
    need = dialog.need_rows[0]
    qtbot.keyClick(need.category, Qt.Key.Key_Down)  # second category: social affairs
    type_chinese(need.description, "想办理老年卡")
    qtbot.keyClick(dialog.satisfaction, Qt.Key.Key_Down)  # "Satisfied"
    dialog.photos.add_files([_photo(tmp_path)])
    qtbot.waitUntil(lambda: len(dialog.photos.photos()) == 1, timeout=10_000)
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    visit_id = saved.args[0]
    wait_idle(qtbot, ctx)
    visits = _visits_of(ctx.store, household_id)
    assert len(visits) == before + 1
    assert (visit_id, "routine", "satisfied", [first_person_id]) in visits
    with ctx.store.read() as session:
        needs = session.execute(select(VisitNeed.category, VisitNeed.description)
                                .where(VisitNeed.visit_id == visit_id)).all()
        photos = session.scalar(select(func.count()).select_from(PhotoLink).where(
            PhotoLink.record_id == visit_id, PhotoLink.stage == "visit"))
    assert [tuple(n) for n in needs] == [("social_affairs", "想办理老年卡")]
    assert photos == 1


def test_a_blank_need_is_refused_next_to_its_row_and_nothing_is_saved(qtbot, ctx, home):
    household_id, _ = home
    before = _visits_of(ctx.store, household_id)
    dialog = _open(qtbot, ctx, household_id)
    dialog.add_need_button.click()
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    row = dialog.need_rows[0]
    qtbot.waitUntil(lambda: not row.error.isHidden(), timeout=10_000)
    assert row.error.text() == "必填"
    assert _visits_of(ctx.store, household_id) == before
    type_chinese(row.description, "路灯不亮")  # fixing it is typing the text, then saving
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert len(_visits_of(ctx.store, household_id)) == len(before) + 1


def test_escape_asks_before_discarding_what_was_typed(qtbot, ctx, home):
    household_id, _ = home
    before = _visits_of(ctx.store, household_id)
    dialog = _open(qtbot, ctx, household_id)
    type_chinese(dialog.notes, "家中无人应答")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.confirm is not None
    keep = next(b for b in dialog.confirm.buttons()
                if dialog.confirm.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    keep.click()
    assert dialog.isVisible() and dialog.notes.toPlainText() == "家中无人应答"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    discard = next(b for b in dialog.confirm.buttons()
                   if dialog.confirm.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    discard.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _visits_of(ctx.store, household_id) == before


def test_escape_on_an_untouched_form_closes_it_at_once(qtbot, ctx, home):
    dialog = _open(qtbot, ctx, home[0])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


# -- the visits page -------------------------------------------------------------


def _rows(qtbot, model):
    """Wait until every row on screen has arrived; return their texts."""
    def texts():
        return [[model.index(r, c).data() for c in range(model.columnCount())]
                for r in range(model.rowCount())]
    qtbot.waitUntil(lambda: all("…" not in row for row in texts()), timeout=10_000)
    return texts()


def test_plan_from_households_not_visited_then_log_a_visit(qtbot, window, ctx, tmp_path):
    page = window.open_page("visits")
    wait_idle(qtbot, ctx)
    history = _rows(qtbot, page.visits)
    assert history, "the demo district has visits"
    page.show_combo.setCurrentIndex(page.show_combo.findData(90))
    wait_idle(qtbot, ctx)
    due = page.households.rowCount()
    assert due > 0 and page.stack.currentWidget() is page.household_table
    assert page.count.text() == f"{due} household(s)"
    page.household_table.setFocus()
    qtbot.keyClick(page.household_table, Qt.Key.Key_Down)  # the first household of the list
    household_id = page.selected_household()
    address = page.households.cached(household_id)["address"]
    qtbot.keyClick(page, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.household_id == household_id
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10_000)
    if dialog.people:
        qtbot.keyClick(dialog.people[0][1], Qt.Key.Key_Space)
    qtbot.keyClick(dialog, Qt.Key.Key_N, CTRL)
    type_chinese(dialog.need_rows[0].description, "楼道堆放杂物")
    qtbot.keyClick(dialog.satisfaction, Qt.Key.Key_Down)
    dialog.photos.add_files([_photo(tmp_path)])
    qtbot.waitUntil(lambda: len(dialog.photos.photos()) == 1, timeout=10_000)
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    wait_idle(qtbot, ctx)
    assert page.households.row_of(household_id) is None  # visited now: off the to-do list
    assert page.households.rowCount() == due - 1
    page.show_combo.setCurrentIndex(0)
    wait_idle(qtbot, ctx)
    rows = _rows(qtbot, page.visits)
    assert page.visits.id_at(0) == saved.args[0]
    assert rows[0][1:5] == [address, "Routine visit", "1", "Satisfied"]
    page.visit_table.selectRow(0)
    qtbot.waitUntil(lambda: "楼道堆放杂物" in page.needs.text(), timeout=10_000)


def test_find_a_household_by_address_and_open_the_form_on_it(qtbot, window, ctx, home):
    household_id, address = home
    page = window.open_page("visits")
    wait_idle(qtbot, ctx)
    type_chinese(page.search, address)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert page.showing() == "found"
    row = page.households.row_of(household_id)
    assert row is not None
    page.household_table.selectRow(row)
    page.new_button.click()
    assert page.dialog.household_id == household_id
    page.dialog.close()


def test_kind_filter_and_the_no_selection_hint(qtbot, window, ctx):
    page = window.open_page("visits")
    wait_idle(qtbot, ctx)
    everything = page.visits.rowCount()
    page.kind.setCurrentIndex(page.kind.findData("follow_up"))
    wait_idle(qtbot, ctx)
    rows = _rows(qtbot, page.visits)
    assert 0 < len(rows) < everything
    assert {row[2] for row in rows} == {"Follow-up visit"}
    page.show_combo.setCurrentIndex(page.show_combo.findData(30))
    wait_idle(qtbot, ctx)
    assert not page.kind.isEnabled()
    with qtbot.waitSignal(ctx.notice) as notice:
        page.new_button.click()
    assert "find the household" in notice.args[0]
    assert page.dialog is None


def test_show_record_selects_the_visit(qtbot, window, ctx):
    page = window.open_page("visits")
    wait_idle(qtbot, ctx)
    wanted = page.visits.id_at(5)
    page.kind.setCurrentIndex(page.kind.findData("routine"))
    wait_idle(qtbot, ctx)
    ctx.open_record.emit("visit", wanted)
    wait_idle(qtbot, ctx)
    assert page.kind.currentData() is None
    assert page.visit_table.currentIndex().data(ID_ROLE) == wanted


def test_visit_models_pass_the_model_tester(qtbot, window, ctx, qtmodeltester):
    page = window.open_page("visits")
    wait_idle(qtbot, ctx)
    _rows(qtbot, page.visits)
    qtmodeltester.check(page.visits)
    page.show_combo.setCurrentIndex(page.show_combo.findData(30))
    wait_idle(qtbot, ctx)
    _rows(qtbot, page.households)
    qtmodeltester.check(page.households)
