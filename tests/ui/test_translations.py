"""Every visible string has its Chinese, and the shipped .ts/.qm match the code.

The UI is Chinese by default, so a string added without a translation shows up
in English to every user; these tests catch that before a release.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).parents[2]
TS = ROOT / "resources" / "translations" / "grid_inspector_zh_CN.ts"


def _messages(ts: Path) -> set[tuple[str, str]]:
    tree = ET.parse(ts)
    return {(c.findtext("name") or "", m.findtext("source") or "")
            for c in tree.iter("context") for m in c.iter("message")}


def test_every_string_in_the_ts_file_is_translated():
    tree = ET.parse(TS)
    untranslated = [m.findtext("source") for m in tree.iter("message")
                    if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                    or not "".join(m.find("translation").itertext()).strip()]
    assert untranslated == []


def test_ts_file_holds_every_string_of_the_code(tmp_path):
    """lupdate over ui/ finds nothing the shipped file lacks (run fill_zh.py when this fails)."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    shipped = {source for _context, source in _messages(TS)}
    found = {source for _context, source in _messages(fresh)}
    assert found - shipped == set()


def test_the_compiled_file_translates(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "Grid Inspector") == "网格巡查"
        assert QCoreApplication.translate("register", "Head of household") == "户主"
    finally:
        qapp.removeTranslator(translator)
