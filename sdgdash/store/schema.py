"""Tables of the editable store (users, login failures, findings, uploads), one schema for
SQLite and PostgreSQL. Lists and disaggregations are JSON text so both backends read them alike;
times are naive UTC."""

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
