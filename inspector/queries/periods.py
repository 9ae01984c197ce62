"""Reporting periods: whole local days, weeks and months as [start, end) instants.

Assessment periods (考核: daily reports, weekly checks, monthly rankings) are cut at
midnight China Standard Time, whatever zone a laptop happens to be set to, so two
supervisors always get the same figures for the same month. China has kept UTC+8
all year since 1991, so a fixed offset is exact and needs no time-zone database
(which Windows builds of Python lack).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

REPORT_ZONE = timezone(timedelta(hours=8), "CST")

DAILY, WEEKLY, MONTHLY = "daily", "weekly", "monthly"
REPORT_KINDS = (DAILY, WEEKLY, MONTHLY)


@dataclass(frozen=True)
class Period:
    """From the start of `first` to the end of `last` (local days, both included)."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("a period cannot end before it starts")

    @property
    def start(self) -> datetime:
        return midnight(self.first)

    @property
    def end(self) -> datetime:
        """The first instant after the period (exclusive)."""
        return midnight(self.last + timedelta(days=1))

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def day_list(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range(self.days)]


def midnight(day: date) -> datetime:
    return datetime.combine(day, time(), REPORT_ZONE)


def local_day(moment: datetime) -> date:
    """The reporting day an instant falls on."""
    return moment.astimezone(REPORT_ZONE).date()


def today(now: datetime | None = None) -> date:
    return local_day(now or datetime.now(REPORT_ZONE))


def week_of(day: date) -> Period:
    """Monday to Sunday."""
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6))


def month_of(day: date) -> Period:
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return Period(first, following - timedelta(days=1))


def last_days(n: int, day: date) -> Period:
    """The `n` days ending with `day` (today included)."""
    return Period(day - timedelta(days=n - 1), day)


def report_period(kind: str, day: date) -> Period:
    """The day, week or month of a daily, weekly or monthly report that contains `day`."""
    if kind == DAILY:
        return Period(day, day)
    if kind == WEEKLY:
        return week_of(day)
    if kind == MONTHLY:
        return month_of(day)
    raise ValueError(f"unknown report kind {kind!r}")
