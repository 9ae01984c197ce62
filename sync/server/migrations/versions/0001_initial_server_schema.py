"""initial server schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 14:23:55.065253
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "auth_token",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_auth_token")),
    )
    with op.batch_alter_table("auth_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_auth_token_username"), ["username"], unique=False)

    op.create_table(
        "case_counter",
        sa.Column("prefix", sa.String(length=48), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("prefix", name=op.f("pk_case_counter")),
    )
    op.create_table(
        "change_receipt",
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("change_id", name=op.f("pk_change_receipt")),
    )
    op.create_table(
        "conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("grid_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("base_value", sa.JSON(), nullable=True),
        sa.Column("device_value", sa.JSON(), nullable=True),
        sa.Column("server_value", sa.JSON(), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict")),
    )
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflict_grid_id"), ["grid_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_conflict_record_id"), ["record_id"], unique=False)

    op.create_table(
        "device_health",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("queue_depth", sa.Integer(), nullable=False),
        sa.Column("oldest_unsent_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(), nullable=True),
        sa.Column("app_version", sa.String(length=32), nullable=True),
        sa.Column("reported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_device_health")),
    )
    with op.batch_alter_table("device_health", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_device_health_username"), ["username"], unique=False)

    op.create_table(
        "feed",
        sa.Column("rev", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("entity", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("grid_id", sa.String(length=36), nullable=True),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("rev", name=op.f("pk_feed")),
    )
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.create_index("ix_feed_grid_rev", ["grid_id", "rev"], unique=False)

    op.create_table(
        "held_link",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("photo_sha256", sa.String(length=64), nullable=False),
        sa.Column("grid_id", sa.String(length=36), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_held_link")),
    )
    with op.batch_alter_table("held_link", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_held_link_photo_sha256"), ["photo_sha256"], unique=False
        )

    op.create_table(
        "record_index",
        sa.Column("entity", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("grid_id", sa.String(length=36), nullable=True),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "record_id", name=op.f("pk_record_index")),
    )
    with op.batch_alter_table("record_index", schema=None) as batch_op:
        batch_op.create_index(
            "ix_record_index_scope", ["entity", "grid_id", "record_id"], unique=False
        )

    op.create_table(
        "rev_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rev_counter")),
    )
    op.execute("INSERT INTO rev_counter (id, value) VALUES (1, 0)")
    op.create_table(
        "server_meta",
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_server_meta")),
    )
    op.create_table(
        "server_user",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=50), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("grid_ids", sa.JSON(), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_server_user")),
    )
    op.create_table(
        "sync_batch",
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("receipts", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("batch_id", name=op.f("pk_sync_batch")),
    )
    op.create_table(
        "area",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("boundary", sa.JSON(), nullable=True),
        sa.Column("head_name", sa.String(length=50), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["area.id"], name=op.f("fk_area_parent_id_area")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_area")),
        sa.UniqueConstraint("code", name=op.f("uq_area_code")),
    )
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_area_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "catalogue",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("version", sa.String(length=16), nullable=False),
        sa.Column("entries", sa.JSON(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", "version", name=op.f("pk_catalogue")),
    )
    op.create_table(
        "photo",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("uploaded", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_photo")),
    )
    op.create_table(
        "building",
        sa.Column("grid_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("use", sa.String(length=32), nullable=False),
        sa.Column("floors", sa.Integer(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("head_name", sa.String(length=50), nullable=True),
        sa.Column("head_phone", sa.String(length=20), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["grid_id"], ["area.id"], name=op.f("fk_building_grid_id_area")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_building")),
    )
    with op.batch_alter_table("building", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_building_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_building_grid_id"), ["grid_id"], unique=False)

    op.create_table(
        "component",
        sa.Column("grid_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("category_code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("owner_unit", sa.String(length=100), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["grid_id"], ["area.id"], name=op.f("fk_component_grid_id_area")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_component")),
        sa.UniqueConstraint("code", name=op.f("uq_component_code")),
    )
    with op.batch_alter_table("component", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_component_grid_id"), ["grid_id"], unique=False)

    op.create_table(
        "grid_staff",
        sa.Column("grid_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("duty", sa.String(length=32), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["grid_id"], ["area.id"], name=op.f("fk_grid_staff_grid_id_area")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grid_staff")),
    )
    with op.batch_alter_table("grid_staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_grid_staff_grid_id"), ["grid_id"], unique=False)

    op.create_table(
        "patrol",
        sa.Column("grid_id", sa.String(length=36), nullable=False),
        sa.Column("worker", sa.String(length=64), nullable=False),
        sa.Column("slot", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("route", sa.JSON(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["grid_id"], ["area.id"], name=op.f("fk_patrol_grid_id_area")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol")),
    )
    with op.batch_alter_table("patrol", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_patrol_grid_id"), ["grid_id"], unique=False)

    op.create_table(
        "photo_link",
        sa.Column("photo_sha256", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["photo_sha256"], ["photo.sha256"], name=op.f("fk_photo_link_photo_sha256_photo")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photo_link")),
    )
    with op.batch_alter_table("photo_link", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_photo_link_photo_sha256"), ["photo_sha256"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_photo_link_record_id"), ["record_id"], unique=False)

    op.create_table(
        "household",
        sa.Column("grid_id", sa.String(length=36), nullable=False),
        sa.Column("building_id", sa.String(length=36), nullable=True),
        sa.Column("door_no", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("housing_use", sa.String(length=16), nullable=False),
        sa.Column("head_name", sa.String(length=50), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("landlord_name", sa.String(length=50), nullable=True),
        sa.Column("landlord_phone", sa.String(length=20), nullable=True),
        sa.Column("rental", sa.JSON(), nullable=True),
        sa.Column("contact_card", sa.Boolean(), nullable=False),
        sa.Column("last_visit_at", sa.DateTime(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["building_id"], ["building.id"], name=op.f("fk_household_building_id_building")
        ),
        sa.ForeignKeyConstraint(["grid_id"], ["area.id"], name=op.f("fk_household_grid_id_area")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household")),
    )
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_household_building_id"), ["building_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_household_grid_id"), ["grid_id"], unique=False)

    op.create_table(
        "place",
        sa.Column("grid_id", sa.String(length=36), nullable=False),
        sa.Column("building_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("responsible_name", sa.String(length=50), nullable=True),
        sa.Column("responsible_phone", sa.String(length=20), nullable=True),
        sa.Column("fire_safety", sa.JSON(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["building_id"], ["building.id"], name=op.f("fk_place_building_id_building")
        ),
        sa.ForeignKeyConstraint(["grid_id"], ["area.id"], name=op.f("fk_place_grid_id_area")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place")),
    )
    with op.batch_alter_table("place", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_place_building_id"), ["building_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_place_grid_id"), ["grid_id"], unique=False)

    op.create_table(
        "resident",
        sa.Column("grid_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("gender", sa.String(length=2), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.Column("domicile", sa.String(length=200), nullable=True),
        sa.Column("residence_type", sa.String(length=16), nullable=False),
        sa.Column("temporary", sa.JSON(), nullable=True),
        sa.Column("employment", sa.String(length=32), nullable=True),
        sa.Column("insurance", sa.JSON(), nullable=True),
        sa.Column("care_tags", sa.JSON(), nullable=True),
        sa.Column("restricted_tags", sa.JSON(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["grid_id"], ["area.id"], name=op.f("fk_resident_grid_id_area")),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_resident_household_id_household")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident")),
        sa.UniqueConstraint("id_number", name=op.f("uq_resident_id_number")),
    )
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resident_grid_id"), ["grid_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_resident_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_resident_name"), ["name"], unique=False)

    op.create_table(
        "visit",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("grid_id", sa.String(length=36), nullable=False),
        sa.Column("visitor", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("visited_at", sa.DateTime(), nullable=False),
        sa.Column("people_met", sa.JSON(), nullable=True),
        sa.Column("services", sa.Text(), nullable=True),
        sa.Column("satisfaction", sa.String(length=16), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["grid_id"], ["area.id"], name=op.f("fk_visit_grid_id_area")),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_visit_household_id_household")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_grid_id"), ["grid_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_household_id"), ["household_id"], unique=False)

    op.create_table(
        "issue",
        sa.Column("number", sa.String(length=32), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("category_code", sa.String(length=32), nullable=False),
        sa.Column("catalogue_version", sa.String(length=16), nullable=False),
        sa.Column("triage", sa.String(length=16), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("cause", sa.Text(), nullable=True),
        sa.Column("losses", sa.Text(), nullable=True),
        sa.Column("scope", sa.Text(), nullable=True),
        sa.Column("development", sa.Text(), nullable=True),
        sa.Column("measures", sa.Text(), nullable=True),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("reported_at", sa.DateTime(), nullable=True),
        sa.Column("reporter", sa.String(length=64), nullable=False),
        sa.Column("grid_id", sa.String(length=36), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("resident_id", sa.String(length=36), nullable=True),
        sa.Column("place_id", sa.String(length=36), nullable=True),
        sa.Column("component_id", sa.String(length=36), nullable=True),
        sa.Column("patrol_id", sa.String(length=36), nullable=True),
        sa.Column("department", sa.String(length=32), nullable=True),
        sa.Column("deadline_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["component_id"], ["component.id"], name=op.f("fk_issue_component_id_component")
        ),
        sa.ForeignKeyConstraint(["grid_id"], ["area.id"], name=op.f("fk_issue_grid_id_area")),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_issue_household_id_household")
        ),
        sa.ForeignKeyConstraint(
            ["patrol_id"], ["patrol.id"], name=op.f("fk_issue_patrol_id_patrol")
        ),
        sa.ForeignKeyConstraint(["place_id"], ["place.id"], name=op.f("fk_issue_place_id_place")),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_issue_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issue")),
        sa.UniqueConstraint("number", name=op.f("uq_issue_number")),
    )
    with op.batch_alter_table("issue", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_issue_category_code"), ["category_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_issue_deadline_at"), ["deadline_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_issue_grid_id"), ["grid_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_issue_status"), ["status"], unique=False)

    op.create_table(
        "issue_action",
        sa.Column("issue_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("actor_role", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=False),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("department", sa.String(length=32), nullable=True),
        sa.Column("deadline_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("sync_state", sa.String(length=16), nullable=False),
        sa.Column("rejected_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["issue_id"], ["issue.id"], name=op.f("fk_issue_action_issue_id_issue")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issue_action")),
    )
    with op.batch_alter_table("issue_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_issue_action_issue_id"), ["issue_id"], unique=False)

    op.create_table(
        "patrol_item",
        sa.Column("patrol_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=32), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("issue_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["issue_id"], ["issue.id"], name=op.f("fk_patrol_item_issue_id_issue")
        ),
        sa.ForeignKeyConstraint(
            ["patrol_id"], ["patrol.id"], name=op.f("fk_patrol_item_patrol_id_patrol")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_item")),
    )
    with op.batch_alter_table("patrol_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_patrol_item_patrol_id"), ["patrol_id"], unique=False)

    op.create_table(
        "task",
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("assignee", sa.String(length=64), nullable=False),
        sa.Column("grid_id", sa.String(length=36), nullable=False),
        sa.Column("issue_id", sa.String(length=36), nullable=True),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["grid_id"], ["area.id"], name=op.f("fk_task_grid_id_area")),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_task_household_id_household")
        ),
        sa.ForeignKeyConstraint(["issue_id"], ["issue.id"], name=op.f("fk_task_issue_id_issue")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task")),
    )
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_assignee"), ["assignee"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_grid_id"), ["grid_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_issue_id"), ["issue_id"], unique=False)

    op.create_table(
        "visit_need",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("issue_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["issue_id"], ["issue.id"], name=op.f("fk_visit_need_issue_id_issue")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_visit_need_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_need")),
    )
    with op.batch_alter_table("visit_need", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_need_visit_id"), ["visit_id"], unique=False)



def downgrade() -> None:
    with op.batch_alter_table("visit_need", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_need_visit_id"))

    op.drop_table("visit_need")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_issue_id"))
        batch_op.drop_index(batch_op.f("ix_task_grid_id"))
        batch_op.drop_index(batch_op.f("ix_task_assignee"))

    op.drop_table("task")
    with op.batch_alter_table("patrol_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patrol_item_patrol_id"))

    op.drop_table("patrol_item")
    with op.batch_alter_table("issue_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_issue_action_issue_id"))

    op.drop_table("issue_action")
    with op.batch_alter_table("issue", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_issue_status"))
        batch_op.drop_index(batch_op.f("ix_issue_grid_id"))
        batch_op.drop_index(batch_op.f("ix_issue_deadline_at"))
        batch_op.drop_index(batch_op.f("ix_issue_category_code"))

    op.drop_table("issue")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_household_id"))
        batch_op.drop_index(batch_op.f("ix_visit_grid_id"))

    op.drop_table("visit")
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resident_name"))
        batch_op.drop_index(batch_op.f("ix_resident_household_id"))
        batch_op.drop_index(batch_op.f("ix_resident_grid_id"))

    op.drop_table("resident")
    with op.batch_alter_table("place", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_grid_id"))
        batch_op.drop_index(batch_op.f("ix_place_building_id"))

    op.drop_table("place")
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_grid_id"))
        batch_op.drop_index(batch_op.f("ix_household_building_id"))

    op.drop_table("household")
    with op.batch_alter_table("photo_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photo_link_record_id"))
        batch_op.drop_index(batch_op.f("ix_photo_link_photo_sha256"))

    op.drop_table("photo_link")
    with op.batch_alter_table("patrol", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patrol_grid_id"))

    op.drop_table("patrol")
    with op.batch_alter_table("grid_staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_grid_staff_grid_id"))

    op.drop_table("grid_staff")
    with op.batch_alter_table("component", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_component_grid_id"))

    op.drop_table("component")
    with op.batch_alter_table("building", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_building_grid_id"))
        batch_op.drop_index(batch_op.f("ix_building_code"))

    op.drop_table("building")
    op.drop_table("photo")
    op.drop_table("catalogue")
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_area_parent_id"))

    op.drop_table("area")
    op.drop_table("sync_batch")
    op.drop_table("server_user")
    op.drop_table("server_meta")
    op.drop_table("rev_counter")
    with op.batch_alter_table("record_index", schema=None) as batch_op:
        batch_op.drop_index("ix_record_index_scope")

    op.drop_table("record_index")
    with op.batch_alter_table("held_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_held_link_photo_sha256"))

    op.drop_table("held_link")
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.drop_index("ix_feed_grid_rev")

    op.drop_table("feed")
    with op.batch_alter_table("device_health", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_device_health_username"))

    op.drop_table("device_health")
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflict_record_id"))
        batch_op.drop_index(batch_op.f("ix_conflict_grid_id"))

    op.drop_table("conflict")
    op.drop_table("change_receipt")
    op.drop_table("case_counter")
    with op.batch_alter_table("auth_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_auth_token_username"))

    op.drop_table("auth_token")
