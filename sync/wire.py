"""Records on the wire: JSON-safe dictionaries in, typed column values out.

Both ends use these, so a date that leaves one side as ISO text comes back a
date on the other, and keys a peer does not know are ignored rather than fatal.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, inspect

from inspector.models import Synced
from inspector.services.recording import row_dict

__all__ = ["row_dict", "from_wire", "columns"]


def columns(model: type[Synced]) -> dict[str, Any]:
    """Column name → SQLAlchemy type for the fields that travel."""
    return {c.key: c.columns[0].type for c in inspect(model).column_attrs
            if c.key not in ("version", "server_rev", "created_at", "updated_at")}


def _typed(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    impl = getattr(kind, "impl", kind)
    if isinstance(impl, DateTime):
        if isinstance(value, datetime):
            moment = value
        else:
            moment = datetime.fromisoformat(str(value))
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if isinstance(impl, Date) and not isinstance(value, date):
        return date.fromisoformat(str(value))
    return value


def from_wire(model: type[Synced], data: dict[str, Any]) -> dict[str, Any]:
    """Typed values for the known columns in `data`; ValueError names a field that won't parse."""
    known = columns(model)
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            continue
        try:
            out[key] = _typed(known[key], value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"字段 {key} 的值格式不正确") from exc
    return out
