"""How a case's deadline looks wherever a case is shown: amber when due soon, red when overdue.

The states come from `inspector.deadlines`; this module gives them one colour and one
wording for the case list, the case detail, the tasks and the review inbox.
"""

from __future__ import annotations

from datetime import datetime

from inspector.catalogues import TimeLimit
from inspector.deadlines import DUE_SOON, OVERDUE

from .words import tr

OVERDUE_COLOR = "#c62828"
DUE_SOON_COLOR = "#b45309"
COLORS = {OVERDUE: OVERDUE_COLOR, DUE_SOON: DUE_SOON_COLOR}


def deadline_color(state: str | None) -> str | None:
    return COLORS.get(state or "")


def with_state(text: str, state: str | None) -> str:
    """A status followed by "overdue" or "due soon" when it is."""
    if state == OVERDUE:
        return tr("%1 · overdue").replace("%1", text)
    if state == DUE_SOON:
        return tr("%1 · due soon").replace("%1", text)
    return text


def deadline_tip(state: str | None) -> str | None:
    if state == OVERDUE:
        return tr("Overdue: the time limit has passed")
    if state == DUE_SOON:
        return tr("Due soon: less than a quarter of the time limit is left")
    return None


def _span(minutes: int) -> str:
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        parts = [tr("%1 d").replace("%1", str(days))]
        if hours:
            parts.append(tr("%1 h").replace("%1", str(hours)))
    elif hours:
        parts = [tr("%1 h").replace("%1", str(hours))]
        if mins:
            parts.append(tr("%1 min").replace("%1", str(mins)))
    else:
        parts = [tr("%1 min").replace("%1", str(mins))]
    return " ".join(parts)


def time_left(deadline_at: datetime | None, now: datetime) -> str:
    """"3 h 20 min left" or "overdue by 2 d 4 h" ('' without a deadline)."""
    if deadline_at is None:
        return ""
    minutes = int((deadline_at - now).total_seconds() // 60)
    if minutes < 0:
        return tr("overdue by %1").replace("%1", _span(-minutes))
    return tr("%1 left").replace("%1", _span(minutes))


def limit_words(limit: TimeLimit) -> str:
    """A time limit in words: "2 hours", "5 working days"."""
    if limit.unit == "hours":
        return tr("%n hour(s)", limit.value)
    if limit.unit == "days":
        return tr("%n day(s)", limit.value)
    return tr("%n working day(s)", limit.value)
