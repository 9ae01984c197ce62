"""Typed SQLAlchemy models of the whole domain (DESIGN §3) and the sync bookkeeping."""

from .activities import Patrol, PatrolItem, Visit, VisitNeed
from .base import Base, Synced, new_id, utcnow
from .bookkeeping import (
    PRIORITY_NORMAL,
    PRIORITY_URGENT,
    AuditEntry,
    CatalogueRecord,
    LocalProfile,
    OutboxEntry,
    SyncCursor,
    SyncProblem,
    SyncStatus,
    Tombstone,
)
from .cases import Issue, IssueAction, Task
from .media import Photo, PhotoLink
from .register import Household, Resident
from .territory import AREA_LEVELS, Area, Building, Component, GridStaff, Place

# Entity names used in the outbox, audit and on the wire.
ENTITIES: dict[str, type[Synced]] = {
    "area": Area,
    "grid_staff": GridStaff,
    "building": Building,
    "place": Place,
    "component": Component,
    "household": Household,
    "resident": Resident,
    "patrol": Patrol,
    "patrol_item": PatrolItem,
    "visit": Visit,
    "visit_need": VisitNeed,
    "issue": Issue,
    "issue_action": IssueAction,
    "task": Task,
    "photo_link": PhotoLink,
}

__all__ = [
    "AREA_LEVELS",
    "ENTITIES",
    "PRIORITY_NORMAL",
    "PRIORITY_URGENT",
    "Area",
    "AuditEntry",
    "Base",
    "Building",
    "CatalogueRecord",
    "Component",
    "GridStaff",
    "Household",
    "Issue",
    "IssueAction",
    "LocalProfile",
    "OutboxEntry",
    "Patrol",
    "PatrolItem",
    "Photo",
    "PhotoLink",
    "Place",
    "Resident",
    "Synced",
    "SyncCursor",
    "SyncProblem",
    "SyncStatus",
    "Task",
    "Tombstone",
    "Visit",
    "VisitNeed",
    "new_id",
    "utcnow",
]
