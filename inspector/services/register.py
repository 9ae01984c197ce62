"""The household and resident register (台账): add, edit, move and remove.

Each function is one user action in one transaction: the change, its outbox
entry and its audit entry commit together. The `insert_*`/`update_*` forms do the
same inside the caller's transaction, so an import writes all its rows or none.
Forms pass the fields as a mapping; `inspector.validation` checks them, so the
form, the importer and the server refuse the same input with the same reasons.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import validation
from ..db import Store
from ..errors import FieldError, ValidationError
from ..models import Building, Household, Issue, Resident, Task, Visit
from ..roles import sees_restricted
from .recording import Actor, Changes, apply_fields, record
from .scope import check_grid, get


@dataclass(frozen=True)
class Holder:
    """The record that already holds an ID number, so the user can open it."""

    resident_id: str
    household_id: str | None


class DuplicateIdError(ValidationError):
    """The ID number is registered to someone else; `holder` says where."""

    def __init__(self, holder: Holder):
        self.holder = holder
        super().__init__(
            FieldError("id_number", "该身份证号已登记在另一条人员记录中，请先查看该记录"))


def _check_building(session: Session, building_id: str | None, grid_id: str) -> None:
    if building_id is None:
        return
    building = session.get(Building, building_id)
    if building is None or building.grid_id != grid_id:
        raise ValidationError(FieldError("building_id", "楼栋不存在或不属于所选网格"))


def add_household(store: Store, actor: Actor, data: Mapping[str, Any]) -> tuple[str, Changes]:
    changes = Changes()
    with store.write() as session:
        return insert_household(session, actor, changes, data), changes


def insert_household(session: Session, actor: Actor, changes: Changes,
                     data: Mapping[str, Any]) -> str:
    """`add_household` inside the caller's transaction (an import writes many in one)."""
    clean = validation.clean_household(data)
    check_grid(session, actor, clean["grid_id"])  # type: ignore[arg-type]
    _check_building(session, clean["building_id"], clean["grid_id"])  # type: ignore[arg-type]
    household = Household(**clean)
    session.add(household)
    record(session, actor, changes, "household", household, "insert")
    return household.id


def edit_household(store: Store, actor: Actor, household_id: str,
                   data: Mapping[str, Any]) -> Changes:
    """Save a household form: only the fields that really changed are sent and audited."""
    changes = Changes()
    with store.write() as session:
        update_household(session, actor, changes, household_id, data)
    return changes


def update_household(session: Session, actor: Actor, changes: Changes, household_id: str,
                     data: Mapping[str, Any]) -> None:
    """`edit_household` inside the caller's transaction."""
    household = get(session, Household, household_id, "住户")
    check_grid(session, actor, household.grid_id)
    clean = validation.clean_household({**_fields(household), **data})
    check_grid(session, actor, clean["grid_id"])  # type: ignore[arg-type]
    _check_building(session, clean["building_id"], clean["grid_id"])  # type: ignore[arg-type]
    base = apply_fields(household, clean)
    record(session, actor, changes, "household", household, "update", base=base)
    if "grid_id" in base:  # its residents follow it into the new grid
        for resident in session.scalars(select(Resident).where(
                Resident.household_id == household.id)):
            moved = apply_fields(resident, {"grid_id": household.grid_id})
            record(session, actor, changes, "resident", resident, "update", base=moved)


def remove_household(store: Store, actor: Actor, household_id: str) -> Changes:
    """Remove an empty household; one with residents must be emptied first (nothing is lost)."""
    changes = Changes()
    with store.write() as session:
        household = get(session, Household, household_id, "住户")
        check_grid(session, actor, household.grid_id)
        members = session.scalar(select(func.count()).select_from(Resident).where(
            Resident.household_id == household.id))
        if members:
            raise ValidationError(FieldError(
                "household", f"该户还有 {members} 名人员，请先迁出或删除人员"))
        _refuse_if_referenced(session, "household", household.id,
                              ((Visit.household_id, "走访记录"), (Issue.household_id, "案件"),
                               (Task.household_id, "任务")),
                              "如已搬离，请把住房状态改为空置")
        record(session, actor, changes, "household", household, "delete")
        session.delete(household)
    return changes


def _refuse_if_referenced(session: Session, field: str, record_id: str,
                          refs: tuple[tuple[Any, str], ...], advice: str) -> None:
    """History points at this record: removing it would orphan that history, so refuse."""
    for column, what in refs:
        if session.scalar(select(func.count()).where(column == record_id)):
            raise ValidationError(FieldError(field, f"已有{what}关联该记录，不能删除；{advice}"))


def _fields(obj: Household | Resident) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__mapper__.column_attrs}


def _check_unique_id(session: Session, id_number: str, own_id: str | None) -> None:
    holder = session.execute(select(Resident.id, Resident.household_id).where(
        Resident.id_number == id_number)).first()
    if holder is not None and holder.id != own_id:
        raise DuplicateIdError(Holder(holder.id, holder.household_id))


def _check_restricted(actor: Actor, clean: Mapping[str, Any], before: Any = None) -> None:
    if not sees_restricted(actor.role) and clean.get("restricted_tags") != before:
        raise ValidationError(FieldError("restricted_tags", "您的角色无权查看或修改受限标签"))


def add_resident(store: Store, actor: Actor, household_id: str,
                 data: Mapping[str, Any]) -> tuple[str, Changes]:
    changes = Changes()
    with store.write() as session:
        return insert_resident(session, actor, changes, household_id, data), changes


def insert_resident(session: Session, actor: Actor, changes: Changes, household_id: str,
                    data: Mapping[str, Any]) -> str:
    """`add_resident` inside the caller's transaction."""
    clean = validation.clean_resident(data)
    _check_restricted(actor, clean)
    household = get(session, Household, household_id, "住户")
    check_grid(session, actor, household.grid_id)
    _check_unique_id(session, clean["id_number"], None)  # type: ignore[arg-type]
    resident = Resident(**clean, household_id=household.id, grid_id=household.grid_id)
    session.add(resident)
    record(session, actor, changes, "resident", resident, "insert")
    return resident.id


def edit_resident(store: Store, actor: Actor, resident_id: str, data: Mapping[str, Any]) -> Changes:
    changes = Changes()
    with store.write() as session:
        update_resident(session, actor, changes, resident_id, data)
    return changes


def update_resident(session: Session, actor: Actor, changes: Changes, resident_id: str,
                    data: Mapping[str, Any]) -> None:
    """`edit_resident` inside the caller's transaction."""
    resident = get(session, Resident, resident_id, "人员")
    check_grid(session, actor, resident.grid_id)
    clean = validation.clean_resident({**_fields(resident), **data})
    _check_restricted(actor, clean, resident.restricted_tags)
    _check_unique_id(session, clean["id_number"], resident.id)  # type: ignore[arg-type]
    base = apply_fields(resident, clean)
    record(session, actor, changes, "resident", resident, "update", base=base)


def move_resident(store: Store, actor: Actor, resident_id: str,
                  household_id: str | None) -> Changes:
    """Move a person to another household, or out of the register's households (None)."""
    changes = Changes()
    with store.write() as session:
        resident = get(session, Resident, resident_id, "人员")
        check_grid(session, actor, resident.grid_id)
        target: dict[str, Any] = {"household_id": household_id}
        if household_id is not None:
            household = get(session, Household, household_id, "住户")
            check_grid(session, actor, household.grid_id)
            target["grid_id"] = household.grid_id
        base = apply_fields(resident, target)
        record(session, actor, changes, "resident", resident, "update", base=base,
               audit_action="move")
    return changes


def remove_resident(store: Store, actor: Actor, resident_id: str) -> Changes:
    changes = Changes()
    with store.write() as session:
        resident = get(session, Resident, resident_id, "人员")
        check_grid(session, actor, resident.grid_id)
        _refuse_if_referenced(session, "resident", resident.id,
                              ((Issue.resident_id, "案件"),), "如已迁出，请使用“迁出”")
        record(session, actor, changes, "resident", resident, "delete")
        session.delete(resident)
    return changes
