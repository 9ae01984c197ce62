"""A demo profile per test, copied from one generated per session, and the app around it.

Generating the demo district takes a second or two; copying its file takes
milliseconds, so every test gets its own real SQLite file without the wait.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))  # the sync tests' server kit
from synckit import LiveServer, seed  # noqa: E402

from inspector.db import Store, open_store
from inspector.demo import generate
from inspector.demo.accounts import act_as
from ui.context import AppContext, who_of
from ui.main_window import MainWindow

DEMO_HOUSEHOLDS = 300


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo-template")
    store = open_store(folder / "store.db")
    generate(store, DEMO_HOUSEHOLDS, photos=True)
    store.close()
    return folder


def _copy_profile(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target / "store.db"


@pytest.fixture
def demo_store(tmp_path, demo_template) -> Iterator[Store]:
    store = open_store(_copy_profile(demo_template, tmp_path / "profile"))
    yield store
    store.close()


@pytest.fixture
def role() -> str:
    """Override in a test module (or parametrize) to act as another demo account."""
    return "worker"


@pytest.fixture
def ctx(qtbot, demo_store, role) -> Iterator[AppContext]:
    context = AppContext(demo_store, who_of(act_as(demo_store, role)))
    yield context
    context.drain()


@pytest.fixture
def window(qtbot, ctx) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def server(tmp_path) -> Iterator[LiveServer]:
    """A real sync server on a loopback port with the sync tests' grids and accounts."""
    live = LiveServer(tmp_path / "server")
    seed(live.db)
    live.start()
    yield live
    live.stop()
