"""Encryption at rest on real files: the key file, the SQLCipher store, sealed photos."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from testkit import build_tree, household_data, jpeg_bytes, make_id, resident_data

from inspector import vault
from inspector.credentials import remember_password
from inspector.crypto import DataKey
from inspector.db import backup_file, open_store
from inspector.errors import LockedOut, StoreError, StoreLocked, WrongPassword
from inspector.keyfile import LOCKOUT_AT, KeyFile, wait_after
from inspector.models import LocalProfile, Resident
from inspector.photos import process_photo
from inspector.services import register
from inspector.services.recording import Actor

NAME, ID = "欧阳锦绣", make_id("110105", "19790321", "517")
ACCOUNT = {"username": "wang.wu", "display_name": "王五", "server_url": "http://127.0.0.1:1",
           "device_id": "dev-1"}


def _fill(store) -> str:
    """A household and a resident with a known name and ID number, and a photo."""
    tree = build_tree(store)
    staff = Actor("li.si", "staff", "dev-1", (tree.g1,))
    hid, _ = register.add_household(store, staff, household_data(tree.g1, head_name=NAME))
    register.add_resident(store, staff, hid, resident_data(ID, name=NAME))
    photo = process_photo(jpeg_bytes())
    store.photos.put(photo)
    return photo.sha256


def _disk_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def _names(store) -> list[str]:
    with store.read() as session:
        return list(session.scalars(select(Resident.name)))


def test_a_new_profile_is_unreadable_on_disk_and_opens_with_its_password(tmp_path) -> None:
    store, _ = vault.create(tmp_path, "field-pass-1", ACCOUNT)
    sha = _fill(store)
    store.close()
    raw = _disk_bytes(tmp_path)
    for secret in (NAME.encode(), ID.encode(), jpeg_bytes()[:64]):
        assert secret not in raw
    assert not (tmp_path / "store.db").read_bytes().startswith(b"SQLite format 3")

    store, keyfile = vault.unlock(tmp_path, "field-pass-1")
    assert _names(store) == [NAME]
    assert store.photos.read(sha) and store.photos.read_thumb(sha)
    assert keyfile.account["display_name"] == "王五"
    store.close()


def test_a_wrong_password_or_key_cannot_open_the_profile(tmp_path) -> None:
    vault.create(tmp_path, "field-pass-1", ACCOUNT)[0].close()
    with pytest.raises(WrongPassword):
        vault.unlock(tmp_path, "field-pass-2")
    with pytest.raises(StoreError):
        open_store(tmp_path / "store.db", DataKey.new())
    with pytest.raises(StoreError):
        open_store(tmp_path / "store.db")  # no key at all


def test_wrong_passwords_bring_growing_waits_then_a_lockout(tmp_path) -> None:
    keyfile, _ = KeyFile.create(tmp_path / "key.json", "right-pass", ACCOUNT)
    now, waits = 1_000_000.0, []
    for _ in range(LOCKOUT_AT - 1):
        with pytest.raises(WrongPassword) as refused:
            keyfile.unlock("wrong-pass", now=now)
        waits.append(refused.value.wait)
        # Inside the wait even the right password is not tried.
        if refused.value.wait:
            with pytest.raises(WrongPassword) as early:
                keyfile.unlock("right-pass", now=now + refused.value.wait - 1)
            assert not early.value.checked
        now += refused.value.wait
    assert waits[:2] == [0, 0] and waits == [wait_after(n) for n in range(1, LOCKOUT_AT)]
    assert waits[2] > 0 and all(b >= a for a, b in zip(waits, waits[1:], strict=False))
    with pytest.raises(LockedOut):
        keyfile.unlock("wrong-pass", now=now)
    with pytest.raises(LockedOut):  # the right password no longer opens it on the laptop
        KeyFile.load(keyfile.path).unlock("right-pass", now=now + 10**6)


def test_the_right_password_resets_the_count(tmp_path) -> None:
    keyfile, _ = KeyFile.create(tmp_path / "key.json", "right-pass", ACCOUNT)
    for _ in range(2):
        with pytest.raises(WrongPassword):
            keyfile.unlock("wrong-pass")
    keyfile.unlock("right-pass")
    assert KeyFile.load(keyfile.path).failures == 0


def test_a_password_change_rewraps_the_same_key(tmp_path) -> None:
    store, keyfile = vault.create(tmp_path, "old-pass-1", ACCOUNT)
    _fill(store)
    before = store.keys.raw()
    vault.change_password(keyfile, store, "new-pass-2")
    store.close()
    with pytest.raises(WrongPassword):
        vault.unlock(tmp_path, "old-pass-1")
    store, _ = vault.unlock(tmp_path, "new-pass-2")
    assert _names(store) == [NAME] and store.keys.raw() == before  # nothing re-encrypted
    store.close()


def test_recovery_with_the_escrowed_key_lifts_a_lockout_and_takes_the_new_password(
        tmp_path) -> None:
    store, _ = vault.create(tmp_path, "forgotten-1", ACCOUNT)
    escrowed = store.keys.raw()
    _fill(store)
    store.close()
    keyfile = KeyFile.load(tmp_path / "key.json")
    keyfile.data["failures"] = LOCKOUT_AT
    keyfile.save()
    with pytest.raises(StoreError):  # a key that is not this profile's changes nothing
        vault.recover(tmp_path, "reset-by-admin", DataKey.new().raw())
    store, keyfile = vault.recover(tmp_path, "reset-by-admin", escrowed)
    assert _names(store) == [NAME] and keyfile.failures == 0
    store.close()
    vault.unlock(tmp_path, "reset-by-admin")[0].close()


def test_locking_drops_the_key_and_unlocking_restores_access(tmp_path) -> None:
    store, keyfile = vault.create(tmp_path, "field-pass-1", ACCOUNT)
    sha = _fill(store)
    store.lock()
    assert store.keys.key is not None and not store.keys.key.live
    with pytest.raises(StoreLocked):
        _names(store)
    with pytest.raises(StoreLocked):
        store.photos.read(sha)
    store.unlock(keyfile.unlock("field-pass-1"))
    assert _names(store) == [NAME]
    store.close()


def test_a_backup_of_an_encrypted_store_is_encrypted(tmp_path) -> None:
    store, _ = vault.create(tmp_path, "field-pass-1", ACCOUNT)
    _fill(store)
    copy = backup_file(store.path, "test", store.keys)
    assert ID.encode() not in copy.read_bytes()
    key = DataKey(store.keys.raw())
    store.close()
    reopened = open_store(copy, key)
    assert _names(reopened) == [NAME]
    reopened.close()


def _plain_profile(folder: Path) -> str:
    store = open_store(folder / "store.db")
    sha = _fill(store)
    with store.write() as session:
        session.add(LocalProfile(id=1, username="wang.wu", display_name="王五", role="worker",
                                 grid_ids=[], server_url="http://127.0.0.1:1"))
    remember_password(store, "old-plain-1")
    backup_file(store.path, "before-0003")  # an upgrade backup, as plain as the store
    store.close()
    return sha


def test_a_plain_profile_is_encrypted_in_place_with_nothing_lost(tmp_path) -> None:
    sha = _plain_profile(tmp_path)
    assert ID.encode() in _disk_bytes(tmp_path)
    with pytest.raises(WrongPassword):
        vault.encrypt_plain(tmp_path, "not-the-password")
    assert not vault.is_encrypted(tmp_path)

    store, keyfile = vault.encrypt_plain(tmp_path, "old-plain-1")
    assert _names(store) == [NAME] and store.photos.read(sha)
    assert keyfile.account["username"] == "wang.wu"
    store.close()
    raw = _disk_bytes(tmp_path)
    assert ID.encode() not in raw and NAME.encode() not in raw
    assert not list(tmp_path.glob("store.db.*.bak"))
    assert vault.is_encrypted(tmp_path)
    vault.unlock(tmp_path, "old-plain-1")[0].close()


def test_a_conversion_cut_short_is_undone_or_finished_at_the_next_start(tmp_path) -> None:
    _plain_profile(tmp_path)
    # Cut after the key file was written aside, before the store was replaced: undone.
    KeyFile.create(tmp_path / "key.json.pending", "old-plain-1", ACCOUNT)
    assert not vault.is_encrypted(tmp_path)
    assert not (tmp_path / "key.json.pending").exists()
    # Cut after the store was replaced: the key file takes its place.
    store, _ = vault.encrypt_plain(tmp_path, "old-plain-1")
    store.close()
    (tmp_path / "key.json").rename(tmp_path / "key.json.pending")
    assert vault.is_encrypted(tmp_path)
    vault.unlock(tmp_path, "old-plain-1")[0].close()


def test_the_key_file_keeps_no_secret_in_the_clear(tmp_path) -> None:
    store, keyfile = vault.create(tmp_path, "field-pass-1", ACCOUNT)
    raw = store.keys.raw()
    store.close()
    text = (tmp_path / "key.json").read_text(encoding="utf-8")
    assert "field-pass-1" not in text and raw.hex() not in text
    assert json.loads(text)["kdf"]["name"] == "argon2id"
    assert (tmp_path / "key.json").stat().st_mode & 0o077 == 0
