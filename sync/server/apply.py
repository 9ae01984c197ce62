"""Applying pushed changes: merge, conflict, reject or hold, one change at a time.

`apply_change` runs inside the batch's transaction under a savepoint, with the
batch's records locked (push.py), so changes apply in the order the server
received them (server order) and a refused change leaves nothing behind. Their
revisions are placeholders until the batch's last step numbers them (feed.py).

A resident pushed with an ID number another live resident has is held aside (no
device ever holds two people with one number) until a supervisor keeps one of
them or the worker corrects the number. Register changes from workers and staff
are logged by field name for review (`review.log`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector import caseflow, validation
from inspector.catalogues import category_codes, codes
from inspector.errors import TransitionError, ValidationError
from inspector.models import (
    ENTITIES,
    Area,
    Issue,
    IssueAction,
    Photo,
    PhotoLink,
    Resident,
    Synced,
)
from inspector.roles import ROLES
from inspector.services.cases import verified_this_round
from sync import protocol as p
from sync.wire import from_wire, row_dict

from . import review, scope
from .feed import Revisions, publish, settle
from .models import CaseCounter, Conflict, HeldLink, HeldResident, User

HELD_REASON = ("该身份证号已登记在另一条人员记录中：这条记录暂不进入台账，等待监督员核查；"
               "如身份证号录入有误，更正后会自动提交")


class Refused(Exception):
    """The change is rejected; the message is the reason sent back to the device."""


class Later(Exception):
    """The change depends on a record not received yet; the device sends it again later."""


@dataclass
class Context:
    session: Session
    user: User
    device_id: str
    revs: Revisions
    # Records of the batch the server is known not to have: saves a lookup per insert.
    absent: set[tuple[str, str]] = field(default_factory=set)
    # Change ids of the batch that already have a receipt (a resend).
    receipted: set[str] = field(default_factory=set)


def receipt(change: dict[str, Any], status: str, *, rev: int | None = None,
            reason: str | None = None, **extra: Any) -> dict[str, Any]:
    out = {"change_id": change.get("change_id"), "status": status, "rev": rev, "reason": reason}
    return out | extra


def apply_change(ctx: Context, change: dict[str, Any]) -> dict[str, Any]:
    """One change → its receipt (applied, conflict, rejected or deferred)."""
    entity, op = change.get("entity"), change.get("op")
    model = ENTITIES.get(entity or "")
    if model is None:
        raise Refused(f"未知的记录类型：{entity}")
    if ctx.user.role not in p.WRITERS[entity]:
        raise Refused("您的角色无权修改这类记录")
    record_id = change.get("record_id")
    if not isinstance(record_id, str) or not record_id or len(record_id) > 36:
        raise Refused("记录编号（record_id）无效")
    payload = change.get("payload")
    if not isinstance(payload, dict):
        raise Refused("变更内容（payload）无效")
    try:
        if op in ("insert", "append"):
            return _insert(ctx, entity, model, record_id, payload, change)
        if op == "update":
            return _update(ctx, entity, model, record_id, payload, change)
        if op == "delete":
            return _delete(ctx, entity, model, record_id, change)
    except scope.Unknown as exc:
        raise Later(f"服务器尚未收到所依赖的记录（{exc}）") from exc
    except scope.Gone as exc:
        raise Refused(f"所依赖的记录已在服务器上删除（{exc}）") from exc
    raise Refused(f"未知的操作：{op}")


def _typed(model: type[Synced], data: dict[str, Any]) -> dict[str, Any]:
    try:
        return from_wire(model, data)
    except ValueError as exc:
        raise Refused(str(exc)) from exc


def _visible_fields(ctx: Context, entity: str, data: dict[str, Any]) -> dict[str, Any]:
    """What a device may set: never server-owned fields, restricted ones only if allowed."""
    owned = p.SERVER_OWNED.get(entity, frozenset())
    data = {k: v for k, v in data.items() if k not in owned}
    return p.strip_restricted(entity, ctx.user.role, data)


def _check_write(ctx: Context, grid_id: str | None) -> None:
    if not scope.may_write(ctx.user, grid_id):
        raise Refused("该记录不在您负责的网格范围内")


def _check_references(ctx: Context, model: type[Synced], values: dict[str, Any]) -> None:
    """Every record this one points at is on the server (else Later) and not deleted."""
    for fk in model.__table__.foreign_keys:
        value = values.get(fk.parent.name)
        target = fk.column.table.name
        if value is None or target == "photo":
            continue
        scope.indexed(ctx.session, target, value)


def _validate(entity: str, values: dict[str, Any]) -> None:
    """The same checks a form on the device runs (inspector.validation)."""
    try:
        if entity == "household":
            validation.clean_household(values)
        elif entity == "resident":
            validation.clean_resident(values)
        elif entity == "issue":
            errors = []
            if values.get("category_code") not in category_codes():
                errors.append(validation.FieldError("category_code", "不是事件分类目录中的小类"))
            errors += validation.check_choice(values.get("severity"),
                                              codes("enums", "severity"), "severity")
            validation.raise_if_errors(errors)
    except ValidationError as exc:
        raise Refused("；".join(str(e) for e in exc.errors)) from exc


def _publish(ctx: Context, entity: str, obj: Synced, grid_id: str | None, *,
             deleted: bool = False) -> int:
    rev = publish(ctx.revs, entity, obj.id, grid_id, deleted=deleted)
    ctx.absent.discard((entity, obj.id))
    if not deleted:
        obj.server_rev = rev
    return rev


def _held(session: Session, entity: str, record_id: str) -> bool:
    """A photo link or a resident the server keeps aside, out of the register and the feed."""
    model = {"photo_link": HeldLink, "resident": HeldResident}.get(entity)
    return model is not None and session.get(model, record_id) is not None


def id_number_taken(session: Session, id_number: Any, own_id: str | None = None) -> bool:
    """Whether another live resident has this ID number (the unique index answers)."""
    wanted = {id_number, validation.normalize_id_number(id_number)}
    holder = session.scalar(select(Resident.id).where(Resident.id_number.in_(wanted)).limit(1))
    return holder is not None and holder != own_id


def add_record(ctx: Context, entity: str, model: type[Synced], values: dict[str, Any],
               grid_id: str | None) -> int:
    """A record new to the server into its table and the feed; returns its revision."""
    rev = publish(ctx.revs, entity, values["id"], grid_id, new=True)
    ctx.absent.discard((entity, values["id"]))
    ctx.session.add(model(**values, server_rev=rev))
    ctx.session.flush()
    return rev


def _filled(values: dict[str, Any]) -> list[str]:
    return sorted(k for k, v in values.items() if k != "id" and v not in (None, "", [], {}))


def _insert(ctx: Context, entity: str, model: type[Synced], record_id: str,
            payload: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    session = ctx.session
    data = _visible_fields(ctx, entity, payload) | {"id": record_id}
    key = (entity, record_id)
    existing = None if key in ctx.absent else session.get(scope.RecordIndex, key)
    if existing is not None or _held(session, entity, record_id):
        raise Refused("该记录已在服务器上删除" if existing is not None and existing.deleted
                      else "服务器上已有同一编号的记录")
    values = _typed(model, data)
    if entity == "issue_action":
        return _case_action(ctx, values, change)
    grid_id = scope.grid_of(session, entity, values)
    _check_write(ctx, grid_id)
    _check_references(ctx, model, values)
    _validate(entity, values)
    if entity == "issue":
        values |= {"status": caseflow.DRAFT, "reporter": ctx.user.username}
    if entity == "photo_link" and _photo_missing(ctx, values.get("photo_sha256")):
        # Invisible until its photo arrives (see photos.complete_upload).
        session.add(HeldLink(record_id=record_id, photo_sha256=values["photo_sha256"],
                             grid_id=grid_id, data=data))
        return receipt(change, p.APPLIED, held=True)
    if entity == "resident" and id_number_taken(session, values["id_number"]):
        return _hold_resident(ctx, values, grid_id, data, change)
    try:
        rev = _add_unless_taken(ctx, entity, model, values, grid_id)
    except _Taken:
        return _hold_resident(ctx, values, grid_id, data, change)
    review.log(ctx, entity, record_id, "insert", grid_id, _filled(values), rev)
    return receipt(change, p.APPLIED, rev=rev)


def _hold_resident(ctx: Context, values: dict[str, Any], grid_id: str | None,
                   data: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    ctx.session.add(HeldResident(record_id=values["id"], id_number=values["id_number"],
                                 grid_id=grid_id, data=data, device_id=ctx.device_id,
                                 username=ctx.user.username))
    return receipt(change, p.APPLIED, held=True, fields=["id_number"], reason=HELD_REASON)


class _Taken(Exception):
    """A concurrent push took the resident's ID number first."""


def _add_unless_taken(ctx: Context, entity: str, model: type[Synced], values: dict[str, Any],
                      grid_id: str | None) -> int:
    """`add_record`; a resident whose ID number a concurrent push registered meanwhile (the
    unique index waits for that push, then refuses) is held like any other, not rejected."""
    if entity != "resident":
        return add_record(ctx, entity, model, values, grid_id)
    mark = ctx.revs.mark()
    try:
        with ctx.session.begin_nested():
            return add_record(ctx, entity, model, values, grid_id)
    except IntegrityError:
        ctx.revs.rewind(mark)
        if id_number_taken(ctx.session, values["id_number"]):
            raise _Taken from None
        raise


def _photo_missing(ctx: Context, sha: Any) -> bool:
    """Whether a link's photo has not arrived, asked under the counter lock when it seems
    missing: an upload takes that lock before it releases held links, so either it sees
    this link held or this push sees its photo (never neither)."""
    if ctx.session.get(Photo, sha) is not None:
        return False
    ctx.revs.lock()
    return ctx.session.scalar(select(Photo.sha256).where(Photo.sha256 == sha)) is None


def _update_held(ctx: Context, held: HeldResident, fields: dict[str, Any],
                 change: dict[str, Any]) -> dict[str, Any]:
    """An edit of a held resident from its device: kept with it, and a corrected ID number
    that no one else has lets it into the register."""
    _check_write(ctx, held.grid_id)
    data = held.data | fields
    values = _typed(Resident, data)
    grid_id = scope.grid_of(ctx.session, "resident", values)
    _check_write(ctx, grid_id)
    _check_references(ctx, Resident, values)
    _validate("resident", values)
    if id_number_taken(ctx.session, values["id_number"]):
        held.data, held.grid_id, held.id_number = data, grid_id, values["id_number"]
        return receipt(change, p.APPLIED, held=True)
    ctx.session.delete(held)
    rev = add_record(ctx, "resident", Resident, values, grid_id)
    settle(ctx.revs, "resident", held.record_id, grid_id, ["id_number"], "released",
           ctx.user.username)
    review.log(ctx, "resident", held.record_id, "insert", grid_id, _filled(values), rev)
    return receipt(change, p.APPLIED, rev=rev)


def same_value(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def _update(ctx: Context, entity: str, model: type[Synced], record_id: str,
            payload: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    session = ctx.session
    if entity in p.APPEND_ONLY:
        raise Refused("办理记录只能追加，不能修改")
    fields, base = payload.get("fields"), payload.get("base")
    if not isinstance(fields, dict) or not isinstance(base, dict):
        raise Refused("修改内容须包含 fields 和 base")
    owned = sorted(set(fields) & p.SERVER_OWNED.get(entity, frozenset()))
    if owned:
        raise Refused(f"字段 {', '.join(owned)} 只能通过办理动作改变")
    if session.get(HeldLink, record_id) is not None:
        raise Later("照片尚未上传完成")
    fields = _visible_fields(ctx, entity, fields)
    held = (session.get(HeldResident, record_id, with_for_update=True)
            if entity == "resident" else None)
    if held is not None:
        return _update_held(ctx, held, fields, change)
    scope.indexed(session, entity, record_id)
    obj = session.get(model, record_id)
    assert obj is not None  # indexed and not deleted
    old_grid = scope.grid_of(session, entity, row_dict(obj))
    _check_write(ctx, old_grid)
    current = row_dict(obj)
    take: dict[str, Any] = {}
    clashes: list[Conflict] = []
    for key, value in fields.items():
        if key not in current or key == "id":
            continue
        if key in base and same_value(current[key], base[key]):
            take[key] = value
        elif not same_value(current[key], value):
            clashes.append(Conflict(entity=entity, record_id=record_id, grid_id=old_grid,
                                    field=key, base_value=base.get(key), device_value=value,
                                    server_value=current[key], device_id=ctx.device_id,
                                    username=ctx.user.username))
    rev = obj.server_rev
    if take:
        rev = write_fields(ctx, entity, obj, take)
        review.log(ctx, entity, record_id, "update", getattr(obj, "grid_id", None),
                   sorted(take), rev)
    if not clashes:
        return receipt(change, p.APPLIED, rev=rev)
    for clash in clashes:
        session.add(clash)
    server_copy = p.strip_restricted(entity, ctx.user.role, row_dict(obj))
    return receipt(change, p.CONFLICT, rev=rev, fields=sorted(c.field for c in clashes),
                   server=server_copy)


def write_fields(ctx: Context, entity: str, obj: Synced, take: dict[str, Any]) -> int:
    """Set wire values on a live record, checked as a whole like any write, as a new
    revision in the feed (also when nothing differs); returns the revision."""
    session = ctx.session
    model = type(obj)
    current = row_dict(obj)
    old_grid = scope.grid_of(session, entity, current)
    merged = {**current, **take}
    values = _typed(model, take)
    new_grid = scope.grid_of(session, entity, merged)
    _check_write(ctx, new_grid)
    typed = _typed(model, merged)
    _check_references(ctx, model, typed)
    _validate(entity, typed)
    if "id_number" in take and entity == "resident" and id_number_taken(
            session, typed["id_number"], obj.id):
        raise Refused("id_number: 该身份证号已登记在另一条人员记录中")
    for key, value in values.items():
        setattr(obj, key, value)
    obj.version += 1
    session.flush()
    rev = _publish(ctx, entity, obj, new_grid)
    if new_grid != old_grid:
        _move_dependents(ctx, entity, obj.id, new_grid)
    return rev


def _move_dependents(ctx: Context, entity: str, record_id: str, grid_id: str | None) -> None:
    """Records that take their grid from this one follow it (photo links, a case's actions,
    a patrol's items, a visit's needs), so both grids' devices learn of the move."""
    session = ctx.session
    dependents = [(child, select(ENTITIES[child].id).where(
        getattr(ENTITIES[child], column) == record_id))
        for child, (parent, column) in scope.PARENTS.items() if parent == entity]
    dependents.append(("photo_link", select(PhotoLink.id).where(
        PhotoLink.entity == entity, PhotoLink.record_id == record_id)))
    for child, query in dependents:
        for child_id in session.scalars(query).all():
            obj = session.get(ENTITIES[child], child_id)
            _publish(ctx, child, obj, grid_id)


def _delete(ctx: Context, entity: str, model: type[Synced], record_id: str,
            change: dict[str, Any]) -> dict[str, Any]:
    session = ctx.session
    if entity not in p.DELETABLE:
        raise Refused("这类记录只能追加，不能删除")
    index = session.get(scope.RecordIndex, (entity, record_id))
    if index is None or index.deleted:
        held = session.get(HeldResident, record_id) if entity == "resident" else None
        if held is not None:
            _check_write(ctx, held.grid_id)
            session.delete(held)  # withdrawn by its device before anyone settled it
        return receipt(change, p.APPLIED)  # never arrived or already gone: nothing to do
    _check_write(ctx, index.grid_id)
    rev = remove_record(ctx, entity, model, record_id, index.grid_id)
    review.log(ctx, entity, record_id, "delete", index.grid_id, [], rev)
    return receipt(change, p.APPLIED, rev=rev)


def remove_record(ctx: Context, entity: str, model: type[Synced], record_id: str,
                  grid_id: str | None) -> int:
    """Delete a live record and put its tombstone in the feed; Refused while others point
    at it."""
    ctx.session.delete(ctx.session.get(model, record_id))
    try:
        ctx.session.flush()
    except IntegrityError as exc:
        raise Refused("仍有其他记录引用该记录，服务器上不能删除") from exc
    return publish(ctx.revs, entity, record_id, grid_id, deleted=True)


def _photo_stages(session: Session, issue_id: str) -> frozenset[str]:
    linked = session.scalars(select(PhotoLink.stage).where(
        PhotoLink.entity == "issue", PhotoLink.record_id == issue_id)).all()
    held = [h.data.get("stage") for h in session.scalars(select(HeldLink).where(
        HeldLink.data["record_id"].as_string() == issue_id))]
    return frozenset(s for s in [*linked, *held] if s)


def _case_number(session: Session, issue: Issue, at: datetime) -> str:
    grid = session.get(Area, issue.grid_id)
    prefix = f"{grid.code if grid else 'X'}-{at:%Y%m%d}"
    # One statement each, so concurrent pushes numbering cases of one grid and day wait on
    # the counter's row instead of both taking the same number.
    dialect = {"postgresql": pg_insert, "sqlite": sqlite_insert}[session.get_bind().dialect.name]
    session.execute(dialect(CaseCounter).values(prefix=prefix, last=0)
                    .on_conflict_do_nothing(index_elements=["prefix"]))
    last = session.execute(update(CaseCounter).where(CaseCounter.prefix == prefix)
                           .values(last=CaseCounter.last + 1).returning(CaseCounter.last)
                           .execution_options(synchronize_session=False)).scalar_one()
    return f"{prefix}-{last:04d}"


def _case_action(ctx: Context, values: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    """A step of the case loop, checked against the case as the server has it, in server order.

    A refused step is kept as a rejected action (with its reason) so the reporter,
    the supervisor and the audit all see it; the case itself does not move.
    """
    session = ctx.session
    issue = session.get(Issue, values.get("issue_id"))
    if issue is None:
        scope.indexed(session, "issue", str(values.get("issue_id")))  # Later or Gone
        raise Refused("案件不存在")
    _check_write(ctx, issue.grid_id)
    if values.get("actor") != ctx.user.username:
        raise Refused("办理人与登录账号不一致")
    if values.get("actor_role") not in ROLES:
        raise Refused("办理角色无效")
    req = caseflow.ActionRequest(
        kind=str(values.get("kind")), role=ctx.user.role, reason=values.get("reason"),
        department=values.get("department"), deadline_at=values.get("deadline_at"),
        outcome=values.get("outcome"), photo_stages=_photo_stages(session, issue.id))
    seq = session.scalar(select(func.coalesce(func.max(IssueAction.seq), 0))
                         .where(IssueAction.issue_id == issue.id)) + 1
    values |= {"seq": seq, "actor_role": ctx.user.role, "from_status": issue.status}
    try:
        target = caseflow.plan(issue.status, req, verified=verified_this_round(
            session, issue.id, IssueAction.sync_state == "accepted"))
    except TransitionError as exc:
        action = IssueAction(**(values | {"to_status": issue.status, "sync_state": "rejected",
                                          "rejected_reason": str(exc)}))
        session.add(action)
        session.flush()
        _publish(ctx, "issue_action", action, issue.grid_id)
        return receipt(change, p.REJECTED, reason=str(exc))
    action = IssueAction(**(values | {"to_status": target, "sync_state": "accepted"}))
    session.add(action)
    for key, value in caseflow.issue_updates(req.kind, target, action.at, req.department,
                                             req.deadline_at).items():
        setattr(issue, key, value)
    if req.kind in ("report", "report_on_site") and issue.number is None:
        issue.number = _case_number(session, issue, action.at)
    issue.version += 1
    session.flush()
    rev = _publish(ctx, "issue_action", action, issue.grid_id)
    _publish(ctx, "issue", issue, issue.grid_id)
    return receipt(change, p.APPLIED, rev=rev)

