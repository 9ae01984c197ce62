"""The administrator's security commands (`grid-inspector-server`, in-process) and `serve`
as a real process: TLS with --certfile/--keyfile, HSTS, and which proxies are believed."""

from __future__ import annotations

import base64
import os
import stat
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import requests
from sqlalchemy import select
from synckit import PASSWORD, seed
from test_server_process import _self_signed, serving

from sync import protocol as p
from sync.client import Transport, login
from sync.client.transport import CA_BUNDLE_ENV
from sync.server import cli
from sync.server.config import CONFIG_NAME, load_settings, save_settings
from sync.server.database import Database
from sync.server.escrow import ESCROW_FILE
from sync.server.models import SecurityEvent


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATABASE_URL", "ESCROW_SECRET", "TRUSTED_PROXIES", "PASSWORD",
                 "LOGIN_FAILURES_PER_MINUTE"):
        monkeypatch.delenv(f"GRID_SERVER_{name}", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Path]:
    """A data folder made by `init`, with the test areas and accounts."""
    data = tmp_path / "server"
    assert run(capsys, "init", str(data))[0] == 0
    db = Database(load_settings(data).db_url)
    seed(db)
    db.dispose()
    yield data


def test_init_makes_a_private_escrow_secret_outside_the_settings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "server"
    code, out, _ = run(capsys, "init", str(data))
    assert code == 0 and ESCROW_FILE in out and "备份" in out
    secret = data / ESCROW_FILE
    assert len(base64.b64decode(secret.read_text())) == 32
    if os.name == "posix":
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert "escrow" not in (data / CONFIG_NAME).read_text()  # never in server.json
    written = secret.read_bytes()
    assert run(capsys, "init", str(data))[0] == 0
    assert secret.read_bytes() == written  # a second init keeps it


def test_a_secret_from_the_environment_is_used_and_checked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRID_SERVER_ESCROW_SECRET", base64.b64encode(os.urandom(32)).decode())
    assert run(capsys, "init", str(tmp_path / "a"))[0] == 0
    assert not (tmp_path / "a" / ESCROW_FILE).exists()
    assert "escrow" not in (tmp_path / "a" / CONFIG_NAME).read_text()
    monkeypatch.setenv("GRID_SERVER_ESCROW_SECRET", "too-short")
    code, _, err = run(capsys, "init", str(tmp_path / "b"))
    assert code == 2 and "GRID_SERVER_ESCROW_SECRET" in err and "32 字节" in err


def test_unlock_user_and_the_security_log(folder: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(capsys, "unlock-user", str(folder), "wgy1")
    assert code == 0 and "未被锁定" in out
    code, _, err = run(capsys, "unlock-user", str(folder), "ghost")
    assert code == 2 and "没有该账号：ghost" in err
    assert run(capsys, "disable-user", str(folder), "wgy2")[0] == 0

    code, out, _ = run(capsys, "security-log", str(folder))
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].split("\t")[1:3] == ["user_disabled", "wgy2"]  # newest first
    assert lines[1].split("\t")[1:3] == ["user_unlocked", "wgy1"]
    code, out, _ = run(capsys, "security-log", str(folder), "--user", "wgy1")
    assert [line.split("\t")[1] for line in out.strip().splitlines()] == ["user_unlocked"]
    code, out, _ = run(capsys, "security-log", str(folder), "--action", "login_ok")
    assert code == 0 and "没有安全事件" in out
    code, _, err = run(capsys, "security-log", str(folder), "--action", "dancing")
    assert code == 2 and "action" in err and "login_failed" in err


def test_serve_with_tls_sends_hsts_and_the_ca_bundle_comes_from_the_environment(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cert, key = _self_signed(tmp_path)
    with serving(folder, "--certfile", str(cert), "--keyfile", str(key), scheme="https",
                 verify=str(cert)) as url:
        r = requests.get(f"{url}/health", verify=str(cert), timeout=30)
        assert r.headers["Strict-Transport-Security"].startswith("max-age=")
        monkeypatch.setenv(CA_BUNDLE_ENV, str(cert))
        t = Transport(url, "dev-tls", retries=0)
        assert login(t, "wgy1", PASSWORD).username == "wgy1"
        t.close()


def test_forwarded_headers_from_an_untrusted_peer_are_ignored(folder: Path) -> None:
    save_settings(replace(load_settings(folder), trusted_proxies="10.255.255.1"))
    with serving(folder) as url:
        r = requests.get(f"{url}/health", timeout=30, headers={
            "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.50"})
        assert "Strict-Transport-Security" not in r.headers
        requests.post(f"{url}{p.API}/auth/login", timeout=30, json={
            "username": "wgy1", "password": "wrong-password", "device_id": "dev-proxy"},
            headers={p.VERSION_HEADER: "1", "X-Forwarded-For": "203.0.113.50"})
    db = Database(load_settings(folder).db_url)
    with db.session() as s:
        (event,) = s.scalars(select(SecurityEvent).where(
            SecurityEvent.action == "login_failed")).all()
    db.dispose()
    assert event.ip == "127.0.0.1"  # the peer itself, not what it claimed to forward
