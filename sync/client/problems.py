"""The worker reading the conflicts and rejections a sync left behind."""

from __future__ import annotations

from sqlalchemy import select

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
