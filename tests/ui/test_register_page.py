"""The register page as community staff use it: real widgets, a real demo store file.

ID numbers typed here are fictional, made with the GB 11643 check digit (testkit.make_id).
"""

from __future__ import annotations

import re
import sys
import types
from datetime import UTC, datetime, timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select
from testkit import bad_check_digit, make_id
from uikit import wait_idle

from inspector.models import AuditEntry, Household, Resident
from inspector.queries import register as q
from inspector.services import register
from inspector.services.cases import IssueInput, report_issue

LEFT = Qt.MouseButton.LeftButton
MASKED = re.compile(r"^[0-9]{4}\*{10}[0-9X]{4}$")


@pytest.fixture
def page(qtbot, window, ctx):
    register_page = window.open_page("register")
    qtbot.waitUntil(lambda: register_page.households.rowCount() > 0, timeout=10_000)
    wait_idle(qtbot, ctx)
    return register_page


def _click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, LEFT)


def _choose(combo, code: str) -> None:
    """Pick an entry the way a user does, by its visible name (the code is item data)."""
    index = combo.findData(code)
    assert index >= 0
    combo.setCurrentIndex(index)


def _type(qtbot, edit, text: str) -> None:
    """Type into a field: key presses for ASCII; Chinese arrives as an input method commits it."""
    edit.clear()
    edit.setFocus()
    if text.isascii():
        qtbot.keyClicks(edit, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def _closed(dialog) -> bool:
    """Gone from the screen (dialogs delete themselves once closed)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _household_with(store, grid_ids, members: int = 2) -> str:
    """A demo household in the actor's grids with at least `members` residents."""
    for household_id in q.household_ids(store, grid_ids):
        if len(q.resident_ids(store, household_id)) >= members:
            return household_id
    raise AssertionError("demo data has no such household")


def _open_household(qtbot, page, ctx, household_id: str) -> None:
    row = page.households.row_of(household_id)
    view = page.household_view
    view.scrollTo(page.households.index(row, 0))
    rect = view.visualRect(page.households.index(row, 0))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
    wait_idle(qtbot, ctx)
    assert page.form.household_id == household_id


def _pick_resident(qtbot, page, ctx, row: int) -> str:
    view = page.resident_view
    rect = view.visualRect(page.residents.index(row, 0))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
    return page.residents.id_at(row)


def _resident_ids_in_list(page) -> set[str]:
    return {page.residents.id_at(r) for r in range(page.residents.rowCount())}


def _fill_resident(qtbot, dialog, name: str, id_number: str, relation: str) -> None:
    _type(qtbot, dialog.name, name)
    _type(qtbot, dialog.id_number, id_number)
    _choose(dialog.relation, relation)
    _choose(dialog.residence_type, "registered")


# ----------------------------------------------------------------- the must-show story


def test_register_household_with_two_residents_fixing_a_wrong_check_digit(qtbot, page, ctx):
    grid_item = page.tree.topLevelItem(0)  # a worker has one grid
    before = page.households.rowCount()
    assert grid_item.text(0).endswith(f"({before})")
    _click(qtbot, page.new_button)
    form = page.form
    assert form.heading.text() == "New household"
    assert not page.add_resident_button.isEnabled()  # residents come after the household
    _type(qtbot, form.address, "杏花路99号演示楼1单元101")
    _type(qtbot, form.door_no, "1单元101")
    _choose(form.housing_use, "owner_occupied")
    _type(qtbot, form.head_name, "演示户主")
    _type(qtbot, form.phone, "138 0013 8000")
    _click(qtbot, form.save)
    wait_idle(qtbot, ctx)
    household_id = form.household_id
    assert household_id is not None and form.heading.text() == "Household"
    assert form.phone.text() == "138****8000"  # shown as stored, masked until revealed
    qtbot.waitUntil(lambda: page.households.row_of(household_id) is not None)
    assert page.household_view.currentIndex().row() == page.households.row_of(household_id)
    qtbot.waitUntil(lambda: grid_item.text(0).endswith(f"({before + 1})"))

    head_id = make_id(region="110105", birth="19750315", seq="031")
    spouse_id = make_id(region="110105", birth="19780920", seq="042")
    _click(qtbot, page.add_resident_button)
    first = page.resident_dialog
    assert first.isVisible() and first.show_id.isHidden()
    _fill_resident(qtbot, first, "演示甲", head_id, "self")
    _click(qtbot, first.save_button)
    wait_idle(qtbot, ctx)
    assert _closed(first)
    qtbot.waitUntil(lambda: page.residents.rowCount() == 1)

    _click(qtbot, page.add_resident_button)
    second = page.resident_dialog
    _fill_resident(qtbot, second, "演示乙", bad_check_digit(spouse_id), "spouse")
    _click(qtbot, second.save_button)
    wait_idle(qtbot, ctx)
    assert second.isVisible()
    assert "校验位" in second.fields.error_text("id_number")
    assert second.name.text() == "演示乙"  # what was typed stays
    assert second.id_number.hasFocus()
    qtbot.keyClick(second.id_number, Qt.Key.Key_End)
    qtbot.keyClick(second.id_number, Qt.Key.Key_Backspace)
    qtbot.keyClicks(second.id_number, spouse_id[-1])
    _click(qtbot, second.save_button)
    wait_idle(qtbot, ctx)
    assert _closed(second)

    qtbot.waitUntil(lambda: page.residents.rowCount() == 2)
    qtbot.waitUntil(lambda: page.residents.cached(page.residents.id_at(1)) is not None)
    shown = {page.residents.index(r, 1).data() for r in range(2)}
    assert shown == {q.mask_id_number(head_id), q.mask_id_number(spouse_id)}
    stored = q.resident_rows(ctx.store, q.resident_ids(ctx.store, household_id))
    assert sorted(r["name"] for r in stored.values()) == ["演示乙", "演示甲"]
    qtbot.waitUntil(lambda: (page.households.index(page.households.row_of(household_id), 4)
                             .data() == "2"))


def test_household_form_keeps_typing_and_names_the_bad_field(qtbot, page, ctx):
    _click(qtbot, page.new_button)
    form = page.form
    _type(qtbot, form.door_no, "2单元202")
    _choose(form.housing_use, "rented")  # a rental needs a landlord
    assert form.landlord_name.isVisibleTo(form)
    _click(qtbot, form.save)
    wait_idle(qtbot, ctx)
    assert form.fields.error_text("address") == "必填"
    assert form.fields.error_text("landlord_name") != ""
    assert form.door_no.text() == "2单元202"
    assert form.household_id is None


# ----------------------------------------------------------------- search


def test_search_as_you_type_finds_a_resident_by_name_and_by_id_tail(qtbot, page, ctx):
    household_id = _household_with(ctx.store, ctx.actor.grid_ids)
    resident_id = q.resident_ids(ctx.store, household_id)[0]
    with ctx.store.read() as s:
        person = s.get(Resident, resident_id)
        name, number = person.name, person.id_number

    with qtbot.waitSignal(page.search_shown, timeout=5_000,
                          check_params_cb=lambda query: query == name):
        _type(qtbot, page.search, name)
    assert page.lists.currentWidget() is page.results_view
    found = [page.results.row_data(r) for r in range(page.results.rowCount())]
    assert resident_id in {r["id"] for r in found}
    assert all(MASKED.match(r["id_number"]) for r in found if r["kind"] == "resident")

    page.search.clear()
    qtbot.waitUntil(lambda: page.lists.currentWidget() is page.household_view)
    with qtbot.waitSignal(page.search_shown, timeout=5_000,
                          check_params_cb=lambda query: query == number[-6:]):
        qtbot.keyClicks(page.search, number[-6:])
    found_ids = {page.results.row_data(r)["id"] for r in range(page.results.rowCount())}
    assert resident_id in found_ids

    row = next(r for r in range(page.results.rowCount())
               if page.results.row_data(r)["id"] == resident_id)
    rect = page.results_view.visualRect(page.results.index(row, 1))
    qtbot.mouseClick(page.results_view.viewport(), LEFT, pos=rect.center())
    wait_idle(qtbot, ctx)
    assert page.form.household_id == household_id  # the person's household opens
    assert page.resident_view.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == resident_id


def test_a_search_outside_the_workers_grids_finds_nothing(qtbot, page, ctx):
    other = q.household_ids(ctx.store, [])
    mine = set(q.household_ids(ctx.store, ctx.actor.grid_ids))
    outside = next(h for h in other if h not in mine)
    resident_id = q.resident_ids(ctx.store, outside)[0]
    with ctx.store.read() as s:
        number = s.get(Resident, resident_id).id_number
    with qtbot.waitSignal(page.search_shown, timeout=5_000):
        qtbot.keyClicks(page.search, number)
    assert page.results.rowCount() == 0
    assert page.count.text() == "0 found"


# ----------------------------------------------------------------- ID numbers


def test_id_numbers_are_masked_in_the_list_and_revealed_only_on_show(qtbot, page, ctx):
    household_id = _household_with(ctx.store, ctx.actor.grid_ids)
    _open_household(qtbot, page, ctx, household_id)
    qtbot.waitUntil(lambda: all(page.residents.cached(page.residents.id_at(r))
                                for r in range(page.residents.rowCount())))
    assert page.residents.rowCount() >= 2
    assert all(MASKED.match(page.residents.index(r, 1).data())
               for r in range(page.residents.rowCount()))

    resident_id = _pick_resident(qtbot, page, ctx, 0)
    _click(qtbot, page.edit_resident_button)
    wait_idle(qtbot, ctx)
    dialog = page.resident_dialog
    assert dialog.isVisible() and dialog.id_number.isReadOnly()
    assert MASKED.match(dialog.id_number.text())
    assert "id_number" not in dialog.values()  # a masked number is never sent back
    _click(qtbot, dialog.show_id)
    wait_idle(qtbot, ctx)
    with ctx.store.read() as s:
        number = s.get(Resident, resident_id).id_number
        reveals = s.scalars(select(AuditEntry).where(AuditEntry.action == "reveal",
                                                     AuditEntry.record_id == resident_id)).all()
    assert dialog.id_number.text() == number and not dialog.id_number.isReadOnly()
    assert [(e.actor, e.fields) for e in reveals] == [(ctx.actor.username, ["id_number"])]


@pytest.mark.parametrize("role, sees", [("worker", False), ("supervisor", True)])
def test_restricted_tags_only_for_roles_that_may_see_them(qtbot, page, ctx, role, sees):
    household_id = _household_with(ctx.store, ctx.actor.grid_ids or q.household_ids(ctx.store, []))
    page.show_record("household", household_id)
    wait_idle(qtbot, ctx)
    _pick_resident(qtbot, page, ctx, 0)
    _click(qtbot, page.edit_resident_button)
    wait_idle(qtbot, ctx)
    dialog = page.resident_dialog
    assert (dialog.restricted_tags is not None) is sees
    assert ("restricted_tags" in dialog.values()) is sees


# ----------------------------------------------------------------- move and remove


def test_move_a_resident_to_a_household_found_by_search(qtbot, page, ctx):
    grid_ids = ctx.actor.grid_ids
    source = _household_with(ctx.store, grid_ids)
    target = next(h for h in q.household_ids(ctx.store, grid_ids) if h != source)
    with ctx.store.read() as s:
        target_address = s.get(Household, target).address
    _open_household(qtbot, page, ctx, source)
    before = _resident_ids_in_list(page)
    moving = _pick_resident(qtbot, page, ctx, 1)

    _click(qtbot, page.move_resident_button)
    dialog = page.move_dialog
    _type(qtbot, dialog.query, target_address)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=5_000)
    row = next(r for r in range(dialog.model.rowCount())
               if dialog.model.row_data(r)["id"] == target)
    dialog.results.selectRow(row)
    _click(qtbot, dialog.move_button)
    wait_idle(qtbot, ctx)

    assert _closed(dialog)
    qtbot.waitUntil(lambda: _resident_ids_in_list(page) == before - {moving})
    with ctx.store.read() as s:
        assert s.get(Resident, moving).household_id == target


def _confirm(qtbot, page) -> None:
    box = page.confirm_box
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), LEFT)


def test_removing_a_household_with_residents_is_refused_with_the_reason(qtbot, page, ctx):
    household_id = _household_with(ctx.store, ctx.actor.grid_ids)
    _open_household(qtbot, page, ctx, household_id)
    _click(qtbot, page.form.remove)
    _confirm(qtbot, page)
    wait_idle(qtbot, ctx)
    assert page.message.isVisible() and "请先迁出或删除人员" in page.message.text()
    with ctx.store.read() as s:
        assert s.get(Household, household_id) is not None


def test_removing_a_resident_is_refused_when_a_case_points_at_them(qtbot, page, ctx):
    household_id = _household_with(ctx.store, ctx.actor.grid_ids)
    linked, free = q.resident_ids(ctx.store, household_id)[:2]
    report_issue(ctx.store, ctx.actor, IssueInput(
        grid_id=ctx.actor.grid_ids[0], category_code="exposed_garbage", severity="general",
        title="演示", description="演示", address="演示地址",
        occurred_at=datetime.now(UTC) - timedelta(hours=1), resident_id=linked))
    _open_household(qtbot, page, ctx, household_id)

    _pick_resident(qtbot, page, ctx, page.residents.row_of(linked))
    _click(qtbot, page.remove_resident_button)
    _confirm(qtbot, page)
    wait_idle(qtbot, ctx)
    assert "已有案件关联该记录" in page.message.text()
    assert linked in _resident_ids_in_list(page)

    _pick_resident(qtbot, page, ctx, page.residents.row_of(free))
    _click(qtbot, page.remove_resident_button)
    _confirm(qtbot, page)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: free not in _resident_ids_in_list(page))
    assert q.existing_ids(ctx.store, "resident", [linked, free]) == {linked}


def test_a_no_to_the_question_removes_nothing(qtbot, page, ctx):
    household_id = _household_with(ctx.store, ctx.actor.grid_ids)
    _open_household(qtbot, page, ctx, household_id)
    resident_id = _pick_resident(qtbot, page, ctx, 0)
    _click(qtbot, page.remove_resident_button)
    qtbot.mouseClick(page.confirm_box.button(QMessageBox.StandardButton.No), LEFT)
    wait_idle(qtbot, ctx)
    assert q.existing_ids(ctx.store, "resident", [resident_id]) == {resident_id}


# ----------------------------------------------------------------- navigation and changes


@pytest.mark.parametrize("role", ["supervisor"])
def test_tree_lists_grids_and_loads_buildings_when_opened(qtbot, page, ctx, role):
    root = page.tree.topLevelItem(0)
    assert root.text(0) == "All my grids" and root.childCount() == 3
    assert page.households.rowCount() == 300
    grid_item = root.child(2)
    assert grid_item.childCount() == 0  # not loaded before it is opened
    grid_item.setExpanded(True)
    qtbot.waitUntil(lambda: grid_item.childCount() > 0, timeout=5_000)
    building = grid_item.child(0)
    in_building = int(building.text(0).rsplit("(", 1)[1].rstrip(")"))
    qtbot.mouseClick(page.tree.viewport(), LEFT,
                     pos=page.tree.visualItemRect(building).center())
    qtbot.waitUntil(lambda: page.households.rowCount() == in_building, timeout=5_000)
    assert page.count.text() == f"{in_building} households"


def test_an_edit_refreshes_the_row_and_show_record_opens_a_resident(qtbot, page, ctx):
    household_id = _household_with(ctx.store, ctx.actor.grid_ids)
    _open_household(qtbot, page, ctx, household_id)
    _type(qtbot, page.form.head_name, "改名户主")
    _click(qtbot, page.form.save)
    wait_idle(qtbot, ctx)
    row = page.households.row_of(household_id)
    qtbot.waitUntil(lambda: page.households.index(row, 2).data() == "改名户主")

    resident_id = q.resident_ids(ctx.store, household_id)[1]
    ctx.open_record.emit("resident", resident_id)
    wait_idle(qtbot, ctx)
    dialog = page.resident_dialog
    assert dialog.isVisible() and dialog.resident_id == resident_id
    assert page.resident_view.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == resident_id


def test_log_visit_opens_the_visit_dialog_for_this_household(qtbot, page, ctx, monkeypatch):
    opened = []
    package = types.ModuleType("ui.dialogs")
    visit = types.ModuleType("ui.dialogs.visit")
    visit.open_visit = lambda context, household_id, parent: opened.append(household_id)
    monkeypatch.setitem(sys.modules, "ui.dialogs", package)
    monkeypatch.setitem(sys.modules, "ui.dialogs.visit", visit)
    household_id = _household_with(ctx.store, ctx.actor.grid_ids)
    _open_household(qtbot, page, ctx, household_id)
    qtbot.keyClick(page.household_view, Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: opened == [household_id])  # a button shortcut clicks a moment later


# ----------------------------------------------------------------- models


def test_every_register_model_passes_the_model_tester(qtbot, qtmodeltester, page, ctx):
    household_id = _household_with(ctx.store, ctx.actor.grid_ids)
    _open_household(qtbot, page, ctx, household_id)
    qtmodeltester.check(page.households)
    qtmodeltester.check(page.residents)
    with ctx.store.read() as s:
        surname = s.get(Resident, page.residents.id_at(0)).name[0]
    with qtbot.waitSignal(page.search_shown, timeout=5_000):
        _type(qtbot, page.search, surname)
    assert page.results.rowCount() > 0
    qtmodeltester.check(page.results)


def test_a_change_from_elsewhere_keeps_what_the_user_is_typing(qtbot, page, ctx):
    household_id = _household_with(ctx.store, ctx.actor.grid_ids)
    _open_household(qtbot, page, ctx, household_id)
    _type(qtbot, page.form.head_name, "尚未保存")
    before = page.households.rowCount()
    data = {"grid_id": ctx.actor.grid_ids[0], "address": "杏花路100号", "door_no": "1",
            "housing_use": "vacant"}
    ctx.write(lambda store, actor: register.add_household(store, actor, data), lambda _r: None)
    qtbot.waitUntil(lambda: page.households.rowCount() == before + 1)
    wait_idle(qtbot, ctx)
    assert page.form.household_id == household_id
    assert page.form.head_name.text() == "尚未保存"
