"""Load benchmark: N field devices syncing a field day against a real server on PostgreSQL.

Run from the repository root, with PostgreSQL running:

    pg_ctlcluster --skip-systemctl-redirect 15 main start
    export GRID_TEST_PG_URL=postgresql+psycopg://grid_test:grid_test@127.0.0.1:5432/postgres
    .venv/bin/python bench/load.py --devices 50
    .venv/bin/python bench/load.py --devices 200

(--database-url names the administrative URL instead of GRID_TEST_PG_URL; a fresh
database is created on that server for the run and dropped afterwards.)

The server is `grid-inspector-server serve --workers N` in a process of its own, on a
database seeded with an area tree (one grid per worker account), the catalogues, one
account per device (a staff member for every --staff-every devices, covering several
grids) and a starting register, so first pulls carry data. Each device is the real client
(bench/loadkit.py). The devices run on threads in --client-procs worker processes, so
one interpreter lock is not what limits them; how busy those processes were is printed,
and the output says when the client side was the bottleneck. At the end the server's
tables are compared with what the devices sent, entity by entity.

Figures are printed; nothing is asserted on timings (the machine is shared).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests
from loadkit import DeviceSpec, Plan, run_process
from sqlalchemy import create_engine, func, select, text

from inspector.db import open_store
from inspector.demo import generate
from inspector.demo.generator import HOUSEHOLDS_PER_GRID
from inspector.models import ENTITIES, Photo
from inspector.photos import PhotoStore
from sync.server import admin
from sync.server.database import Database
from sync.server.local import free_port
from sync.server.models import DeviceAudit, HeldLink, HeldResident
from sync.server.seed import rows

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "load-bench-password-1"
HELD = {"resident": HeldResident, "photo_link": HeldLink}
TICK = os.sysconf("SC_CLK_TCK")


# --- PostgreSQL ------------------------------------------------------------------------


class Sessions(threading.Thread):
    """Samples the run's PostgreSQL sessions once a second: how many there are, how many
    run a statement, wait for a lock, or sit idle inside a transaction."""

    def __init__(self, admin_url: str, url: str) -> None:
        super().__init__(daemon=True)
        self.engine = create_engine(admin_url)
        self.name_ = url.rsplit("/", 1)[1]
        self.samples: list[Counter] = []
        self.waits: Counter = Counter()  # statement (its start, no values) -> samples waiting
        self.done = threading.Event()

    def run(self) -> None:
        query = text("SELECT state, wait_event_type, query FROM pg_stat_activity "
                     "WHERE datname = :d")
        with self.engine.connect() as conn:
            while not self.done.wait(1.0):
                seen = Counter()
                for state, wait, statement in conn.execute(query, {"d": self.name_}):
                    seen["sessions"] += 1
                    seen["lock" if wait == "Lock" else state or "other"] += 1
                    if wait == "Lock":
                        self.waits[" ".join(statement.split())[:70]] += 1
                self.samples.append(seen)
                conn.rollback()

    def stop(self) -> None:
        self.done.set()
        if self.ident is not None:
            self.join()
        self.engine.dispose()

    def summary(self) -> str:
        n = max(1, len(self.samples))
        mean = {k: sum(s[k] for s in self.samples) / n
                for k in ("sessions", "active", "lock", "idle in transaction")}
        lines = [f"PostgreSQL sessions (sampled each second): {mean['sessions']:.1f} open on "
                 f"average, at most {max((s['sessions'] for s in self.samples), default=0)}; "
                 f"{mean['active']:.1f} running a statement, {mean['lock']:.1f} waiting for a "
                 f"lock, {mean['idle in transaction']:.1f} idle inside a transaction"]
        waits = sum(self.waits.values())
        lines += [f"  {count / waits:.0%} of the lock waits were in: {statement} …"
                  for statement, count in self.waits.most_common(3)]
        return "\n".join(lines)


def backend_pids(admin_url: str, url: str) -> list[int]:
    engine = create_engine(admin_url)
    try:
        with engine.connect() as conn:
            return list(conn.scalars(text("SELECT pid FROM pg_stat_activity WHERE datname = :d"),
                                     {"d": url.rsplit("/", 1)[1]}))
    finally:
        engine.dispose()


# --- CPU time from /proc (Linux) ------------------------------------------------------


def _stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw.rsplit(")", 1)[1].split()  # [0] is field 3 (state)


def cpu_of(pids: list[int]) -> dict[int, float]:
    out = {}
    for pid in pids:
        fields = _stat(pid)
        if fields:
            out[pid] = (int(fields[11]) + int(fields[12])) / TICK
    return out


def process_tree(root: int) -> list[int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))):
            parents[int(entry.name)] = int(fields[1])
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += [child for child, parent in parents.items() if parent == pid]
    return tree


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    user, nice, system, idle, iowait, irq, softirq, steal = values
    busy = user + nice + system + irq + softirq + steal
    return busy / TICK, (busy + idle + iowait) / TICK


def spent(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(t - before.get(pid, 0.0) for pid, t in after.items())


# --- the server -----------------------------------------------------------------------


def server_command() -> list[str]:
    script = Path(sys.executable).with_name("grid-inspector-server")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "sync.server.cli"]


def accounts(devices: int, staff_every: int) -> tuple[list[tuple[str, str, list[int]]], int]:
    """(username, role, grid numbers) per device, and how many grids: one per worker,
    each staff member covering every n-th grid."""
    n_staff = min(devices // staff_every, devices // 2) if staff_every else 0
    n_workers = devices - n_staff
    out = [(f"wgy{i + 1:04d}", "worker", [i]) for i in range(n_workers)]
    out += [(f"sqgz{s + 1:03d}", "staff", list(range(s, n_workers, n_staff)))
            for s in range(n_staff)]
    return out, n_workers


def seed(url: str, folder: Path, people: list[tuple[str, str, list[int]]], grids: int,
         per_grid: int) -> dict[str, int]:
    """Areas, buildings and a register of `per_grid` households per grid, and the accounts;
    returns the server's record count per entity."""
    source = open_store(folder / "district.db")
    summary = generate(source, households=grids * HOUSEHOLDS_PER_GRID, photos=False,
                       patrol_days=1)
    kept: dict[str, int] = Counter()
    households = []
    for h in rows(source, "household"):
        if kept[h["grid_id"]] < per_grid:
            kept[h["grid_id"]] += 1
            households.append(h)
    ids = {h["id"] for h in households}
    residents = [r for r in rows(source, "resident") if r["household_id"] in ids]
    db = Database(url)
    try:
        for entity, records in (("area", rows(source, "area")),
                                ("building", rows(source, "building")),
                                ("household", households), ("resident", residents)):
            admin.import_records(db, entity, records)
        grid_ids = summary.grid_ids
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:  # Argon2 each
            list(pool.map(lambda a: admin.create_user(db, a[0], PASSWORD, a[1],
                                                      [grid_ids[g] for g in a[2]]), people))
        return server_counts(db)
    finally:
        db.dispose()
        source.close()


def server_counts(db: Database) -> dict[str, int]:
    with db.session() as session:
        return {entity: session.scalar(select(func.count()).select_from(model)) or 0
                for entity, model in ENTITIES.items()}


def start_server(data: Path, workers: int, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    with log.open("ab") as out:
        server = subprocess.Popen(server_command() + [
            "serve", str(data), "--port", str(port), "--workers", str(workers),
            "--log-level", "warning"], stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/health", timeout=2).ok:
                return server, url
        except requests.RequestException:
            pass
        if server.poll() is not None:
            break
        time.sleep(0.2)
    stop(server)
    tail = log.read_text(errors="replace").splitlines()[-5:]
    raise SystemExit("the server did not start:\n" + "\n".join(tail))


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


# --- the devices ----------------------------------------------------------------------


def run_devices(plan: Plan, specs: list[DeviceSpec], procs: int,
                before_start: Any) -> tuple[list[dict[str, Any]], float, Any]:
    """Start the worker processes, let them open their stores, start them together and
    collect their tallies. `before_start()` is called just before the start, and its
    result given back with the duration."""
    ctx = multiprocessing.get_context("spawn")
    ready, results, start = ctx.Queue(), ctx.Queue(), ctx.Event()
    workers = [ctx.Process(target=run_process, args=(plan, specs[k::procs], ready, start,
                                                     results), daemon=True)
               for k in range(procs)]
    for w in workers:
        w.start()
    for _ in workers:
        _get(ready, workers, 600, "did not open its stores")
    mark = before_start()
    t0 = time.perf_counter()
    start.set()
    tallies = [_get(results, workers, 3600, "died during the run") for _ in workers]
    duration = time.perf_counter() - t0
    for w in workers:
        w.join(timeout=30)
    return tallies, duration, mark


def _get(source: Any, workers: list, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return source.get(timeout=1)
        except queue.Empty:
            dead = [w for w in workers if w.exitcode not in (None, 0)]
            if dead:
                raise SystemExit(
                    f"a client process {what} (exit code {dead[0].exitcode})") from None
    raise SystemExit(f"a client process {what} within {timeout:.0f} s")


def merge(tallies: list[dict[str, Any]]) -> dict[str, Any]:
    """The worker processes' tallies added up (ids and hashes united)."""
    total: dict[str, Any] = {}
    for tally in tallies:
        for key, value in tally.items():
            if key == "created":
                for entity, ids in value.items():
                    total.setdefault(key, {}).setdefault(entity, set()).update(ids)
            elif isinstance(value, Counter):
                total[key] = total.get(key, Counter()) + value
            elif isinstance(value, list):
                total.setdefault(key, []).extend(value)
            elif isinstance(value, dict | set):
                total.setdefault(key, type(value)()).update(value)
            else:
                total[key] = total.get(key, 0) + value
    return total


# --- the report -----------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def pcts(values: list[float]) -> tuple[float, float, float]:
    if len(values) == 1:
        return values[0], values[0], values[0]
    q = statistics.quantiles(values, n=100, method="inclusive")
    return q[49], q[94], max(values)


def print_latency(requests_: list[tuple[str, float, str]]) -> None:
    by: dict[str, list[float]] = defaultdict(list)
    for name, seconds, _ in requests_:
        by[name].append(seconds)
    print(f"\n{'endpoint':<34}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for name in sorted(by, key=lambda n: -len(by[n])):
        p50, p95, top = pcts(by[name])
        print(f"{name:<34}{len(by[name]):>9,}{ms(p50):>9}{ms(p95):>9}{ms(top):>9}")
    p50, p95, top = pcts([s for _, s, _ in requests_])
    print(f"{'all requests':<34}{len(requests_):>9,}{ms(p50):>9}{ms(p95):>9}{ms(top):>9}")


def http_errors(requests_: list[tuple[str, float, str]]) -> Counter:
    return Counter(f"{name} -> {outcome}" for name, _, outcome in requests_
                   if not outcome.isdigit() or int(outcome) >= 400)


def check(url: str, data: Path, seeded: dict[str, int], t: dict[str, Any]) -> list[str]:
    """Compare the server's tables with what the devices sent; returns the problems."""
    problems = []
    db = Database(url)
    try:
        now = server_counts(db)
        print(f"\n{'entity':<14}{'sent':>8}{'on server':>11}{'missing':>9}{'held':>6}"
              f"{'unexpected':>12}")
        with db.session() as session:
            for entity, model in ENTITIES.items():
                ids = sorted(t["created"].get(entity, ()))
                found = set()
                for i in range(0, len(ids), 1000):
                    found.update(session.scalars(select(model.id).where(
                        model.id.in_(ids[i:i + 1000]))))
                missing = [i for i in ids if i not in found]
                held = 0
                if missing and entity in HELD:
                    held = len(session.scalars(select(HELD[entity].record_id).where(
                        HELD[entity].record_id.in_(missing))).all())
                extra = now[entity] - seeded[entity] - len(found)
                if ids or extra:
                    print(f"{entity:<14}{len(ids):>8,}{len(found):>11,}{len(missing):>9,}"
                          f"{held:>6,}{extra:>12,}")
                if missing:
                    problems.append(f"{len(missing)} {entity} records sent but not on the "
                                    f"server ({held} of them held aside)")
                if extra:
                    problems.append(f"{extra} {entity} records on the server that no device "
                                    "sent and the seed did not load")
            hashes = sorted(t["photo_hashes"])
            rows_ = set()
            for i in range(0, len(hashes), 1000):
                rows_.update(session.scalars(select(Photo.sha256).where(
                    Photo.sha256.in_(hashes[i:i + 1000]))))
            files = PhotoStore(data / "photos")
            stored = sum(1 for h in hashes if h in rows_ and files.has(h))
            print(f"{'photo files':<14}{len(hashes):>8,}{stored:>11,}{len(hashes) - stored:>9,}")
            if stored != len(hashes):
                problems.append(f"{len(hashes) - stored} photos made on devices are not on "
                                "the server")
            devices = list(t["audit_entries"])
            audit = 0
            for i in range(0, len(devices), 500):
                audit += session.scalar(select(func.count()).select_from(DeviceAudit).where(
                    DeviceAudit.device_id.in_(devices[i:i + 500]))) or 0
            made = sum(t["audit_entries"].values())
            print(f"{'audit entries':<14}{made:>8,}{audit:>11,}{made - audit:>9,}")
            if audit != made:
                problems.append(f"{made - audit} audit entries made on devices are not on the "
                                "server")
    finally:
        db.dispose()
    if t["pending_left"]:
        problems.append(f"{t['pending_left']} changes still waiting in device outboxes")
    return problems


def report(args: argparse.Namespace, t: dict[str, Any], duration: float,
           cpu: dict[str, float]) -> bool:
    """Print throughput, latency, errors and CPU; True when the client side was the limit."""
    cycles = len(t["cycles"]) + len(t["first_cycles"])
    pushed = sum(t["pushed"][k] for k in ("applied", "duplicate", "conflict", "rejected"))
    n_req = len(t["requests"])
    print(f"\ndevices {t['devices_done']} of {args.devices}, duration {duration:.1f} s "
          f"(start ramp {args.ramp:g} s)")
    print(f"sync cycles {cycles:,} ({cycles / duration:.2f}/s); changes pushed {pushed:,} "
          f"and pulled {t['pulled']:,} ({(pushed + t['pulled']) / duration:,.0f}/s); "
          f"requests {n_req:,} ({n_req / duration:.1f}/s)")
    print(f"photos made {t['photos']['made']}, uploaded {t['photos']['uploaded']}, "
          f"downloaded {t['photos']['downloaded']}, failed {t['photos']['failed']}")
    for label, values in (("first cycle (login's full pull)", t["first_cycles"]),
                          ("later cycles", t["cycles"])):
        if values:
            p50, p95, top = pcts(values)
            print(f"{label}: p50 {p50:.2f} s, p95 {p95:.2f} s, max {top:.2f} s")
    print(f"receipts: {dict(t['pushed'])}; drift repairs {t['drift_repaired']}")
    print_latency(t["requests"])
    errors = http_errors(t["requests"]) + t["errors"]
    print(f"\nerrors: {sum(errors.values())}" + ("" if errors else " (none)"))
    for what, n in errors.most_common():
        print(f"  {n:>6}  {what}")
    if t["pushed"]["rejected"] or t["pushed"]["deferred"]:
        print(f"  receipts rejected {t['pushed']['rejected']}, deferred "
              f"{t['pushed']['deferred']}")
    core_s = duration * (os.cpu_count() or 1)
    others = max(0.0, cpu["machine"] - cpu["client"] - cpu["server"] - cpu["postgres"])
    print(f"\nCPU over the run ({os.cpu_count()} cores, {core_s:.0f} core-seconds): server "
          f"{cpu['server']:.0f} s ({cpu['server'] / core_s:.0%}), PostgreSQL backends "
          f"{cpu['postgres']:.0f} s ({cpu['postgres'] / core_s:.0%}), client processes "
          f"{cpu['client']:.0f} s ({cpu['client'] / core_s:.0%}), everything else on the "
          f"machine {others:.0f} s ({others / core_s:.0%}), idle "
          f"{max(0.0, core_s - cpu['machine']):.0f} s")
    busiest = max(t2["cpu_s"] / t2["wall_s"] for t2 in cpu["tallies"])
    print("client processes busy (share of one core each): " + ", ".join(
        f"{t2['cpu_s'] / t2['wall_s']:.0%}" for t2 in cpu["tallies"]))
    saturated = cpu["machine"] > 0.9 * core_s
    client_bound = busiest > 0.85 or (saturated and cpu["client"] > cpu["server"]
                                      + cpu["postgres"])
    if busiest > 0.85:
        print("CLIENT-BOUND: a client process was busy most of the time (its interpreter lock "
              "limits its devices); run with more --client-procs.")
    elif client_bound:
        print("CLIENT-BOUND: the cores were saturated and the simulated devices used more of "
              "them than the server and PostgreSQL together; the server would go faster alone.")
    else:
        print("the client side was not the bottleneck" + (
            " (the cores were saturated: server, PostgreSQL and clients share them)"
            if saturated else ""))
    if others > 0.1 * core_s:
        print(f"note: other work on the machine took {others / core_s:.0%} of the cores "
              "during the run (other engineers' tests?)")
    return client_bound


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2, help="work-and-sync rounds per device")
    parser.add_argument("--records-per-round", type=int, default=8,
                        help="field actions (a visit, a patrol, a report …) per round")
    parser.add_argument("--photo-every", type=int, default=10,
                        help="every n-th action carries a photo (0: none)")
    parser.add_argument("--households-per-grid", type=int, default=30,
                        help="starting register per grid (about 3 residents each)")
    parser.add_argument("--staff-every", type=int, default=10,
                        help="one staff account per this many devices; the rest are workers")
    parser.add_argument("--server-workers", type=int, default=2,
                        help="uvicorn worker processes (default 2: one per core here)")
    parser.add_argument("--client-procs", type=int, default=4)
    parser.add_argument("--ramp", type=float, default=10.0,
                        help="seconds over which the devices start (the morning's logins)")
    parser.add_argument("--think", type=float, default=0.0,
                        help="up to this many seconds of pause between a device's rounds")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", default=os.environ.get("GRID_TEST_PG_URL", ""),
                        help="administrative PostgreSQL URL (default: GRID_TEST_PG_URL)")
    args = parser.parse_args()
    if not args.database_url.startswith("postgresql"):
        raise SystemExit("--database-url (or GRID_TEST_PG_URL) must name a PostgreSQL server, "
                         "e.g. postgresql+psycopg://grid_test:grid_test@127.0.0.1:5432/postgres")
    if args.devices < 1 or args.client_procs < 1 or args.server_workers < 1:
        raise SystemExit("--devices, --client-procs and --server-workers must be at least 1")
    print("options: " + " ".join(f"--{k.replace('_', '-')} {v}" for k, v in vars(args).items()
                                 if k != "database_url"))  # the URL may carry a password
    work = Path(tempfile.mkdtemp(prefix="gi-bench-load-"))
    try:
        # The tests' fresh-database helper. The paths go again at once: a client process
        # started with tests/ on its path would find tests/inspector for `inspector`.
        sys.path += [str(ROOT / "tests"), str(ROOT / "tests" / "sync")]
        try:
            from synckit import postgres_database
        finally:
            del sys.path[-2:]

        with postgres_database(args.database_url, prefix="gi_load") as url:
            run(args, work, url)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, work: Path, url: str) -> None:
    data = work / "server"
    subprocess.run(server_command() + ["init", str(data), "--database-url", url], check=True,
                   stdout=subprocess.DEVNULL)
    people, grids = accounts(args.devices, args.staff_every)
    t0 = time.perf_counter()
    seeded = seed(url, work, people, grids, args.households_per_grid)
    print(f"seeded {grids} grids, {seeded['household']:,} households, "
          f"{seeded['resident']:,} residents, {len(people)} accounts "
          f"({sum(r == 'staff' for _, r, _ in people)} staff) in {time.perf_counter() - t0:.0f} s")
    log = work / "server-console.log"
    server, base = start_server(data, args.server_workers, log)
    procs = min(args.client_procs, args.devices)
    print(f"server: grid-inspector-server serve --workers {args.server_workers} on PostgreSQL; "
          f"{args.devices} devices on {procs} client processes; {args.rounds} rounds of "
          f"{args.records_per_round} actions, a photo every {args.photo_every}")
    specs = [DeviceSpec(i, name) for i, (name, _, _) in enumerate(people)]
    plan = Plan(url=base, password=PASSWORD, folder=str(work / "devices"),
                devices=args.devices, rounds=args.rounds,
                records_per_round=args.records_per_round, photo_every=args.photo_every,
                think=args.think, ramp=args.ramp, seed=args.seed)

    sessions = Sessions(args.database_url, url)

    def snapshot() -> dict[str, Any]:
        if not sessions.is_alive() and not sessions.done.is_set():
            sessions.start()
        return {"machine": machine_cpu()[0], "server": cpu_of(process_tree(server.pid)),
                "postgres": cpu_of(backend_pids(args.database_url, url))}

    try:
        tallies, duration, before = run_devices(plan, specs, procs, snapshot)
        after = snapshot()
    finally:
        sessions.stop()
        stop(server)
    total = merge(tallies)
    cpu = {"machine": after["machine"] - before["machine"],
           "server": spent(before["server"], after["server"]),
           "postgres": spent(before["postgres"], after["postgres"]),
           "client": sum(t["cpu_s"] for t in tallies), "tallies": tallies}
    report(args, total, duration, cpu)
    print(sessions.summary())
    console = log.read_text(errors="replace").splitlines()
    failures = [line for line in console if "ERROR" in line or "Traceback" in line]
    print(f"server console: {len(failures)} error lines" + (
        f" (first: {failures[0][:160]})" if failures else ""))
    problems = check(url, data, seeded, total)
    if problems:
        print("\n!!! CONSISTENCY CHECK FAILED: the server does not hold what the devices sent")
        for problem in problems:
            print(f"!!!   {problem}")
    else:
        print("\nconsistency check passed: every record, photo and audit entry the devices "
              "made is on the server, once, and nothing else was added")


if __name__ == "__main__":
    main()
