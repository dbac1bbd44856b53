"""Upload of local data for a territory: template, check, preview, confirm; versions list."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from sdgdash.data.territories import Territory
from sdgdash.data.uploads import UploadStore
from sdgdash.features.localdata import uploads as localdata
from sdgdash.i18n import t, tn
from sdgdash.ui import cached, widgets
from sdgdash.ui.safe import literal


def problems_table(result: localdata.ValidationResult, lang: str) -> pd.DataFrame:
    """Every problem of a checked file with its row, column and message in ``lang``."""
    return pd.DataFrame(
        {
            t("ld_col_row", lang): [p.row if p.row is not None else "" for p in result.problems],
            t("ld_col_column", lang): [
                p.column or t("ld_whole_file", lang) for p in result.problems
            ],
            t("ld_col_problem", lang): [
                t(f"ld_{p.code}", lang, **p.params) for p in result.problems
            ],
        }
    ).astype({t("ld_col_row", lang): str})


VERSION_COLUMNS = (
    "upload_id",
    "indicator_id",
    "version",
    "status",
    "filename",
    "uploaded_by",
    "uploaded_at",
    "withdrawn_by",
    "withdrawn_at",
)


def versions_table(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The store's upload versions with headers and statuses in ``lang``."""
    cols = [c for c in VERSION_COLUMNS if c in history.columns]
    out = history[cols].copy()
    if "status" in out:
        out["status"] = [
            t(f"ld_status_{s}", lang) if s in ("active", "replaced", "withdrawn") else s
            for s in out["status"]
        ]
    return out.rename(columns={c: t(f"ld_col_{c}", lang) for c in cols})


def _pick_indicator(lang: str) -> str:
    labels = cached.labels()
    catalogue = localdata.upload_catalogue(cached)
    ids = sorted(catalogue.schemas, key=_natural)
    return st.selectbox(
        t("ld_indicator", lang),
        ids,
        key="ld_indicator",
        format_func=lambda i: labels.indicator_label(i, lang, width=90),
    )


def _natural(indicator_id: str) -> tuple:
    from sdgdash.data.catalog import natural_key

    return natural_key(indicator_id)


def _templates(indicator_id: str, lang: str) -> None:
    labels = cached.labels()
    schema = localdata.upload_catalogue(cached).schemas[indicator_id]
    code_labels = {
        (dim, code): labels.code_label(dim, code, lang)
        for dim in ("series", "unit", *schema.dimensions)
        for code in (
            schema.series
            if dim == "series"
            else schema.units
            if dim == "unit"
            else schema.codes[dim]
        )
        if code
    }
    slug = indicator_id.replace(".", "-")
    a, b = st.columns(2)
    a.download_button(
        t("ld_template_csv", lang),
        localdata.template_csv(schema),
        file_name=f"template_indicator_{slug}.csv",
        mime="text/csv",
        icon=":material/download:",
        key="ld_tpl_csv",
    )
    b.download_button(
        t("ld_template_xlsx", lang),
        localdata.template_xlsx(schema, code_labels),
        file_name=f"template_indicator_{slug}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        key="ld_tpl_xlsx",
    )
    st.caption(t("ld_template_note", lang))


def upload_section(terr: Territory, lang: str, store: UploadStore | None, user: Any | None) -> None:
    """Templates for everyone; a file check for everyone; storing for a logged-in editor."""
    st.subheader(t("ld_heading", lang))
    st.caption(t("ld_intro", lang))
    indicator_id = _pick_indicator(lang)
    _templates(indicator_id, lang)
    if store is None:
        st.warning(t("ld_no_store", lang), icon=":material/database_off:")
    elif user is None:
        st.info(t("ld_login", lang), icon=":material/lock:")
    # A new key after each stored file empties the uploader.
    n = st.session_state.setdefault("ld_round", 0)
    upload = st.file_uploader(t("ld_file", lang), type=["csv", "xlsx"], key=f"ld_file_{n}")
    if upload is not None:
        content = upload.getvalue()
        result = localdata.validate(
            content, upload.name, indicator_id, localdata.upload_catalogue(cached)
        )
        if not result.ok:
            st.error(tn("ld_problems", max(len(result.problems), 1), lang), icon=":material/error:")
            widgets.data_table(problems_table(result, lang), lang)
        else:
            st.success(tn("ld_ok", len(result.rows), lang), icon=":material/check_circle:")
            widgets.data_table(result.rows, lang)
            if (
                store is not None
                and user is not None
                and st.button(t("ld_confirm", lang), type="primary", key="ld_confirm")
            ):
                _save(store, terr, indicator_id, upload.name, content, result, user, lang)
    if store is not None:
        _versions(terr, lang, store, user)


def _save(store, terr, indicator_id, filename, content, result, user, lang) -> None:
    try:
        upload_id = store.save_upload(
            terr.territory_id, indicator_id, filename, content, result.store_rows(), user
        )
    except Exception as exc:  # the store's own error: shown, nothing else changes
        st.error(literal(t("ld_save_failed", lang, error=str(exc)[:200])))
        return
    st.session_state["ld_round"] = st.session_state.get("ld_round", 0) + 1
    st.session_state["ld_saved"] = str(upload_id)
    st.rerun()


def _versions(terr: Territory, lang: str, store: UploadStore, user: Any | None) -> None:
    """Every version of the territory's uploads; withdraw or download the original file."""
    st.markdown(f"**{t('ld_uploads', lang)}**")
    saved = st.session_state.pop("ld_saved", None)
    if saved:
        st.success(t("ld_saved", lang, id=saved))
    history = localdata.with_upload_id(store.uploads(terr.territory_id, include_history=True))
    if not len(history):
        st.caption(t("ld_no_uploads", lang))
        return
    widgets.data_table(versions_table(history, lang), lang)
    st.caption(t("ld_replace_note", lang))
    ids = history["upload_id"].tolist()
    chosen = st.selectbox(t("ld_pick_upload", lang), ids, key="ld_pick_upload")
    filename, original = store.upload_file(chosen)
    left, right = st.columns(2)
    left.download_button(
        t("ld_download_original", lang),
        original,
        file_name=filename,
        icon=":material/download:",
        key="ld_original",
    )
    row = history[history["upload_id"] == chosen].iloc[0]
    active = str(row.get("status", "active")) == "active"
    if user is not None and active and right.button(t("ld_withdraw", lang), key="ld_withdraw"):
        store.withdraw_upload(chosen, user)
        st.session_state["ld_withdrawn"] = str(chosen)
        st.rerun()
    withdrawn = st.session_state.pop("ld_withdrawn", None)
    if withdrawn:
        st.success(t("ld_withdrawn", lang, id=withdrawn))
