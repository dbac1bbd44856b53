"""Region profiles and comparisons: each indicator's headline value, rank and national value (pure).

Work is done once for all regions: :func:`headline_frame` keeps the rows of every indicator's
headline selection and :func:`ranked` ranks the region-level values of each indicator-year
(under the layout rule); a profile or a comparison is then a filter of that frame.
"""

from __future__ import annotations

import pandas as pd

from sdgdash import flags, geo
from sdgdash.catalog import SELECTION_COLUMNS
from sdgdash.models import Selection

KEEP = [
    "indicator_id",
    "goal",
    "year",
    "ref_area",
    *SELECTION_COLUMNS,
    "value",
    "source_file",
    "source_row",
]


def headline_frame(obs: pd.DataFrame, headlines: list[Selection]) -> pd.DataFrame:
    """The rows of each indicator's headline selection (national and regional), no flagged rows
    (conflicting duplicates, placeholder values)."""
    keys = pd.DataFrame([sel.as_dict() for sel in headlines])
    rows = flags.usable(obs)[KEEP]
    return rows.merge(keys, on=["indicator_id", *SELECTION_COLUMNS], how="inner")


def ranked(frame: pd.DataFrame, directions: dict[str, bool | None]) -> pd.DataFrame:
    """``frame`` with ``rank`` (1 = best, or highest when neutral) and ``n_ranked`` per
    indicator-year among the region-level units drawn under the layout rule."""
    regional = frame[frame["ref_area"] != ""]
    keys = [
        (ind, year, code)
        for (ind, year), codes in regional.groupby(["indicator_id", "year"])["ref_area"]
        for code in geo.choose_layout(codes, int(year)).drawn
    ]
    drawn = regional.merge(
        pd.DataFrame(keys, columns=["indicator_id", "year", "ref_area"]),
        on=["indicator_id", "year", "ref_area"],
    )
    # Rank a signed value so that rank 1 is the best whichever way the indicator points.
    sign = drawn["indicator_id"].map(lambda i: -1.0 if directions.get(i) is False else 1.0)
    groups = drawn.assign(_score=drawn["value"] * sign).groupby(["indicator_id", "year"])
    drawn = drawn.assign(
        rank=groups["_score"].rank(method="min", ascending=False),
        n_ranked=groups["_score"].transform("size"),
    )[["indicator_id", "year", "ref_area", "rank", "n_ranked"]]
    out = frame.merge(drawn, on=["indicator_id", "year", "ref_area"], how="left")
    out["rank"] = out["rank"].astype("Int64")
    out["n_ranked"] = out["n_ranked"].astype("Int64")
    return out


def compare_to_country(value: float, national: float | None, higher_is_better: bool | None) -> str:
    """ "better", "worse", "same" or "" (no national value or no direction)."""
    if national is None or higher_is_better is None or pd.isna(national):
        return ""
    if value == national:
        return "same"
    return "better" if (value > national) == higher_is_better else "worse"


def _national(frame: pd.DataFrame) -> dict[tuple[str, int], float]:
    nat = frame[frame["ref_area"] == ""]
    return {
        (i, int(y)): float(v) for i, y, v in zip(nat.indicator_id, nat.year, nat.value, strict=True)
    }


def profile(
    frame: pd.DataFrame,
    headlines: list[Selection],
    ref_area: str,
    directions: dict[str, bool | None],
) -> pd.DataFrame:
    """One row per indicator the region has a value for: its latest value, rank, national value,
    comparison with the country, and its series (for a sparkline)."""
    by_id = {sel.indicator_id: sel for sel in headlines}
    national = _national(frame)
    mine = frame[frame["ref_area"] == ref_area].sort_values(["indicator_id", "year"])
    rows = []
    for ind, g in mine.groupby("indicator_id", sort=False):
        last = g.iloc[-1]
        year = int(last["year"])
        nat = national.get((ind, year))
        rows.append(
            {
                "indicator_id": ind,
                "goal": int(last["goal"]),
                "unit": last["unit"],
                "selection": by_id[ind],
                "year": year,
                "value": float(last["value"]),
                "rank": None if pd.isna(last["rank"]) else int(last["rank"]),
                "n_ranked": None if pd.isna(last["n_ranked"]) else int(last["n_ranked"]),
                "national": nat,
                "vs_country": compare_to_country(float(last["value"]), nat, directions.get(ind)),
                "series": [float(v) for v in g["value"]],
                "series_years": [int(y) for y in g["year"]],
                "source_file": str(last["source_file"]),
                "source_row": int(last["source_row"]),
            }
        )
    out = pd.DataFrame(rows)
    if len(out):
        out = out.sort_values("indicator_id", key=lambda s: s.map(natural_key))
    return out.reset_index(drop=True)


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
        out.append(row)
    result = pd.DataFrame(out)
    if len(result):
        result = result.sort_values("indicator_id", key=lambda s: s.map(natural_key))
    return result.reset_index(drop=True)


def natural_key(indicator_id: str) -> tuple:
    """Sort key that puts 2.1.1 before 11.1.1 and 4.a.1 after 4.7.1."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in indicator_id.split("."))
