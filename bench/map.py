"""Map benchmark: a supervisor's district (1,000 grids, 100k households) on the offline map.

Run from the repository root (generating the district takes a minute or two):

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.map --households 100000
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.map --store path/to/store.db

(`-m`, because `bench/ui.py` would otherwise hide the `ui` package.)

It prints how long the database thread takes to answer the map's two questions and
how long the GUI thread is busy drawing, repainting, refreshing the issues and
finding a clicked marker. Figures only; it never asserts on timings.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from inspector.db import open_store
from inspector.demo import generate
from inspector.demo.accounts import act_as
from inspector.queries.map import open_issues, territory
from ui.app import who_of
from ui.widgets.map_view import SEVERITY_ORDER, MapView


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(elapsed ms, result)."""
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="use this store instead of generating one")
    args = parser.parse_args(argv)
    path = args.store
    if path is None:
        path = Path(tempfile.mkdtemp(prefix="map-bench-")) / "store.db"
        print(f"generating {args.households} households ...", file=sys.stderr, flush=True)
        store = open_store(path)
        generate(store, args.households, photos=False, patrol_days=2)
        store.close()
    store = open_store(path)
    grids = who_of(act_as(store, "supervisor")).actor.grid_ids
    ms_land, land = timed(lambda: territory(store, grids))
    ms_cases, cases = timed(lambda: open_issues(store, grids))
    print(f"{len(land.grids)} grids, {len(land.buildings)} buildings, "
          f"{len(cases.issues)} open issues")
    print(f"database thread: territory {ms_land:.0f} ms, open issues {ms_cases:.0f} ms")

    app = QApplication.instance() or QApplication([])
    view = MapView()
    view.resize(1200, 800)
    view.show()
    app.processEvents()

    def paint() -> None:
        view.viewport().repaint()

    rows = [
        ("draw grids + buildings", lambda: view.show_territory(land)),
        ("draw open issues", lambda: view.show_issues(cases)),
        ("fit all", view.fit_all),
        ("paint, whole district", paint),
        ("zoom in + paint", lambda: (view.zoom_in(), paint())),
        ("zoom to one grid + paint", lambda: (view.zoom_to_grid(land.grids[0].id), paint())),
        ("refresh open issues", lambda: view.show_issues(cases)),
        ("find the marker under a click", lambda: view.marker_at(view.rect().center())),
        ("hide every severity + paint",
         lambda: ([view.set_severity_visible(s, False) for s in SEVERITY_ORDER], paint())),
        ("redraw grids + buildings", lambda: view.show_territory(land)),
    ]
    print("GUI thread:")
    for label, fn in rows:
        print(f"  {label:<32} {timed(fn)[0]:7.0f} ms")
    print(f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
