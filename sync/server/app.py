"""The FastAPI application: routers under /api/v1, each request carrying the protocol
version, an id for support, a size limit (bodylimit.py) and the usual security headers;
/health, /health/ready (ops.py) and /metrics (metrics.py) for operators.

Strict-Transport-Security goes on answers to https requests: direct TLS, or a proxy in
`trusted_proxies` saying X-Forwarded-Proto: https (uvicorn sets the scheme from it)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from sqlalchemy import text
from starlette.requests import ClientDisconnect

from inspector.models import new_id
from sync import protocol as p

from .bodylimit import BodyLimit
from .config import Settings
from .database import Database, migrate
from .deps import check_protocol
from .escrow import Escrow, load_secret
from .lockout import AddressGuard
from .metrics import Metrics, RequestMetrics, allowed_networks, may_read
from .models import ServerMeta
from .ops import Readiness
from .photos import PhotoUploads
from .routers import audit, auth, device, oversight, photos, quality, review, sync

log = logging.getLogger(__name__)
VERSION = "0.1.0"
# The API answers JSON only: nothing may load, run or frame. FastAPI's own API pages
# (/docs, /redoc) load their viewer from its CDN and run an inline script.
CSP = "default-src 'none'; frame-ancestors 'none'"
DOCS_CSP = ("default-src 'none'; script-src 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
            "font-src https://fonts.gstatic.com; img-src 'self' data: https:; "
            "connect-src 'self'; worker-src blob:; frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc")
HSTS = "max-age=31536000"


def _ensure_server_id(db: Database) -> None:
    with db.transaction() as session:
        if session.get(ServerMeta, "server_id") is None:
            session.add(ServerMeta(key="server_id", value=new_id()))


def create_app(settings: Settings) -> FastAPI:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.db_url)
    metrics = Metrics(db)  # before the first connection, which its pool gauges count
    metrics_networks = allowed_networks(settings.metrics_allow)
    migrate(db.engine)
    _ensure_server_id(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.dispose()
        metrics.worker_exit()

    app = FastAPI(title="Grid Inspector server", version=VERSION, lifespan=lifespan)
    app.state.settings = settings
    app.state.db = db
    app.state.photos = PhotoUploads(db, settings.photo_dir, settings.upload_dir)
    app.state.escrow = Escrow(load_secret(settings))
    app.state.metrics = metrics
    readiness = Readiness(settings, db)  # after the secret is loaded (and maybe made)
    app.state.login_guard = AddressGuard(settings.login_failures_per_minute)
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)  # inside the envelope

    api = [Depends(check_protocol)]
    for module in (auth, sync, photos, oversight, review, quality, device, audit):
        app.include_router(module.router, prefix=p.API, dependencies=api)

    @app.get("/health", tags=["ops"])
    def health() -> dict[str, str]:
        """Liveness and database reachability, for load balancers."""
        with db.session() as session:
            session.execute(text("SELECT 1"))
        return {"status": "ok", "version": VERSION}

    @app.get("/health/ready", tags=["ops"], responses={503: {"description": "a check failed"}})
    async def ready() -> JSONResponse:
        """Ready to serve: database migrated, photo store writable, escrow secret in place,
        disk space above `min_free_disk_mb`; 503 naming each check that failed."""
        checks = await run_in_threadpool(readiness.run)
        failed = [name for name, outcome in checks.items() if outcome != "ok"]
        return JSONResponse(status_code=503 if failed else 200, content={
            "status": "not_ready" if failed else "ready", "failed": failed, "checks": checks})

    @app.get("/metrics", tags=["ops"], response_class=Response)
    async def metrics_text(request: Request) -> Response:
        """Prometheus metrics, for `metrics_allow` addresses or the `metrics_token`."""
        if not may_read(request, settings, metrics_networks):
            return JSONResponse(status_code=403, content={"detail": {
                "code": "forbidden", "message": "此地址无权读取运行指标（metrics_allow）"}})
        body, content_type = await run_in_threadpool(metrics.exposition)
        return Response(body, media_type=content_type)

    @app.middleware("http")
    async def envelope(request: Request, call_next):  # noqa: ANN001, ANN202
        request_id = request.headers.get(p.REQUEST_ID_HEADER) or uuid.uuid4().hex
        request.state.request_id = request_id[:64]
        try:
            response: Response = await call_next(request)
        except ClientDisconnect:  # the device's network went away mid-request: normal
            log.info("request %s: client disconnected", request.state.request_id)
            response = JSONResponse(status_code=400, content={"detail": {
                "code": "disconnected", "message": "连接中断"}})
        except Exception:  # the one place an unexpected error becomes a clear answer
            log.exception("request %s failed", request.state.request_id)
            response = JSONResponse(status_code=500, content={"detail": {
                "code": "server_error", "message": "服务器内部错误，请把请求编号告诉管理员",
                "request_id": request.state.request_id}})
        response.headers[p.REQUEST_ID_HEADER] = request.state.request_id
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Content-Security-Policy"] = (
            DOCS_CSP if request.url.path.startswith(DOCS_PATHS) else CSP)
        if request.url.scheme == "https":
            response.headers["Strict-Transport-Security"] = HSTS
        return response

    app.add_middleware(RequestMetrics, metrics=metrics)  # outermost: times every answer
    return app
