"""Shared Streamlit widgets: language switch, map block, source and attribution lines."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from sdgdash import mapview
from sdgdash.catalog import LANGS
from sdgdash.i18n import LANG_NAMES, fmt_number, t
from sdgdash.maps import PLOTLY_CONFIG, choropleth
from sdgdash.ui import cached, state

ICON = Path(__file__).parent / "assets" / "icon.png"


def language_switch(lang: str) -> None:
    """The kk / ru / en switch in the sidebar; the choice goes to the URL."""
    st.session_state["lang"] = lang
    st.sidebar.segmented_control(
        t("language", lang),
        options=list(LANGS),
        format_func=LANG_NAMES.get,
        key="lang",
        on_change=state.lang_on_change(),
    )
    # A segmented control can be cleared by clicking the active option: keep a language.
    if not st.session_state.get("lang"):
        st.session_state["lang"] = lang


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so Excel shows Kazakh and Russian letters."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def map_block(view: mapview.MapView, lang: str, higher_is_better: bool | None, key: str) -> None:
    """Draw a map view: choropleth, layout caption, values not drawn, source line."""
    labels = cached.labels()
    unit = labels.code_label("unit", view.selection.unit, lang)
    names = {code: labels.region_name(code, lang) for code in labels.regions}
    fig = choropleth(
        view.drawn,
        cached.geojson(view.layout),
        names=names,
        unit_label=unit,
        year=view.year,
        lang=lang,
        national=view.national,
        higher_is_better=higher_is_better,
    )
    st.plotly_chart(fig, config=PLOTLY_CONFIG, key=f"{key}_map", width="stretch")
    total = len(view.drawn) + len(view.not_drawn)
    st.caption(
        f"{t('layout', lang)}: {t('layout_' + view.layout, lang)} · "
        f"{t('drawn_count', lang, n=len(view.drawn), total=total)}"
    )
    source_line(sorted(set(view.drawn["source_file"]) | set(view.not_drawn["source_file"])), lang)


def source_line(files: list[str], lang: str) -> None:
    """The source of what is shown, under every chart."""
    st.caption(t("source_line", lang, file=", ".join(files)))


def attribution(lang: str) -> None:
    """Sources and licences of data and boundaries."""
    commit = str(cached.build_info().get("source", {}).get("commit", ""))[:10]
    with st.expander(t("attribution_heading", lang)):
        st.caption(t("attribution_text", lang, commit=commit))


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+-.!|~$:"})


def md_escape(text: str) -> str:
    """Escape Markdown (and Streamlit's :directives:) so data text is shown literally."""
    return str(text).translate(_MD_SPECIAL)


def heading_text(title: str, detail: str = "") -> None:
    """A bold line of data text shown literally (never as Markdown or HTML), with a detail line."""
    st.markdown(f"**{md_escape(title)}**")
    if detail:
        st.caption(md_escape(detail))


def national_metric(view: mapview.MapView, lang: str) -> None:
    """The national value of the shown year, as a metric beside the map."""
    labels = cached.labels()
    unit = labels.code_label("unit", view.selection.unit, lang)
    value = fmt_number(view.national, lang) if view.national is not None else t("no_data", lang)
    st.metric(
        f"{t('national_value', lang)}, {view.year} ({unit})"
        if unit
        else f"{t('national_value', lang)}, {view.year}",
        value,
    )


def not_drawn_list(view: mapview.MapView, lang: str) -> None:
    """Name every value that is not on the map, with the reason."""
    if view.not_drawn.empty:
        return
    labels = cached.labels()
    with st.expander(f"{t('not_drawn_heading', lang)} ({len(view.not_drawn)})"):
        for r in view.not_drawn.itertuples():
            st.markdown(
                f"- **{md_escape(labels.region_name(r.ref_area, lang))}**: "
                f"{fmt_number(r.value, lang)} — {md_escape(t('reason_' + r.reason, lang))}"
            )
