"""The diagnostics file holds what support needs and none of the residents' data, no key
material and no password, from a real encrypted profile whose log folder saw a day's
work at DEBUG and a crash."""

from __future__ import annotations

import base64
import json
import logging
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from testkit import build_tree, household_data, make_id, resident_data

from inspector import __version__, logs, vault
from inspector.db import SCHEMA_HEAD
from inspector.diagnostics import SECTIONS, record_export, write_bundle
from inspector.models import AuditEntry, LocalProfile, SyncProblem, SyncStatus, utcnow
from inspector.services import register
from inspector.services.recording import Actor

NAMES = ("欧阳锦绣", "司马长风")
IDS = (make_id("110105", "19790321", "517"), make_id("110105", "19830704", "022"))
PHONES = ("13912345678", "15098761234")
ADDRESS = "幸福路88号7栋3单元602"
PASSWORD = "field-pass-1"
ACCOUNT = {"username": "wang.wu", "display_name": "王五", "server_url": "https://grid.example",
           "device_id": "dev-1"}
log = logging.getLogger("tests.diagnostics")


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[tuple]:
    """An encrypted profile with two residents, queued work, a sync problem, and a log
    folder holding a DEBUG log of that work and a crash report about one of them."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    log_file = logs.setup_logging(tmp_path / "logs", level="DEBUG")
    store, keyfile = vault.create(tmp_path / "profile", PASSWORD, ACCOUNT)
    try:
        tree = build_tree(store)
        with store.write() as session:
            session.add(LocalProfile(id=1, username="wang.wu", display_name="王五",
                                     role="staff", grid_ids=[tree.g1], device_id="dev-1",
                                     server_url="https://grid.example", demo=False))
        staff = Actor("wang.wu", "staff", "dev-1", (tree.g1,))
        hid, _ = register.add_household(store, staff, household_data(
            tree.g1, head_name=NAMES[0], phone=PHONES[0], address=ADDRESS))
        for name, number, phone in zip(NAMES, IDS, PHONES, strict=True):
            rid, _ = register.add_resident(store, staff, hid, resident_data(
                number, name=name, phone=phone))
            # Code logs record ids; a number or phone that slips in is masked by its shape.
            log.debug("saved resident %s (id number %s, phone %s)", rid, number, phone)
        with store.write() as session:
            session.add(SyncProblem(kind="rejected", entity="resident", record_id="r-1",
                                    op="update", reason=f"身份证号 {IDS[1]} 已登记",
                                    at=utcnow(), acknowledged=False))
            session.add(SyncStatus(id=1, last_attempt_at=utcnow(), last_error_at=utcnow(),
                                   last_error=f"服务器拒绝：电话 {PHONES[1]}"))
        try:
            raise ValueError(f"no household for {IDS[0]} / {PHONES[0]}: {NAMES[1]!r}")
        except ValueError:
            logs.write_crash_report(*sys.exc_info(), tmp_path / "logs")
        yield store, keyfile, staff, log_file.parent
    finally:
        store.close()
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)


def _contents(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as bundle:
        return {name: bundle.read(name) for name in bundle.namelist()}


def test_the_file_has_what_support_needs_and_no_personal_data_or_secrets(profile, tmp_path):
    store, keyfile, staff, log_dir = profile
    settings = {"security/idle_minutes": 10, "ui/last_page": "register",
                "sync/token": "tok-3f9a", "login/password": PASSWORD}
    written = write_bundle(store, tmp_path / "d.zip", settings=settings,
                           extra_versions={"qt": "6.x"}, keyfile=keyfile, logs=log_dir)

    files = _contents(written.path)
    crash = next(log_dir.glob("crash-*.txt")).name
    assert set(files) == {"diagnostics.json", "logs/grid-inspector.log", f"crash/{crash}"}
    assert written.members == tuple(files) and written.size == written.path.stat().st_size

    everything = b"\n".join(files.values())
    key_file = json.loads((store.path.parent / "key.json").read_text(encoding="utf-8"))
    secrets = [*NAMES, *IDS, *PHONES, ADDRESS, PASSWORD, "tok-3f9a", key_file["wrapped_key"],
               ACCOUNT["display_name"],
               store.keys.raw().hex(), base64.b64encode(store.keys.raw()).decode()]
    assert [s for s in secrets if s.encode() in everything] == []
    assert b"saved resident" in files["logs/grid-inspector.log"]  # the logs really are in it

    report = json.loads(files["diagnostics.json"])
    assert set(SECTIONS) <= set(report)
    assert report["versions"]["grid_inspector"] == __version__
    assert report["versions"]["sqlcipher"] and report["versions"]["qt"] == "6.x"
    assert report["settings"] == {"security/idle_minutes": 10, "ui/last_page": "register"}
    assert report["store"] == {"schema_revision": SCHEMA_HEAD, "encrypted": True,
                               "quick_check": ["ok"]}
    assert report["tables"]["resident"] == 2 and report["tables"]["household"] == 1
    assert report["tables"]["area"] == 5 and "search_trigram_data" not in report["tables"]
    assert report["outbox"]["pending"] == 3
    assert report["outbox"]["by_entity"] == {"household/insert": 1, "resident/insert": 2}
    assert report["sync"]["problems_open"] == {"rejected": 1}
    assert report["sync"]["last_error"] == "服务器拒绝：电话 150****1234"
    assert report["audit_chain"]["ok"] is True and report["audit_chain"]["checked"] == 3
    assert report["profile"] == {
        "bound": True, "username": "wang.wu", "role": "staff", "grids": 1,
        "device_id": "dev-1", "server_url": "https://grid.example", "demo": False,
        "has_password_verifier": False, "key_escrowed": False, "wrong_passwords": 0,
        "locked_out": False}
    assert {"store.db", "key.json"} <= set(report["files"]["profile_folder"])
    assert report["logs"] == sorted(["grid-inspector.log", crash])


def test_the_export_is_audited_by_sections_not_values(profile, tmp_path):
    store, keyfile, staff, log_dir = profile
    written = write_bundle(store, tmp_path / "d.zip", keyfile=keyfile, logs=log_dir)
    record_export(store, staff, written)
    with store.read() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert (entry.action, entry.entity, entry.record_id) == ("export", "diagnostics",
                                                             written.run_id)
    assert entry.fields == list(SECTIONS) and entry.actor == "wang.wu"
