"""Reporting cases and moving them through the case loop.

Every step goes through `inspector.caseflow.plan`, so a step the loop forbids
is refused here exactly as the server would refuse it. Steps the server alone
applies (立案, 结案) are recorded as pending requests and change nothing locally
until the server confirms them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from .. import caseflow, validation
from ..catalogues import category_codes, codes, issue_subcategory, load_catalogue
from ..db import Store
from ..errors import FieldError, ValidationError
from ..models import (
    PRIORITY_NORMAL,
    PRIORITY_URGENT,
    Component,
    Household,
    Issue,
    IssueAction,
    Patrol,
    Place,
    Resident,
    Task,
    utcnow,
)
from .attachments import PhotoInput, link_photos
from .recording import Actor, Changes, apply_fields, record
from .scope import check_grid, get

# 特别重大 and 重大 reports jump the sync queue (the catalogue marks them urgent).
URGENT_SEVERITIES = frozenset(
    v["code"] for v in load_catalogue("enums").members("severity") if v.get("urgent"))


@dataclass(frozen=True)
class IssueInput:
    """What a reporter fills in (DESIGN §3: what, where, when, cause, losses, scope …)."""

    grid_id: str
    category_code: str
    severity: str
    title: str
    description: str
    address: str
    occurred_at: datetime
    source: str = "patrol"
    triage: str | None = None  # default from the category
    cause: str | None = None
    losses: str | None = None
    scope: str | None = None
    development: str | None = None
    measures: str | None = None
    lat: float | None = None
    lon: float | None = None
    household_id: str | None = None
    resident_id: str | None = None
    place_id: str | None = None
    component_id: str | None = None
    patrol_id: str | None = None
    photos: tuple[PhotoInput, ...] = field(default_factory=tuple)


def priority_of(issue: Issue) -> int:
    return PRIORITY_URGENT if issue.severity in URGENT_SEVERITIES else PRIORITY_NORMAL


def _check_issue(data: IssueInput) -> list[FieldError]:
    errors = validation.require(
        {"category_code": data.category_code, "severity": data.severity, "title": data.title,
         "description": data.description, "address": data.address},
        ["category_code", "severity", "title", "description", "address"])
    if data.category_code and data.category_code not in category_codes():
        errors.append(FieldError("category_code", "不是事件分类目录中的小类"))
    errors += validation.check_choice(data.severity, codes("enums", "severity"), "severity")
    errors += validation.check_choice(data.source, codes("enums", "issue_sources"), "source")
    if data.triage is not None:
        errors += validation.check_choice(data.triage, codes("enums", "triage"), "triage")
    errors += validation.check_text(data.title, "title", 100)
    if data.occurred_at > utcnow():
        errors.append(FieldError("occurred_at", "发生时间不能晚于现在"))
    for name, value in (("lat", data.lat), ("lon", data.lon)):
        limit = 90 if name == "lat" else 180
        if value is not None and not -limit <= value <= limit:
            errors.append(FieldError(name, "坐标超出范围"))
    return errors


_LINKS = (("household_id", Household, "住户"), ("resident_id", Resident, "人员"),
          ("place_id", Place, "场所"), ("component_id", Component, "部件"),
          ("patrol_id", Patrol, "巡查"))


def _check_links(session: Session, data: IssueInput) -> None:
    """Linked records must exist, so a case never points at nothing."""
    errors = [FieldError(field, f"关联的{what}不存在") for field, model, what in _LINKS
              if getattr(data, field) and session.get(model, getattr(data, field)) is None]
    validation.raise_if_errors(errors)


def new_issue(session: Session, actor: Actor, changes: Changes, data: IssueInput, *,
              on_site: bool = False, draft: bool = False) -> Issue:
    """Create a case in the caller's transaction: saved as a draft, reported, or handled on site."""
    errors = _check_issue(data)
    validation.raise_if_errors(errors)
    check_grid(session, actor, data.grid_id)
    _check_links(session, data)
    category = issue_subcategory(data.category_code)
    issue = Issue(
        source=data.source, category_code=data.category_code,
        catalogue_version=load_catalogue("issue_categories").version,
        triage=data.triage or category["default_triage"], severity=data.severity,
        status=caseflow.DRAFT, title=data.title.strip(), description=data.description.strip(),
        cause=data.cause, losses=data.losses, scope=data.scope, development=data.development,
        measures=data.measures, occurred_at=data.occurred_at, reporter=actor.username,
        grid_id=data.grid_id, address=data.address.strip(), lat=data.lat, lon=data.lon,
        household_id=data.household_id, resident_id=data.resident_id, place_id=data.place_id,
        component_id=data.component_id, patrol_id=data.patrol_id,
    )
    session.add(issue)
    record(session, actor, changes, "issue", issue, "insert", priority=priority_of(issue))
    stages = link_photos(session, actor, changes, "issue", issue, data.photos, priority_of(issue))
    if not draft:
        kind = "report_on_site" if on_site else "report"
        _act(session, actor, changes, issue, caseflow.ActionRequest(
            kind, actor.role, photo_stages=stages))
    return issue


def report_issue(store: Store, actor: Actor, data: IssueInput, *, on_site: bool = False,
                 draft: bool = False) -> tuple[str, Changes]:
    """Report a case (or keep it as a draft) in one transaction; returns its id."""
    changes = Changes()
    with store.write() as session:
        issue = new_issue(session, actor, changes, data, on_site=on_site, draft=draft)
        return issue.id, changes


def take_action(store: Store, actor: Actor, issue_id: str, req: caseflow.ActionRequest,
                photos: tuple[PhotoInput, ...] = ()) -> Changes:
    """Apply one case-loop step to a case, with its photos, in one transaction."""
    changes = Changes()
    with store.write() as session:
        issue = get(session, Issue, issue_id, "案件")
        check_grid(session, actor, issue.grid_id)
        stages = link_photos(session, actor, changes, "issue", issue, photos,
                             priority_of(issue))
        req = replace(req, photo_stages=req.photo_stages | stages)
        _act(session, actor, changes, issue, req)
    return changes


def verified_this_round(session: Session, issue_id: str, counted: ColumnElement[bool]) -> bool:
    """Whether the case's latest verification since it last went to verification passed.

    A case returned for rework goes to verification again; a pass from an earlier
    round must not let it close. `counted` says which actions count: on a device
    all but those the server refused, on the server the ones it accepted.
    """
    round_start = (select(func.coalesce(func.max(IssueAction.seq), 0))
                   .where(IssueAction.issue_id == issue_id,
                          IssueAction.kind == "request_verification", counted)
                   .scalar_subquery())
    outcome = session.scalars(
        select(IssueAction.outcome)
        .where(IssueAction.issue_id == issue_id, IssueAction.kind == "verify", counted,
               IssueAction.seq > round_start)
        .order_by(IssueAction.seq.desc()).limit(1)).first()
    return outcome == "passed"


def _act(session: Session, actor: Actor, changes: Changes, issue: Issue,
         req: caseflow.ActionRequest) -> IssueAction:
    if req.role != actor.role:
        raise ValueError("an action's role must be the actor's role")
    verified = verified_this_round(session, issue.id, IssueAction.sync_state != "rejected")
    target = caseflow.plan(issue.status, req, verified=verified)
    step = caseflow.STEPS[req.kind]
    seq = session.scalar(select(func.coalesce(func.max(IssueAction.seq), 0))
                         .where(IssueAction.issue_id == issue.id)) + 1
    action = IssueAction(
        issue_id=issue.id, seq=seq, kind=req.kind, actor=actor.username, actor_role=actor.role,
        at=utcnow(), from_status=issue.status, to_status=target, reason=req.reason,
        department=req.department, deadline_at=req.deadline_at, outcome=req.outcome)
    session.add(action)
    record(session, actor, changes, "issue_action", action, "append",
           priority=priority_of(issue), audit_action=req.kind)
    if step.server_side:
        return action  # requested; the server applies it and syncs the new status back
    updates = caseflow.issue_updates(req.kind, target, action.at, req.department,
                                     req.deadline_at)
    base = {k: getattr(issue, k) for k in updates if getattr(issue, k) != updates[k]}
    for key, value in updates.items():
        setattr(issue, key, value)
    if base:
        issue.version += 1
        changes.add("issue", issue.id)
    if req.kind == "request_verification":
        _verification_task(session, actor, changes, issue)
    return action


def _verification_task(session: Session, actor: Actor, changes: Changes, issue: Issue) -> None:
    task = Task(kind="verify_issue", assignee=issue.reporter, grid_id=issue.grid_id,
                issue_id=issue.id, title=f"核查：{issue.title}")
    session.add(task)
    record(session, actor, changes, "task", task, "insert", priority=priority_of(issue))


def complete_verification(store: Store, actor: Actor, task_id: str, outcome: str, note: str | None,
                          photos: tuple[PhotoInput, ...]) -> Changes:
    """A worker's on-site verification: the verify action with photos, and the task done."""
    changes = Changes()
    with store.write() as session:
        task = get(session, Task, task_id, "任务")
        if task.status != "open":
            raise ValidationError(FieldError("task", "该任务已经办结"))
        if task.issue_id is None:
            raise ValidationError(FieldError("task", "该任务没有关联案件"))
        if task.assignee != actor.username:
            raise ValidationError(FieldError("task", "该任务不是派给您的"))
        issue = get(session, Issue, task.issue_id, "案件")
        check_grid(session, actor, issue.grid_id)
        stages = link_photos(session, actor, changes, "issue", issue, photos, priority_of(issue))
        _act(session, actor, changes, issue, caseflow.ActionRequest(
            "verify", actor.role, reason=note, outcome=outcome, photo_stages=stages))
        base = apply_fields(task, {"status": "done", "result": outcome, "completed_at": utcnow()})
        record(session, actor, changes, "task", task, "update", base=base,
               priority=priority_of(issue))
    return changes
