"""The installer that starts: build the one-folder app and run its self-test, as a release does.

This is the check that PyInstaller carried everything the app loads at run time
(migrations, resources, Qt plugins, native libraries): a build that forgot one
fails its own self-test, and so this test. It takes a minute or two on 2 cores.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).parents[1]


def test_the_built_app_passes_its_self_test(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_app.py"),
                             str(tmp_path)], capture_output=True, text=True, timeout=1500)
    out = result.stdout
    assert result.returncode == 0, out + result.stderr[-3000:]
    assert re.search(r"^build: done in \d+ s", out, re.MULTILINE), out
    assert re.search(r"^app folder: .+ \d+ MiB$", out, re.MULTILINE), out
    shot = tmp_path / "selftest" / "window.png"
    match = re.search(rf"^self-test passed: {re.escape(str(shot))} (\d+)x(\d+), (\d+) pages;",
                      out, re.MULTILINE)
    assert match, out
    width, height, pages = map(int, match.groups())
    assert pages == 11
    with Image.open(shot) as image:
        assert image.format == "PNG"
        assert image.size == (width, height) and width >= 800 and height >= 600
        assert len(image.convert("RGB").getcolors(maxcolors=100_000) or ()) > 10  # not blank
    # About 250 MB: not worth keeping in pytest's last three temporary folders.
    for bulky in ("dist", "build"):
        shutil.rmtree(tmp_path / bulky)
