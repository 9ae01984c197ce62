"""XLSX exchange benchmark: a supervisor's register (100k households, ~300k residents) and
case list exported, and a grid-sized register previewed and imported.

Run from the repository root:

    .venv/bin/python bench/xlsx.py [--households 100000] [--cache /tmp/grid-xlsx-bench]

The demo district is generated once into --cache and reused. Each measurement runs in
a fresh process so its peak memory (VmHWM) is its own; the baseline is the process with
the store open before the work starts. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _kb(field: str) -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field)) / 1024


def child(job: str, store_path: str, out: str, grids: int) -> None:
    """One measurement in this (fresh) process; prints a JSON line of figures."""
    from xlsxkit import actor, copy_territory

    from inspector.db import open_store
    from inspector.exchange.export import export_cases, export_register
    from inspector.exchange.register_apply import apply_import
    from inspector.exchange.register_preview import preview_import
    from inspector.exchange.register_read import read_register
    from inspector.queries.cases import IssueFilter
    from inspector.services.recording import Actor

    store = open_store(store_path)
    who = actor(store, "supervisor")
    if grids:
        who = Actor(who.username, who.role, who.device_id, who.grid_ids[:grids])
    base = _kb("VmRSS:")
    start = time.perf_counter()
    figures: dict[str, object] = {}
    if job == "register":
        figures["rows"] = export_register(store, who, out).rows
    elif job == "cases":
        figures["rows"] = export_cases(store, who, IssueFilter(), out).rows
    elif job == "import":
        fresh = open_store(Path(out).with_suffix(".db"))
        copy_territory(store, fresh)
        base, start = _kb("VmRSS:"), time.perf_counter()
        parsed = read_register(out, who.role)
        figures["read_s"] = round(time.perf_counter() - start, 2)
        preview = preview_import(fresh, who, parsed)
        figures["preview_s"] = round(time.perf_counter() - start - figures["read_s"], 2)
        result, _ = apply_import(fresh, who, preview)
        figures["rows"] = result.total()
    figures["seconds"] = round(time.perf_counter() - start, 2)
    figures["base_mb"] = round(base, 1)
    figures["peak_mb"] = round(_kb("VmHWM:"), 1)
    print(json.dumps(figures))


def run(job: str, store_path: Path, out: Path, grids: int = 0) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--child", job, "--store", str(store_path), "--out", str(out),
         "--grids", str(grids)],
        capture_output=True, text=True, check=True, cwd=ROOT,
        env=os.environ | {"PYTHONPATH": f"{ROOT}:{ROOT / 'tests'}"})
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/grid-xlsx-bench"))
    parser.add_argument("--import-grids", type=int, default=20,
                        help="grids in the register that is imported (100 households each)")
    parser.add_argument("--child")
    parser.add_argument("--store")
    parser.add_argument("--out")
    parser.add_argument("--grids", type=int, default=0)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.store, args.out, args.grids)
        return

    from inspector.db import open_store
    from inspector.demo import generate

    store_path = args.cache / f"demo-{args.households}" / "store.db"
    if not store_path.exists():
        print(f"generating {args.households:,} households once into {store_path.parent} …")
        start = time.perf_counter()
        store = open_store(store_path)
        generate(store, args.households, photos=False)
        store.close()
        print(f"  generated in {time.perf_counter() - start:.0f} s")
    work = args.cache / "out"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)

    register = run("register", store_path, work / "register.xlsx")
    size = (work / "register.xlsx").stat().st_size / 2**20
    rows = register["rows"]
    print(f"register export: {rows['household']:,} households + {rows['resident']:,} residents"
          f" in {register['seconds']} s, {size:.1f} MB file, peak RSS {register['peak_mb']} MB"
          f" (store open: {register['base_mb']} MB)")
    cases = run("cases", store_path, work / "cases.xlsx")
    print(f"case list export: {cases['rows']['issue']:,} cases in {cases['seconds']} s, "
          f"peak RSS {cases['peak_mb']} MB (store open: {cases['base_mb']} MB)")
    slice_ = work / "slice.xlsx"
    run("register", store_path, slice_, args.import_grids)
    imported = run("import", store_path, slice_, args.import_grids)
    print(f"register import into an empty store: {imported['rows']:,} records "
          f"({args.import_grids} grids) in {imported['seconds']} s (read {imported['read_s']} s, "
          f"preview {imported['preview_s']} s), peak RSS {imported['peak_mb']} MB")


if __name__ == "__main__":
    main()
