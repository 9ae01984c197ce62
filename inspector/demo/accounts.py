"""Who a trainer acts as in the demo profile: one of the generated accounts and its grids."""

from __future__ import annotations

from sqlalchemy import select

from ..credentials import make_verifier
from ..db import Store
from ..models import Area, GridStaff, LocalProfile
from ..roles import STAFF, SUPERVISOR, WORKER
from .generator import STAFF as STAFF_ACCOUNT
from .generator import SUPERVISOR as SUPERVISOR_ACCOUNT

DEFAULT_ACCOUNT = "wgy01"
DEMO_PASSWORD = "demo2026"  # shown on the demo lock screen; the demo holds no real data
_NAMES = {WORKER: "演示网格员", STAFF: "演示社区工作人员", SUPERVISOR: "演示监督员"}


def demo_account(role: str) -> str:
    return {WORKER: DEFAULT_ACCOUNT, STAFF: STAFF_ACCOUNT, SUPERVISOR: SUPERVISOR_ACCOUNT}[role]


def act_as(store: Store, role: str = WORKER) -> LocalProfile:
    """Make the demo profile belong to the demo account of `role`; returns a detached copy.

    A worker gets the grids the generator gave them; community staff and the
    supervisor work across every grid of the demo district.
    """
    username = demo_account(role)
    with store.write() as session:
        if role == WORKER:
            grids = list(session.scalars(select(GridStaff.grid_id).where(
                GridStaff.username == username).order_by(GridStaff.grid_id)))
        else:
            grids = list(session.scalars(select(Area.id).where(Area.level == "grid")
                                         .order_by(Area.code)))
        profile = session.get(LocalProfile, 1)
        if profile is None:
            profile = LocalProfile(id=1, username=username, display_name=_NAMES[role], role=role,
                                   grid_ids=grids, demo=True)
            session.add(profile)
        else:
            profile.username, profile.display_name = username, _NAMES[role]
            profile.role, profile.grid_ids, profile.demo = role, grids, True
        if profile.password_hash is None:
            profile.password_hash = make_verifier(DEMO_PASSWORD)
        session.flush()
        session.expunge(profile)
        return profile
