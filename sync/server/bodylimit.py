"""The request size limit, for bodies with a Content-Length and for chunked ones alike.

A declared length over the limit is refused before anything is read. A body sent
without one (Transfer-Encoding: chunked) is counted as it arrives and refused as soon
as it passes the limit, so a client cannot stream an endless body into memory. The
refusal is an HTTPException raised from `receive`: FastAPI passes those through body
parsing untouched, so the answer is the usual 413 problem (photo chunks, which
routers/photos.py reads itself, end the same way).
"""

from __future__ import annotations

from fastapi import HTTPException
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOO_LARGE = {"code": "too_large", "message": "请求过大，请分批发送"}


class BodyLimit:
    """Pure ASGI middleware: at most `limit` bytes of request body."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length")
        if length is not None:  # the server reads no more than it declares
            if not length.isdigit() or int(length) > self.limit:
                await JSONResponse({"detail": TOO_LARGE}, status_code=413)(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise HTTPException(413, detail=TOO_LARGE)
            return message

        await self.app(scope, counted, send)
