"""Key escrow: a device's data key, kept sealed on the server, comes back only to the
same account logged in on the same device. Real server over HTTP, both databases."""

from __future__ import annotations

import base64
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import select
from synckit import PASSWORD, LiveServer, seed

from sync import protocol as p
from sync.client import Transport, login
from sync.client.account import deposit_key, recover_key
from sync.errors import AuthExpired, Refused, ServerError
from sync.server import admin
from sync.server.escrow import ESCROW_FILE
from sync.server.models import DeviceKey, SecurityEvent, User
from sync.server.security import issue_token

Connect = Callable[[str, str], Transport]


@pytest.fixture
def connect(server: LiveServer) -> Iterator[Connect]:
    """A logged-in transport for (account, device id)."""
    made: list[Transport] = []

    def make(username: str, device_id: str) -> Transport:
        t = Transport(server.url, device_id, retries=0)
        login(t, username, PASSWORD)
        made.append(t)
        return t

    yield make
    for t in made:
        t.close()


def stored(server: LiveServer, device_id: str) -> DeviceKey | None:
    with server.db.session() as s:
        return s.get(DeviceKey, device_id)


def test_a_device_gets_its_own_key_back(server: LiveServer, connect: Connect) -> None:
    key = os.urandom(32)
    deposit_key(connect("wgy1", "laptop-a"), key)
    row = stored(server, "laptop-a")
    assert row.username == "wgy1" and row.recovered_at is None
    # Sealed: neither the key nor its base64 is in the database.
    assert key not in base64.b64decode(row.sealed_key)
    assert base64.b64encode(key).decode() not in row.sealed_key

    # The password forgotten, an administrator sets a new one; the same laptop logs in.
    admin.create_user(server.db, "wgy1", "reset-by-admin-1", "worker", [])
    again = Transport(server.url, "laptop-a", retries=0)
    login(again, "wgy1", "reset-by-admin-1")
    assert recover_key(again) == key
    again.close()
    assert stored(server, "laptop-a").recovered_at is not None
    with server.db.session() as s:
        got = [(e.action, e.username, e.device_id) for e in s.scalars(
            select(SecurityEvent).where(SecurityEvent.action.like("key_%"))
            .order_by(SecurityEvent.id))]
    assert got == [("key_deposited", "wgy1", "laptop-a"), ("key_recovered", "wgy1", "laptop-a")]


def test_a_device_may_replace_its_key(server: LiveServer, connect: Connect) -> None:
    t = connect("wgy1", "laptop-a")
    deposit_key(t, os.urandom(32))
    newer = os.urandom(32)
    deposit_key(t, newer)
    assert recover_key(t) == newer


def test_another_device_of_the_same_account_gets_nothing(server: LiveServer,
                                                         connect: Connect) -> None:
    deposit_key(connect("wgy1", "laptop-a"), os.urandom(32))
    with pytest.raises(Refused) as exc:
        recover_key(connect("wgy1", "laptop-b"))
    assert exc.value.status == 404
    assert stored(server, "laptop-a").recovered_at is None


def test_another_account_on_the_same_device_id_is_refused(server: LiveServer,
                                                          connect: Connect) -> None:
    key = os.urandom(32)
    deposit_key(connect("wgy1", "laptop-a"), key)
    intruder = connect("wgy2", "laptop-a")
    with pytest.raises(Refused) as read:
        recover_key(intruder)
    assert read.value.status == 403 and "另一个账号" in read.value.message
    with pytest.raises(Refused) as write:
        deposit_key(intruder, os.urandom(32))
    assert write.value.status == 403
    # Nothing moved: the owner still gets the original key.
    assert stored(server, "laptop-a").username == "wgy1"
    assert recover_key(connect("wgy1", "laptop-a")) == key


def test_a_disabled_account_gets_401(server: LiveServer, connect: Connect) -> None:
    t = connect("wgy1", "laptop-a")
    deposit_key(t, os.urandom(32))
    admin.disable_user(server.db, "wgy1")
    with pytest.raises(AuthExpired):
        recover_key(t)


def test_a_login_without_a_device_and_a_bad_key_are_refused(server: LiveServer,
                                                            connect: Connect) -> None:
    with server.db.transaction() as s:
        token, _ = issue_token(s, s.get(User, "wgy1"), None, 1.0)
    nowhere = Transport(server.url, "ignored", token=token, retries=0)
    with pytest.raises(Refused) as exc:
        deposit_key(nowhere, os.urandom(32))
    nowhere.close()
    assert exc.value.status == 403 and "device_id" in exc.value.message

    t = connect("wgy1", "laptop-a")
    for bad in (base64.b64encode(b"short").decode(), "not base64 at all!"):
        r = requests.put(f"{server.url}{p.API}/device/key", json={"key": bad}, timeout=30,
                         headers={p.VERSION_HEADER: "1", "Authorization": f"Bearer {t.token}"})
        assert r.status_code == 422, r.text
        assert "key" in r.json()["detail"]["message"] and "32 字节" in r.json()["detail"][
            "message"]
    with pytest.raises(ValueError):
        deposit_key(t, b"too short")
    assert stored(server, "laptop-a") is None


def test_the_secret_is_a_private_file_that_outlives_a_restart(
        tmp_path: Path, database_url: str) -> None:
    folder = tmp_path / "escrow-server"
    live = LiveServer(folder, database_url)
    seed(live.db)
    live.start()
    key = os.urandom(32)
    try:
        t = Transport(live.url, "laptop-a", retries=0)
        login(t, "wgy1", PASSWORD)
        deposit_key(t, key)
        t.close()
    finally:
        live.stop()
    secret = folder / ESCROW_FILE
    assert len(base64.b64decode(secret.read_text())) == 32
    if os.name == "posix":
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    written = secret.read_bytes()

    again = LiveServer(folder, database_url, port=live.port).start()
    try:
        t = Transport(again.url, "laptop-a", retries=0)
        login(t, "wgy1", PASSWORD)
        assert recover_key(t) == key
        t.close()
    finally:
        again.stop()
    assert secret.read_bytes() == written  # the same secret, not a new one

    # Under another secret (the file lost, say) the key cannot be opened: a clear error.
    other = LiveServer(folder, database_url,
                       escrow_secret=base64.b64encode(os.urandom(32)).decode()).start()
    try:
        t = Transport(other.url, "laptop-a", retries=0)
        login(t, "wgy1", PASSWORD)
        with pytest.raises(ServerError) as exc:
            recover_key(t)
        assert "escrow.key" in exc.value.message
        t.close()
    finally:
        other.stop()
