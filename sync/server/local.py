"""The server run inside another process on a loopback port: for the demo's built-in
server, benchmarks and tests. The same app as `serve`, with real HTTP."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

from .app import create_app
from .config import Settings
from .database import Database


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThreadedServer:
    """uvicorn in a daemon thread; `db` is the server's database for direct inspection."""

    def __init__(self, data_dir: Path, database_url: str = "", *, port: int | None = None,
                 **settings: Any) -> None:
        self.settings = Settings(data_dir=Path(data_dir), database_url=database_url, **settings)
        self.app = create_app(self.settings)
        self.db: Database = self.app.state.db
        self.port = port or free_port()  # a fixed port lets a restarted server keep its URL
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def start(self, timeout: float = 20.0) -> ThreadedServer:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the local server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self.db.dispose()
