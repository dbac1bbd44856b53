"""The editable store: editor accounts, login throttling, seminar findings and local-data uploads.

One SQLAlchemy Core schema on SQLite (the embedded default) or PostgreSQL, chosen by URL.
Every write runs in one transaction, checks that its user may write, and records who and when.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from sdgdash.config import Settings
from sdgdash.store import schema
from sdgdash.store.accounts import NotAuthorized, User
from sdgdash.store.plans import PlanStore
from sdgdash.store.validate import (
    FindingInput,
    InvalidInput,
    Vocabulary,
    check_finding,
    has_control,
)

ROLES = ("editor", "admin")
USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,255}$")
PASSWORD_MIN = 10
ROW_COLUMNS = ("year", "series", "unit", "value")
FINDING_COLUMNS = [
    "id",
    "ref_area",
    "territory_id",
    "finding_date",
    "event_id",
    "tags",
    "priority_goals",
    "text",
    "source",
    "created_by",
    "created_at",
    "updated_by",
    "updated_at",
]
UPLOAD_COLUMNS = [
    "id",
    "territory_id",
    "indicator_id",
    "version",
    "status",
    "filename",
    "sha256",
    "size",
    "uploaded_by",
    "uploaded_at",
    "withdrawn_by",
    "withdrawn_at",
]


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _sqlite_file(url: sa.URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database).expanduser()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout and write-locking transactions."""
    parsed = sa.make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    path = _sqlite_file(parsed)
    if path is None:
        return sa.create_engine(parsed, pool_pre_ping=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(parsed.set(database=str(path)), connect_args={"timeout": 30})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_con, _record):
        # Let SQLAlchemy, not the driver, open transactions, so "begin" below decides how.
        dbapi_con.isolation_level = None
        cur = dbapi_con.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Take the write lock at the start: a deferred transaction that reads and then writes
        # fails with "database is locked" instead of waiting when another writer is active.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def open_store(url: str | None = None, settings: Settings | None = None) -> Store:
    """Open (and on first use create) the store at ``url`` (default: ``Settings.store_url``)."""
    settings = settings or Settings.from_env()
    engine = make_engine(url or settings.store_url)
    schema.metadata.create_all(engine)
    return Store(engine, settings)


def _user(row) -> User:
    return User(
        username=row.username,
        role=row.role,
        auth=row.auth,
        email=row.email,
        disabled=bool(row.disabled),
    )


def _row_records(upload_id: int, rows: pd.DataFrame) -> list[dict]:
    """Upload rows as insert records: disaggregation columns go into one JSON object per row."""
    missing = [c for c in ROW_COLUMNS if c not in rows.columns]
    if missing:
        raise ValueError(f"upload rows lack columns: {', '.join(missing)}")
    extra = sorted(c for c in rows.columns if c not in ROW_COLUMNS)
    out = []
    for rec in rows.to_dict("records"):
        value = float(rec["value"])
        if not math.isfinite(value):
            raise ValueError("upload values must be finite numbers")
        disagg = {str(c): str(rec[c]) for c in extra if rec[c] is not None and not pd.isna(rec[c])}
        out.append(
            {
                "upload_id": upload_id,
                "year": int(rec["year"]),
                "series": str(rec["series"]),
                "unit": str(rec["unit"]),
                "disaggregation": json.dumps(disagg, ensure_ascii=False, sort_keys=True),
                "value": value,
            }
        )
    return out


class Store(PlanStore):
    """Typed access to the store; construct with :func:`open_store`."""

    max_failures = 5
    failure_window = timedelta(minutes=15)

    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        now: Callable[[], datetime] = _utcnow,
        hasher: PasswordHasher | None = None,
    ):
        self.engine = engine
        self.settings = settings
        self._now = now
        self._hasher = hasher or PasswordHasher()
        self._vocab: Vocabulary | None = None
        self._dummy_hash: str | None = None

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @property
    def vocabulary(self) -> Vocabulary:
        """Regions, territories, tags and events a finding may name (read once)."""
        if self._vocab is None:
            self._vocab = Vocabulary.from_settings(self.settings)
        return self._vocab

    def dispose(self) -> None:
        """Close the engine's pooled connections."""
        self.engine.dispose()

    # --- users -------------------------------------------------------------------------------

    def create_user(
        self,
        username: str,
        password: str | None = None,
        role: str = "editor",
        auth: str = "password",
        email: str | None = None,
    ) -> User:
        """Add an account; a password account needs a password of at least 10 characters."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        if auth == "password":
            if not USERNAME.match(username or ""):
                raise ValueError("username: 1-64 letters, digits, '.', '_', '@' or '-'")
            if password is None or len(password) < PASSWORD_MIN:
                raise ValueError(f"password must have at least {PASSWORD_MIN} characters")
            password_hash = self._hasher.hash(password)
        elif auth == "oidc":
            if not EMAIL.match(username or ""):
                raise ValueError("an identity-provider account is named by its e-mail address")
            password_hash = None
            username = username.lower()
            email = username
        else:
            raise ValueError("auth must be 'password' or 'oidc'")
        if email is not None and not EMAIL.match(email):
            raise ValueError("email is not an e-mail address")
        if has_control(username) or (email is not None and has_control(email)):
            raise ValueError("a user name holds no control characters")
        with self.engine.begin() as conn:
            try:
                conn.execute(
                    schema.users.insert().values(
                        username=username,
                        password_hash=password_hash,
                        role=role,
                        auth=auth,
                        email=email,
                        created_at=self._now(),
                        disabled=False,
                    )
                )
            except IntegrityError as exc:
                raise ValueError(f"user {username!r} exists") from exc
        return User(username, role, auth, email, False)

    def allow_oidc(self, email: str, role: str = "editor") -> User:
        """Let the identity-provider user with ``email`` edit (see :meth:`oidc_user`)."""
        return self.create_user(email.strip(), role=role, auth="oidc")

    def set_password(self, username: str, password: str) -> None:
        """Replace a password account's password (and clear its login failures)."""
        if len(password) < PASSWORD_MIN:
            raise ValueError(f"password must have at least {PASSWORD_MIN} characters")
        users = schema.users
        with self.engine.begin() as conn:
            done = conn.execute(
                users.update()
                .where(users.c.username == username, users.c.auth == "password")
                .values(password_hash=self._hasher.hash(password))
            )
            if done.rowcount != 1:
                raise ValueError(f"no password account {username!r}")
            conn.execute(
                schema.login_failures.delete().where(schema.login_failures.c.username == username)
            )

    def set_disabled(self, username: str, disabled: bool = True) -> None:
        """Disable (or re-enable) an account; a disabled account can neither log in nor write."""
        users = schema.users
        with self.engine.begin() as conn:
            done = conn.execute(
                users.update().where(users.c.username == username).values(disabled=disabled)
            )
            if done.rowcount != 1:
                raise ValueError(f"no user {username!r}")

    def users(self) -> pd.DataFrame:
        """All accounts (without password hashes)."""
        u = schema.users
        query = sa.select(u.c.username, u.c.role, u.c.auth, u.c.email, u.c.created_at, u.c.disabled)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(u.c.username)).all()
        return pd.DataFrame(
            [r._asdict() for r in rows],
            columns=["username", "role", "auth", "email", "created_at", "disabled"],
        )

    def user(self, username: str) -> User | None:
        """The account ``username``, or None."""
        if has_control(username):  # no account has one (and PostgreSQL cannot compare NUL)
            return None
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(schema.users).where(schema.users.c.username == username)
            ).first()
        return _user(row) if row else None

    def oidc_user(self, email: str | None) -> User | None:
        """The enabled identity-provider account allowed for ``email``, or None."""
        if not email:
            return None
        user = self.user(email.strip().lower())
        return user if user and user.auth == "oidc" and not user.disabled else None

    def _recent_failures(self, conn: Connection, username: str, now: datetime) -> int:
        lf = schema.login_failures
        query = sa.select(sa.func.count()).where(
            lf.c.username == username, lf.c.failed_at > now - self.failure_window
        )
        return int(conn.execute(query).scalar_one())

    def login_locked(self, username: str) -> bool:
        """Whether ``username`` has had too many failed logins recently (5 in 15 minutes)."""
        with self.engine.connect() as conn:
            return self._recent_failures(conn, username, self._now()) >= self.max_failures

    def authenticate(self, username: str, password: str) -> User | None:
        """The user when ``password`` is right and the account is enabled and not locked.

        Failures are recorded in the database, so the lock holds across processes and
        replicas; while locked, even the right password is refused.
        """
        username = (username or "")[:320]
        if has_control(username):
            # No account has such a name, and PostgreSQL cannot even compare one holding NUL:
            # refuse it after the time a real check takes (no failure to count against anyone).
            self._dummy_hash = self._dummy_hash or self._hasher.hash("not a password")
            with contextlib.suppress(VerificationError):
                self._hasher.verify(self._dummy_hash, password or "-")
            return None
        now = self._now()
        with self.engine.connect() as conn:
            if self._recent_failures(conn, username, now) >= self.max_failures:
                return None
            row = conn.execute(
                sa.select(schema.users).where(schema.users.c.username == username)
            ).first()
        ok = False
        if row is not None and row.auth == "password" and row.password_hash:
            try:
                ok = self._hasher.verify(row.password_hash, password)
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                ok = False
        else:
            # Spend the same time as a real check, so timing does not reveal which names exist.
            self._dummy_hash = self._dummy_hash or self._hasher.hash("not a password")
            with contextlib.suppress(VerificationError):
                self._hasher.verify(self._dummy_hash, password or "-")
        ok = ok and not row.disabled
        with self.engine.begin() as conn:
            lf = schema.login_failures
            if not ok:
                conn.execute(lf.insert().values(username=username, failed_at=now))
                return None
            conn.execute(lf.delete().where(lf.c.username == username))
            if self._hasher.check_needs_rehash(row.password_hash):
                conn.execute(
                    schema.users.update()
                    .where(schema.users.c.username == username)
                    .values(password_hash=self._hasher.hash(password))
                )
        return _user(row)

    def _writer(self, conn: Connection, user: User | None) -> User:
        """The current record of ``user`` when it may write, inside the write's transaction."""
        if not isinstance(user, User):
            raise NotAuthorized("a login is needed to write")
        row = conn.execute(
            sa.select(schema.users).where(schema.users.c.username == user.username)
        ).first()
        if row is None or row.disabled or row.role not in ROLES:
            raise NotAuthorized(f"{user.username!r} may not write")
        return _user(row)

    # --- findings ----------------------------------------------------------------------------

    def add_finding(self, finding: FindingInput, user: User) -> int:
        """Validate and store one finding by ``user``; returns its id (InvalidInput if bad)."""
        errors = check_finding(finding, self.vocabulary, today=self._now().date())
        if errors:
            raise InvalidInput(errors)
        now = self._now()
        with self.engine.begin() as conn:
            writer = self._writer(conn, user)
            self._check_place(conn, writer, finding.ref_area or finding.territory_id)
            result = conn.execute(
                schema.findings.insert()
                .values(
                    ref_area=finding.ref_area or None,
                    territory_id=finding.territory_id or None,
                    finding_date=finding.finding_date,
                    event_id=(finding.event_id or "").strip() or None,
                    tags=json.dumps(sorted(set(finding.tags)), ensure_ascii=False),
                    priority_goals=json.dumps(sorted(set(finding.priority_goals))),
                    text=finding.text.strip(),
                    source=finding.source.strip(),
                    created_by=writer.username,
                    created_at=now,
                    withdrawn=False,
                )
                .returning(schema.findings.c.id)
            )
            return int(result.scalar_one())

    def withdraw_finding(self, finding_id: int, user: User) -> None:
        """Withdraw a finding (its author, or an admin); it stays stored but is no longer listed."""
        f = schema.findings
        now = self._now()
        with self.engine.begin() as conn:
            writer = self._writer(conn, user)
            row = conn.execute(sa.select(f).where(f.c.id == int(finding_id))).first()
            if row is None or row.withdrawn:
                raise ValueError(f"no finding {finding_id}")
            if writer.role != "admin" and row.created_by != writer.username:
                raise NotAuthorized("only the author or an admin may withdraw a finding")
            conn.execute(
                f.update()
                .where(f.c.id == row.id)
                .values(
                    withdrawn=True,
                    withdrawn_by=writer.username,
                    withdrawn_at=now,
                    updated_by=writer.username,
                    updated_at=now,
                )
            )

    def findings(
        self,
        ref_area: str | None = None,
        territory_id: str | None = None,
        tag: str | None = None,
        goal: int | None = None,
    ) -> pd.DataFrame:
        """Findings in force (newest first), filtered; ``tags``/``priority_goals`` are lists."""
        f = schema.findings
        query = sa.select(*(f.c[c] for c in FINDING_COLUMNS)).where(f.c.withdrawn.is_(False))
        if ref_area:
            query = query.where(f.c.ref_area == ref_area)
        if territory_id:
            query = query.where(f.c.territory_id == territory_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(f.c.finding_date.desc(), f.c.id.desc())).all()
        frame = pd.DataFrame([r._asdict() for r in rows], columns=FINDING_COLUMNS)
        for column in ("ref_area", "territory_id", "event_id", "updated_by", "updated_at"):
            # Missing values are None (not NaN), whatever dtype pandas infers for the column.
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
        frame["tags"] = [json.loads(v) for v in frame["tags"]]
        frame["priority_goals"] = [json.loads(v) for v in frame["priority_goals"]]
        # Boolean Series, not lists: an empty list would select no columns instead of no rows.
        if tag:
            frame = frame[frame["tags"].map(lambda v: tag in v).astype(bool)]
        if goal is not None:
            frame = frame[frame["priority_goals"].map(lambda v: int(goal) in v).astype(bool)]
        frame["id"] = frame["id"].astype("int64")
        return frame.reset_index(drop=True)

    # --- uploads -----------------------------------------------------------------------------

    def save_upload(
        self,
        territory_id: str,
        indicator_id: str,
        filename: str,
        content: bytes,
        rows: pd.DataFrame,
        user: User,
    ) -> int:
        """Store a validated upload as the new active version (the previous active one becomes
        ``replaced``), with its original file and rows, in one transaction; returns its id.

        ``rows`` has columns year, series, unit, value and any disaggregation columns.
        """
        if territory_id not in self.vocabulary.territory_ids:
            raise ValueError(f"unknown territory {territory_id!r}")
        if not indicator_id or len(indicator_id) > 32 or has_control(indicator_id):
            raise ValueError("indicator_id is missing, too long or not text")
        # The browser's file name, without folders and control characters (NUL would fail on
        # PostgreSQL after the file was checked).
        name = "".join(ch for ch in Path(str(filename)).name if not has_control(ch))
        filename = name[:255] or "upload"
        digest = hashlib.sha256(content).hexdigest()
        for attempt in range(3):
            try:
                return self._save_upload_once(
                    territory_id, indicator_id, filename, content, digest, rows, user
                )
            except IntegrityError:
                # A concurrent upload of the same territory and indicator took the version
                # number or the active slot first; the transaction rolled back, so retry.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _save_upload_once(self, territory_id, indicator_id, filename, content, digest, rows, user):
        up = schema.uploads
        now = self._now()
        key = (up.c.territory_id == territory_id, up.c.indicator_id == indicator_id)
        with self.engine.begin() as conn:
            writer = self._writer(conn, user)
            self._check_place(conn, writer, territory_id)
            if self.backend == "postgresql":
                # Serialise uploads of one territory and indicator (SQLite's BEGIN IMMEDIATE
                # already serialises every writer), so the version read below stays the latest.
                conn.execute(
                    sa.select(
                        sa.func.pg_advisory_xact_lock(
                            sa.func.hashtext(sa.literal(f"upload:{territory_id}:{indicator_id}"))
                        )
                    )
                )
            version = conn.execute(sa.select(sa.func.max(up.c.version)).where(*key)).scalar()
            conn.execute(up.update().where(*key, up.c.status == "active").values(status="replaced"))
            upload_id = conn.execute(
                up.insert()
                .values(
                    territory_id=territory_id,
                    indicator_id=indicator_id,
                    version=(version or 0) + 1,
                    status="active",
                    filename=filename,
                    content=bytes(content),
                    sha256=digest,
                    uploaded_by=writer.username,
                    uploaded_at=now,
                )
                .returning(up.c.id)
            ).scalar_one()
            records = _row_records(upload_id, rows)
            if records:
                conn.execute(schema.upload_rows.insert(), records)
            return int(upload_id)

    def withdraw_upload(self, upload_id: int, user: User) -> None:
        """Withdraw an upload version (kept, with its file); its rows are no longer shown."""
        up = schema.uploads
        now = self._now()
        with self.engine.begin() as conn:
            writer = self._writer(conn, user)
            place = conn.execute(sa.select(up.c.territory_id).where(up.c.id == int(upload_id)))
            self._check_place(conn, writer, place.scalar())
            done = conn.execute(
                up.update()
                .where(up.c.id == int(upload_id), up.c.status != "withdrawn")
                .values(status="withdrawn", withdrawn_by=writer.username, withdrawn_at=now)
            )
            if done.rowcount != 1:
                raise ValueError(f"no upload {upload_id} in force")

    def uploads(
        self, territory_id: str | None = None, include_history: bool = False
    ) -> pd.DataFrame:
        """Upload versions (active only unless ``include_history``), without file contents."""
        up = schema.uploads
        cols = [up.c[c] for c in UPLOAD_COLUMNS if c != "size"]
        query = sa.select(*cols, sa.func.length(up.c.content).label("size"))
        if territory_id:
            query = query.where(up.c.territory_id == territory_id)
        if not include_history:
            query = query.where(up.c.status == "active")
        query = query.order_by(up.c.territory_id, up.c.indicator_id, up.c.version.desc())
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        frame = pd.DataFrame([r._asdict() for r in rows], columns=[*UPLOAD_COLUMNS])
        return frame[UPLOAD_COLUMNS]

    def upload_rows(self, territory_id: str, indicator_id: str | None = None) -> pd.DataFrame:
        """Rows of the active upload versions of a territory, disaggregations as columns."""
        up, ur = schema.uploads, schema.upload_rows
        query = (
            sa.select(
                up.c.id.label("upload_id"),
                up.c.territory_id,
                up.c.indicator_id,
                up.c.version,
                ur.c.year,
                ur.c.series,
                ur.c.unit,
                ur.c.disaggregation,
                ur.c.value,
            )
            .join(ur, ur.c.upload_id == up.c.id)
            .where(up.c.territory_id == territory_id, up.c.status == "active")
        )
        if indicator_id:
            query = query.where(up.c.indicator_id == indicator_id)
        query = query.order_by(up.c.indicator_id, ur.c.series, ur.c.year, ur.c.id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        base = [
            "upload_id",
            "territory_id",
            "indicator_id",
            "version",
            "year",
            "series",
            "unit",
            "value",
        ]
        frame = pd.DataFrame([r._asdict() for r in rows], columns=[*base, "disaggregation"])
        disagg = pd.DataFrame(
            [json.loads(v) for v in frame["disaggregation"]], index=frame.index, dtype=object
        )
        out = pd.concat([frame[base], disagg], axis=1)
        return out.astype({"upload_id": "int64", "version": "int64", "year": "int64"})

    def upload_file(self, upload_id: int) -> tuple[str, bytes]:
        """The original file of an upload version: (file name, bytes)."""
        up = schema.uploads
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(up.c.filename, up.c.content).where(up.c.id == int(upload_id))
            ).first()
        if row is None:
            raise ValueError(f"no upload {upload_id}")
        return row.filename, bytes(row.content)
