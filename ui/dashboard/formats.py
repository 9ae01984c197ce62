"""How the dashboard and the reports write rates, hours and ages."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

NONE = "—"  # a rate with nothing to divide by: not 0%


def tr(text: str) -> str:
    return QCoreApplication.translate("formats", text)


def percent(rate: float | None) -> str:
    return NONE if rate is None else f"{rate * 100:.1f}%"


def hours(value: float | None) -> str:
    return NONE if value is None else f"{value:.1f}"


def duration(span: timedelta | None) -> str:
    """A wait as people say it: days and hours, hours, or minutes."""
    if span is None:
        return NONE
    minutes = int(span.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    if days:
        return tr("%1 d %2 h").replace("%1", str(days)).replace("%2", str(rest // 60))
    if rest >= 60:
        return tr("%1 h").replace("%1", str(rest // 60))
    return tr("%1 min").replace("%1", str(rest))
