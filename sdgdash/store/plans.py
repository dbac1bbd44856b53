"""Regional plan targets in the editable store, and the places an editor may write for.

A target (place x indicator selection) has versions: saving it again (a correction, or the same
selection in a new file) keeps the previous version as ``replaced``; withdrawing marks the
version in force ``withdrawn``. Every write is one transaction that checks its user (an enabled
editor, limited to their places when an admin set some) and records who and when. A file's
targets are all stored, with the original file, or none.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from sdgdash.data.catalog import DISAGGREGATIONS
from sdgdash.features.plans.validate import PlanCatalogue, PlanInput, check_plan, message_key
from sdgdash.store import schema
from sdgdash.store.accounts import NotAuthorized, User

PLAN_COLUMNS: list[str] = [
    "plan_id",
    "place_kind",
    "place",
    "indicator_id",
    "series",
    "unit",
    *DISAGGREGATIONS,
    "version",
    "status",
    "baseline_year",
    "baseline_value",
    "document_name",
    "document_date",
    "document_ref",
    "file_id",
    "entered_by",
    "entered_at",
    "withdrawn_by",
    "withdrawn_at",
]
VALUE_COLUMNS: list[str] = ["plan_id", "year", "value"]
FILE_COLUMNS: list[str] = ["file_id", "place", "filename", "sha256", "size", "uploaded_by"]
FILE_COLUMNS += ["uploaded_at", "targets"]


class PlanConflict(ValueError):
    """A correction made from a version that another editor has replaced or withdrawn since."""


def _disaggregation(inp: PlanInput) -> str:
    codes = inp.selection.disaggregation()
    return json.dumps(codes, ensure_ascii=False, sort_keys=True)


def _key_clauses(inp: PlanInput) -> list:
    pt = schema.plan_targets
    sel = inp.selection
    return [
        pt.c.place == inp.place,
        pt.c.indicator_id == sel.indicator_id,
        pt.c.series == sel.series,
        pt.c.unit == sel.unit,
        pt.c.disaggregation == _disaggregation(inp),
    ]


class PlanStore:
    """The plan-target methods of :class:`sdgdash.store.Store` (a mixin: uses its engine,
    clock, settings and ``_writer``)."""

    _plan_catalogue: PlanCatalogue | None = None
    _parents: dict[str, str] | None = None

    @property
    def plan_catalogue(self) -> PlanCatalogue:
        """Places and the selections their region's data have (read once, for checks)."""
        if self._plan_catalogue is None:
            self._plan_catalogue = PlanCatalogue.from_settings(self.settings)
        return self._plan_catalogue

    # --- places an editor may write for ----------------------------------------------------

    def _parent_of(self, place: str) -> str | None:
        from sdgdash.store.validate import territories

        if self._parents is None:
            frame = territories(self.settings.geodata_dir)
            self._parents = dict(
                zip(frame["id"].astype(str), frame["parent_ref_area"].astype(str), strict=True)
            )
        return self._parents.get(place)

    def _places_of(self, conn: Connection, username: str) -> frozenset[str]:
        ep = schema.editor_places
        rows = conn.execute(sa.select(ep.c.place).where(ep.c.username == username)).scalars()
        return frozenset(rows)

    def _covers(self, role: str, limits: frozenset[str], place: str | None) -> bool:
        # A region covers its pilot territories; an admin and an unlimited editor cover all.
        if role == "admin" or not limits:
            return True
        return bool(place) and (place in limits or self._parent_of(place) in limits)

    def _check_place(self, conn: Connection, writer: User, place: str | None) -> None:
        """Raise NotAuthorized when ``writer`` is limited to places that exclude ``place``."""
        if not self._covers(writer.role, self._places_of(conn, writer.username), place):
            raise NotAuthorized(f"{writer.username!r} may not write for {place!r}")

    def set_editor_places(self, username: str, places: Iterable[str], by: str = "admin") -> None:
        """Limit ``username`` to ``places`` (regions cover their pilot territories); an empty
        list lifts the limit. Unknown places are refused."""
        places = sorted({str(p).strip() for p in places if str(p).strip()})
        unknown = [p for p in places if self.plan_catalogue.kind(p) is None]
        if unknown:
            raise ValueError(f"unknown places: {', '.join(unknown)}")
        ep = schema.editor_places
        now = self._now()
        with self.engine.begin() as conn:
            found = conn.execute(
                sa.select(schema.users.c.username).where(schema.users.c.username == username)
            ).first()
            if found is None:
                raise ValueError(f"no user {username!r}")
            conn.execute(ep.delete().where(ep.c.username == username))
            if places:
                conn.execute(
                    ep.insert(),
                    [
                        {"username": username, "place": p, "set_by": by, "set_at": now}
                        for p in places
                    ],
                )

    def editor_places(self, username: str) -> frozenset[str]:
        """The places ``username`` is limited to (empty: no limit)."""
        with self.engine.connect() as conn:
            return self._places_of(conn, username)

    def may_edit_place(self, user: User | None, place: str) -> bool:
        """Whether ``user`` may write targets, findings or local data for ``place`` now."""
        try:
            with self.engine.connect() as conn:
                writer = self._writer(conn, user)
                return self._covers(writer.role, self._places_of(conn, writer.username), place)
        except NotAuthorized:
            return False

    # --- writes ----------------------------------------------------------------------------

    def save_plan(self, inp: PlanInput, user: User, replaces: int | None = None) -> int:
        """Check and store one target as the version in force; returns its id.

        With ``replaces`` (the id of the version the editor corrected), the save is refused
        with :class:`PlanConflict` when another version has come into force since.
        """
        return self._save_plans([inp], user, None, replaces)[0]

    def save_plan_file(
        self, place: str, filename: str, content: bytes, entries: Iterable[PlanInput], user: User
    ) -> list[int]:
        """Store every target of a checked file (``validate_file(...).entries``) with the
        original file, in one transaction: all of them or, on any problem, none."""
        entries = list(entries)
        if not entries:
            raise ValueError("a plan file with no targets")
        if any(e.place != place for e in entries):
            raise ValueError("every target of a file must name the file's place")
        name = Path(str(filename)).name[:255] or "plan"
        return self._save_plans(entries, user, (place, name, bytes(content)), None)

    def _save_plans(self, entries, user, file, replaces) -> list[int]:
        from sdgdash.store.validate import FieldError, InvalidInput

        today = self._now().date()
        errors = []
        for inp in entries:
            for p in check_plan(inp, self.plan_catalogue, today):
                errors.append(FieldError(p.column or "plan", message_key(p.code), p.params))
        if errors:
            raise InvalidInput(errors)
        keys = [inp.key() for inp in entries]
        if len(set(keys)) != len(keys):
            raise ValueError("the same target twice in one save")
        for attempt in range(3):
            try:
                return self._save_plans_once(entries, user, file, replaces)
            except IntegrityError:
                # A concurrent save of the same target took the version number or the active
                # slot first; the transaction rolled back, so try again on the new state.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _save_plans_once(self, entries, user, file, replaces) -> list[int]:
        pt, pv = schema.plan_targets, schema.plan_values
        now = self._now()
        with self.engine.begin() as conn:
            writer = self._writer(conn, user)
            for place in sorted({e.place for e in entries}):
                self._check_place(conn, writer, place)
            if self.backend == "postgresql":
                # Serialise saves of one target (SQLite's BEGIN IMMEDIATE already serialises
                # every writer); locks taken in one order, so two files cannot deadlock.
                for key in sorted({json.dumps(e.key(), ensure_ascii=False) for e in entries}):
                    conn.execute(
                        sa.select(
                            sa.func.pg_advisory_xact_lock(
                                sa.func.hashtext(sa.literal(f"plan:{key}"))
                            )
                        )
                    )
            file_id = None
            if file is not None:
                place, name, content = file
                file_id = conn.execute(
                    schema.plan_files.insert()
                    .values(
                        place=place,
                        filename=name,
                        content=content,
                        sha256=hashlib.sha256(content).hexdigest(),
                        uploaded_by=writer.username,
                        uploaded_at=now,
                    )
                    .returning(schema.plan_files.c.id)
                ).scalar_one()
            ids = []
            for inp in entries:
                key = _key_clauses(inp)
                active = conn.execute(
                    sa.select(pt.c.id).where(*key, pt.c.status == "active")
                ).scalar()
                if replaces is not None and active != int(replaces):
                    raise PlanConflict(
                        f"target {replaces} is no longer in force (now: {active or 'none'})"
                    )
                version = conn.execute(sa.select(sa.func.max(pt.c.version)).where(*key)).scalar()
                if active is not None:
                    conn.execute(pt.update().where(pt.c.id == active).values(status="replaced"))
                sel = inp.selection
                plan_id = conn.execute(
                    pt.insert()
                    .values(
                        place_kind=self.plan_catalogue.kind(inp.place),
                        place=inp.place,
                        indicator_id=sel.indicator_id,
                        series=sel.series,
                        unit=sel.unit,
                        disaggregation=_disaggregation(inp),
                        version=(version or 0) + 1,
                        status="active",
                        baseline_year=int(inp.baseline_year),
                        baseline_value=float(inp.baseline_value),
                        document_name=inp.document_name.strip(),
                        document_date=inp.document_date,
                        document_ref=(inp.document_ref or "").strip(),
                        file_id=file_id,
                        entered_by=writer.username,
                        entered_at=now,
                    )
                    .returning(pt.c.id)
                ).scalar_one()
                conn.execute(
                    pv.insert(),
                    [
                        {"plan_id": plan_id, "year": int(y), "value": float(v)}
                        for y, v in sorted(inp.planned)
                    ],
                )
                ids.append(int(plan_id))
            return ids

    def withdraw_plan(self, plan_id: int, user: User) -> None:
        """Withdraw the target version ``plan_id`` (kept, no longer shown or assessed)."""
        pt = schema.plan_targets
        now = self._now()
        with self.engine.begin() as conn:
            writer = self._writer(conn, user)
            row = conn.execute(sa.select(pt.c.place, pt.c.status).where(pt.c.id == int(plan_id)))
            row = row.first()
            if row is None or row.status != "active":
                raise ValueError(f"no plan target {plan_id} in force")
            self._check_place(conn, writer, row.place)
            conn.execute(
                pt.update()
                .where(pt.c.id == int(plan_id), pt.c.status == "active")
                .values(status="withdrawn", withdrawn_by=writer.username, withdrawn_at=now)
            )

    # --- reads -----------------------------------------------------------------------------

    def plan_revision(self) -> tuple[int, int]:
        """(newest target version id, number of withdrawn versions): changes with every save and
        every withdrawal, so a cache keyed on it is never stale, whichever process wrote."""
        pt = schema.plan_targets
        query = sa.select(
            sa.func.coalesce(sa.func.max(pt.c.id), 0),
            sa.func.count().filter(pt.c.status == "withdrawn"),
        )
        with self.engine.connect() as conn:
            newest, withdrawn = conn.execute(query).one()
        return int(newest), int(withdrawn)

    def plans(
        self,
        place: str | None = None,
        indicator_id: str | None = None,
        include_history: bool = False,
    ) -> pd.DataFrame:
        """Target versions (in force only unless ``include_history``), one row each, with the
        disaggregation as columns ("" = total, as in data/observations.parquet)."""
        pt = schema.plan_targets
        query = sa.select(pt)
        if place:
            query = query.where(pt.c.place == place)
        if indicator_id:
            query = query.where(pt.c.indicator_id == indicator_id)
        if not include_history:
            query = query.where(pt.c.status == "active")
        query = query.order_by(
            pt.c.place, pt.c.indicator_id, pt.c.series, pt.c.unit, pt.c.disaggregation
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(pt.c.version.desc())).all()
        records = []
        for r in rows:
            rec = r._asdict()
            codes = json.loads(rec.pop("disaggregation"))
            rec["plan_id"] = rec.pop("id")
            records.append(rec | {d: codes.get(d, "") for d in DISAGGREGATIONS})
        frame = pd.DataFrame(records, columns=PLAN_COLUMNS)
        for column in ("file_id", "withdrawn_by", "withdrawn_at"):
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
        return frame.astype({"plan_id": "int64", "version": "int64", "baseline_year": "int64"})

    def plan_values(
        self,
        plan_ids: Iterable[int] | None = None,
        place: str | None = None,
        indicator_id: str | None = None,
    ) -> pd.DataFrame:
        """Planned (year, value) of the given versions, else of every target in force
        (optionally of one place / indicator); sorted by target and year."""
        pt, pv = schema.plan_targets, schema.plan_values
        query = sa.select(pv.c.plan_id, pv.c.year, pv.c.value).join(pt, pt.c.id == pv.c.plan_id)
        if plan_ids is not None:
            query = query.where(pv.c.plan_id.in_([int(i) for i in plan_ids]))
        else:
            query = query.where(pt.c.status == "active")
        if place:
            query = query.where(pt.c.place == place)
        if indicator_id:
            query = query.where(pt.c.indicator_id == indicator_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(pv.c.plan_id, pv.c.year)).all()
        frame = pd.DataFrame([r._asdict() for r in rows], columns=VALUE_COLUMNS)
        return frame.astype({"plan_id": "int64", "year": "int64", "value": "float64"})

    def plan_files(self, place: str | None = None) -> pd.DataFrame:
        """Plan files uploaded (newest first) with how many targets each brought in."""
        pf, pt = schema.plan_files, schema.plan_targets
        count = (
            sa.select(sa.func.count())
            .where(pt.c.file_id == pf.c.id)
            .scalar_subquery()
            .label("targets")
        )
        query = sa.select(
            pf.c.id.label("file_id"),
            pf.c.place,
            pf.c.filename,
            pf.c.sha256,
            sa.func.length(pf.c.content).label("size"),
            pf.c.uploaded_by,
            pf.c.uploaded_at,
            count,
        )
        if place:
            query = query.where(pf.c.place == place)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(pf.c.id.desc())).all()
        return pd.DataFrame([r._asdict() for r in rows], columns=FILE_COLUMNS)

    def plan_file(self, file_id: int) -> tuple[str, bytes]:
        """The original file of an upload of targets: (file name, bytes)."""
        pf = schema.plan_files
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(pf.c.filename, pf.c.content).where(pf.c.id == int(file_id))
            ).first()
        if row is None:
            raise ValueError(f"no plan file {file_id}")
        return row.filename, bytes(row.content)
