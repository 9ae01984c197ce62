"""When and how the app syncs: on demand, and on its own when the network comes back.

The engine (sync.client, no Qt) runs on a worker thread and reports progress
through a queued signal, so the window keeps responding. Reachability comes from
QNetworkInformation (the OS says a network appeared) confirmed by a ping of the
server's /health, because a network is not a route to the server. Failures back
off (30 s doubling to 15 min); a cancelled or broken sync resumes next time,
which the engine guarantees.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation

from inspector.queries.status import SyncState, sync_state
from sync.client import SyncEngine, Transport, login
from sync.client.account import adopt_account
from sync.client.keys import server_accepted
from sync.errors import AuthExpired, Cancelled, Offline, SyncError

if TYPE_CHECKING:
    from .context import AppContext

log = logging.getLogger(__name__)
T = TypeVar("T")

PING_MS = 60_000
FIRST_RETRY_MS = 30_000
MAX_RETRY_MS = 15 * 60_000


class SyncController(QObject):
    online_changed = Signal(bool)
    started = Signal()
    progress = Signal(object)  # sync.client.Progress
    finished = Signal(object)  # sync.client.CycleReport
    failed = Signal(object)  # the SyncError (or other exception) that stopped the cycle
    login_needed = Signal()  # no token, or the server said it expired
    logged_in = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.online = False
        self.running = False
        self.token: str | None = None
        self._cancel: threading.Event | None = None
        # Server calls made while a login is under way; None when none is.
        self._after_login: list[Callable[[], None]] | None = None
        self._retry_ms = FIRST_RETRY_MS
        self._ping = QTimer(self)
        self._ping.setInterval(PING_MS)
        self._ping.timeout.connect(self.check_now)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(lambda: self.sync_now(auto=True))
        if self.server_url:
            self._ping.start()
            self._watch_network()
            QTimer.singleShot(0, self.check_now)

    @property
    def server_url(self) -> str | None:
        return self.ctx.who.server_url

    def _transport(self, **kwargs) -> Transport:
        assert self.server_url
        return Transport(self.server_url, self.ctx.actor.device_id, token=self.token, **kwargs)

    def _watch_network(self) -> None:
        if QNetworkInformation.instance() is None and not QNetworkInformation.loadDefaultBackend():
            return  # no OS backend: the periodic ping still notices the server coming back
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(lambda _reach: self.check_now())

    # -- reachability ------------------------------------------------------------
    def check_now(self) -> None:
        """Ping the server off the GUI thread; sync if it answers and work is waiting."""
        if not self.server_url:
            return
        transport = self._transport()

        def ping() -> bool:
            try:
                return transport.ping()
            finally:
                transport.close()

        self.ctx.background(ping, self._pinged, lambda _exc: self._pinged(False))

    def _pinged(self, reachable: bool) -> None:
        came_back = reachable and not self.online
        self._set_online(reachable)
        # A server that just came back is worth trying at once, backoff or not.
        if reachable and not self.running and (came_back or not self._retry.isActive()):
            self._retry.stop()
            self.ctx.read(sync_state, self._maybe_auto)

    def _maybe_auto(self, state: SyncState) -> None:
        if state.pending and self.token and not self.running:
            self.sync_now(auto=True)

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)

    # -- other server calls -------------------------------------------------------
    def call(self, fn: Callable[[Transport], T], done: Callable[[T], None],
             failed: Callable[[Exception], None]) -> None:
        """Run `fn` with a logged-in transport off the GUI thread (supervisors' server views).

        Without a server or a token it fails at once with the error a sync would
        give, so a page shows the same "log in" or "offline" message. While a
        login is under way the call waits for it rather than failing.
        """
        if not self.server_url:
            failed(Offline("这个档案没有连接服务器"))
            return
        if not self.token and self._after_login is not None:
            self._after_login.append(lambda: self.call(fn, done, failed))
            return
        if not self.token:
            self.login_needed.emit()
            failed(AuthExpired("请先登录服务器"))
            return
        transport = self._transport()

        def work() -> T:
            try:
                return fn(transport)
            finally:
                transport.close()

        def broke(exc: Exception) -> None:
            if isinstance(exc, AuthExpired):
                self.token = None
                self.login_needed.emit()
            failed(exc)

        self.ctx.background(work, done, broke)

    # -- login -------------------------------------------------------------------
    def log_in(self, password: str, done, failed) -> None:
        """Get a server token with this password; the laptop takes it from now on
        (an encrypted profile re-wraps its key with it and escrows the key if it has not)."""
        transport, store, url = self._transport(), self.ctx.store, self.server_url
        username, keyfile = self.ctx.who.actor.username, self.ctx.keyfile

        def work():
            try:
                account = login(transport, username, password)
                adopt_account(store, account, url)
                server_accepted(store, keyfile, transport, password)
            finally:
                transport.close()
            return account.token

        def ok(token: str) -> None:
            self.token = token
            self._set_online(True)
            self._release_waiting()
            self.logged_in.emit()
            done()

        def refused(exc: Exception) -> None:
            self._release_waiting()
            failed(exc)

        self._after_login = self._after_login or []
        self.ctx.background(work, ok, refused)

    def _release_waiting(self) -> None:
        """Run the server calls that waited for the login (they fail now if it failed)."""
        waiting, self._after_login = self._after_login or [], None
        for call in waiting:
            call()

    # -- a cycle -----------------------------------------------------------------
    def sync_now(self, auto: bool = False) -> None:
        if self.running or self.ctx.locked:  # a locked profile has no key to read with
            return
        if not self.server_url:
            self.failed.emit(SyncError(self.tr("This profile has no server to sync with.")))
            return
        if not self.token:
            if not auto:
                self.login_needed.emit()
            return
        self._retry.stop()
        self.running = True
        transport = self._transport()
        self._cancel = transport.cancel
        engine = SyncEngine(self.ctx.store, transport, on_progress=self.progress.emit)

        def work():
            try:
                return engine.run()
            finally:
                transport.close()

        self.started.emit()
        self.ctx.background(work, self._done, self._broke)

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _done(self, report) -> None:
        self.running = False
        self._retry_ms = FIRST_RETRY_MS
        self._set_online(True)
        self.finished.emit(report)

    def _broke(self, exc: Exception) -> None:
        self.running = False
        if isinstance(exc, AuthExpired):
            self.token = None
            self.login_needed.emit()
        elif isinstance(exc, Offline):
            self._set_online(False)
        if isinstance(exc, SyncError) and not isinstance(exc, Cancelled):
            self._retry.start(self._retry_ms)  # try again later, waiting longer each time
            self._retry_ms = min(self._retry_ms * 2, MAX_RETRY_MS)
        log.info("sync stopped: %s", getattr(exc, "kind", type(exc).__name__))
        self.failed.emit(exc)
