"""Handshake, login, logout and password change.

Each login outcome goes to the security log (seclog.py); account locks and the limit
on failures per address are lockout.py's. A refusal is committed with its record
before the answer, so a guesser cannot roll the count back.
"""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, HTTPException, Request
from sqlalchemy.orm import Session

from inspector.models import utcnow
from sync import protocol as p

from .. import lockout, seclog
from ..deps import DbDep, GuardDep, LoginDep, SettingsDep, UserDep, client_address, fail
from ..models import ServerMeta, User
from ..schemas import HandshakeIn, HandshakeOut, LoginIn, LoginOut, PasswordIn, Problem, UserOut
from ..security import (
    check_password,
    hash_password,
    issue_token,
    password_problem,
    revoke_hash,
    revoke_user_tokens,
)

router = APIRouter(tags=["auth"])
REFUSALS = {401: {"model": Problem}, 429: {"model": Problem}}
BAD_CREDENTIALS = HTTPException(401, detail={
    "code": "bad_credentials", "message": "用户名或密码不正确，或账号已停用"})


def user_out(user: User) -> UserOut:
    return UserOut(username=user.username, display_name=user.display_name, role=user.role,
                   grid_ids=list(user.grid_ids or []))


def _locked(wait: timedelta) -> HTTPException:
    seconds = max(1, int(wait.total_seconds()))
    return HTTPException(429, headers={"Retry-After": str(seconds)}, detail={
        "code": "account_locked", "retry_after": seconds,
        "message": f"密码连续错误次数过多，账号已锁定，请 {lockout.minutes(wait)} 分钟后再试"})


def _check_address(guard: lockout.AddressGuard, address: str) -> None:
    """Refuse an address that used up its failed attempts for now (429)."""
    wait = guard.retry_after(address)
    if wait is not None:
        raise HTTPException(429, headers={"Retry-After": str(wait)}, detail={
            "code": "rate_limited", "retry_after": wait,
            "message": f"登录失败次数过多，请 {wait} 秒后再试"})


def _count_address_failure(session: Session, guard: lockout.AddressGuard,
                           address: str) -> None:
    if guard.failed(address):
        seclog.record(session, "rate_limited", ip=address,
                      detail=f"每分钟失败 {guard.limit} 次")


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


@router.post("/auth/login", response_model=LoginOut, responses=REFUSALS)
def login(body: LoginIn, request: Request, db: DbDep, settings: SettingsDep,
          guard: GuardDep) -> LoginOut:
    """A token for a right password; wrong ones count towards the account's lock and the
    address's limit. An unknown account is hashed against too: timing tells no one apart."""
    address = client_address(request)
    _check_address(guard, address)
    with db.session() as session:
        known = session.get(User, body.username)
    right = check_password(known, body.password)
    now = utcnow()
    refusal: HTTPException | None = None
    event = dict(device_id=body.device_id, ip=address)
    with db.transaction() as session:
        user = session.get(User, body.username, with_for_update=True)
        if user is None:  # the name typed is not recorded: it may be a password
            seclog.record(session, "login_failed", detail="账号不存在", **event)
            refusal = BAD_CREDENTIALS
        elif (wait := lockout.locked_for(user, now)) is not None:
            seclog.record(session, "login_failed", username=user.username, detail="账号锁定中",
                          **event)
            refusal = _locked(wait)
        elif not user.active:
            seclog.record(session, "login_failed", username=user.username, detail="账号已停用",
                          **event)
            refusal = BAD_CREDENTIALS
        elif not right:
            seclog.record(session, "login_failed", username=user.username, detail="密码错误",
                          **event)
            refusal = BAD_CREDENTIALS
            locked = lockout.count_failure(user, now)
            if locked is not None:
                seclog.record(session, "account_locked", username=user.username,
                              detail=f"连续 {user.failed_logins} 次密码错误，"
                                     f"锁定 {lockout.minutes(locked)} 分钟", **event)
                refusal = _locked(locked)
        else:
            lockout.reset(user)
            token, expires = issue_token(session, user, body.device_id, settings.token_hours)
            seclog.record(session, "login_ok", username=user.username, **event)
            answer = LoginOut(token=token, expires_at=expires, user=user_out(user))
        if refusal is not None:
            _count_address_failure(session, guard, address)
    if refusal is not None:
        raise refusal
    return answer


@router.post("/auth/password", status_code=204,
             responses={403: {"model": Problem}, 422: {"model": Problem}, **REFUSALS})
def change_password(body: PasswordIn, request: Request, login: LoginDep, db: DbDep,
                    guard: GuardDep) -> None:
    """Set a new password (the old one proves it is the owner). Every other login of the
    account is revoked; this one stays, so the device carries on."""
    address = client_address(request)
    _check_address(guard, address)
    problem = password_problem(body.new_password)
    if problem:
        fail(422, "invalid", f"新密码（new_password）：{problem}")
    if body.new_password == body.old_password:
        fail(422, "invalid", "新密码（new_password）与原密码相同")
    user = login.user
    event = dict(username=user.username, device_id=login.device_id, ip=address)
    if not check_password(user, body.old_password):
        if check_password(user, body.new_password):
            return  # a retry of a change that went through: it is done
        with db.transaction() as session:
            seclog.record(session, "password_change_failed", detail="原密码错误", **event)
            _count_address_failure(session, guard, address)
        fail(403, "bad_password", "原密码（old_password）不正确")
    with db.transaction() as session:
        row = session.get(User, user.username, with_for_update=True)
        row.password_hash = hash_password(body.new_password)
        row.password_changed_at = utcnow()
        lockout.reset(row)
        revoked = revoke_user_tokens(session, row.username, keep=login.token_hash)
        seclog.record(session, "password_changed", detail=f"撤销其他登录 {revoked} 个",
                      **event)


@router.post("/auth/logout", status_code=204, responses={401: {"model": Problem}})
def logout(request: Request, login: LoginDep, db: DbDep) -> None:
    """End this login: its token is refused from the next request on."""
    with db.transaction() as session:
        revoke_hash(session, login.token_hash)
        seclog.record(session, "logout", username=login.user.username,
                      device_id=login.device_id, ip=client_address(request))


@router.get("/me", response_model=UserOut)
def me(user: UserDep) -> UserOut:
    return user_out(user)
