"""Revisions and the change feed.

Every write that devices must learn about takes the revision counter's row lock
first (`Revisions`), keeps it to commit, and numbers its changes from it. Two
writers therefore commit in revision order, and a puller reading "everything
after my cursor" always sees a gap-free prefix: a change can never appear
behind a cursor that has already moved past it (the trap of sequences, which
hand out numbers before commit).
"""

from __future__ import annotations

from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session

from sync.protocol import DELETE, EVICT, SETTLEMENT, UPSERT

from .models import FeedEntry, RecordIndex, RevCounter, Settlement

COUNTER_ID = 1  # the single counter row, created by the first migration


class Revisions:
    """The counter, locked for the rest of the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        session.execute(select(RevCounter.value).where(RevCounter.id == COUNTER_ID)
                        .with_for_update())

    def next(self) -> int:
        return self.take(1)[0]

    def take(self, n: int) -> range:
        """`n` consecutive revisions in one statement."""
        last = self.session.execute(
            update(RevCounter).where(RevCounter.id == COUNTER_ID)
            .values(value=RevCounter.value + n).returning(RevCounter.value)
            .execution_options(synchronize_session=False)).scalar_one()
        return range(last - n + 1, last + 1)


def current_rev(session: Session) -> int:
    return session.execute(text("SELECT coalesce(max(value), 0) FROM rev_counter")).scalar_one()


def publish(revs: Revisions, entity: str, record_id: str, grid_id: str | None, *,
            deleted: bool = False, new: bool = False) -> int:
    """Put one change in the feed and the record index; returns its revision.

    A record that moved to another grid leaves an `evict` in its old grid's feed
    first, so devices there drop their copy. `new` says the caller knows the
    server has never had this record.
    """
    session = revs.session
    index = None if new else session.get(RecordIndex, (entity, record_id))
    if index is not None and not index.deleted and index.grid_id != grid_id:
        session.add(FeedEntry(rev=revs.next(), entity=entity, record_id=record_id,
                              grid_id=index.grid_id, op=EVICT))
    rev = revs.next()
    session.add(FeedEntry(rev=rev, entity=entity, record_id=record_id, grid_id=grid_id,
                          op=DELETE if deleted else UPSERT))
    if index is None:
        session.add(RecordIndex(entity=entity, record_id=record_id, grid_id=grid_id, rev=rev,
                                deleted=deleted))
    else:
        index.grid_id, index.rev, index.deleted = grid_id, rev, deleted
    return rev


def publish_new(revs: Revisions, entity: str, records: list[tuple[str, str | None]]) -> list[int]:
    """`publish` for records the server has never had (a bulk load): one statement per table."""
    if not records:
        return []
    numbers = list(revs.take(len(records)))
    session = revs.session
    session.execute(insert(FeedEntry), [
        {"rev": rev, "entity": entity, "record_id": record_id, "grid_id": grid_id, "op": UPSERT}
        for rev, (record_id, grid_id) in zip(numbers, records, strict=True)])
    session.execute(insert(RecordIndex), [
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
    revs.session.add(FeedEntry(rev=revs.next(), entity=SETTLEMENT, record_id=note.id,
                               grid_id=grid_id, op=UPSERT))
