"""Binding a local profile to the account it logged in with, and the account's calls
beyond login: password change, log out, and the device's data key in escrow.

Each raises sync.errors types: AuthExpired (log in again), LockedOut (wait, the
message says how long), Refused (the message names the field and why), Offline …
"""

from __future__ import annotations

import base64
import binascii

from inspector.db import Store
from inspector.models import LocalProfile
from sync.errors import AuthExpired, Refused, ServerError

from .transport import Account, Transport

KEY_BYTES = 32


def adopt_account(store: Store, account: Account, server_url: str, *, demo: bool = False,
                  device_id: str | None = None) -> None:
    """Record who this profile belongs to and the role and grids the server gave them.

    A profile holds one person's unsynced work, so another account is refused
    rather than mixed in. `device_id` is the id the first login used, so the
    server sees one device from the first request on.
    """
    with store.write() as session:
        profile = session.get(LocalProfile, 1)
        if profile is None:
            session.add(LocalProfile(id=1, username=account.username,
                                     display_name=account.display_name, role=account.role,
                                     grid_ids=list(account.grid_ids), server_url=server_url,
                                     demo=demo, **({"device_id": device_id} if device_id else {})))
            return
        if profile.username != account.username:
            raise Refused("此档案属于另一个账号，请用该账号登录或新建档案")
        profile.display_name = account.display_name
        profile.role = account.role
        profile.grid_ids = list(account.grid_ids)
        profile.server_url = server_url


def change_password(transport: Transport, old: str, new: str) -> None:
    """Set a new password on the server. The server revokes the account's other logins
    and keeps this one. A wrong old password raises Refused (code bad_password)."""
    transport.json("POST", "/auth/password", json={"old_password": old, "new_password": new})


def log_out(transport: Transport) -> None:
    """End this login on the server; the transport forgets its token either way."""
    try:
        if transport.token:
            transport.json("POST", "/auth/logout")
    except AuthExpired:
        pass  # already expired or revoked: logged out all the same
    finally:
        transport.token = None


def deposit_key(transport: Transport, key: bytes) -> None:
    """Keep this device's data key in escrow on the server (replacing an earlier one)."""
    if len(key) != KEY_BYTES:
        raise ValueError(f"a data key is {KEY_BYTES} bytes, not {len(key)}")
    transport.json("PUT", "/device/key", json={"key": base64.b64encode(key).decode()})


def recover_key(transport: Transport) -> bytes:
    """This device's data key from escrow, for a login of the account that deposited it
    on this same device. None deposited raises Refused (status 404)."""
    body = transport.json("GET", "/device/key")
    try:
        key = base64.b64decode(body["key"], validate=True)
    except (TypeError, KeyError, binascii.Error, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        raise ServerError("服务器返回的托管密钥不完整")
    return key
