"""Phones and ID numbers on screen: masked in the register's forms and the supervisors'
conflict sheet until "Show" is pressed, which shows the whole value and leaves an audit
entry naming the field; restricted tags never on a worker's or staff member's screen.
Real widgets on a real demo store file."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QListWidget, QWidget
from sqlalchemy import select
from uikit import wait_idle

from inspector.catalogues import restricted_tags
from inspector.models import AuditEntry, Household, Resident
from inspector.queries import register as q
from inspector.services import register
from inspector.services.recording import Actor
from sync.client.oversight import Conflict
from ui.labels import choice_label
from ui.oversight.conflicts import ConflictsTab

LEFT = Qt.MouseButton.LeftButton
MASKED_PHONE = re.compile(r"^1[0-9]{2}\*{4}[0-9]{4}$")
PHONE, NEW_PHONE, MOBILE = "13912345678", "13787654321", "13698765432"
TAGS = ["community_correction", "mental_disorder"]


@pytest.fixture
def page(qtbot, window, ctx):
    register_page = window.open_page("register")
    qtbot.waitUntil(lambda: register_page.households.rowCount() > 0, timeout=10_000)
    wait_idle(qtbot, ctx)
    return register_page


@pytest.fixture
def home(ctx) -> tuple[str, str]:
    """A household of the actor's grids and its first resident, with known fake phones and
    restricted tags (set by a supervisor, as only a supervisor may)."""
    hh = next(h for h in q.household_ids(ctx.store, ctx.actor.grid_ids)
              if q.resident_ids(ctx.store, h))
    person = q.resident_ids(ctx.store, hh)[0]
    boss = Actor("jdy.test", "supervisor", "dev-boss", ())
    register.edit_household(ctx.store, boss, hh, {"phone": PHONE})
    register.edit_resident(ctx.store, boss, person, {"phone": MOBILE, "restricted_tags": TAGS})
    return hh, person


def _click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, LEFT)


def _reveals(ctx, record_id: str) -> list[tuple[str, list[str]]]:
    with ctx.store.read() as s:
        return [(e.actor, e.fields) for e in s.scalars(select(AuditEntry).where(
            AuditEntry.action == "reveal", AuditEntry.record_id == record_id)
            .order_by(AuditEntry.at))]


def _texts(widget: QWidget) -> str:
    """Everything a person can read in a window: labels, buttons, fields, list entries."""
    out = []
    for child in widget.findChildren(QWidget):
        if isinstance(child, QLabel | QAbstractButton | QLineEdit):
            out.append(child.text())
        elif isinstance(child, QListWidget):
            out += [child.item(i).text() for i in range(child.count())]
    return "\n".join(out)


def _open_resident(qtbot, page, ctx, person: str):
    page.show_record("resident", person)
    wait_idle(qtbot, ctx)
    dialog = page.resident_dialog
    assert dialog is not None and dialog.resident_id == person
    return dialog


def test_a_household_phone_is_masked_until_shown_and_the_look_is_audited(qtbot, page, ctx,
                                                                         home):
    hh, _ = home
    page.show_household(hh)
    wait_idle(qtbot, ctx)
    form = page.form
    assert MASKED_PHONE.match(form.phone.text()) and form.phone.isReadOnly()
    assert PHONE not in _texts(form) and "phone" not in form.values()
    assert _reveals(ctx, hh) == []

    _click(qtbot, form.phone_field.show_button)
    wait_idle(qtbot, ctx)
    assert form.phone.text() == PHONE and not form.phone.isReadOnly()
    assert form.phone_field.show_button.isHidden()
    assert _reveals(ctx, hh) == [(ctx.actor.username, ["phone"])]

    form.phone.selectAll()
    qtbot.keyClicks(form.phone, NEW_PHONE)
    _click(qtbot, form.save)
    wait_idle(qtbot, ctx)
    with ctx.store.read() as s:
        assert s.get(Household, hh).phone == NEW_PHONE
    assert form.phone.text() == "137****4321" and form.phone.isReadOnly()  # masked again


def test_a_residents_phone_is_masked_until_shown_and_the_look_is_audited(qtbot, page, ctx,
                                                                        home):
    _, person = home
    dialog = _open_resident(qtbot, page, ctx, person)
    assert dialog.phone.text() == "136****5432" and dialog.phone.isReadOnly()
    assert MOBILE not in _texts(dialog) and "phone" not in dialog.values()
    _click(qtbot, dialog.phone_field.show_button)
    wait_idle(qtbot, ctx)
    assert dialog.phone.text() == MOBILE and dialog.values()["phone"] == MOBILE
    assert dialog.id_number.isReadOnly()  # each value is shown on its own
    assert _reveals(ctx, person) == [(ctx.actor.username, ["phone"])]


@pytest.mark.parametrize("role, sees", [("worker", False), ("staff", False),
                                        ("supervisor", True)])
def test_restricted_tags_are_on_screen_only_for_supervisors(qtbot, page, ctx, home, role,
                                                            sees):
    _, person = home
    dialog = _open_resident(qtbot, page, ctx, person)
    shown = _texts(dialog)
    names = [choice_label("resident_tags", "tags", code) for code in sorted(restricted_tags())]
    assert (dialog.restricted_tags is not None) is sees
    assert any(name in shown for name in names) is sees
    assert ("restricted_tags" in dialog.values()) is sees
    if sees:
        assert dialog.values()["restricted_tags"] == TAGS
    else:  # a save by this role leaves the tags as they are
        _click(qtbot, dialog.save_button)
        wait_idle(qtbot, ctx)
        with ctx.store.read() as s:
            assert s.get(Resident, person).restricted_tags == TAGS


@pytest.mark.parametrize("role", ["supervisor"])
def test_a_conflict_on_a_phone_shows_it_masked_until_the_eye_is_pressed(qtbot, ctx, role):
    tab = ConflictsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    record = "0f6d3c1e-0000-4000-8000-00000000c0de"
    tab._arrived([Conflict(  # what GET /conflicts brings, read by sync.client.oversight
        id="c1", entity="household", record_id=record, grid_id=None, field="phone",
        base_value=PHONE, device_value=NEW_PHONE, server_value=MOBILE, current_value=MOBILE,
        record_rev=7, username="wgy1", device_id="dev-1", created_at=datetime.now(UTC),
        title="幸福路12号")])
    (row,) = tab.sheet.rows
    assert (row.device.text(), row.server.text()) == ("137****4321", "136****5432")
    assert row.editor.widget.text() == ""  # the box for another value does not give it away
    assert not [v for v in (PHONE, NEW_PHONE, MOBILE) if v in _texts(tab)]

    (eye,) = [b for b in tab.sheet.findChildren(QAbstractButton) if b.toolTip().startswith(
        "Show the whole")]
    qtbot.waitUntil(eye.isVisible)  # widgets added to a shown sheet appear on the next turn
    _click(qtbot, eye)
    wait_idle(qtbot, ctx)
    (row,) = tab.sheet.rows
    assert (row.device.text(), row.server.text()) == (NEW_PHONE, MOBILE)
    assert _reveals(ctx, record) == [(ctx.actor.username, ["phone"])]
