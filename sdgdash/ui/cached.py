"""Cached wrappers over the plain query, label and geometry modules (the only place with caches)."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import streamlit as st

from sdgdash import (
    charts,
    direction,
    exports,
    geo,
    localdata,
    profile,
    queries,
    scoring,
    selection,
    tags,
)
from sdgdash import events as events_mod
from sdgdash import territories as territories_mod
from sdgdash.config import Settings
from sdgdash.db import connect
from sdgdash.labels import Labels
from sdgdash.maps import for_d3
from sdgdash.models import Selection

_TTL = 3600


@st.cache_resource
def settings() -> Settings:
    """Settings from the environment, read once per process."""
    return Settings.from_env()


@st.cache_resource
def connection() -> duckdb.DuckDBPyConnection:
    """One DuckDB database per process; every query takes its own cursor from it."""
    return connect(settings())


@st.cache_resource
def labels() -> Labels:
    """Display names for goals, indicators, regions and codes (read-only, shared)."""
    con = connection()
    return Labels.from_tables(
        queries.table(con, "goals"),
        queries.table(con, "indicators"),
        queries.table(con, "regions"),
        queries.table(con, "codes"),
    )


@st.cache_resource
def geojson(layout: str) -> dict:
    """One boundary layout as a d3-wound FeatureCollection (read-only, shared)."""
    return for_d3(geo.layout_geojson(settings().geodata_dir, layout))


@st.cache_resource
def build_info() -> dict:
    """The data build's report (source commit, counts)."""
    path = settings().data_dir / "build_report.json"
    return json.loads(path.read_text(encoding="utf-8"))


@st.cache_resource
def tag_vocabulary() -> tags.Vocabulary:
    """The problem tags and their links (data/curated/tags.csv, tag_links.csv), validated once."""
    inds = indicators()
    return tags.load_vocabulary(
        settings().data_dir / "curated", inds["indicator_id"], inds["target"]
    )


@st.cache_resource
def events() -> tuple[events_mod.Event, ...]:
    """The dated localization events (data/curated/events.csv), validated once."""
    territories = [f["properties"]["id"] for f in pilots()["features"]]
    return events_mod.load_events(
        settings().data_dir / "curated",
        labels().regions,
        territories,
        tag_vocabulary().tag_ids(),
    )


@st.cache_data(max_entries=8, ttl=_TTL)
def goal_summary() -> pd.DataFrame:
    """Indicator counts per goal."""
    return queries.goal_summary(connection())


@st.cache_data(max_entries=4, ttl=_TTL)
def indicators() -> pd.DataFrame:
    """The indicators table."""
    return queries.table(connection(), "indicators")


@st.cache_data(max_entries=4, ttl=_TTL)
def regional_indicators() -> pd.DataFrame:
    """Indicators with regional values."""
    return queries.regional_indicators(connection())


@st.cache_data(max_entries=256, ttl=_TTL)
def selection_options(indicator_id: str) -> pd.DataFrame:
    """Valid series/unit/disaggregation combinations of one indicator (regional rows only)."""
    return queries.selection_options(connection(), indicator_id)


@st.cache_data(max_entries=512, ttl=_TTL)
def map_frame(sel: Selection, year: int) -> pd.DataFrame:
    """Regional values of one selection and year."""
    return queries.map_frame(connection(), sel, year)


@st.cache_data(max_entries=256, ttl=_TTL)
def national_series(sel: Selection) -> pd.DataFrame:
    """National values of one selection."""
    return queries.national_series(connection(), sel)


@st.cache_data(max_entries=8, ttl=_TTL)
def observation_count() -> int:
    """Number of rows in the observations table."""
    return queries.observation_count(connection())


@st.cache_resource
def pilots() -> dict:
    """Pilot territories (GLocal) as GeoJSON, read once."""
    path = settings().geodata_dir / geo.PILOT_FILE
    return json.loads(path.read_text(encoding="utf-8"))


@st.cache_data(max_entries=256, ttl=_TTL)
def regional_series(sel: Selection) -> pd.DataFrame:
    """All regional values of one selection over the years."""
    return queries.regional_series(connection(), sel)


@st.cache_resource
def directions() -> pd.DataFrame:
    """The curated direction table (data/curated/indicator_direction.csv), validated once."""
    return direction.load_directions(settings().data_dir / "curated" / "indicator_direction.csv")


def higher_is_better(sel: Selection) -> bool | None:
    """True / False when the curated table says which way is better, None when neutral."""
    return direction.direction_for(directions(), sel.indicator_id, sel.series, sel.unit)


@st.cache_resource
def all_observations() -> pd.DataFrame:
    """Every observation as one read-only frame (45k rows) for profile computations."""
    return queries.all_observations(connection())


@st.cache_resource
def headlines() -> list[Selection]:
    """The headline selection of every regional indicator, in natural order."""
    options = queries.all_selection_options(connection())
    groups = dict(tuple(options.groupby("indicator_id")))
    out = []
    for ind in regional_indicators()["indicator_id"]:
        sel = selection.headline(groups[ind].drop(columns="indicator_id"), ind)
        if sel is not None:
            out.append(sel)
    return out


@st.cache_resource
def headline_directions() -> dict[str, bool | None]:
    """indicator_id -> higher is better (True/False) or neutral (None), for the headlines."""
    return {sel.indicator_id: higher_is_better(sel) for sel in headlines()}


@st.cache_resource
def headline_ranked() -> pd.DataFrame:
    """Every headline row with its rank among the regions drawn that year (read-only)."""
    frame = profile.headline_frame(all_observations(), headlines())
    return profile.ranked(frame, headline_directions())


@st.cache_data(max_entries=64, ttl=_TTL)
def region_profile(ref_area: str) -> pd.DataFrame:
    """One region's profile rows."""
    return profile.profile(headline_ranked(), headlines(), ref_area, headline_directions())


@st.cache_data(max_entries=64, ttl=_TTL)
def region_comparison(ref_areas: tuple[str, ...]) -> pd.DataFrame:
    """Side-by-side values and ranks of several regions."""
    return profile.comparison(headline_ranked(), list(ref_areas), headline_directions())


@st.cache_data(max_entries=6, ttl=_TTL)
def goal_tiles_figure(lang: str):
    """The overview's 17 goal tiles in ``lang`` (built once per language: ~0.5 s of plotly)."""
    return charts.goal_tiles(goal_summary(), labels(), lang)


@st.cache_resource
def index_table() -> pd.DataFrame:
    """The curated indicator table of the regional SDG index (validated once)."""
    return scoring.load_index_table(settings().data_dir / "curated" / "index_indicators.csv")


@st.cache_resource
def index_values() -> pd.DataFrame:
    """Regional values of the index indicators."""
    return scoring.index_values(all_observations(), index_table())


@st.cache_resource
def index_result(year: int) -> scoring.IndexResult:
    """Scores, goal scores and the index of one scoring year (read-only)."""
    return scoring.compute_index(index_values(), index_table(), year)


@st.cache_resource
def index_years(min_ranked: int = 15) -> list[int]:
    """Scoring years whose index ranks at least ``min_ranked`` regions, newest last."""
    years = sorted(int(y) for y in index_values()["year"].unique() if y >= 2015)
    return [y for y in years if index_result(y).index["rank"].notna().sum() >= min_ranked]


# --- goal pages ---------------------------------------------------------------------------------


@st.cache_resource
def targets() -> pd.DataFrame:
    """The curated targets table (data/curated/indicator_targets.csv), validated once."""
    from sdgdash import targets as target_table

    return target_table.load_targets(settings().data_dir / "curated" / "indicator_targets.csv")


@st.cache_resource
def progress_directions() -> pd.DataFrame:
    """Directions for progress over time: the curated regional table plus the national-only
    indicators of data/curated/indicator_direction_national.csv (validated once)."""
    national = direction.load_directions(
        settings().data_dir / "curated" / "indicator_direction_national.csv"
    )
    return pd.concat([directions(), national], ignore_index=True)


@st.cache_data(max_entries=20, ttl=_TTL)
def goal_indicators(goal: int) -> pd.DataFrame:
    """The indicators of one goal with reporting status and data flags."""
    return queries.goal_indicators(connection(), goal)


@st.cache_resource(max_entries=20)
def goal_observations(goal: int) -> pd.DataFrame:
    """Every value of one goal (read-only, shared)."""
    return queries.goal_observations(connection(), goal)


@st.cache_resource(max_entries=20)
def goal_headlines(goal: int) -> dict[str, Selection]:
    """indicator_id -> headline selection for one goal's indicators (read-only)."""
    from sdgdash import goalview

    return goalview.headlines(goal_observations(goal))


@st.cache_data(max_entries=20, ttl=_TTL)
def goal_status(goal: int) -> pd.DataFrame:
    """Progress status of every indicator of a goal, nationally and in every region."""
    from sdgdash import goalview

    obs = goal_observations(goal)
    return goalview.status_table(
        goal_indicators(goal), obs, progress_directions(), targets(), goalview.areas(obs)
    )


@st.cache_data(max_entries=20, ttl=_TTL)
def goal_coverage(goal: int) -> pd.DataFrame:
    """Indicators x areas: latest year with data."""
    from sdgdash import goalview

    obs = goal_observations(goal)
    return goalview.coverage(goal_indicators(goal), obs, goalview.areas(obs))


@st.cache_data(max_entries=128, ttl=_TTL)
def goal_gaps(goal: int, ref_area: str) -> pd.DataFrame:
    """Women / men and rural / urban values of a goal's indicators in one area."""
    from sdgdash import goalview

    return goalview.gaps(goal_observations(goal), ref_area, goal_headlines(goal))


@st.cache_resource
def territories() -> dict[str, territories_mod.Territory]:
    """The territories of data/curated/territories.csv, checked against regions and geometry."""
    known = set(labels().regions) & set(geo.ALL_UNITS)
    path = settings().data_dir / "curated" / territories_mod.TERRITORIES_FILE
    return territories_mod.load_territories(path, pilots(), known)


def territory_names(lang: str) -> dict[str, str]:
    """Territory id -> name in ``lang`` as the territory page shows it: from territories.csv,
    else (a territory only in the geodata, or a territories file that does not load) the geodata."""
    names = {
        f["properties"]["id"]: f["properties"].get(f"name_{lang}") or f["properties"]["id"]
        for f in pilots()["features"]
    }
    try:
        listed = territories()
    except territories_mod.TerritoryError:
        return names
    return names | {tid: terr.name(lang) for tid, terr in listed.items()}


@st.cache_resource
def upload_catalogue() -> localdata.Catalogue:
    """What an upload of each indicator may contain (series, units, disaggregations, codes)."""
    return localdata.Catalogue.from_tables(all_observations(), queries.table(connection(), "codes"))


@st.cache_data(max_entries=64, ttl=_TTL)
def indicator_observations(indicator_id: str) -> pd.DataFrame:
    """Every row of one indicator (national and regional), for territory comparisons."""
    return queries.observations_for(connection(), indicator_id)


@st.cache_data(max_entries=3, ttl=_TTL, show_spinner=False)
def bulk_files(lang: str, metadata: pd.DataFrame) -> tuple[bytes, bytes]:
    """(CSV, XLSX) of every observation with names in ``lang`` (built on request, ~10 s for the
    XLSX, then kept per language)."""
    frame = exports.bulk_frame(all_observations(), labels(), lang)
    return exports.csv_bytes(frame), exports.xlsx_bytes(frame, metadata)
