"""The conflicts and rejections a sync left behind: read by the worker, settled by a
supervisor."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.db import Store
from inspector.models import SyncProblem


def acknowledge_problems(store: Store, problem_ids: list[str]) -> int:
    """Mark problems as read (device-local bookkeeping, nothing to sync); returns how many."""
    with store.write() as session:
        problems = list(session.scalars(select(SyncProblem)
                                        .where(SyncProblem.id.in_(problem_ids))))
        for problem in problems:
            problem.acknowledged = True
        return len(problems)


def settle_problems(session: Session, notes: list[dict[str, Any]]) -> int:
    """Close the conflicts a supervisor settled (`protocol.SETTLEMENT` notes from the feed).

    A problem closes once every field it names is settled; it keeps how, by whom and
    when, and the record's new value arrives with the same pull. Returns how many closed.
    """
    closed = 0
    for note in notes:
        for problem in session.scalars(select(SyncProblem).where(
                SyncProblem.record_id == note.get("record_id"),
                SyncProblem.entity == note.get("entity"), SyncProblem.kind == "conflict",
                SyncProblem.acknowledged.is_(False))):
            detail = dict(problem.detail or {})
            settled = sorted(set(detail.get("settled", [])) | set(note.get("fields") or []))
            detail |= {"settled": settled, "outcome": note.get("outcome"),
                       "settled_by": note.get("settled_by"), "settled_at": note.get("settled_at")}
            problem.detail = detail
            if set(detail.get("fields") or []) <= set(settled):
                problem.acknowledged = True
                closed += 1
    return closed
