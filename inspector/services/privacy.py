"""Looking at personal data that lists keep masked: each look leaves an audit entry.

Revealing a resident's full ID number or a phone changes nothing, so nothing goes to
the outbox; the audit entry alone records who saw which field of which record, from
which device and when (DESIGN §6: "revealing one is audited"). What is masked, and
for whom, is `inspector.disclosure`.
"""

from __future__ import annotations

from ..db import Store
from ..errors import FieldError, ValidationError
from ..models import Household, Resident
from .recording import Actor, audit
from .scope import check_grid, get

REVEAL = "reveal"
# The masked fields a form may reveal, per kind of record, and what the record is called.
REVEALABLE = {
    "resident": (Resident, "人员", frozenset({"id_number", "phone"})),
    "household": (Household, "住户", frozenset({"phone", "landlord_phone"})),
}


def reveal(store: Store, actor: Actor, entity: str, record_id: str, field: str) -> str:
    """The whole value of one masked field of a record in the actor's grids ("" when
    empty), audited as a "reveal" naming the field, never its value."""
    if entity not in REVEALABLE or field not in REVEALABLE[entity][2]:
        raise ValidationError(FieldError(field, "该字段不是打码显示的字段，无需查看完整内容"))
    model, what, _ = REVEALABLE[entity]
    with store.write() as session:
        obj = get(session, model, record_id, what)
        check_grid(session, actor, obj.grid_id)
        audit(session, actor, REVEAL, entity, obj.id, [field])
        return getattr(obj, field) or ""


def reveal_id_number(store: Store, actor: Actor, resident_id: str) -> str:
    """The full ID number of a resident in the actor's grids, audited as a "reveal"."""
    return reveal(store, actor, "resident", resident_id, "id_number")


def record_shown(store: Store, actor: Actor, entity: str, record_id: str,
                 fields: list[str]) -> None:
    """Whole values that came from elsewhere (the server's conflict list) were shown:
    the audit trail says who saw which fields of which record."""
    with store.write() as session:
        audit(session, actor, REVEAL, entity, record_id, sorted(fields))
