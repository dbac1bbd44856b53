"""Shared Streamlit widgets: language switch, map block, source and attribution lines."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from sdgdash.exports import tables as exports
from sdgdash.i18n import LANG_NAMES, LANGS, t, tn
from sdgdash.ui import cached, state
from sdgdash.ui.safe import literal

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


csv_bytes = exports.csv_bytes  # kept for callers of the old name


def data_table(data, **kwargs):
    """``st.dataframe`` as every table of the app shows it: no index, full width, and a dash
    (not "None") where a value is missing."""
    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("width", "stretch")
    kwargs.setdefault("placeholder", "—")
    return st.dataframe(data, **kwargs)


def source_text(files: list[str], lang: str) -> str:
    """The source line's text (long lists of files point to the table)."""
    text = ", ".join(files) if len(files) <= 3 else tn("source_many", len(files), lang)
    return t("source_line", lang, file=text)


def source_line(files: list[str], lang: str) -> None:
    """The source of what is shown, under every chart."""
    st.caption(source_text(files, lang))


def attribution(lang: str) -> None:
    """Sources and licences of data and boundaries."""
    commit = str(cached.build_info().get("source", {}).get("commit", ""))[:10]
    with st.expander(t("attribution_heading", lang)):
        st.caption(t("attribution_text", lang, commit=commit))


def view_url() -> str:
    """The address of the current view: the page URL and every query parameter."""
    base = st.context.url or ""
    params = st.query_params.to_dict()
    return f"{base}?{urlencode(params)}" if params else base


def export_metadata(meta: exports.ExportMeta, lang: str):
    """The metadata sheet of a download of the current view (names in ``lang``, source, build)."""
    if not meta.url:
        meta = exports.ExportMeta(**{**meta.__dict__, "url": view_url()})
    return exports.metadata_rows(
        meta, cached.labels(), cached.build_info(), lang, datetime.now(UTC).replace(microsecond=0)
    )


def download_buttons(
    frame: pd.DataFrame,
    meta: exports.ExportMeta,
    name: str,
    lang: str,
    key: str | None = None,
) -> None:
    """CSV and XLSX downloads of exactly ``frame`` (what the view shows); the XLSX has a second
    sheet "metadata". ``name`` is the file stem from codes, parts split by "_" (e.g.
    "sdg_1.2.1_2023_ru" -> sdg_1-2-1_2023_ru.csv / .xlsx). The XLSX is built only when clicked."""
    parts = name.split("_")
    key = key or f"dl_{exports.file_name(*parts, ext='x')}"
    metadata = export_metadata(meta, lang)
    csv_xlsx_buttons(
        exports.csv_bytes(frame),
        lambda: exports.xlsx_bytes(frame, metadata),
        parts,
        lang,
        key,
        width=420,
        help=t("exp_download_help", lang),
    )


def csv_xlsx_buttons(
    csv, xlsx, parts, lang: str, key: str, width: int, help: str | None = None
) -> None:
    """The CSV and Excel download buttons side by side (``xlsx`` may be a callable, built only
    when clicked); file names from ``parts``, keys ``{key}_csv`` / ``{key}_xlsx``."""
    c1, c2 = st.columns(2, gap="small", width=width)
    for col, label, data, ext, mime, icon in (
        (c1, t("download_csv", lang), csv, "csv", exports.CSV_MIME, ":material/download:"),
        (
            c2,
            t("exp_download_xlsx", lang),
            xlsx,
            "xlsx",
            exports.XLSX_MIME,
            ":material/table_view:",
        ),
    ):
        col.download_button(
            label,
            data,
            file_name=exports.file_name(*parts, ext=ext),
            mime=mime,
            icon=icon,
            key=f"{key}_{ext}",
            help=help,
            on_click="ignore",
            width="stretch",
        )


def heading_text(title: str, detail: str = "") -> None:
    """A bold line of data text shown literally (never as Markdown, HTML or a link), with a
    detail line."""
    st.markdown(f"**{literal(title)}**")
    if detail:
        st.caption(literal(detail))
