"""The end-of-cycle check: does this device hold what the server says is in its scope?

Per table, a count and a digest of (id, revision) pairs. Where they differ, the
ids are compared and only the differing records are fetched or dropped. Records
with local work waiting are left alone; there is never a wholesale reset.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from inspector.db import Store
from inspector.models import ENTITIES, OutboxEntry, Tombstone
from sync import protocol as p

from .pull import apply_changes
from .transport import Transport


@dataclass
class DriftTally:
    checked: int = 0
    fetched: int = 0
    dropped: int = 0


def _local(store: Store, entity: str) -> tuple[dict[str, int], set[str]]:
    model = ENTITIES[entity]
    with store.read() as session:
        rows = {r.id: r.server_rev for r in session.execute(
            select(model.id, model.server_rev).where(model.server_rev.is_not(None)))}
        busy = set(session.scalars(select(OutboxEntry.record_id)
                                   .where(OutboxEntry.entity == entity)))
        busy |= set(session.scalars(select(Tombstone.record_id)
                                    .where(Tombstone.entity == entity)))
    return rows, busy


def check(store: Store, transport: Transport) -> DriftTally:
    tally = DriftTally()
    server = transport.json("GET", "/sync/digest")["entities"]
    for entity, theirs in server.items():
        if entity not in ENTITIES:
            continue
        tally.checked += 1
        local, busy = _local(store, entity)
        if len(local) == theirs["count"] and p.digest_of(list(local.items())) == theirs["digest"]:
            continue
        remote = dict(transport.json("GET", "/sync/ids", params={"entity": entity})["ids"])
        fetch = [i for i, rev in remote.items() if i not in busy and local.get(i) != rev]
        drop = [i for i in local if i not in remote and i not in busy]
        for start in range(0, len(fetch), p.MAX_PULL_PAGE):
            found = transport.json("POST", "/sync/records", json={
                "entity": entity, "ids": fetch[start:start + p.MAX_PULL_PAGE]})["records"]
            with store.write() as session:
                tally.fetched += apply_changes(session, [
                    {"entity": entity, "id": r["id"], "op": p.UPSERT, "data": r}
                    for r in found])
        if drop:
            with store.write() as session:
                tally.dropped += apply_changes(session, [
                    {"entity": entity, "id": i, "op": p.DELETE} for i in drop])
    return tally
