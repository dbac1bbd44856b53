"""Tables of the editable store (users, login failures, findings, uploads, plan targets, editors'
places), one schema for SQLite and PostgreSQL. Lists and disaggregations are JSON text so both
backends read them alike; times are naive UTC. Tables added later are created on an existing
store by ``metadata.create_all`` (it creates missing tables and leaves existing ones alone)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("username", String(320), primary_key=True),
    Column("password_hash", Text, nullable=True),  # NULL for identity-provider (oidc) users
    Column("role", String(16), nullable=False),  # editor | admin
    Column("auth", String(16), nullable=False),  # password | oidc
    Column("email", String(320), nullable=True),
    Column("created_at", DateTime(), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(320), nullable=False),
    Column("failed_at", DateTime(), nullable=False),
    Index("ix_login_failures_user_time", "username", "failed_at"),
)

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ref_area", String(32), nullable=True),
    Column("territory_id", String(100), nullable=True),
    Column("finding_date", Date, nullable=False),
    Column("event_id", String(100), nullable=True),
    Column("tags", Text, nullable=False),  # JSON list of tag ids
    Column("priority_goals", Text, nullable=False),  # JSON list of goals 1..17
    Column("text", Text, nullable=False),
    Column("source", String(500), nullable=False),
    Column("created_by", String(320), nullable=False),
    Column("created_at", DateTime(), nullable=False),
    Column("updated_by", String(320), nullable=True),
    Column("updated_at", DateTime(), nullable=True),
    Column("withdrawn", Boolean, nullable=False, default=False),
    Column("withdrawn_by", String(320), nullable=True),
    Column("withdrawn_at", DateTime(), nullable=True),
    Index("ix_findings_ref_area", "ref_area"),
    Index("ix_findings_territory", "territory_id"),
)

uploads = Table(
    "uploads",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("territory_id", String(100), nullable=False),
    Column("indicator_id", String(32), nullable=False),
    Column("version", Integer, nullable=False),
    Column("status", String(16), nullable=False),  # active | replaced | withdrawn
    Column("filename", String(255), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("uploaded_by", String(320), nullable=False),
    Column("uploaded_at", DateTime(), nullable=False),
    Column("withdrawn_by", String(320), nullable=True),
    Column("withdrawn_at", DateTime(), nullable=True),
    UniqueConstraint("territory_id", "indicator_id", "version", name="uq_upload_version"),
    # At most one active version per territory and indicator, enforced by the database.
    Index(
        "uq_upload_active",
        "territory_id",
        "indicator_id",
        unique=True,
        sqlite_where=text("status = 'active'"),
        postgresql_where=text("status = 'active'"),
    ),
)

upload_rows = Table(
    "upload_rows",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("upload_id", Integer, ForeignKey("uploads.id", ondelete="CASCADE"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("series", String(200), nullable=False),
    Column("unit", String(200), nullable=False),
    Column("disaggregation", Text, nullable=False),  # JSON object column -> value
    Column("value", Float, nullable=False),
    Index("ix_upload_rows_upload", "upload_id"),
)

# --- regional plan targets (sdgdash/store/plans.py) ------------------------------------------

plan_files = Table(
    "plan_files",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("place", String(100), nullable=False),
    Column("filename", String(255), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("uploaded_by", String(320), nullable=False),
    Column("uploaded_at", DateTime(), nullable=False),
    Index("ix_plan_files_place", "place"),
)

# One row per version of one target (place x indicator x selection); a correction adds a version
# and marks the previous one replaced, a withdrawal marks the active one withdrawn.
plan_targets = Table(
    "plan_targets",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("place_kind", String(16), nullable=False),  # region | territory
    Column("place", String(100), nullable=False),  # ref_area or territory id
    Column("indicator_id", String(32), nullable=False),
    Column("series", String(200), nullable=False),
    Column("unit", String(200), nullable=False),
    Column("disaggregation", Text, nullable=False),  # JSON object column -> code, totals left out
    Column("version", Integer, nullable=False),
    Column("status", String(16), nullable=False),  # active | replaced | withdrawn
    Column("baseline_year", Integer, nullable=False),
    Column("baseline_value", Float, nullable=False),
    Column("document_name", String(300), nullable=False),
    Column("document_date", Date, nullable=False),
    Column("document_ref", String(100), nullable=False),
    Column("file_id", Integer, ForeignKey("plan_files.id"), nullable=True),  # NULL: typed in
    Column("entered_by", String(320), nullable=False),
    Column("entered_at", DateTime(), nullable=False),
    Column("withdrawn_by", String(320), nullable=True),
    Column("withdrawn_at", DateTime(), nullable=True),
    UniqueConstraint(
        "place",
        "indicator_id",
        "series",
        "unit",
        "disaggregation",
        "version",
        name="uq_plan_version",
    ),
    # At most one version in force per target, enforced by the database.
    Index(
        "uq_plan_active",
        "place",
        "indicator_id",
        "series",
        "unit",
        "disaggregation",
        unique=True,
        sqlite_where=text("status = 'active'"),
        postgresql_where=text("status = 'active'"),
    ),
    Index("ix_plan_targets_indicator", "indicator_id"),
)

plan_values = Table(
    "plan_values",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", Integer, ForeignKey("plan_targets.id", ondelete="CASCADE"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("value", Float, nullable=False),
    UniqueConstraint("plan_id", "year", name="uq_plan_value_year"),
)

# Places an editor may write for; an editor without rows here may write for every place.
editor_places = Table(
    "editor_places",
    metadata,
    Column("username", String(320), primary_key=True),
    Column("place", String(100), primary_key=True),
    Column("set_by", String(320), nullable=False),
    Column("set_at", DateTime(), nullable=False),
)
