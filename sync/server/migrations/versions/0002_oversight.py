"""oversight: conflict resolutions, held residents, settlements, register review, dismissals,
and the indexes of the look-alike checks on residents (server only: see models.SERVER_INDEXES)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 18:08:44.053394
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resolution", sa.String(length=12), nullable=True))

    op.create_table(
        "held_resident",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("grid_id", sa.String(length=36), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_held_resident")),
    )
    with op.batch_alter_table("held_resident", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_held_resident_grid_id"), ["grid_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_held_resident_id_number"), ["id_number"], unique=False
        )

    op.create_table(
        "settlement",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("grid_id", sa.String(length=36), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("settled_by", sa.String(length=64), nullable=False),
        sa.Column("settled_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settlement")),
    )
    with op.batch_alter_table("settlement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_settlement_record_id"), ["record_id"], unique=False)

    op.create_table(
        "register_change",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("grid_id", sa.String(length=36), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("reviewed_by", sa.String(length=64), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("task_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_change")),
    )
    with op.batch_alter_table("register_change", schema=None) as batch_op:
        batch_op.create_index(
            "ix_register_change_grid_state_at", ["grid_id", "state", "at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_register_change_record_id"), ["record_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_register_change_username"), ["username"], unique=False
        )

    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.create_index("ix_resident_name_birth_date", ["name", "birth_date"], unique=False)
        batch_op.create_index("ix_resident_name_phone", ["name", "phone"], unique=False)

    op.create_table(
        "quality_dismissal",
        sa.Column("group_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("record_ids", sa.JSON(), nullable=False),
        sa.Column("dismissed_by", sa.String(length=64), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("group_id", name=op.f("pk_quality_dismissal")),
    )


def downgrade() -> None:
    op.drop_table("quality_dismissal")
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.drop_index("ix_resident_name_phone")
        batch_op.drop_index("ix_resident_name_birth_date")
    with op.batch_alter_table("register_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_register_change_username"))
        batch_op.drop_index(batch_op.f("ix_register_change_record_id"))
        batch_op.drop_index("ix_register_change_grid_state_at")
    op.drop_table("register_change")
    with op.batch_alter_table("settlement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_settlement_record_id"))
    op.drop_table("settlement")
    with op.batch_alter_table("held_resident", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_held_resident_id_number"))
        batch_op.drop_index(batch_op.f("ix_held_resident_grid_id"))
    op.drop_table("held_resident")
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_column("resolution")
