"""When a case must be handled by, and how close it is to that moment.

The time limit of a case comes from two catalogues: the subclass's ``time_limit``
in ``issue_categories.json``, adjusted for the case's severity by
``time_limits.json`` (a per-category override for that severity if there is
one, otherwise the limit scaled by the severity's factor, rounded up to whole
hours or days and at least one).

Units:
- ``hours``: calendar hours, night and weekend included.
- ``days``: calendar days, the same time of day N days later.
- ``working_days``: days on which offices work, by China's official calendar
  (``holidays.json``: public holidays and the weekend days made workdays, 调休).
  Counted in China Standard Time (UTC+8, no daylight saving) whatever the
  computer's zone, because the calendar is China's. A case dispatched on a
  working day is due at the same time of day on the Nth following working day;
  one dispatched on a day off is due at the end (23:59) of the Nth working day
  after it. A year the calendar does not list, or lists as not yet published,
  counts Monday to Friday as working days and ignores holidays.

Deadline states (``deadline_state``), shown by colour wherever a case appears:
- ``overdue``: the deadline has passed and the case is still open;
- ``due_soon``: open, and less than a quarter of the time it was given remains
  (from the dispatch, or the last approved extension, to the deadline; a
  quarter of a day when that moment is unknown), e.g. 30 minutes of a 2-hour
  limit, 30 hours of a 5-day one;
- ``on_time``: open, with more time left;
- ``None``: no deadline, or the case is no longer open (closed, rejected, draft).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

from . import caseflow
from .catalogues import TimeLimit, issue_subcategory, load_catalogue, time_limit

CHINA = timezone(timedelta(hours=8), "CST")
END_OF_DAY = time(23, 59)

OVERDUE = "overdue"
DUE_SOON = "due_soon"
ON_TIME = "on_time"
DUE_SOON_SHARE = 0.25  # due soon when less than this share of the given time is left
UNKNOWN_WINDOW = timedelta(days=1)  # the given time when it is not known


@dataclass(frozen=True)
class WorkCalendar:
    """Which days offices work: weekdays, minus holidays, plus make-up workdays (调休)."""

    days_off: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()
    years: frozenset[int] = frozenset()  # years whose official schedule is listed

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return day not in self.days_off and day.weekday() < 5

    def knows(self, year: int) -> bool:
        """Whether the year's official schedule is listed (otherwise: plain Mon–Fri)."""
        return year in self.years


@functools.cache
def official_calendar() -> WorkCalendar:
    """The calendar in the bundled ``holidays.json``, loaded once."""
    off: set[date] = set()
    work: set[date] = set()
    years = set()
    for entry in load_catalogue("holidays").entries:
        if not entry["published"]:
            continue
        years.add(entry["year"])
        for span in entry["holidays"]:
            start, end = date.fromisoformat(span["from"]), date.fromisoformat(span["to"])
            off.update(start + timedelta(days=n) for n in range((end - start).days + 1))
        work.update(date.fromisoformat(w["date"]) for w in entry["workdays"])
    return WorkCalendar(frozenset(off), frozenset(work), frozenset(years))


def case_limit(category_code: str, severity: str) -> TimeLimit:
    """The time limit of a case of this subclass and severity (see the module's docstring)."""
    rule = next((e for e in load_catalogue("time_limits").entries if e["code"] == severity), None)
    if rule is None:
        return time_limit(category_code)
    overrides = {o["category"]: o for o in rule["overrides"]}
    class_code = issue_subcategory(category_code)["class_code"]
    override = overrides.get(category_code) or overrides.get(class_code)
    if override is not None:
        return TimeLimit(override["value"], override["unit"])
    base = time_limit(category_code)
    scaled = max(1, math.ceil(round(base.value * rule["factor"], 6)))
    return TimeLimit(scaled, base.unit)


def add_limit(start: datetime, limit: TimeLimit,
              calendar: WorkCalendar | None = None) -> datetime:
    """The moment a limit that starts at `start` runs out, in UTC."""
    if start.tzinfo is None:
        raise ValueError("start must be a timezone-aware datetime")
    if limit.unit == "hours":
        return (start + timedelta(hours=limit.value)).astimezone(UTC)
    if limit.unit == "days":
        return (start + timedelta(days=limit.value)).astimezone(UTC)
    if limit.unit != "working_days":
        raise ValueError(f"unknown time unit {limit.unit!r}")
    calendar = calendar or official_calendar()
    local = start.astimezone(CHINA)
    day, left = local.date(), limit.value
    while left:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            left -= 1
    clock = local.timetz() if calendar.is_working_day(local.date()) else END_OF_DAY
    due = datetime.combine(day, clock.replace(tzinfo=None), CHINA)
    return due.astimezone(UTC)


def deadline_for(category_code: str, severity: str, start: datetime,
                 calendar: WorkCalendar | None = None) -> datetime:
    """The deadline of a case of this subclass and severity dispatched at `start`."""
    return add_limit(start, case_limit(category_code, severity), calendar)


def extended_deadline(category_code: str, severity: str, deadline_at: datetime | None,
                      now: datetime, calendar: WorkCalendar | None = None) -> datetime:
    """An extension's proposal: the case's limit once more, from its deadline or from now
    if that has already passed."""
    start = max(deadline_at, now) if deadline_at is not None else now
    return deadline_for(category_code, severity, start, calendar)


def deadline_state(status: str, deadline_at: datetime | None, now: datetime,
                   given_at: datetime | None = None) -> str | None:
    """overdue / due_soon / on_time for an open case with a deadline, else None.

    `given_at` is when the deadline was set (dispatch or approved extension).
    """
    if status not in caseflow.OPEN or deadline_at is None:
        return None
    if caseflow.is_overdue(status, deadline_at, now):
        return OVERDUE
    given = (deadline_at - given_at if given_at is not None and given_at < deadline_at
             else UNKNOWN_WINDOW)
    return DUE_SOON if deadline_at - now <= given * DUE_SOON_SHARE else ON_TIME
