"""Alembic environment for the server: its own tables plus the domain tables it shares."""

from alembic import context

from sync.server.models import DOMAIN_TABLES, ServerBase, target_metadata

SERVER_TABLES = frozenset(ServerBase.metadata.tables)
KEPT = SERVER_TABLES | frozenset(DOMAIN_TABLES)


def include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001
    if type_ == "table":
        return name in KEPT
    table = getattr(obj, "table", None)
    return table is None or table.name in KEPT


engine = context.config.attributes["engine"]
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=target_metadata(),
                      include_object=include_object, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
