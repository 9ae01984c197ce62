"""The main window as a user sees it: demo banner, navigation, status bar, language."""

from __future__ import annotations

import subprocess
import sys
import threading

from uikit import wait_idle

from ui.app import install_translators
from ui.main_window import MainWindow


def test_overview_tree_shows_counts_for_every_level(qtbot, window, ctx):
    page = window.open_page("overview")
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 1, timeout=10_000)
    district = page.tree.topLevelItem(0)
    assert int(district.text(1)) == 300
    grids, stack = [], [district]
    while stack:
        item = stack.pop()
        stack.extend(item.child(i) for i in range(item.childCount()))
        if item.childCount() == 0:
            grids.append(item)
    assert sum(int(g.text(1)) for g in grids) == 300


def test_status_bar_says_offline_pending_and_never_synced(qtbot, window, ctx):
    wait_idle(qtbot, ctx)
    assert "Offline" in window.online.text()
    assert window.pending.text() == "Pending changes: 0"
    assert window.last_sync.text() == "Never synced"


def test_reads_run_off_the_gui_thread(qtbot, ctx):
    seen = {}

    def job(store):
        seen["thread"] = threading.current_thread()
        return 1

    ctx.read(job, lambda result: seen.setdefault("result", result))
    qtbot.waitUntil(lambda: "result" in seen, timeout=5_000)
    assert seen["thread"] is not threading.main_thread()


def test_every_page_opens_with_ctrl_number(qtbot, window):
    from PySide6.QtCore import Qt

    for number, spec in enumerate(window.specs[:9], start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is window.page(spec.name)
        assert window.nav.currentItem().text() == spec.title()


def test_pages_are_built_only_when_first_shown(window):
    assert [type(p).__name__ for p in window.pages] == ["OverviewPage"]
    window.open_page("map")
    assert [type(p).__name__ for p in window.pages] == ["OverviewPage", "MapPage"]


def test_chinese_is_the_default_language(qtbot, qapp, ctx):
    translators = install_translators(qapp, "zh_CN")
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        assert window.windowTitle() == "网格巡查"
        assert window.nav.item(1).text() == "台账"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    english = MainWindow(ctx)
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
