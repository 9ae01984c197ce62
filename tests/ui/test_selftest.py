"""`grid-inspector --self-test` from source: what the built app runs to prove it works.

The built app's self-test is tests/test_packaging.py (minutes); this one runs the same
command from the checkout in seconds, so a change that breaks a step shows here first.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PIL import Image

from inspector.profiles import STORE_FILE

PLAIN_SQLITE = b"SQLite format 3\x00"


def self_test(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    command = ["-c", code] if code else ["-m", "ui.launcher", "--self-test"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("GRID_INSPECTOR_HOME", None)  # the self-test keeps everything in its folder
    return subprocess.run([sys.executable, *command, *args], env=env, capture_output=True,
                          text=True, timeout=300, cwd=Path(__file__).parents[2])


def test_self_test_passes_and_renders_every_page(tmp_path):
    folder = tmp_path / "check"
    result = self_test(str(folder))
    assert result.returncode == 0, result.stderr[-2000:]
    [line] = result.stdout.splitlines()
    shot = folder / "window.png"
    match = re.match(rf"self-test passed: {re.escape(str(shot))} (\d+)x(\d+), (\d+) pages;", line)
    assert match, line
    width, height, pages = map(int, match.groups())
    assert pages == 11  # the supervisor's pages, QtCharts' dashboard among them
    assert "qtbase_zh_CN.qm" in line and "SQLCipher 4." in line
    with Image.open(shot) as image:
        assert image.size == (width, height) and width >= 800 and height >= 600
        assert len(image.convert("RGB").getcolors(maxcolors=100_000) or ()) > 10  # not blank
    profile = folder / "profiles" / "selftest"
    assert (profile / "key.json").is_file()
    assert (profile / STORE_FILE).read_bytes()[:16] != PLAIN_SQLITE
    sealed = [p for p in (profile / "photos").rglob("*.jpg")]
    assert len(sealed) == 2  # the photo and its thumbnail, neither a readable JPEG
    assert all(not p.read_bytes().startswith(b"\xff\xd8") for p in sealed)
    assert (folder / "logs").is_dir() and (folder / "server" / "server.db").is_file()


def test_a_used_folder_is_refused_with_one_line(tmp_path):
    (tmp_path / "left-over.txt").write_text("x", encoding="utf-8")
    result = self_test(str(tmp_path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == f"self-test failed: FOLDER {tmp_path} must be new or empty"


def test_a_failing_step_stops_the_run_with_one_line_naming_it(tmp_path):
    folder = tmp_path / "check"
    code = ("import sys, ui.selftest as t\n"
            "def broken(run):\n"
            "    raise OSError('disk\\nfull')\n"
            "t.STEPS = t.STEPS[:1] + (('photo', broken),) + t.STEPS[1:]\n"
            "sys.exit(t.main(sys.argv[1:]))\n")
    result = self_test(str(folder), code=code)
    assert result.returncode == 1
    assert result.stdout == ""
    verdicts = [line for line in result.stderr.splitlines() if line.startswith("self-test")]
    assert verdicts == ["self-test failed: photo: OSError: disk full"]
    assert not (folder / "window.png").exists()
