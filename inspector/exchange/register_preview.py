"""A read register workbook checked into a preview: every row checked, every duplicate
named, nothing written.

`preview_import` checks each row of what `register_read.read_register` found with
`inspector.validation`, the rules a form uses, and against the store: the actor's
grids, buildings, households already registered and ID numbers already held.
A problem names the sheet, the row, the column and the reason, never the value.
`register_apply.apply_import` writes the rows the user then confirms.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import validation
from ..db import Store
from ..disclosure import mask_id_number
from ..errors import FieldError, ValidationError
from ..models import Area, Building, Household, Resident, new_id
from ..services.recording import Actor
from .layout import Column, cell_in, columns, fold, header_of
from .register_read import ParsedFile
from .workbook import SheetRows

BAD, DUPLICATE = "bad", "duplicate"
NEW, UPDATE, UNCHANGED = "new", "update", "unchanged"
_CHUNK = 500  # ids per IN (...) query

_HOUSEHOLD_FIELDS = ("door_no", "address", "housing_use", "head_name", "phone",
                     "landlord_name", "landlord_phone", "contact_card", "notes")
_RESIDENT_FIELDS = ("name", "id_number", "phone", "relation", "domicile", "residence_type",
                    "employment", "insurance", "care_tags", "restricted_tags", "notes")
_OUT_OF_SCOPE = "不在您负责的网格范围内"


@dataclass(frozen=True)
class Problem:
    """Why one row cannot be imported as it is. `who` is the row's ID number masked,
    so the user can find the person; no other value ever appears."""

    sheet: str
    row: int
    column: str
    reason: str
    kind: str  # BAD or DUPLICATE
    who: str = ""


@dataclass(frozen=True)
class Planned:
    """A good row and what applying it does."""

    sheet: str
    row: int
    entity: str  # "household" or "resident"
    action: str  # NEW, UPDATE or UNCHANGED
    data: dict[str, Any]  # the file's fields, for the register service
    record_id: str | None = None  # the stored record an update changes
    household_id: str | None = None  # a resident's stored household
    household_row: int | None = None  # or the row of this file's household sheet
    who: str = ""
    changed: tuple[str, ...] = ()  # an update's columns whose stored value it replaces


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    planned: tuple[Planned, ...]  # households first, then residents
    problems: tuple[Problem, ...]
    ignored_columns: tuple[str, ...]
    columns: tuple[str, ...]  # the columns read, as the audit names them
    run_id: str = field(default_factory=new_id)

    def count(self, action: str, entity: str | None = None) -> int:
        return sum(1 for p in self.planned
                   if p.action == action and (entity is None or p.entity == entity))

    def rows(self, kind: str) -> int:
        """Rows refused as bad, or as duplicates (a row both bad and duplicate is bad)."""
        bad = {(p.sheet, p.row) for p in self.problems if p.kind == BAD}
        if kind == BAD:
            return len(bad)
        return len({(p.sheet, p.row) for p in self.problems if p.kind == DUPLICATE} - bad)


# ---------------------------------------------------------------- checking against the store


class _Preview:
    """Collects problems and plans while the rows are checked."""

    def __init__(self, actor: Actor, today: date | None):
        self.actor, self.today = actor, today
        self.problems: list[Problem] = []
        self.planned: list[Planned] = []
        self._seen: set[Problem] = set()
        self._rows: set[tuple[str, int]] = set()

    def refuse(self, sheet: str, row: int, entity: str, errors: Iterable[FieldError],
               kind: str = BAD, who: str = "") -> None:
        for error in errors:
            problem = Problem(sheet, row, header_of(entity, error.field), error.reason, kind, who)
            if problem not in self._seen:
                self._seen.add(problem)
                self.problems.append(problem)
                self._rows.add((sheet, row))

    def refused(self, sheet: str, row: int) -> bool:
        return (sheet, row) in self._rows

    def in_scope(self, grid_id: str) -> bool:
        return not self.actor.grid_ids or grid_id in self.actor.grid_ids


def _convert(rows: SheetRows, cols: Sequence[Column], entity: str, out: _Preview,
             who: Mapping[int, str]) -> list[tuple[int, dict[str, Any], set[str]]]:
    """Cells to stored values; a cell that cannot be read is a problem of its row, and
    its field is left out of the row's other checks (one reason per mistake)."""
    by_key = {c.key: c for c in cols}
    converted = []
    for number, raw in rows.rows:
        values: dict[str, Any] = {}
        failed: set[str] = set()
        for key, cell in raw.items():
            try:
                values[key] = cell_in(by_key[key], cell)
            except ValidationError as exc:
                failed.add(key)
                out.refuse(rows.title, number, entity, exc.errors, who=who.get(number, ""))
        converted.append((number, values, failed))
    return converted


def _other(errors: list[FieldError], failed: set[str]) -> list[FieldError]:
    return [e for e in errors if e.field not in failed]


# What an update of a JSON field is called; its columns each hold one part of it.
_GROUP_NAMES = {"rental": "租赁信息", "temporary": "暂住信息"}


def _changed(entity: str, stored: dict[str, Any] | None, clean: Mapping[str, Any]
             ) -> tuple[str, ...]:
    if stored is None:
        return ()
    return tuple(_GROUP_NAMES.get(k) or header_of(entity, k)
                 for k, v in clean.items() if stored.get(k) != v)


def _action(stored: dict[str, Any] | None, changed: tuple[str, ...]) -> str:
    return NEW if stored is None else UPDATE if changed else UNCHANGED


def _fields(obj: Household | Resident) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__mapper__.column_attrs}


def _nested(values: Mapping[str, Any], keys: set[str], name: str,
            stored: dict[str, Any] | None) -> dict[str, Any] | None:
    """A JSON field rebuilt from its columns ("rental.tenants" …) over the stored one."""
    merged = dict(stored or {})
    for key in keys:
        if key.startswith(name + "."):
            part = key.split(".", 1)[1]
            if values.get(key) is None:
                merged.pop(part, None)
            else:
                merged[part] = values[key]
    return merged or None


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _load(session: Session, model: Any, column: Any, values: Iterable[str]) -> list[Any]:
    found = []
    for chunk in _chunks(sorted(set(values))):
        found += session.scalars(select(model).where(column.in_(chunk))).all()
    return found


def preview_import(store: Store, actor: Actor, parsed: ParsedFile,
                   today: date | None = None) -> ImportPreview:
    """Check every row of a read file against the rules and the store; write nothing."""
    out = _Preview(actor, today)
    with store.read() as session:
        household_rows = _households(session, parsed.households, out)
        _residents(session, parsed.residents, household_rows, out)
    names = [f"household.{k}" for k in sorted(parsed.households.keys)] if parsed.households \
        else []
    names += [f"resident.{k}" for k in sorted(parsed.residents.keys)] if parsed.residents else []
    first = parsed.households.title if parsed.households else ""
    problems = sorted(out.problems, key=lambda p: (p.sheet != first, p.row))
    return ImportPreview(parsed.name, tuple(out.planned), tuple(problems), parsed.ignored,
                         tuple(names))


# -- households


@dataclass
class _Grids:
    by_code: dict[str, str]
    by_name: dict[str, list[str]]

    @classmethod
    def load(cls, session: Session) -> _Grids:
        by_code, by_name = {}, defaultdict(list)
        for grid_id, code, name in session.execute(
                select(Area.id, Area.code, Area.name).where(Area.level == "grid")):
            by_code[fold(code)] = grid_id
            by_name[fold(name)].append(grid_id)
        return cls(by_code, by_name)

    def resolve(self, values: Mapping[str, Any]) -> tuple[str | None, list[FieldError]]:
        code, name = values.get("grid_code"), values.get("grid_name")
        if code:
            found = self.by_code.get(fold(code))
            return found, [] if found else [FieldError("grid_code", "找不到该网格编码")]
        if name:
            ids = self.by_name.get(fold(name), [])
            if len(ids) > 1:
                return None, [FieldError("grid_name", "有多个同名网格，请填写网格编码")]
            return (ids[0], []) if ids else (None, [FieldError("grid_name", "找不到该网格")])
        return None, []


def _buildings(session: Session, grid_ids: Iterable[str]) -> dict[tuple[str, str, str], str]:
    """(grid id, "code"|"name", folded text) -> building id."""
    out: dict[tuple[str, str, str], str] = {}
    for chunk in _chunks(sorted(set(grid_ids))):
        for b in session.execute(select(Building.id, Building.grid_id, Building.code,
                                        Building.name).where(Building.grid_id.in_(chunk))):
            out[(b.grid_id, "code", fold(b.code))] = b.id
            out.setdefault((b.grid_id, "name", fold(b.name)), b.id)
    return out


@dataclass(frozen=True)
class _HouseholdRow:
    """What the resident sheet needs to know about a household row of the file."""

    row: int
    ok: bool
    record_id: str | None  # the stored household (an update), else None (new)


def _households(session: Session, sheet: SheetRows | None, out: _Preview
                ) -> dict[str, _HouseholdRow]:
    """Check the household sheet; returns its rows by folded 户编号 for the residents."""
    if sheet is None:
        return {}
    cols = columns("household", out.actor.role)
    rows = _convert(sheet, cols, "household", out, {})
    grids = _Grids.load(session)
    keys = [fold(str(v["key"])) for _, v, _ in rows if v.get("key")]
    stored = {h.id: _fields(h) for h in _load(session, Household, Household.id, keys)}
    resolved = {n: grids.resolve(v) for n, v, _ in rows}
    grid_ids = {g for g, _ in resolved.values() if g} | {h["grid_id"] for h in stored.values()}
    buildings = _buildings(session, grid_ids)
    addresses: dict[tuple[str, str], str] = {}
    for chunk in _chunks(sorted(grid_ids)):
        for hid, grid_id, address in session.execute(select(
                Household.id, Household.grid_id, Household.address)
                .where(Household.grid_id.in_(chunk))):
            addresses[(grid_id, fold(address))] = hid

    by_key: dict[str, list[int]] = defaultdict(list)
    by_address: dict[tuple[str, str], list[int]] = defaultdict(list)
    plans: dict[int, Planned] = {}
    for number, values, failed in rows:
        key = fold(str(values["key"])) if values.get("key") else ""
        existing = stored.get(key)
        data, errors = _household_data(values, sheet.keys, existing, resolved[number],
                                       buildings, out)
        if not key and "key" not in failed:
            errors.append(FieldError("key", validation.REQUIRED))
        try:
            clean = validation.clean_household({**(existing or {}), **data})
        except ValidationError as exc:
            errors += exc.errors
            clean = None
        if resolved[number][1]:  # the grid's own reason says it; "必填" would repeat it
            failed = failed | {"grid_id"}
        out.refuse(sheet.title, number, "household", _other(errors, failed))
        grid_id = data.get("grid_id") or (existing or {}).get("grid_id")
        if key:
            by_key[key].append(number)
        if grid_id and data.get("address"):
            by_address[(grid_id, fold(data["address"]))].append(number)
            other = addresses.get((grid_id, fold(data["address"])))
            if other is not None and other != (existing or {}).get("id"):
                out.refuse(sheet.title, number, "household", [FieldError(
                    "address", "该地址已登记了另一户；如是同一户，请使用导出文件中的户编号")],
                    DUPLICATE)
        if out.refused(sheet.title, number) or clean is None:
            continue
        changed = _changed("household", existing, clean)
        plans[number] = Planned(sheet.title, number, "household", _action(existing, changed),
                                data, record_id=existing["id"] if existing else None,
                                changed=changed)

    _same_in_file(sheet.title, "household", "key", "户编号", by_key, out)
    _same_in_file(sheet.title, "household", "address", "地址", by_address, out)
    refused = {p.row for p in out.problems if p.sheet == sheet.title}
    out.planned += [plan for number, plan in plans.items() if number not in refused]
    result: dict[str, _HouseholdRow] = {}
    for key, numbers in by_key.items():
        plan = plans.get(numbers[0])
        ok = len(numbers) == 1 and numbers[0] not in refused
        result[key] = _HouseholdRow(numbers[0], ok, plan.record_id if plan else None)
    return result


def _household_data(values: Mapping[str, Any], keys: set[str], existing: dict[str, Any] | None,
                    grid: tuple[str | None, list[FieldError]],
                    buildings: Mapping[tuple[str, str, str], str], out: _Preview
                    ) -> tuple[dict[str, Any], list[FieldError]]:
    """The service's fields from the row's columns; columns the sheet lacks stay as stored."""
    errors = list(grid[1])
    data: dict[str, Any] = {k: values.get(k) for k in _HOUSEHOLD_FIELDS if k in keys}
    grid_id = grid[0]
    if grid_id is not None:
        if not out.in_scope(grid_id):
            errors.append(FieldError("grid_name", _OUT_OF_SCOPE))
        data["grid_id"] = grid_id
    elif existing is None and not errors:
        errors.append(FieldError("grid_name", validation.REQUIRED))
    if existing is not None and not out.in_scope(existing["grid_id"]):
        errors.append(FieldError("key", "该户" + _OUT_OF_SCOPE))
    target = grid_id or (existing or {}).get("grid_id")
    if keys & {"building_code", "building_name"} and target:
        data["building_id"] = None
        for kind in ("code", "name"):
            text = values.get(f"building_{kind}")
            if text:
                found = buildings.get((target, kind, fold(str(text))))
                if found is None:
                    errors.append(FieldError(f"building_{kind}", "该网格中没有这个楼栋"))
                data["building_id"] = found
                break
    if any(k.startswith("rental.") for k in keys):
        data["rental"] = _nested(values, keys, "rental", (existing or {}).get("rental"))
    return data, errors


def _same_in_file(sheet: str, entity: str, field_: str, what: str,
                  groups: Mapping[Any, list[int]], out: _Preview,
                  who: Mapping[int, str] | None = None) -> None:
    for numbers in groups.values():
        if len(numbers) < 2:
            continue
        listed = "、".join(str(n) for n in numbers)
        for number in numbers:
            out.refuse(sheet, number, entity, [FieldError(
                field_, f"{what}在本文件中重复（第 {listed} 行）")], DUPLICATE,
                (who or {}).get(number, ""))


# -- residents


def _masked(raw: Mapping[str, Any]) -> str:
    value = raw.get("id_number")
    return mask_id_number("".join(str(value).split())) if value is not None else ""


def _residents(session: Session, sheet: SheetRows | None, households: dict[str, _HouseholdRow],
               out: _Preview) -> None:
    if sheet is None:
        return
    cols = columns("resident", out.actor.role)
    who = {number: _masked(raw) for number, raw in sheet.rows}
    rows = _convert(sheet, cols, "resident", out, who)
    stored_households = {h.id: h.grid_id for h in _load(
        session, Household, Household.id,
        [fold(str(v["household_key"])) for _, v, _ in rows
         if v.get("household_key") and fold(str(v["household_key"])) not in households])}
    numbers_ = {n: _id_number(v.get("id_number"), out.today) for n, v, _ in rows}
    holders = {r.id_number: _fields(r) for r in _load(
        session, Resident, Resident.id_number, [x for x in numbers_.values() if x])}

    by_number: dict[str, list[int]] = defaultdict(list)
    plans: dict[int, Planned] = {}
    for number, values, failed in rows:
        errors: list[FieldError] = []
        target_id, target_row = _target(values.get("household_key"), households,
                                        stored_households, out, errors)
        id_number = numbers_[number]
        if id_number:
            by_number[id_number].append(number)
        holder = holders.get(id_number) if id_number else None
        data = {k: values.get(k) for k in _RESIDENT_FIELDS if k in sheet.keys}
        if any(k.startswith("temporary.") for k in sheet.keys):
            data["temporary"] = _nested(values, sheet.keys, "temporary",
                                        (holder or {}).get("temporary"))
        try:
            clean = validation.clean_resident({**(holder or {}), **data}, today=out.today)
        except ValidationError as exc:
            errors += exc.errors
            clean = None
        out.refuse(sheet.title, number, "resident", _other(errors, failed), who=who[number])
        placed = target_id is not None or target_row is not None
        if holder is not None and placed and holder["household_id"] != target_id:
            out.refuse(sheet.title, number, "resident", [FieldError("id_number", (
                "该身份证号已登记在另一户，不能重复登记；如已搬家，请先在台账中迁出"
                if out.in_scope(holder["grid_id"]) else
                "该身份证号已登记在您负责范围以外的网格"))], DUPLICATE, who[number])
        if out.refused(sheet.title, number) or clean is None:
            continue
        changed = _changed("resident", holder, clean)
        plans[number] = Planned(sheet.title, number, "resident", _action(holder, changed), data,
                                record_id=holder["id"] if holder else None,
                                household_id=target_id, household_row=target_row,
                                who=who[number], changed=changed)

    _same_in_file(sheet.title, "resident", "id_number", "身份证号", by_number, out, who)
    refused = {p.row for p in out.problems if p.sheet == sheet.title}
    out.planned += [plan for number, plan in plans.items() if number not in refused]


def _id_number(value: Any, today: date | None) -> str | None:
    """The stored form of a valid ID number, to look it up; None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        return validation.normalize_id_number(value, today=today)
    except ValidationError:
        return None


def _target(key: Any, households: dict[str, _HouseholdRow], stored: Mapping[str, str],
            out: _Preview, errors: list[FieldError]) -> tuple[str | None, int | None]:
    """The household a resident row joins: (stored id, None) or (None, file row)."""
    if not key:
        errors.append(FieldError("household_key", validation.REQUIRED))
        return None, None
    key = fold(str(key))
    in_file = households.get(key)
    if in_file is not None:
        if not in_file.ok:
            errors.append(FieldError(
                "household_key", f"所属住户（住户表第 {in_file.row} 行）有问题，本行暂不能导入"))
            return None, None
        return (in_file.record_id, None) if in_file.record_id else (None, in_file.row)
    grid_id = stored.get(key)
    if grid_id is None:
        errors.append(FieldError("household_key", "户编号在住户表和台账中都找不到"))
        return None, None
    if not out.in_scope(grid_id):
        errors.append(FieldError("household_key", "该户" + _OUT_OF_SCOPE))
        return None, None
    return key, None
