"""Looking at personal data that lists keep masked: each look leaves an audit entry.

Revealing a resident's full ID number changes nothing, so nothing goes to the
outbox; the audit entry alone records who saw it, from which device and when
(DESIGN §6: "revealing one is audited").
"""

from __future__ import annotations

from ..db import Store
from ..models import Resident
from .recording import Actor, audit
from .scope import check_grid, get


def reveal_id_number(store: Store, actor: Actor, resident_id: str) -> str:
    """The full ID number of a resident in the actor's grids, audited as a "reveal"."""
    with store.write() as session:
        resident = get(session, Resident, resident_id, "人员")
        check_grid(session, actor, resident.grid_id)
        audit(session, actor, "reveal", "resident", resident.id, ["id_number"])
        return resident.id_number
