"""A real profile at rest: its key file, its encrypted store and its sealed photos.

The ways in, and why each is shaped as it is:
- a new profile, once the server has accepted the first login: a fresh data key,
  the key file, then an encrypted store (`create`);
- every later login or unlock: the key file unwraps the key with the password, on
  the laptop, with no network (`unlock`);
- a password the laptop no longer takes (forgotten and reset by an administrator,
  changed on another device, or too many wrong tries): the server checks it and
  hands back the key escrowed at set-up, which must match the key file and is then
  wrapped with this password (`recover`; the server side is sync.client.keys);
- a profile written before encryption existed (plain store, scrypt verifier): the
  password is checked against the verifier, then the store and photos are
  encrypted in place and the plain copies removed (`encrypt_plain`).
The demo classroom's laptops hold fictional people and stay plain, so a reset is a copy.
"""

from __future__ import annotations

import os
from contextlib import closing
from pathlib import Path
from typing import Any

from .credentials import check_password
from .crypto import DataKey, KeySlot
from .db import Store, connect_raw, open_store
from .errors import StoreError, WrongPassword
from .keyfile import KEY_FILE, KeyFile
from .models import LocalProfile
from .profiles import STORE_FILE

_PENDING = KEY_FILE + ".pending"  # the key file of a conversion not yet finished
_PLAIN_HEADER = b"SQLite format 3\x00"


def key_path(folder: Path) -> Path:
    return Path(folder) / KEY_FILE


def is_encrypted(folder: Path) -> bool:
    """True when the profile has a key file (after finishing a conversion cut short)."""
    _finish_conversion(Path(folder))
    return key_path(folder).is_file()


def account_of(store: Store) -> dict[str, Any]:
    """What the login dialog needs before the store is open (the worker's own details)."""
    with store.read() as session:
        profile = session.get(LocalProfile, 1)
        if profile is None:
            raise StoreError("档案尚未绑定账号")
        return {"username": profile.username, "display_name": profile.display_name,
                "server_url": profile.server_url, "device_id": profile.device_id}


def create(folder: Path, password: str, account: dict[str, Any]) -> tuple[Store, KeyFile]:
    """A new encrypted profile in an empty folder, keyed from `password`."""
    folder = Path(folder)
    if (folder / STORE_FILE).exists() or key_path(folder).exists():
        raise StoreError("该档案已存在，不能重新建立")
    keyfile, key = KeyFile.create(key_path(folder), password, account)
    return open_store(folder / STORE_FILE, key), keyfile


def unlock(folder: Path, password: str) -> tuple[Store, KeyFile]:
    """Open an encrypted profile with its password (WrongPassword or LockedOut if not)."""
    keyfile = KeyFile.load(key_path(folder))
    key = keyfile.unlock(password)
    return open_with(Path(folder), keyfile, key), keyfile


def recover(folder: Path, password: str, raw_key: bytes) -> tuple[Store, KeyFile]:
    """Open with the key the server returned, wrapping it from now on with `password`."""
    keyfile = KeyFile.load(key_path(folder))
    key = keyfile.adopt(raw_key, password)
    return open_with(Path(folder), keyfile, key), keyfile


def change_password(keyfile: KeyFile, store: Store, new_password: str) -> None:
    """Wrap the open profile's key with a new password; nothing else is re-encrypted."""
    key = store.keys.key
    if key is None:
        raise StoreError("该档案没有加密，不能在本机更改密码")
    keyfile.rewrap(key, new_password)


def open_with(folder: Path, keyfile: KeyFile, key: DataKey) -> Store:
    """The store, with a key already unwrapped; finishes sealing photos of a converted profile."""
    store = open_store(folder / STORE_FILE, key)
    if not keyfile.data.get("photos_sealed", True):
        store.photos.seal_all()
        keyfile.data["photos_sealed"] = True
        keyfile.save()
    return store


def encrypt_plain(folder: Path, password: str) -> tuple[Store, KeyFile]:
    """Encrypt a profile made before encryption, once its old password is confirmed.

    Crash-safe in three steps: the key file is written aside (`.pending`), the
    encrypted copy replaces the store in one rename, then the key file takes its
    place. A run cut short is finished or undone at the next start
    (`_finish_conversion`); photos are sealed right after, by `open_with`.
    """
    folder = Path(folder)
    path = folder / STORE_FILE
    plain = open_store(path)
    try:
        if not check_password(plain, password):
            raise WrongPassword("密码不正确")
        account = account_of(plain)
    finally:
        plain.close()
    keyfile, key = KeyFile.create(folder / _PENDING, password, account)
    keyfile.data["photos_sealed"] = False
    keyfile.save()
    target = path.with_name(path.name + ".encrypting")
    target.unlink(missing_ok=True)
    with closing(connect_raw(path, KeySlot())) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"ATTACH DATABASE ? AS sealed KEY \"x'{key.raw().hex()}'\"",
                     (str(target),))
        conn.execute("SELECT sqlcipher_export('sealed')")
        conn.execute("DETACH DATABASE sealed")
    os.replace(target, path)
    _finish_conversion(folder)
    keyfile = KeyFile.load(key_path(folder))
    return open_with(folder, keyfile, key), keyfile


def _finish_conversion(folder: Path) -> None:
    """Complete (store already encrypted) or drop (still plain) a conversion cut short."""
    pending = folder / _PENDING
    if not pending.is_file():
        return
    store = folder / STORE_FILE
    with open(store, "rb") as f:
        plain = f.read(len(_PLAIN_HEADER)) == _PLAIN_HEADER
    if plain:
        pending.unlink()
        return
    for leftover in (store.with_name(store.name + s) for s in ("-wal", "-shm")):
        leftover.unlink(missing_ok=True)  # the plain store's; the encrypted one has none yet
    for backup in folder.glob(STORE_FILE + ".*.bak"):
        backup.unlink()  # upgrade backups of the plain store hold plain data
    os.replace(pending, key_path(folder))
