"""The demo classroom: a built-in server and one device per role, all in one folder.

Trainers teach with no server and no network, yet the case loop only makes sense
when a worker's report really travels to a supervisor. So the demo is a small
world of its own: a server on loopback, loaded with a generated community, and a
device profile for each role that got its data by a real first pull. Everything
lives under one folder, apart from real profiles; a pristine copy made when the
classroom is built brings the initial state back in one step (reset).

Layout of the folder:
    live/server/          the server's data folder (SQLite database, photo store)
    live/devices/<role>/  one device profile per role (store.db, photos)
    template/             the same two folders as first built, for reset
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from inspector import caseflow
from inspector.credentials import remember_password
from inspector.db import open_store
from inspector.demo import CLASSROOM_HOUSEHOLDS, generate
from inspector.demo.accounts import DEMO_PASSWORD, demo_account
from inspector.demo.generator import STAFF as STAFF_ACCOUNT
from inspector.demo.generator import SUPERVISOR as SUPERVISOR_ACCOUNT
from inspector.models import Area, GridStaff, Issue, LocalProfile
from inspector.roles import STAFF, SUPERVISOR, WORKER

from .client import SyncEngine, Transport, login
from .client.account import adopt_account
from .server import admin
from .server.feed import Revisions, publish
from .server.local import ThreadedServer
from .server.seed import load_store

ROLES = (WORKER, STAFF, SUPERVISOR)
DISPLAY_NAMES = {WORKER: "演示网格员", STAFF: "演示社区工作人员", SUPERVISOR: "演示监督员"}


class Classroom:
    """One demo folder: build it once, start its server, open a role's device, reset."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.server: ThreadedServer | None = None

    @property
    def live(self) -> Path:
        return self.folder / "live"

    @property
    def template(self) -> Path:
        return self.folder / "template"

    def device_path(self, role: str) -> Path:
        """The store file of the device a trainee uses in `role`."""
        return self.live / "devices" / role / "store.db"

    @property
    def built(self) -> bool:
        return (self.template / "ready").is_file()

    # -- building -----------------------------------------------------------------
    def build(self, households: int = CLASSROOM_HOUSEHOLDS, now: datetime | None = None,
              say: Callable[[str], None] | None = None) -> None:
        """Generate the community into a new server and give each role's device its first
        pull; then keep a pristine copy. Safe to run again after a half-finished build."""
        say = say or (lambda _msg: None)
        shutil.rmtree(self.folder, ignore_errors=True)
        seed = open_store(self.folder / "seed" / "store.db")
        try:
            say("generate")
            generate(seed, households, now=now)
            server = ThreadedServer(self.live / "server", demo=True).start()
            try:
                say("server")
                load_store(server.db, server.settings.photo_dir, seed)
                _create_accounts(server, seed)
                for role in ROLES:
                    say(role)
                    _first_pull(self.device_path(role), server.url, role)
            finally:
                server.stop()
        finally:
            seed.close()
        shutil.rmtree(self.folder / "seed")
        shutil.copytree(self.live, self.template)
        (self.template / "ready").touch()

    def reset(self) -> None:
        """Bring the initial state back: the live folder becomes the pristine copy again.

        The server must be stopped and every device store closed first.
        """
        if self.server is not None:
            raise RuntimeError("stop the classroom server before a reset")
        shutil.rmtree(self.live, ignore_errors=True)
        shutil.copytree(self.template, self.live, ignore=shutil.ignore_patterns("ready"))

    # -- running ------------------------------------------------------------------
    def start(self) -> str:
        """Start the built-in server on a free loopback port and point every device at it."""
        if self.server is None:
            self.server = ThreadedServer(self.live / "server", demo=True).start()
        for role in ROLES:
            store = open_store(self.device_path(role))
            try:
                with store.write() as session:
                    session.get(LocalProfile, 1).server_url = self.server.url
            finally:
                store.close()
        return self.server.url

    def skip_time(self, days: int) -> int:
        """Let `days` pass for the open cases: their deadlines move that much earlier on the
        server, so after a sync every laptop shows what is due soon or overdue. Returns how
        many cases moved."""
        if self.server is None:
            raise RuntimeError("start the classroom server before skipping time")
        with self.server.db.transaction() as session:
            revs = Revisions(session)
            moving = session.scalars(select(Issue).where(
                Issue.status.in_(caseflow.OPEN), Issue.deadline_at.is_not(None))).all()
            for issue in moving:
                issue.deadline_at -= timedelta(days=days)
                issue.version += 1
                session.flush()
                issue.server_rev = publish(revs, "issue", issue.id, issue.grid_id)
        return len(moving)

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None


def _create_accounts(server: ThreadedServer, seed) -> None:
    """Every generated worker with their grids; community staff and the supervisor over all."""
    with seed.read() as session:
        grids = list(session.scalars(select(Area.id).where(Area.level == "grid")
                                     .order_by(Area.code)))
        staffed: dict[str, list[str]] = {}
        for username, grid_id in session.execute(
                select(GridStaff.username, GridStaff.grid_id)
                .where(GridStaff.username.is_not(None)).order_by(GridStaff.grid_id)):
            staffed.setdefault(username, []).append(grid_id)
    default_worker = demo_account(WORKER)
    for username, grid_ids in staffed.items():
        if username not in (STAFF_ACCOUNT, SUPERVISOR_ACCOUNT):
            name = DISPLAY_NAMES[WORKER] if username == default_worker else username
            admin.create_user(server.db, username, DEMO_PASSWORD, WORKER, grid_ids, name)
    admin.create_user(server.db, STAFF_ACCOUNT, DEMO_PASSWORD, STAFF, grids,
                      DISPLAY_NAMES[STAFF])
    admin.create_user(server.db, SUPERVISOR_ACCOUNT, DEMO_PASSWORD, SUPERVISOR, grids,
                      DISPLAY_NAMES[SUPERVISOR])


def _first_pull(path: Path, url: str, role: str) -> None:
    store = open_store(path)
    transport = Transport(url, str(uuid.uuid4()), read_timeout=120)
    try:
        account = login(transport, demo_account(role), DEMO_PASSWORD)
        adopt_account(store, account, url, demo=True, device_id=transport.device_id)
        remember_password(store, DEMO_PASSWORD)
        SyncEngine(store, transport).run()
    finally:
        transport.close()
        store.close()
