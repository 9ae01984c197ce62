"""The profile's data key and the server: escrow at set-up, recovery when the laptop says no.

The server already holds everything a device syncs, so a copy of the device's key
there adds little to what a server breach would expose, while it means a forgotten
password, a password reset by an administrator, or a laptop that stopped taking
passwords never costs a worker their unsynced work: the server checks the password
it knows, and returns the key only to the same account on the same device.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from pathlib import Path

from inspector import vault
from inspector.credentials import remember_password
from inspector.crypto import DataKey
from inspector.db import Store, open_store
from inspector.errors import LockedOut, StoreError, WrongPassword
from inspector.keyfile import KeyFile
from inspector.models import LocalProfile
from inspector.profiles import STORE_FILE
from sync.errors import AuthExpired, Offline, Refused, SyncError

from .account import adopt_account, deposit_key, recover_key
from .transport import Account, Transport, login

log = logging.getLogger(__name__)


def create_profile(folder: Path, url: str, username: str,
                   password: str) -> tuple[Store, KeyFile]:
    """Log in to the server, then create the encrypted profile and escrow its key.

    Nothing is written until the server has accepted the password, and a profile
    that could not be completed is removed again, so a retry starts clean.
    """
    device_id = str(uuid.uuid4())
    transport = Transport(url, device_id)
    try:
        account = login(transport, username, password)
        store, keyfile = vault.create(folder, password, {
            "username": account.username, "display_name": account.display_name,
            "server_url": url, "device_id": device_id})
        try:
            adopt_account(store, account, url, device_id=device_id)
        except BaseException:
            store.close()
            shutil.rmtree(folder, ignore_errors=True)
            raise
        try:
            escrow(store, keyfile, transport)
        except SyncError as exc:  # tried again at the next server login
            log.warning("key escrow postponed: %s", exc.kind)
    finally:
        transport.close()
    return store, keyfile


def escrow(store: Store, keyfile: KeyFile, transport: Transport) -> None:
    """Deposit the key with the server once (the transport is logged in)."""
    if not keyfile.escrowed:
        deposit_key(transport, store.keys.raw())
        keyfile.mark_escrowed()


def server_accepted(store: Store, keyfile: KeyFile | None, transport: Transport,
                    password: str) -> None:
    """After the server accepted `password`: the laptop takes it from now on.

    An encrypted profile wraps its key with it (a password changed on the server
    reaches the laptop this way) and makes sure the key is escrowed; a plain demo
    profile keeps a verifier of it.
    """
    if keyfile is None:
        remember_password(store, password)
        return
    keyfile.rewrap(store.keys.key, password)
    try:
        escrow(store, keyfile, transport)
    except SyncError as exc:  # the login stands; the deposit is tried again next time
        log.warning("key escrow postponed: %s", exc.kind)


def unlock_key(keyfile: KeyFile, password: str) -> tuple[DataKey, Account | None]:
    """The data key for `password`: from the key file, or else from the server.

    The server is asked only when the laptop refused a password it actually tried
    (not one refused for the wait alone) or has stopped taking passwords. If the
    server cannot be reached or refuses too, the laptop's own answer stands.
    Returns the server's account (with a fresh token) when the server was asked.
    """
    try:
        return keyfile.unlock(password), None
    except WrongPassword as exc:
        if not exc.checked:
            raise
        refused: Exception = exc
    except LockedOut as exc:
        refused = exc
    account = keyfile.account
    if not account.get("server_url"):
        raise refused
    transport = Transport(account["server_url"], account["device_id"])
    try:
        server_account = login(transport, account["username"], password)
        raw = recover_key(transport)
    except (AuthExpired, Offline):
        raise refused from None
    except Refused as exc:  # the server's own lockout, or no key escrowed: its words say which
        raise refused from exc
    finally:
        transport.close()
    return keyfile.adopt(raw, password), server_account


def open_profile(folder: Path, password: str) -> tuple[Store, KeyFile, Account | None]:
    """Open an encrypted profile by its password (see `unlock_key` for the server's part)."""
    keyfile = KeyFile.load(vault.key_path(folder))
    key, account = unlock_key(keyfile, password)
    return vault.open_with(folder, keyfile, key), keyfile, account


def convert_plain(folder: Path, password: str) -> tuple[Store, KeyFile]:
    """Encrypt a profile made before encryption, once its password is confirmed.

    Profiles made before the laptop kept a password verifier (store schema 0001 and
    0002) have nothing to check the password against: the server the profile belongs
    to checks it instead, the laptop keeps a verifier of the password it accepted, and
    the conversion goes on as for any plain profile (inspector.vault.encrypt_plain).
    A wrong password raises AuthExpired, as at a first login; with no network such a
    profile cannot be opened, and StoreError says why.
    """
    folder = Path(folder)
    plain = open_store(folder / STORE_FILE)
    try:
        with plain.read() as session:
            profile = session.get(LocalProfile, 1)
            unverified = profile is not None and not profile.password_hash
        if unverified:
            _server_vouches(plain, password)
    finally:
        plain.close()
    return vault.encrypt_plain(folder, password)


def _server_vouches(store: Store, password: str) -> None:
    account = vault.account_of(store)
    if not account.get("server_url"):
        raise StoreError("此档案由早期版本建立，本机没有保存密码，"
                         "也没有记录服务器地址，无法核对密码")
    transport = Transport(account["server_url"], account["device_id"])
    try:
        login(transport, account["username"], password)
    except Offline as exc:
        raise StoreError("此档案由早期版本建立，本机没有保存密码：第一次登录需要服务器核对密码，"
                         "请连接网络后再试") from exc
    finally:
        transport.close()
    remember_password(store, password)
