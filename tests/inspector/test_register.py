"""The household and resident register through its services, on a real store file."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from testkit import (
    bad_check_digit,
    counts,
    household_data,
    make_id,
    resident_data,
)

from inspector.errors import NotFoundError, ValidationError
from inspector.models import AuditEntry, Household, OutboxEntry, Resident, Tombstone
from inspector.services import activities, register
from inspector.services.recording import Actor
from inspector.services.register import DuplicateIdError


def _outbox(store, record_id: str) -> list[OutboxEntry]:
    with store.read() as s:
        return list(s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == record_id)
                              .order_by(OutboxEntry.seq)))


def _audit(store, record_id: str) -> list[AuditEntry]:
    with store.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.record_id == record_id)
                              .order_by(AuditEntry.at)))


def _get(store, model, record_id):
    with store.read() as s:
        return s.get(model, record_id)


@pytest.fixture
def home(store, tree, staff):
    hid, _ = register.add_household(store, staff, household_data(tree.g1))
    return hid


# ------------------------------------------------------------------ add


def test_add_household_and_residents_derives_gender_and_birth(store, tree, staff, home) -> None:
    husband_id = make_id(birth="19750315", seq="031")  # 17th digit 1: male
    wife_id = make_id(birth="19780920", seq="042")  # 17th digit 2, even: female
    rid1, changes = register.add_resident(store, staff, home, resident_data(husband_id))
    rid2, _ = register.add_resident(store, staff, home, resident_data(
        wife_id, name="林秀英", relation="spouse", phone="139 1234 5678"))

    assert changes.touched == {"resident": {rid1}}
    husband, wife = _get(store, Resident, rid1), _get(store, Resident, rid2)
    assert (husband.gender, husband.birth_date) == ("男", date(1975, 3, 15))
    assert (wife.gender, wife.birth_date) == ("女", date(1978, 9, 20))
    assert wife.phone == "13912345678"
    assert husband.household_id == home and husband.grid_id == tree.g1

    household = _get(store, Household, home)
    assert household.version == 1 and household.head_name == "陈建国"
    for rid in (home, rid1, rid2):
        (entry,) = _outbox(store, rid)
        assert entry.op == "insert" and entry.payload["id"] == rid
        (audit,) = _audit(store, rid)
        assert audit.action == "insert" and audit.actor == "li.si"
        assert audit.device_id == "dev-staff-0001"
    # the audit names fields, never values
    (audit,) = _audit(store, rid2)
    assert "id_number" in audit.fields and wife_id not in str(audit.fields)


def test_bad_check_digit_is_refused_and_nothing_is_written(store, staff, home) -> None:
    before = counts(store)
    number = bad_check_digit(make_id())
    with pytest.raises(ValidationError) as err:
        register.add_resident(store, staff, home, resident_data(number))
    assert "id_number" in err.value.reasons()
    assert "校验位" in err.value.reasons()["id_number"]
    assert number not in str(err.value)
    assert counts(store) == before


def test_legacy_15_digit_number_is_refused_with_a_message_saying_so(store, staff, home) -> None:
    before = counts(store)
    with pytest.raises(ValidationError) as err:
        register.add_resident(store, staff, home, resident_data("110105800101123"))
    assert "15位" in err.value.reasons()["id_number"]
    assert "110105800101123" not in str(err.value)
    assert counts(store) == before


def test_missing_fields_are_all_named(store, staff, home) -> None:
    with pytest.raises(ValidationError) as err:
        register.add_resident(store, staff, home, {"name": " "})
    assert set(err.value.reasons()) >= {"name", "id_number", "relation", "residence_type"}


def test_duplicate_id_number_names_the_record_that_holds_it(store, tree, staff, home) -> None:
    number = make_id()
    rid, _ = register.add_resident(store, staff, home, resident_data(number))
    other, _ = register.add_household(store, staff, household_data(tree.g2, door_no="9-9"))
    before = counts(store)

    # the same number typed with spaces is the same number
    with pytest.raises(DuplicateIdError) as err:
        register.add_resident(store, staff, other, resident_data(
            f"{number[:6]} {number[6:14]} {number[14:]}", name="陈建"))
    assert err.value.holder.resident_id == rid
    assert err.value.holder.household_id == home
    assert "id_number" in err.value.reasons()
    assert number not in str(err.value)
    assert counts(store) == before

    # editing another person to that number is refused the same way
    rid2, _ = register.add_resident(store, staff, other, resident_data(
        make_id(seq="555"), name="周海"))
    with pytest.raises(DuplicateIdError) as err:
        register.edit_resident(store, staff, rid2, {"id_number": number})
    assert err.value.holder.resident_id == rid
    assert _get(store, Resident, rid2).id_number == make_id(seq="555")


def test_add_to_a_missing_household_is_not_found(store, staff) -> None:
    with pytest.raises(NotFoundError):
        register.add_resident(store, staff, "no-such-household", resident_data(make_id()))


# ------------------------------------------------------------------ edit


def test_edit_sends_only_changed_fields_with_their_base_and_bumps_version(store, staff,
                                                                          home) -> None:
    rid, _ = register.add_resident(store, staff, home, resident_data(make_id(), phone=None))
    changes = register.edit_resident(store, staff, rid, {
        "phone": "13700001111", "name": "陈建国", "employment": "retired"})

    assert changes.touched == {"resident": {rid}}
    resident = _get(store, Resident, rid)
    assert resident.version == 2
    assert (resident.phone, resident.employment) == ("13700001111", "retired")
    insert, update = _outbox(store, rid)
    assert update.op == "update"
    assert update.payload["fields"] == {"phone": "13700001111", "employment": "retired"}
    assert update.payload["base"] == {"phone": None, "employment": None}
    assert update.base_rev is None  # never confirmed by the server yet
    audit = _audit(store, rid)[-1]
    assert audit.action == "update" and audit.fields == ["employment", "phone"]


def test_edit_household_sends_only_changed_fields(store, staff, home) -> None:
    register.edit_household(store, staff, home, {"phone": "010-62345678", "door_no": "3-2-501"})
    assert _get(store, Household, home).version == 2
    update = _outbox(store, home)[-1]
    assert update.payload == {"fields": {"phone": "010-62345678"},
                              "base": {"phone": "13800138000"}}


def test_edit_without_a_change_writes_nothing(store, staff, home) -> None:
    rid, _ = register.add_resident(store, staff, home, resident_data(make_id()))
    before = counts(store)
    # the same values, typed differently (padding, spaces in a phone) are no change
    register.edit_resident(store, staff, rid, {"name": " 陈建国 "})
    register.edit_household(store, staff, home, {"phone": "138 0013 8000"})
    assert counts(store) == before
    assert _get(store, Resident, rid).version == 1
    assert _get(store, Household, home).version == 1


def test_refused_edit_changes_nothing(store, staff, home) -> None:
    rid, _ = register.add_resident(store, staff, home, resident_data(make_id()))
    before = counts(store)
    with pytest.raises(ValidationError) as err:
        register.edit_resident(store, staff, rid, {"phone": "12345", "name": "陈建军"})
    assert "phone" in err.value.reasons()
    assert counts(store) == before
    assert _get(store, Resident, rid).name == "陈建国"


def test_household_moved_to_another_grid_takes_its_residents(store, tree, staff, home) -> None:
    rid, _ = register.add_resident(store, staff, home, resident_data(make_id()))
    changes = register.edit_household(store, staff, home, {"grid_id": tree.g2})
    assert changes.touched == {"household": {home}, "resident": {rid}}
    assert _get(store, Resident, rid).grid_id == tree.g2
    update = _outbox(store, rid)[-1]
    assert update.payload == {"fields": {"grid_id": tree.g2}, "base": {"grid_id": tree.g1}}


# ------------------------------------------------------------------ move and remove


def test_move_resident_between_households(store, tree, staff, home) -> None:
    rid, _ = register.add_resident(store, staff, home, resident_data(make_id()))
    new_home, _ = register.add_household(store, staff, household_data(tree.g2, door_no="1-1"))
    register.move_resident(store, staff, rid, new_home)

    resident = _get(store, Resident, rid)
    assert (resident.household_id, resident.grid_id) == (new_home, tree.g2)
    move = _outbox(store, rid)[-1]
    assert move.op == "update"
    assert move.payload["base"] == {"household_id": home, "grid_id": tree.g1}
    assert _audit(store, rid)[-1].action == "move"
    # the old household is now empty and can be removed
    register.remove_household(store, staff, home)
    assert _get(store, Household, home) is None

    # moved out of every household: still registered, in the same grid
    register.move_resident(store, staff, rid, None)
    resident = _get(store, Resident, rid)
    assert (resident.household_id, resident.grid_id) == (None, tree.g2)


def test_remove_household_with_residents_is_refused(store, staff, home) -> None:
    register.add_resident(store, staff, home, resident_data(make_id()))
    before = counts(store)
    with pytest.raises(ValidationError) as err:
        register.remove_household(store, staff, home)
    assert "household" in err.value.reasons()
    assert counts(store) == before
    assert _get(store, Household, home) is not None


def test_remove_visited_household_is_refused_with_a_reason(store, staff, home) -> None:
    activities.record_visit(store, staff, activities.VisitInput(home, "routine"))
    before = counts(store)
    with pytest.raises(ValidationError) as err:
        register.remove_household(store, staff, home)
    assert "household" in err.value.reasons()
    assert counts(store) == before


def test_remove_resident_leaves_a_tombstone_and_a_delete_entry(store, staff, home) -> None:
    rid, _ = register.add_resident(store, staff, home, resident_data(make_id()))
    changes = register.remove_resident(store, staff, rid)
    assert changes.touched == {"resident": {rid}}
    assert _get(store, Resident, rid) is None
    with store.read() as s:
        tomb = s.get(Tombstone, ("resident", rid))
    assert tomb is not None
    delete = _outbox(store, rid)[-1]
    assert (delete.op, delete.payload) == ("delete", {})
    assert _audit(store, rid)[-1].action == "delete"
    with pytest.raises(NotFoundError):
        register.remove_resident(store, staff, rid)
    # the number is free again: the person can be registered anew
    register.add_resident(store, staff, home, resident_data(make_id()))


def test_remove_empty_household_leaves_a_tombstone(store, staff, home) -> None:
    register.remove_household(store, staff, home)
    with store.read() as s:
        assert s.get(Tombstone, ("household", home)) is not None
    assert _outbox(store, home)[-1].op == "delete"


# ------------------------------------------------------------------ roles and scope


def test_worker_cannot_set_restricted_tags_supervisor_can(store, tree, worker, supervisor,
                                                         home) -> None:
    before = counts(store)
    data = resident_data(make_id(), restricted_tags=["community_correction"])
    with pytest.raises(ValidationError) as err:
        register.add_resident(store, worker, home, data)
    assert "restricted_tags" in err.value.reasons()
    assert counts(store) == before

    rid, _ = register.add_resident(store, supervisor, home, data)
    assert _get(store, Resident, rid).restricted_tags == ["community_correction"]

    # a worker may edit other fields of that person, but not the restricted tags
    register.edit_resident(store, worker, rid, {"phone": "13600002222"})
    assert _get(store, Resident, rid).restricted_tags == ["community_correction"]
    with pytest.raises(ValidationError):
        register.edit_resident(store, worker, rid, {"restricted_tags": []})
    assert _get(store, Resident, rid).restricted_tags == ["community_correction"]

    register.edit_resident(store, supervisor, rid, {"restricted_tags": []})
    assert _get(store, Resident, rid).restricted_tags is None


def test_care_tags_are_open_to_field_roles(store, worker, home) -> None:
    rid, _ = register.add_resident(store, worker, home, resident_data(
        make_id(), care_tags=["living_alone", "advanced_age"]))
    assert _get(store, Resident, rid).care_tags == ["living_alone", "advanced_age"]


def test_actor_limited_to_one_grid_cannot_write_in_another(store, tree, staff) -> None:
    other_home, _ = register.add_household(store, staff, household_data(tree.g2))
    rid, _ = register.add_resident(store, staff, other_home, resident_data(make_id()))
    own_home, _ = register.add_household(store, staff, household_data(tree.g1, door_no="1"))
    local = Actor("sun.qi", "staff", "dev-staff-0002", (tree.g1,))
    before = counts(store)

    attempts = [
        lambda: register.add_household(store, local, household_data(tree.g2)),
        lambda: register.add_resident(store, local, other_home, resident_data(make_id(seq="777"))),
        lambda: register.edit_household(store, local, other_home, {"phone": "13511112222"}),
        lambda: register.edit_household(store, local, own_home, {"grid_id": tree.g2}),
        lambda: register.edit_resident(store, local, rid, {"phone": "13511112222"}),
        lambda: register.move_resident(store, local, rid, own_home),
        lambda: register.remove_resident(store, local, rid),
        lambda: register.remove_household(store, local, other_home),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as err:
            attempt()
        assert "grid_id" in err.value.reasons()
    assert counts(store) == before
    # inside its own grid the same actor writes fine
    register.add_resident(store, local, own_home, resident_data(make_id(seq="888")))


def test_household_in_a_non_grid_area_is_refused(store, tree, staff) -> None:
    with pytest.raises(ValidationError) as err:
        register.add_household(store, staff, household_data(tree.community))
    assert "grid_id" in err.value.reasons()


def test_error_messages_never_contain_the_id_number(store, staff, home) -> None:
    number = make_id()
    rid, _ = register.add_resident(store, staff, home, resident_data(number))
    bad_inputs = [
        number,  # duplicate
        bad_check_digit(number),
        number[:6] + "19991340" + number[14:17] + "0",  # impossible date
        number[:17] + "A",
        number[:16],
    ]
    for value in bad_inputs:
        with pytest.raises(ValidationError) as err:
            register.add_resident(store, staff, home, resident_data(value))
        assert value not in str(err.value)
        assert all(value not in e.reason for e in err.value.errors)
        assert number not in str(err.value)
    assert len(_outbox(store, rid)) == 1
