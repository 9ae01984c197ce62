"""Drills: short guided exercises a trainer gives in the demo, each with a check.

A drill is judged by what the trainee really did, read back from the store: the
records their actions made after the drill began. So a drill is done when the
work is there, the way it would be on patrol, and not before. The texts a
trainee reads (titles, step hints) belong to the UI; a check here answers with
the index of the first step still missing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import caseflow
from ..db import Store
from ..errors import InspectorError
from ..models import Issue, IssueAction, PhotoLink, Resident, Task, Visit, utcnow
from ..services.recording import Actor

REPORT_DRAIN = "report_drain"
VERIFY_CASE = "verify_case"
DOOR_VISIT = "door_visit"
FIND_RESIDENT = "find_resident"

# Each drill's steps, in order; the UI gives every step its hint.
STEPS = {
    REPORT_DRAIN: ("category", "photo", "report"),
    VERIFY_CASE: ("task", "verify"),
    DOOR_VISIT: ("household", "people", "save"),
    FIND_RESIDENT: ("search", "answer"),
}
DRILLS = tuple(STEPS)
DRAIN_CATEGORY = "drain_blocked"


class DrillUnavailable(InspectorError):
    """This drill cannot start for this trainee now; the message says why."""


@dataclass(frozen=True)
class DrillRun:
    """One attempt: what, by whom, since when, and what it asks for."""

    drill: str
    username: str
    started_at: datetime
    id_tail: str | None = None  # FIND_RESIDENT: the last four digits of the ID to find
    target_id: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class DrillCheck:
    step: int  # the first step not done yet; len(steps) when the drill is done
    steps: int

    @property
    def done(self) -> bool:
        return self.step >= self.steps


def begin(store: Store, actor: Actor, drill: str, *, seed: int | None = None) -> DrillRun:
    """Start a drill now; a drill that needs something to work on makes sure it is there."""
    if drill not in STEPS:
        raise ValueError(f"unknown drill {drill!r}")
    started = utcnow()
    with store.read() as session:
        if drill == VERIFY_CASE:
            if actor.role not in caseflow.STEPS["verify"].roles:
                raise DrillUnavailable("核查只能由网格员或社区工作人员办理，请切换角色")
            if not _open_verification_tasks(session, actor.username):
                raise DrillUnavailable("没有等待您核查的任务：请先同步，或重置演示")
        if drill == FIND_RESIDENT:
            resident = _someone(session, actor, random.Random(seed))
            return DrillRun(drill, actor.username, started, id_tail=resident.id_number[-4:],
                            target_id=resident.id)
    return DrillRun(drill, actor.username, started)


def check(store: Store, run: DrillRun, answer: str = "") -> DrillCheck:
    """How far the trainee got: the first step whose result is not in the store yet."""
    with store.read() as session:
        step = _CHECKS[run.drill](session, run, answer.strip())
    return DrillCheck(step, len(STEPS[run.drill]))


def _report_drain(session: Session, run: DrillRun, _answer: str) -> int:
    reports = session.scalars(select(Issue).where(
        Issue.reporter == run.username, Issue.category_code == DRAIN_CATEGORY,
        Issue.created_at >= run.started_at)).all()
    if not reports:
        return 0
    pictured = [i for i in reports if _photos(session, i.id, ("report", "before")) > 0]
    if not pictured:
        return 1
    if all(i.status == caseflow.DRAFT for i in pictured):
        return 2
    return 3


def _verify_case(session: Session, run: DrillRun, _answer: str) -> int:
    verified = session.scalars(select(IssueAction.issue_id).where(
        IssueAction.actor == run.username, IssueAction.kind == "verify",
        IssueAction.at >= run.started_at)).all()
    return 2 if any(_photos(session, i, ("verification",)) for i in verified) else 0


def _door_visit(session: Session, run: DrillRun, _answer: str) -> int:
    visits = session.scalars(select(Visit).where(
        Visit.visitor == run.username, Visit.created_at >= run.started_at)).all()
    if not visits:
        return 0
    return 3 if any(v.people_met for v in visits) else 1


def _find_resident(session: Session, run: DrillRun, answer: str) -> int:
    if not answer:
        return 0
    resident = session.get(Resident, run.target_id)
    return 2 if resident is not None and answer == resident.name else 1


_CHECKS = {REPORT_DRAIN: _report_drain, VERIFY_CASE: _verify_case, DOOR_VISIT: _door_visit,
           FIND_RESIDENT: _find_resident}


def _photos(session: Session, issue_id: str, stages: tuple[str, ...]) -> int:
    return session.scalar(select(func.count()).select_from(PhotoLink).where(
        PhotoLink.entity == "issue", PhotoLink.record_id == issue_id,
        PhotoLink.stage.in_(stages)))


def _open_verification_tasks(session: Session, username: str) -> int:
    return session.scalar(select(func.count()).select_from(Task).where(
        Task.assignee == username, Task.kind == "verify_issue", Task.status == "open"))


def _someone(session: Session, actor: Actor, rng: random.Random) -> Resident:
    """A resident of the trainee's grids whose ID tail is unique there, so the answer is one."""
    tails = func.substr(Resident.id_number, 15, 4)
    unique = (select(tails).where(Resident.grid_id.in_(actor.grid_ids),
                                  Resident.id_number.is_not(None))
              .group_by(tails).having(func.count() == 1))
    ids = session.scalars(select(Resident.id).where(
        Resident.grid_id.in_(actor.grid_ids), tails.in_(unique)).order_by(Resident.id)).all()
    if not ids:
        raise DrillUnavailable("您的网格里没有可供练习的人员")
    return session.get(Resident, rng.choice(ids))
