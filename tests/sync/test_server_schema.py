"""The server's migrations build exactly the tables its models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from sync.server.database import Database, migrate
from sync.server.models import SERVER_INDEXES, include_object, target_metadata


def test_migrated_server_schema_matches_the_models(tmp_path, database_url) -> None:
    db = Database(database_url or f"sqlite:///{tmp_path / 'server.db'}")
    migrate(db.engine)
    migrate(db.engine)  # a second run is a no-op
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diffs = compare_metadata(context, target_metadata())
        # The server's own indexes on shared tables, which the models leave out.
        found = {(table, ix["name"], tuple(ix["column_names"]))
                 for table in {t for t, _ in SERVER_INDEXES.values()}
                 for ix in inspect(conn).get_indexes(table)}
    db.dispose()
    assert diffs == []
    assert {(t, name, cols) for name, (t, cols) in SERVER_INDEXES.items()} <= found
