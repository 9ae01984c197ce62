"""Search as you type over residents and households.

Two FTS5 indexes share one rowid space kept in `search_doc`:
- `search_trigram` finds any substring of 3+ characters: part of a name, full
  pinyin or its initials, ID-number tails, phone digits, address words;
- `search_prefix` (unicode61 with 1- and 2-character prefix indexes) answers the
  short 1–2 character queries a trigram index cannot: a surname, a given name, "zs".
The migrations create the tables. A session hook updates both in the same flush,
hence the same transaction, as the register change that makes them stale.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, event, text
from sqlalchemy.orm import Session, sessionmaker

from .models import Household, Resident


@dataclass(frozen=True)
class SearchDoc:
    kind: str
    record_id: str
    grid_id: str
    name: str
    id_number: str
    phone: str
    address: str


@dataclass(frozen=True)
class Hit:
    kind: str  # "resident" or "household"
    record_id: str


@lru_cache(maxsize=65536)
def pinyin_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name: 张三丰 → ("zhangsanfeng", "zsf")."""
    if not name:
        return "", ""
    from pypinyin import Style, lazy_pinyin  # its dictionaries take 0.25 s: load on first use

    full = "".join(lazy_pinyin(name, errors="ignore")).lower()
    initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")).lower()
    return full, initials


def name_suffixes(name: str) -> str:
    """张三丰 → "张三丰 三丰 丰": each suffix a token, so a 1–2 character query
    matches any part of a name (a given name "三丰" too), not only its start."""
    return " ".join(name[i:] for i in range(len(name)))


def doc_for(obj: Resident | Household) -> SearchDoc:
    if isinstance(obj, Resident):
        fields = ("id", "grid_id", "name", "id_number", "phone", "domicile")
        return doc_of("resident", {f: getattr(obj, f) for f in fields})
    fields = ("id", "grid_id", "head_name", "phone", "address")
    return doc_of("household", {f: getattr(obj, f) for f in fields})


def doc_of(kind: str, v: Mapping[str, Any]) -> SearchDoc:
    """The index entry of a resident or household given as column values."""
    if kind == "resident":
        return SearchDoc("resident", v["id"], v["grid_id"], v["name"], v["id_number"],
                         v.get("phone") or "", v.get("domicile") or "")
    return SearchDoc("household", v["id"], v["grid_id"], v.get("head_name") or "", "",
                     v.get("phone") or "", v["address"])


def index_docs(conn: Connection, docs: Iterable[SearchDoc]) -> None:
    """Insert or replace the index entries of these records (batched: one statement per table)."""
    docs = list(docs)
    if not docs:
        return
    remove_docs(conn, [d.record_id for d in docs])
    start = conn.execute(text("SELECT coalesce(max(rowid), 0) FROM search_doc")).scalar_one()
    meta, trigram, prefix = [], [], []
    for rowid, d in enumerate(docs, start + 1):
        full, initials = pinyin_keys(d.name)
        meta.append({"rowid": rowid, "k": d.kind, "r": d.record_id, "g": d.grid_id})
        trigram.append({"rowid": rowid, "n": d.name, "p": f"{full} {initials}",
                        "i": d.id_number, "ph": d.phone, "a": d.address})
        prefix.append({"rowid": rowid, "n": name_suffixes(d.name), "i": initials, "p": full})
    conn.execute(text("INSERT INTO search_doc (rowid, kind, record_id, grid_id) "
                      "VALUES (:rowid, :k, :r, :g)"), meta)
    conn.execute(text("INSERT INTO search_trigram (rowid, name, pinyin, id_number, phone, "
                      "address) VALUES (:rowid, :n, :p, :i, :ph, :a)"), trigram)
    conn.execute(text("INSERT INTO search_prefix (rowid, name, initials, pinyin) "
                      "VALUES (:rowid, :n, :i, :p)"), prefix)


def optimize(conn: Connection) -> None:
    """Merge the index segments after a bulk load.

    Otherwise FTS5 merges them piecemeal during the next user edits, and one of
    the first saves after a big import stalls for half a second.
    """
    for table in ("search_trigram", "search_prefix"):
        conn.execute(text(f"INSERT INTO {table} ({table}) VALUES ('optimize')"))


def remove_docs(conn: Connection, record_ids: Iterable[str]) -> None:
    ids = list(record_ids)
    for i in range(0, len(ids), 500):
        rowids = conn.execute(
            text("SELECT rowid FROM search_doc WHERE record_id IN :ids")
            .bindparams(bindparam("ids", expanding=True)), {"ids": ids[i:i + 500]}
        ).scalars().all()
        if not rowids:
            continue
        for table in ("search_trigram", "search_prefix", "search_doc"):
            conn.execute(text(f"DELETE FROM {table} WHERE rowid IN :rowids")
                         .bindparams(bindparam("rowids", expanding=True)), {"rowids": rowids})


def _reindex_after_flush(session: Session, _ctx: object) -> None:
    changed = [o for o in (*session.new, *session.dirty) if isinstance(o, Resident | Household)]
    gone = [o.id for o in session.deleted if isinstance(o, Resident | Household)]
    if not changed and not gone:
        return
    conn = session.connection()
    remove_docs(conn, gone)
    index_docs(conn, (doc_for(o) for o in changed))


def install_index_hook(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _reindex_after_flush)


_TERM_SPLIT = re.compile(r"\s+")


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search(session: Session, query: str, *, kinds: Iterable[str] = ("resident", "household"),
           grid_ids: Iterable[str] | None = None, limit: int = 50) -> list[Hit]:
    """Records matching every word of `query`, residents and households mixed.

    Words of 3+ characters match anywhere (substring); shorter words match the
    start of any part of a name, or the start of its pinyin or its initials.
    """
    terms = [t for t in _TERM_SPLIT.split(query.strip().lower()) if t]
    if not terms:
        return []
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    parts: list[tuple[str, str]] = []  # (fts table, match expression)
    if long_terms:
        parts.append(("search_trigram", " AND ".join(_phrase(t) for t in long_terms)))
    if short_terms:
        parts.append(("search_prefix", " AND ".join(_phrase(t) + "*" for t in short_terms)))
    kinds = list(kinds)
    params: dict[str, object] = {f"k{i}": k for i, k in enumerate(kinds)}
    params.update({f"m{i}": match for i, (_, match) in enumerate(parts)})
    where = "d.kind IN (" + ", ".join(f":k{i}" for i in range(len(kinds))) + ")"
    if grid_ids is not None:
        grid_ids = list(grid_ids)
        if not grid_ids:
            return []
        where += " AND d.grid_id IN (" + ", ".join(f":g{i}" for i in range(len(grid_ids))) + ")"
        params.update({f"g{i}": g for i, g in enumerate(grid_ids)})
    if len(parts) == 1 and grid_ids is None:
        # The full-text match drives the loop, so it stops at the limit instead of
        # collecting every match first (a common surname matches tens of thousands).
        table = parts[0][0]
        sql = (f"SELECT d.kind, d.record_id FROM {table} f CROSS JOIN search_doc d "
               f"ON d.rowid = f.rowid WHERE {table} MATCH :m0 AND {where}")
    else:
        # Scoped or mixed queries: the grid filter is selective, so collect matches first.
        sets = " INTERSECT ".join(f"SELECT rowid FROM {table} WHERE {table} MATCH :m{i}"
                                  for i, (table, _) in enumerate(parts))
        sql = f"SELECT d.kind, d.record_id FROM search_doc d WHERE d.rowid IN ({sets}) AND {where}"
    sql += " LIMIT :limit"
    params["limit"] = limit
    rows = session.execute(text(sql), params).all()
    return [Hit(kind, record_id) for kind, record_id in rows]
