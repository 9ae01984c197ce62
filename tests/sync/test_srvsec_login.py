"""Password guessing is slowed down: accounts lock after failed logins in a row, an
address that keeps failing is answered 429, and every outcome is in the security log.

Real server (uvicorn on loopback, SQLite and PostgreSQL), real client transport.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import select
from synckit import PASSWORD, LiveServer, seed

from inspector.models import utcnow
from sync import protocol as p
from sync.client import Transport, login
from sync.errors import AuthExpired, LockedOut
from sync.server import admin
from sync.server.lockout import FAILURES_PER_LOCK, lock_length
from sync.server.models import SecurityEvent, User

WRONG = "not-the-password"


def try_login(server: LiveServer, username: str, password: str,
              address: str | None = None) -> requests.Response:
    """One login over HTTP; `address` is the client address a trusted proxy (loopback,
    uvicorn's default) forwards, so one test machine can be several clients."""
    headers = {p.VERSION_HEADER: str(p.PROTOCOL_VERSION)}
    if address:
        headers["X-Forwarded-For"] = address
    return requests.post(f"{server.url}{p.API}/auth/login", headers=headers, timeout=30,
                         json={"username": username, "password": password,
                               "device_id": "dev-srvsec-login"})


def events(server: LiveServer, action: str | None = None) -> list[SecurityEvent]:
    with server.db.session() as s:
        query = select(SecurityEvent).order_by(SecurityEvent.id)
        if action:
            query = query.where(SecurityEvent.action == action)
        return list(s.scalars(query))


def account(server: LiveServer, username: str) -> User:
    with server.db.session() as s:
        return s.get(User, username)


def fail_times(server: LiveServer, username: str, n: int) -> list[requests.Response]:
    return [try_login(server, username, WRONG) for _ in range(n)]


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(
        server: LiveServer) -> None:
    answers = fail_times(server, "wgy1", FAILURES_PER_LOCK)
    assert [r.status_code for r in answers[:-1]] == [401] * (FAILURES_PER_LOCK - 1)
    locked = answers[-1]
    assert locked.status_code == 429
    assert locked.json()["detail"]["code"] == "account_locked"
    assert "5 分钟后再试" in locked.json()["detail"]["message"]
    assert 240 < int(locked.headers["Retry-After"]) <= 300

    right = try_login(server, "wgy1", PASSWORD)
    assert right.status_code == 429 and right.json()["detail"]["code"] == "account_locked"
    assert "token" not in right.json()
    # Another account is untouched.
    assert try_login(server, "wgy2", PASSWORD).status_code == 200

    # The client says when to retry, with a type of its own.
    t = Transport(server.url, "dev-client", retries=0)
    with pytest.raises(LockedOut) as exc:
        login(t, "wgy1", PASSWORD)
    t.close()
    assert exc.value.kind == "locked" and exc.value.status == 429
    assert "分钟后再试" in exc.value.message and 0 < exc.value.retry_after <= 300


def test_a_success_resets_the_count(server: LiveServer) -> None:
    fail_times(server, "wgy1", FAILURES_PER_LOCK - 1)
    assert try_login(server, "wgy1", PASSWORD).status_code == 200
    assert account(server, "wgy1").failed_logins == 0
    # Four more wrong ones do not lock: the count started again.
    assert {r.status_code for r in fail_times(server, "wgy1", FAILURES_PER_LOCK - 1)} == {401}
    assert try_login(server, "wgy1", PASSWORD).status_code == 200


def test_a_lock_ends_and_the_next_one_is_longer(server: LiveServer) -> None:
    fail_times(server, "wgy1", FAILURES_PER_LOCK)
    first = account(server, "wgy1").locked_until
    assert timedelta(minutes=4) < first - utcnow() <= timedelta(minutes=5)
    # Attempts while locked are refused without counting towards a longer lock.
    fail_times(server, "wgy1", 2)
    assert account(server, "wgy1").failed_logins == FAILURES_PER_LOCK
    with server.db.transaction() as s:  # five minutes pass
        s.get(User, "wgy1").locked_until = utcnow() - timedelta(seconds=1)

    assert try_login(server, "wgy1", WRONG).status_code == 401  # may try again
    answers = fail_times(server, "wgy1", FAILURES_PER_LOCK - 1)
    assert answers[-1].status_code == 429
    assert "10 分钟后再试" in answers[-1].json()["detail"]["message"]
    second = account(server, "wgy1").locked_until
    assert timedelta(minutes=9) < second - utcnow() <= timedelta(minutes=10)


def test_lock_lengths_double_up_to_an_hour() -> None:
    assert [lock_length(FAILURES_PER_LOCK * n).total_seconds() / 60 for n in range(1, 8)] == [
        5, 10, 20, 40, 60, 60, 60]


def test_an_administrator_unlocks(server: LiveServer) -> None:
    fail_times(server, "wgy1", FAILURES_PER_LOCK)
    assert try_login(server, "wgy1", PASSWORD).status_code == 429
    assert admin.unlock_user(server.db, "wgy1") is True
    assert try_login(server, "wgy1", PASSWORD).status_code == 200
    assert admin.unlock_user(server.db, "wgy1") is False  # nothing left to lift
    (unlocked, *_) = events(server, "user_unlocked")
    assert unlocked.username == "wgy1"


def test_a_disabled_account_or_an_unknown_one_is_told_the_same(server: LiveServer) -> None:
    admin.disable_user(server.db, "wgy2")
    disabled = try_login(server, "wgy2", PASSWORD)
    unknown = try_login(server, "nobody-here", PASSWORD)
    wrong = try_login(server, "wgy1", WRONG)
    assert disabled.status_code == unknown.status_code == wrong.status_code == 401
    assert disabled.json() == unknown.json() == wrong.json()
    t = Transport(server.url, "dev-client", retries=0)
    with pytest.raises(AuthExpired):
        login(t, "nobody-here", PASSWORD)
    t.close()


@pytest.fixture
def strict(tmp_path: Path, database_url: str) -> Iterator[LiveServer]:
    """A server allowing 3 failed logins per address and minute."""
    live = LiveServer(tmp_path / "strict", database_url, login_failures_per_minute=3)
    seed(live.db)
    live.start()
    yield live
    live.stop()


def test_an_address_that_keeps_failing_is_answered_429(strict: LiveServer) -> None:
    # Failures spread over accounts (no account reaches its own lock).
    statuses = [try_login(strict, name, WRONG, "203.0.113.7").status_code
                for name in ("wgy1", "wgy2", "nobody")]
    assert statuses == [401, 401, 401]
    refused = try_login(strict, "jdy1", PASSWORD, "203.0.113.7")  # even the right password
    assert refused.status_code == 429
    assert refused.json()["detail"]["code"] == "rate_limited"
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    assert "秒后再试" in refused.json()["detail"]["message"]
    # Another address is not held up, nor are the accounts themselves.
    assert try_login(strict, "jdy1", PASSWORD, "198.51.100.9").status_code == 200
    # Successes do not count: an office behind one address logs in freely.
    for _ in range(5):
        assert try_login(strict, "wgy1", PASSWORD, "192.0.2.44").status_code == 200

    t = Transport(strict.url, "dev-client", retries=0)
    with pytest.raises(LockedOut) as exc:
        t.json("POST", "/auth/login", headers={"X-Forwarded-For": "203.0.113.7"},
               json={"username": "jdy1", "password": PASSWORD, "device_id": "d"})
    t.close()
    assert exc.value.retry_after and "秒后再试" in exc.value.message

    (limited,) = events(strict, "rate_limited")  # noted once, when it began
    assert limited.ip == "203.0.113.7" and limited.username is None


def test_every_outcome_is_in_the_security_log_without_passwords(server: LiveServer) -> None:
    fail_times(server, "wgy1", FAILURES_PER_LOCK + 1)
    try_login(server, "wgy2", PASSWORD)
    try_login(server, "typed-by-mistake", WRONG)
    rows = events(server)
    got = [(e.action, e.username, e.detail) for e in rows]
    assert got == (
        [("login_failed", "wgy1", "密码错误")] * FAILURES_PER_LOCK
        + [("account_locked", "wgy1", f"连续 {FAILURES_PER_LOCK} 次密码错误，锁定 5 分钟"),
           ("login_failed", "wgy1", "账号锁定中"),
           ("login_ok", "wgy2", None),
           # A name that is no account is not recorded: it may have been a password.
           ("login_failed", None, "账号不存在")])
    assert {e.ip for e in rows} == {"127.0.0.1"}
    assert {e.device_id for e in rows} == {"dev-srvsec-login"}
    for e in rows:
        assert PASSWORD not in repr(vars(e)) and WRONG not in repr(vars(e))
        assert "typed-by-mistake" not in repr(vars(e))
