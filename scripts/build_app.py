"""Build the one-folder app with build.spec, then run its self-test, as a release would.

Run from the repository root with the project's Python (any OS):

    .venv/bin/python scripts/build_app.py OUT

OUT gets dist/grid-inspector/ (the app to ship), build/ (PyInstaller's work files),
pyinstaller.log and selftest/ (the self-test's profile, logs and window.png). It prints
the build time, the app folder's size and the self-test's line, and exits 0 only if
the build and the self-test both succeed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build.spec"
APP = "grid-inspector"
SELF_TEST_TIMEOUT = 300  # seconds; the self-test takes a few on a slow machine


def folder_size(folder: Path) -> int:
    """Bytes of every file under `folder`, links not followed (what a copy would take)."""
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath, name)
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def program(app_dir: Path) -> Path:
    """The program that prints: on Windows the app is windowed, and -cli is its console twin."""
    if sys.platform == "win32":
        return app_dir / f"{APP}-cli.exe"
    return app_dir / APP


def build(out: Path) -> tuple[bool, float]:
    log = out / "pyinstaller.log"
    started = time.monotonic()
    with open(log, "w", encoding="utf-8") as sink:
        result = subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
             "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(SPEC)],
            cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT, check=False)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
        print("\n".join(tail), file=sys.stderr)
    return result.returncode == 0, elapsed


def self_test(exe: Path, folder: Path) -> tuple[bool, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        result = subprocess.run([str(exe), "--self-test", str(folder)], env=env,
                                capture_output=True, text=True, encoding="utf-8",
                                errors="replace", timeout=SELF_TEST_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return False, f"self-test failed: no answer within {SELF_TEST_TIMEOUT} s"
    except OSError as exc:
        return False, f"self-test failed: could not start {exe} ({exc})"
    lines = [line for line in (result.stdout + result.stderr).splitlines()
             if line.startswith("self-test ")]
    said = lines[-1] if lines else f"self-test failed: exit code {result.returncode}, no verdict"
    if result.returncode != 0 and not lines:
        print(result.stderr[-4000:], file=sys.stderr)
    return result.returncode == 0, said


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the build (created if needed)")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    built, seconds = build(out)
    print(f"build: {'done' if built else 'FAILED'} in {seconds:.0f} s "
          f"(log: {out / 'pyinstaller.log'})")
    if not built:
        return 1
    app_dir = out / "dist" / APP
    print(f"app folder: {app_dir} {folder_size(app_dir) / 2**20:.0f} MiB")
    selftest_dir = out / "selftest"
    shutil.rmtree(selftest_dir, ignore_errors=True)  # an earlier run's; the test needs it empty
    passed, said = self_test(program(app_dir), selftest_dir)
    print(said)
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
