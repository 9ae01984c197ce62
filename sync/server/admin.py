"""What an administrator does to a server: accounts, the area tree, catalogues, bulk records.

The command line (`cli.py`) and the tests call these; each runs in one transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from inspector.catalogues import all_catalogues
from inspector.models import AREA_LEVELS, ENTITIES, Area, CatalogueRecord, utcnow
from inspector.roles import check_role
from sync.wire import from_wire

from . import lockout, seclog
from .database import Database
from .feed import Revisions, publish, publish_new
from .models import SecurityEvent, User
from .scope import grid_of
from .security import hash_password, password_problem, revoke_user_tokens

# Area ids derive from their codes, so importing the same file twice updates, not duplicates.
AREA_NAMESPACE = uuid.UUID("5b0c2f4e-7d1a-4c39-9a57-2d8e6f1b3c40")


class AdminError(Exception):
    """A request an administrator must correct; the message names what is wrong."""


def area_id(code: str) -> str:
    return str(uuid.uuid5(AREA_NAMESPACE, code))


def create_user(db: Database, username: str, password: str, role: str, grid_ids: Iterable[str],
                display_name: str | None = None) -> None:
    check_role(role)
    problem = password_problem(password)
    if problem:
        raise AdminError(f"{problem}（password）")
    grid_ids = list(grid_ids)
    with db.transaction() as session:
        grids = set(session.scalars(select(Area.id).where(Area.id.in_(grid_ids),
                                                          Area.level == "grid")))
        unknown = [g for g in grid_ids if g not in grids]
        if unknown:
            raise AdminError(f"没有这些网格（grids）：{len(unknown)} 个，请先导入区域")
        user = session.get(User, username)
        if user is None:
            user = User(username=username, display_name=display_name or username, role=role,
                        password_hash=hash_password(password), grid_ids=list(grid_ids))
            session.add(user)
        else:
            user.role, user.grid_ids, user.active = role, list(grid_ids), True
            # A password set by an administrator (the way back from a forgotten one)
            # also lifts a lock: the person is known to be who they say.
            user.password_hash = hash_password(password)
            user.password_changed_at = utcnow()
            lockout.reset(user)
            if display_name:
                user.display_name = display_name


def _user(session: Session, username: str) -> User:
    user = session.get(User, username)
    if user is None:
        raise AdminError(f"没有该账号：{username}")
    return user


def disable_user(db: Database, username: str) -> int:
    """Disable an account and revoke its tokens: refused at its very next request."""
    with db.transaction() as session:
        _user(session, username).active = False
        revoked = revoke_user_tokens(session, username)
        seclog.record(session, "user_disabled", username=username,
                      detail=f"管理员停用，撤销登录 {revoked} 个")
        return revoked


def unlock_user(db: Database, username: str) -> bool:
    """Lift a lock earned by failed logins (and clear the count); True if it was locked."""
    with db.transaction() as session:
        user = _user(session, username)
        was_locked = lockout.locked_for(user, utcnow()) is not None
        lockout.reset(user)
        seclog.record(session, "user_unlocked", username=username, detail="管理员解锁")
        return was_locked


def security_log(db: Database, limit: int = 50, username: str | None = None,
                 action: str | None = None) -> list[SecurityEvent]:
    """The newest security events first (detached rows, for printing)."""
    if action is not None and action not in seclog.ACTIONS:
        known = ", ".join(sorted(seclog.ACTIONS))
        raise AdminError(f"没有这种事件（action）：{action}；可选 {known}")
    with db.session() as session:
        return seclog.recent(session, limit, username, action)


def import_areas(db: Database, geojson: dict[str, Any]) -> int:
    """A FeatureCollection of areas (properties: code, name, level, parent_code, head_name;
    grids carry a Polygon geometry), parents before children or in any order."""
    features = geojson.get("features") if isinstance(geojson, dict) else None
    if not isinstance(features, list):
        raise AdminError("不是 GeoJSON FeatureCollection（features）")
    rows = []
    for n, feature in enumerate(features, 1):
        if not isinstance(feature, dict | None):
            raise AdminError(f"第 {n} 个要素不是 GeoJSON Feature（properties）")
        props = (feature or {}).get("properties") or {}
        if not isinstance(props, dict):
            raise AdminError(f"第 {n} 个要素不是 GeoJSON Feature（properties）")
        code, name, level = props.get("code"), props.get("name"), props.get("level")
        if not code or not name or level not in AREA_LEVELS:
            raise AdminError(f"第 {n} 个要素缺少 code、name 或有效的 level")
        geometry = feature.get("geometry")
        if level == "grid" and (not isinstance(geometry, dict)
                                or geometry.get("type") != "Polygon"):
            raise AdminError(f"第 {n} 个要素（网格 {code}）缺少 Polygon 边界")
        rows.append((AREA_LEVELS.index(level), code, name, level, props.get("parent_code"),
                     props.get("head_name"), geometry if level == "grid" else None))
    codes = {r[1] for r in rows}
    for r in rows:
        if r[4] is not None and r[4] not in codes:
            raise AdminError(f"区域 {r[1]} 的上级 {r[4]} 不在文件中")
    with db.transaction() as session:
        revs = Revisions(session)
        for _, code, name, level, parent, head, boundary in sorted(rows):
            area = session.get(Area, area_id(code))
            values = dict(code=code, name=name, level=level, head_name=head, boundary=boundary,
                          parent_id=area_id(parent) if parent else None)
            if area is None:
                area = Area(id=area_id(code), **values)
                session.add(area)
            else:
                for key, value in values.items():
                    setattr(area, key, value)
            session.flush()
            area.server_rev = publish(revs, "area", area.id, None)
    return len(rows)


def load_catalogues(db: Database) -> int:
    """Record the catalogue versions this server validates against."""
    with db.transaction() as session:
        have = {tuple(r) for r in session.execute(
            select(CatalogueRecord.name, CatalogueRecord.version))}
        added = 0
        for cat in all_catalogues().values():
            if (cat.name, cat.version) not in have:
                session.add(CatalogueRecord(name=cat.name, version=cat.version,
                                            entries=cat.plain_entries()))
                added += 1
    return added


def import_records(db: Database, entity: str, records: Iterable[dict[str, Any]]) -> int:
    """Bulk-load wire records (a register moved from another system, demo data) that the
    server does not have yet, each published to the feed like any other change."""
    model = ENTITIES[entity]
    table = model.__table__
    rows = [from_wire(model, data) for data in records]
    if not rows:
        return 0
    with db.transaction() as session:
        revs = Revisions(session)
        known: set[str] = set()
        ids = [r["id"] for r in rows]
        for start in range(0, len(ids), 500):
            known.update(session.scalars(select(table.c.id).where(
                table.c.id.in_(ids[start:start + 500]))))
        if known:
            raise AdminError(f"服务器上已有其中 {len(known)} 条记录（{entity}），未导入任何记录")
        grids = [grid_of(session, entity, r) for r in rows]
        numbers = publish_new(revs, entity, [(r["id"], g) for r, g in zip(rows, grids,
                                                                          strict=True)])
        now = utcnow()
        session.execute(insert(table), [
            r | {"server_rev": rev, "version": 1, "created_at": now, "updated_at": now}
            for r, rev in zip(rows, numbers, strict=True)])
    return len(rows)
