"""The device side of bench/load.py: simulated field laptops, run in worker processes.

Each device is the real client: a plain SQLite profile (inspector.db.open_store), the
real services writing it, and sync.client's Transport and SyncEngine talking to the
server over HTTP. Its day: first login and full pull, then rounds of field work
(households, residents, visits, patrols, issue reports, a real Pillow photo now and
then), each round followed by a sync cycle.

Requests are timed where the Transport sends them: it is given a requests.Session
subclass (`TimedSession`) that notes endpoint, seconds and outcome of every attempt,
retries included. Nothing in product code is changed for the benchmark.
"""

from __future__ import annotations

import io
import random
import re
import resource
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from PIL import Image, ImageDraw
from sqlalchemy import select

from inspector.catalogues import checklist_item_codes
from inspector.db import Store, open_store
from inspector.errors import InspectorError
from inspector.models import AuditEntry, Household, OutboxEntry, utcnow
from inspector.services import activities, register
from inspector.services.activities import NeedInput, VisitInput
from inspector.services.attachments import PhotoInput, import_photos
from inspector.services.cases import IssueInput, report_issue
from inspector.services.recording import Actor
from inspector.validation import id_check_digit
from sync import protocol as p
from sync.client import SyncEngine, Transport, login
from sync.client.account import adopt_account
from sync.client.engine import pending_count
from sync.errors import SyncError

SHA = re.compile(r"/[0-9a-f]{64}")
# First six digits of the ID numbers made here: not among the demo generator's regions,
# so a new resident never looks like a seeded one (which the server would hold aside).
REGION = "120101"
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
CATEGORIES = ("exposed_garbage", "bike_parking_disorder", "burst_pipe", "construction_noise",
              "cooking_fumes", "camera_damaged")
# What a day's actions are made of, by role (weights): staff keep the register,
# workers patrol, visit and report.
MIX = {"worker": {"visit": 30, "patrol": 20, "issue": 15, "household": 10, "resident": 25},
       "staff": {"household": 30, "resident": 40, "visit": 30}}
PHOTO_ACTIONS = ("visit", "issue")  # actions that carry the --photo-every photo


@dataclass(frozen=True)
class Plan:
    """What every device of the run does (the command's options)."""

    url: str
    password: str
    folder: str
    devices: int
    rounds: int
    records_per_round: int
    photo_every: int
    think: float
    ramp: float
    seed: int


@dataclass(frozen=True)
class DeviceSpec:
    index: int
    username: str


@dataclass
class Tally:
    """What one worker process saw; plain data, sent back to the main process."""

    requests: list[tuple[str, float, str]] = field(default_factory=list)  # endpoint, s, outcome
    cycles: list[float] = field(default_factory=list)
    first_cycles: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)  # sync.errors kind (and status)
    pushed: Counter = field(default_factory=Counter)  # receipts by status
    pulled: int = 0
    photos: Counter = field(default_factory=Counter)  # made, uploaded, downloaded, failed
    drift_repaired: int = 0
    pending_left: int = 0
    created: dict[str, set[str]] = field(default_factory=dict)  # entity -> record ids
    photo_hashes: set[str] = field(default_factory=set)
    audit_entries: dict[str, int] = field(default_factory=dict)  # device id -> entries made
    devices_done: int = 0
    cpu_s: float = 0.0
    wall_s: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def plain(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "lock"}


def endpoint(method: str, url: str) -> str:
    path = urlsplit(url).path
    path = path[len(p.API):] if path.startswith(p.API) else path
    return f"{method} {SHA.sub('/{sha}', path)}"


def failure(exc: BaseException) -> str:
    """A failed request's kind, with the root cause under requests' wrapping
    (ConnectionError (RemoteDisconnected), ReadTimeout (TimeoutError) …)."""
    root = exc
    for _ in range(10):
        inner = getattr(root, "reason", None) or root.__cause__ or root.__context__ or next(
            (a for a in root.args if isinstance(a, BaseException)), None)
        if not isinstance(inner, BaseException):
            break
        root = inner
    return type(exc).__name__ + (f" ({type(root).__name__})" if root is not exc else "")


class TimedSession(requests.Session):
    """A requests.Session that notes every request's endpoint, seconds and outcome."""

    def __init__(self, tally: Tally) -> None:
        super().__init__()
        self._tally = tally

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:
        start = time.perf_counter()
        try:
            response = super().request(method, url, *args, **kwargs)
        except requests.RequestException as exc:
            self._tally.requests.append(
                (endpoint(method, url), time.perf_counter() - start, failure(exc)))
            raise
        self._tally.requests.append(
            (endpoint(method, url), time.perf_counter() - start, str(response.status_code)))
        return response


def field_photo(rng: random.Random) -> bytes:
    """A camera-sized JPEG (1600x1200, about 600 KB) that the app stores at about 250 KB."""
    size = (1600, 1200)
    base = Image.merge("RGB", [Image.linear_gradient("L").resize(size).rotate(
        rng.choice((0, 90, 180, 270))) for _ in range(3)])
    picture = Image.blend(base, Image.effect_noise(size, 40).convert("RGB"), 0.3)
    draw = ImageDraw.Draw(picture)
    for _ in range(12):
        x, y = rng.randrange(1500), rng.randrange(1100)
        draw.rectangle((x, y, x + rng.randrange(20, 300), y + rng.randrange(20, 300)),
                       fill=tuple(rng.randrange(256) for _ in range(3)))
    buf = io.BytesIO()
    picture.save(buf, "JPEG", quality=88)
    return buf.getvalue()


class Device:
    """One field laptop and its day's work."""

    def __init__(self, plan: Plan, spec: DeviceSpec, tally: Tally) -> None:
        self.plan, self.spec, self.tally = plan, spec, tally
        self.rng = random.Random(plan.seed * 100_003 + spec.index)
        self.store: Store = open_store(Path(plan.folder) / spec.username / "store.db")
        self.device_id = str(uuid.uuid4())
        self.transport = Transport(plan.url, self.device_id, _http=TimedSession(tally))
        self.engine = SyncEngine(self.store, self.transport)
        self.actor: Actor | None = None
        self.made = 0  # actions so far (for --photo-every) and residents (for ID numbers)
        self.residents = 0
        self.households: list[tuple[str, str]] = []  # (id, grid) in this device's grids

    def day(self) -> None:
        try:
            account = login(self.transport, self.spec.username, self.plan.password)
        except SyncError as exc:
            self._error("login failed", exc)
            return
        adopt_account(self.store, account, self.plan.url, device_id=self.device_id)
        self.actor = Actor(account.username, account.role, self.device_id, account.grid_ids)
        self._sync(self.tally.first_cycles)
        for _ in range(self.plan.rounds):
            self._refresh_households()
            for _ in range(self.plan.records_per_round):
                self._act()
            self._sync(self.tally.cycles)
            if self.plan.think:
                time.sleep(self.rng.uniform(0, self.plan.think))
        for _ in range(3):  # a failed cycle's work goes with the next one, as in the field
            if not pending_count(self.store):
                break
            self._sync(self.tally.cycles)

    def close(self) -> None:
        with self.tally.lock:
            self.tally.pending_left += pending_count(self.store)
            with self.store.read() as session:
                self.tally.audit_entries[self.device_id] = len(
                    session.scalars(select(AuditEntry.seq)).all())
            self.tally.devices_done += 1
        self.transport.close()
        self.store.close()

    # --- sync -----------------------------------------------------------------------

    def _sync(self, times: list[float]) -> None:
        self._note_outbox()
        start = time.perf_counter()
        try:
            report = self.engine.run()
        except SyncError as exc:
            self._error("sync cycle failed", exc)
            return
        times.append(time.perf_counter() - start)
        with self.tally.lock:
            for status in ("applied", "duplicate", "conflict", "rejected", "deferred"):
                self.tally.pushed[status] += getattr(report.pushed, status)
            self.tally.pulled += report.pulled
            self.tally.photos["uploaded"] += report.photos.uploaded
            self.tally.photos["downloaded"] += report.photos.downloaded
            self.tally.photos["failed"] += len(report.photos.failed)
            self.tally.drift_repaired += report.drift.fetched + report.drift.dropped
            if report.audit.failed:
                self.tally.errors["audit upload failed"] += 1

    def _note_outbox(self) -> None:
        """Remember every record this device created: what the server must hold at the end."""
        with self.store.read() as session:
            rows = session.execute(select(OutboxEntry.entity, OutboxEntry.record_id).where(
                OutboxEntry.op.in_(("insert", "append")))).all()
        with self.tally.lock:
            for entity, record_id in rows:
                self.tally.created.setdefault(entity, set()).add(record_id)

    def _error(self, what: str, exc: SyncError) -> None:
        status = f" {exc.status}" if exc.status else ""
        with self.tally.lock:
            self.tally.errors[f"{what}: {exc.kind}{status}"] += 1

    # --- field work through the services ----------------------------------------------

    def _refresh_households(self) -> None:
        assert self.actor is not None
        with self.store.read() as session:
            self.households = [tuple(r) for r in session.execute(
                select(Household.id, Household.grid_id).where(
                    Household.grid_id.in_(self.actor.grid_ids)))]

    def _act(self) -> None:
        assert self.actor is not None
        mix = MIX["staff" if self.actor.role == "staff" else "worker"]
        kind = self.rng.choices(list(mix), weights=list(mix.values()))[0]
        self.made += 1
        photo = self.plan.photo_every > 0 and self.made % self.plan.photo_every == 0
        if photo and kind not in PHOTO_ACTIONS:
            kind = "visit"
        if kind in ("visit", "resident") and not self.households:
            kind = "household"
        try:
            getattr(self, f"_{kind}")(self._photos("visit" if kind == "visit" else "report")
                                      if photo else ())
        except InspectorError as exc:  # the benchmark's own input was refused: say so
            with self.tally.lock:
                self.tally.errors[f"service {type(exc).__name__}"] += 1

    def _photos(self, stage: str) -> tuple[PhotoInput, ...]:
        found = import_photos(self.store.photos, [(field_photo(self.rng), stage)])
        with self.tally.lock:
            self.tally.photos["made"] += 1
            self.tally.photo_hashes.update(i.photo.sha256 for i in found)
        return tuple(found)

    def _grid(self) -> str:
        assert self.actor is not None
        return self.rng.choice(self.actor.grid_ids)

    def _name(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.choices(GIVEN, k=2))

    def _phone(self) -> str:
        return f"13{self.rng.randrange(10 ** 9):09d}"

    def _household(self, photos: tuple[PhotoInput, ...]) -> None:
        grid, rng = self._grid(), self.rng
        number = f"{rng.randrange(1, 30)}-{rng.randrange(1, 6)}-{rng.randrange(101, 1802)}"
        household_id, _ = register.add_household(self.store, self.actor, {
            "grid_id": grid, "door_no": number, "address": f"杏花路{number}",
            "housing_use": "owner_occupied", "head_name": self._name(), "phone": self._phone()})
        self.households.append((household_id, grid))
        self._resident((), household_id, "self")

    def _resident(self, photos: tuple[PhotoInput, ...], household_id: str | None = None,
                  relation: str | None = None) -> None:
        # Unique by construction: device index and count in the birth date and sequence.
        birth = (utcnow() - timedelta(days=365 * 80)).date() + timedelta(
            days=self.spec.index * 20 + self.residents // 1000)
        first17 = f"{REGION}{birth:%Y%m%d}{self.residents % 1000:03d}"
        self.residents += 1
        register.add_resident(self.store, self.actor,
                              household_id or self.rng.choice(self.households)[0], {
            "name": self._name(), "id_number": first17 + id_check_digit(first17),
            "relation": relation or self.rng.choice(("spouse", "child", "parent")),
            "residence_type": "registered", "phone": self._phone()})

    def _visit(self, photos: tuple[PhotoInput, ...]) -> None:
        household_id, _ = self.rng.choice(self.households)
        needs = (NeedInput("hardship_aid", "希望了解临时救助的申请办法"),) \
            if self.rng.random() < 0.2 else ()
        activities.record_visit(self.store, self.actor, VisitInput(
            household_id=household_id, kind=self.rng.choice(("routine", "follow_up")),
            needs=needs, satisfaction="satisfied", notes="入户走访，了解家庭近况",
            photos=photos))

    def _patrol(self, photos: tuple[PhotoInput, ...]) -> None:
        patrol_id, _ = activities.start_patrol(self.store, self.actor, self._grid())
        for code in self.rng.sample(sorted(checklist_item_codes()), 3):
            activities.check_item(self.store, self.actor, patrol_id, code, "ok")
        activities.finish_patrol(self.store, self.actor, patrol_id)

    def _issue(self, photos: tuple[PhotoInput, ...]) -> None:
        report_issue(self.store, self.actor, IssueInput(
            grid_id=self._grid(), category_code=self.rng.choice(CATEGORIES),
            severity="general", title="巡查发现问题", description="现场发现，需要处置",
            address=f"杏花路{self.rng.randrange(1, 300)}号",
            occurred_at=utcnow() - timedelta(minutes=self.rng.randrange(5, 120)),
            photos=photos))


def run_process(plan: Plan, specs: list[DeviceSpec], ready: Any, start: Any,
                results: Any) -> None:
    """A worker process: open its devices' stores, wait for the common start, run every
    device on a thread of its own (started over `plan.ramp` seconds) and send back a Tally."""
    tally = Tally()
    devices = [Device(plan, spec, tally) for spec in specs]
    ready.put(len(devices))
    start.wait()
    begin, cpu = time.perf_counter(), _cpu()
    threads = []
    for device in devices:
        offset = plan.ramp * device.spec.index / plan.devices
        thread = threading.Thread(target=_run_one, args=(device, begin + offset), daemon=True)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    tally.cpu_s, tally.wall_s = _cpu() - cpu, time.perf_counter() - begin
    results.put(tally.plain())


def _run_one(device: Device, at: float) -> None:
    time.sleep(max(0.0, at - time.perf_counter()))
    try:
        device.day()
    except Exception as exc:  # noqa: BLE001 - a crash is counted, and the other devices go on
        with device.tally.lock:
            device.tally.errors[f"crash {type(exc).__name__}"] += 1
    finally:
        device.close()


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
