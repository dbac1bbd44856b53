"""Before the swap: every page's default view built from the new data, without Streamlit.

A refresh that would crash a page must be caught by the build, not by a user. Each check below
opens the new (temporary) data folder with a plain DuckDB connection (:func:`sdgdash.db.connect`)
and calls the pure modules the way ``sdgdash/ui/cached.py`` and the page scripts do for the view
a page opens on (and for the overview's featured indicator). An exception is a blocking problem
naming the page; a returned note (the page falls back to another default) is a warning.

``PAGE_CHECKS`` is the registry: page (the url path in dashboard.py) -> check. A page with no
data in its default view is listed in ``NO_DATA_PAGES`` with the reason.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from sdgdash import (
    charts,
    direction,
    events,
    geo,
    goalcharts,
    goalview,
    mapview,
    profile,
    queries,
    scoring,
    selection,
    tagcharts,
    tags,
    targets,
    territories,
    territory_map,
)
from sdgdash.catalog import FEATURED_INDICATOR
from sdgdash.config import Settings
from sdgdash.db import connect
from sdgdash.ingest.problems import Problems
from sdgdash.labels import Labels
from sdgdash.maps import choropleth, for_d3, locator
from sdgdash.models import Selection

LANG = "en"  # names do not change what is computed; one language keeps the checks short
# The pages' own defaults (sdgdash/ui/regions.py, goalpage.py, territories.py).
DEFAULT_REGION = "KZKAR"
DEFAULT_COMPARE = ("KZKAR", "KZKZY")
DEFAULT_GOAL = 1
COMPARE_INDICATOR = "1.2.1"
MIN_RANKED = 15  # cached.index_years: a scoring year must rank this many regions


class ViewCheckError(Exception):
    """A page's default view cannot be built from the new data (the page would fail)."""


@dataclass
class NewData:
    """The new data folder read the way sdgdash/ui/cached.py reads it, without its caches."""

    data_dir: Path
    geodata_dir: Path
    _memo: dict[tuple, Any] = field(default_factory=dict)

    def _once(self, key: tuple, make: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    @cached_property
    def con(self):
        """One in-memory DuckDB database over the new Parquet files."""
        return connect(Settings(self.data_dir, self.geodata_dir, store_url=""))

    @cached_property
    def curated(self) -> Path:
        """The new data folder's curated tables."""
        return self.data_dir / "curated"

    @cached_property
    def indicators(self) -> pd.DataFrame:
        """The indicators table."""
        return queries.table(self.con, "indicators")

    @cached_property
    def labels(self) -> Labels:
        """Display names, as cached.labels()."""
        return Labels.from_tables(
            queries.table(self.con, "goals"),
            self.indicators,
            queries.table(self.con, "regions"),
            queries.table(self.con, "codes"),
        )

    @cached_property
    def regional(self) -> list[str]:
        """Ids of the indicators with regional values, in the pages' order."""
        return queries.regional_indicators(self.con)["indicator_id"].tolist()

    @cached_property
    def observations(self) -> pd.DataFrame:
        """Every observation."""
        return queries.all_observations(self.con)

    @cached_property
    def directions(self) -> pd.DataFrame:
        """The regional direction table."""
        return direction.load_directions(self.curated / "indicator_direction.csv")

    @cached_property
    def progress_directions(self) -> pd.DataFrame:
        """Regional and national-only directions, as cached.progress_directions()."""
        national = direction.load_directions(self.curated / "indicator_direction_national.csv")
        return pd.concat([self.directions, national], ignore_index=True)

    @cached_property
    def targets(self) -> pd.DataFrame:
        """The curated 2030 targets."""
        return targets.load_targets(self.curated / "indicator_targets.csv")

    @cached_property
    def pilots(self) -> dict:
        """The pilot territories' GeoJSON."""
        path = self.geodata_dir / geo.PILOT_FILE
        return json.loads(path.read_text(encoding="utf-8"))

    @cached_property
    def vocabulary(self) -> tags.Vocabulary:
        """Problem tags and links against the new indicators."""
        return tags.load_vocabulary(
            self.curated, self.indicators["indicator_id"], self.indicators["target"]
        )

    @cached_property
    def events(self) -> tuple[events.Event, ...]:
        """Localization events against the new regions, territories and tags."""
        terr = [f["properties"]["id"] for f in self.pilots["features"]]
        return events.load_events(
            self.curated, self.labels.regions, terr, self.vocabulary.tag_ids()
        )

    @cached_property
    def territories(self) -> dict[str, territories.Territory]:
        """Pilot territories against the new regions and the geometry."""
        known = set(self.labels.regions) & set(geo.ALL_UNITS)
        path = self.curated / territories.TERRITORIES_FILE
        return territories.load_territories(path, self.pilots, known)

    def geojson(self, layout: str) -> dict:
        """One boundary layout, wound for d3."""
        return self._once(
            ("geojson", layout), lambda: for_d3(geo.layout_geojson(self.geodata_dir, layout))
        )

    def options(self, indicator_id: str) -> pd.DataFrame:
        """Regional series/unit/disaggregation combinations of one indicator."""
        return self._once(
            ("options", indicator_id), lambda: queries.selection_options(self.con, indicator_id)
        )

    def higher_is_better(self, sel: Selection) -> bool | None:
        """The curated direction of a selection."""
        return direction.direction_for(self.directions, sel.indicator_id, sel.series, sel.unit)

    @cached_property
    def headlines(self) -> list[Selection]:
        """The headline selection of every regional indicator, as cached.headlines()."""
        groups = dict(tuple(queries.all_selection_options(self.con).groupby("indicator_id")))
        out = []
        for ind in self.regional:
            sel = selection.headline(groups[ind].drop(columns="indicator_id"), ind)
            if sel is not None:
                out.append(sel)
        if not out:
            raise ViewCheckError("no indicator has regional values: no region has a profile")
        return out

    @cached_property
    def headline_directions(self) -> dict[str, bool | None]:
        """indicator_id -> direction of its headline."""
        return {s.indicator_id: self.higher_is_better(s) for s in self.headlines}

    @cached_property
    def headline_ranked(self) -> pd.DataFrame:
        """Every headline row with its rank, as cached.headline_ranked()."""
        frame = profile.headline_frame(self.observations, self.headlines)
        return profile.ranked(frame, self.headline_directions)

    def region_profile(self, ref_area: str) -> pd.DataFrame:
        """One region's profile rows."""
        return self._once(
            ("profile", ref_area),
            lambda: profile.profile(
                self.headline_ranked, self.headlines, ref_area, self.headline_directions
            ),
        )

    @cached_property
    def index_values(self) -> pd.DataFrame:
        """Regional values of the index indicators."""
        return scoring.index_values(self.observations, self.index_table)

    @cached_property
    def index_table(self) -> pd.DataFrame:
        """The curated index table."""
        return scoring.load_index_table(self.curated / "index_indicators.csv")

    def index_result(self, year: int) -> scoring.IndexResult:
        """The index of one scoring year."""
        return self._once(
            ("index", year),
            lambda: scoring.compute_index(self.index_values, self.index_table, year),
        )

    @cached_property
    def index_years(self) -> list[int]:
        """Scoring years that rank enough regions, as cached.index_years()."""
        years = sorted(int(y) for y in self.index_values["year"].unique() if y >= 2015)
        ranked = [
            y for y in years if self.index_result(y).index["rank"].notna().sum() >= MIN_RANKED
        ]
        if not ranked:
            raise ViewCheckError(
                f"no scoring year ranks {MIN_RANKED} regions: the index, region and compare "
                "pages have no index to show"
            )
        return ranked

    def map_view(self, ind: str) -> tuple[mapview.MapView, bool | None]:
        """The map of an indicator's headline in its latest year, as the map page opens it."""
        options = self.options(ind)
        sel = selection.headline(options, ind)
        if sel is None:
            raise ViewCheckError(f"indicator {ind}: no regional series to draw")
        years = selection.years_of(options, sel)
        if not years:
            raise ViewCheckError(f"indicator {ind}: its headline series has no year")
        year = years[-1]
        better = self.higher_is_better(sel)
        national = mapview.national_value(queries.national_series(self.con, sel), year)
        view = mapview.split(
            queries.map_frame(self.con, sel, year),
            sel,
            year,
            self.labels.region_kinds(),
            national,
            better,
        )
        return view, better

    def map_figure(self, view: mapview.MapView, better: bool | None) -> None:
        """The choropleth of a map view (the figure the pages draw)."""
        choropleth(
            view.drawn,
            self.geojson(view.layout),
            names=self.region_names(),
            unit_label=self.labels.code_label("unit", view.selection.unit, LANG),
            year=view.year,
            lang=LANG,
            national=view.national,
            higher_is_better=better,
            pilots=self.pilots,
        )

    def region_names(self) -> dict[str, str]:
        """Region code -> name."""
        return {c: self.labels.region_name(c, LANG) for c in self.labels.regions}

    def default_indicator(self, offered: list[str]) -> tuple[str, list[str]]:
        """The featured indicator when offered, else the first one (as pickers.pick does)."""
        if not offered:
            raise ViewCheckError("no indicator has regional values: the map pages are empty")
        if FEATURED_INDICATOR in offered:
            return FEATURED_INDICATOR, []
        return offered[0], [
            f"the featured indicator {FEATURED_INDICATOR} (sdgdash/catalog.py) has no regional "
            f"values: the overview and map open on {offered[0]}"
        ]


# --- one check per page ------------------------------------------------------------------------


def check_overview(d: NewData) -> list[str]:
    """KPIs, goal tiles, the featured indicator on the map, the events timeline."""
    inds = d.indicators
    if inds["first_year"].dropna().empty:
        raise ViewCheckError("no indicator has a year with data: the overview's KPIs fail")
    summary = queries.goal_summary(d.con)
    charts.goal_tiles(summary, d.labels, LANG)
    ind, notes = d.default_indicator(d.regional)
    view, better = d.map_view(ind)
    d.map_figure(view, better)
    tagcharts.events_timeline(list(d.events), LANG)
    return notes


def check_goal(d: NewData) -> list[str]:
    """Goal 1 for Kazakhstan: status table and summary, coverage heatmap, gaps."""
    inds = queries.goal_indicators(d.con, DEFAULT_GOAL)
    obs = queries.goal_observations(d.con, DEFAULT_GOAL)
    table = goalview.status_table(inds, obs, d.progress_directions, d.targets, goalview.areas(obs))
    goalcharts.status_summary({"Kazakhstan": goalview.counts(table, goalview.NATIONAL)}, LANG)
    matrix = goalview.coverage(inds, obs, [goalview.NATIONAL, *sorted(geo.ALL_UNITS)])
    names = {i: i for i in inds["indicator_id"]}
    goalcharts.coverage_heatmap(matrix, names, d.region_names(), LANG)
    goalview.gaps(obs, goalview.NATIONAL, goalview.headlines(obs))
    return []


def check_map(d: NewData) -> list[str]:
    """The map page's default indicator, its map, national line and regional series."""
    ind, notes = d.default_indicator(d.regional)
    view, better = d.map_view(ind)
    d.map_figure(view, better)
    queries.regional_series(d.con, view.selection)
    mapview.table(view, d.labels, LANG)
    return notes


def check_region(d: NewData) -> list[str]:
    """The default region's header map, profile and goal scores against all regions."""
    if DEFAULT_REGION not in d.labels.regions:
        raise ViewCheckError(f"the default region {DEFAULT_REGION} is not in the data")
    layout = next(lo for lo in geo.LAYOUTS if DEFAULT_REGION in geo.LAYOUT_UNITS[lo])
    locator(d.geojson(layout), DEFAULT_REGION, names=d.region_names(), lang=LANG, pilots=d.pilots)
    d.region_profile(DEFAULT_REGION)
    result = d.index_result(d.index_years[-1])
    goals = result.goals[result.goals["ref_area"] == DEFAULT_REGION]
    if len(goals):
        charts.goal_scores(goals, result.distribution, d.labels, LANG)
    return []


def check_compare(d: NewData) -> list[str]:
    """The two default regions side by side, their goal scores and one indicator over time."""
    codes = list(DEFAULT_COMPARE)
    frame = profile.comparison(d.headline_ranked, codes, d.headline_directions)
    result = d.index_result(d.index_years[-1])
    goals = result.goals[result.goals["ref_area"].isin(codes)]
    if len(goals):
        names = {c: d.labels.region_name(c, LANG) for c in codes}
        charts.compare_goal_scores(goals, codes, names, d.labels, LANG)
    by_id = {s.indicator_id: s for s in d.headlines}
    ids = [i for i in frame["indicator_id"] if i in by_id] if len(frame) else []
    if not ids:
        raise ViewCheckError(f"the default regions {', '.join(codes)} share no indicator")
    sel = by_id[COMPARE_INDICATOR if COMPARE_INDICATOR in ids else ids[0]]
    regional = queries.regional_series(d.con, sel)
    charts.compare_lines(
        regional[regional["ref_area"].isin(codes)],
        queries.national_series(d.con, sel),
        codes,
        d.region_names(),
        sel.unit,
        LANG,
    )
    return []


def check_index(d: NewData) -> list[str]:
    """The latest scoring year's ranking."""
    result = d.index_result(d.index_years[-1])
    if result.index.empty:
        raise ViewCheckError("the index ranks no region")
    return []


def check_tag(d: NewData) -> list[str]:
    """The default tag (the first seminar problem): its links and its first regional indicator
    on the map, with regions ranked."""
    vocab = d.vocabulary
    tag = (vocab.seminar_tags() or vocab.tag_ids())[0]
    regional = [i for i in vocab.indicators_of(tag) if i in set(d.regional)]
    if regional:
        view, better = d.map_view(regional[0])
        d.map_figure(view, better)
        ranked = tagcharts.ranking_frame(view, better)
        tagcharts.regions_ranked(ranked, d.region_names(), view.national, "", LANG, better)
    return []


def check_findings(d: NewData) -> list[str]:
    """The findings filters: regions, territories, tags and goals to choose from."""
    d.labels.region_kinds()
    d.vocabulary.labels(LANG)
    return []


def check_territory(d: NewData) -> list[str]:
    """The default territory: locator map with its events, its parent region's indicators."""
    terrs = d.territories
    tid = (
        territories.DEFAULT_TERRITORY
        if territories.DEFAULT_TERRITORY in terrs
        else next(iter(terrs))
    )
    terr = terrs[tid]
    feature = territories.features_by_id(d.pilots)[terr.geometry_id]
    mine = events.for_territory(d.events, tid)
    territory_map.territory_locator(
        d.geojson("2022"),
        terr.parent_ref_area,
        feature,
        names=d.region_names(),
        territory_name=terr.name(LANG),
        events=[(events.date_label(e, LANG), e.title(LANG)) for e in mine],
        findings=0,
        lang=LANG,
    )
    d.region_profile(terr.parent_ref_area)
    d.index_result(d.index_years[-1])
    return []


PAGE_CHECKS: dict[str, Callable[[NewData], list[str]]] = {
    "overview": check_overview,
    "goal": check_goal,
    "map": check_map,
    "region": check_region,
    "tag": check_tag,
    "compare": check_compare,
    "index": check_index,
    "findings": check_findings,
    "territory": check_territory,
}
NO_DATA_PAGES: dict[str, str] = {
    "seminar": "opens on an empty deck; each view added to a deck is built by its own page",
}


def run(data_dir: Path, geodata_dir: Path, problems: Problems) -> dict[str, str]:
    """Run every page check on the new data; record failures (blocking) and notes (warnings).

    Returns page -> "ok", "ok with notes" or "fails".
    """
    data = NewData(data_dir, geodata_dir)
    outcome: dict[str, str] = {}
    try:
        for page, check in PAGE_CHECKS.items():
            try:
                notes = check(data)
            except Exception as exc:  # any failure here is what a user would have hit
                kind = "" if isinstance(exc, ViewCheckError) else f"{type(exc).__name__}: "
                problems.block("pages", f"page '{page}', default view: {kind}{exc}")
                outcome[page] = "fails"
                continue
            for note in notes:
                problems.warn("pages", f"page '{page}': {note}")
            outcome[page] = "ok with notes" if notes else "ok"
    finally:
        if "con" in data.__dict__:  # opened by a check (cached_property)
            data.con.close()
    return outcome
