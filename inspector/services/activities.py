"""Patrols (巡查) and door-to-door visits (走访).

A patrol records what was checked; a problem found becomes a case in the same
transaction as the checklist line, so a finding is never written without its
case or the reverse. A patrol with nothing checked cannot be finished.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import func, select

from .. import validation
from ..catalogues import checklist_item_codes, codes, load_catalogue
from ..db import Store
from ..errors import FieldError, ValidationError
from ..models import PRIORITY_NORMAL, Household, Patrol, PatrolItem, Visit, VisitNeed, utcnow
from .attachments import PhotoInput, link_photos
from .cases import IssueInput, new_issue, priority_of
from .recording import Actor, Changes, apply_fields, record
from .scope import check_grid, get


def slot_for(moment: datetime) -> str:
    """The patrol slot (早/中/晚) of a local time: the latest slot already started that day.

    Patrols between the catalogue's slots count for the slot before; a night round
    before the first slot belongs to the previous day's last slot.
    """
    clock = moment.astimezone().strftime("%H:%M")
    slots = sorted(load_catalogue("enums").members("patrol_slots"), key=lambda s: s["start"])
    started = [s["code"] for s in slots if s["start"] <= clock]
    return started[-1] if started else slots[-1]["code"]


def start_patrol(store: Store, actor: Actor, grid_id: str, kind: str = "scheduled",
                 now: datetime | None = None) -> tuple[str, Changes]:
    validation.raise_if_errors(validation.check_choice(kind, codes("enums", "patrol_kinds"),
                                                       "kind"))
    now = now or utcnow()
    changes = Changes()
    with store.write() as session:
        check_grid(session, actor, grid_id)
        patrol = Patrol(grid_id=grid_id, worker=actor.username, slot=slot_for(now), kind=kind,
                        started_at=now)
        session.add(patrol)
        record(session, actor, changes, "patrol", patrol, "insert")
        return patrol.id, changes


def check_item(store: Store, actor: Actor, patrol_id: str, item_code: str, result: str,
               note: str | None = None, finding: IssueInput | None = None) -> Changes:
    """Record one checklist line; a "problem" with a finding reports that case at once."""
    errors = validation.check_choice(item_code, checklist_item_codes(), "item_code")
    errors += validation.check_choice(result, codes("enums", "check_results"), "result")
    if result == "problem" and finding is None and not (note or "").strip():
        errors.append(FieldError("note", "发现问题时请说明情况或上报事件"))
    validation.raise_if_errors(errors)
    changes = Changes()
    with store.write() as session:
        patrol = get(session, Patrol, patrol_id, "巡查")
        check_grid(session, actor, patrol.grid_id)
        if patrol.ended_at is not None:
            raise ValidationError(FieldError("patrol", "该巡查已结束"))
        issue_id, priority = None, PRIORITY_NORMAL
        if finding is not None:
            issue = new_issue(session, actor, changes, replace(finding, patrol_id=patrol.id))
            issue_id, priority = issue.id, priority_of(issue)
        position = session.scalar(select(func.count()).select_from(PatrolItem).where(
            PatrolItem.patrol_id == patrol.id))
        item = PatrolItem(patrol_id=patrol.id, position=position, item_code=item_code,
                          result=result, note=note, issue_id=issue_id)
        session.add(item)
        record(session, actor, changes, "patrol_item", item, "insert", priority=priority)
    return changes


def finish_patrol(store: Store, actor: Actor, patrol_id: str,
                  route: Sequence[Sequence[float | str]] | None = None,
                  notes: str | None = None, now: datetime | None = None) -> Changes:
    changes = Changes()
    with store.write() as session:
        patrol = get(session, Patrol, patrol_id, "巡查")
        check_grid(session, actor, patrol.grid_id)
        if patrol.ended_at is not None:
            raise ValidationError(FieldError("patrol", "该巡查已结束"))
        checked = session.scalar(select(func.count()).select_from(PatrolItem).where(
            PatrolItem.patrol_id == patrol.id))
        if not checked:
            raise ValidationError(FieldError("items", "巡查未记录任何检查项，不能结束（巡而不查）"))
        base = apply_fields(patrol, {"ended_at": now or utcnow(), "notes": notes,
                                     "route": [list(p) for p in route] if route else None})
        record(session, actor, changes, "patrol", patrol, "update", base=base,
               audit_action="finish")
    return changes


@dataclass(frozen=True)
class NeedInput:
    category: str
    description: str
    status: str = "open"


@dataclass(frozen=True)
class VisitInput:
    household_id: str
    kind: str
    people_met: tuple[str, ...] = ()
    needs: tuple[NeedInput, ...] = ()
    services: str | None = None
    satisfaction: str | None = None
    notes: str | None = None
    visited_at: datetime | None = None
    photos: tuple[PhotoInput, ...] = field(default_factory=tuple)


def _check_visit(data: VisitInput) -> list[FieldError]:
    errors = validation.require({"kind": data.kind}, ["kind"])
    errors += validation.check_choice(data.kind, codes("visit_needs", "visit_kinds"), "kind")
    errors += validation.check_choice(data.satisfaction, codes("visit_needs", "satisfaction"),
                                      "satisfaction")
    for i, need in enumerate(data.needs):
        errors += validation.check_choice(need.category, codes("visit_needs", "need_categories"),
                                          f"needs[{i}].category")
        errors += validation.require({f"needs[{i}].description": need.description},
                                     [f"needs[{i}].description"])
    if data.visited_at is not None and data.visited_at > utcnow():
        errors.append(FieldError("visited_at", "走访时间不能晚于现在"))
    return errors


def record_visit(store: Store, actor: Actor, data: VisitInput) -> tuple[str, Changes]:
    """Log a visit with its needs and photos; the household's last-visit date moves with it."""
    validation.raise_if_errors(_check_visit(data))
    changes = Changes()
    with store.write() as session:
        household = get(session, Household, data.household_id, "住户")
        check_grid(session, actor, household.grid_id)
        when = data.visited_at or utcnow()
        visit = Visit(household_id=household.id, grid_id=household.grid_id,
                      visitor=actor.username, kind=data.kind, visited_at=when,
                      people_met=list(data.people_met) or None, services=data.services,
                      satisfaction=data.satisfaction, notes=data.notes)
        session.add(visit)
        record(session, actor, changes, "visit", visit, "insert")
        for need in data.needs:
            row = VisitNeed(visit_id=visit.id, category=need.category,
                            description=need.description.strip(), status=need.status)
            session.add(row)
            record(session, actor, changes, "visit_need", row, "insert")
        link_photos(session, actor, changes, "visit", visit, data.photos, PRIORITY_NORMAL)
        if household.last_visit_at is None or household.last_visit_at < when:
            base = apply_fields(household, {"last_visit_at": when})
            record(session, actor, changes, "household", household, "update", base=base)
        return visit.id, changes
