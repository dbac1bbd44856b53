"""Slides of the goal, tag and pilot territory pages: the same numbers as the page shows."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pandas as pd

from sdgdash import geo, goalview, selection, slides
from sdgdash.catalog import GOALS
from sdgdash.goalcharts import STATUS_COLOURS
from sdgdash.i18n import fmt_date, fmt_number, t
from sdgdash.models import Selection
from sdgdash.tagcharts import ranking_frame
from sdgdash.tags import LINKS_FILE, TAGS_FILE
from sdgdash.territories import DEFAULT_TERRITORY, Territory, features_by_id
from sdgdash.ui import auth, cached, goalpage, localstore, regions, tagsview, territory
from sdgdash.ui.slideparts import (
    commit,
    files_text,
    footer,
    map_image,
    map_view,
    profile_slides,
    table_slides,
)

_COUNT_FORMAT = "0;-0;;@"  # whole numbers, zero segments of a stacked bar left unlabelled


# --- goal page --------------------------------------------------------------------------------


def _goal_params(params: dict[str, str]) -> tuple[int, str, str | None]:
    """(goal, area, tag) a goal page URL opens, resolved as the page resolves them."""
    raw = params.get("goal", "")
    goal = int(raw) if raw.isdigit() and int(raw) in GOALS else GOALS[0]
    region = params.get("region", "")
    ref_area = region if region in geo.ALL_UNITS else goalview.NATIONAL
    tag = params.get("tag", "")
    return goal, ref_area, tag if tag in cached.tag_vocabulary().tag_ids() else None


def goal_title(params: dict[str, str], lang: str) -> str:
    """A goal view's title: the goal, the area (and the problem tag, if any)."""
    labels = cached.labels()
    goal, ref_area, tag = _goal_params(params)
    title = f"{t('goal', lang)} {goal}. {labels.goal_short(goal, lang)} — "
    title += labels.region_name(ref_area, lang)
    return title + (f" · {cached.tag_vocabulary().name(tag, lang)}" if tag else "")


def goal_slides(title: str, params: dict[str, str], lang: str) -> list[slides.Slide]:
    """The goal page's status summary as a native stacked bar chart (Kazakhstan and the chosen
    region), then the chosen area's status table in parts."""
    goal, ref_area, tag = _goal_params(params)
    table = goalpage.status_for(goal, tag)
    counts = goalpage.summary_counts(table, ref_area, lang)
    areas = list(counts)
    series, colours = [], []
    for bucket in goalview.BUCKETS:
        values = [int(counts[a].set_index("bucket").loc[bucket, "n"]) for a in areas]
        if any(values):  # as on the page: statuses no indicator has are left out
            series.append((t(f"goal_status_{bucket}", lang), values))
            colours.append(STATUS_COLOURS[bucket])
    out: list[slides.Slide] = []
    if series:
        files = goalpage.summary_files(table, ref_area)
        out.append(
            slides.ChartSlide(
                title,
                "stacked",
                areas,
                series,
                footer(lang, files=files_text(files)),
                axis_title=t("goal_n_indicators", lang),
                colours=tuple(colours),
                number_format=_COUNT_FORMAT,
            )
        )
    rows = goalpage.status_rows(table, goal, ref_area, lang)
    if not len(rows):
        return out
    keys = ("indicator", "goal_status", "goal_base", "goal_latest", "goal_cagr")
    cols = [t(k, lang) for k in keys]
    cells = [
        [
            textwrap.shorten(str(r[cols[0]]), 110),
            str(r[cols[1]]),
            str(r[cols[2]]),
            str(r[cols[3]]),
            "" if r[cols[4]] is None or pd.isna(r[cols[4]]) else fmt_number(r[cols[4]], lang),
        ]
        for r in rows.to_dict("records")
    ]
    sources = [str(f) for f in rows[t("source", lang)]]

    def foot(chunk: slice) -> str:
        return footer(lang, files=files_text(sorted({f for f in sources[chunk] if f})))

    out += table_slides(
        lambda part: t("slide_status_table", lang, title=title, part=part), cols, cells, foot
    )
    return out


# --- tag page ---------------------------------------------------------------------------------


def _tag_params(params: dict[str, str]) -> tuple[str, str | None]:
    """(tag, regional indicator or None) a tag page URL opens, resolved as the page does."""
    vocab = cached.tag_vocabulary()
    ids = vocab.tag_ids()
    tag = params.get("tag", "")
    tag = tag if tag in ids else (vocab.seminar_tags() or ids)[0]
    regional = tagsview.regional_linked(tag)
    if not regional:
        return tag, None
    ind = params.get("indicator", "")
    return tag, ind if ind in regional else regional[0]


def _tag_selection(indicator_id: str) -> tuple[Selection, int]:
    """The headline selection of a tag page's indicator and its latest year (as the page)."""
    options = cached.selection_options(indicator_id)
    sel = selection.headline(options, indicator_id)
    return sel, selection.years_of(options, sel)[-1]


def tag_title(params: dict[str, str], lang: str) -> str:
    """A tag view's title: the tag, and the indicator and year on its map."""
    tag, ind = _tag_params(params)
    name = cached.tag_vocabulary().name(tag, lang)
    if ind is None:
        return name
    _, year = _tag_selection(ind)
    return f"{name}: {cached.labels().indicator_label(ind, lang, width=80)}, {year}"


def ranked_slide(title: str, sel: Selection, year: int, lang: str) -> slides.ChartSlide:
    """The tag page's "across the regions" bars as a native bar chart, rank 1 on top."""
    labels = cached.labels()
    view, better = map_view(sel, year)
    ranked = ranking_frame(view, better).sort_values(["rank", "ref_area"])
    unit = labels.code_label("unit", sel.unit, lang)
    axis = f"{unit}, {year}" if unit else str(year)
    if view.national is not None:
        axis += f" · {t('national_value', lang)}: {fmt_number(view.national, lang)}"
    return slides.ChartSlide(
        title,
        "bar",
        [f"{r.rank}. {labels.region_name(r.ref_area, lang)}" for r in ranked.itertuples()],
        [(unit or t("value", lang), [float(v) for v in ranked["value"]])],
        footer(lang, [sel.indicator_id], ", ".join(sorted(set(ranked["source_file"])))),
        axis_title=axis,
        number_format="General",
    )


def tag_slides(title: str, params: dict[str, str], lang: str) -> list[slides.Slide]:
    """The tag's chosen regional indicator as a map and the regions ranked; a tag without
    regional data gives its linked targets and indicators as a table."""
    tag, ind = _tag_params(params)
    if ind is not None:
        sel, year = _tag_selection(ind)
        return [
            map_image(title, sel, year, lang),
            ranked_slide(t("slide_ranked", lang, title=title), sel, year, lang),
        ]
    links = tagsview.links_table(tag, lang)
    cols = [t(k, lang) for k in ("indicator", "tag_col_ref", "tag_col_regional", "tag_col_years")]
    cells = [[textwrap.shorten(str(r[c]), 110) for c in cols] for r in links.to_dict("records")]
    files = f"data/curated/{TAGS_FILE}, data/curated/{LINKS_FILE}"
    return table_slides(
        lambda part: t("slide_tag_links", lang, title=title, part=part),
        cols,
        cells,
        lambda chunk: footer(lang, files=files),
    )


# --- territory page ---------------------------------------------------------------------------


def _territory_params(params: dict[str, str]) -> tuple[Territory, int]:
    """(territory, goal or 0 = all) a territory page URL opens, resolved as the page does."""
    terrs = cached.territories()
    tid = params.get("territory", "")
    if tid not in terrs:
        tid = DEFAULT_TERRITORY if DEFAULT_TERRITORY in terrs else next(iter(terrs))
    terr = terrs[tid]
    raw = params.get("goal", "")
    goal = int(raw) if raw.isdigit() and int(raw) in territory.context_goals(terr) else 0
    return terr, 0 if terr.priority_goals else goal


def territory_title(terr: Territory, goal: int, lang: str) -> str:
    """A territory view's title: name, kind and region (and the goal chosen, if any)."""
    labels = cached.labels()
    region = labels.region_name(terr.parent_ref_area, lang)
    title = f"{terr.name(lang)} — {t('terr_kind_' + terr.kind, lang)}, {region}"
    return title + (f" · {t('goal', lang)} {goal}. {labels.goal_short(goal, lang)}" if goal else "")


def locator_slide(title: str, terr: Territory, lang: str) -> slides.ImageSlide:
    """The territory's locator map (parent region, neighbours, the territory) as an image."""
    labels = cached.labels()
    feature = features_by_id(cached.pilots())[terr.geometry_id]
    png = slides.locator_png(
        cached.geojson("2022"),
        terr.parent_ref_area,
        feature,
        names={c: labels.region_name(c, lang) for c in labels.regions},
        territory_name=terr.name(lang),
    )
    since = fmt_date(terr.since, lang)
    caption = f"{terr.programme(lang)} · {t('terr_since', lang, date=since)}. {t('terr_map_caption', lang)}"
    props = feature.get("properties") or {}
    where = "; ".join(
        x
        for x in (
            f"{props.get('source', '')} ({props.get('license', '')})" if props else "",
            f"geodata/{geo.PILOT_FILE}",
            "data/curated/territories.csv",
        )
        if x
    )
    foot = f"{t('terr_source', lang)}: {where} · {t('slide_build', lang)} {commit()}"
    return slides.ImageSlide(title, png, foot, caption)


def local_slides(terr: Territory, lang: str, local: pd.DataFrame) -> list[slides.TableSlide]:
    """The territory's uploaded values beside the region's and Kazakhstan's, per indicator (the
    table :func:`territory.local_data` shows)."""
    if not len(local):
        return []
    labels = cached.labels()
    out: list[slides.TableSlide] = []
    ind_col = t("indicator", lang)
    for ind, part in local.groupby(ind_col, sort=False):
        cols = [c for c in part.columns if c != ind_col][:6]  # breakdown .. Kazakhstan
        cells = [
            [fmt_number(v, lang) if isinstance(v, float) else str(v) for v in row]
            for row in part[cols].itertuples(index=False)
        ]
        uploads = sorted(set(part[t("terr_col_upload_source", lang)]))
        label = labels.indicator_label(str(ind), lang, width=70)
        out += table_slides(
            lambda p, label=label: f"{terr.name(lang)}: {label} ({p})",
            cols,
            cells,
            lambda chunk, ind=ind, uploads=uploads: footer(lang, [str(ind)], "; ".join(uploads)),
        )
    return out


def territory_slides(
    title: str,
    terr: Territory,
    lang: str,
    context_table: pd.DataFrame,
    local_table: pd.DataFrame,
) -> list[slides.Slide]:
    """The territory page as slides: locator map, the regional context table in parts, then
    the local data (if any)."""
    region = cached.labels().region_name(terr.parent_ref_area, lang)
    heading = t("terr_context_heading", lang, region=region)
    return [
        locator_slide(title, terr, lang),
        *profile_slides(
            context_table, lang, lambda part: f"{terr.name(lang)} — {heading} ({part})"
        ),
        *local_slides(terr, lang, local_table),
    ]


def territory_view_slides(title: str, params: dict[str, str], lang: str) -> list[slides.Slide]:
    """A territory view: what the page shows for its URL (local data from the upload store)."""
    terr, goal = _territory_params(params)
    _, table = territory.context_rows(terr, goal, lang)
    context_table = regions.csv_rows(table, lang) if len(table) else table
    try:
        parts = territory.local_indicators(terr, lang, localstore.get_upload_store())
    except auth.STORE_ERRORS:  # the deck is built without the local data rather than not at all
        parts = []
    local = pd.concat([p.table for p in parts], ignore_index=True) if parts else pd.DataFrame()
    return territory_slides(title, terr, lang, context_table, local)


# Page -> its view's title and slides (used by sdgdash.ui.deckviews).
TITLES: dict[str, Callable[[dict[str, str], str], str]] = {
    "goal": goal_title,
    "tag": tag_title,
    "territory": lambda params, lang: territory_title(*_territory_params(params), lang),
}
SLIDES: dict[str, Callable[[str, dict[str, str], str], list[slides.Slide]]] = {
    "goal": goal_slides,
    "tag": tag_slides,
    "territory": territory_view_slides,
}
