"""ID numbers and phones by role, on a real store: masked in every list and form to every
role, whole in register exports only for the roles that keep the register, and every
look at a whole value (an ID number or a phone) left in the audit trail. Restricted tags
leave in a supervisor's export only and are read back from a file only for one."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from testkit import household_data, make_id, resident_data

from inspector.catalogues import load_catalogue
from inspector.disclosure import mask, mask_id_number, mask_phone, whole_in_exports
from inspector.errors import ValidationError
from inspector.exchange.export import export_register, record_export
from inspector.exchange.layout import HOUSEHOLD_COLUMNS, RESIDENT_COLUMNS, cell_in
from inspector.exchange.register_apply import apply_import
from inspector.exchange.register_preview import preview_import
from inspector.exchange.register_read import read_register
from inspector.models import AuditEntry, OutboxEntry, Resident
from inspector.queries import register as q
from inspector.roles import ROLES
from inspector.services import register
from inspector.services.privacy import reveal, reveal_id_number
from inspector.services.recording import Actor

NUMBER = make_id(seq="071")
PHONE, LANDLORD, MOBILE = "13912345678", "010-62345678", "13698765432"
WHOLE = (NUMBER, PHONE, LANDLORD, MOBILE)


@pytest.fixture
def home(store, tree, staff):
    """One rented household in grid 1 with a phone and a landlord's phone, and one person."""
    hh, _ = register.add_household(store, staff, household_data(
        tree.g1, phone=PHONE, housing_use="rented", landlord_name="房东甲",
        landlord_phone=LANDLORD))
    person, _ = register.add_resident(store, staff, hh, resident_data(NUMBER, phone=MOBILE))
    return hh, person


def _actor(role: str, tree) -> Actor:
    return Actor(f"{role}.one", role, f"dev-{role}", () if role in ("supervisor", "admin")
                 else (tree.g1,))


def _reveals(store) -> list[tuple[str, str, str, list[str]]]:
    with store.read() as s:
        return [(e.actor, e.entity, e.record_id, e.fields) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action == "reveal").order_by(AuditEntry.at))]


def test_masks_keep_the_ends_only() -> None:
    assert mask_id_number("110105198001011234") == "1101**********1234"
    assert mask_id_number("11010519800101123X") == "1101**********123X"
    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone("010-62345678") == "010*****5678"
    assert mask_phone("1234567") == "*******" and mask_phone(None) == mask_phone("") == ""
    assert mask("landlord_phone", LANDLORD) == "010*****5678"
    assert mask("id_number", NUMBER) == mask_id_number(NUMBER)
    assert mask("name", "陈建国") == "陈建国" and mask("phone", None) is None


def test_lists_search_and_forms_never_carry_a_whole_value(store, tree, home) -> None:
    hh, person = home
    found = q.search_rows(store, "陈建国", [tree.g1]) + q.search_rows(store, MOBILE[-6:], [])
    assert {r["id"] for r in found} == {hh, person}
    rows = [q.resident_rows(store, [person])[person], q.household_rows(store, [hh])[hh],
            *found, q.household_form(store, hh),
            q.resident_form(store, person, with_restricted=True)]
    shown = repr(rows)
    assert not [v for v in WHOLE if v in shown]
    household = q.household_form(store, hh)
    assert (household["phone_masked"], household["landlord_phone_masked"]) == (
        "139****5678", "010*****5678")
    assert "phone" not in household and "landlord_phone" not in household
    resident = q.resident_form(store, person, with_restricted=False)
    assert (resident["id_number_masked"], resident["phone_masked"]) == (
        mask_id_number(NUMBER), "136****5432")


@pytest.mark.parametrize("role", ROLES)
def test_register_export_by_role(tmp_path: Path, store, tree, home, role: str) -> None:
    actor = _actor(role, tree)
    path = tmp_path / f"{role}.xlsx"
    summary = export_register(store, actor, path)
    book = load_workbook(path)
    cells = [str(v) for ws in book for row in ws.iter_rows(values_only=True)
             for v in row if v is not None]
    whole = whole_in_exports(role)
    assert whole == (role in ("staff", "supervisor"))
    for value in WHOLE:
        assert (value in cells) == whole, value
    if not whole:
        assert {mask_id_number(NUMBER), "139****5678", "010*****5678", "136****5432"} <= set(
            cells)
    masked_names = {"household.phone_masked", "household.landlord_phone_masked",
                    "resident.id_number_masked", "resident.phone_masked"}
    whole_names = {name.removesuffix("_masked") for name in masked_names}
    assert (masked_names if not whole else whole_names) <= set(summary.fields)
    assert not ((whole_names if not whole else masked_names) & set(summary.fields))
    record_export(store, actor, summary)
    with store.read() as s:
        (entry,) = s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()
    assert entry.actor == actor.username and entry.fields == list(summary.fields)


def test_a_masked_phone_or_id_number_is_refused_on_import_naming_the_field() -> None:
    phone = next(c for c in HOUSEHOLD_COLUMNS if c.key == "landlord_phone")
    number = next(c for c in RESIDENT_COLUMNS if c.key == "id_number")
    for column, value in ((phone, "010*****5678"), (number, mask_id_number(NUMBER))):
        with pytest.raises(ValidationError) as refused:
            cell_in(column, value)
        (error,) = refused.value.errors
        assert error.field == column.key and "打码" in error.reason
    assert cell_in(phone, LANDLORD) == LANDLORD


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reveals_a_phone_and_an_id_number_audited(store, tree, home,
                                                             role: str) -> None:
    hh, person = home
    actor = _actor(role, tree)
    with store.read() as s:
        outbox = len(s.scalars(select(OutboxEntry)).all())
    assert reveal(store, actor, "household", hh, "phone") == PHONE
    assert reveal(store, actor, "household", hh, "landlord_phone") == LANDLORD
    assert reveal(store, actor, "resident", person, "phone") == MOBILE
    assert reveal_id_number(store, actor, person) == NUMBER
    assert _reveals(store) == [(actor.username, "household", hh, ["phone"]),
                               (actor.username, "household", hh, ["landlord_phone"]),
                               (actor.username, "resident", person, ["phone"]),
                               (actor.username, "resident", person, ["id_number"])]
    with store.read() as s:
        assert len(s.scalars(select(OutboxEntry)).all()) == outbox  # a look changes nothing
        entries = s.scalars(select(AuditEntry)).all()
    assert not [v for v in WHOLE if v in repr([(e.fields, e.record_id) for e in entries])]


def test_reveal_is_refused_outside_the_grids_and_for_fields_not_masked(store, tree,
                                                                      home) -> None:
    hh, person = home
    outsider = Actor("qian.qi", "worker", "dev-x", (tree.g2,))
    with pytest.raises(ValidationError) as refused:
        reveal(store, outsider, "resident", person, "phone")
    assert refused.value.errors[0].field == "grid_id"
    with pytest.raises(ValidationError) as refused:
        reveal(store, _actor("staff", tree), "resident", person, "name")
    assert refused.value.errors[0].field == "name"
    assert _reveals(store) == []


def test_a_form_that_leaves_out_a_masked_phone_keeps_the_stored_one(store, tree, home,
                                                                    staff) -> None:
    hh, person = home
    register.edit_household(store, staff, hh, {"notes": "改了备注"})
    register.edit_resident(store, staff, person, {"notes": "改了备注"})
    assert reveal(store, staff, "household", hh, "phone") == PHONE
    assert reveal(store, staff, "resident", person, "phone") == MOBILE


def test_restricted_tags_go_out_and_come_back_only_with_a_supervisor(tmp_path: Path, store,
                                                                      tree, home,
                                                                      staff) -> None:
    hh, person = home
    boss = _actor("supervisor", tree)
    register.edit_resident(store, boss, person, {"restricted_tags": ["community_correction"]})
    label = next(str(t["name"]) for t in load_catalogue("resident_tags").members("tags")
                 if t["code"] == "community_correction")
    for role in ROLES:
        path = tmp_path / f"{role}.xlsx"
        export_register(store, _actor(role, tree), path)
        cells = {str(v) for ws in load_workbook(path) for row in ws.iter_rows(values_only=True)
                 for v in row}
        assert ("受限标签" in cells, label in cells) == (role == "supervisor",) * 2, role
    # Staff edit the supervisor's file, blanking the tags: the notes change, the tags stay.
    book = load_workbook(tmp_path / "supervisor.xlsx")
    residents = book["人口"]
    header = [c.value for c in residents[1]]
    residents.cell(2, header.index("受限标签") + 1).value = None
    residents.cell(2, header.index("备注") + 1).value = "台账核对"
    book.save(tmp_path / "edited.xlsx")
    parsed = read_register(tmp_path / "edited.xlsx", staff.role)
    assert "人口：受限标签" in parsed.ignored
    preview = preview_import(store, staff, parsed)
    assert all("restricted_tags" not in plan.data for plan in preview.planned)
    apply_import(store, staff, preview)
    with store.read() as s:
        stored = s.get(Resident, person)
        assert (stored.notes, stored.restricted_tags) == ("台账核对", ["community_correction"])
