"""The register exported from a real demo store and imported into an empty one comes back
field by field: households, residents, their tags, temporary details and relations."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from testkit import counts
from xlsxkit import actor, copy_territory, demo_copy, differing_fields, make_template

from inspector.db import open_store
from inspector.exchange.export import export_register, record_export
from inspector.exchange.register_apply import apply_import
from inspector.exchange.register_preview import NEW, UNCHANGED, preview_import
from inspector.exchange.register_read import read_register
from inspector.models import AuditEntry, Household, OutboxEntry, Resident

HOUSEHOLD_FIELDS = ("grid_id", "building_id", "door_no", "address", "housing_use", "head_name",
                    "phone", "landlord_name", "landlord_phone", "rental", "contact_card", "notes")
RESIDENT_FIELDS = ("name", "id_number", "gender", "birth_date", "phone", "relation", "domicile",
                   "residence_type", "temporary", "employment", "insurance", "care_tags",
                   "restricted_tags", "notes")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("xlsx"))


@pytest.fixture
def demo(tmp_path, demo_file):
    yield from demo_copy(demo_file, tmp_path)


@pytest.fixture
def fresh(tmp_path, demo):
    store = open_store(tmp_path / "fresh" / "store.db")
    copy_territory(demo, store)
    yield store
    store.close()


def _households(store) -> dict[tuple[str, str], dict[str, Any]]:
    with store.read() as s:
        return {(h.grid_id, h.address): {f: getattr(h, f) for f in HOUSEHOLD_FIELDS}
                for h in s.scalars(select(Household))}


def _residents(store) -> dict[str, dict[str, Any]]:
    """By ID number, with the address of the household they live in."""
    with store.read() as s:
        homes = dict(s.execute(select(Household.id, Household.address)).all())
        return {r.id_number: {**{f: getattr(r, f) for f in RESIDENT_FIELDS},
                              "home": homes.get(r.household_id)}
                for r in s.scalars(select(Resident).where(Resident.household_id.is_not(None)))}


def test_register_round_trip_into_an_empty_store(tmp_path, demo, fresh) -> None:
    supervisor = actor(demo, "supervisor")
    path = tmp_path / "台账.xlsx"
    summary = export_register(demo, supervisor, path)
    record_export(demo, supervisor, summary)
    expected_households, expected_residents = _households(demo), _residents(demo)
    # The demo holds what makes a round trip hard; without it this test would prove little.
    people = list(expected_residents.values())
    assert any(isinstance(t, dict) for p in people for t in p["care_tags"] or ())
    assert any(p["restricted_tags"] for p in people)
    assert any(p["temporary"] for p in people)
    assert {p["relation"] for p in people} >= {"self", "spouse", "child"}
    assert any(h["rental"] for h in expected_households.values())

    preview = preview_import(fresh, supervisor, read_register(path, supervisor.role))
    assert preview.problems == ()
    assert preview.count(NEW, "household") == len(expected_households)
    assert preview.count(NEW, "resident") == len(expected_residents)
    assert counts(fresh)["household"] == 0  # a preview writes nothing

    result, changes = apply_import(fresh, supervisor, preview)

    assert result.total() == len(expected_households) + len(expected_residents)
    assert differing_fields(expected_households, _households(fresh)) == []
    assert differing_fields(expected_residents, _residents(fresh)) == []
    assert len(changes.touched["resident"]) == len(expected_residents)
    with fresh.read() as s:
        outbox = s.scalars(select(OutboxEntry.entity)).all()
        imports = s.scalars(select(AuditEntry).where(AuditEntry.action == "import")).all()
    assert sorted(set(outbox)) == ["household", "resident"]
    assert len(outbox) == len(expected_households) + len(expected_residents)
    assert [(a.entity, a.record_id) for a in imports] == [("register", preview.run_id)]
    assert "resident.id_number" in imports[0].fields
    assert "resident.restricted_tags" in imports[0].fields


def test_reimporting_an_unchanged_export_changes_nothing(tmp_path, demo) -> None:
    staff = actor(demo, "staff")
    path = tmp_path / "台账.xlsx"
    export_register(demo, staff, path)
    before = counts(demo)

    preview = preview_import(demo, staff, read_register(path, staff.role))
    result, _ = apply_import(demo, staff, preview)

    assert preview.problems == ()
    assert preview.count(UNCHANGED) == len(preview.planned) > 0
    assert result.total() == 0
    after = counts(demo)
    assert after["outbox"] == before["outbox"]
    assert after["audit"] == before["audit"] + 1  # the import itself


def test_staff_file_without_restricted_tags_keeps_them(tmp_path, demo) -> None:
    """Staff may not see restricted tags: their file has no such column, and an import
    of it with an edited phone leaves the stored restricted tags as they were."""
    staff = actor(demo, "staff")
    with demo.read() as s:
        marked = s.scalars(select(Resident).where(Resident.restricted_tags.is_not(None))
                           .where(Resident.household_id.is_not(None))).first()
        tags = marked.restricted_tags
    path = tmp_path / "台账.xlsx"
    export_register(demo, staff, path)
    from openpyxl import load_workbook

    book = load_workbook(path)
    residents = book["人口"]
    header = [c.value for c in residents[1]]
    assert "受限标签" not in header
    id_col, phone_col = header.index("身份证号") + 1, header.index("联系电话") + 1
    for row in range(2, residents.max_row + 1):
        if residents.cell(row, id_col).value == marked.id_number:  # compared, never shown
            residents.cell(row, phone_col).value = "13912345678"
    book.save(path)

    preview = preview_import(demo, staff, read_register(path, staff.role))
    result, _ = apply_import(demo, staff, preview)

    assert result.written == {("resident", "update"): 1}
    with demo.read() as s:
        again = s.get(Resident, marked.id)
    assert again.phone == "13912345678"
    kept = again.restricted_tags == tags  # compared apart, so a failure prints no tags
    assert kept, "restricted tags changed"
