"""Plan targets as the pages and the brief show them: actual vs plan per target, plan lines for
charts, the national 2030 stand-in, and the plan table for downloads (pure: frames in, frames out).

The functions take the store's frames (``Store.plans`` / ``Store.plan_values``) and the data's
(data/observations.parquet, the curated directions and targets), so a page, the brief and the
exports compute one and the same status. ``place_plan_status`` and ``indicator_plan_status``
read the store themselves (anything with ``plans``, ``plan_values`` and ``upload_rows``).
"""

from __future__ import annotations

from typing import Any, Protocol

import pandas as pd

from sdgdash.data import flags
from sdgdash.data.catalog import SELECTION_COLUMNS, natural_key
from sdgdash.data.directions import direction_for
from sdgdash.data.models import Selection
from sdgdash.data.source import Data, store_derived
from sdgdash.data.targets import target_for
from sdgdash.features.plans.status import (
    NATIONAL_2030,
    STATUSES,
    PlanLine,
    assess_plan,
    national_line,
)
from sdgdash.geo import layouts as geo

KEY: list[str] = ["indicator_id", *SELECTION_COLUMNS]
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


def national_stand_in(
    observations: pd.DataFrame,
    directions: pd.DataFrame,
    targets: pd.DataFrame,
    ref_area: str,
    selections: list[Selection] | None = None,
    planned: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Status rows against the national 2030 target (``basis`` = national_2030) for the region's
    selections that have such a target and no regional plan in ``planned``.

    ``selections``: the ones to assess (the page's headline selections), default every
    selection of the region's data that has a target.
    """
    actuals = region_actuals(observations, ref_area)
    series = _series(actuals)
    done = set()
    if planned is not None and len(planned):
        mine = planned[planned["place"] == ref_area] if "place" in planned else planned
        done = {tuple(r) for r in mine[KEY].itertuples(index=False, name=None)}
    if selections is None:
        keys = sorted({k[1:] for k in series})
    else:
        keys = [
            tuple(s.key()[c] if c != "indicator_id" else s.indicator_id for c in KEY)
            for s in selections
        ]
    rows = []
    for key in keys:
        if key in done:
            continue
        indicator, sel_series, unit = key[0], key[1], key[2]
        pts = series.get((ref_area, *key), [])
        target = target_for(targets, indicator, sel_series, unit)
        line = national_line([(y, v) for y, v, _ in pts], target)
        if line is None:
            continue
        hib = direction_for(directions, indicator, sel_series, unit)
        base = {"place_kind": "region", "place": ref_area, **dict(zip(KEY, key, strict=True))}
        rows.append(_row(base | {"plan_id": None}, line, pts, hib))
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
    targets: pd.DataFrame | None = None,
    selection: Selection | None = None,
) -> pd.DataFrame:
    """Every place's targets of one indicator with their status (regions: national data;
    territories: their local data). With ``targets`` and ``selection``, every region that has
    data for the selection but no plan for it gets a national 2030 stand-in row."""
    plans = store.plans(indicator_id=indicator_id)
    obs = observations[observations["indicator_id"] == indicator_id]
    parts = [_empty()]
    if not plans.empty:
        values = store.plan_values(indicator_id=indicator_id)
        actuals = [region_actuals(obs)]
        for terr in sorted(set(plans.loc[plans["place_kind"] == "territory", "place"])):
            actuals.append(territory_actuals(store.upload_rows(terr, indicator_id), terr))
        parts.append(status_table(plans, values, pd.concat(actuals, ignore_index=True), directions))
    if targets is not None and selection is not None:
        regions = sorted(set(obs["ref_area"]) - {""})
        for ref_area in regions:
            parts.append(national_stand_in(obs, directions, targets, ref_area, [selection], plans))
    parts = [p for p in parts if len(p)]
    return _finish(pd.concat(parts, ignore_index=True).to_dict("records")) if parts else _empty()


def actual_vs_plan(
    store: PlanReader,
    observations: pd.DataFrame,
    directions: pd.DataFrame,
    targets: pd.DataFrame,
    place: str,
    place_kind: str = "region",
    selections: list[Selection] | None = None,
) -> pd.DataFrame:
    """The one table the region page, map panel, compare and goal pages and the brief read:
    the place's targets in force with their status, and for a region the national 2030
    stand-ins (``basis`` = national_2030) of ``selections`` without a regional plan (default:
    every selection of its data that has a national target)."""
    parts = [place_plan_status(store, observations, directions, place, place_kind)]
    if place_kind == "region":
        planned = store.plans(place=place)
        parts.append(
            national_stand_in(observations, directions, targets, place, selections, planned)
        )
    parts = [p for p in parts if len(p)]
    return _finish(pd.concat(parts, ignore_index=True).to_dict("records")) if parts else _empty()


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
    """True for a row judged against the national 2030 target, not a regional plan."""
    return row["basis"] == NATIONAL_2030


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
    """The one actual-vs-plan table of a place for every page and the brief: its targets in
    force with their status and, for a region, the national 2030 stand-ins of its headline
    selections that have no regional plan (:func:`actual_vs_plan`)."""
    return actual_vs_plan(
        reader(store),
        data.all_observations(),
        data.directions(),
        data.targets(),
        place,
        place_kind(data, place) or REGION,
        data.headlines(),
    )


@store_derived
def selection_status(
    data: Data, store: Any, place: str, sel: Selection, table: pd.DataFrame | None = None
) -> dict | None:
    """The status row of one selection in a place: its regional target, else (for a region) its
    national 2030 stand-in; None when neither exists. ``table``: the place's
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
        obs = data.indicator_observations(sel.indicator_id)
        found = national_stand_in(obs, data.directions(), data.targets(), place, [sel], plans)
    else:
        return None
    return found.iloc[0].to_dict() if len(found) else None


@store_derived
def indicator_status(data: Data, store: Any, sel: Selection) -> pd.DataFrame:
    """Every place's target of one selection with its status, and a national 2030 stand-in for
    each region with data but no plan for it (:func:`indicator_plan_status`)."""
    table = indicator_plan_status(
        reader(store),
        data.indicator_observations(sel.indicator_id),
        data.directions(),
        sel.indicator_id,
        data.targets(),
        sel,
    )
    keep = [
        tuple(r) == (sel.indicator_id, *(getattr(sel, c) for c in SELECTION_COLUMNS))
        for r in table[KEY].itertuples(index=False, name=None)
    ]
    return table[keep].reset_index(drop=True)


def indicator_choices(data: Data, store: Any, table: pd.DataFrame) -> list[str]:
    """Indicators the "one indicator in every region" view offers: those of the place's table
    first, then every indicator with a target in force anywhere, then the other regional
    indicators with a national 2030 target."""
    planned = reader(store).plans()
    with_target = set(data.targets()["indicator_id"])
    heads = [s.indicator_id for s in data.headlines()]
    ids = [*table["indicator_id"], *sorted(set(planned["indicator_id"]), key=natural_key)]
    ids += [i for i in heads if i in with_target]
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
