"""Before the swap: every page's default view built from the new data by the features' own view
functions, and every deck view's slides.

A refresh that would crash a page must be caught by the build, not by a user. The checks read
the new (temporary) data folder through a plain :class:`sdgdash.data.source.Source`, the same
:class:`~sdgdash.data.source.Data` the app reads through its caches, and call the functions the
page scripts call for the view a page opens on (``query_from_params(data, {})``, the featured
indicator on the overview), then the figures drawn from them; each deckable page's default view
also becomes its deck slides (:func:`sdgdash.features.deck.document.slide_for`). An exception is
a blocking problem naming the page; a returned note (the page falls back to another default)
is a warning.

``PAGE_CHECKS`` is the registry: one check per page id of :data:`sdgdash.pages.PAGES` (a test
keeps the two equal).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sdgdash.config import Settings
from sdgdash.data import events as events_table
from sdgdash.data.source import Data, Source
from sdgdash.data.territories import features_by_id
from sdgdash.features.compare import charts as compare_charts
from sdgdash.features.compare import view as compare_view
from sdgdash.features.deck import document, pptx
from sdgdash.features.deck.model import Deck, View
from sdgdash.features.distance import view as distance_view
from sdgdash.features.goal import charts as goal_charts
from sdgdash.features.goal import view as goal_view
from sdgdash.features.index import charts as index_charts
from sdgdash.features.index import view as index_view
from sdgdash.features.map import charts as map_charts
from sdgdash.features.map import view as map_view
from sdgdash.features.overview import view as overview_view
from sdgdash.features.plans import tables as plan_tables
from sdgdash.features.plans import view as plans_view
from sdgdash.features.region import view as region_view
from sdgdash.features.tags import charts as tag_charts
from sdgdash.features.tags import view as tags_view
from sdgdash.features.territory import view as territory_view
from sdgdash.geo import layouts
from sdgdash.geo.locator import locator, territory_locator
from sdgdash.ingest.problems import Problems

LANG = "en"  # names do not change what is computed; one language keeps the checks short


class ViewCheckError(Exception):
    """A page's default view cannot be built from the new data (the page would fail)."""


def _slides(data: Data, page: str) -> None:
    """The page's default view as deck slides, as the seminar page and its PowerPoint build it."""
    document.slide_for(data, View(page), LANG)


def _names(data: Data) -> dict[str, str]:
    labels = data.labels()
    return {c: labels.region_name(c, LANG) for c in labels.regions}


def _map(data: Data, view: map_view.MapView) -> None:
    """The choropleth every page draws of a map view."""
    map_charts.map_figure(data, view, LANG)


def _index_year(data: Data) -> int:
    """The newest scoring year, or a clear error when no year ranks enough regions."""
    years = index_view.index_years(data)
    if not years:
        raise ViewCheckError(
            f"no scoring year ranks {index_view.MIN_RANKED} regions: the index, region, compare "
            "and territory pages have no index to show"
        )
    return years[-1]


# --- one check per page ------------------------------------------------------------------------


def check_overview(data: Data) -> list[str]:
    """KPIs, source version, goal tiles, the featured indicator on the map, the events, what the
    last update changed."""
    kpis = overview_view.kpis(data)
    if kpis.first_year is None:
        raise ViewCheckError("no indicator has a year with data: the overview's KPIs are empty")
    overview_view.version_caption(data, LANG)
    overview_view.goal_tiles(data, LANG)
    if data.regional_indicators().empty:
        raise ViewCheckError("no indicator has regional values: the overview's map is empty")
    query = map_view.query_from_params(data, {})
    _map(data, map_view.map_view(data, query.selection, query.year))
    tag_charts.events_timeline(list(data.events()), LANG)
    overview_view.data_update(data, LANG)
    _slides(data, "overview")
    note = map_view.featured_note(data)
    return [note] if note else []


def check_goal(data: Data) -> list[str]:
    """Goal 1 for Kazakhstan: status summary and table, coverage heatmap, gaps, the regions'
    distance to 2030."""
    q = goal_view.query_from_params(data, {})
    table = goal_view.status_for(data, q.goal, q.tag)
    goal_charts.status_summary(goal_view.summary_counts(data, table, q.ref_area, LANG), LANG)
    goal_view.status_rows(data, table, q.goal, q.ref_area, LANG)
    matrix = goal_view.goal_coverage(data, q.goal)
    names = {i: i for i in matrix.index}
    goal_charts.coverage_heatmap(matrix, names, _names(data) | {"": "Kazakhstan"}, LANG)
    goal_view.goal_gaps(data, q.goal, q.ref_area)
    distance_view.goal_regions(data, q.goal)
    distance_view.goal_indicator_rows(data, q.goal, q.ref_area)
    _slides(data, "goal")
    return []


def check_map(data: Data) -> list[str]:
    """The map page's default indicator: its map, regional series and values table."""
    if data.regional_indicators().empty:
        raise ViewCheckError("no indicator has regional values: the map page is empty")
    query = map_view.query_from_params(data, {})
    view = map_view.map_view(data, query.selection, query.year)
    _map(data, view)
    data.regional_series(view.selection)
    map_view.table(view, data.labels(), LANG)
    _slides(data, "map")
    note = map_view.featured_note(data)
    return [note] if note else []


def check_region(data: Data) -> list[str]:
    """The default region: locator map, goal scores against all regions, profile table, distance
    to 2030."""
    ref_area = region_view.region_from_params({})
    if ref_area not in data.labels().regions:
        raise ViewCheckError(f"the default region {ref_area} is not in the data")
    layout = next(lo for lo in layouts.LAYOUTS if ref_area in layouts.LAYOUT_UNITS[lo])
    locator(data.geojson(layout), ref_area, names=_names(data), lang=LANG, pilots=data.pilots())
    result = index_view.index_result(data, _index_year(data))
    goals = result.goals[result.goals["ref_area"] == ref_area]
    if len(goals):
        index_charts.goal_scores(goals, result.distribution, data.labels(), LANG)
    profile = region_view.region_profile(data, ref_area)
    ratings = index_view.region_ratings(data, ref_area)
    region_view.profile_table(data, profile, LANG, ratings)
    distance_view.region_distance(data, ref_area)
    events_table.for_region(data.events(), ref_area)
    _slides(data, "region")
    return []


def check_compare(data: Data) -> list[str]:
    """The two default regions side by side, their goal scores, one indicator over time and its
    distance to 2030."""
    codes = compare_view.regions_from_params({})
    frame = compare_view.region_comparison(data, tuple(codes))
    if not compare_view.indicator_choices(data, frame):
        raise ViewCheckError(f"the default regions {', '.join(codes)} share no indicator")
    codes, ind = compare_view.query_from_params(data, {})
    result = index_view.index_result(data, _index_year(data))
    goals = result.goals[result.goals["ref_area"].isin(codes)]
    names = {c: data.labels().region_name(c, LANG) for c in codes}
    if len(goals):
        compare_charts.compare_goal_scores(goals, codes, names, data.labels(), LANG)
    lines = compare_view.lines(data, codes, ind)
    compare_charts.compare_lines(
        lines.regional, lines.national, codes, names, lines.selection.unit, LANG
    )
    distance_view.compare_rows(data, codes, ind)
    _slides(data, "compare")
    return []


def check_index(data: Data) -> list[str]:
    """The latest scoring year's ranking (index indicators without data are left out, listed)
    and every region's distance to 2030 per goal."""
    _index_year(data)
    result = index_view.index_result(data, index_view.from_params(data, {}))
    if result.index.empty:
        raise ViewCheckError("the index ranks no region")
    distance_view.goal_score_matrix(data)
    _slides(data, "index")
    return []


def check_tag(data: Data) -> list[str]:
    """The default tag: its links (and those left out), its first regional indicator on the map
    with the regions ranked."""
    q = tags_view.query_from_params(data, {})
    tags_view.links_table(data, q.tag, LANG)
    tags_view.left_out_links(data, q.tag, LANG)
    if q.indicator is not None:
        view = tags_view.tag_map(data, q.indicator)
        _map(data, view)
        ranked = tag_charts.ranking_frame(view)
        tag_charts.regions_ranked(
            ranked, _names(data), view.national, "", LANG, view.higher_is_better
        )
    _slides(data, "tag")
    return []


def check_findings(data: Data) -> list[str]:
    """The findings filters: regions, pilot territories and tags to choose from (findings live
    in the store, not in the data)."""
    region_view.region_units(data, LANG)
    data.territory_names(LANG)
    data.tag_vocabulary().labels(LANG)
    return []


def check_territory(data: Data) -> list[str]:
    """The default territory: locator map with its events, its parent region's indicators."""
    terr, goal = territory_view.query_from_params(data, {})
    feature = features_by_id(data.pilots())[terr.geometry_id]
    mine = events_table.for_territory(data.events(), terr.territory_id)
    territory_locator(
        data.geojson("2022"),
        terr.parent_ref_area,
        feature,
        names=_names(data),
        territory_name=terr.name(LANG),
        events=[(events_table.date_label(e, LANG), e.title(LANG)) for e in mine],
        findings=0,
        lang=LANG,
    )
    _index_year(data)
    territory_view.context_rows(data, terr, goal, LANG)
    _slides(data, "territory")
    return []


def check_plans(data: Data) -> list[str]:
    """The default place's actual vs plan: plans live in the store, so on new data this is each
    headline's 2030 end value standing in where no plan exists, as the page and its slides show."""
    place = plans_view.place_from_params(data, {})
    table = plans_view.place_status(data, None, place)
    plan_tables.status_display(data, table, LANG)
    _slides(data, "plans")
    return []


def check_seminar(data: Data) -> list[str]:
    """The seminar page's PowerPoint of a deck (its title slide; each view's slides are built by
    that page's check)."""
    pptx.build(document.deck_document(data, Deck(), LANG))
    return []


PAGE_CHECKS: dict[str, Callable[[Data], list[str]]] = {
    "overview": check_overview,
    "goal": check_goal,
    "map": check_map,
    "region": check_region,
    "tag": check_tag,
    "compare": check_compare,
    "plans": check_plans,
    "index": check_index,
    "findings": check_findings,
    "territory": check_territory,
    "seminar": check_seminar,
}


def run(data_dir: Path, geodata_dir: Path, problems: Problems) -> dict[str, str]:
    """Run every page check on the new data; record failures (blocking) and notes (warnings).

    Returns page -> "ok", "ok with notes" or "fails".
    """
    source = Source(Settings(data_dir=data_dir, geodata_dir=geodata_dir, store_url=""))
    outcome: dict[str, str] = {}
    try:
        for page, check in PAGE_CHECKS.items():
            try:
                notes = check(source)
            except Exception as exc:  # any failure here is what a user would have hit
                kind = "" if isinstance(exc, ViewCheckError) else f"{type(exc).__name__}: "
                problems.block("pages", f"page '{page}', default view: {kind}{exc}")
                outcome[page] = "fails"
                continue
            for note in notes:
                problems.warn("pages", f"page '{page}': {note}")
            outcome[page] = "ok with notes" if notes else "ok"
    finally:
        if "connection" in source.__dict__:  # opened by a check (cached_property)
            source.connection.close()
    return outcome
