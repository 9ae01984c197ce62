"""The one way a service records a change: data, outbox entry and audit entry together.

Services call `record` inside the transaction that holds the change itself, so a
crash at any instant leaves all three or none (DESIGN §4). The helpers here never
commit; the service that owns the transaction does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from .. import audit_chain
from ..models import PRIORITY_NORMAL, AuditEntry, OutboxEntry, Synced, Tombstone
from ..roles import check_role

# Fields that bookkeeping owns; they never travel as user changes.
_BOOKKEEPING = frozenset({"version", "server_rev", "created_at", "updated_at"})


@dataclass(frozen=True)
class Actor:
    """Who is acting, from which device, in which role."""

    username: str
    role: str
    device_id: str
    grid_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_role(self.role)


@dataclass
class Changes:
    """What a service touched, so views redraw only that (entity → record ids)."""

    touched: dict[str, set[str]] = field(default_factory=dict)

    def add(self, entity: str, record_id: str) -> None:
        self.touched.setdefault(entity, set()).add(record_id)

    def __contains__(self, entity: str) -> bool:
        return entity in self.touched


def wire_value(value: Any) -> Any:
    """A column value as it travels: JSON-safe, dates as ISO strings."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def row_dict(obj: Synced) -> dict[str, Any]:
    """Every column of a record, JSON-safe, bookkeeping columns left out."""
    mapper = inspect(obj).mapper
    return {c.key: wire_value(getattr(obj, c.key)) for c in mapper.column_attrs
            if c.key not in _BOOKKEEPING}


def apply_fields(obj: Synced, values: dict[str, Any]) -> dict[str, Any]:
    """Set the fields that really change; return their previous values (the merge base)."""
    base: dict[str, Any] = {}
    for key, value in values.items():
        old = getattr(obj, key)
        if old != value:
            base[key] = wire_value(old)
            setattr(obj, key, value)
    return base


def record(session: Session, actor: Actor, changes: Changes, entity: str, obj: Synced, op: str,
           *, base: dict[str, Any] | None = None, priority: int = PRIORITY_NORMAL,
           audit_action: str | None = None) -> None:
    """Queue `obj`'s change for the server and write the audit entry, in `session`'s transaction.

    op: "insert" and "append" send the whole record; "update" sends the changed
    fields with their previous values (`base`) and the server revision they were
    made against; "delete" leaves a tombstone until the server confirms.
    """
    session.flush()  # assigns defaults (id) and runs the search index hook
    if op == "update":
        if not base:
            return  # nothing actually changed: no outbox, no audit, no new version
        obj.version += 1
        payload: dict[str, Any] = {
            "fields": {k: wire_value(getattr(obj, k)) for k in base}, "base": base}
        fields = sorted(base)
    elif op == "delete":
        payload = {}
        fields = None
        session.merge(Tombstone(entity=entity, record_id=obj.id, server_rev=obj.server_rev))
    else:
        payload = row_dict(obj)
        fields = sorted(payload)
    size = len(json.dumps(payload, ensure_ascii=False).encode())
    session.add(OutboxEntry(entity=entity, record_id=obj.id, op=op, payload=payload,
                            base_rev=obj.server_rev, priority=priority, size=size))
    audit(session, actor, audit_action or op, entity, obj.id, fields)
    changes.add(entity, obj.id)


def audit(session: Session, actor: Actor, action: str, entity: str, record_id: str,
          fields: list[str] | None = None) -> None:
    """An audit entry alone, for what changes no record: a reveal, an export, an import.

    `fields` names columns, never values: the audit trail holds no personal data.
    Every entry is chained onto the trail (inspector.audit_chain) so gaps and edits show.
    """
    audit_chain.append(session, AuditEntry(actor=actor.username, device_id=actor.device_id,
                                           action=action, entity=entity, record_id=record_id,
                                           fields=fields))
