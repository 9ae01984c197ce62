"""Which photos the server lacks, resumable uploads, and downloads within scope."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from sqlalchemy import select

from inspector.models import PhotoLink

from .. import scope
from ..deps import DbDep, PhotosDep, UserDep, fail
from ..models import RecordIndex
from ..photos import SHA_RE, PhotoMeta, UploadError
from ..schemas import MissingIn, MissingOut, Problem, UploadOut, UtcTime

router = APIRouter(prefix="/photos", tags=["photos"])
Sha = Annotated[str, Query(pattern=r"^[0-9a-f]{64}$")]


def _sha(sha: str) -> str:
    if not SHA_RE.fullmatch(sha):
        fail(422, "bad_sha", "照片编号无效（sha256）")
    return sha


@router.post("/missing", response_model=MissingOut)
def missing(body: MissingIn, photos: PhotosDep, user: UserDep) -> MissingOut:
    return MissingOut(missing=photos.missing(body.hashes))


@router.get("/{sha}/upload", response_model=UploadOut)
def upload_status(sha: str, photos: PhotosDep, user: UserDep,
                  device_id: Annotated[str, Query(max_length=36)]) -> UploadOut:
    try:
        offset = photos.offset(_sha(sha), user.username, device_id)
    except UploadError as exc:
        fail(exc.status, "bad_upload", str(exc))
    return UploadOut(offset=max(offset, 0), complete=offset < 0)


@router.put("/{sha}/upload", response_model=UploadOut,
            responses={409: {"model": Problem}, 422: {"model": Problem}},
            openapi_extra={"requestBody": {"content": {"application/octet-stream": {
                "schema": {"type": "string", "format": "binary"}}}, "required": True}})
async def upload_chunk(sha: str, request: Request, photos: PhotosDep, user: UserDep,
                       device_id: Annotated[str, Query(max_length=36)],
                       offset: Annotated[int, Query(ge=0)],
                       total: Annotated[int, Query(ge=1)],
                       taken_at: UtcTime | None = None,
                       lat: Annotated[float | None, Query(ge=-90, le=90)] = None,
                       lon: Annotated[float | None, Query(ge=-180, le=180)] = None) -> UploadOut:
    """One chunk at `offset`. A 409 answer carries the offset the server holds."""
    chunk = await request.body()
    meta = PhotoMeta(taken_at=taken_at, lat=lat, lon=lon)
    try:
        # Disk writes, hashing and the database: off the event loop.
        held, complete = await run_in_threadpool(
            photos.write_chunk, _sha(sha), user.username, device_id, offset, total, chunk, meta)
    except UploadError as exc:
        code = "offset_mismatch" if exc.status == 409 else "bad_upload"
        message = str(exc) if exc.offset is None else f"{exc}；服务器已收到 {exc.offset} 字节"
        fail(exc.status, code, message)
    return UploadOut(offset=held, complete=complete)


@router.get("/{sha}", response_class=FileResponse)
def download(sha: str, photos: PhotosDep, user: UserDep, db: DbDep) -> FileResponse:
    """A photo, to users who may see a record it is attached to."""
    with db.session() as session:
        links = session.execute(select(PhotoLink.entity, PhotoLink.record_id).where(
            PhotoLink.photo_sha256 == _sha(sha))).all()
        visible = any(
            (index := session.get(RecordIndex, (entity, record_id))) is not None
            and not index.deleted and scope.may_read(user, index.grid_id)
            for entity, record_id in links)
    if not visible or not photos.has(sha):
        fail(404, "not_found", "没有这张照片，或您无权查看")
    return FileResponse(photos.path(sha), media_type="image/jpeg")
