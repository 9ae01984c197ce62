"""Revisions and the change feed.

A writer numbers its changes with placeholders (negative, private to its
transaction) and the real revisions are allocated in one short last step
(`Revisions.allocate`, run at the latest just before commit by a session hook):
it takes the revision counter's row lock, numbers the queued changes in one
UPDATE, writes their feed rows, patches every placeholder the transaction wrote,
and keeps the lock to commit. Numbers are therefore given in commit order, and a
puller reading "everything after my cursor" always sees a gap-free prefix: a
change can never appear behind a cursor that has already moved past it (the trap
of sequences, which hand out numbers before commit). Writers no longer queue
behind one another for their whole transaction, only for that last step; what
the early lock used to serialize besides (one record's edits, a batch sent twice)
is serialized by row locks of its own (see push.py).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, insert, inspect, select, text, update
from sqlalchemy.orm import Session

from sync.protocol import DELETE, EVICT, SETTLEMENT, UPSERT

from .models import FeedEntry, RecordIndex, RevCounter, Settlement

COUNTER_ID = 1  # the single counter row, created by the first migration
_KEY = "grid_revisions"
_PATCHED = ("rev", "server_rev")  # columns that may hold a placeholder


class Revisions:
    """The revisions of one transaction: placeholders now, real numbers at its end."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._queued: list[dict[str, Any]] = []  # feed rows, rev still a placeholder
        self._last = 0  # the last placeholder given (they count down from -1)
        self.final: dict[int, int] = {}  # placeholder -> revision, once allocated
        # Objects flushed with a placeholder: the session holds flushed objects only weakly.
        self._written: list[object] = []
        session.info[_KEY] = self

    def lock(self) -> None:
        """Take the counter lock now, for the rest of the transaction: for the few checks
        that must not interleave with another writer's (a photo arriving as its link is
        held aside). Row locks first, then this one, as every writer does."""
        self.session.execute(select(RevCounter.value).where(RevCounter.id == COUNTER_ID)
                             .with_for_update())

    def add(self, entity: str, record_id: str, grid_id: str | None, op: str) -> int:
        """Queue one feed entry; returns its placeholder revision."""
        self._last -= 1
        self._queued.append({"rev": self._last, "entity": entity, "record_id": record_id,
                             "grid_id": grid_id, "op": op})
        return self._last

    def mark(self) -> int:
        return len(self._queued)

    def rewind(self, mark: int) -> None:
        """Forget what was queued since `mark`: its savepoint was rolled back."""
        del self._queued[mark:]

    def allocate(self) -> None:
        """Number what is queued: lock the counter (kept to commit), write the feed rows,
        patch the placeholders in the session's objects. Callable more than once."""
        if not self._queued:
            return
        session = self.session
        session.flush()  # the transaction's own writes, before the lock
        written = [obj for obj in {id(o): o for o in self._written}.values()
                   if inspect(obj).persistent]
        for obj in written:
            for name in _PATCHED:
                # Loads it again if a rolled-back savepoint expired it (still a placeholder
                # an earlier savepoint of this transaction wrote).
                getattr(obj, name, None)
        n = len(self._queued)
        last = session.execute(
            update(RevCounter).where(RevCounter.id == COUNTER_ID)
            .values(value=RevCounter.value + n).returning(RevCounter.value)
            .execution_options(synchronize_session=False)).scalar_one()
        for number, row in zip(range(last - n + 1, last + 1), self._queued, strict=True):
            self.final[row["rev"]] = number
            row["rev"] = number
        session.execute(insert(FeedEntry), self._queued)
        self._queued = []
        for obj in written:
            for name in _PATCHED:
                value = obj.__dict__.get(name)
                if value in self.final:  # else rolled back with its savepoint
                    setattr(obj, name, self.final[value])
        self._written = []

    def note_flush(self, objects: list[object]) -> None:
        self._written += [obj for obj in objects if any(
            isinstance(v, int) and v < 0 for v in map(obj.__dict__.get, _PATCHED))]

    def real(self, rev: int | None) -> int | None:
        """A revision as the outside world knows it (after `allocate`)."""
        return self.final.get(rev, rev) if rev is not None else None


@event.listens_for(Session, "before_commit")
def _allocate_at_commit(session: Session) -> None:
    """No writer can forget to number its changes: whatever is queued is numbered here
    (at the transaction's commit; a savepoint's release fires this hook too)."""
    if session.in_nested_transaction():
        return
    revs = session.info.get(_KEY)
    if revs is not None:
        revs.allocate()  # its flush still notes the placeholders (below)
        del session.info[_KEY]


@event.listens_for(Session, "before_flush")
def _note_placeholders(session: Session, _context: object, _instances: object) -> None:
    revs = session.info.get(_KEY)
    if revs is not None:
        revs.note_flush([*session.new, *session.dirty])


def current_rev(session: Session) -> int:
    return session.execute(text("SELECT coalesce(max(value), 0) FROM rev_counter")).scalar_one()


def publish(revs: Revisions, entity: str, record_id: str, grid_id: str | None, *,
            deleted: bool = False, new: bool = False) -> int:
    """Put one change in the feed and the record index; returns its (placeholder) revision.

    A record that moved to another grid leaves an `evict` in its old grid's feed
    first, so devices there drop their copy. `new` says the caller knows the
    server has never had this record.
    """
    session = revs.session
    index = None if new else session.get(RecordIndex, (entity, record_id))
    if index is not None and not index.deleted and index.grid_id != grid_id:
        revs.add(entity, record_id, index.grid_id, EVICT)
    rev = revs.add(entity, record_id, grid_id, DELETE if deleted else UPSERT)
    if index is None:
        session.add(RecordIndex(entity=entity, record_id=record_id, grid_id=grid_id, rev=rev,
                                deleted=deleted))
    else:
        index.grid_id, index.rev, index.deleted = grid_id, rev, deleted
    return rev


def publish_new(revs: Revisions, entity: str, records: list[tuple[str, str | None]]) -> list[int]:
    """`publish` for records the server has never had (a bulk load): one statement per table.
    Numbered at once (a bulk load is rare), so the caller's own bulk insert gets real revisions."""
    if not records:
        return []
    placeholders = [revs.add(entity, record_id, grid_id, UPSERT) for record_id, grid_id in records]
    revs.allocate()
    numbers = [revs.final[p] for p in placeholders]
    revs.session.execute(insert(RecordIndex), [
        {"entity": entity, "record_id": record_id, "grid_id": grid_id, "rev": rev,
         "deleted": False}
        for rev, (record_id, grid_id) in zip(numbers, records, strict=True)])
    return numbers


def settle(revs: Revisions, entity: str, record_id: str, grid_id: str | None,
           fields: list[str], outcome: str, by: str) -> None:
    """Tell the devices of a grid that a conflict or a held record was settled.

    A feed entry of its own (no record, so no index row): the device that raised the
    problem closes it when this comes down, after the record's own new revision.
    """
    note = Settlement(entity=entity, record_id=record_id, grid_id=grid_id,
                      fields=sorted(fields), outcome=outcome, settled_by=by)
    revs.session.add(note)
    revs.session.flush()
    revs.add(SETTLEMENT, note.id, grid_id, UPSERT)
