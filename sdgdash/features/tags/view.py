"""Problem tags as the tag page and every page that lists indicators show them: the indicators
a tag narrows to, tag names, linked targets and indicators, events as a table, and the tag
page's view (pure)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sdgdash.data import events as ev
from sdgdash.data.source import Data
from sdgdash.exports import tables as exports
from sdgdash.features.map.view import MapView, headline_query, map_view
from sdgdash.i18n import t

TAG_PARAM = "tag"


def narrow(data: Data, indicator_ids: list[str], tag_id: str | None) -> list[str]:
    """The ids of ``indicator_ids`` linked to ``tag_id`` (all of them when no tag is chosen)."""
    if not tag_id:
        return list(indicator_ids)
    linked = set(data.tag_vocabulary().indicators_of(tag_id))
    return [i for i in indicator_ids if i in linked]


def tag_names(data: Data, indicator_id: str, lang: str) -> str:
    """The indicator's tag names joined for a table cell ("" when it has none)."""
    return ", ".join(data.tag_vocabulary().tag_names_of(indicator_id, lang))


def with_tags_column(
    data: Data, table: pd.DataFrame, indicator_ids: list[str], lang: str, after: str
) -> pd.DataFrame:
    """A copy of ``table`` (one row per id in ``indicator_ids``) with a tags column after ``after``."""
    out = table.copy()
    where = list(out.columns).index(after) + 1 if after in out.columns else len(out.columns)
    out.insert(where, t("tags_column", lang), [tag_names(data, i, lang) for i in indicator_ids])
    return out


def events_table(data: Data, events: list[ev.Event], lang: str) -> pd.DataFrame:
    """The events as a table in ``lang`` (what the CSV download holds)."""
    labels = data.labels()
    columns = {
        "date": t("event_col_date", lang),
        "start": t("event_col_start", lang),
        "end": t("event_col_end", lang),
        "title": t("event_col_title", lang),
        "summary": t("event_col_summary", lang),
        "regions": t("event_col_regions", lang),
        "territories": t("event_col_territories", lang),
        "tags": t("tags_column", lang),
        "goals": t("event_col_goals", lang),
        "source": t("source", lang),
        "url": t("event_col_url", lang),
    }
    return ev.table(
        events,
        lang,
        columns,
        {c: labels.region_name(c, lang) for c in labels.regions},
        data.territory_names(lang),
        data.tag_vocabulary().labels(lang),
        t("event_all_regions", lang),
    )


def links_table(data: Data, tag_id: str, lang: str) -> pd.DataFrame:
    """The tag's linked targets and indicators with data coverage and the reason for each link."""
    labels = data.labels()
    vocab = data.tag_vocabulary()
    inds = data.indicators().set_index("indicator_id")
    rows = []
    for link in [*vocab.links_of(tag_id, "target"), *vocab.links_of(tag_id, "indicator")]:
        if link.kind == "target":
            name, coverage, years = t("tag_target", lang, target=link.ref), "", ""
        else:
            row = inds.loc[link.ref]
            name = labels.indicator_name(link.ref, lang)
            if row["has_regional_data"]:
                coverage = t("tag_yes", lang)
            elif row["has_data"]:
                coverage = t("tag_national_only", lang)
            else:
                coverage = t("tag_no_data", lang)
            years = f"{int(row['first_year'])}–{int(row['last_year'])}" if row["has_data"] else ""
        rows.append(
            {
                t("tag_col_kind", lang): t(f"tag_kind_{link.kind}", lang),
                t("tag_col_ref", lang): link.ref,
                t("indicator", lang): name,
                t("tag_col_regional", lang): coverage,
                t("tag_col_years", lang): years,
                t("tag_col_rationale", lang): link.rationales[lang],
            }
        )
    return pd.DataFrame(rows)


def left_out_links(data: Data, tag_id: str, lang: str) -> list[tuple[str, str, str]]:
    """(reference, name, reason) of the tag's links left out because the data lacks their
    indicator or target (retired or renamed upstream), in ``lang``."""
    labels = data.labels()
    out = []
    for lo in data.tag_vocabulary().left_out_of(tag_id):
        known = lo.ref in labels.indicators
        name = labels.indicator_name(lo.ref, lang) if known else ""
        out.append((lo.ref, name, t(f"refresh_reason_{lo.reason}", lang)))
    return out


def links_meta(data: Data, tag_id: str, lang: str) -> exports.ExportMeta:
    """What a download of the tag's links holds: the tag's name and its linked indicators."""
    vocab = data.tag_vocabulary()
    ids = tuple(link.ref for link in vocab.links_of(tag_id, "indicator"))
    return exports.ExportMeta(vocab.name(tag_id, lang), ids)


def regional_linked(data: Data, tag_id: str) -> list[str]:
    """The tag's linked indicators that have regional values, in link order."""
    regional = set(data.regional_indicators()["indicator_id"])
    return [i for i in data.tag_vocabulary().indicators_of(tag_id) if i in regional]


def default_tag(data: Data) -> str:
    """The tag a tag page opens by default: the first problem raised at the 2022 seminars."""
    vocab = data.tag_vocabulary()
    return (vocab.seminar_tags() or vocab.tag_ids())[0]


@dataclass(frozen=True)
class TagQuery:
    """What a tag page URL asks for: the tag and, when it has regional data, the indicator on its
    map (None otherwise)."""

    tag: str
    indicator: str | None


def query_from_params(data: Data, params: dict[str, str]) -> TagQuery:
    """The tag (``tag``) and map indicator (``indicator``) a tag page URL opens, resolved as the
    page resolves them."""
    ids = data.tag_vocabulary().tag_ids()
    tag = params.get(TAG_PARAM, "")
    tag = tag if tag in ids else default_tag(data)
    regional = regional_linked(data, tag)
    if not regional:
        return TagQuery(tag, None)
    ind = params.get("indicator", "")
    return TagQuery(tag, ind if ind in regional else regional[0])


def tag_map(data: Data, indicator_id: str) -> MapView:
    """The tag page's map: the indicator's headline selection in its latest year."""
    query = headline_query(data, indicator_id)
    return map_view(data, query.selection, query.year)
