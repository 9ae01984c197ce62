"""Fixtures for sync tests: a live server on SQLite and on PostgreSQL, and devices."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from synckit import Device, LiveServer, make_device, postgres_database, postgres_skip_reason, seed

_PG_SKIP = postgres_skip_reason()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each server test runs on both databases; PostgreSQL skips, saying why, if absent."""
    if request.param == "sqlite":
        yield ""
        return
    if _PG_SKIP:
        pytest.skip(_PG_SKIP)
    with postgres_database() as url:
        yield url


@pytest.fixture
def server(tmp_path: Path, database_url: str) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path / "server", database_url)
    seed(live.db)
    live.start()
    yield live
    live.stop()


@pytest.fixture
def device_factory(tmp_path: Path, server: LiveServer) -> Iterator[Callable[..., Device]]:
    made: list[Device] = []

    def make(username: str, url: str | None = None, **transport: object) -> Device:
        device = make_device(tmp_path / "devices" / str(len(made)), url or server.url,
                             username, **transport)
        made.append(device)
        return device

    yield make
    for device in made:
        device.close()
