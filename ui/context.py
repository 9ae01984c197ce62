"""What every page needs: the open store, who is acting, the worker threads, one change hook.

Pages never touch the store directly. They hand a function to `read` (runs on the
database thread, returns plain data) or `write` (runs a service there, then tells
every page what changed through `changed`), and get the result back on the GUI
thread. Passing this object around, instead of reaching for globals, keeps tests
independent of each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from inspector.credentials import check_password
from inspector.db import Store
from inspector.errors import StoreLocked, WrongPassword
from inspector.keyfile import KeyFile
from inspector.models import LocalProfile
from inspector.services.recording import Actor, Changes

from .background import Worker
from .messages import describe

T = TypeVar("T")


@dataclass(frozen=True)
class Who:
    """The person logged in, as the window shows them (plain data, safe on any thread)."""

    actor: Actor
    display_name: str
    server_url: str | None
    demo: bool


def who_of(profile: LocalProfile) -> Who:
    actor = Actor(profile.username, profile.role, profile.device_id, tuple(profile.grid_ids or ()))
    return Who(actor, profile.display_name, profile.server_url, bool(profile.demo))



class AppContext(QObject):
    """The session: store + actor + threads. `changed` carries a service's `Changes`."""

    changed = Signal(object)
    # A plain-language message for the status area (errors the user should act on, notices).
    notice = Signal(str)
    # Ask the main window to show one record: (entity, record id), e.g. ("issue", id).
    open_record = Signal(str, str)

    def __init__(self, store: Store, who: Who, parent: QObject | None = None,
                 keyfile: KeyFile | None = None):
        super().__init__(parent)
        self.store = store
        self.who = who
        self.keyfile = keyfile  # None for a plain store (the demo's laptops)
        self.locked = False
        self.db = Worker(1, self)  # the one thread that owns the database
        self.work = Worker(2, self)  # network and image work
        from .sync_controller import SyncController  # it needs this context to exist

        self.sync = SyncController(self, self)

    @property
    def actor(self) -> Actor:
        return self.who.actor

    def read(self, fn: Callable[[Store], T], done: Callable[[T], None],
             failed: Callable[[Exception], None] | None = None) -> None:
        """Run `fn(store)` on the database thread; `done(result)` on the GUI thread."""
        store = self.store
        self.db.submit(lambda: fn(store), done, failed or self._report)

    def write(self, fn: Callable[[Store, Actor], Any], done: Callable[[Any], None],
              failed: Callable[[Exception], None] | None = None) -> None:
        """Run a service on the database thread, then announce what it changed.

        Services return `Changes` or `(new_id, Changes)`; `done` gets that result as is.
        """
        store, actor = self.store, self.actor

        def finished(result: Any) -> None:
            done(result)
            changes = result[-1] if isinstance(result, tuple) else result
            if isinstance(changes, Changes):
                self.changed.emit(changes)

        self.db.submit(lambda: fn(store, actor), finished, failed or self._report)

    def background(self, fn: Callable[[], T], done: Callable[[T], None],
                   failed: Callable[[Exception], None] | None = None) -> None:
        """Run network, image or file work off the GUI thread.

        No writes here: they belong on the database thread. A long read-only job
        (an export of the whole register) may read here through its own
        `store.read()` session, so the pages' queries never wait minutes behind it.
        """
        self.work.submit(fn, done, failed or self._report)

    def _report(self, exc: Exception) -> None:
        if not isinstance(exc, StoreLocked):  # work that met the lock resumes on unlock
            self.notice.emit(describe(exc))

    # -- locking -------------------------------------------------------------------
    def lock(self) -> None:
        """Stop syncing and drop the key once the database thread has finished its queue."""
        self.locked = True
        self.sync.cancel()
        self.db.submit(self.store.lock, lambda _none: None, self._report)

    def unlock(self, password: str, done: Callable[[], None],
               failed: Callable[[Exception], None]) -> None:
        """Check `password` off the GUI thread; an encrypted store gets its key back.

        A plain store (demo) compares against its verifier. An encrypted one asks
        the key file, and the server when the laptop refuses (sync.client.keys).
        """
        store, keyfile = self.store, self.keyfile

        def work() -> None:
            if keyfile is None:
                if not check_password(store, password):
                    raise WrongPassword("密码不正确")
                return
            from sync.client.keys import unlock_key

            key, _account = unlock_key(keyfile, password)
            store.unlock(key)

        def ok(_none: None) -> None:
            self.locked = False
            done()

        self.work.submit(work, ok, failed)

    def drain(self) -> None:
        """Wait for all queued work; call before closing the store."""
        self.work.drain()
        self.db.drain()
