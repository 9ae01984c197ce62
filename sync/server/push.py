"""A pushed batch: applied atomically and idempotently, answered per change.

The whole batch commits or nothing does. A batch id seen before gets the very
receipts it got the first time; a change id seen before (in any batch) gets
`duplicate` with what happened then. So a device may resend anything, any
number of times, after any failure, and nothing applies twice.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, StatementError
from sqlalchemy.orm import Session

from inspector.logs import origin
from sync import protocol as p

from .apply import Context, Later, Refused, apply_change, receipt
from .database import Database
from .feed import Revisions
from .models import Batch, Receipt, RecordIndex, User

log = logging.getLogger(__name__)


class BatchMismatch(Exception):
    """A batch id reused by another device or user: refused rather than guessed at."""


class _SeenMeanwhile(Exception):
    """A copy of the batch committed while this one waited on its id."""


def apply_batch(db: Database, user: User, device_id: str, batch_id: str,
                changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    try:
        with db.transaction() as session:
            seen = session.get(Batch, batch_id)
            if seen is None:
                return _apply(session, user, device_id, batch_id, changes)
    except _SeenMeanwhile:
        with db.transaction() as session:
            seen = session.get(Batch, batch_id)
    if seen.device_id != device_id or seen.username != user.username:
        raise BatchMismatch(batch_id)
    return seen.receipts


def _apply(session: Session, user: User, device_id: str, batch_id: str,
           changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The batch's row goes in first: a copy of it still being applied (a resend after a
    timeout) holds that key, so this copy waits for it and then finds its receipts."""
    batch = Batch(batch_id=batch_id, device_id=device_id, username=user.username, receipts=[])
    session.add(batch)
    try:
        session.flush()
    except IntegrityError as exc:
        raise _SeenMeanwhile from exc
    revs = Revisions(session)
    ctx = Context(session, user, device_id, revs, absent=_absent(session, changes),
                  receipted=_receipted(session, changes))
    receipts = [_one(ctx, change) for change in changes]
    revs.allocate()
    batch.receipts = [_numbered(revs, r) for r in receipts]
    return batch.receipts


def _numbered(revs: Revisions, out: dict[str, Any]) -> dict[str, Any]:
    """A receipt with real revisions in place of the batch's placeholders."""
    out = out | {"rev": revs.real(out.get("rev"))}
    if isinstance(out.get("server"), dict):
        out["server"] = out["server"] | {"server_rev": revs.real(out["server"].get("server_rev"))}
    return out


def _ids(values: list[Any]) -> list[list[str]]:
    ids = sorted({v for v in values if isinstance(v, str)})
    return [ids[start:start + 500] for start in range(0, len(ids), 500)]


def _absent(session: Session, changes: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """The batch's records the server does not have, found with one query per 500.

    Those it has are locked here, with the cases its case steps move, all in one order
    (by id): a concurrent batch editing one of them waits for this one to commit, so
    conflicts are judged against the committed record, and two batches never deadlock."""
    keys = {(c.get("entity"), c.get("record_id")) for c in changes}
    cases = [c["payload"].get("issue_id") for c in changes
             if c.get("entity") == "issue_action" and isinstance(c.get("payload"), dict)]
    found: set[tuple[str, str]] = set()
    for chunk in _ids([record_id for _, record_id in keys] + cases):
        found.update((r.entity, r.record_id) for r in session.scalars(
            select(RecordIndex).where(RecordIndex.record_id.in_(chunk))
            .order_by(RecordIndex.record_id, RecordIndex.entity).with_for_update()))
    return {k for k in keys if k not in found}  # type: ignore[misc]


def _receipted(session: Session, changes: list[dict[str, Any]]) -> set[str]:
    """Change ids of the batch seen before; their receipts are loaded into the session."""
    seen: set[str] = set()
    for chunk in _ids([c.get("change_id") for c in changes]):
        seen.update(r.change_id for r in session.scalars(
            select(Receipt).where(Receipt.change_id.in_(chunk))))
    return seen


def _one(ctx: Context, change: dict[str, Any]) -> dict[str, Any]:
    session = ctx.session
    change_id = change.get("change_id")
    prior = session.get(Receipt, change_id) if change_id in ctx.receipted else None
    if prior is not None:
        return receipt(change, p.DUPLICATE, rev=prior.rev, reason=prior.reason,
                       original=prior.status)
    try:
        result = _applied(ctx, change)
    except Refused as exc:
        result = receipt(change, p.REJECTED, reason=str(exc))
    except Later as exc:
        return receipt(change, p.DEFERRED, reason=str(exc))  # no receipt kept: judged afresh
    except OperationalError:
        # The database itself failed (connection lost, deadlock, serialization): not the
        # change's fault. The batch fails whole and the device sends it again later.
        raise
    except DBAPIError as exc:
        # A constraint the checks above did not foresee (a unique code taken, say).
        log.info("change refused by the database: %s", type(exc.orig).__name__)
        result = receipt(change, p.REJECTED,
                         reason=f"与服务器上的数据冲突（{type(exc.orig).__name__}）")
    except (StatementError, KeyError, TypeError, ValueError, OverflowError) as exc:
        # A payload of the wrong shape the checks above did not foresee (a list where a
        # text goes, a parent id left out): refused, so it cannot block the whole batch.
        # Where, not the message: it may quote the pushed values.
        log.warning("change %s refused: %s at %s", change_id, type(exc).__name__, origin(exc))
        result = receipt(change, p.REJECTED, reason=f"变更内容无效（{type(exc).__name__}）")
    session.add(Receipt(change_id=change_id, device_id=ctx.device_id, status=result["status"],
                        rev=result.get("rev"), reason=result.get("reason")))
    ctx.receipted.add(change_id)  # the same change twice in one batch applies once
    return result


def _applied(ctx: Context, change: dict[str, Any]) -> dict[str, Any]:
    """`apply_change` under a savepoint; if it fails, its queued feed entries go with it."""
    mark = ctx.revs.mark()
    try:
        with ctx.session.begin_nested():
            return apply_change(ctx, change)
    except BaseException:
        ctx.revs.rewind(mark)
        raise
