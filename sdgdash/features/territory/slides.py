"""A pilot territory as slides: locator map, its region's context table in parts, then the local
data; for a deck view and the territory profile download (pure; the page's view functions)."""

from __future__ import annotations

import functools

import pandas as pd

from sdgdash.data.source import Data
from sdgdash.data.territories import Territory, features_by_id
from sdgdash.features.deck import pptx
from sdgdash.features.deck.parts import (
    Summary,
    commit,
    first_rows,
    footer,
    profile_slides,
    ranked_rows,
    table_slides,
)
from sdgdash.features.region.view import csv_rows
from sdgdash.features.territory.view import context_rows, local_indicators, query_from_params
from sdgdash.geo import layouts as geo
from sdgdash.i18n import fmt_date, fmt_number, t


def territory_title(data: Data, terr: Territory, goal: int, lang: str) -> str:
    """Name, kind and region (and the goal chosen, if any)."""
    labels = data.labels()
    region = labels.region_name(terr.parent_ref_area, lang)
    text = f"{terr.name(lang)} — {t('terr_kind_' + terr.kind, lang)}, {region}"
    return text + (f" · {t('goal', lang)} {goal}. {labels.goal_short(goal, lang)}" if goal else "")


def title(data: Data, params: dict[str, str], lang: str) -> str:
    """A territory view's title."""
    return territory_title(data, *query_from_params(data, params), lang)


def slides(data: Data, title: str, params: dict[str, str], lang: str) -> list[pptx.Slide]:
    """What the territory page shows for its URL (local data from the upload store)."""
    terr, goal = query_from_params(data, params)
    shown, table = context_rows(data, terr, goal, lang)
    context_table = csv_rows(table, lang) if len(table) else table
    parts = local_indicators(data, terr, lang)
    local = pd.concat([p.table for p in parts], ignore_index=True) if parts else pd.DataFrame()
    # A deck summarises the region's long table: where it ranks best and worst.
    ranks = (shown["rank"] / shown["n_ranked"]).tolist() if len(shown) else []
    region = data.labels().region_name(terr.parent_ref_area, lang)
    summary = ranked_rows(ranks, region, lang)
    return territory_slides(data, title, terr, lang, context_table, local, summary)


def locator_slide(data: Data, title: str, terr: Territory, lang: str) -> pptx.ImageSlide:
    """The territory's locator map (parent region, neighbours, the territory) as an image."""
    labels = data.labels()
    feature = features_by_id(data.pilots())[terr.geometry_id]
    png = functools.partial(
        pptx.locator_png,
        data.geojson("2022"),
        terr.parent_ref_area,
        feature,
        names={c: labels.region_name(c, lang) for c in labels.regions},
        territory_name=terr.name(lang),
    )
    since = fmt_date(terr.since, lang)
    caption = (
        f"{terr.programme(lang)} · {t('terr_since', lang, date=since)}. "
        f"{t('terr_map_caption', lang)}"
    )
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
    foot = f"{t('terr_source', lang)}: {where} · {commit(data, lang)}"
    return pptx.ImageSlide(title, png, foot, caption)


def local_slides(
    data: Data, terr: Territory, lang: str, local: pd.DataFrame, summarise: bool = False
) -> list[pptx.Slide]:
    """The territory's uploaded values beside the region's and Kazakhstan's, per indicator (the
    table the page shows; with ``summarise`` a long one becomes its first rows)."""
    if not len(local):
        return []
    labels = data.labels()
    out: list[pptx.Slide] = []
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
            lambda keep, ind=ind, uploads=uploads: footer(
                data, lang, [str(ind)], "; ".join(uploads)
            ),
            first_rows(len(cells), lang) if summarise else None,
            lang,
        )
    return out


def territory_slides(
    data: Data,
    title: str,
    terr: Territory,
    lang: str,
    context_table: pd.DataFrame,
    local_table: pd.DataFrame,
    summary: Summary | None = None,
) -> list[pptx.Slide]:
    """Locator map, the regional context table (in parts, or one slide of its ``summary``), then
    the local data (if any; summarised too when ``summary`` is given)."""
    region = data.labels().region_name(terr.parent_ref_area, lang)
    heading = t("terr_context_heading", lang, region=region)
    return [
        locator_slide(data, title, terr, lang),
        *profile_slides(
            data,
            context_table,
            lang,
            lambda part: f"{terr.name(lang)} — {heading} ({part})",
            summary,
        ),
        *local_slides(data, terr, lang, local_table, summarise=summary is not None),
    ]


def territory_document(
    data: Data, terr: Territory, lang: str, context_table: pd.DataFrame, local_table: pd.DataFrame
) -> pptx.Document:
    """A territory profile as slides (the tables as the page shows and downloads them)."""
    region = data.labels().region_name(terr.parent_ref_area, lang)
    specs = territory_slides(
        data, territory_title(data, terr, 0, lang), terr, lang, context_table, local_table
    )
    subtitle = [
        t("app_title", lang),
        t("terr_in_region", lang, region=region),
        terr.programme(lang),
    ]
    return pptx.Document(terr.name(lang), subtitle, specs)
