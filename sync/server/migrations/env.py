"""Alembic environment for the server: its own tables plus the domain tables it shares."""

from alembic import context

from sync.server.models import include_object, target_metadata

engine = context.config.attributes["engine"]
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=target_metadata(),
                      include_object=include_object, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
