"""Plan targets as the pages and the brief show them: actual vs plan per target, the stand-in
against the 2030 end value where a region has no plan, plan lines for charts, and the plan table
for downloads (pure).

The low-level functions take the store's frames (``Store.plans`` / ``Store.plan_values``) and
the data's (data/observations.parquet, the curated directions; the distance-to-2030 table of
``sdgdash.features.distance`` for the end values), so a page, the brief and the deck compute one
and the same status; :func:`place_status`, :func:`selection_status` and
:func:`indicator_status` are what they call (``data`` and the store, anything with ``plans``,
``plan_values`` and ``upload_rows``).
"""

from __future__ import annotations

from typing import Any, Protocol

import pandas as pd

from sdgdash.data import flags
from sdgdash.data.catalog import SELECTION_COLUMNS, natural_key
from sdgdash.data.directions import direction_for
from sdgdash.data.models import Selection
from sdgdash.data.source import Data, store_derived
from sdgdash.features.distance.table import DistanceResult, distance_table, selection_table
from sdgdash.features.goal.progress import BASE_YEAR
from sdgdash.features.plans.status import (
    END_2030,
    NATIONAL_2030,
    REGIONAL_PLAN,
    STATUSES,
    PlanLine,
    assess_plan,
)
from sdgdash.geo import layouts as geo

KEY: list[str] = ["indicator_id", *SELECTION_COLUMNS]
# End values that are an SDG target (sdgdash.features.distance.endvalues kinds).
TARGET_KINDS: tuple[str, ...] = ("target", "target_relative")
ACTUAL_COLUMNS: list[str] = ["place", *KEY, "year", "value", "source"]
STATUS_COLUMNS: list[str] = [
    "place_kind",
    "place",
    *KEY,
    "plan_id",
    "basis",
    "status",
    "year",
    "actual",
    "expected",
    "gap",
    "gap_good",
    "gap_share",
    "tolerance",
    "higher_is_better",
    "baseline_year",
    "baseline_value",
    "final_year",
    "final_value",
    "line",
    "document_name",
    "document_date",
    "document_ref",
    "entered_by",
    "entered_at",
    "actual_source",
    # A stand-in's distance-to-2030 figures (sdgdash.features.distance; empty for a plan):
    "end_kind",
    "end_source",
    "score",
    "arrival_status",
    "arrival_year",
]


class PlanReader(Protocol):
    """What the status functions read from the store (``sdgdash.store.Store`` has it)."""

    def plans(self, place: str | None = None, indicator_id: str | None = None) -> pd.DataFrame:
        """Targets in force (``Store.plans``)."""
        ...

    def plan_values(
        self, plan_ids: Any = None, place: str | None = None, indicator_id: str | None = None
    ) -> pd.DataFrame:
        """Planned (year, value) of targets in force (``Store.plan_values``)."""
        ...

    def upload_rows(self, territory_id: str, indicator_id: str | None = None) -> pd.DataFrame:
        """A territory's local data in force (``Store.upload_rows``)."""
        ...


def plan_lines(plans: pd.DataFrame, values: pd.DataFrame) -> dict[int, PlanLine]:
    """plan_id -> its line (baseline and planned points) for every target in ``plans``."""
    points: dict[int, list[tuple[int, float]]] = {}
    for pid, year, value in values[["plan_id", "year", "value"]].itertuples(index=False):
        points.setdefault(int(pid), []).append((int(year), float(value)))
    out = {}
    for row in plans.itertuples(index=False):
        pts = tuple(sorted(points.get(int(row.plan_id), [])))
        if pts:
            out[int(row.plan_id)] = PlanLine(int(row.baseline_year), float(row.baseline_value), pts)
    return out


def region_actuals(observations: pd.DataFrame, ref_area: str | None = None) -> pd.DataFrame:
    """Actual values of a region (all regions when None) from the national data: placeholder and
    conflicting rows left out, each with its source file and row."""
    obs = observations
    if ref_area is not None:  # select first: the flags need not be read for every region
        obs = obs[obs["ref_area"] == ref_area]
    obs = flags.usable(obs[obs["ref_area"] != ""])
    source = obs["source_file"].astype(str) + ":" + obs["source_row"].astype(str)
    out = obs.assign(place=obs["ref_area"], source=source)[ACTUAL_COLUMNS]
    return out.astype({"year": "int64", "value": "float64"}).reset_index(drop=True)


def territory_actuals(upload_rows: pd.DataFrame, territory_id: str) -> pd.DataFrame:
    """Actual values of a pilot territory: the local data in force (``Store.upload_rows``)."""
    rows = upload_rows.copy()
    for col in SELECTION_COLUMNS:
        if col not in rows.columns:
            rows[col] = ""
        rows[col] = rows[col].astype(object).where(rows[col].notna(), "").astype(str)
    source = "upload " + rows["upload_id"].astype(str) + " v" + rows["version"].astype(str)
    out = rows.assign(place=territory_id, source=source)[ACTUAL_COLUMNS]
    return out.astype({"year": "int64", "value": "float64"}).reset_index(drop=True)


def _series(actuals: pd.DataFrame) -> dict[tuple, list[tuple[int, float, str]]]:
    found: dict[tuple, list[tuple[int, float, str]]] = {}
    cols = ["place", *KEY, "year", "value", "source"]
    for rec in actuals[cols].itertuples(index=False, name=None):
        found.setdefault(tuple(rec[: 1 + len(KEY)]), []).append(rec[-3:])
    return found


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=STATUS_COLUMNS)


def _row(base: dict, line: PlanLine, series: list, higher_is_better: bool | None) -> dict:
    result = assess_plan(line, [(y, v) for y, v, _ in series], higher_is_better)
    source = next((s for y, _, s in series if y == result.year), "")
    return base | {
        "basis": result.basis,
        "status": result.status,
        "year": result.year,
        "actual": result.actual,
        "expected": result.expected,
        "gap": result.gap,
        "gap_good": result.gap_good,
        "gap_share": result.gap_share,
        "tolerance": result.tolerance,
        "higher_is_better": result.higher_is_better,
        "baseline_year": line.baseline_year,
        "baseline_value": line.baseline_value,
        "final_year": result.final_year,
        "final_value": result.final_value,
        "line": tuple(line.line()),
        "actual_source": source,
    }


def _finish(rows: list[dict]) -> pd.DataFrame:
    if not rows:
        return _empty()
    frame = pd.DataFrame(rows, columns=STATUS_COLUMNS)
    order = {s: i for i, s in enumerate(STATUSES)}
    frame = frame.assign(_o=frame["status"].map(order), _g=frame["gap_share"].astype(float))
    frame = frame.sort_values(["_o", "_g", "place", *KEY], na_position="last", kind="stable")
    return frame.drop(columns=["_o", "_g"]).reset_index(drop=True)


def status_table(
    plans: pd.DataFrame, values: pd.DataFrame, actuals: pd.DataFrame, directions: pd.DataFrame
) -> pd.DataFrame:
    """One row per target in ``plans``: its latest actual against the plan line, the gap and
    the status (behind first, furthest behind first; see ``status.py`` for the rule)."""
    lines = plan_lines(plans, values)
    series = _series(actuals)
    rows = []
    for rec in plans.to_dict("records"):
        line = lines.get(int(rec["plan_id"]))
        if line is None:
            continue
        key = (rec["place"], *(rec[c] for c in KEY))
        hib = direction_for(directions, rec["indicator_id"], rec["series"], rec["unit"])
        base = {c: rec.get(c) for c in STATUS_COLUMNS if c in rec}
        rows.append(_row(base, line, series.get(key, []), hib))
    return _finish(rows)


def place_plan_status(
    store: PlanReader,
    observations: pd.DataFrame,
    directions: pd.DataFrame,
    place: str,
    place_kind: str = "region",
) -> pd.DataFrame:
    """Every target in force of one region (actuals: national data) or pilot territory
    (actuals: its local data in force), with its status."""
    plans = store.plans(place=place)
    if plans.empty:
        return _empty()
    values = store.plan_values(place=place)
    if place_kind == "territory":
        actuals = territory_actuals(store.upload_rows(place), place)
    else:
        actuals = region_actuals(observations, place)
    return status_table(plans, values, actuals, directions)


def indicator_plan_status(
    store: PlanReader,
    observations: pd.DataFrame,
    directions: pd.DataFrame,
    indicator_id: str,
) -> pd.DataFrame:
    """Every place's targets of one indicator with their status (regions: national data;
    territories: their local data)."""
    plans = store.plans(indicator_id=indicator_id)
    if plans.empty:
        return _empty()
    obs = observations[observations["indicator_id"] == indicator_id]
    values = store.plan_values(indicator_id=indicator_id)
    actuals = [region_actuals(obs)]
    for terr in sorted(set(plans.loc[plans["place_kind"] == "territory", "place"])):
        actuals.append(territory_actuals(store.upload_rows(terr, indicator_id), terr))
    return status_table(plans, values, pd.concat(actuals, ignore_index=True), directions)


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _keys(frame: pd.DataFrame) -> set[tuple]:
    return (
        {tuple(r) for r in frame[KEY].itertuples(index=False, name=None)} if len(frame) else set()
    )


def end_value_stand_in(
    result: DistanceResult,
    directions: pd.DataFrame,
    ref_area: str,
    planned: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Status rows of a region's selections in ``result`` (the distance-to-2030 table,
    ``sdgdash.features.distance``) that have no regional plan in ``planned``: the line runs
    from the region's first value of its present extent from 2015 on to the selection's 2030
    end value in its year, and the plan rule applies. An SDG target gives ``basis``
    national_2030; any other end value (index bound, curated table, best three regions)
    end_2030. Each row keeps the distance figures (score, arrival) and the end value's origin."""
    done = _keys(planned[planned["place"] == ref_area]) if planned is not None else set()
    latest = result.latest[result.latest["ref_area"] == ref_area]
    rows = result.rows[(result.rows["ref_area"] == ref_area) & result.rows["current"]]
    by_ind = dict(tuple(rows.groupby("indicator_id", sort=False))) if len(rows) else {}
    out = []
    for rec in latest.to_dict("records"):
        key = tuple(rec[c] for c in KEY)
        end, end_year = rec["end_value"], rec["end_year"]
        if key in done or _missing(end) or _missing(end_year) or key[0] not in by_ind:
            continue
        mine = by_ind[key[0]].sort_values("year")
        pts = [
            (int(y), float(v), f"{f}:{r}")
            for y, v, f, r in mine[["year", "value", "source_file", "source_row"]].itertuples(
                index=False, name=None
            )
        ]
        since = [p for p in pts if p[0] >= BASE_YEAR]
        if not since or int(end_year) <= since[0][0]:
            continue  # no value from 2015 on, or the target's year is before the first value
        basis = NATIONAL_2030 if rec["end_kind"] in TARGET_KINDS else END_2030
        line = PlanLine(since[0][0], since[0][1], ((int(end_year), float(end)),), basis=basis)
        hib = direction_for(directions, key[0], rec["series"], rec["unit"])
        base = {"place_kind": REGION, "place": ref_area, **dict(zip(KEY, key, strict=True))}
        base |= {
            "plan_id": None,
            "end_kind": rec["end_kind"],
            "end_source": rec["end_source"] if not _missing(rec["end_source"]) else "",
            "score": None if _missing(rec["score"]) else float(rec["score"]),
            "arrival_status": None if _missing(rec["arrival_status"]) else rec["arrival_status"],
            "arrival_year": None if _missing(rec["arrival_year"]) else int(rec["arrival_year"]),
        }
        out.append(_row(base, line, pts, hib))
    return _finish(out)


def furthest_behind(status: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The ``n`` targets furthest behind (most negative ``gap_share``), regional plans and
    national stand-ins together; only those behind."""
    behind = status[status["status"] == "behind_plan"]
    behind = behind.assign(_g=behind["gap_share"].astype(float))
    behind = behind.sort_values(["_g", "place", *KEY], na_position="last", kind="stable")
    return behind.drop(columns="_g").head(n).reset_index(drop=True)


def plan_chart_frame(line: PlanLine | pd.Series | dict) -> pd.DataFrame:
    """year, value, kind ("baseline" / "plan"), basis of a plan line (a PlanLine, or a row of a
    status table with its ``line`` and ``basis``), for drawing beside the actual series."""
    if isinstance(line, PlanLine):
        pts, basis = line.line(), line.basis
    else:
        pts, basis = list(line["line"]), line["basis"]
    return pd.DataFrame(
        {
            "year": [y for y, _ in pts],
            "value": [v for _, v in pts],
            "kind": ["baseline"] + ["plan"] * (len(pts) - 1),
            "basis": basis,
        }
    ).astype({"year": "int64", "value": "float64"})


def plan_table(plans: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """The targets as one row each with a column per planned year (for CSV/XLSX downloads;
    ``sdgdash.exports.tables`` keeps text typed by editors from starting a formula there)."""
    wide = values.pivot_table(index="plan_id", columns="year", values="value", aggfunc="first")
    wide.columns = [str(c) for c in wide.columns]
    cols = [
        "plan_id",
        "place_kind",
        "place",
        *KEY,
        "version",
        "baseline_year",
        "baseline_value",
    ]
    tail = ["document_name", "document_date", "document_ref", "entered_by", "entered_at"]
    out = plans[[*cols, *tail]].merge(wide, left_on="plan_id", right_index=True, how="left")
    return out[[*cols, *wide.columns, *tail]].reset_index(drop=True)


def is_stand_in(row: dict | pd.Series) -> bool:
    """True for a row judged against a 2030 end value (SDG target or other), not a plan."""
    return row["basis"] != REGIONAL_PLAN


# --- what the pages show (data: sdgdash.data.source.Data; store: a PlanReader or None) ----------

REGION, TERRITORY = "region", "territory"
DEFAULT_PLACE = "KZKAR"  # Karaganda region: home of the Karkaraly pilot district
SORTS: tuple[str, ...] = ("status", "gap", "indicator")


class NoPlans:
    """The store's reads when no store can be read: no targets, no local data."""

    def plans(self, place: str | None = None, indicator_id: str | None = None) -> pd.DataFrame:
        """No targets."""
        from sdgdash.store.plans import PLAN_COLUMNS

        return pd.DataFrame(columns=PLAN_COLUMNS)

    def plan_values(
        self, plan_ids: Any = None, place: str | None = None, indicator_id: str | None = None
    ) -> pd.DataFrame:
        """No planned values."""
        return pd.DataFrame(columns=["plan_id", "year", "value"])

    def upload_rows(self, territory_id: str, indicator_id: str | None = None) -> pd.DataFrame:
        """No local data."""
        return pd.DataFrame(columns=["year", "value", "upload_id", "version", *SELECTION_COLUMNS])


def reader(store: Any) -> PlanReader:
    """``store`` when it holds plan targets (``sdgdash.store.Store``), else :class:`NoPlans`."""
    return store if store is not None and hasattr(store, "plan_values") else NoPlans()


def place_kind(data: Data, place: str) -> str | None:
    """``region`` (a region-level unit of any layout), ``territory`` (a pilot territory of
    territories.csv) or None."""
    if place in geo.ALL_UNITS:
        return REGION
    return TERRITORY if place in data.territories() else None


def places(data: Data, lang: str) -> list[str]:
    """Every place a plan may be entered for: regions by name, then pilot territories."""
    labels = data.labels()
    regions = sorted(geo.ALL_UNITS, key=lambda c: labels.region_name(c, lang))
    terrs = sorted(data.territories().values(), key=lambda x: x.name(lang))
    return [*regions, *(x.territory_id for x in terrs)]


def place_name(data: Data, place: str, lang: str) -> str:
    """A region's or pilot territory's name in ``lang``."""
    terr = data.territories().get(place) if place not in geo.ALL_UNITS else None
    return terr.name(lang) if terr is not None else data.labels().region_name(place, lang)


def parent_region(data: Data, place: str) -> str:
    """The region of a place (a region is its own)."""
    terr = data.territories().get(place) if place not in geo.ALL_UNITS else None
    return terr.parent_ref_area if terr is not None else place


def place_from_params(data: Data, params: dict[str, str]) -> str:
    """The place a plans URL opens (``place``): a region or pilot territory, else the default."""
    place = params.get("place", "")
    return place if place_kind(data, place) else DEFAULT_PLACE


@store_derived
def place_status(data: Data, store: Any, place: str) -> pd.DataFrame:
    """The one actual-vs-plan table of a place for every page, the brief and the deck: its
    targets in force with their status and, for a region, a stand-in for each headline with no
    regional plan, against its 2030 end value (:func:`end_value_stand_in`)."""
    store = reader(store)
    kind = place_kind(data, place) or REGION
    # Only the planned selections' rows are read (the observations stay a Parquet view).
    planned = store.plans(place=place)
    fields = ("indicator_id", *SELECTION_COLUMNS)
    wanted = {
        Selection(**{c: str(r[c] or "") for c in fields})
        for r in planned.to_dict("records")
        if kind == REGION
    }
    observations = data.selection_observations(
        tuple(sorted(wanted, key=lambda s: tuple(s.as_dict().values())))
    )
    parts = [place_plan_status(store, observations, data.directions(), place, kind)]
    if kind == REGION:
        parts.append(end_value_stand_in(distance_table(data), data.directions(), place, planned))
    return _finish([r for p in parts for r in p.to_dict("records")])


@store_derived
def selection_status(
    data: Data, store: Any, place: str, sel: Selection, table: pd.DataFrame | None = None
) -> dict | None:
    """The status row of one selection in a place: its regional target, else (for a region) its
    stand-in against the 2030 end value; None when neither exists. ``table``: the place's
    :func:`place_status`, when the caller has it (the row is then read from it)."""
    key = (sel.indicator_id, *(getattr(sel, c) for c in SELECTION_COLUMNS))
    if table is not None:
        rows = [r for r in table.to_dict("records") if tuple(r[c] for c in KEY) == key]
        if rows:
            return rows[0]
    store = reader(store)
    plans = store.plans(place=place, indicator_id=sel.indicator_id)
    mine = plans[[tuple(r) == key for r in plans[KEY].itertuples(index=False, name=None)]]
    kind = place_kind(data, place) or REGION
    if len(mine):
        values = store.plan_values(place=place, indicator_id=sel.indicator_id)
        if kind == TERRITORY:
            actuals = territory_actuals(store.upload_rows(place, sel.indicator_id), place)
        else:
            actuals = region_actuals(data.indicator_observations(sel.indicator_id), place)
        found = status_table(mine, values, actuals, data.directions())
    elif kind == REGION:
        found = end_value_stand_in(selection_table(data, sel), data.directions(), place, plans)
    else:
        return None
    return found.iloc[0].to_dict() if len(found) else None


@store_derived
def indicator_status(data: Data, store: Any, sel: Selection) -> pd.DataFrame:
    """Every place's target of one selection with its status, and for each region without
    one its stand-in against the 2030 end value."""
    store = reader(store)
    key = (sel.indicator_id, *(getattr(sel, c) for c in SELECTION_COLUMNS))
    planned = indicator_plan_status(
        store, data.indicator_observations(sel.indicator_id), data.directions(), sel.indicator_id
    )
    planned = planned[[tuple(r) == key for r in planned[KEY].itertuples(index=False, name=None)]]
    rows = planned.to_dict("records")
    result = selection_table(data, sel)
    plans = store.plans(indicator_id=sel.indicator_id)
    for ref_area in sorted(set(result.latest["ref_area"]) - {""}):
        rows += end_value_stand_in(result, data.directions(), ref_area, plans).to_dict("records")
    return _finish(rows)


def indicator_choices(data: Data, store: Any, table: pd.DataFrame) -> list[str]:
    """Indicators the "one indicator in every region" view offers: those of the place's table
    first, then every indicator with a target in force anywhere, then the other headlines with
    a 2030 end value."""
    planned = reader(store).plans()
    latest = distance_table(data).latest
    with_end = set(latest.loc[latest["end_value"].notna(), "indicator_id"])
    heads = [s.indicator_id for s in data.headlines()]
    ids = [*table["indicator_id"], *sorted(set(planned["indicator_id"]), key=natural_key)]
    ids += [i for i in heads if i in with_end]
    return list(dict.fromkeys(ids))


def indicator_selections(data: Data, store: Any, indicator_id: str) -> list[Selection]:
    """The selections of an indicator to compare across places: its headline, then every one
    with a target in force."""
    head = [s for s in data.headlines() if s.indicator_id == indicator_id]
    plans = reader(store).plans(indicator_id=indicator_id)
    planned = [
        Selection.from_mapping(indicator_id, {c: r[c] for c in SELECTION_COLUMNS})
        for r in plans.to_dict("records")
    ]
    return list(dict.fromkeys([*head, *planned]))


def sort_status(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """The status table in the order the page offers: ``status`` (behind first, furthest behind
    first: the table's own order), ``gap`` (gap as a share of the planned change, worst first)
    or ``indicator`` (natural order)."""
    if by == "gap":
        share = table["gap_share"].astype(float)
        return (
            table.assign(_s=share)
            .sort_values("_s", na_position="last", kind="stable")
            .drop(columns="_s")
        )
    if by == "indicator":
        return table.sort_values("indicator_id", key=lambda s: s.map(natural_key), kind="stable")
    return table


def selection_key(sel: Selection) -> str:
    """A selection as one URL value: ``indicator|series|unit|sex|...`` ("" for totals)."""
    return "|".join([sel.indicator_id, *(getattr(sel, c) for c in SELECTION_COLUMNS)])


def selection_from_key(key: str) -> Selection | None:
    """The selection of a :func:`selection_key` value, None when it is malformed."""
    parts = key.split("|")
    if len(parts) != 1 + len(SELECTION_COLUMNS) or not parts[0]:
        return None
    return Selection(parts[0], **dict(zip(SELECTION_COLUMNS, parts[1:], strict=True)))


def row_selection(row: dict) -> Selection:
    """The indicator selection a status or plan row is about."""
    return Selection.from_mapping(str(row["indicator_id"]), {c: row[c] for c in SELECTION_COLUMNS})


def counts(table: pd.DataFrame) -> dict[str, int]:
    """How many targets are in each status (every status, zero included)."""
    found = table["status"].value_counts().to_dict() if len(table) else {}
    return {s: int(found.get(s, 0)) for s in STATUSES}


def actual_series(data: Data, store: Any, row: dict) -> pd.DataFrame:
    """year, value of the actual series a status row was judged on (a region: the national
    data's usable rows; a territory: its local data in force)."""
    sel = row_selection(row)
    place = str(row["place"])
    if row.get("place_kind") == TERRITORY:
        rows = territory_actuals(reader(store).upload_rows(place, sel.indicator_id), place)
    else:
        rows = region_actuals(data.indicator_observations(sel.indicator_id), place)
    key = (sel.indicator_id, *(getattr(sel, c) for c in SELECTION_COLUMNS))
    mine = rows[[tuple(r) == key for r in rows[KEY].itertuples(index=False, name=None)]]
    return mine[["year", "value", "source"]].sort_values("year").reset_index(drop=True)


def plan_download(data: Data, store: Any, place: str, lang: str) -> pd.DataFrame:
    """The place's targets in force, one row each with a column per planned year, names in
    ``lang`` beside the codes (the plan table's CSV/XLSX)."""
    store = reader(store)
    plans = store.plans(place=place)
    table = plan_table(plans, store.plan_values(place=place))
    labels = data.labels()
    names = [labels.indicator_name(i, lang) for i in table["indicator_id"]]
    table.insert(table.columns.get_loc("indicator_id") + 1, "indicator_name", names)
    return table
