"""Widgets of the problem tags and the events timeline, for any page that lists indicators."""

from __future__ import annotations

from urllib.parse import urlparse

import pandas as pd
import streamlit as st

from sdgdash import figures
from sdgdash.data import events as ev
from sdgdash.exports import tables as exports
from sdgdash.features.map.view import MapView
from sdgdash.features.tags.charts import events_timeline, ranking_frame, regions_ranked
from sdgdash.features.tags.view import TAG_PARAM, events_table, left_out_links
from sdgdash.i18n import t, tn
from sdgdash.ui import cached, layout, render, state
from sdgdash.ui.safe import md_escape
from sdgdash.ui.widgets import download_buttons, source_text


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
            "app_pages/tag.py",
            label=t("tag_open_page", lang, name=names[chosen]),
            icon=":material/label:",
            query_params={TAG_PARAM: chosen, "lang": lang},
        )
        left_out_note(chosen, lang)  # under the filter bar: its row keeps its alignment
    return chosen or None


def left_out_note(tag_id: str, lang: str, where=st) -> None:
    """The tag's links left out because the data lacks their indicator or target."""
    items = left_out_links(cached, tag_id, lang)
    if not items:
        return
    lines = [
        f"- {md_escape(' '.join(x for x in (ref, name) if x))}: {md_escape(reason)}"
        for ref, name, reason in items
    ]
    where.caption(
        md_escape(tn("refresh_tag_left_out", len(items), lang, n=len(items)))
        + "\n\n"
        + "\n".join(lines)
    )


def tag_picker(lang: str, key: str, default: str | None = None) -> str:
    """One tag chosen in the page's filter bar (no "all"), kept in the URL as ``tag``; defaults to
    the first problem raised at the 2022 seminars."""
    vocab = cached.tag_vocabulary()
    ids = vocab.tag_ids()
    names = vocab.labels(lang)
    fallback = default or (vocab.seminar_tags() or ids)[0]
    state.seed(key, TAG_PARAM, state.choice(ids), fallback)
    state.keep_valid(key, ids, fallback)
    where = layout.filter_bar([2, 3])[0]
    chosen = where.selectbox(t("tag_filter", lang), ids, key=key, format_func=names.get)
    state.set_params(**{TAG_PARAM: chosen})
    return chosen


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
    source_caption(e, lang)


def source_caption(e: ev.Event, lang: str) -> None:
    """The event's source as a citation (publisher, title, date) with a link to each address
    where it can be read (curated, checked http(s) addresses; never user text)."""
    hosts = [urlparse(u).netloc for u in e.urls]
    names = [f"{h} ({i})" if hosts.count(h) > 1 else h for i, h in enumerate(hosts, start=1)]
    links = ", ".join(f"[{md_escape(n)}]({u})" for n, u in zip(names, e.urls, strict=True))
    st.caption(
        md_escape(t("tag_source", lang, text=e.source(lang))) + (f" — {links}" if links else "")
    )


def timeline(
    events: list[ev.Event], lang: str, key: str, chart: bool = True, columns: int = 2
) -> None:
    """Events on a time axis and as cards (``columns`` side by side), each with its source, and a
    CSV of the list."""
    if not events:
        st.caption(t("event_none", lang))
        return
    table = events_table(cached, events, lang)
    if chart:
        st.plotly_chart(
            figures.legible(events_timeline(events, lang)),
            config={"displaylogo": False, "displayModeBar": False},
            width="stretch",
            key=f"{key}_timeline",
            alt=t("event_heading", lang),
        )
        render.chart_values(table, f"{key}_timeline")
    for start in range(0, len(events), columns):
        row = st.columns(columns)
        for col, e in zip(row, events[start : start + columns], strict=False):
            with col.container(border=True, height="stretch"):
                _event_item(e, lang)
    meta = exports.ExportMeta(t("event_heading", lang))
    download_buttons(table, meta, f"sdg_events_{key}_{lang}", lang, key, what=t("dl_events", lang))


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


def header(tag: str, lang: str, title_where=st) -> None:
    """The tag's name (in ``title_where``: above the tag's picker), whether it was raised at the
    2022 seminars, its description and source."""
    vocab = cached.tag_vocabulary()
    info = vocab.tag(tag)
    title_where.title(vocab.name(tag, lang))
    if info.origin == "seminar_2022":
        st.info(t("tag_seminar", lang), icon=":material/groups:")
    st.markdown(md_escape(info.descriptions[lang]))
    st.caption(md_escape(t("tag_source", lang, text=info.source(lang))))


def ranked_chart(view: MapView, lang: str, values: str) -> None:
    """The regions ranked on the tag's indicator against Kazakhstan (and cities where the source
    is mostly cities), with the values not drawn; ``values`` is the anchor of the page's table
    of the same view (every ranked value is in it, with its rank)."""
    labels = cached.labels()
    sel = view.selection
    st.markdown(f"**{md_escape(t('tag_across_heading', lang))}**")
    names = {c: labels.region_name(c, lang) for c in labels.regions}
    unit = labels.code_label("unit", sel.unit, lang)
    fig = regions_ranked(
        ranking_frame(view), names, view.national, unit, lang, view.higher_is_better
    )
    render.chart(
        fig,
        key="tag_ranked",
        values=values,
        title=f"{labels.indicator_label(sel.indicator_id, lang)}, {view.year}",
        source=source_text(sorted(set(view.drawn["source_file"])), lang),
        filename=exports.file_stem("sdg", sel.indicator_id, view.year, "ranked", lang),
        wrap=48,
    )
    st.caption(t("tag_across_caption", lang))
