"""Choosing a profile at start: existing ones, a new one by name, or the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inspector.db import open_store
from inspector.profiles import store_path
from ui.profile_chooser import ProfileChooser, real_profiles


def test_only_profiles_with_a_store_are_offered(tmp_path, monkeypatch):
    monkeypatch.setenv("GRID_INSPECTOR_HOME", str(tmp_path))
    assert real_profiles() == []
    for name in ("wang", "demo"):
        open_store(store_path(name)).close()
    (tmp_path / "profiles" / "empty-folder").mkdir()
    assert real_profiles() == ["wang"]


def test_pick_an_existing_profile_or_the_demo(qtbot):
    chooser = ProfileChooser(["li", "wang"])
    qtbot.addWidget(chooser)
    chooser.show()
    chooser.profiles.setCurrentRow(1)
    with qtbot.waitSignal(chooser.chosen) as signal:
        qtbot.keyClick(chooser.profiles, Qt.Key.Key_Return)
    assert signal.args == ["wang"]
    again = ProfileChooser(["li"])
    qtbot.addWidget(again)
    again.profiles.setCurrentRow(again.profiles.count() - 1)
    with qtbot.waitSignal(again.chosen) as signal:
        again.submit()
    assert signal.args == ["demo"]


def test_a_new_name_must_be_usable_as_a_folder(qtbot):
    chooser = ProfileChooser([])
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.keyClicks(chooser.new_name, "../etc")
    chooser.submit()
    assert "letters, digits" in chooser.message.text() and chooser.isVisible()
    chooser.new_name.clear()
    qtbot.keyClicks(chooser.new_name, "zhang-3")
    with qtbot.waitSignal(chooser.chosen) as signal:
        chooser.submit()
    assert signal.args == ["zhang-3"]
