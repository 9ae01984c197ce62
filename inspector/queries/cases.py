"""What the issue and task screens show: case lists, one case in full, a worker's tasks.

Lists come back as ids in display order; the UI's lazy tables fetch rows in blocks
with the `*_rows` functions. Rows hold codes (status, severity, category); the UI
turns them into words. Grid lists follow `Actor.grid_ids`: empty means every grid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from .. import caseflow
from ..catalogues import issue_subcategory, load_catalogue
from ..db import Store
from ..deadlines import OVERDUE, deadline_state
from ..errors import NotFoundError
from ..models import Area, Issue, IssueAction, Photo, PhotoLink, Task, utcnow

Row = dict[str, Any]

# Which case-loop steps bring photos of a stage: a photo is linked to the case, and
# the timeline shows it beside the step of that kind recorded nearest in time.
_STAGE_STEPS = {
    "report": ("report", "report_on_site"),
    "before": ("report_on_site",),
    "after": ("report_on_site",),
    "handling": ("feedback",),
    "verification": ("verify",),
}


# ---------------------------------------------------------------- the case list


@dataclass(frozen=True)
class IssueFilter:
    """What the case list is narrowed to; every field left empty lets everything through."""

    grid_ids: tuple[str, ...] = ()
    statuses: frozenset[str] = frozenset()
    class_code: str | None = None  # a category class: every subclass under it
    severity: str | None = None
    overdue_only: bool = False
    text: str = ""  # part of the title, address, number or description


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filtered(query: Select, flt: IssueFilter, now: datetime) -> Select:
    if flt.grid_ids:
        query = query.where(Issue.grid_id.in_(list(flt.grid_ids)))
    if flt.statuses:
        query = query.where(Issue.status.in_(sorted(flt.statuses)))
    if flt.class_code:
        subclasses = [c["code"] for c in load_catalogue("issue_categories").members(
            flt.class_code)]
        query = query.where(Issue.category_code.in_(subclasses))
    if flt.severity:
        query = query.where(Issue.severity == flt.severity)
    if flt.overdue_only:
        query = query.where(Issue.status.in_(sorted(caseflow.OPEN)), Issue.deadline_at < now)
    text = flt.text.strip()
    if text:
        pattern = _like(text)
        query = query.where(or_(*(column.like(pattern, escape="\\") for column in (
            Issue.title, Issue.address, Issue.number, Issue.description))))
    return query


def issue_ids(store: Store, flt: IssueFilter = IssueFilter(),  # noqa: B008 - frozen, shared
              now: datetime | None = None) -> list[str]:
    """Cases matching the filter, newest report first (drafts by when they were written);
    the overdue list most overdue first."""
    when = func.coalesce(Issue.reported_at, Issue.created_at)
    query = _filtered(select(Issue.id), flt, now or utcnow())
    order = (Issue.deadline_at, Issue.id) if flt.overdue_only else (when.desc(), Issue.id)
    with store.read() as session:
        return list(session.scalars(query.order_by(*order)))


def deadlines_given(session: Session, ids: Sequence[str]) -> dict[str, datetime]:
    """When each case got its current deadline: its latest dispatch or approved extension
    (refused steps left out). The share of that time still left says "due soon"."""
    rows = session.execute(
        select(IssueAction.issue_id, func.max(IssueAction.at))
        .where(IssueAction.issue_id.in_(list(ids)), IssueAction.deadline_at.is_not(None),
               IssueAction.sync_state != "rejected")
        .group_by(IssueAction.issue_id)).all()
    return dict(rows)


def issue_rows(store: Store, ids: Sequence[str], now: datetime | None = None) -> dict[str, Row]:
    """One row per case for the list: number, title, codes, dates, and its deadline state
    (`inspector.deadlines`: overdue, due_soon, on_time or None)."""
    now = now or utcnow()
    with store.read() as session:
        rows = session.execute(
            select(Issue.id, Issue.number, Issue.title, Issue.category_code, Issue.severity,
                   Issue.status, Issue.occurred_at, Issue.reported_at, Issue.deadline_at,
                   Issue.address, Area.name)
            .join(Area, Area.id == Issue.grid_id)
            .where(Issue.id.in_(list(ids)))).all()
        given = deadlines_given(session, ids)
    out = {}
    for r in rows:
        state = deadline_state(r.status, r.deadline_at, now, given.get(r.id))
        out[r.id] = {"number": r.number, "title": r.title, "category_code": r.category_code,
                     "severity": r.severity, "status": r.status, "occurred_at": r.occurred_at,
                     "reported_at": r.reported_at, "deadline_at": r.deadline_at,
                     "address": r.address, "grid_name": r.name, "deadline_state": state,
                     "overdue": state == OVERDUE}
    return out


def category_name(code: str) -> str:
    """The catalogue's name of a subclass, "class / subclass"; the code itself if unknown."""
    try:
        sub = issue_subcategory(code)
    except NotFoundError:
        return code
    return f"{sub['class_name']} / {sub['name']}"


# ---------------------------------------------------------------- one case


@dataclass(frozen=True)
class PhotoRef:
    sha256: str
    stage: str
    taken_at: datetime | None


@dataclass(frozen=True)
class ActionEntry:
    """One step of the timeline, with the photos that came with it."""

    seq: int
    kind: str
    actor: str
    actor_role: str
    at: datetime
    from_status: str
    to_status: str
    reason: str | None
    outcome: str | None
    department: str | None
    deadline_at: datetime | None
    sync_state: str
    rejected_reason: str | None
    photos: tuple[PhotoRef, ...]


@dataclass(frozen=True)
class IssueDetail:
    id: str
    number: str | None
    title: str
    status: str
    source: str
    category_code: str
    triage: str
    severity: str
    description: str
    cause: str | None
    losses: str | None
    scope: str | None
    development: str | None
    measures: str | None
    occurred_at: datetime
    reported_at: datetime | None
    reporter: str
    grid_name: str
    address: str
    lat: float | None
    lon: float | None
    department: str | None
    deadline_at: datetime | None
    closed_at: datetime | None
    deadline_state: str | None  # inspector.deadlines: overdue, due_soon, on_time
    photos: tuple[PhotoRef, ...]
    actions: tuple[ActionEntry, ...]

    @property
    def pending_extension(self) -> ActionEntry | None:
        """The request for more time not yet approved or refused, if there is one."""
        pending = None
        for action in self.actions:
            if action.sync_state == "rejected":
                continue
            if action.kind == "request_extension":
                pending = action
            elif action.kind in ("approve_extension", "deny_extension"):
                pending = None
        return pending


_FIELDS = ("id", "number", "title", "status", "source", "category_code", "triage", "severity",
           "description", "cause", "losses", "scope", "development", "measures", "occurred_at",
           "reported_at", "reporter", "address", "lat", "lon", "department", "deadline_at",
           "closed_at")


def issue_detail(store: Store, issue_id: str, now: datetime | None = None) -> IssueDetail | None:
    """A case with its photos and its whole action history, or None if it is not here."""
    with store.read() as session:
        issue = session.get(Issue, issue_id)
        if issue is None:
            return None
        grid = session.get(Area, issue.grid_id)
        photo_rows = session.execute(
            select(PhotoLink.photo_sha256, PhotoLink.stage, Photo.taken_at, PhotoLink.created_at)
            .join(Photo, Photo.sha256 == PhotoLink.photo_sha256)
            .where(PhotoLink.entity == "issue", PhotoLink.record_id == issue_id)
            .order_by(PhotoLink.created_at, PhotoLink.id)).all()
        actions = list(session.scalars(select(IssueAction).where(IssueAction.issue_id == issue_id)
                                       .order_by(IssueAction.seq)))
        photos = [(PhotoRef(sha, stage, taken), created) for sha, stage, taken, created
                  in photo_rows]
        by_action = _photos_by_action(actions, photos)
        entries = tuple(ActionEntry(
            a.seq, a.kind, a.actor, a.actor_role, a.at, a.from_status, a.to_status, a.reason,
            a.outcome, a.department, a.deadline_at, a.sync_state, a.rejected_reason,
            tuple(by_action.get(a.id, ()))) for a in actions)
        values = {name: getattr(issue, name) for name in _FIELDS}
        given = deadlines_given(session, [issue_id]).get(issue_id)
        return IssueDetail(
            **values, grid_name=grid.name if grid else "",
            deadline_state=deadline_state(issue.status, issue.deadline_at, now or utcnow(),
                                          given),
            photos=tuple(p for p, _ in photos), actions=entries)


def _photos_by_action(actions: Sequence[IssueAction],
                      photos: Sequence[tuple[PhotoRef, datetime]]) -> dict[str, list[PhotoRef]]:
    """Give each photo to the step of its kind recorded nearest to the photo's link."""
    out: dict[str, list[PhotoRef]] = {}
    for photo, linked_at in photos:
        kinds = _STAGE_STEPS.get(photo.stage, ())
        steps = [a for a in actions if a.kind in kinds]
        if steps:
            nearest = min(steps, key=lambda a: abs((a.at - linked_at).total_seconds()))
            out.setdefault(nearest.id, []).append(photo)
    return out


def allowed_actions(status: str, role: str) -> list[str]:
    """Case-loop steps this role may start from this status, in the loop's order.

    Reporting a new case and verifying (done from a task) have their own forms.
    """
    return [kind for kind, step in caseflow.STEPS.items()
            if kind not in ("report_on_site", "verify")
            and role in step.roles and status in step.sources]


# ---------------------------------------------------------------- tasks


def task_ids(store: Store, assignee: str, include_done: bool = False) -> list[str]:
    """A worker's tasks: open ones first, soonest due first; then finished, latest first."""
    query = select(Task.id).where(Task.assignee == assignee)
    if not include_done:
        query = query.where(Task.status == "open")
    order = (Task.status != "open", Task.due_at.is_(None), Task.due_at,
             Task.completed_at.desc(), Task.created_at.desc(), Task.id)
    with store.read() as session:
        return list(session.scalars(query.order_by(*order)))


def task_rows(store: Store, ids: Sequence[str], now: datetime | None = None) -> dict[str, Row]:
    """Title, kind, status, due date (and whether it passed), result, case address, and the
    deadline state of the task's case while the task is open."""
    now = now or utcnow()
    with store.read() as session:
        rows = session.execute(
            select(Task.id, Task.title, Task.kind, Task.status, Task.due_at, Task.result,
                   Task.completed_at, Task.issue_id, Issue.address, Issue.severity,
                   Issue.status.label("case_status"), Issue.deadline_at)
            .outerjoin(Issue, Issue.id == Task.issue_id)
            .where(Task.id.in_(list(ids)))).all()
        given = deadlines_given(session, [r.issue_id for r in rows if r.issue_id])
    return {r.id: {"title": r.title, "kind": r.kind, "status": r.status, "due_at": r.due_at,
                   "result": r.result, "completed_at": r.completed_at, "issue_id": r.issue_id,
                   "address": r.address, "severity": r.severity,
                   "late": r.status == "open" and r.due_at is not None and r.due_at < now,
                   "case_deadline_state": deadline_state(
                       r.case_status, r.deadline_at, now, given.get(r.issue_id))
                   if r.status == "open" and r.issue_id else None}
            for r in rows}


@dataclass(frozen=True)
class TaskDetail:
    id: str
    kind: str
    title: str
    status: str
    assignee: str
    due_at: datetime | None
    result: str | None
    completed_at: datetime | None
    issue: IssueDetail | None


def task_detail(store: Store, task_id: str) -> TaskDetail | None:
    with store.read() as session:
        task = session.get(Task, task_id)
        if task is None:
            return None
        values = (task.id, task.kind, task.title, task.status, task.assignee, task.due_at,
                  task.result, task.completed_at)
        issue_id = task.issue_id
    return TaskDetail(*values, issue=issue_detail(store, issue_id) if issue_id else None)
