"""The rules both ends of sync agree on: versions, receipts and which fields belong to whom.

Keeping them in one module means the client and the server can never disagree
about, say, which fields a worker may see or which fields only actions change.
"""

from __future__ import annotations

import hashlib
from typing import Any

from inspector.roles import ADMIN, STAFF, SUPERVISOR, WORKER, sees_restricted

PROTOCOL_VERSION = 1
# Peers speaking any of these can talk to each other.
COMPATIBLE_VERSIONS = frozenset({1})
VERSION_HEADER = "X-Grid-Protocol"
REQUEST_ID_HEADER = "X-Request-ID"
API = "/api/v1"

# Receipts: what the server did with one pushed change.
APPLIED = "applied"  # applied as sent (or merged with the server's one-sided changes)
DUPLICATE = "duplicate"  # seen before; `original` holds what happened then
CONFLICT = "conflict"  # one or more fields were changed on both sides; the server kept its values
REJECTED = "rejected"  # refused, with the reason; nothing of it was applied
DEFERRED = "deferred"  # depends on a record the server has not received yet; send again later
FINAL_STATUSES = frozenset({APPLIED, DUPLICATE, CONFLICT, REJECTED})

# Ops in the change feed.
UPSERT = "upsert"
DELETE = "delete"
EVICT = "evict"  # the record moved out of this grid: drop the local copy
# A feed entry that is no record: a supervisor settled a conflict or a held record. It names
# the record and the fields (never their values), so the device that raised the problem can
# close it. A device that does not know it skips it, as any unknown entity.
SETTLEMENT = "settlement"

# Batch limits the server accepts; the client stays below them.
MAX_BATCH_CHANGES = 500
MAX_BATCH_BYTES = 2_000_000
MAX_PULL_PAGE = 2000
PHOTO_CHUNK_BYTES = 256 * 1024
MAX_AUDIT_BATCH = 500  # audit chain entries per upload

# Fields only some roles may see or send (DESIGN §6).
RESTRICTED_FIELDS: dict[str, frozenset[str]] = {"resident": frozenset({"restricted_tags"})}

# Fields the server alone sets; devices change them only through case actions.
SERVER_OWNED: dict[str, frozenset[str]] = {
    "issue": frozenset({"number", "status", "reported_at", "deadline_at", "department",
                        "closed_at"}),
    "issue_action": frozenset({"sync_state", "rejected_reason"}),
}

# Who may write each entity from a device. Activities and case actions only grow.
FIELD = frozenset({WORKER, STAFF, SUPERVISOR})
WRITERS: dict[str, frozenset[str]] = {
    "area": frozenset({ADMIN}),
    "grid_staff": frozenset({SUPERVISOR, ADMIN}),
    "building": FIELD, "place": FIELD, "component": FIELD,
    "household": FIELD, "resident": FIELD,
    "patrol": FIELD, "patrol_item": FIELD, "visit": FIELD, "visit_need": FIELD,
    "issue": FIELD, "issue_action": FIELD, "task": FIELD, "photo_link": FIELD,
}
# The register: changes to these from the field are logged on the server for review.
REGISTER = frozenset({"building", "place", "household", "resident"})
DELETABLE = frozenset({"building", "place", "component", "household", "resident"})
APPEND_ONLY = frozenset({"issue_action"})


def strip_restricted(entity: str, role: str, data: dict[str, Any]) -> dict[str, Any]:
    """The record as `role` may see it: restricted fields left out, not blanked."""
    hidden = RESTRICTED_FIELDS.get(entity)
    if not hidden or sees_restricted(role):
        return data
    return {k: v for k, v in data.items() if k not in hidden}


def compatible(version: object) -> bool:
    return isinstance(version, int) and version in COMPATIBLE_VERSIONS


def digest_of(rows: list[tuple[str, int]]) -> str:
    """The drift-check digest of (id, revision) pairs, in id order on both ends."""
    h = hashlib.sha256()
    for record_id, rev in sorted(rows):
        h.update(f"{record_id}:{rev}\n".encode())
    return h.hexdigest()
