"""Binding a local profile to the account it logged in with."""

from __future__ import annotations

from inspector.db import Store
from inspector.models import LocalProfile
from sync.errors import Refused

from .transport import Account


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
