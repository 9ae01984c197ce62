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
from sqlalchemy.exc import DBAPIError, OperationalError, StatementError
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


def apply_batch(db: Database, user: User, device_id: str, batch_id: str,
                changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    with db.transaction() as session:
        # The counter lock before the lookup: a copy of this batch still being applied
        # (a resend after a timeout) commits first, and this copy then finds its receipts.
        revs = Revisions(session)
        seen = session.get(Batch, batch_id)
        if seen is not None:
            if seen.device_id != device_id or seen.username != user.username:
                raise BatchMismatch(batch_id)
            return seen.receipts
        ctx = Context(session, user, device_id, revs, absent=_absent(session, changes),
                      receipted=_receipted(session, changes))
        receipts = [_one(ctx, change) for change in changes]
        session.add(Batch(batch_id=batch_id, device_id=device_id, username=user.username,
                          receipts=receipts))
        return receipts


def _ids(values: list[Any]) -> list[list[str]]:
    ids = sorted({v for v in values if isinstance(v, str)})
    return [ids[start:start + 500] for start in range(0, len(ids), 500)]


def _absent(session: Session, changes: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """The batch's records the server does not have, found with one query per 500."""
    keys = {(c.get("entity"), c.get("record_id")) for c in changes}
    found: set[tuple[str, str]] = set()
    for chunk in _ids([record_id for _, record_id in keys]):
        found.update((r.entity, r.record_id) for r in session.scalars(
            select(RecordIndex).where(RecordIndex.record_id.in_(chunk))))
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
        with session.begin_nested():
            result = apply_change(ctx, change)
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
