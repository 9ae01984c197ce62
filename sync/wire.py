"""Records on the wire: JSON-safe dictionaries in, typed column values out.

Both ends use these, so a date that leaves one side as ISO text comes back a
date on the other, and keys a peer does not know are ignored rather than fatal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Date, DateTime, inspect

from inspector.models import Synced
from inspector.services.recording import row_dict

__all__ = ["row_dict", "from_wire", "columns"]


@cache
def columns(model: type[Synced]) -> dict[str, Any]:
    """Column name → SQLAlchemy type for the fields that travel."""
    return {c.key: c.columns[0].type for c in inspect(model).column_attrs
            if c.key not in ("version", "server_rev", "created_at", "updated_at")}


def _moment(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@cache
def _converters(model: type[Synced]) -> dict[str, Callable[[Any], Any] | None]:
    """Per column, how a wire value becomes a column value (None: it already is one)."""
    out: dict[str, Callable[[Any], Any] | None] = {}
    for key, kind in columns(model).items():
        impl = getattr(kind, "impl", kind)
        out[key] = (_moment if isinstance(impl, DateTime)
                    else _day if isinstance(impl, Date) else None)
    return out


def from_wire(model: type[Synced], data: dict[str, Any]) -> dict[str, Any]:
    """Typed values for the known columns in `data`; ValueError names a field that won't parse."""
    convert = _converters(model)
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in convert:
            continue
        fn = convert[key]
        if fn is None or value is None:
            out[key] = value
            continue
        try:
            out[key] = fn(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"字段 {key} 的值格式不正确") from exc
    return out
