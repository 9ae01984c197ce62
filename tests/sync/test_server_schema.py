"""The server's migrations build exactly the tables its models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sync.server.database import Database, migrate
from sync.server.models import include_object, target_metadata


def test_migrated_server_schema_matches_the_models(tmp_path, database_url) -> None:
    db = Database(database_url or f"sqlite:///{tmp_path / 'server.db'}")
    migrate(db.engine)
    migrate(db.engine)  # a second run is a no-op
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diffs = compare_metadata(context, target_metadata())
    db.dispose()
    assert diffs == []
