"""Regions side by side: every chosen region's value and rank per indicator in one common year
(pure)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sdgdash.data.catalog import natural_key
from sdgdash.data.models import Selection
from sdgdash.data.source import Data, derived
from sdgdash.features.map import view as mapview
from sdgdash.features.region.view import _national, headline_ranked
from sdgdash.figures import by_year
from sdgdash.geo import layouts as geo


def comparison(
    frame: pd.DataFrame, ref_areas: list[str], directions: dict[str, bool | None]
) -> pd.DataFrame:
    """For each indicator, every chosen region's value and rank in one common year.

    The common year is the latest year in which all chosen regions have a value (else the
    latest year of any of them, leaving gaps), so values side by side are comparable.
    """
    national = _national(frame)
    chosen = frame[frame["ref_area"].isin(ref_areas)]
    out = []
    for ind, g in chosen.groupby("indicator_id", sort=False):
        years = g.groupby("ref_area")["year"].apply(set)
        common = set.intersection(*years) if len(years) == len(ref_areas) else set()
        year = max(common) if common else int(g["year"].max())
        in_year = g[g["year"] == year].set_index("ref_area")
        row = {
            "indicator_id": ind,
            "goal": int(g["goal"].iloc[0]),
            "unit": g["unit"].iloc[0],
            "year": year,
            "national": national.get((ind, year)),
            "higher_is_better": directions.get(ind),
            "n_ranked": int(in_year["n_ranked"].dropna().max())
            if in_year["n_ranked"].notna().any()
            else None,
        }
        for code in ref_areas:
            has = code in in_year.index
            row[f"value_{code}"] = float(in_year.loc[code, "value"]) if has else None
            rank = in_year.loc[code, "rank"] if has else None
            row[f"rank_{code}"] = None if rank is None or pd.isna(rank) else int(rank)
        # Where each value comes from: the indicator's file and each region's line in it.
        row["source_file"] = str(g["source_file"].iloc[0])
        for code in ref_areas:
            line = in_year.loc[code, "source_row"] if code in in_year.index else None
            row[f"source_row_{code}"] = None if line is None or pd.isna(line) else int(line)
        out.append(row)
    result = pd.DataFrame(out)
    if len(result):
        result = result.sort_values("indicator_id", key=lambda s: s.map(natural_key))
    return result.reset_index(drop=True)


BEST, WORST = "best", "worst"


def best_worst(frame: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """For each row of :func:`comparison` and each region (columns = ``codes``): "best" or
    "worst" among the chosen regions in the indicator's direction, else "" (no direction, fewer
    than two values or all equal: nothing is marked)."""
    marks = pd.DataFrame("", index=frame.index, columns=codes)
    for i, r in frame.iterrows():
        better = r["higher_is_better"]
        values = pd.Series({c: r[f"value_{c}"] for c in codes}, dtype="float64").dropna()
        if better is None or pd.isna(better) or len(values) < 2 or values.max() == values.min():
            continue
        top, bottom = (
            (values.idxmax(), values.idxmin()) if better else (values.idxmin(), values.idxmax())
        )
        marks.loc[i, top], marks.loc[i, bottom] = BEST, WORST
    return marks


def for_goals(frame: pd.DataFrame, goals: list[int]) -> pd.DataFrame:
    """The rows of :func:`comparison` of ``goals`` (all rows when none is given)."""
    return frame[frame["goal"].isin(goals)].reset_index(drop=True) if goals else frame


DEFAULT_REGIONS: tuple[str, ...] = ("KZKAR", "KZKZY")  # the regions of the two GLocal pilots
MAX_REGIONS = 4


def parse_regions(raw: str) -> list[str] | None:
    """2..4 distinct region-level units from a comma-separated URL value, or None."""
    codes = [c for c in raw.split(",") if c]
    ok = codes and len(codes) <= MAX_REGIONS and len(set(codes)) == len(codes)
    return codes if ok and set(codes) <= geo.ALL_UNITS else None


def regions_from_params(params: dict[str, str]) -> list[str]:
    """The regions a compare URL opens (``regions``), else the default pair."""
    return parse_regions(params.get("regions", "")) or list(DEFAULT_REGIONS)


def indicator_choices(data: Data, frame: pd.DataFrame) -> list[str]:
    """The compared indicators that can be drawn over time (those with a headline selection)."""
    heads = {s.indicator_id for s in data.headlines()}
    return [i for i in frame["indicator_id"] if i in heads]


def default_indicator(ids: list[str]) -> str:
    """The featured indicator when it is compared, else the first one."""
    return mapview.default_indicator(ids)


@dataclass(frozen=True)
class Lines:
    """One indicator over the years for the compared regions and Kazakhstan."""

    selection: Selection
    codes: list[str]
    regional: pd.DataFrame  # ref_area, year, value of the compared regions
    national: pd.DataFrame  # year, value

    def table(self, names: dict[str, str], national_name: str, lang: str) -> pd.DataFrame:
        """The chart's values: per year, each compared region's value and Kazakhstan's."""
        long = pd.concat(
            [
                self.regional[["year", "ref_area", "value"]].rename(columns={"ref_area": "series"}),
                self.national[["year", "value"]].assign(series=""),
            ],
            ignore_index=True,
        )
        return by_year(long, {c: names.get(c, c) for c in self.codes} | {"": national_name}, lang)

    @property
    def source_file(self) -> str:
        """The data file of the indicator."""
        return f"data/indicator_{self.selection.indicator_id.replace('.', '-')}.csv"


def lines(data: Data, codes: list[str], indicator_id: str) -> Lines:
    """The compared regions' series of an indicator's headline selection, and the country's."""
    sel = next(s for s in data.headlines() if s.indicator_id == indicator_id)
    regional = data.regional_series(sel)
    return Lines(sel, codes, regional[regional["ref_area"].isin(codes)], data.national_series(sel))


def query_from_params(data: Data, params: dict[str, str]) -> tuple[list[str], str]:
    """(regions, indicator) a compare URL opens, as the page resolves them."""
    codes = regions_from_params(params)
    ids = indicator_choices(data, region_comparison(data, tuple(codes)))
    ind = params.get("ind", "")
    return codes, ind if ind in ids else default_indicator(ids)


@derived
def region_comparison(data: Data, ref_areas: tuple[str, ...]) -> pd.DataFrame:
    """Side-by-side values and ranks of several regions (:func:`comparison`)."""
    return comparison(headline_ranked(data), list(ref_areas), data.headline_directions())
