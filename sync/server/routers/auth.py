"""Handshake and login."""

from __future__ import annotations

from fastapi import APIRouter

from inspector.models import utcnow
from sync import protocol as p

from ..deps import DbDep, SettingsDep, UserDep, fail
from ..models import ServerMeta, User
from ..schemas import HandshakeIn, HandshakeOut, LoginIn, LoginOut, Problem, UserOut
from ..security import check_password, issue_token

router = APIRouter(tags=["auth"])


def user_out(user: User) -> UserOut:
    return UserOut(username=user.username, display_name=user.display_name, role=user.role,
                   grid_ids=list(user.grid_ids or []))


@router.post("/handshake", response_model=HandshakeOut)
def handshake(body: HandshakeIn, db: DbDep, settings: SettingsDep) -> HandshakeOut:
    """Protocol versions and what kind of server this is, before anything else is sent."""
    if not p.compatible(body.protocol):
        fail(426, "incompatible", "客户端的同步协议版本与服务器不兼容，请升级客户端")
    with db.session() as session:
        meta = session.get(ServerMeta, "server_id")
    return HandshakeOut(protocol=p.PROTOCOL_VERSION, compatible=sorted(p.COMPATIBLE_VERSIONS),
                        server_id=meta.value if meta else "", server_name=settings.server_name,
                        demo=settings.demo, server_time=utcnow())


@router.post("/auth/login", response_model=LoginOut, responses={401: {"model": Problem}})
def login(body: LoginIn, db: DbDep, settings: SettingsDep) -> LoginOut:
    with db.transaction() as session:
        user = session.get(User, body.username)
        if not check_password(user, body.password) or user is None or not user.active:
            fail(401, "bad_credentials", "用户名或密码不正确，或账号已停用")
        token, expires = issue_token(session, user, body.device_id, settings.token_hours)
        return LoginOut(token=token, expires_at=expires, user=user_out(user))


@router.get("/me", response_model=UserOut)
def me(user: UserDep) -> UserOut:
    return user_out(user)
