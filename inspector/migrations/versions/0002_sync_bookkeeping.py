"""sync bookkeeping: change ids on the outbox, sync problems, sync status

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 14:40:00
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.add_column(sa.Column("change_id", sa.String(length=36), nullable=True))
    # Entries queued before this revision get their ids now, one each.
    conn = op.get_bind()
    for (seq,) in conn.execute(sa.text("SELECT seq FROM outbox")).all():
        conn.execute(sa.text("UPDATE outbox SET change_id = :c WHERE seq = :s"),
                     {"c": str(uuid.uuid4()), "s": seq})
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.alter_column("change_id", existing_type=sa.String(length=36), nullable=False)
        batch_op.create_unique_constraint(op.f("uq_outbox_change_id"), ["change_id"])

    op.create_table(
        "sync_problem",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("entity", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_problem")),
    )
    with op.batch_alter_table("sync_problem") as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_problem_record_id"), ["record_id"])

    op.create_table(
        "sync_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_status")),
    )


def downgrade() -> None:
    op.drop_table("sync_status")
    with op.batch_alter_table("sync_problem") as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_problem_record_id"))
    op.drop_table("sync_problem")
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_constraint(op.f("uq_outbox_change_id"), type_="unique")
        batch_op.drop_column("change_id")
