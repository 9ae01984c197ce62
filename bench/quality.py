"""Data-quality benchmark: the duplicate checks on a district (1,000 grids, 500k households,
1.5M residents) in a fresh PostgreSQL database, loaded with SQL in about a minute.

    GRID_TEST_PG_URL=postgresql+psycopg://user:pw@host:5432/postgres \\
        .venv/bin/python -m bench.quality [--residents 1500000]

Names come from 100 surnames x 300 given names and birth dates from 80 years, so
look-alikes occur about as often as in a real district. It prints how long a page of
groups takes for a supervisor of two grids and for an administrator of the district,
first page and eleventh. Figures only; it never asserts on timings. The database is
dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid

from sqlalchemy import create_engine, text

from sync.server import quality
from sync.server.database import Database, migrate
from sync.server.models import User

GRIDS = 1000
LOAD = [
    """INSERT INTO area (id, version, created_at, updated_at, code, name, level)
       SELECT 'g' || i, 1, now(), now(), 'G' || i, 'grid ' || i, 'grid'
       FROM generate_series(1, :grids) i""",
    """INSERT INTO household (id, version, created_at, updated_at, grid_id, door_no, address,
                              housing_use, contact_card)
       SELECT 'h' || i, 1, now(), now(), 'g' || (1 + i % :grids), 'd', 'a', 'owner_occupied',
              false
       FROM generate_series(1, :residents / 3 + 1) i""",
    """INSERT INTO resident (id, version, created_at, updated_at, grid_id, household_id, name,
                             id_number, gender, birth_date, phone, relation, residence_type)
       SELECT 'r' || i, 1, now(), now(), 'g' || (1 + (1 + (i - 1) / 3) % :grids),
              'h' || (1 + (i - 1) / 3), 'S' || (h % 100) || 'N' || ((h / 100) % 300),
              lpad(i::text, 18, '0'), '男', date '1940-01-01' + ((h / 30000) % 29200)::int,
              CASE WHEN i % 2 = 0 THEN '139' || lpad(((h / 7) % 100000000)::text, 8, '0') END,
              'self', 'registered'
       FROM (SELECT i, abs(hashtext(i::text)) AS h FROM generate_series(1, :residents) i) s""",
]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=1_500_000)
    args = parser.parse_args(argv)
    admin_url = os.environ.get("GRID_TEST_PG_URL")
    if not admin_url:
        print("set GRID_TEST_PG_URL to a PostgreSQL server where a database may be created")
        return 2
    name = f"gi_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = Database(admin_url.rsplit("/", 1)[0] + f"/{name}")
    try:
        migrate(db.engine)
        started = time.monotonic()
        with db.engine.begin() as conn:
            for statement in LOAD:
                conn.execute(text(statement), {"grids": GRIDS, "residents": args.residents})
            conn.execute(text("ANALYZE"))
        print(f"{args.residents:,} residents loaded in {time.monotonic() - started:.0f} s")
        people = (("supervisor, 2 grids", User(username="s", display_name="s", role="supervisor",
                                               grid_ids=["g1", "g2"], password_hash="")),
                  ("admin, district", User(username="a", display_name="a", role="admin",
                                           grid_ids=[], password_hash="")))
        for who, user in people:
            for kind in quality.KINDS:
                figures = []
                for offset in (0, 500):
                    with db.session() as session:
                        started = time.monotonic()
                        groups, _ = quality.groups(session, user, kind, 50, offset)
                        figures.append((time.monotonic() - started) * 1000)
                print(f"{who:20} {kind:11} page 1 {figures[0]:6.0f} ms "
                      f"({len(groups)} groups on page 11), page 11 {figures[1]:6.0f} ms")
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
