"""Dashboard benchmark: scorecards, report data and a PDF report over a supervisor's district.

Run from the repository root (the first run generates the district, a few minutes;
later runs reuse the copy cached under the system's temp folder):

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.dashboard --households 100000

The default district has 100k households, 1,000 grids and about a million records
(90 days of patrols). It prints how long the database thread takes to answer each
dashboard question for the supervisor's scope (every grid, as the app asks it) and
how long writing a monthly PDF report takes. Figures only; it never asserts on timings.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from inspector.db import Store, open_store
from inspector.demo import generate
from inspector.demo.accounts import act_as
from inspector.models import Base
from inspector.queries.periods import MONTHLY, last_days, month_of, report_period, today, week_of
from inspector.queries.reports import case_report, daily_counts
from inspector.queries.scorecard import scorecard

RUNS = 5


def timed(fn: Callable[[], Any], runs: int = RUNS) -> tuple[float, float, Any]:
    """(median ms, worst ms, last result) over `runs` calls."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times), result


def cached_store(households: int, patrol_days: int) -> Path:
    """The generated district, made once per size and kept in the temp folder."""
    folder = Path(tempfile.gettempdir()) / f"grid-bench-dashboard-{households}-{patrol_days}"
    path = folder / "store.db"
    if not (folder / "complete").exists():
        print(f"generating {households} households, {patrol_days} days of patrols "
              f"into {folder} ...", file=sys.stderr, flush=True)
        folder.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        store = open_store(path)
        generate(store, households, photos=False, patrol_days=patrol_days,
                 now=datetime.now(UTC))
        store.close()
        (folder / "complete").touch()
    return path


def record_count(store: Store) -> int:
    with store.read() as session:
        return sum(session.scalar(select(func.count()).select_from(table))
                   for table in Base.metadata.sorted_tables)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--patrol-days", type=int, default=90)
    parser.add_argument("--store", type=Path, help="use this store instead of the cached one")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF report (no Qt)")
    args = parser.parse_args(argv)
    store = open_store(args.store or cached_store(args.households, args.patrol_days))
    grids = list(act_as(store, "supervisor").grid_ids or ())
    day = today()
    print(f"{record_count(store):,} records, {len(grids)} grids in the supervisor's scope")
    print(f"{'question':<34}{'median ms':>10}{'worst ms':>10}")
    periods = {"this week": week_of(day), "this month": month_of(day),
               "last 30 days": last_days(30, day), "last 90 days": last_days(90, day)}
    for label, period in periods.items():
        median, worst, card = timed(lambda p=period: scorecard(store, p, grids))
        print(f"{'scorecard, ' + label:<34}{median:>10.0f}{worst:>10.0f}"
              f"   ({len(card.grids)} grids, {len(card.workers)} people,"
              f" {card.total.patrols:,} patrols)")
    median, worst, series = timed(lambda: daily_counts(store, periods["last 30 days"], grids))
    print(f"{'daily counts, last 30 days':<34}{median:>10.0f}{worst:>10.0f}"
          f"   ({sum(series.reported)} reported)")
    month = report_period(MONTHLY, day)
    median, worst, report = timed(lambda: case_report(store, MONTHLY, month, grids))
    print(f"{'monthly report data':<34}{median:>10.0f}{worst:>10.0f}"
          f"   ({report.totals.reported} cases, {len(report.overdue)} overdue)")
    if not args.no_pdf:
        bench_pdf(report)
    store.close()
    return 0


def bench_pdf(report: Any) -> None:
    from PySide6.QtGui import QGuiApplication

    from ui.reports.pdf import write_pdf

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    median, worst, pages = timed(lambda: write_pdf(report, folder / "report.pdf"), runs=3)
    size = (folder / "report.pdf").stat().st_size // 1024
    print(f"{'monthly PDF report':<34}{median:>10.0f}{worst:>10.0f}"
          f"   ({pages} pages, {size} KB)")
    del app


if __name__ == "__main__":
    sys.exit(main())
