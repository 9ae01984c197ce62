"""Sync benchmark: push 10k records and 200 photos, and a supervisor's first pull.

Run from the repository root:

    .venv/bin/python bench/replication.py --records 10000 --photos 200 --households 20000

Both ends are real: a server on a loopback port (uvicorn, SQLite unless
--database-url names a PostgreSQL database) and client engines with their own
profile files. The floor, measured in the same run, is document-at-a-time
replication: the same kind of records sent one per request. Figures are
printed beside the DESIGN §8 budgets; nothing is asserted.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests
from PIL import Image
from sqlalchemy import select

from inspector.db import Store, open_store
from inspector.demo import generate
from inspector.models import Area, Household, LocalProfile, Photo, PhotoLink, Resident
from inspector.photos import process_photo
from inspector.services.recording import Actor, Changes, record
from sync.client import SyncEngine, Transport, login
from sync.client.account import adopt_account
from sync.server import admin
from sync.server.config import save_settings
from sync.server.local import ThreadedServer, free_port
from sync.server.seed import LOAD_ORDER, rows
from sync.wire import from_wire

PASSWORD = "bench-password-1"


def device(folder: Path, url: str, username: str) -> tuple[Store, SyncEngine]:
    store = open_store(folder / username / "store.db")
    transport = Transport(url, str(uuid.uuid4()), read_timeout=120)
    adopt_account(store, login(transport, username, PASSWORD), url)
    return store, SyncEngine(store, transport)


def timed_phases(engine: SyncEngine) -> dict[str, float]:
    """Seconds spent in each phase of one cycle (phase start to the next phase's start)."""
    marks: list[tuple[str, float]] = []

    def note(progress) -> None:
        if not marks or marks[-1][0] != progress.phase:
            marks.append((progress.phase, time.perf_counter()))

    engine.on_progress = note
    start = time.perf_counter()
    engine.run()
    end = time.perf_counter()
    marks.append(("end", end))
    spans: dict[str, float] = {"total": end - start}
    for (phase, t0), (_, t1) in zip(marks, marks[1:], strict=False):
        spans[phase] = spans.get(phase, 0.0) + t1 - t0
    return spans


def queue_copies(source: Store, target: Store, actor: Actor, n: int, photos: int) -> int:
    """Queue `n` register records (households then their residents) and `photos` linked
    photos of about 300 KB in `target`'s outbox, as the services would."""
    households = rows(source, "household")
    residents = rows(source, "resident")
    by_household: dict[str, list[dict]] = {}
    for r in residents:
        by_household.setdefault(r["household_id"], []).append(r)
    store = target.photos
    queued = 0
    with target.write() as s:
        changes = Changes()
        for hh in households:
            if queued >= n:
                break
            obj = Household(**from_wire(Household, hh) | {"building_id": None})
            s.add(obj)
            record(s, actor, changes, "household", obj, "insert")
            queued += 1
            for r in by_household.get(hh["id"], []):
                if queued >= n:
                    break
                res = Resident(**from_wire(Resident, r))
                s.add(res)
                record(s, actor, changes, "resident", res, "insert")
                queued += 1
        first = s.scalars(select(Household.id).limit(photos)).all()
        for k, hh_id in enumerate(first):
            noise = Image.effect_noise((700, 520), 60 + k % 30).convert("RGB")
            buf = io.BytesIO()
            noise.save(buf, "JPEG", quality=95)
            processed = process_photo(buf.getvalue())
            store.put(processed)
            s.merge(Photo(sha256=processed.sha256, width=processed.width,
                          height=processed.height, size=len(processed.data)))
            link = PhotoLink(photo_sha256=processed.sha256, entity="household",
                             record_id=hh_id, stage="door")
            s.add(link)
            record(s, actor, changes, "photo_link", link, "insert")
    return queued


def actor_of(store: Store) -> Actor:
    with store.read() as s:
        p = s.get(LocalProfile, 1)
        return Actor(p.username, p.role, p.device_id, tuple(p.grid_ids))


def copy_areas(source: Store, target: Store) -> None:
    with target.write() as s:
        for a in rows(source, "area"):
            s.add(Area(**from_wire(Area, a), server_rev=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--floor-records", type=int, default=1_000)
    parser.add_argument("--households", type=int, default=20_000,
                        help="size of the register a supervisor pulls the first time")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gi-bench-sync-"))

    source = open_store(work / "source.db")
    t0 = time.perf_counter()
    summary = generate(source, households=max(args.households, args.records), photos=False)
    print(f"demo register: {summary.counts.get('household', 0):,} households, "
          f"{summary.counts.get('resident', 0):,} residents ({time.perf_counter() - t0:.1f} s)")

    # --- push: a fresh server holding only the area tree ---------------------------
    server = ThreadedServer(work / "server-push", args.database_url).start()
    admin.import_records(server.db, "area", rows(source, "area"))
    admin.create_user(server.db, "pusher", PASSWORD, "supervisor", summary.grid_ids)
    store, engine = device(work / "devices", server.url, "pusher")
    copy_areas(source, store)
    queued = queue_copies(source, store, actor_of(store), args.records, args.photos)
    spans = timed_phases(engine)
    push_s = spans.get("push", 0.0)
    photo_s = spans.get("photos_up", 0.0)
    print(f"push {queued:,} records: {push_s:.2f} s ({queued / push_s:,.0f} records/s); "
          f"{args.photos} photos: {photo_s:.2f} s; whole cycle {spans['total']:.2f} s")
    server.stop()

    # The floor: same kind of records, one per request, to a server of its own.
    floor_server = ThreadedServer(work / "server-floor", args.database_url).start()
    floor_source = open_store(work / "floor-source.db")
    generate(floor_source, households=max(400, args.floor_records // 2), photos=False, seed=99)
    admin.import_records(floor_server.db, "area", rows(floor_source, "area"))
    floor_grids = [a["id"] for a in rows(floor_source, "area") if a["level"] == "grid"]
    admin.create_user(floor_server.db, "floor", PASSWORD, "supervisor", floor_grids)
    floor_store, floor_engine = device(work / "devices-floor", floor_server.url, "floor")
    copy_areas(floor_source, floor_store)
    floor_actor = actor_of(floor_store)
    n_floor = queue_copies(floor_source, floor_store, floor_actor, args.floor_records, 0)
    floor_engine.batch_count = 1
    floor_push = timed_phases(floor_engine).get("push", 0.0)
    floor_rate = n_floor / floor_push
    print(f"floor, one record per request: {n_floor:,} records in {floor_push:.2f} s "
          f"({floor_rate:,.0f} records/s) -> batched push is {queued / push_s / floor_rate:.1f}x")
    floor_server.stop()

    # --- first pull: a supervisor's fresh device against a full register -------------
    # Loaded in this process, then served by a separate `grid-inspector-server` process,
    # as in production: client and server do not share one interpreter lock.
    big = ThreadedServer(work / "server-pull", args.database_url)
    save_settings(big.settings)
    t0 = time.perf_counter()
    total = 0
    for entity in LOAD_ORDER[:-1]:  # generated without photos
        total += admin.import_records(big.db, entity, rows(source, entity))
    print(f"server loaded with {total:,} records ({time.perf_counter() - t0:.1f} s)")
    admin.create_user(big.db, "jdy", PASSWORD, "supervisor", summary.grid_ids)
    big.db.dispose()
    server, url = serve(work / "server-pull")
    try:
        _, puller = device(work / "devices-pull", url, "jdy")
        puller.page_size = 2000
        spans = timed_phases(puller)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"first pull for a supervisor ({summary.counts.get('household', 0):,} households, "
          f"{total:,} records): pull {spans.get('pull', 0):.1f} s, whole cycle "
          f"{spans['total']:.1f} s (budget for 100k households: < 30 s)")


def serve(data_dir: Path) -> tuple[subprocess.Popen, str]:
    """`grid-inspector-server serve` as a process of its own, answering on a free port."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "sync.server.cli", "serve", str(data_dir),
                               "--port", str(port), "--log-level", "warning"])
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url)
    except RuntimeError:
        server.terminate()
        raise
    return server, url


def wait_for(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/health", timeout=1).ok:
                return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError("the server process did not start")


if __name__ == "__main__":
    main()
