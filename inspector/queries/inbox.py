"""The supervisor's review inbox: which cases wait for which step of the loop, and how many.

Each queue is a condition on the case and its action history, so a case leaves a
queue the moment the step that queue waits for is recorded. A step only the server
applies (立案, 结案) moves the case to "waiting for the server" until a sync
brings the new status back. A case may sit in more than one queue: a dispatched
case with a pending request for more time is "in handling" and "extension
requested"; every overdue case is also in "overdue".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, Select, case, exists, func, select
from sqlalchemy.orm import aliased

from .. import caseflow
from ..db import Store
from ..models import Issue, IssueAction, utcnow
from ..services.cases import URGENT_SEVERITIES

NEW = "new"  # reported: accept or reject
TO_DISPATCH = "to_dispatch"  # accepted: dispatch to a department with a deadline
EXTENSION = "extension"  # dispatched, more time asked: approve or refuse
HANDLING = "handling"  # dispatched: feedback, urge, ask for more time, escalate
TO_VERIFY = "to_verify"  # handled (or on the spot): send verification to the reporter
VERIFYING = "verifying"  # verification sent, the worker has not answered yet
TO_CLOSE = "to_close"  # verification passed: close
TO_REWORK = "to_rework"  # verification failed: back to the department with a reason
WAITING = "waiting"  # accept or close requested, the server has not confirmed yet
OVERDUE = "overdue"  # every open case past its deadline, most overdue first

QUEUES = (NEW, TO_DISPATCH, EXTENSION, HANDLING, TO_VERIFY, VERIFYING, TO_CLOSE, TO_REWORK,
          WAITING, OVERDUE)
SERVER_STEPS = tuple(kind for kind, step in caseflow.STEPS.items() if step.server_side)


def _last_seq(kinds: Sequence[str]) -> ColumnElement:
    """The position of this case's latest step of these kinds (0 if none); refused ones
    do not count."""
    a = aliased(IssueAction)
    return func.coalesce(
        select(func.max(a.seq))
        .where(a.issue_id == Issue.id, a.kind.in_(list(kinds)), a.sync_state != "rejected")
        .correlate(Issue).scalar_subquery(), 0)


def _round_outcome() -> ColumnElement:
    """The outcome of the verification sent last time (None while it is not back)."""
    a = aliased(IssueAction)
    return (select(a.outcome)
            .where(a.issue_id == Issue.id, a.kind == "verify", a.sync_state != "rejected",
                   a.seq > _last_seq(["request_verification"]))
            .order_by(a.seq.desc()).limit(1)
            .correlate(Issue).scalar_subquery())


def _waiting_for_server() -> ColumnElement:
    a = aliased(IssueAction)
    return exists().where(a.issue_id == Issue.id, a.kind.in_(SERVER_STEPS),
                          a.sync_state == "pending")


def _condition(queue: str, now: datetime) -> ColumnElement:
    status = Issue.status
    if queue == NEW:
        return (status == caseflow.REPORTED) & ~_waiting_for_server()
    if queue == TO_DISPATCH:
        return status == caseflow.ACCEPTED
    if queue == EXTENSION:
        return (status == caseflow.DISPATCHED) & (
            _last_seq(["request_extension"])
            > _last_seq(["approve_extension", "deny_extension"]))
    if queue == HANDLING:
        return status == caseflow.DISPATCHED
    if queue == TO_VERIFY:
        return status.in_([caseflow.HANDLED, caseflow.HANDLED_ON_SITE])
    if queue == VERIFYING:
        return (status == caseflow.VERIFYING) & _round_outcome().is_(None)
    if queue == TO_CLOSE:
        return ((status == caseflow.VERIFYING) & (_round_outcome() == "passed")
                & ~_waiting_for_server())
    if queue == TO_REWORK:
        return (status == caseflow.VERIFYING) & (_round_outcome() == "failed")
    if queue == WAITING:
        return status.in_(sorted(caseflow.OPEN)) & _waiting_for_server()
    if queue == OVERDUE:
        return status.in_(sorted(caseflow.OPEN)) & (Issue.deadline_at < now)
    raise ValueError(f"unknown inbox queue {queue!r}")


def _scoped(query: Select, queue: str, grid_ids: Sequence[str], now: datetime) -> Select:
    if grid_ids:
        query = query.where(Issue.grid_id.in_(list(grid_ids)))
    return query.where(_condition(queue, now))


def queue_ids(store: Store, queue: str, grid_ids: Sequence[str] = (),
              now: datetime | None = None) -> list[str]:
    """The cases of one queue in the order to work on them: urgent severities first, then
    the nearest deadline, then the oldest report; the overdue queue most overdue first."""
    urgent = case((Issue.severity.in_(sorted(URGENT_SEVERITIES)), 0), else_=1)
    soonest = (Issue.deadline_at.is_(None), Issue.deadline_at)
    order = ((Issue.deadline_at, Issue.id) if queue == OVERDUE else
             (urgent, *soonest, Issue.reported_at, Issue.id))
    query = _scoped(select(Issue.id), queue, grid_ids, now or utcnow())
    with store.read() as session:
        return list(session.scalars(query.order_by(*order)))


def queue_counts(store: Store, grid_ids: Sequence[str] = (),
                 now: datetime | None = None) -> dict[str, int]:
    """How many cases wait in each queue (the actor's grids; none given: every grid)."""
    now = now or utcnow()
    with store.read() as session:
        return {queue: session.scalar(_scoped(select(func.count(Issue.id)), queue, grid_ids,
                                              now)) or 0
                for queue in QUEUES}
