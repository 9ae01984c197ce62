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
