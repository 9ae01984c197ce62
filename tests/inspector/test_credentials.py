"""Offline login and unlock check the password against the profile's verifier."""

from __future__ import annotations

import sqlite3

import pytest

from inspector.credentials import check_password, matches, remember_password
from inspector.db import open_store
from inspector.models import LocalProfile


def test_remembered_password_is_checked_and_never_stored(tmp_path):
    store = open_store(tmp_path / "store.db")
    with store.write() as session:
        session.add(LocalProfile(id=1, username="u1", display_name="U", role="worker"))
    assert not check_password(store, "secret-1")  # nothing remembered yet
    remember_password(store, "secret-1")
    assert check_password(store, "secret-1")
    assert not check_password(store, "secret-2")
    assert not check_password(store, "")
    store.close()
    raw = sqlite3.connect(tmp_path / "store.db").execute("SELECT password_hash FROM profile")
    verifier = raw.fetchone()[0]
    assert "secret-1" not in verifier and verifier.startswith("scrypt$")


def test_a_profile_without_account_cannot_remember(tmp_path):
    store = open_store(tmp_path / "store.db")
    with pytest.raises(LookupError):
        remember_password(store, "x")
    store.close()


@pytest.mark.parametrize("verifier", [None, "", "plain", "md5$a$b"])
def test_unknown_verifiers_never_match(verifier):
    assert not matches(verifier, "plain")
