"""The 2030 end value of each indicator series: which rule gives it, and its source (pure).

A score of 100 means the end value is reached (OECD, "A Territorial Approach to the Sustainable
Development Goals", 2020, chapter 2: indicators normalised "from 0 to 100 - where 100 is the
suggested end value of an indicator to be achieved by 2030",
https://www.oecd-local-sdgs.org/data.html). The end value of a headline series is the first of:

1. ``target`` / ``target_relative``: the curated SDG target in
   ``data/curated/indicator_targets.csv`` (:mod:`sdgdash.data.targets`), with its own year; a target
   relative to the base year (halve, cut by a third) gives every area its own end value, the
   multiple of its own base-year value (2015 or its first later year), as Open SDG does;
2. ``index``: the ``upper`` bound of ``data/curated/index_indicators.csv`` when the index uses the
   same series, unit and disaggregation (:mod:`sdgdash.features.index.scoring`, SDSN method, with its basis);
3. ``curated``: a row of ``data/curated/end_values.csv`` (read by :mod:`sdgdash.data.end_values`) with a source; a row of kind
   ``none`` there says, with its rationale, that no end value can be justified;
4. ``best3``: the SDSN rule for indicators without a target (Sustainable Development Report,
   methodology: "the average of the top 3 performers"), applied to regions: the average of the
   three best region values in the series' latest year. It is applied only to values that can
   be compared between regions of different size and between years: not to absolute amounts
   that grow with a region's size (persons, hectares, tonnes, units), not to money amounts in
   current prices (their level drifts with inflation), not to growth rates or indices to a base
   year (their 2030 end state is not a level), not to a percentage series whose latest values
   leave 0..100 (an error in the source), and never without a direction;
5. ``none``: no justified end value, with the reason key.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from sdgdash.data.catalog import SELECTION_COLUMNS
from sdgdash.data.end_values import REFUSED
from sdgdash.data.models import Selection
from sdgdash.data.targets import RELATIVE, target_for
from sdgdash.i18n import fmt_number, t

END_YEAR = 2030
BEST_N = 3

# Provenance of an end value (``end_kind`` in the tables), in order of precedence.
TARGET = "target"
TARGET_RELATIVE = "target_relative"
INDEX = "index"
CURATED = "curated"
BEST3 = "best3"
NONE = "none"
KINDS: tuple[str, ...] = (TARGET, TARGET_RELATIVE, INDEX, CURATED, BEST3, NONE)

# Why an indicator has no end value (the UI translates ``dist_reason_<key>``).
NO_DIRECTION = "no_direction"
SIZE_DEPENDENT = "size_dependent"
MONEY_AMOUNT = "money_amount"
GROWTH_RATE = "growth_rate"
CURATED_NONE = "curated_none"
TOO_FEW_REGIONS = "too_few_regions"
IMPOSSIBLE_VALUES = "impossible_values"

# Unit codes (codes.parquet) whose values are amounts that scale with a region's size.
SIZE_UNITS: frozenset[str] = frozenset(
    {"PERSONS", "TH_PEOPLE", "TH_HA", "TH_UNITS", "MW", "M_T", "T", "M_METER3"}
)
# Money in current prices: thousand tenge, million US dollars.
MONEY_UNITS: frozenset[str] = frozenset({"TH_TNG", "M_USD"})
# Percentages: a value outside 0..100 is an error in the source, not a level to aim at.
PERCENT_UNITS: frozenset[str] = frozenset({"PT"})
# Growth on the previous year, index to a base year.
GROWTH_UNITS: frozenset[str] = frozenset({"PT_PREV_Y", "PT_BY_2005"})


@dataclass(frozen=True)
class EndRule:
    """How one series gets its end value, with everything a page shows next to it."""

    kind: str
    value: float | None = None  # the end value (None for target_relative and none)
    factor: float | None = None  # target_relative: the multiple of the base-year value
    year: int = END_YEAR
    source: str = ""
    rationale: str = ""
    reason: str = ""  # kind none: why
    basis_year: int | None = None  # best3: the year of the three best values
    basis_regions: tuple[tuple[str, float], ...] = field(default=())  # best3: (ref_area, value)

    def value_for(self, base_value: float | None) -> float | None:
        """The end value of one area (the multiple of its base-year value when relative)."""
        if self.kind == TARGET_RELATIVE:
            if base_value is None or math.isnan(base_value):
                return None
            return self.factor * base_value
        return self.value


def _curated_row(end_values: pd.DataFrame, sel: Selection) -> pd.Series | None:
    rows = end_values[end_values["indicator_id"] == sel.indicator_id]
    ok = rows[
        ((rows["series"] == sel.series) | (rows["series"] == ""))
        & ((rows["unit"] == sel.unit) | (rows["unit"] == ""))
    ]
    if ok.empty:
        return None
    exact = (ok["series"] != "").astype(int) * 2 + (ok["unit"] != "").astype(int)
    return ok.assign(_exact=exact).sort_values("_exact", ascending=False, kind="stable").iloc[0]


def _index_row(index_table: pd.DataFrame, sel: Selection) -> pd.Series | None:
    rows = index_table[index_table["indicator_id"] == sel.indicator_id]
    for _, row in rows.iterrows():
        if all(str(row[c]) == getattr(sel, c) for c in SELECTION_COLUMNS):
            return row
    return None


def best_values(
    latest: pd.DataFrame, higher_is_better: bool, n: int = BEST_N
) -> tuple[tuple[str, float], ...]:
    """The ``n`` best (ref_area, value) of one year's region values; ties by ref_area."""
    order = latest.assign(_key=latest["value"] * (-1.0 if higher_is_better else 1.0))
    order = order.sort_values(["_key", "ref_area"], kind="stable").head(n)
    return tuple((str(r), float(v)) for r, v in zip(order["ref_area"], order["value"], strict=True))


def end_rule(
    sel: Selection,
    higher_is_better: bool | None,
    latest_regions: pd.DataFrame,
    targets: pd.DataFrame,
    index_table: pd.DataFrame,
    end_values: pd.DataFrame,
) -> EndRule:
    """The end-value rule of one headline series (module docstring).

    ``latest_regions``: columns ref_area, year, value: the region values drawn (layout rule) in
    the series' latest year with region values, used by the ``best3`` rule only.
    """
    target = target_for(targets, sel.indicator_id, sel.series, sel.unit)
    if target is not None:
        row = targets[targets["indicator_id"] == sel.indicator_id]
        matched = row[
            ((row["series"] == sel.series) | (row["series"] == ""))
            & ((row["unit"] == sel.unit) | (row["unit"] == ""))
        ]
        exact = (matched["series"] != "").astype(int) * 2 + (matched["unit"] != "").astype(int)
        src = matched.assign(_e=exact).sort_values("_e", ascending=False, kind="stable").iloc[0]
        common = {"year": target.year, "source": src["source"], "rationale": src["rationale"]}
        if target.kind == RELATIVE:
            return EndRule(TARGET_RELATIVE, factor=target.value, **common)
        return EndRule(TARGET, value=target.value, **common)
    index_row = _index_row(index_table, sel)
    if index_row is not None:
        return EndRule(
            INDEX,
            value=float(index_row["upper"]),
            source=str(index_row["source"]),
            rationale=str(index_row["upper_basis"]),
        )
    curated = _curated_row(end_values, sel)
    if curated is not None:
        if curated["kind"] == REFUSED:
            return EndRule(
                NONE,
                reason=CURATED_NONE,
                source=str(curated["source"]),
                rationale=str(curated["rationale"]),
            )
        return EndRule(
            CURATED,
            value=float(curated["end_value"]),
            source=str(curated["source"]),
            rationale=str(curated["rationale"]),
        )
    if higher_is_better is None:
        return EndRule(NONE, reason=NO_DIRECTION)
    if sel.unit in SIZE_UNITS:
        return EndRule(NONE, reason=SIZE_DEPENDENT)
    if sel.unit in MONEY_UNITS:
        return EndRule(NONE, reason=MONEY_AMOUNT)
    if sel.unit in GROWTH_UNITS:
        return EndRule(NONE, reason=GROWTH_RATE)
    if len(latest_regions) < BEST_N:
        return EndRule(NONE, reason=TOO_FEW_REGIONS)
    values = latest_regions["value"]
    if sel.unit in PERCENT_UNITS and ((values < 0) | (values > 100)).any():
        return EndRule(NONE, reason=IMPOSSIBLE_VALUES)
    best = best_values(latest_regions, higher_is_better)
    return EndRule(
        BEST3,
        value=sum(v for _, v in best) / len(best),
        basis_year=int(latest_regions["year"].max()),
        basis_regions=best,
    )


def describe(rule: EndRule, lang: str, names: Mapping[str, str] | None = None) -> str:
    """One sentence in ``lang`` saying where the end value comes from (or why there is none)."""
    if rule.kind == BEST3:
        names = names or {}
        regions = ", ".join(
            f"{names.get(code, code)} {fmt_number(value, lang)}"
            for code, value in rule.basis_regions
        )
        return t("dist_basis_best3", lang, year=rule.basis_year, regions=regions)
    if rule.kind == NONE:
        text = t(f"dist_reason_{rule.reason}", lang)
        return f"{text} {rule.rationale}" if rule.rationale else text
    if rule.kind == TARGET_RELATIVE:
        return t(
            "dist_basis_target_relative", lang, factor=fmt_number(rule.factor, lang), year=rule.year
        )
    key = {TARGET: "dist_basis_target", INDEX: "dist_basis_index", CURATED: "dist_basis_curated"}
    return t(key[rule.kind], lang, year=rule.year)
