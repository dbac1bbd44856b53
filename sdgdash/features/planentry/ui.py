"""Entering plan targets (editors only): one target in a form (new or a correction), a CSV/XLSX
file in the downloadable template checked like local data, and the versions of a place's
targets and files, with withdrawal. A visitor is only told to log in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from sdgdash.data.catalog import SELECTION_COLUMNS
from sdgdash.data.models import Selection
from sdgdash.exports import tables as exports
from sdgdash.features.localdata.uploads import parse_number
from sdgdash.features.plans import tables as plan_tables
from sdgdash.features.plans import ui as plans_ui
from sdgdash.features.plans import validate as checks
from sdgdash.features.plans import view as plans_view
from sdgdash.i18n import t, tn
from sdgdash.store import InvalidInput, NotAuthorized, PlanConflict, User
from sdgdash.ui import cached, state, widgets
from sdgdash.ui.safe import literal

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "plan_targets_example_KZKAR.csv"
FORM_PAIRS = 4  # (year, planned value) rows of the form; a file takes any number of years


# --- entering targets -----------------------------------------------------------------------


FIELDS = (
    "place",
    "indicator_id",
    "baseline_year",
    "baseline_value",
    "planned",
    "document_name",
    "document_date",
    "document_ref",
    "plan",
)


def field_label(field: str, lang: str) -> str:
    """The form field (or planned year) a refused input names, in ``lang``."""
    if field.isdigit():
        return t("plan_field_year", lang, year=field)
    if field in SELECTION_COLUMNS:
        return cached.labels().dimension_name(field, lang)
    return t(f"plan_field_{field}", lang) if field in FIELDS else field


def _year(text: str) -> int | str | None:
    text = text.strip()
    if not text:
        return None
    return int(text) if text.isdigit() else text


def _number(text: str) -> float | str | None:
    text = text.strip()
    if not text:
        return None
    number = parse_number(text)
    return text if number is None else number


def entry_section(place: str, lang: str, user: User | None) -> None:
    """For an editor of the place: the form for one target and the file upload; anyone else is
    told who may enter plans (a visitor never sees the forms)."""
    st.subheader(t("plan_entry_heading", lang))
    if user is None:
        st.info(t("plan_login", lang), icon=":material/lock:")
        return
    store = plans_ui.store_or_none()
    if store is None:
        st.warning(t("auth_store_error", lang), icon=":material/cloud_off:")
        return
    if not store.may_edit_place(user, place):
        mine = sorted(store.editor_places(user.username))
        names = ", ".join(plans_view.place_name(cached, p, lang) for p in mine)
        st.warning(t("plan_not_your_place", lang, places=names), icon=":material/lock:")
        return
    saved = st.session_state.pop("plan_saved", None)
    if saved:
        st.success(saved)
    target_form(place, lang, user, store)
    st.divider()
    file_section(place, lang, user, store)


def target_form(place: str, lang: str, user: User, store: Any) -> None:
    """One target typed in (a new one, or a correction of one in force: the previous version is
    kept); checked before anything is written, every problem named with its field."""
    labels = cached.labels()
    st.markdown(f"**{t('plan_form_heading', lang)}**")
    in_force = store.plans(place=place)
    by_id = {int(r["plan_id"]): r for r in in_force.to_dict("records")}

    def target_label(pid: int) -> str:
        if not pid:
            return t("plan_new_target", lang)
        r = by_id[pid]
        sel = Selection.from_mapping(r["indicator_id"], r)
        return f"№{pid} · {r['indicator_id']} · {labels.selection_label(sel, lang)}"

    state.keep_valid("plan_f_target", [0, *by_id], 0)  # a corrected version is replaced
    pid = st.selectbox(
        t("plan_correct_pick", lang), [0, *by_id], key="plan_f_target", format_func=target_label
    )
    if pid:
        row = by_id[pid]
        sel = Selection.from_mapping(row["indicator_id"], row)
        widgets.heading_text(
            labels.indicator_label(sel.indicator_id, lang), labels.selection_label(sel, lang)
        )
        points = [
            (str(y), repr(float(v)).removesuffix(".0"))
            for y, v in store.plan_values(plan_ids=[pid])[["year", "value"]].itertuples(index=False)
        ]
        base = (str(row["baseline_year"]), repr(float(row["baseline_value"])).removesuffix(".0"))
        doc = (row["document_name"], row["document_date"], row["document_ref"] or "")
    else:
        catalogue = store.plan_catalogue
        ids = catalogue.indicators(place)
        ind = st.selectbox(
            t("indicator", lang),
            ids,
            key="plan_f_ind",
            format_func=lambda i: labels.indicator_label(i, lang, width=110),
        )
        sels = catalogue.selections_of(place, ind)
        keys = [plans_ui.selection_key(s) for s in sels]
        state.keep_valid("plan_f_sel", keys, keys[0])
        chosen = st.selectbox(
            t("series", lang),
            keys,
            key="plan_f_sel",
            format_func=lambda k: labels.selection_label(sels[keys.index(k)], lang),
        )
        sel = sels[keys.index(chosen)]
        points = [(str(y), "") for y in checks.DEFAULT_PLAN_YEARS]
        base = ("", "")
        doc = ("", None, "")
    points += [("", "")] * max(FORM_PAIRS - len(points), 1 if pid else 0)
    with st.form(f"plan_form_{pid}", border=True):
        c1, c2 = st.columns(2)
        base_year = c1.text_input(
            t("plan_field_baseline_year", lang), base[0], max_chars=4, key=f"plan_f_by_{pid}"
        )
        base_value = c2.text_input(
            t("plan_field_baseline_value", lang), base[1], max_chars=40, key=f"plan_f_bv_{pid}"
        )
        st.caption(t("plan_form_years_note", lang))
        pairs = []
        for i, (year, value) in enumerate(points):
            a, b = st.columns(2)
            pairs.append(
                (
                    a.text_input(
                        t("plan_form_year", lang, n=i + 1),
                        year,
                        max_chars=4,
                        key=f"plan_f_y{i}_{pid}",
                    ),
                    b.text_input(
                        t("plan_form_value", lang, n=i + 1),
                        value,
                        max_chars=40,
                        key=f"plan_f_v{i}_{pid}",
                    ),
                )
            )
        name = st.text_input(
            t("plan_field_document_name", lang),
            doc[0],
            max_chars=checks.DOCUMENT_MAX,
            key=f"plan_f_doc_{pid}",
        )
        d1, d2 = st.columns(2)
        date = d1.date_input(
            t("plan_field_document_date", lang),
            value=doc[1],
            min_value=dt.date(checks.MIN_YEAR, 1, 1),
            max_value=dt.date.today(),
            format="YYYY-MM-DD",
            key=f"plan_f_date_{pid}",
        )
        ref = d2.text_input(
            t("plan_field_document_ref", lang),
            doc[2],
            max_chars=checks.REF_MAX,
            key=f"plan_f_ref_{pid}",
        )
        submitted = st.form_submit_button(
            t("plan_save_correction" if pid else "plan_save", lang), type="primary"
        )
    if not submitted:
        return
    inp = checks.PlanInput(
        place=place,
        selection=sel,
        baseline_year=_year(base_year),  # type: ignore[arg-type]
        baseline_value=_number(base_value),  # type: ignore[arg-type]
        # A row without a value is no target for that year (the form offers 2025, 2029, 2030).
        planned=tuple((_year(y), _number(v)) for y, v in pairs if v.strip()),  # type: ignore[misc]
        document_name=name,
        document_date=date,  # type: ignore[arg-type]
        document_ref=ref,
    )
    _save(store, user, lang, lambda: store.save_plan(inp, user, replaces=pid or None))


def _save(store: Any, user: User, lang: str, write) -> None:
    """Run a store write; its refusal is shown in full and nothing changes; success reruns."""
    try:
        ids = write()
    except InvalidInput as exc:
        st.error(tn("plan_refused", len(exc.errors), lang), icon=":material/error:")
        st.markdown(
            "\n".join(
                f"- {literal(field_label(e.field, lang))}: {literal(e.message(lang))}"
                for e in exc.errors
            )
        )
        return
    except PlanConflict:
        st.error(t("plan_conflict", lang), icon=":material/error:")
        return
    except NotAuthorized:
        st.error(t("plan_not_allowed", lang), icon=":material/lock:")
        return
    cached.clear_store_results()
    ids = ids if isinstance(ids, list) else [ids]
    st.session_state["plan_saved"] = tn(
        "plan_saved", len(ids), lang, ids=", ".join(f"№{i}" for i in ids)
    )
    st.rerun()


def templates(place: str, lang: str, store: Any) -> None:
    """The template for the place (chosen indicators) as CSV and XLSX, and the EXAMPLE file."""
    labels = cached.labels()
    catalogue = store.plan_catalogue
    ids = catalogue.indicators(place)
    default = [i for i in (st.session_state.get("plan_ind"),) if i in ids] or ids[:1]
    chosen = st.multiselect(
        t("plan_template_indicators", lang),
        ids,
        default=default,
        key="plan_tpl_ind",
        format_func=lambda i: labels.indicator_label(i, lang, width=90),
    )
    rows = checks.template_rows(place, chosen or ids[:1], catalogue, labels=labels, lang=lang)
    c1, c2, c3 = st.columns(3)
    c1.download_button(
        t("plan_template_csv", lang),
        checks.template_csv(rows),
        file_name=exports.file_name("plan", "template", place, ext="csv"),
        mime=exports.CSV_MIME,
        icon=":material/download:",
        key="plan_tpl_csv",
        on_click="ignore",
    )
    c2.download_button(
        t("plan_template_xlsx", lang),
        lambda: checks.template_xlsx(rows, lang),
        file_name=exports.file_name("plan", "template", place, ext="xlsx"),
        mime=exports.XLSX_MIME,
        icon=":material/table_view:",
        key="plan_tpl_xlsx",
        on_click="ignore",
    )
    c3.download_button(
        t("plan_example_download", lang),
        EXAMPLE.read_bytes(),
        file_name=EXAMPLE.name,
        mime=exports.CSV_MIME,
        icon=":material/science:",
        key="plan_example",
        on_click="ignore",
    )
    st.caption(t("plan_example_note", lang))


def file_section(place: str, lang: str, user: User, store: Any) -> None:
    """A CSV/XLSX file of targets: checked like local data (every problem with its row and
    column), stored all together with the original file only when nothing is wrong."""
    st.markdown(f"**{t('plan_file_heading', lang)}**")
    st.caption(t("plan_file_intro", lang))
    templates(place, lang, store)
    n = st.session_state.setdefault("plan_round", 0)
    upload = st.file_uploader(
        t("ld_file", lang), type=["csv", "xlsx"], key=f"plan_file_{n}", max_upload_size=2
    )
    if upload is None:
        return
    content = upload.getvalue()
    result = checks.validate_file(content, upload.name, place, store.plan_catalogue)
    if not result.ok:
        st.error(
            tn("plan_file_problems", max(len(result.problems), 1), lang), icon=":material/error:"
        )
        plans_ui.keyed_table(checks.problems_frame(result.problems, lang), "plan_problems")
        return
    st.success(tn("plan_file_ok", len(result.entries), lang), icon=":material/check_circle:")
    plans_ui.keyed_table(plan_tables.preview_table(cached, result, lang), "plan_preview")
    if st.button(t("plan_file_store", lang), type="primary", key="plan_file_store"):
        st.session_state["plan_round"] = n + 1
        _save(
            store,
            user,
            lang,
            lambda: store.save_plan_file(place, upload.name, content, result.entries, user),
        )


# --- versions -------------------------------------------------------------------------------


def versions_section(place: str, lang: str, user: User | None) -> None:
    """Every version of the place's targets and the files they came in (originals to download);
    an editor of the place withdraws a target in force here."""
    st.subheader(t("plan_versions_heading", lang))
    store = plans_ui.store_or_none()
    if store is None:
        st.warning(t("auth_store_error", lang), icon=":material/cloud_off:")
        return
    withdrawn = st.session_state.pop("plan_withdrawn", None)
    if withdrawn:
        st.success(t("plan_withdrawn", lang, id=withdrawn))
    history = store.plans(place=place, include_history=True)
    if history.empty:
        st.caption(t("plan_no_versions", lang))
        return
    values = store.plan_values(plan_ids=history["plan_id"].tolist())
    plans_ui.keyed_table(plan_tables.versions_table(cached, history, values, lang), "plan_versions")
    st.caption(t("plan_versions_note", lang))
    download = plans_view.plan_download(cached, store, place, lang)
    if len(download):
        meta = exports.ExportMeta(
            t("plan_table_title", lang, name=plans_view.place_name(cached, place, lang)),
            tuple(dict.fromkeys(download["indicator_id"])),
            regions=(plans_view.parent_region(cached, place),),
        )
        st.caption(t("plan_table_download", lang))
        widgets.download_buttons(
            download, meta, f"sdg_plan_targets_{place}_{lang}", lang, "plan_dl_targets"
        )
    files = store.plan_files(place)
    if len(files):
        pick = st.selectbox(
            t("plan_pick_file", lang),
            files["file_id"].tolist(),
            key="plan_pick_file",
            format_func=lambda f: _file_label(files, f),
        )
        filename, original = store.plan_file(pick)
        st.download_button(
            t("ld_download_original", lang),
            original,
            file_name=filename,
            icon=":material/download:",
            key="plan_original",
            on_click="ignore",
        )
    if user is None or not store.may_edit_place(user, place):
        return
    active = history[history["status"] == "active"]["plan_id"].tolist()
    if not active:
        return
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    state.keep_valid("plan_pick_withdraw", active, active[0])
    chosen = c1.selectbox(t("plan_pick_withdraw", lang), active, key="plan_pick_withdraw")
    if c2.button(t("ld_withdraw", lang), key="plan_withdraw"):
        try:
            store.withdraw_plan(int(chosen), user)
        except (ValueError, NotAuthorized) as exc:
            st.error(literal(t("plan_withdraw_failed", lang, error=str(exc)[:200])))
            return
        cached.clear_store_results()
        st.session_state["plan_withdrawn"] = str(chosen)
        st.rerun()


def _file_label(files: pd.DataFrame, file_id: int) -> str:
    r = files[files["file_id"] == file_id].iloc[0]
    return f"№{file_id} · {r['filename']} · {r['uploaded_by']} · {str(r['uploaded_at'])[:16]}"
