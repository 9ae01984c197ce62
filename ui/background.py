"""Running work off the GUI thread.

Database work goes to one worker thread (a pool of one), so SQLite sees a single
writer and no session ever crosses threads. Network and image work goes to a
separate small pool, so a slow server never queues behind (or in front of) a
save. Results come back to the GUI thread as plain data through queued signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from inspector.errors import InspectorError
from sync.errors import SyncError

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI, which says what to do
            if isinstance(exc, InspectorError | SyncError):  # refusals the user can act on
                log.info("background job refused: %s", type(exc).__name__)
            else:  # a bug: its traceback is for support (the log file redacts messages)
                log.warning("background job failed", exc_info=exc)
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


class Worker(QObject):
    """A named pool of threads; `submit` runs a function there and calls back on the GUI thread."""

    def __init__(self, threads: int = 1, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._relays: set[_Relay] = set()

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[Exception], None]) -> None:
        relay = _Relay()  # lives in the GUI thread, so its slots run there
        self._relays.add(relay)

        def finish(handler: Callable[[Any], None], value: Any) -> None:
            self._relays.discard(relay)
            handler(value)

        relay.done.connect(lambda value: finish(on_done, value))
        relay.failed.connect(lambda exc: finish(on_error, exc))
        self.pool.start(_Job(fn, relay))

    def busy(self) -> bool:
        return self.pool.activeThreadCount() > 0 or bool(self._relays)

    def drain(self) -> None:
        """Wait for queued work (on exit, before the store closes)."""
        self.pool.waitForDone()

