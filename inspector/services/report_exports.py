"""Exporting a case report changes no record, but who took what out of the system is
audited (DESIGN §6: "exports are audited"), like every other export."""

from __future__ import annotations

from datetime import date

from ..db import Store
from .recording import Actor, audit


def record_report_export(store: Store, actor: Actor, kind: str, first_day: date) -> None:
    """The audit entry of one exported report: action "export", entity "report", and as
    record id the report's kind and first day (e.g. "weekly:2026-11-16")."""
    with store.write() as session:
        audit(session, actor, "export", "report", f"{kind}:{first_day.isoformat()}")
