"""Logins that stop counting: logged out, expired, the account disabled, the password
changed elsewhere. Each is refused at its very next request, over real HTTP, through
the client calls the app uses (sync.client.account)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from synckit import PASSWORD, LiveServer, seed

from sync.client import Transport, login
from sync.client.account import change_password, log_out
from sync.errors import AuthExpired, LockedOut, Refused
from sync.server import admin
from sync.server.models import SecurityEvent, Token, User

NEW = "a-brand-new-secret-7"


@pytest.fixture
def logins(server: LiveServer) -> Iterator[dict[str, Transport]]:
    """Two logins of wgy1 on two laptops, and one of wgy2."""
    made: dict[str, Transport] = {}
    for name, user in (("laptop", "wgy1"), ("desk", "wgy1"), ("other", "wgy2")):
        t = Transport(server.url, f"dev-{name}", retries=0)
        login(t, user, PASSWORD)
        made[name] = t
    yield made
    for t in made.values():
        t.close()


def me(t: Transport) -> str:
    return t.json("GET", "/me")["username"]


def actions(server: LiveServer) -> list[tuple[str, str | None, str | None]]:
    with server.db.session() as s:
        return [(e.action, e.username, e.device_id) for e in s.scalars(
            select(SecurityEvent).order_by(SecurityEvent.id))
            if e.action not in ("login_ok", "login_failed")]


def test_logging_out_ends_that_login_only(server: LiveServer,
                                          logins: dict[str, Transport]) -> None:
    token = logins["laptop"].token
    log_out(logins["laptop"])
    assert logins["laptop"].token is None
    again = Transport(server.url, "dev-laptop", token=token, retries=0)
    with pytest.raises(AuthExpired) as exc:
        me(again)
    assert exc.value.status == 401
    log_out(again)  # twice is fine: it is logged out either way
    again.close()
    assert me(logins["desk"]) == "wgy1"  # the same account elsewhere carries on
    assert ("logout", "wgy1", "dev-laptop") in actions(server)


def test_disabling_an_account_refuses_its_next_request(server: LiveServer,
                                                       logins: dict[str, Transport]) -> None:
    assert me(logins["laptop"]) == "wgy1"
    assert admin.disable_user(server.db, "wgy1") == 2
    for name in ("laptop", "desk"):
        with pytest.raises(AuthExpired):
            me(logins[name])
    assert me(logins["other"]) == "wgy2"
    with server.db.session() as s:
        assert all(t.revoked_at is not None
                   for t in s.scalars(select(Token).where(Token.username == "wgy1")))
    assert ("user_disabled", "wgy1", None) in actions(server)
    # Even a token that somehow escaped revocation is refused while the account is off.
    with server.db.transaction() as s:
        for t in s.scalars(select(Token).where(Token.username == "wgy1")):
            t.revoked_at = None
    with pytest.raises(AuthExpired):
        me(logins["laptop"])


@pytest.fixture
def short_lived(tmp_path: Path, database_url: str) -> Iterator[LiveServer]:
    """Tokens that expire the moment they are issued."""
    live = LiveServer(tmp_path / "short", database_url, token_hours=0.0)
    seed(live.db)
    live.start()
    yield live
    live.stop()


def test_an_expired_token_is_refused(short_lived: LiveServer) -> None:
    t = Transport(short_lived.url, "dev-expiring", retries=0)
    account = login(t, "wgy1", PASSWORD)
    assert account.token
    with pytest.raises(AuthExpired) as exc:
        me(t)
    t.close()
    assert "过期" in exc.value.message


def test_a_password_change_revokes_the_other_logins(server: LiveServer,
                                                    logins: dict[str, Transport]) -> None:
    change_password(logins["laptop"], PASSWORD, NEW)
    assert me(logins["laptop"]) == "wgy1"  # the login that changed it carries on
    with pytest.raises(AuthExpired):
        me(logins["desk"])
    assert me(logins["other"]) == "wgy2"

    fresh = Transport(server.url, "dev-fresh", retries=0)
    with pytest.raises(AuthExpired):
        login(fresh, "wgy1", PASSWORD)  # the old password no longer works
    assert login(fresh, "wgy1", NEW).username == "wgy1"
    fresh.close()
    with server.db.session() as s:
        assert s.get(User, "wgy1").password_changed_at is not None
    assert ("password_changed", "wgy1", "dev-laptop") in actions(server)

    # Sent again (a reply lost on the way): done already, not "wrong old password".
    change_password(logins["laptop"], PASSWORD, NEW)


def test_a_password_change_is_refused_naming_the_field(server: LiveServer,
                                                       logins: dict[str, Transport]) -> None:
    t = logins["laptop"]
    with pytest.raises(Refused) as short:
        change_password(t, PASSWORD, "short")
    assert short.value.status == 422
    assert "new_password" in short.value.message and "至少 8 位" in short.value.message
    with pytest.raises(Refused) as same:
        change_password(t, PASSWORD, PASSWORD)
    assert "new_password" in same.value.message and "相同" in same.value.message
    with pytest.raises(Refused) as wrong:
        change_password(t, "not-my-password", NEW)
    assert wrong.value.status == 403 and "old_password" in wrong.value.message
    assert wrong.value.code == "bad_password"  # type: ignore[attr-defined]
    # Nothing changed: the desk's login and the old password still work.
    assert me(logins["desk"]) == "wgy1"
    assert ("password_change_failed", "wgy1", "dev-laptop") in actions(server)
    again = Transport(server.url, "dev-again", retries=0)
    assert login(again, "wgy1", PASSWORD).username == "wgy1"
    again.close()


def test_an_administrator_reset_password_lifts_a_lock(server: LiveServer) -> None:
    t = Transport(server.url, "dev-locked", retries=0)
    for _ in range(4):
        with pytest.raises(AuthExpired):
            login(t, "wgy1", "wrong-password")
    with pytest.raises(LockedOut):
        login(t, "wgy1", "wrong-password")
    admin.create_user(server.db, "wgy1", NEW, "worker", [])
    assert login(t, "wgy1", NEW).username == "wgy1"
    t.close()
    with server.db.session() as s:
        user = s.get(User, "wgy1")
        assert user.failed_logins == 0 and user.password_changed_at is not None
