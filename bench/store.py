"""Store benchmark: demo generation, search as you type, saves, photo import, file size.

Run from the repository root:

    .venv/bin/python bench/store.py --households 100000

It prints figures beside the DESIGN §8 budgets and never asserts on timings
(a slow machine is information, not a failure). Queries are drawn from the
generated data, which is fictional, but they are still reported only by kind
and length: a benchmark run on a real profile must not leak a resident's data.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw
from sqlalchemy import text

from inspector.db import Store, open_store
from inspector.demo import generate
from inspector.demo import vocabulary as V
from inspector.photos import PhotoStore, process_photo
from inspector.search import pinyin_keys, search
from inspector.services import register
from inspector.services.recording import Actor
from inspector.validation import id_check_digit

SEARCH_LIMIT = 50
BUDGET = {
    "generation_s": 120.0,
    "search_p95_ms": 50.0,
    "photo_ms": 250.0,
    "photo_kb": 400.0,
}
QUERY_KINDS = ("name1", "name2", "name3", "initials", "id4", "id6", "phone", "road", "door")


# -- helpers ---------------------------------------------------------------------------


def pct(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(elapsed ms, result)."""
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


def say(msg: str) -> None:
    print(f"  .. {msg}", file=sys.stderr, flush=True)


# -- generation ------------------------------------------------------------------------


def bench_generation(path: Path, households: int
                     ) -> tuple[Store, float, dict[str, int], dict[str, float]]:
    """(store, seconds, counts, seconds per phase: build rows, write rows, search index)."""
    store = open_store(path)
    marks: dict[str, float] = {}

    def progress(msg: str) -> None:
        marks.setdefault(msg, time.perf_counter())
        say(f"generate: {msg}")

    start = time.perf_counter()
    summary = generate(store, households, photos=False, progress=progress)
    end = time.perf_counter()
    phases = {}
    if "writing" in marks and "search index" in marks:
        phases = {"build rows": marks["writing"] - start,
                  "insert rows": marks["search index"] - marks["writing"],
                  "search index + commit": end - marks["search index"]}
    return store, end - start, summary.counts, phases


# -- search ----------------------------------------------------------------------------

_ROAD_NO = re.compile("(" + "|".join(map(re.escape, V.ROADS)) + r")(\d+)号")


def sample_queries(store: Store, n: int, seed: int) -> list[tuple[str, str, str]]:
    """(kind, query, grid id of the record it came from), drawn with plain SQL, deterministically.
    """
    with store.read() as session:
        conn = session.connection()
        residents = conn.execute(text(
            "SELECT name, id_number, phone, grid_id FROM resident ORDER BY id")).all()
        households = conn.execute(text(
            "SELECT address, door_no, grid_id FROM household ORDER BY id")).all()
    rng = random.Random(seed)
    with_phone = [r for r in residents if r.phone]
    queries: list[tuple[str, str, str]] = []
    for i in range(n):
        kind = QUERY_KINDS[i % len(QUERY_KINDS)]
        person = rng.choice(with_phone if kind == "phone" else residents)
        home = rng.choice(households)
        grid_id = home.grid_id if kind in ("road", "door") else person.grid_id
        if kind in ("name1", "name2", "name3"):
            q = person.name[: int(kind[-1])]
        elif kind == "initials":
            q = pinyin_keys(person.name)[1]
        elif kind in ("id4", "id6"):
            q = person.id_number[-int(kind[-1]):]
        elif kind == "phone":
            length = rng.randint(4, 7)
            start = rng.randint(0, len(person.phone) - length)
            q = person.phone[start:start + length]
        elif kind == "road":
            m = _ROAD_NO.search(home.address)
            assert m is not None, "demo addresses carry a road and a number"
            q = m.group(1) + m.group(2)
        else:  # door
            q = home.door_no
        queries.append((kind, q, grid_id))
    return queries


def bench_search(store: Store, queries: list[tuple[str, str, str]],
                 scoped: bool = False) -> dict[str, Any]:
    """Type every query one character at a time; each keystroke is one search call.

    scoped: search only the grid the record lies in, as a worker's search does.
    """
    keystrokes: list[float] = []
    finals: list[float] = []
    by_kind: dict[str, list[float]] = defaultdict(list)
    by_kind_hits: dict[str, list[int]] = defaultdict(list)
    by_kind_len: dict[str, list[int]] = defaultdict(list)
    slowest: list[tuple[float, str, int, int]] = []  # (ms, kind, prefix length, hits)
    with store.read() as session:
        cold_ms, _ = timed(lambda: search(session, "0", limit=SEARCH_LIMIT))
        for kind, q, grid_id in queries:
            grids = [grid_id] if scoped else None
            by_kind_len[kind].append(len(q))
            for i in range(1, len(q) + 1):
                typed = q[:i]
                ms, hits = timed(lambda t=typed, g=grids: search(session, t, grid_ids=g,
                                                                 limit=SEARCH_LIMIT))
                keystrokes.append(ms)
                by_kind[kind].append(ms)
                slowest.append((ms, kind, i, len(hits)))
            finals.append(ms)
            by_kind_hits[kind].append(len(hits))
    slowest.sort(reverse=True)
    return {"keystrokes": keystrokes, "finals": finals, "by_kind": by_kind,
            "by_kind_hits": by_kind_hits, "by_kind_len": by_kind_len,
            "slowest": slowest[:8], "cold_ms": cold_ms}


# -- saves -----------------------------------------------------------------------------


def _new_id_number(rng: random.Random, taken: set[str]) -> str:
    while True:
        birth = date(rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28))
        first17 = f"{rng.choice(V.REGIONS)}{birth:%Y%m%d}{rng.randrange(1000):03d}"
        number = first17 + id_check_digit(first17)
        if number not in taken:
            taken.add(number)
            return number


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"


def bench_saves(store: Store, edits: int, adds: int, seed: int) -> dict[str, list[float]]:
    rng = random.Random(seed + 1)
    with store.read() as session:
        conn = session.connection()
        resident_ids = [r[0] for r in conn.execute(text("SELECT id FROM resident ORDER BY id"))]
        household_rows = conn.execute(text(
            "SELECT id, grid_id, building_id FROM household ORDER BY id")).all()
        taken = {r[0] for r in conn.execute(text("SELECT id_number FROM resident"))}
    actor = Actor("bench", role="supervisor", device_id="bench-device-0001")
    out: dict[str, list[float]] = defaultdict(list)

    for k in range(edits):
        if k % 4 == 3:  # a household form: phone and notes
            hh = rng.choice(household_rows)
            data = {"phone": _mobile(rng), "notes": f"走访记录{k}"}
            ms, _ = timed(lambda h=hh.id, d=data: register.edit_household(store, actor, h, d))
            out["edit household"].append(ms)
        else:  # a resident form: phone, domicile (both in the search index)
            rid = rng.choice(resident_ids)
            data = {"phone": _mobile(rng),
                    "domicile": f"{rng.choice(V.STREETS)}{rng.choice(V.ROADS)}"
                                f"{rng.randint(1, 300)}号"}
            ms, _ = timed(lambda r=rid, d=data: register.edit_resident(store, actor, r, d))
            out["edit resident"].append(ms)

    new_households: list[str] = []
    for k in range(adds):
        if k % 2 == 0 or not new_households:
            base = rng.choice(household_rows)
            data = {"grid_id": base.grid_id, "building_id": base.building_id,
                    "door_no": f"9单元{rng.randint(1, 30)}{rng.randint(1, 4):02d}",
                    "address": f"{V.DISTRICT}{rng.choice(V.ROADS)}{rng.randint(1, 300)}号",
                    "housing_use": "owner_occupied", "head_name": "测试户主",
                    "phone": _mobile(rng)}
            ms, (hid, _) = timed(lambda d=data: register.add_household(store, actor, d))
            new_households.append(hid)
            out["add household"].append(ms)
        else:
            hid = new_households[-1]
            data = {"name": "测试" + rng.choice(V.GIVEN_MALE), "relation": "self",
                    "id_number": _new_id_number(rng, taken), "residence_type": "registered",
                    "phone": _mobile(rng)}
            ms, _ = timed(lambda h=hid, d=data: register.add_resident(store, actor, h, d))
            out["add resident"].append(ms)
    return out


# -- photos ----------------------------------------------------------------------------


def camera_jpeg(seed: int, size: tuple[int, int] = (4000, 3000), quality: int = 92) -> bytes:
    """A 12 MP JPEG that compresses like a phone photo: gradients, shapes, sensor noise."""
    w, h = size
    rng = random.Random(seed)
    horizontal = Image.linear_gradient("L").resize(size)
    vertical = Image.linear_gradient("L").rotate(90).resize(size)
    radial = Image.radial_gradient("L").resize(size)
    img = Image.merge("RGB", (horizontal, vertical, radial))
    draw = ImageDraw.Draw(img)
    for _ in range(60):  # buildings, windows, signs: edges the encoder has to keep
        x, y = rng.randrange(w), rng.randrange(h)
        bw, bh = rng.randint(40, 700), rng.randint(40, 900)
        draw.rectangle((x, y, x + bw, y + bh),
                       fill=tuple(rng.randrange(256) for _ in range(3)),
                       outline=(20, 20, 20), width=rng.randint(1, 6))
    noise = Image.frombytes("L", size, rng.randbytes(w * h)).convert("RGB")
    img = Image.blend(img, noise, 0.12)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def bench_photo(workdir: Path, runs: int, seed: int) -> dict[str, Any]:
    raw = camera_jpeg(seed)
    times: list[float] = []
    processed = None
    for i in range(runs):
        photos = PhotoStore(workdir / f"photos-run{i}")  # fresh: put() really writes
        start = time.perf_counter()
        processed = process_photo(raw)
        photos.put(processed)
        times.append((time.perf_counter() - start) * 1000)
    assert processed is not None
    thumb = Image.open(io.BytesIO(processed.thumb))
    return {"source_mb": len(raw) / 1e6, "times": times, "stored_kb": len(processed.data) / 1024,
            "stored_px": (processed.width, processed.height),
            "thumb_kb": len(processed.thumb) / 1024, "thumb_px": thumb.size}


# -- file size -------------------------------------------------------------------------


def database_mb(store: Store) -> tuple[float, float]:
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    main = store.path.stat().st_size
    wal = store.path.with_name(store.path.name + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    return (main + wal_size) / 1e6, wal_size / 1e6


# -- report ----------------------------------------------------------------------------


def verdict(value: float, budget: float) -> str:
    return "ok" if value <= budget else "OVER"


def row(what: str, value: str, budget: str = "", mark: str = "") -> None:
    print(f"  {what:<44} {value:>22}  {budget:<12} {mark}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--adds", type=int, default=100)
    parser.add_argument("--photo-runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None,
                        help="folder for the benchmark store (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the store afterwards")
    args = parser.parse_args(argv)

    base = args.out or Path(tempfile.mkdtemp(prefix="gi-bench-"))
    workdir = base / "bench-store"
    if workdir.exists():
        shutil.rmtree(workdir)  # our own leftovers from an earlier --keep run
    path = workdir / "store.db"
    try:
        say(f"generating {args.households} households")
        store, gen_s, counts, phases = bench_generation(path, args.households)
        say("sampling queries")
        queries = sample_queries(store, args.queries, args.seed)
        say(f"typing {len(queries)} queries")
        found = bench_search(store, queries)
        scoped = bench_search(store, queries, scoped=True)
        say(f"saving {args.edits} edits and {args.adds} adds")
        saves = bench_saves(store, args.edits, args.adds, args.seed)
        say(f"importing a 12 MP photo {args.photo_runs} times")
        photo = bench_photo(workdir, args.photo_runs, args.seed)
        db_mb, wal_mb = database_mb(store)
        store.close()
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
            if args.out is None:
                shutil.rmtree(base, ignore_errors=True)

    print(f"\nGrid Inspector store benchmark: {args.households} households, "
          f"seed {args.seed}, search limit {SEARCH_LIMIT}")
    print(f"  {'figure':<44} {'measured':>22}  {'budget':<12}")
    row("demo generation (photos off)", f"{gen_s:.1f} s",
        f"< {BUDGET['generation_s']:.0f} s", verdict(gen_s, BUDGET["generation_s"]))
    row("  counts", ", ".join(f"{k} {counts.get(k, 0)}" for k in ("household", "resident")))
    row("  ", ", ".join(f"{k} {counts.get(k, 0)}" for k in ("issue", "issue_action", "visit")))
    if phases:
        row("  phases: build rows / insert / index+commit",
            " / ".join(f"{v:.1f}" for v in phases.values()) + " s")

    ks, finals = found["keystrokes"], found["finals"]
    p95 = pct(ks, 95)
    row(f"search, {len(ks)} keystrokes of {len(finals)} queries",
        f"p50 {pct(ks, 50):.1f} / p95 {p95:.1f} ms", f"p95 <= {BUDGET['search_p95_ms']:.0f} ms",
        verdict(p95, BUDGET["search_p95_ms"]))
    row("  keystroke max", f"{max(ks):.1f} ms")
    row("  complete queries only",
        f"p50 {pct(finals, 50):.1f} / p95 {pct(finals, 95):.1f} ms",
        f"p95 <= {BUDGET['search_p95_ms']:.0f} ms",
        verdict(pct(finals, 95), BUDGET["search_p95_ms"]))
    row("  first search (cold session)", f"{found['cold_ms']:.1f} ms")
    for kind in QUERY_KINDS:
        values = found["by_kind"].get(kind)
        if not values:
            continue
        lengths = found["by_kind_len"][kind]
        hits = found["by_kind_hits"][kind]
        row(f"  {kind:<9} {len(lengths):>3} q, len {min(lengths)}-{max(lengths)}, "
            f"hits~{statistics.median(hits):.0f}",
            f"p95 {pct(values, 95):.1f} / max {max(values):.1f} ms", "",
            verdict(pct(values, 95), BUDGET["search_p95_ms"]))
    sk = scoped["keystrokes"]
    row("search in one grid (worker scope), same keys",
        f"p50 {pct(sk, 50):.1f} / p95 {pct(sk, 95):.1f} ms",
        f"p95 <= {BUDGET['search_p95_ms']:.0f} ms", verdict(pct(sk, 95), BUDGET["search_p95_ms"]))
    row("  keystroke max, worst kind p95",
        f"{max(sk):.1f} ms, " + max(((f"{k} {pct(v, 95):.1f} ms", pct(v, 95))
                                     for k, v in scoped["by_kind"].items()),
                                    key=lambda kv: kv[1])[0])
    print("  slowest keystrokes, whole district (kind, characters typed, hits):")
    for ms, kind, n, hits in found["slowest"]:
        print(f"    {ms:7.1f} ms  {kind:<9} {n} chars  {hits} hits")

    all_saves = [v for values in saves.values() for v in values]
    row(f"save through services, {len(all_saves)} saves",
        f"p50 {pct(all_saves, 50):.1f} / p95 {pct(all_saves, 95):.1f} ms", "(no budget)")
    row("  save max", f"{max(all_saves):.1f} ms")
    for kind, values in saves.items():
        row(f"  {kind} ({len(values)})",
            f"p50 {pct(values, 50):.1f} / p95 {pct(values, 95):.1f} ms")

    t = photo["times"]
    row(f"photo import 12 MP ({photo['source_mb']:.1f} MB JPEG q92), {len(t)} runs",
        f"min {min(t):.0f} / med {statistics.median(t):.0f} ms",
        f"< {BUDGET['photo_ms']:.0f} ms", verdict(statistics.median(t), BUDGET["photo_ms"]))
    w, h = photo["stored_px"]
    row(f"  stored copy {w}x{h}", f"{photo['stored_kb']:.0f} KB",
        f"<= {BUDGET['photo_kb']:.0f} KB", verdict(photo["stored_kb"], BUDGET["photo_kb"]))
    tw, th = photo["thumb_px"]
    row(f"  thumbnail {tw}x{th}", f"{photo['thumb_kb']:.1f} KB")
    row("database file (+ -wal after checkpoint)", f"{db_mb:.1f} MB", "(no budget)")
    if wal_mb:
        row("  of which -wal", f"{wal_mb:.1f} MB")
    if args.keep:
        print(f"\nstore kept at {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
