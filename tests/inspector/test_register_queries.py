"""What the register page reads, and the audited reveal of an ID number, on a real store."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from testkit import household_data, make_id, resident_data

from inspector.errors import ValidationError
from inspector.models import AuditEntry, Building, OutboxEntry
from inspector.queries import register as q
from inspector.services import register
from inspector.services.privacy import reveal_id_number
from inspector.services.recording import Actor


@pytest.fixture
def building(store, tree) -> str:
    with store.write() as s:
        b = Building(grid_id=tree.g1, code="B01", name="1号楼", address="幸福路12号",
                     use="residential")
        s.add(b)
        s.flush()
        return b.id


@pytest.fixture
def homes(store, tree, staff, building):
    """Two households in grid 1 (one in the building), one in grid 2, each with a resident."""
    a, _ = register.add_household(store, staff, household_data(
        tree.g1, building_id=building, address="幸福路12号1栋101"))
    b, _ = register.add_household(store, staff, household_data(tree.g1, address="幸福路14号"))
    c, _ = register.add_household(store, staff, household_data(tree.g2, address="和平路3号"))
    people = {}
    for home, seq, name in ((a, "011", "陈建国"), (b, "022", "林秀英"), (c, "033", "赵铁柱")):
        people[home], _ = register.add_resident(store, staff, home, resident_data(
            make_id(seq=seq), name=name))
    return a, b, c, people


def test_mask_keeps_first_and_last_four() -> None:
    assert q.mask_id_number("110105198001011234") == "1101**********1234"
    assert q.mask_id_number("") == ""
    assert q.mask_id_number("12345") == "*****"


def test_grids_and_buildings_count_households(store, tree, homes, building) -> None:
    nodes = q.grids(store, [tree.g1])
    assert [(n.id, n.households) for n in nodes] == [(tree.g1, 2)]
    assert {n.id for n in q.grids(store, [])} == {tree.g1, tree.g2}  # unlimited actor
    assert [(n.id, n.name, n.households) for n in q.buildings(store, tree.g1)] == [
        (building, "1号楼", 1)]


def test_household_ids_by_scope(store, tree, homes, building) -> None:
    a, b, c, _ = homes
    assert q.household_ids(store, [tree.g1], building) == [a]
    assert q.household_ids(store, [tree.g1]) == [a, b]  # by address
    assert set(q.household_ids(store, [])) == {a, b, c}


def test_rows_mask_id_numbers_and_count_members(store, homes) -> None:
    a, _, _, people = homes
    rows = q.household_rows(store, [a])
    assert rows[a]["members"] == 1 and rows[a]["address"] == "幸福路12号1栋101"
    person = q.resident_rows(store, [people[a]])[people[a]]
    assert person["id_number"] == q.mask_id_number(make_id(seq="011"))
    assert "restricted_tags" not in person
    assert q.resident_ids(store, a) == [people[a]]


def test_resident_form_shows_restricted_tags_only_when_allowed(store, homes) -> None:
    a, _, _, people = homes
    hidden = q.resident_form(store, people[a], with_restricted=False)
    assert "restricted_tags" not in hidden
    assert "id_number" not in hidden
    assert hidden["id_number_masked"] == q.mask_id_number(make_id(seq="011"))
    assert "restricted_tags" in q.resident_form(store, people[a], with_restricted=True)


def test_existing_ids_tells_removed_records(store, staff, homes) -> None:
    a, b, _, people = homes
    register.remove_resident(store, staff, people[b])
    register.remove_household(store, staff, b)
    assert q.existing_ids(store, "household", [a, b]) == {a}


def test_search_rows_find_residents_by_name_and_id_tail_in_scope(store, tree, homes) -> None:
    a, _, c, people = homes
    rows = q.search_rows(store, "陈建国", [tree.g1])
    assert [(r["kind"], r["id"], r["household_id"]) for r in rows if r["kind"] == "resident"] == [
        ("resident", people[a], a)]
    tail = make_id(seq="033")[-6:]
    assert [r["id"] for r in q.search_rows(store, tail, [tree.g1, tree.g2])] == [people[c]]
    assert q.search_rows(store, tail, [tree.g1]) == []  # other grid: not found
    found = q.search_rows(store, "和平路", [], kinds=("household",))
    assert [(r["kind"], r["id"]) for r in found] == [("household", c)]
    assert all("*" in r["id_number"] for r in rows if r["kind"] == "resident")


def test_reveal_returns_the_number_and_audits_without_outbox(store, staff, homes) -> None:
    a, _, _, people = homes
    with store.read() as s:
        before = len(s.scalars(select(OutboxEntry)).all())
    assert reveal_id_number(store, staff, people[a]) == make_id(seq="011")
    with store.read() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).all()
        assert [(e.actor, e.entity, e.record_id, e.fields) for e in audit] == [
            (staff.username, "resident", people[a], ["id_number"])]
        assert len(s.scalars(select(OutboxEntry)).all()) == before


def test_reveal_refused_outside_the_actors_grids(store, tree, homes) -> None:
    _, _, c, people = homes
    outsider = Actor("qian.qi", "staff", "dev-x", (tree.g1,))
    with pytest.raises(ValidationError):
        reveal_id_number(store, outsider, people[c])
    with store.read() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).all() == []


def test_search_over_every_grid_equals_an_unlimited_search(store, tree, homes) -> None:
    every = q.search_rows(store, "陈建国", [tree.g1, tree.g2], kinds=("household",))
    assert every == q.search_rows(store, "陈建国", [], kinds=("household",))
    assert len(every) == 3
