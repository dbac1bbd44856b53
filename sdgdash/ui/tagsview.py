"""Widgets of the problem tags and the events timeline, for any page that lists indicators."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sdgdash import events as ev
from sdgdash import exports
from sdgdash.i18n import t
from sdgdash.tagcharts import events_timeline
from sdgdash.ui import cached, state
from sdgdash.ui.widgets import download_buttons, md_escape

TAG_PARAM = "tag"


def tag_filter(lang: str, key: str, container=None) -> str | None:
    """A "problem tag" select box (with "all tags") kept in the URL as ``tag``; the chosen tag id
    or None."""
    vocab = cached.tag_vocabulary()
    names = vocab.labels(lang)
    options = ["", *vocab.tag_ids()]
    state.seed(key, TAG_PARAM, state.choice(vocab.tag_ids()), "")
    state.keep_valid(key, options, "")
    box = container if container is not None else st
    chosen = box.selectbox(
        t("tag_filter", lang),
        options,
        key=key,
        format_func=lambda c: names.get(c, t("tag_all", lang)),
        help=t("tag_filter_help", lang),
    )
    state.set_params(**{TAG_PARAM: chosen or None})
    if chosen:
        box.page_link(
            "pages/tag.py",
            label=t("tag_open_page", lang, name=names[chosen]),
            icon=":material/label:",
            query_params={TAG_PARAM: chosen, "lang": lang},
        )
    return chosen or None


def tag_picker(lang: str, key: str, default: str | None = None) -> str:
    """One tag chosen in the sidebar (no "all"), kept in the URL as ``tag``; defaults to the first
    problem raised at the 2022 seminars."""
    vocab = cached.tag_vocabulary()
    ids = vocab.tag_ids()
    names = vocab.labels(lang)
    fallback = default or (vocab.seminar_tags() or ids)[0]
    state.seed(key, TAG_PARAM, state.choice(ids), fallback)
    state.keep_valid(key, ids, fallback)
    chosen = st.sidebar.selectbox(t("tag_filter", lang), ids, key=key, format_func=names.get)
    state.set_params(**{TAG_PARAM: chosen})
    return chosen


def narrow(indicator_ids: list[str], tag_id: str | None) -> list[str]:
    """The ids of ``indicator_ids`` linked to ``tag_id`` (all of them when no tag is chosen)."""
    if not tag_id:
        return list(indicator_ids)
    linked = set(cached.tag_vocabulary().indicators_of(tag_id))
    return [i for i in indicator_ids if i in linked]


def tag_names(indicator_id: str, lang: str) -> str:
    """The indicator's tag names joined for a table cell ("" when it has none)."""
    return ", ".join(cached.tag_vocabulary().tag_names_of(indicator_id, lang))


def tag_chips(indicator_id: str, lang: str) -> None:
    """The indicator's tags as small badges (nothing when it has none)."""
    vocab = cached.tag_vocabulary()
    tags = vocab.tags_of(indicator_id)
    if not tags:
        return
    badges = " ".join(
        f":{'orange' if vocab.tag(tag).origin == 'seminar_2022' else 'blue'}-badge"
        f"[{md_escape(vocab.name(tag, lang))}]"
        for tag in tags
    )
    st.markdown(f"{md_escape(t('tags_label', lang))}: {badges}")


def with_tags_column(
    table: pd.DataFrame, indicator_ids: list[str], lang: str, after: str
) -> pd.DataFrame:
    """A copy of ``table`` (one row per id in ``indicator_ids``) with a tags column after ``after``."""
    out = table.copy()
    where = list(out.columns).index(after) + 1 if after in out.columns else len(out.columns)
    out.insert(where, t("tags_column", lang), [tag_names(i, lang) for i in indicator_ids])
    return out


def events_table(events: list[ev.Event], lang: str) -> pd.DataFrame:
    """The events as a table in ``lang`` (what the CSV download holds)."""
    labels = cached.labels()
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
    }
    return ev.table(
        events,
        lang,
        columns,
        {c: labels.region_name(c, lang) for c in labels.regions},
        cached.territory_names(lang),
        cached.tag_vocabulary().labels(lang),
        t("event_all_regions", lang),
    )


def _event_item(e: ev.Event, lang: str) -> None:
    labels = cached.labels()
    vocab = cached.tag_vocabulary()
    st.markdown(f"**{md_escape(ev.date_label(e, lang))}** — **{md_escape(e.title(lang))}**")
    st.markdown(md_escape(e.summary(lang)))
    bits = [
        t("event_regions", lang, names=t("event_all_regions", lang))
        if e.all_regions
        else t(
            "event_regions",
            lang,
            names=", ".join(labels.region_name(c, lang) for c in e.ref_areas),
        )
    ]
    if e.territories:
        names = cached.territory_names(lang)
        bits.append(
            t("event_territories", lang, names=", ".join(names.get(c, c) for c in e.territories))
        )
    if e.tags:
        bits.append(f"{t('tags_label', lang)}: {', '.join(vocab.name(g, lang) for g in e.tags)}")
    if e.goals:
        bits.append(t("event_goals", lang, goals=", ".join(str(g) for g in e.goals)))
    st.caption(md_escape(" · ".join(bits)))
    st.caption(md_escape(t("tag_source", lang, text=e.source(lang))))


def timeline(
    events: list[ev.Event], lang: str, key: str, chart: bool = True, columns: int = 2
) -> None:
    """Events on a time axis and as cards (``columns`` side by side), each with its source, and a
    CSV of the list."""
    if not events:
        st.caption(t("event_none", lang))
        return
    if chart:
        st.plotly_chart(
            events_timeline(events, lang),
            config={"displaylogo": False, "displayModeBar": False},
            width="stretch",
            key=f"{key}_timeline",
        )
    for start in range(0, len(events), columns):
        row = st.columns(columns)
        for col, e in zip(row, events[start : start + columns], strict=False):
            with col.container(border=True, height="stretch"):
                _event_item(e, lang)
    meta = exports.ExportMeta(t("event_heading", lang))
    download_buttons(events_table(events, lang), meta, f"sdg_events_{key}_{lang}", lang, key)


def links_table(tag_id: str, lang: str) -> pd.DataFrame:
    """The tag's linked targets and indicators with data coverage and the reason for each link."""
    labels = cached.labels()
    vocab = cached.tag_vocabulary()
    inds = cached.indicators().set_index("indicator_id")
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


def links_meta(tag_id: str, lang: str) -> exports.ExportMeta:
    """What a download of the tag's links holds: the tag's name and its linked indicators."""
    vocab = cached.tag_vocabulary()
    ids = tuple(link.ref for link in vocab.links_of(tag_id, "indicator"))
    return exports.ExportMeta(vocab.name(tag_id, lang), ids)


def regional_linked(tag_id: str) -> list[str]:
    """The tag's linked indicators that have regional values, in link order."""
    regional = set(cached.regional_indicators()["indicator_id"])
    return [i for i in cached.tag_vocabulary().indicators_of(tag_id) if i in regional]


def links_list(links: pd.DataFrame, lang: str) -> None:
    """The rows of :func:`links_table` as two readable lists: targets, then indicators."""
    kind, ref, name = t("tag_col_kind", lang), t("tag_col_ref", lang), t("indicator", lang)
    why, cover, years = (
        t("tag_col_rationale", lang),
        t("tag_col_regional", lang),
        t("tag_col_years", lang),
    )
    targets = links[links[kind] == t("tag_kind_target", lang)]
    indicators = links[links[kind] == t("tag_kind_indicator", lang)]
    left, right = st.columns([2, 3], gap="large")
    with left:
        st.markdown(f"**{md_escape(t('tag_targets_heading', lang))}**")
        st.markdown(
            "\n".join(
                f"- **{md_escape(r[name])}**: {md_escape(r[why])}" for _, r in targets.iterrows()
            )
        )
    with right:
        st.markdown(f"**{md_escape(t('tag_indicators_heading', lang))}**")
        lines = []
        for _, r in indicators.iterrows():
            facts = f"{cover}: {r[cover]}" + (f", {r[years]}" if r[years] else "")
            lines.append(
                f"- **{md_escape(r[ref])}** {md_escape(r[name])}  \n"
                f"  {md_escape(r[why])} *({md_escape(facts)})*"
            )
        st.markdown("\n".join(lines))
