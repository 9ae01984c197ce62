"""The main window as a user sees it: demo banner, area tree with counts, pending changes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from inspector.db import open_store
from inspector.demo import generate
from inspector.services.overview import area_overview
from ui.app import install_translators, prepare_profile
from ui.background import DatabaseWorker
from ui.main_window import MainWindow


@pytest.fixture
def demo_store(tmp_path):
    store = open_store(tmp_path / "store.db")
    summary = generate(store, 150, photos=False)
    yield store, summary
    store.close()


def test_overview_tree_shows_counts_for_every_level(qtbot, demo_store):
    store, summary = demo_store
    window = MainWindow(demo=True)
    qtbot.addWidget(window)
    window.show_overview(area_overview(store))
    district = window.tree.topLevelItem(0)
    assert district.text(1) == str(summary.counts["household"])
    assert district.text(2) == str(summary.counts["resident"])
    grids = []
    stack = [district]
    while stack:
        item = stack.pop()
        stack.extend(item.child(i) for i in range(item.childCount()))
        if item.childCount() == 0:
            grids.append(item)
    assert len(grids) == len(summary.grid_ids)
    assert sum(int(g.text(1)) for g in grids) == summary.counts["household"]
    assert window.findChild(type(window.pending)).text()  # status bar is filled


def test_work_runs_off_the_gui_thread(qtbot, tmp_path, monkeypatch):
    import threading

    monkeypatch.setenv("GRID_INSPECTOR_HOME", str(tmp_path))
    worker = DatabaseWorker()
    seen: dict[str, object] = {}

    def job():
        seen["thread"] = threading.current_thread()
        return prepare_profile("real", demo=False)

    worker.submit(job, lambda result: seen.setdefault("result", result),
                  lambda exc: seen.setdefault("error", exc))
    qtbot.waitUntil(lambda: "result" in seen or "error" in seen, timeout=10_000)
    assert "error" not in seen
    assert seen["thread"] is not threading.main_thread()
    store, overview = seen["result"]
    assert overview.areas == []  # a real profile starts empty: no demo data leaks into it
    store.close()
    worker.drain()


def test_chinese_is_the_default_language(qtbot, qapp):
    translators = install_translators(qapp, "zh_CN")
    try:
        window = MainWindow(demo=True)
        qtbot.addWidget(window)
        assert window.windowTitle() == "网格巡查"
        assert window.tree.headerItem().text(1) == "户数"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    english = MainWindow(demo=True)
    qtbot.addWidget(english)
    assert english.windowTitle() == "Grid Inspector"


def test_screenshot_command_renders_the_demo_window(tmp_path):
    shot = tmp_path / "main.png"
    env = {"GRID_INSPECTOR_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "ui.launcher", "--demo", "--screenshot",
                             str(shot)], env=env, capture_output=True, timeout=180)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    from PIL import Image

    with Image.open(shot) as img:
        assert img.width > 600 and img.height > 400
        # the orange demo banner is at the top
        r, g, b = img.convert("RGB").getpixel((img.width // 10, 5))
        assert r > 200 and 120 < g < 190 and b < 80
