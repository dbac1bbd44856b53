"""Shared Streamlit widgets: language switch, map block, source and attribution lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from sdgdash.data import provenance
from sdgdash.exports import display
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


def data_table(
    data: pd.DataFrame | Styler,
    lang: str | None = None,
    *,
    detail: Sequence[str] = (),
    digits: Mapping[str, int] | None = None,
    formatted: Sequence[str] = (),
    **kwargs,
):
    """``st.dataframe`` as every table of the app shows it: no index, full width, a dash where a
    value is missing, numbers rounded and written in the page's language (1 234,5 in kk and ru,
    1,234.5 in en) while they still sort as numbers, and the technical columns (codes, source
    file and line, reasons; :func:`sdgdash.exports.display.technical_columns` plus ``detail``)
    moved to an expandable "source of each value" below, so every value stays traceable.
    ``data`` may be a pandas Styler (colours are kept; ``formatted`` names the columns whose
    text the Styler already writes); ``digits`` fixes a column's decimals."""
    lang = lang or state.lang()
    styler = data if isinstance(data, Styler) else None
    frame: pd.DataFrame = styler.data if styler is not None else data
    technical = [c for c in frame.columns if c in detail]
    technical += [c for c in display.technical_columns(frame, lang) if c not in technical]
    shown = [c for c in frame.columns if c not in technical]
    own = [c for c in shown if c not in formatted]
    formats = display.number_formats(frame[own], lang, digits)
    if formats:
        # subset: without it pandas resets every other column's format, the Styler's own too.
        styler = (styler if styler is not None else frame.style).format(
            formats, na_rep="—", subset=list(formats)
        )
    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("width", "stretch")
    kwargs.setdefault("placeholder", "—")
    if technical:
        kwargs.setdefault("column_order", shown)
    out = st.dataframe(styler if styler is not None else frame, **kwargs)
    if technical:
        source_detail(frame, shown, technical, lang)
    return out


def source_detail(frame: pd.DataFrame, shown: list, technical: list, lang: str) -> None:
    """The technical columns of a table, beside its first text column (the row's name), in a
    closed expander: where each value comes from (file and line), codes and reasons."""
    names = [c for c in shown if frame[c].dtype == object][:1]
    part = frame[[*names, *technical]]
    with st.expander(t("table_source_detail", lang), icon=":material/source:"):
        st.dataframe(part, hide_index=True, width="stretch", placeholder="—")


def source_text(files: list[str], lang: str) -> str:
    """The source line's text (long lists of files point to the table)."""
    text = ", ".join(files) if len(files) <= 3 else tn("source_many", len(files), lang)
    return t("source_line", lang, file=text)


def source_line(files: list[str], lang: str) -> None:
    """The source of what is shown, under every chart."""
    st.caption(source_text(files, lang))


def attribution(lang: str) -> None:
    """Sources and licences of data and boundaries."""
    version = provenance.data_version(cached.build_info())
    text = t(
        "attribution_text",
        lang,
        repository=provenance.repository_text(version, lang),
        version=provenance.version_text(version, lang),
        built=provenance.built_text(version, lang),
        licence=provenance.licence_text(version, lang),
    )
    with st.expander(t("attribution_heading", lang)):
        # The repository address is read from the source folder: shown, never a link.
        st.caption(literal(text))


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
    what: str | None = None,
) -> None:
    """CSV and XLSX downloads of ``frame`` (what the view shows, with its technical columns)
    labelled with ``what`` they contain ("Values on the map (CSV)"); the XLSX has a second sheet
    "metadata". The file starts with the view's indicator, series, unit and filters as columns
    (from ``meta``) and its name says the filters too: ``name`` is the file stem from codes, parts
    split by "_" ("sdg_8.5.2_2023_ru" with sex F -> sdg_8-5-2_2023_women_ru.csv). Both files
    are built only when clicked (a rerun of the page writes neither)."""
    parts = display.name_parts(name, display.file_words(meta.selection))
    key = key or f"dl_{exports.file_name(*name.split('_'), ext='x')}"
    labels = cached.labels()
    context = display.context_columns(
        labels, lang, meta.indicator_ids, meta.selection, regions=meta.regions
    )
    full = display.with_context(frame, context)
    metadata = export_metadata(meta, lang)
    csv_xlsx_buttons(
        lambda: exports.csv_bytes(full),
        lambda: exports.xlsx_bytes(full, metadata),
        parts,
        lang,
        key,
        help=t("exp_download_help", lang),
        what=what,
    )


def csv_xlsx_buttons(
    csv,
    xlsx,
    parts,
    lang: str,
    key: str,
    width: int | None = None,  # kept for callers; the buttons are as wide as their labels
    help: str | None = None,
    what: str | None = None,
) -> None:
    """The CSV and Excel download buttons side by side (``csv`` and ``xlsx`` may be callables,
    built only when clicked), each saying what it holds ("Ranking (CSV)", "Ranking (Excel)"); file names
    from ``parts``, keys ``{key}_csv`` / ``{key}_xlsx``."""
    what = what or t("dl_table", lang)
    row = st.container(horizontal=True, gap="small")
    for label, data, ext, mime, icon in (
        (t("dl_csv", lang, what=what), csv, "csv", exports.CSV_MIME, ":material/download:"),
        (
            t("dl_xlsx", lang, what=what),
            xlsx,
            "xlsx",
            exports.XLSX_MIME,
            ":material/table_view:",
        ),
    ):
        row.download_button(
            label,
            data,
            file_name=exports.file_name(*parts, ext=ext),
            mime=mime,
            icon=icon,
            key=f"{key}_{ext}",
            help=help,
            on_click="ignore",
            width="content",
        )


def heading_text(title: str, detail: str = "") -> None:
    """A bold line of data text shown literally (never as Markdown, HTML or a link), with a
    detail line."""
    st.markdown(f"**{literal(title)}**")
    if detail:
        st.caption(literal(detail))
