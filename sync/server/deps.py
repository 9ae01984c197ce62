"""Request dependencies, as a chain: protocol version → database → current user → role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, NoReturn

from fastapi import Depends, Header, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sync import protocol as p

from .config import Settings
from .database import Database
from .escrow import Escrow
from .lockout import AddressGuard
from .models import User
from .photos import PhotoUploads
from .security import Login, login_for_token

_bearer = HTTPBearer(auto_error=False)


def fail(status: int, code: str, message: str,
         headers: dict[str, str] | None = None) -> NoReturn:
    raise HTTPException(status, detail={"code": code, "message": message}, headers=headers)


def client_address(request: Request) -> str:
    """The caller's address; behind a trusted proxy, the one it forwarded (uvicorn
    rewrites it from X-Forwarded-For for `trusted_proxies` only)."""
    return request.client.host if request.client else "unknown"


def check_protocol(
    x_grid_protocol: Annotated[str | None, Header(description="Protocol version")] = None,
) -> int:
    """Every API request names its protocol version; a peer we cannot serve is told so."""
    try:
        version = int(x_grid_protocol) if x_grid_protocol is not None else None
    except ValueError:
        version = None
    if not p.compatible(version):
        supported = ", ".join(str(v) for v in sorted(p.COMPATIBLE_VERSIONS))
        fail(426, "incompatible",
             f"客户端的同步协议版本（{x_grid_protocol or '未说明'}）与服务器不兼容"
             f"（服务器支持 {supported}），请升级客户端")
    return version  # type: ignore[return-value]


def get_db(request: Request) -> Database:
    return request.app.state.db


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_photos(request: Request) -> PhotoUploads:
    return request.app.state.photos


def get_guard(request: Request) -> AddressGuard:
    return request.app.state.login_guard


def get_escrow(request: Request) -> Escrow:
    return request.app.state.escrow


def current_login(
    db: Annotated[Database, Depends(get_db)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Login:
    """Looked up at every request, so a revoked token or a disabled account is refused
    at its very next one."""
    if credentials is None:
        fail(401, "auth_required", "请先登录")
    with db.session() as session:
        login = login_for_token(session, credentials.credentials)
    if login is None:
        fail(401, "auth_expired", "登录已过期或已失效，请重新登录")
    return login


def current_user(login: Annotated[Login, Depends(current_login)]) -> User:
    return login.user


def require_role(*roles: str) -> Callable[[User], User]:
    def check(user: Annotated[User, Depends(current_user)]) -> User:
        if user.role not in roles:
            fail(403, "forbidden", "您的角色无权进行此操作")
        return user

    return check


DbDep = Annotated[Database, Depends(get_db)]
LoginDep = Annotated[Login, Depends(current_login)]
UserDep = Annotated[User, Depends(current_user)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
PhotosDep = Annotated[PhotoUploads, Depends(get_photos)]
GuardDep = Annotated[AddressGuard, Depends(get_guard)]
EscrowDep = Annotated[Escrow, Depends(get_escrow)]
