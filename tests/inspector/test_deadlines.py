"""Deadlines on real calendar dates: weekends, the 2026 Spring Festival block, make-up
workdays (调休), hours across midnight, severities, and the deadline states."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from inspector.catalogues import TimeLimit
from inspector.deadlines import (
    CHINA,
    DUE_SOON,
    ON_TIME,
    OVERDUE,
    WorkCalendar,
    add_limit,
    case_limit,
    deadline_for,
    deadline_state,
    extended_deadline,
    official_calendar,
)


def cst(*args: int) -> datetime:
    return datetime(*args, tzinfo=CHINA)


def working(n: int) -> TimeLimit:
    return TimeLimit(n, "working_days")


# ---------------------------------------------------------------- the calendar


def test_the_official_2026_calendar():
    cal = official_calendar()
    assert cal.knows(2026)
    assert not cal.is_working_day(date(2026, 2, 16))  # Monday in the Spring Festival block
    assert cal.is_working_day(date(2026, 2, 14))  # Saturday made a workday
    assert cal.is_working_day(date(2026, 1, 4))  # Sunday made a workday
    assert not cal.is_working_day(date(2026, 10, 7))  # Wednesday, National Day
    assert not cal.is_working_day(date(2026, 3, 7))  # an ordinary Saturday
    assert cal.is_working_day(date(2026, 3, 9))  # an ordinary Monday


def test_a_year_not_published_counts_monday_to_friday():
    cal = official_calendar()
    assert not cal.knows(2027) and not cal.knows(2025)
    assert cal.is_working_day(date(2027, 2, 8))  # a Monday (Spring Festival not yet known)
    assert not cal.is_working_day(date(2027, 2, 6))  # a Saturday
    assert cal.is_working_day(date(2025, 10, 1))  # not in the file: a Wednesday works


# ---------------------------------------------------------------- adding a limit


def test_a_working_day_skips_the_weekend():
    friday = cst(2026, 3, 6, 15, 0)
    assert add_limit(friday, working(1)) == cst(2026, 3, 9, 15, 0)  # Monday, same time
    assert add_limit(friday, working(5)) == cst(2026, 3, 13, 15, 0)


def test_working_days_across_the_spring_festival_block():
    friday = cst(2026, 2, 13, 10, 0)
    # The next working day is the make-up Saturday; after it nine days off.
    assert add_limit(friday, working(1)) == cst(2026, 2, 14, 10, 0)
    assert add_limit(friday, working(2)) == cst(2026, 2, 24, 10, 0)
    # Counted in calendar days the same limit would have ended inside the holiday.
    assert add_limit(friday, TimeLimit(2, "days")) == cst(2026, 2, 15, 10, 0)


def test_a_make_up_sunday_counts_and_new_year_does_not():
    new_years_eve = cst(2025, 12, 31, 9, 30)
    assert add_limit(new_years_eve, working(1)) == cst(2026, 1, 4, 9, 30)
    before_national_day = cst(2026, 9, 18, 16, 0)  # a Friday
    assert add_limit(before_national_day, working(2)) == cst(2026, 9, 21, 16, 0)
    assert add_limit(before_national_day, working(3)) == cst(2026, 9, 22, 16, 0)


def test_dispatched_on_a_day_off_is_due_at_the_end_of_the_nth_working_day():
    in_the_holiday = cst(2026, 2, 16, 9, 0)
    assert add_limit(in_the_holiday, working(1)) == cst(2026, 2, 24, 23, 59)
    saturday = cst(2026, 3, 7, 11, 0)
    assert add_limit(saturday, working(2)) == cst(2026, 3, 10, 23, 59)


def test_working_days_are_counted_in_china_time():
    # 17:00 UTC on Friday the 13th is 01:00 on the make-up Saturday in China.
    start = datetime(2026, 2, 13, 17, 0, tzinfo=UTC)
    due = add_limit(start, working(1))
    assert due == cst(2026, 2, 24, 1, 0) and due.tzinfo is UTC


def test_hours_run_through_midnight_and_holidays():
    assert add_limit(cst(2026, 3, 10, 23, 30), TimeLimit(2, "hours")) == cst(2026, 3, 11, 1, 30)
    assert add_limit(cst(2026, 2, 16, 10, 0), TimeLimit(4, "hours")) == cst(2026, 2, 16, 14, 0)


def test_an_empty_calendar_is_plain_monday_to_friday():
    plain = WorkCalendar()
    assert add_limit(cst(2026, 2, 13, 10, 0), working(2), plain) == cst(2026, 2, 17, 10, 0)


def test_a_naive_start_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        add_limit(datetime(2026, 3, 6, 15, 0), working(1))


# ---------------------------------------------------------------- category and severity


@pytest.mark.parametrize(("category", "severity", "limit"), [
    ("exposed_garbage", "general", TimeLimit(2, "hours")),  # the catalogue's own limit
    ("exposed_garbage", "critical", TimeLimit(1, "hours")),  # x0.25, at least one
    ("road_surface_damaged", "major", TimeLimit(3, "working_days")),  # 5 x0.5, rounded up
    ("street_tree_missing", "serious", TimeLimit(23, "days")),  # 30 x0.75
    ("road_surface_damaged", "minor", TimeLimit(5, "working_days")),
    ("gas_leak", "critical", TimeLimit(1, "hours")),  # class override
    ("group_rental_fire_hazard", "major", TimeLimit(8, "hours")),  # 3 working days otherwise
])
def test_the_limit_depends_on_category_and_severity(category, severity, limit):
    assert case_limit(category, severity) == limit


def test_deadline_for_a_case():
    friday = cst(2026, 2, 13, 10, 0)
    assert deadline_for("neighbour_dispute", "general", friday) == cst(2026, 2, 25, 10, 0)
    assert deadline_for("neighbour_dispute", "critical", friday) == cst(2026, 2, 13, 14, 0)


def test_an_extension_adds_the_limit_again():
    deadline = cst(2026, 3, 9, 15, 0)
    before = cst(2026, 3, 9, 9, 0)
    assert extended_deadline("street_light_out", "general", deadline, before) == \
        cst(2026, 3, 11, 15, 0)
    late = cst(2026, 3, 10, 8, 0)  # the deadline has passed: from now
    assert extended_deadline("street_light_out", "general", deadline, late) == \
        cst(2026, 3, 12, 8, 0)


# ---------------------------------------------------------------- states


def test_deadline_states():
    given = cst(2026, 3, 9, 8, 0)
    deadline = given + timedelta(hours=8)
    assert deadline_state("dispatched", deadline, given + timedelta(hours=5), given) == ON_TIME
    assert deadline_state("dispatched", deadline, given + timedelta(hours=6), given) == DUE_SOON
    assert deadline_state("dispatched", deadline, deadline, given) == DUE_SOON
    assert deadline_state("dispatched", deadline, deadline + timedelta(seconds=1), given) == \
        OVERDUE
    assert deadline_state("verifying", deadline, deadline + timedelta(days=1), given) == OVERDUE


def test_no_state_for_closed_cases_or_cases_without_deadline():
    deadline = cst(2026, 3, 9, 8, 0)
    late = deadline + timedelta(days=3)
    for status in ("closed", "rejected", "evaluated", "draft"):
        assert deadline_state(status, deadline, late) is None
    assert deadline_state("reported", None, late) is None


def test_an_unknown_start_counts_a_quarter_of_a_day():
    deadline = cst(2026, 3, 9, 18, 0)
    assert deadline_state("dispatched", deadline, deadline - timedelta(hours=7)) == ON_TIME
    assert deadline_state("dispatched", deadline, deadline - timedelta(hours=5)) == DUE_SOON
