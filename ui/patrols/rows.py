"""Columns and row fetcher of the patrol history (runs on the database thread)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from inspector.db import Store
from inspector.queries.activities import patrol_rows

from ..labels import choice_label, local_time
from ..lazymodel import RIGHT, Column

PROBLEMS = "#c62828"


def tr(text: str) -> str:
    return QCoreApplication.translate("patrols", text)


def patrol_columns() -> list[Column]:
    return [Column("when", tr("Date")), Column("slot", tr("Time slot")),
            Column("grid", tr("Grid")), Column("checked", tr("Items checked"), RIGHT),
            Column("problems", tr("Problems found"), RIGHT),
            Column("issues", tr("Cases reported"), RIGHT), Column("state", tr("State"))]


def fetch_patrols(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    out = {}
    for patrol_id, row in patrol_rows(store, ids).items():
        ended = row["ended_at"]
        state = (tr("Finished %1").replace("%1", local_time(ended)[-5:]) if ended
                 else tr("In progress"))
        out[patrol_id] = {
            "when": local_time(row["started_at"]),
            "slot": choice_label("enums", "patrol_slots", row["slot"]), "grid": row["grid"],
            "checked": row["checked"], "problems": row["problems"], "issues": row["issues"],
            "state": state, "_color": PROBLEMS if row["problems"] else None,
            "_tip": choice_label("enums", "patrol_kinds", row["kind"])}
    return out
