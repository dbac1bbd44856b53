"""The distance table for every region x regional indicator, from the built data (pure).

Entry points: :func:`compute` (frames in, :class:`DistanceResult` out) and
:func:`distance_table` (the app's :class:`~sdgdash.data.source.Data` in, computed once per
provider). Each indicator is followed through its headline series
(:func:`sdgdash.data.selection.headline`, as on the map and profile pages); flagged rows
(conflicting duplicates, placeholders) are left out.

Boundary layouts. Almaty, East Kazakhstan and Karaganda regions (KZALM, KZVOS, KZKAR) lost
Zhetisu, Abai and Ulytau regions in June 2022 but kept their codes. Under the layout rule
(:func:`sdgdash.geo.layouts.choose_layout`) their value in a year describes the reduced region only when
one of the new regions has a value in that year too (layout 2022, possibly back-calculated by the
publisher); otherwise it describes the larger pre-2022 region. Only values that describe an
area's present extent (``current``) enter its score, pace and arrival year; the others are kept in
:attr:`DistanceResult.scores` with ``score_reason = pre_split_extent``. South Kazakhstan (KZONT,
until 2018) is not one of the 20 regions and has no row. Turkistan region and Shymkent values for
years before 2018 exist only where the publisher back-calculated them, and count.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pandas as pd

from sdgdash.data import directions as direction_mod
from sdgdash.data import flags
from sdgdash.data.catalog import SELECTION_COLUMNS
from sdgdash.data.models import Selection
from sdgdash.data.source import Data, derived
from sdgdash.features.distance import endvalues, pace
from sdgdash.features.distance import score as score_mod
from sdgdash.geo import layouts as geo

NATIONAL = ""
REGIONS: tuple[str, ...] = tuple(sorted(geo.UNITS_2022))
AREAS: tuple[str, ...] = (NATIONAL, *REGIONS)
BASE_YEAR = 2015

# Reason keys of this module (the UI translates ``dist_reason_<key>``).
NO_DATA = "no_data"
PRE_SPLIT_EXTENT = "pre_split_extent"
NO_BASE_VALUE = "no_base_value"

# series_note keys (``dist_note_<key>``).
NOTE_BACK_CALCULATED = "back_calculated"  # values before the split, recomputed for today's extent
NOTE_SPLIT_EXCLUDED = "split_excluded"  # values of the larger pre-2022 region left out

ROW_COLUMNS: list[str] = [
    "indicator_id",
    "goal",
    "year",
    "ref_area",
    *SELECTION_COLUMNS,
    "value",
    "source_file",
    "source_row",
    "layout",
    "drawn",
    "current",
]
SCORE_INPUT: list[str] = [
    "ref_area",
    "indicator_id",
    "goal",
    "year",
    "value",
    "source_file",
    "source_row",
    "current",
]
SCORE_COLUMNS: list[str] = [
    "ref_area",
    "indicator_id",
    "goal",
    "year",
    "value",
    "source_file",
    "source_row",
    "current",
    "lower",
    "end_value",
    "score",
    "distance",
    "score_reason",
]
LATEST_COLUMNS: list[str] = [
    "ref_area",
    "indicator_id",
    "goal",
    *SELECTION_COLUMNS,
    "direction",
    "year",
    "value",
    "source_file",
    "source_row",
    "national_value",
    "lower",
    "lower_from",
    "end_value",
    "end_year",
    "end_kind",
    "end_source",
    "end_rationale",
    "score",
    "distance",
    "score_reason",
    "pace_method",
    "pace_from",
    "pace_to",
    "n_points",
    "pace_observed",
    "pace_needed",
    "pace_ratio",
    "projected_2030",
    "projection_clipped",
    "arrival_year",
    "arrival_status",
    "pace_reason",
    "needed_reason",
    "arrival_reason",
    "series_note",
]
COVERAGE_COLUMNS: list[str] = ["figure", "reason", "n"]
FIGURES: dict[str, tuple[str, str]] = {
    # figure -> (column that holds it, column with the reason when it is missing)
    "score": ("score", "score_reason"),
    "pace": ("pace_observed", "pace_reason"),
    "pace_needed": ("pace_needed", "needed_reason"),
    "arrival": ("arrival_status", "arrival_reason"),
}


@dataclass(frozen=True)
class DistanceResult:
    """Every stage of the computation, so a page can show each number's derivation.

    ``rows``: the headline rows of every area with ``layout``, ``drawn`` and ``current``;
    ``rules``: indicator_id -> its end-value rule; ``scores``: area x indicator x year;
    ``latest``: area x indicator (national "" and the 20 regions), latest value, score, pace,
    arrival; ``goals``: area x goal means of ``latest``.
    """

    rows: pd.DataFrame
    rules: dict[str, endvalues.EndRule]
    lower: dict[str, float | None]
    scores: pd.DataFrame
    latest: pd.DataFrame
    goals: pd.DataFrame
    method: str


def direction_word(higher_is_better: bool | None) -> str:
    """ "higher", "lower" or "neutral"."""
    return "neutral" if higher_is_better is None else "higher" if higher_is_better else "lower"


def headline_rows(observations: pd.DataFrame, headlines: list[Selection]) -> pd.DataFrame:
    """The headline rows of the national value and every region-level unit, no flagged rows,
    with the layout of their indicator-year and whether each value describes the area's
    present extent (module docstring)."""
    keys = pd.DataFrame([sel.as_dict() for sel in headlines])
    usable = flags.usable(observations)
    usable = usable[usable["ref_area"].isin(geo.ALL_UNITS | {NATIONAL}) & usable["value"].notna()]
    cols = ["indicator_id", "goal", "year", "ref_area", *SELECTION_COLUMNS, "value"]
    rows = usable[[*cols, "source_file", "source_row"]].merge(
        keys, on=["indicator_id", *SELECTION_COLUMNS], how="inner"
    )
    layouts = []
    for (ind, year), group in rows.groupby(["indicator_id", "year"], sort=False):
        choice = geo.choose_layout(group["ref_area"], int(year))
        layouts.append((ind, year, choice.layout, frozenset(choice.drawn)))
    lay = pd.DataFrame(layouts, columns=["indicator_id", "year", "layout", "_drawn"])
    rows = rows.merge(lay, on=["indicator_id", "year"], how="left")
    rows["drawn"] = [
        code in drawn for code, drawn in zip(rows["ref_area"], rows["_drawn"], strict=True)
    ]
    split = rows["ref_area"].isin(geo.SPLIT_2022)
    rows["current"] = (rows["ref_area"] == NATIONAL) | (
        rows["ref_area"].isin(geo.UNITS_2022) & (~split | (rows["layout"] == "2022"))
    )
    rows = rows.drop(columns="_drawn").sort_values(
        ["indicator_id", "ref_area", "year"], kind="stable"
    )
    out = rows[ROW_COLUMNS].reset_index(drop=True)
    return out.astype({"goal": "int64", "year": "int64", "source_row": "int64", "value": "float64"})


def _series_note(code: str, current_years: list[int], has_old: bool) -> str:
    if code in geo.NEW_2022 and current_years and min(current_years) < 2022:
        return NOTE_BACK_CALCULATED
    if code in geo.SPLIT_2022:
        if has_old:
            return NOTE_SPLIT_EXCLUDED
        if current_years and min(current_years) < 2022:
            return NOTE_BACK_CALCULATED
    return ""


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its string columns as plain Python objects."""
    text = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c])]
    return frame.astype(dict.fromkeys(text, object)) if text else frame


def _none(x: float | None) -> float:
    return math.nan if x is None else float(x)


def compute(
    observations: pd.DataFrame,
    headlines: list[Selection],
    directions: pd.DataFrame,
    target_table: pd.DataFrame,
    index_table: pd.DataFrame,
    end_values: pd.DataFrame,
    method: str = pace.WLS,
) -> DistanceResult:
    """Scores, pace and arrival for the national value and the 20 regions on every headline."""
    # The curated tables are looked up 72 times each: plain object strings are much faster to
    # compare than Arrow strings for such small frames.
    directions, target_table, index_table, end_values = (
        _plain(directions),
        _plain(target_table),
        _plain(index_table),
        _plain(end_values),
    )
    rows = headline_rows(observations, headlines)
    # A narrow copy with plain object strings for the loop below: slicing the full frame's
    # Arrow string columns 72 x 21 times cost seconds.
    slim = rows[[*SCORE_INPUT, "drawn"]].astype({"ref_area": object, "source_file": object})
    by_ind = dict(tuple(slim.groupby("indicator_id", sort=False)))
    rules: dict[str, endvalues.EndRule] = {}
    lowers: dict[str, float | None] = {}
    score_rows: list[dict[str, object]] = []
    latest_rows: list[dict[str, object]] = []

    for sel in headlines:
        ind = sel.indicator_id
        data = by_ind.get(ind, rows.iloc[0:0])
        better = direction_mod.direction_for(directions, ind, sel.series, sel.unit)
        regional = data[(data["ref_area"] != NATIONAL) & data["drawn"]]
        last = regional[regional["year"] == regional["year"].max()] if len(regional) else regional
        rule = endvalues.end_rule(sel, better, last, target_table, index_table, end_values)
        rules[ind] = rule
        lower: float | None = None
        lower_from: int | None = None
        if rule.kind != endvalues.NONE and better is not None and len(regional):
            pooled = regional[regional["year"] >= BASE_YEAR]
            if pooled.empty:  # a series that ended before 2015: pool what there is
                pooled = regional
            lower = score_mod.lower_of(pooled["value"], better)
            lower_from = int(pooled["year"].min())
        lowers[ind] = lower
        goal = int(sel.indicator_id.split(".", 1)[0])
        # A share cannot be projected past 100 % or below 0 (when the series itself stays inside).
        in_range = data["value"].between(0, 100).all()
        bounds = (0.0, 100.0) if sel.unit in endvalues.PERCENT_UNITS and in_range else None
        national = dict(
            zip(
                data.loc[data["ref_area"] == NATIONAL, "year"],
                data.loc[data["ref_area"] == NATIONAL, "value"],
                strict=True,
            )
        )

        # Plain records per area: pandas indexing inside this loop (72 x 21 areas) was slow.
        per_area: dict[str, list[dict[str, object]]] = {}
        for rec in data[data["ref_area"].isin(AREAS)][SCORE_INPUT].to_dict("records"):
            per_area.setdefault(str(rec["ref_area"]), []).append(rec)
        for code in AREAS:
            mine = per_area.get(code, [])
            cur = [r for r in mine if r["current"]]
            points = [(int(r["year"]), float(r["value"])) for r in cur]
            since = [(y, v) for y, v in points if y >= BASE_YEAR]
            base_value = since[0][1] if since else None
            end_value = rule.value_for(base_value) if better is not None else None

            # scores of every year (pre-split years of a split region get none)
            for rec in mine:
                if rec["current"]:
                    s, why = _score_and_reason(float(rec["value"]), lower, end_value, better, rule)
                else:
                    s, why = None, PRE_SPLIT_EXTENT
                score_rows.append(
                    rec
                    | {
                        "lower": _none(lower),
                        "end_value": _none(end_value),
                        "score": _none(s),
                        "score_reason": why,
                    }
                )

            row: dict[str, object] = {
                "ref_area": code,
                "indicator_id": ind,
                "goal": goal,
                **sel.key(),
                "direction": direction_word(better),
                "lower": _none(lower),
                "lower_from": lower_from,
                "end_value": _none(end_value),
                "end_year": rule.year if rule.kind != endvalues.NONE else None,
                "end_kind": rule.kind,
                "end_source": rule.source,
                "end_rationale": rule.rationale,
                "series_note": _series_note(
                    code, [y for y, _ in points], any(not r["current"] for r in mine)
                ),
            }
            if not cur:
                why = PRE_SPLIT_EXTENT if mine else NO_DATA
                p = pace.Pace(method, pace_reason=why, needed_reason=why, arrival_reason=why)
                row |= {"score": math.nan, "score_reason": why}
            else:
                last_row = cur[-1]
                year = int(last_row["year"])
                value = float(last_row["value"])
                s, why = _score_and_reason(value, lower, end_value, better, rule)
                row |= {
                    "year": year,
                    "value": value,
                    "source_file": str(last_row["source_file"]),
                    "source_row": int(last_row["source_row"]),
                    "national_value": national.get(year),
                    "score": _none(s),
                    "score_reason": why,
                }
                p = pace.assess_pace(points, end_value, better, rule.year, method, bounds=bounds)
                if (
                    end_value is None
                    and rule.kind == endvalues.TARGET_RELATIVE
                    and better is not None
                ):
                    p = _with_reason(p, NO_BASE_VALUE)
                elif rule.kind == endvalues.NONE:
                    p = _with_reason(p, rule.reason)
            row |= {
                "pace_method": p.method,
                "pace_from": p.pace_from,
                "pace_to": p.pace_to,
                "n_points": p.n_points,
                "pace_observed": _none(p.pace_observed),
                "pace_needed": _none(p.pace_needed),
                "pace_ratio": _none(p.pace_ratio),
                "projected_2030": _none(p.projected_2030),
                "projection_clipped": p.projection_clipped,
                "arrival_year": p.arrival_year,
                "arrival_status": p.arrival_status,
                "pace_reason": p.pace_reason,
                "needed_reason": p.needed_reason,
                "arrival_reason": p.arrival_reason,
            }
            latest_rows.append(row)

    latest = pd.DataFrame(latest_rows).reindex(columns=LATEST_COLUMNS)
    latest["distance"] = 100.0 - latest["score"]
    for column in (
        "year",
        "source_row",
        "lower_from",
        "end_year",
        "pace_from",
        "pace_to",
        "arrival_year",
    ):
        latest[column] = latest[column].astype("Int64")
    latest["n_points"] = latest["n_points"].astype("int64")
    for column in (
        "value",
        "national_value",
        "lower",
        "end_value",
        "score",
        "distance",
        "pace_observed",
        "pace_needed",
        "pace_ratio",
        "projected_2030",
    ):
        latest[column] = latest[column].astype("float64")
    for column in ("source_file", "arrival_status"):
        latest[column] = latest[column].astype("string")
    scores = pd.DataFrame(score_rows).reindex(columns=SCORE_COLUMNS)
    scores["distance"] = 100.0 - scores["score"].astype("float64")
    scores = scores.astype(
        {
            "goal": "int64",
            "year": "int64",
            "source_row": "int64",
            "value": "float64",
            "lower": "float64",
            "end_value": "float64",
            "score": "float64",
            "current": bool,
        }
    )
    goals = score_mod.goal_means(latest)
    return DistanceResult(
        rows=rows,
        rules=rules,
        lower=lowers,
        scores=scores,
        latest=latest,
        goals=goals,
        method=method,
    )


def _score_and_reason(
    value: float,
    lower: float | None,
    end_value: float | None,
    better: bool | None,
    rule: endvalues.EndRule,
) -> tuple[float | None, str]:
    if rule.kind == endvalues.NONE:
        return None, rule.reason
    if better is None:
        return None, endvalues.NO_DIRECTION
    if end_value is None:
        return None, NO_BASE_VALUE
    s = score_mod.score(value, lower, end_value, better)
    return s, "" if s is not None else score_mod.NO_SPREAD


def _with_reason(p: pace.Pace, reason: str) -> pace.Pace:
    """``p`` with the end-value reason in place of the generic "no end value"."""
    changes = {}
    if p.needed_reason == pace.NO_END_VALUE:
        changes["needed_reason"] = reason
    if p.arrival_reason == pace.NO_END_VALUE:
        changes["arrival_reason"] = reason
    return replace(p, **changes) if changes else p


def coverage(latest: pd.DataFrame, areas: tuple[str, ...] = REGIONS) -> pd.DataFrame:
    """How many area x indicator pairs get each figure, and why the others do not.

    One row per figure (score, pace, pace_needed, arrival) and reason; reason "" counts the pairs
    that have the figure.
    """
    mine = latest[latest["ref_area"].isin(areas)]
    out = []
    for figure, (column, why) in FIGURES.items():
        has = mine[column].notna()
        out.append({"figure": figure, "reason": "", "n": int(has.sum())})
        for reason, n in mine.loc[~has, why].fillna("").value_counts().sort_index().items():
            out.append({"figure": figure, "reason": str(reason), "n": int(n)})
    return pd.DataFrame(out, columns=COVERAGE_COLUMNS)


def region_block(result: DistanceResult, ref_area: str) -> pd.DataFrame:
    """One region's rows of ``latest`` with Kazakhstan's score beside each (for the profile)."""
    mine = result.latest[result.latest["ref_area"] == ref_area]
    nat = result.latest[result.latest["ref_area"] == NATIONAL][["indicator_id", "score"]]
    return mine.merge(
        nat.rename(columns={"score": "national_score"}), on="indicator_id", how="left"
    ).reset_index(drop=True)


# --- from the app's data ------------------------------------------------------------------------


@derived
def distance_table(data: Data, method: str = pace.WLS) -> DistanceResult:
    """:func:`compute` over every headline of ``data`` (once per data provider and method)."""
    headlines = data.headlines()
    return compute(
        # Only the headline selections' rows are read (one query), never the whole table.
        data.selection_observations(tuple(headlines)),
        headlines,
        data.directions(),
        data.targets(),
        data.index_table(),
        data.end_values(),
        method=method,
    )


@derived
def selection_table(data: Data, sel: Selection, method: str = pace.WLS) -> DistanceResult:
    """:func:`compute` for one selection of any series or disaggregation (the map's), read from
    its indicator's rows only; a headline gives the same figures as :func:`distance_table`."""
    return compute(
        data.indicator_observations(sel.indicator_id),
        [sel],
        data.directions(),
        data.targets(),
        data.index_table(),
        data.end_values(),
        method=method,
    )
