"""The headless CLI, run as a user would: `python -m inspector.cli ...` in a subprocess.

GRID_INSPECTOR_HOME points at a temporary folder, so no test touches a real profile.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from inspector.db import head_revision

HOUSEHOLDS = 120


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GRID_INSPECTOR_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "inspector.cli", *args], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def table_counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("household", "resident", "issue", "outbox")}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(home, store path, demo-data stdout) of a 120-household store made through the CLI."""
    home = tmp_path_factory.mktemp("home")
    path = home / "demo.db"
    done = cli(home, "demo-data", str(path), "--households", str(HOUSEHOLDS), "--no-photos")
    assert done.returncode == 0, done.stderr
    return home, path, done.stdout


def test_demo_data_reports_what_it_made(demo: tuple[Path, Path, str]) -> None:
    _home, path, out = demo
    assert path.is_file()
    printed = {k: int(v) for k, v in re.findall(r"(\w+) (\d+)", out.split(":", 1)[1])}
    assert printed["household"] == HOUSEHOLDS
    real = table_counts(path)
    assert printed["resident"] == real["resident"] > HOUSEHOLDS
    assert printed["issue"] == real["issue"] > 0
    assert real["outbox"] == 0
    assert re.search(r"generated in \d+\.\d s", out)
    assert not (path.parent / "photos").exists()  # --no-photos


def test_info_counts_records_and_pending_changes(demo: tuple[Path, Path, str]) -> None:
    home, path, _ = demo
    done = cli(home, "info", str(path))
    assert done.returncode == 0, done.stderr
    lines = dict(re.findall(r"^\s+(\w[\w ]*?)\s+(\d+)$", done.stdout, re.M))
    real = table_counts(path)
    assert int(lines["household"]) == HOUSEHOLDS
    assert int(lines["resident"]) == real["resident"]
    assert int(lines["issue"]) == real["issue"]
    assert int(lines["pending changes"]) == 0
    assert f"schema {head_revision()} (head {head_revision()})" in done.stdout


def test_search_finds_a_resident_and_prints_no_personal_data(
        demo: tuple[Path, Path, str]) -> None:
    home, path, _ = demo
    with closing(sqlite3.connect(path)) as conn:
        rid, name, id_number = conn.execute(
            "SELECT id, name, id_number FROM resident WHERE length(name) = 3 ORDER BY id"
        ).fetchone()
    done = cli(home, "search", str(path), name, "--limit", "200")
    assert done.returncode == 0, done.stderr
    hits = [line.split() for line in done.stdout.splitlines()]
    assert hits and all(kind in ("resident", "household") for kind, _ in hits)
    assert ["resident", rid] in hits
    assert name not in done.stdout and id_number not in done.stdout
    assert re.search(rf"^{len(hits)} results in [\d.]+ ms$", done.stderr.strip(), re.M)

    by_tail = cli(home, "search", str(path), id_number[-6:], "--limit", "5")
    assert by_tail.returncode == 0
    assert 1 <= len(by_tail.stdout.splitlines()) <= 5


def test_migrate_on_a_current_store_is_a_no_op(demo: tuple[Path, Path, str]) -> None:
    home, path, _ = demo
    before = table_counts(path)
    done = cli(home, "migrate", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"schema at {head_revision()}"  # no backup made
    assert not list(path.parent.glob(path.name + ".*.bak"))
    assert table_counts(path) == before


def test_demo_data_refuses_an_existing_store_without_force(
        demo: tuple[Path, Path, str]) -> None:
    home, path, _ = demo
    before = (file_digest(path), path.stat().st_mtime_ns)
    done = cli(home, "demo-data", str(path), "--households", "30", "--no-photos")
    assert done.returncode == 2
    assert "--force" in done.stderr
    assert done.stdout == ""
    assert (file_digest(path), path.stat().st_mtime_ns) == before
    assert table_counts(path)["household"] == HOUSEHOLDS


def test_demo_data_with_force_replaces_the_store(tmp_path: Path) -> None:
    path = tmp_path / "replace.db"
    assert cli(tmp_path, "demo-data", str(path), "--households", "40",
               "--no-photos").returncode == 0
    done = cli(tmp_path, "demo-data", str(path), "--households", "25", "--no-photos", "--force")
    assert done.returncode == 0, done.stderr
    assert table_counts(path)["household"] == 25


def test_profile_names_live_under_grid_inspector_home(tmp_path: Path) -> None:
    done = cli(tmp_path, "demo-data", "trial", "--households", "20", "--no-photos")
    assert done.returncode == 0, done.stderr
    path = tmp_path / "profiles" / "trial" / "store.db"
    assert table_counts(path)["household"] == 20
    info = cli(tmp_path, "info", "trial")
    assert info.returncode == 0 and str(path) in info.stdout


@pytest.mark.parametrize("args", [("info",), ("search", "王"), ("migrate",)])
def test_commands_on_a_missing_store_exit_2_and_create_nothing(
        tmp_path: Path, args: tuple[str, ...]) -> None:
    path = tmp_path / "missing.db"
    done = cli(tmp_path, args[0], str(path), *args[1:])
    assert done.returncode == 2
    assert "no store" in done.stderr
    assert not path.exists()


def test_an_invalid_profile_name_is_a_usage_error(tmp_path: Path) -> None:
    done = cli(tmp_path, "info", "not a profile!")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "usage:" in done.stderr


def test_verify_audit_finds_an_edited_entry(tmp_path: Path) -> None:
    from inspector.db import open_store
    from inspector.services.recording import Actor, audit

    path = tmp_path / "store.db"
    store = open_store(path)
    actor = Actor("li.si", "staff", "dev-1", ())
    for n in range(3):
        with store.write() as session:
            audit(session, actor, "reveal", "resident", f"r{n}", ["id_number"])
    store.close()
    done = cli(tmp_path, "verify-audit", str(path))
    assert done.returncode == 0 and "3" in done.stdout, done.stderr
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE audit SET action = 'export' WHERE seq = 2")
    done = cli(tmp_path, "verify-audit", str(path))
    assert done.returncode == 1 and "2" in done.stdout
    from ui.launcher import main  # the installed command routes it too, not to the app

    assert main(["verify-audit", str(path)]) == 1
