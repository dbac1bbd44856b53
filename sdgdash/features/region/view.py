"""Region profiles and comparisons: each indicator's headline value, rank and national value (pure).

Work is done once for all regions: :func:`headline_frame` keeps the rows of every indicator's
headline selection and :func:`ranked` ranks the region-level values of each indicator-year
(under the layout rule); a profile or a comparison is then a filter of that frame.
"""

from __future__ import annotations

import pandas as pd

from sdgdash.data import flags
from sdgdash.data.catalog import SELECTION_COLUMNS, natural_key
from sdgdash.data.models import Selection
from sdgdash.data.source import Data, derived
from sdgdash.features.index.view import rating_label
from sdgdash.geo import layouts as geo
from sdgdash.i18n import fmt_number, t

DEFAULT_REGION = "KZKAR"  # Karaganda region: home of the Karkaraly pilot district

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


@derived
def headline_ranked(data: Data) -> pd.DataFrame:
    """Every headline row with its rank among the regions drawn that year."""
    headlines = data.headlines()
    # Only the headline selections' rows are read (one query), never the whole table.
    frame = headline_frame(data.selection_observations(tuple(headlines)), headlines)
    return ranked(frame, data.headline_directions())


@derived
def region_profile(data: Data, ref_area: str) -> pd.DataFrame:
    """One region's profile rows (:func:`profile` over every headline indicator)."""
    return profile(headline_ranked(data), data.headlines(), ref_area, data.headline_directions())


def region_units(data: Data, lang: str) -> list[str]:
    """Region-level units (all layouts), sorted by their name in ``lang``."""
    labels = data.labels()
    return sorted(geo.ALL_UNITS, key=lambda c: labels.region_name(c, lang))


def region_from_params(params: dict[str, str]) -> str:
    """The region a profile URL opens (``region``): a region-level unit, else the default."""
    code = params.get("region", "")
    return code if code in geo.ALL_UNITS else DEFAULT_REGION


def profile_table(
    data: Data, frame: pd.DataFrame, lang: str, ratings: dict[str, tuple[str, str]] | None = None
) -> pd.DataFrame:
    """The profile rows as a display/download table in ``lang``; index indicators carry their
    traffic light and trend."""
    labels = data.labels()
    ratings = ratings or {}
    rows = []
    for r in frame.itertuples():
        rating, trend = ratings.get(r.indicator_id, ("", ""))
        rows.append(
            {
                t("goal", lang): r.goal,
                t("indicator", lang): labels.indicator_label(r.indicator_id, lang),
                t("series", lang): labels.selection_label(r.selection, lang, with_unit=False),
                t("value", lang): r.value,
                t("unit", lang): labels.code_label("unit", r.unit, lang),
                t("year", lang): r.year,
                t("rank", lang): (
                    t("rank_of", lang, rank=r.rank, n=r.n_ranked) if pd.notna(r.rank) else "—"
                ),
                t("national_value", lang): r.national,
                t("vs_country", lang): t(f"vs_country_{r.vs_country}", lang),
                t("trend_heading", lang): r.series,
                t("rating", lang): rating_label(rating, lang),
                t("trend_status", lang): t(f"trend_{trend}", lang) if trend else "",
                t("source", lang): r.source_file,
                t("source_row", lang): r.source_row,
            }
        )
    return pd.DataFrame(rows)


def csv_rows(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table for download: the sparkline list written out as year:value pairs."""
    out = table.copy()
    col = t("trend_heading", lang)
    if col in out:
        out[col] = [" ".join(fmt_number(v, "en") for v in vals) for vals in out[col]]
    return out
