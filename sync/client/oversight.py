"""The supervisor's server calls: conflicts, register review, duplicate checks.

Typed functions over a logged-in `Transport` that return plain dataclasses, so
the app runs them off the GUI thread and hands the results to widgets. Errors
are the transport's typed ones: a refusal (403/404/409/422) is `sync.errors.Refused`
with the server's reason and `code` ("already_resolved", "changed" …).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from .transport import Transport

# How a conflict is settled, per field.
KEEP_SERVER, TAKE_DEVICE, EDITED = "server", "device", "edited"
# Review states of a register change.
NEW, REVIEWED, RETURNED = "new", "reviewed", "returned"
# Kinds of duplicate groups.
SAME_ID_NUMBER, SAME_NAME_BIRTH, SAME_NAME_PHONE = "id_number", "name_birth", "name_phone"


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# --- conflicts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    id: str
    entity: str
    record_id: str
    grid_id: str | None
    field: str
    base_value: Any
    device_value: Any
    server_value: Any  # when the clash happened
    current_value: Any  # on the server now: what "keep the server's value" keeps
    record_rev: int
    username: str  # who made the device's change
    device_id: str
    created_at: datetime
    title: str


def conflicts(transport: Transport) -> list[Conflict]:
    """Open conflicts in the caller's grids, oldest first."""
    return [Conflict(
        id=c["id"], entity=c["entity"], record_id=c["record_id"], grid_id=c["grid_id"],
        field=c["field"], base_value=c["base_value"], device_value=c["device_value"],
        server_value=c["server_value"], current_value=c["current_value"],
        record_rev=c["record_rev"], username=c["username"], device_id=c["device_id"],
        created_at=_time(c["created_at"]), title=c.get("title") or "")
        for c in transport.json("GET", "/conflicts")]


@dataclass(frozen=True)
class Choice:
    conflict_id: str
    take: str  # KEEP_SERVER, TAKE_DEVICE or EDITED
    value: Any = None  # the edited value, as the record stores it on the wire


@dataclass(frozen=True)
class Resolved:
    record_rev: int
    resolved: tuple[str, ...]  # conflict ids now settled (others on the same fields too)


def resolve(transport: Transport, record_rev: int, choices: list[Choice]) -> Resolved:
    """Settle conflicts of one record as last seen at `record_rev`."""
    body = transport.json("POST", "/conflicts/resolve", json={
        "record_rev": record_rev,
        "choices": [{"conflict_id": c.conflict_id, "take": c.take, "value": c.value}
                    for c in choices]})
    return Resolved(body["record_rev"], tuple(body["resolved"]))


# --- register review ----------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterChange:
    id: str
    at: datetime
    username: str
    device_id: str
    entity: str
    record_id: str
    op: str  # insert / update / delete
    grid_id: str | None
    fields: tuple[str, ...]  # names only
    state: str
    reviewed_by: str | None
    reviewed_at: datetime | None
    note: str | None
    task_id: str | None
    record: dict[str, Any] | None  # as it is now (None once removed)


@dataclass(frozen=True)
class ChangePage:
    changes: list[RegisterChange]
    total: int


def register_changes(transport: Transport, *, state: str | None = NEW,
                     grid_id: str | None = None, username: str | None = None,
                     since: datetime | None = None, until: datetime | None = None,
                     limit: int = 50, offset: int = 0) -> ChangePage:
    """A page of register changes in the caller's grids, newest first (`state` None: all)."""
    params: dict[str, Any] = {"state": state or "all", "limit": limit, "offset": offset}
    for key, value in (("grid_id", grid_id), ("username", username)):
        if value:
            params[key] = value
    for key, moment in (("since", since), ("until", until)):
        if moment is not None:
            params[key] = moment.isoformat()
    body = transport.json("GET", "/register/changes", params=params)
    return ChangePage([RegisterChange(
        id=c["id"], at=_time(c["at"]), username=c["username"], device_id=c["device_id"],
        entity=c["entity"], record_id=c["record_id"], op=c["op"], grid_id=c["grid_id"],
        fields=tuple(c["fields"]), state=c["state"], reviewed_by=c["reviewed_by"],
        reviewed_at=_time(c["reviewed_at"]), note=c["note"], task_id=c["task_id"],
        record=c["record"]) for c in body["changes"]], body["total"])


def mark_reviewed(transport: Transport, ids: list[str], note: str | None = None) -> int:
    return transport.json("POST", "/register/changes/review",
                          json={"ids": ids, "note": note or None})["reviewed"]


def send_back(transport: Transport, change_id: str, note: str) -> str:
    """Return a change to whoever made it with a note; returns the revisit task's id."""
    return transport.json("POST", f"/register/changes/{change_id}/return",
                          json={"note": note})["task_id"]


# --- duplicates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    record_id: str
    grid_id: str
    grid_name: str
    held: bool  # waiting outside the register: its ID number was taken when it came
    visible: bool  # False: in a grid outside the caller's, no details given
    name: str | None = None
    id_number: str | None = None
    birth_date: str | None = None
    phone: str | None = None
    household_id: str | None = None
    address: str | None = None
    registered_by: str | None = None


@dataclass(frozen=True)
class Group:
    group_id: str
    kind: str
    grids: int
    members: tuple[Member, ...]

    @property
    def record_ids(self) -> list[str]:
        return [m.record_id for m in self.members]


def _member(data: dict[str, Any]) -> Member:
    return Member(**{f.name: data[f.name] for f in fields(Member) if f.name in data})


@dataclass(frozen=True)
class GroupPage:
    groups: list[Group]
    next_offset: int | None  # None: no more pages


def duplicates(transport: Transport, kind: str, *, limit: int = 50,
               offset: int = 0) -> GroupPage:
    body = transport.json("GET", "/quality/duplicates",
                          params={"kind": kind, "limit": limit, "offset": offset})
    return GroupPage([Group(g["group_id"], g["kind"], g["grids"],
                            tuple(_member(m) for m in g["members"]))
                      for g in body["groups"]], body["next_offset"])


def keep_one(transport: Transport, group: Group, keep: str) -> int:
    """Keep one member and remove the others; returns how many were removed."""
    return transport.json("POST", "/quality/duplicates/keep", json={
        "kind": group.kind, "record_ids": group.record_ids, "keep": keep})["removed"]


def dismiss(transport: Transport, group: Group) -> None:
    """Look-alikes that are different people: the group stops showing."""
    transport.json("POST", "/quality/duplicates/dismiss",
                   json={"kind": group.kind, "record_ids": group.record_ids})
