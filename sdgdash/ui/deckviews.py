"""What a deck view shows, as data: its title and its slide (chart values, map image, footer)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from sdgdash import selection, slides
from sdgdash.catalog import FEATURED_INDICATOR, SELECTION_COLUMNS
from sdgdash.i18n import t, tn
from sdgdash.maps import CLASSINGS, PALETTES
from sdgdash.models import Selection
from sdgdash.seminar import Deck, View
from sdgdash.territories import Territory
from sdgdash.ui import cached, pageslides
from sdgdash.ui.slideparts import footer, map_image, profile_slides

# The i18n key of each page's name where it is not "nav_<page>".
_PAGE_NAMES = {"goal": "goal_nav", "tag": "tag_nav"}


def page_name(page: str, lang: str) -> str:
    """The name of a page as its navigation link shows it."""
    return t(_PAGE_NAMES.get(page, f"nav_{page}"), lang)


def _selection(params: dict[str, str]) -> tuple[Selection, list[int], int]:
    """The selection and year a map/overview URL opens, resolved as the pages resolve them."""
    ids = cached.regional_indicators()["indicator_id"].tolist()
    ind = params.get("ind") if params.get("ind") in ids else FEATURED_INDICATOR
    options = cached.selection_options(ind)
    head = selection.headline(options, ind)
    wanted = {c: params.get(c, getattr(head, c)) for c in SELECTION_COLUMNS}
    sel = selection.resolve(options, ind, wanted)
    years = selection.years_of(options, sel)
    raw = params.get("year", "")
    year = int(raw) if raw.isdigit() and int(raw) in years else years[-1]
    return sel, years, year


def _regions(raw: str | None, default: list[str]) -> list[str]:
    known = set(cached.labels().regions)
    codes = [c for c in (raw or "").split(",") if c in known]
    return codes or default


def _index_year(params: dict[str, str]) -> int:
    years = cached.index_years()
    raw = params.get("iyear", "")
    return int(raw) if raw.isdigit() and int(raw) in years else years[-1]


def view_title(page: str, params: dict[str, str], lang: str) -> str:
    """A slide title for a view, in ``lang``, from what the view shows."""
    labels = cached.labels()
    if page in ("map", "overview"):
        sel, _, year = _selection(params)
        return f"{labels.indicator_label(sel.indicator_id, lang)}, {year}"
    if page == "region":
        return labels.region_name(params.get("region", "KZKAR"), lang)
    if page == "compare":
        codes = _regions(params.get("regions"), ["KZKAR", "KZKZY"])
        names = ", ".join(labels.region_name(c, lang) for c in codes)
        ind = params.get("ind", FEATURED_INDICATOR)
        return f"{names}: {labels.indicator_label(ind, lang)}"
    if page == "index":
        return t("slide_index_title", lang, year=_index_year(params))
    if page in pageslides.TITLES:
        return pageslides.TITLES[page](params, lang)
    return page_name(page, lang) if page else ""


def map_slide(title: str, params: dict[str, str], lang: str) -> slides.ImageSlide:
    """A map view as an image with the classes and palette of its URL."""
    sel, _, year = _selection(params)
    cls = params.get("cls") if params.get("cls") in CLASSINGS else "continuous"
    pal = params.get("pal") if params.get("pal") in PALETTES else PALETTES[0]
    return map_image(title, sel, year, lang, cls, pal)


def goal_scores_slide(title: str, ref_area: str, lang: str) -> slides.ChartSlide:
    """A region's goal scores (latest index year) as a native bar chart."""
    labels = cached.labels()
    year = cached.index_years()[-1]
    result = cached.index_result(year)
    goals = result.goals[result.goals["ref_area"] == ref_area].sort_values("goal")
    goals = goals[goals["score"].notna()]
    return slides.ChartSlide(
        title,
        "bar",
        [f"{g}. {labels.goal_short(g, lang)}" for g in goals["goal"]],
        [(t("score", lang), goals["score"].round(1).tolist())],
        footer(lang, files=tn("slide_index_source", len(cached.index_table()), lang)),
        axis_title=f"{t('score', lang)} (0–100), {year}",
    )


def compare_slide(title: str, params: dict[str, str], lang: str) -> slides.ChartSlide:
    """The compared regions' lines (and Kazakhstan's) as a native line chart."""
    labels = cached.labels()
    codes = _regions(params.get("regions"), ["KZKAR", "KZKZY"])[:4]
    by_id = {s.indicator_id: s for s in cached.headlines()}
    ind = params.get("ind") if params.get("ind") in by_id else FEATURED_INDICATOR
    sel = by_id[ind]
    regional = cached.regional_series(sel)
    regional = regional[regional["ref_area"].isin(codes)]
    national = cached.national_series(sel)
    years = sorted(set(regional["year"]) | set(national["year"]))
    series = []
    for code in codes:
        mine = regional[regional["ref_area"] == code].set_index("year")["value"]
        series.append((labels.region_name(code, lang), [_at(mine, y) for y in years]))
    nat = national.set_index("year")["value"]
    if len(nat):
        series.append((t("national", lang), [_at(nat, y) for y in years]))
    return slides.ChartSlide(
        title,
        "line",
        [str(y) for y in years],
        series,
        footer(lang, [ind], f"data/indicator_{ind.replace('.', '-')}.csv"),
        axis_title=labels.code_label("unit", sel.unit, lang),
    )


def _at(values: pd.Series, year: int) -> float | None:
    if year not in values.index:
        return None
    v = values.loc[year]
    v = v.iloc[0] if isinstance(v, pd.Series) else v
    return None if pd.isna(v) else float(v)


def index_slide(title: str, params: dict[str, str], lang: str) -> slides.ChartSlide:
    """The regions ranked by the index as a native bar chart (withheld regions left out)."""
    labels = cached.labels()
    year = _index_year(params)
    idx = cached.index_result(year).index
    idx = idx[~idx["withheld"]].sort_values(["rank", "ref_area"])
    return slides.ChartSlide(
        title,
        "bar",
        [f"{int(r.rank)}. {labels.region_name(r.ref_area, lang)}" for r in idx.itertuples()],
        [(t("index", lang), [round(float(v), 1) for v in idx["index"]])],
        footer(lang, files=tn("slide_index_source", len(cached.index_table()), lang)),
        axis_title=f"{t('index', lang)} (0–100), {year}",
    )


# Page -> its view's slides (title, URL parameters, language).
_SLIDES: dict[str, Callable[[str, dict[str, str], str], list[slides.Slide]]] = {
    "map": lambda title, p, lang: [map_slide(title, p, lang)],
    "overview": lambda title, p, lang: [map_slide(title, p, lang)],
    "region": lambda title, p, lang: [goal_scores_slide(title, p.get("region", "KZKAR"), lang)],
    "compare": lambda title, p, lang: [compare_slide(title, p, lang)],
    "index": lambda title, p, lang: [index_slide(title, p, lang)],
    **pageslides.SLIDES,
}


def slide_for(view: View, lang: str) -> list[slides.Slide]:
    """The slide(s) of one deck view (a view without data gives one slide saying so)."""
    title = view.title or view_title(view.page, view.params, lang)
    if view.page not in _SLIDES:
        raise ValueError(f"no slide for page {view.page!r}")
    specs = _SLIDES[view.page](title, view.params, lang)
    if not specs:
        name = page_name(view.page, lang)
        specs = [slides.TableSlide(title, [name], [[t("slide_no_data", lang)]], footer(lang))]
    return specs


def deck_document(deck: Deck, lang: str, base_url: str = "") -> slides.Document:
    """The deck as slides: a title slide (with the views' links), then the slide(s) of each view."""
    specs = [s for view in deck.views for s in slide_for(view, lang)]
    subtitle = [t("app_title", lang)]
    if base_url:
        subtitle += [view.url(base_url, lang) for view in deck.views[:6]]
    return slides.Document(deck.title or t("deck_default_title", lang), subtitle, specs)


def region_document(ref_area: str, lang: str, table: pd.DataFrame) -> slides.Document:
    """A region profile as slides: goal scores, then the indicator table (``table`` as the page
    shows it) in parts."""
    labels = cached.labels()
    name = labels.region_name(ref_area, lang)
    year = cached.index_years()[-1]
    specs: list[slides.Slide] = [
        goal_scores_slide(t("slide_goal_scores", lang, region=name, year=year), ref_area, lang),
        *profile_slides(
            table, lang, lambda part: t("slide_profile_table", lang, region=name, part=part)
        ),
    ]
    return slides.Document(name, [t("app_title", lang)], specs)


def territory_document(
    terr: Territory, lang: str, context_table: pd.DataFrame, local_table: pd.DataFrame
) -> slides.Document:
    """A territory profile as slides: locator map, regional context, local data (the tables as
    the page shows and downloads them)."""
    region = cached.labels().region_name(terr.parent_ref_area, lang)
    title = pageslides.territory_title(terr, 0, lang)
    specs = pageslides.territory_slides(title, terr, lang, context_table, local_table)
    subtitle = [
        t("app_title", lang),
        t("terr_in_region", lang, region=region),
        terr.programme(lang),
    ]
    return slides.Document(terr.name(lang), subtitle, specs)
