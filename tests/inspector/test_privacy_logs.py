"""Logs and crash reports hold no residents' personal data: what is written to the real
log file (also after rotation) and to a crash report is redacted, and a database error
carries no statement values (hide_parameters), on SQLite and, when available, PostgreSQL."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from testkit import make_id

from inspector import logs
from inspector.models import Area, Resident
from sync.server.database import Database, make_engine, migrate

NUMBER, OLD_NUMBER = make_id(seq="081"), "110105800101081"
PHONE, NAME = "13912345678", "欧阳小明"
RAW = (NUMBER, OLD_NUMBER, PHONE, "139 1234 5678", NAME)
log = logging.getLogger("tests.privacy")


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[Path]:
    """setup_logging into tmp_path; the root logger is put back as it was afterwards."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    path = logs.setup_logging(tmp_path / "logs")
    yield path
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def _flushed(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return "".join(p.read_text(encoding="utf-8") for p in sorted(path.parent.glob(path.name + "*")))


def _leaks(written: str) -> list[str]:
    return [value for value in RAW[:4] if value in written]


def test_home_folder_decides_where_logs_go(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GRID_INSPECTOR_HOME", str(tmp_path))
    assert logs.log_folder() == tmp_path / "logs"
    monkeypatch.delenv("GRID_INSPECTOR_HOME")
    assert logs.log_folder().name and logs.log_folder() != tmp_path / "logs"


def test_a_message_and_an_exception_are_written_redacted(logged: Path) -> None:
    log.warning("resident %s phone %s (old number %s, also %s)", NUMBER, PHONE, OLD_NUMBER,
                "139 1234 5678")
    try:
        raise ValueError(f"bad resident {NUMBER} with phone {PHONE}")
    except ValueError:
        log.exception("saving failed for +86%s", PHONE)
    written = _flushed(logged)
    assert _leaks(written) == []
    assert written.count(logs.redact(NUMBER)) == 2 and "1101**********" in written
    assert "139****5678" in written and "ValueError: bad resident" in written
    assert "test_a_message_and_an_exception_are_written_redacted" in written  # the traceback


def test_the_file_rotates_and_keeps_five_old_ones(logged: Path, monkeypatch) -> None:
    (handler,) = [h for h in logging.getLogger().handlers
                  if getattr(h, "baseFilename", None) == str(logged)]
    assert (handler.maxBytes, handler.backupCount) == (2 * 1024 * 1024, 5)
    monkeypatch.setattr(logs, "MAX_BYTES", 4000)
    small = logs.setup_logging(logged.parent)  # replaces the handler, same file
    for n in range(400):
        log.info("line %d of resident %s", n, NUMBER)
    _flushed(small)
    files = sorted(p.name for p in logged.parent.iterdir())
    assert files == [logged.name] + [f"{logged.name}.{n}" for n in range(1, 6)]
    assert all((logged.parent / f).stat().st_size <= 4000 for f in files)
    assert _leaks(_flushed(small)) == []


def _crash() -> None:
    resident_name = NAME  # a local variable: never in a report
    try:
        {}[resident_name]
    except KeyError as exc:
        raise RuntimeError(f"could not save {NUMBER}, phone {PHONE}") from exc


def test_a_crash_report_has_the_traceback_but_no_personal_data(tmp_path: Path) -> None:
    try:
        _crash()
    except RuntimeError:
        path = logs.write_crash_report(*sys.exc_info(), tmp_path / "crashes")
    report = path.read_text(encoding="utf-8")
    assert path.parent == tmp_path / "crashes" and path.name.startswith("crash-")
    assert [value for value in RAW if value in report] == []  # names only as locals: gone
    assert "builtins.KeyError" in report and "builtins.RuntimeError: could not save" in report
    assert report.index("KeyError") < report.index("RuntimeError: could not save")
    assert f'"{__file__}"' in report and "in _crash" in report and ", line " in report


def _resident(grid: str, **extra: object) -> Resident:
    return Resident(grid_id=grid, name=NAME, id_number=NUMBER, gender="男",
                    birth_date=date(1980, 1, 1), phone=PHONE, relation="self",
                    residence_type="registered", **extra)


def test_a_database_error_carries_no_values_and_logs_none(tmp_path: Path, logged: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'server.db'}")
    migrate(db.engine)
    with db.transaction() as session:
        grid = Area(code="G01", name="第一网格", level="grid")
        session.add(grid)
        session.flush()
        session.add(_resident(grid.id))
    with pytest.raises(IntegrityError) as clash, db.transaction() as session:
        session.add(_resident(grid.id))
    db.dispose()
    message = str(clash.value)
    assert "UNIQUE" in message and "hide_parameters" in message
    assert [value for value in RAW if value in message] == []
    log.error("push failed", exc_info=clash.value)
    assert [value for value in RAW if value in _flushed(logged)] == []


@pytest.mark.skipif(not os.environ.get("GRID_TEST_PG_URL"), reason="GRID_TEST_PG_URL not set")
def test_postgresql_quotes_values_in_its_errors_and_the_log_leaves_them_out(
        logged: Path) -> None:
    engine = make_engine(os.environ["GRID_TEST_PG_URL"])
    try:
        with engine.connect() as conn:
            conn.execute(text("CREATE TEMP TABLE person (number text UNIQUE, name text, "
                              "phone text CHECK (phone <> 'x'))"))
            conn.execute(text("INSERT INTO person VALUES (:n, :m, :p)"),
                         {"n": NUMBER, "m": NAME, "p": PHONE})
            conn.commit()
            for row in ({"n": NUMBER, "m": NAME, "p": PHONE}, {"n": "1", "m": NAME, "p": "x"}):
                with pytest.raises(IntegrityError) as clash:
                    conn.execute(text("INSERT INTO person VALUES (:n, :m, :p)"), row)
                conn.rollback()
                assert "DETAIL" in str(clash.value)  # the server's own words quote the row
                log.error("push failed", exc_info=clash.value)
    finally:
        engine.dispose()
    written = _flushed(logged)
    assert "Key (number)=(…) already exists" in written and "DETAIL: [values hidden]" in written
    assert [value for value in RAW if value in written] == []


def test_the_access_log_keeps_paths_but_not_query_strings(tmp_path) -> None:
    import logging

    from inspector.logs import file_handler

    handler = file_handler(tmp_path)
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                               '%s - "%s %s HTTP/%s" %d',
                               ("10.0.0.8:5000", "PUT", "/api/v1/photos/ab?lat=39.9042&lon=116.4",
                                "1.1", 200), None)
    handler.handle(record)
    handler.close()
    text = (tmp_path / "grid-inspector.log").read_text(encoding="utf-8")
    assert "/api/v1/photos/ab" in text and "39.9042" not in text and "lat=" not in text
