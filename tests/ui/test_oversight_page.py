"""The Data quality page as a supervisor uses it, against a real server on a real port.

Two field devices (real stores and sync engines) make a conflict; the supervisor's app
(a real profile bound to jdy1) logs in from the page's own box, picks "another value"
in the side-by-side sheet, types it and presses Resolve; the server and the field
devices end with that value. Offline, the page says so and keeps working.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from chinese_input import type_chinese
from PySide6.QtCore import QPoint, Qt

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))  # the sync tests' server kit
from synckit import PASSWORD, grid_id, make_device  # noqa: E402
from testkit import household_data, make_id, resident_data  # noqa: E402

from inspector.models import Household, LocalProfile  # noqa: E402
from inspector.services import register  # noqa: E402
from ui.context import AppContext, who_of  # noqa: E402
from ui.pages.oversight import OversightPage  # noqa: E402

RESOLVED = "独居老人，女儿每周探望"


@pytest.fixture
def role() -> str:
    return "supervisor"


@pytest.fixture
def field(tmp_path, server):
    """The worker and the staff member of G01, each with a laptop, changing the notes and
    the phone of one household: two conflicts on one record."""
    worker = make_device(tmp_path / "field", server.url, "wgy1")
    staff = make_device(tmp_path / "field", server.url, "sqgz1")
    worker.sync()
    hh, _ = register.add_household(worker.store, worker.actor,
                                   household_data(grid_id("G01"), notes="初始"))
    worker.sync()
    staff.sync()
    register.edit_household(worker.store, worker.actor, hh,
                            {"notes": "甲：独居老人", "phone": "13800000001"})
    register.edit_household(staff.store, staff.actor, hh,
                            {"notes": "乙：子女同住", "phone": "13800000002"})
    worker.sync()
    staff.sync()
    yield worker, staff, hh
    worker.close()
    staff.close()


@pytest.fixture
def ctx(qtbot, tmp_path, server, role):
    """The supervisor's app: a profile bound to jdy1 on this server, not yet logged in."""
    device = make_device(tmp_path / "office", server.url, "jdy1")
    device.transport.close()
    with device.store.read() as s:
        who = who_of(s.get(LocalProfile, 1))
    assert who.actor.role == role
    context = AppContext(device.store, who)
    yield context
    context.sync.cancel()
    context.drain()
    device.store.close()


@pytest.fixture
def page(qtbot, ctx):
    view = OversightPage(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    return view


def _household(device, hh) -> Household:
    with device.store.read() as s:
        return s.get(Household, hh)


def log_in_from_the_page(qtbot, page) -> None:
    page.activate()
    qtbot.waitUntil(lambda: page.notice.isVisible() and page.notice.password.isVisible(),
                    timeout=10_000)
    assert "password" in page.notice.message.text()
    qtbot.keyClicks(page.notice.password, PASSWORD)
    with qtbot.waitSignal(page.ctx.sync.logged_in, timeout=20_000):
        qtbot.mouseClick(page.notice.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.notice.isVisible(), timeout=5_000)


def test_a_supervisor_resolves_a_conflict_with_another_value(qtbot, page, field, server):
    worker, staff, hh = field
    log_in_from_the_page(qtbot, page)
    tab = page.conflicts
    qtbot.waitUntil(lambda: tab.records.count() == 1 and len(tab.sheet.rows) == 2,
                    timeout=20_000)
    assert "幸福路12号" in tab.records.item(0).text()
    rows = {r.conflict.field: r for r in tab.sheet.rows}
    notes, phone = rows["notes"], rows["phone"]
    assert (notes.device.text(), notes.server.text()) == ("乙：子女同住", "甲：独居老人")
    assert notes.server.isChecked() and phone.server.isChecked()
    # Another value: typing in its box chooses it. The phone: the device's value.
    notes.editor.widget.selectAll()
    type_chinese(notes.editor.widget, RESOLVED)
    assert notes.other.isChecked()
    # On the round indicator itself: a click beside a short (masked) text may miss it.
    qtbot.mouseClick(phone.device, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, phone.device.height() // 2))
    assert phone.device.isChecked()
    qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.records.count() == 0 and tab.empty.isVisible(),
                    timeout=20_000)
    assert tab.status.text().startswith("Resolved")
    with server.db.session() as s:
        assert (s.get(Household, hh).notes, s.get(Household, hh).phone) == (
            RESOLVED, "13800000002")
    for device in (worker, staff):
        device.sync()
        assert (_household(device, hh).notes, _household(device, hh).phone) == (
            RESOLVED, "13800000002")
    # This computer's own copy follows with the sync the page starts.
    qtbot.waitUntil(lambda: not page.ctx.sync.running, timeout=30_000)
    qtbot.waitUntil(lambda: (_household_in(page.ctx, hh) or "") == RESOLVED, timeout=30_000)


def _household_in(ctx, hh) -> str | None:
    with ctx.store.read() as s:
        h = s.get(Household, hh)
        return h.notes if h else None


def test_a_bad_value_is_said_and_nothing_changes(qtbot, page, field, server):
    _, _, hh = field
    log_in_from_the_page(qtbot, page)
    tab = page.conflicts
    qtbot.waitUntil(lambda: len(tab.sheet.rows) == 2, timeout=20_000)
    phone = next(r for r in tab.sheet.rows if r.conflict.field == "phone")
    phone.editor.widget.selectAll()
    qtbot.keyClicks(phone.editor.widget, "12345")
    qtbot.mouseClick(tab.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "phone" in tab.status.text(), timeout=20_000)
    assert "refused" in tab.status.text()
    with server.db.session() as s:
        assert s.get(Household, hh).phone == "13800000001"
    # What was chosen stays on screen to be corrected.
    assert phone.editor.widget.text() == "12345" and tab.records.count() == 1


def test_duplicates_and_register_changes_show_in_their_tabs(qtbot, page, field, server,
                                                           tmp_path):
    worker, _, hh = field
    other = make_device(tmp_path / "g02", server.url, "wgy2")
    other.sync()
    elsewhere, _ = register.add_household(other.store, other.actor,
                                          household_data(grid_id("G02")))
    number = make_id(seq="731")
    register.add_resident(worker.store, worker.actor, hh, resident_data(number))
    register.add_resident(other.store, other.actor, elsewhere, resident_data(number))
    worker.sync()
    other.sync()
    other.close()
    log_in_from_the_page(qtbot, page)
    page.tabs.setCurrentWidget(page.duplicates)
    tab = page.duplicates
    qtbot.waitUntil(lambda: tab.list.count() == 1 and tab.members.rowCount() == 2,
                    timeout=20_000)
    assert number not in tab.members.item(0, 2).text()  # masked in the list
    assert tab.members.item(1, 7).text().startswith("Waiting")
    assert not tab.dismiss_button.isEnabled()  # one ID number is one person
    tab.keep_group.buttons()[1].setChecked(True)  # keep the second registration
    qtbot.mouseClick(tab.keep_button, Qt.MouseButton.LeftButton)
    assert tab.confirm is not None
    yes = next(b for b in tab.confirm.buttons()
               if tab.confirm.buttonRole(b) == tab.confirm.ButtonRole.AcceptRole)
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.list.count() == 0 and tab.empty.isVisible(),
                    timeout=20_000)

    page.tabs.setCurrentWidget(page.changes)
    changes = page.changes
    qtbot.waitUntil(lambda: changes.table.rowCount() >= 3, timeout=20_000)
    assert changes.count.text().startswith("Showing")
    qtbot.mouseClick(changes.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "marked reviewed" in changes.status.text(), timeout=20_000)


def test_offline_the_page_says_so_and_recovers(qtbot, page, server):
    log_in_from_the_page(qtbot, page)
    tab = page.conflicts
    qtbot.waitUntil(lambda: tab.empty.isVisible(), timeout=20_000)
    server.stop()
    page.reload()
    qtbot.waitUntil(lambda: page.notice.isVisible(), timeout=60_000)
    assert page.notice.retry_button.isVisible() and not page.notice.password.isVisible()
    assert "cannot be reached" in page.notice.message.text()
