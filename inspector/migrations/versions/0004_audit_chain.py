"""audit chain: seq and hashes on the audit trail, and how far the server acknowledged it

Entries written before this revision are chained here, in the order they were made
(at, then id), with the same hash the app uses (inspector.audit_chain).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 10:00:00
"""

import sqlalchemy as sa
from alembic import op

from inspector.audit_chain import GENESIS, entry_hash
from inspector.models.base import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_audit = sa.table(
    "audit", sa.column("id", sa.String), sa.column("at", UTCDateTime()),
    sa.column("actor", sa.String), sa.column("device_id", sa.String),
    sa.column("action", sa.String), sa.column("entity", sa.String),
    sa.column("record_id", sa.String), sa.column("fields", sa.JSON),
    sa.column("seq", sa.Integer), sa.column("prev_hash", sa.String), sa.column("hash", sa.String))


def upgrade() -> None:
    with op.batch_alter_table("audit") as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.select(_audit).order_by(_audit.c.at, _audit.c.id)).all()
    prev_hash = GENESIS
    for seq, row in enumerate(rows, start=1):
        values = row._asdict() | {"seq": seq}
        digest = entry_hash(prev_hash, values)
        conn.execute(sa.update(_audit).where(_audit.c.id == row.id)
                     .values(seq=seq, prev_hash=prev_hash, hash=digest))
        prev_hash = digest
    with op.batch_alter_table("audit") as batch_op:
        batch_op.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(op.f("uq_audit_seq"), ["seq"])

    op.create_table(
        "audit_upload",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("acked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_upload")),
    )


def downgrade() -> None:
    op.drop_table("audit_upload")
    with op.batch_alter_table("audit") as batch_op:
        batch_op.drop_constraint(op.f("uq_audit_seq"), type_="unique")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("seq")
