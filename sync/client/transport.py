"""HTTP for the engine: protocol header, token, TLS, timeouts, retries and typed errors.

Every request the engine makes is safe to repeat (pushes are idempotent by batch
and change id, chunks by offset), so connection failures, timeouts and 502/503/504
are retried with exponential backoff and full jitter before giving up as Offline.

Passwords and tokens travel over TLS only: plain http is refused (Insecure, before
anything is sent) unless the server is this computer (the demo, tests) or a lab sets
GRID_INSPECTOR_ALLOW_HTTP=1. Government networks with their own certificate authority
name its bundle in GRID_INSPECTOR_CA_BUNDLE (or pass `verify`).
"""

from __future__ import annotations

import ipaddress
import os
import random
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

from sync import protocol as p
from sync.errors import (
    AuthExpired,
    Cancelled,
    Incompatible,
    Insecure,
    LockedOut,
    Offline,
    Refused,
    ServerError,
    SyncError,
)

RETRY_STATUSES = frozenset({502, 503, 504})
CA_BUNDLE_ENV = "GRID_INSPECTOR_CA_BUNDLE"
ALLOW_HTTP_ENV = "GRID_INSPECTOR_ALLOW_HTTP"


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def connection_problem(url: str, verify: bool | str = True) -> str | None:
    """Why this computer will not talk to `url` (shown to the user), or None. The login
    form may call it to check an address before anything is sent."""
    parts = urlsplit(url)
    if (parts.scheme == "http" and not _loopback(parts.hostname or "")
            and os.environ.get(ALLOW_HTTP_ENV) != "1"):
        return (f"服务器地址须以 https:// 开头（{parts.hostname}）：明文 http 会让密码和数据"
                f"在网络上被窃听，只允许连接本机；实验环境可设置 {ALLOW_HTTP_ENV}=1")
    if isinstance(verify, str) and not Path(verify).exists():
        return f"找不到 CA 证书文件：{verify}（请检查 {CA_BUNDLE_ENV} 或 CA 证书设置）"
    return None


@dataclass
class Transport:
    base_url: str
    device_id: str
    token: str | None = None
    verify: bool | str = True  # True, or the path of a CA bundle for a government network
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    retries: int = 3
    backoff: float = 0.5
    max_backoff: float = 10.0
    cancel: threading.Event = field(default_factory=threading.Event)
    _http: requests.Session = field(default_factory=requests.Session, repr=False)

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        if self.verify is True:
            self.verify = os.environ.get(CA_BUNDLE_ENV) or True
        self._refusal = connection_problem(self.base_url, self.verify)
        self._http.trust_env = False  # no proxy from the environment between us and the server
        self._http.headers[p.VERSION_HEADER] = str(p.PROTOCOL_VERSION)

    def close(self) -> None:
        self._http.close()

    def _wait(self, attempt: int) -> None:
        delay = random.uniform(0, min(self.max_backoff, self.backoff * 2 ** attempt))
        if self.cancel.wait(delay):
            raise Cancelled("同步已取消")

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        if self._refusal:
            raise Insecure(self._refusal)
        url = f"{self.base_url}{p.API}{path}"
        headers = kwargs.pop("headers", {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        last: SyncError | None = None
        for attempt in range(self.retries + 1):
            if self.cancel.is_set():
                raise Cancelled("同步已取消")
            if attempt:
                self._wait(attempt - 1)
            try:
                response = self._http.request(
                    method, url, headers=headers, verify=self.verify,
                    timeout=(self.connect_timeout, self.read_timeout), **kwargs)
            except requests.exceptions.SSLError as exc:
                raise Offline("无法验证服务器证书（TLS），请检查服务器地址或 CA 证书设置") from exc
            except (requests.ConnectionError, requests.Timeout) as exc:
                last = Offline("连接不上服务器，网络恢复后会自动同步")
                last.__cause__ = exc
                continue
            if response.status_code in RETRY_STATUSES:
                last = Offline(f"服务器暂时无法访问（{response.status_code}），稍后会自动重试",
                               status=response.status_code)
                continue
            return _checked(response)
        assert last is not None
        raise last

    def ping(self, timeout: float = 3.0) -> bool:
        """One quick look at the server's /health (no retries): is it reachable right now?"""
        if self._refusal:
            return False
        try:
            response = self._http.get(f"{self.base_url}/health", verify=self.verify,
                                      timeout=(timeout, timeout))
        except requests.RequestException:
            return False
        return response.status_code == 200

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.request(method, path, **kwargs)
        return response.json() if response.content else None


def _problem(response: requests.Response) -> tuple[str, str]:
    try:
        detail = response.json().get("detail")
    except ValueError:
        detail = None
    if isinstance(detail, dict):
        return str(detail.get("code", "")), str(detail.get("message", ""))
    if isinstance(detail, list):  # FastAPI's validation errors: name the fields
        names = ", ".join(".".join(str(x) for x in d.get("loc", [])[1:]) for d in detail)
        return "invalid", f"请求内容不正确（{names}）"
    return "", response.reason or ""


def _checked(response: requests.Response) -> requests.Response:
    status = response.status_code
    if status < 400:
        return response
    code, message = _problem(response)
    request_id = response.headers.get(p.REQUEST_ID_HEADER)
    if status == 401:
        raise AuthExpired(message or "登录已过期，请重新登录", status=status)
    if status == 426:
        raise Incompatible(message or "客户端与服务器版本不兼容，请升级", status=status)
    if status == 429:  # a locked account or an address with too many failures
        wait = response.headers.get("Retry-After", "")
        raise LockedOut(message or "尝试次数过多，请稍后再试", status=status,
                        retry_after=int(wait) if wait.isdigit() else None,
                        request_id=request_id)
    if status >= 500:
        raise ServerError(message or f"服务器出错（{status}）", status=status,
                          request_id=request_id)
    error = Refused(message or f"服务器拒绝了请求（{status}）", status=status,
                    request_id=request_id)
    error.code = code  # type: ignore[attr-defined]
    raise error


@dataclass(frozen=True)
class Account:
    username: str
    display_name: str
    role: str
    grid_ids: tuple[str, ...]
    token: str
    expires_at: str


def login(transport: Transport, username: str, password: str) -> Account:
    """Log in and keep the token on the transport; wrong credentials raise AuthExpired."""
    body = transport.json("POST", "/auth/login", json={
        "username": username, "password": password, "device_id": transport.device_id})
    user = body["user"]
    transport.token = body["token"]
    return Account(username=user["username"], display_name=user["display_name"],
                   role=user["role"], grid_ids=tuple(user["grid_ids"]), token=body["token"],
                   expires_at=body["expires_at"])
