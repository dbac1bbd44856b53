"""Widgets of plan targets: the place chooser, a place's status table, one series against its
plan line, one series in every region, the editor's form, file upload and versions, and the
actual-vs-plan parts of the region, map, compare and goal pages."""

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
from sdgdash.features.plans import charts as plan_charts
from sdgdash.features.plans import validate as checks
from sdgdash.features.plans import view as plans_view
from sdgdash.features.plans.status import AHEAD, BEHIND, NATIONAL_2030, ON_PLAN, shown
from sdgdash.i18n import fmt_number, t, tn
from sdgdash.pages import script
from sdgdash.store import InvalidInput, NotAuthorized, PlanConflict, User
from sdgdash.ui import auth, cached, pickers, render, state, widgets
from sdgdash.ui.safe import literal

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "plan_targets_example_KZKAR.csv"
FORM_PAIRS = 4  # (year, planned value) rows of the form; a file takes any number of years
_STATUS_COLOURS = {BEHIND: "#fcbba1", ON_PLAN: "#fff3b0", AHEAD: "#c7e9c0"}


# --- reads (cached until the next plan write) -----------------------------------------------


def place_table(place: str) -> pd.DataFrame:
    """The place's actual-vs-plan table (plans view), cached until the next plan write."""
    return cached.from_store(plans_view.place_status, place)


def selection_row(place: str, sel: Selection) -> dict | None:
    """One selection's status row in a place (its plan, else the national stand-in), cached."""
    return cached.from_store(plans_view.selection_status, place, sel)


def _store() -> Any | None:
    try:
        store = auth.store()
        store.plan_revision()
    except auth.STORE_ERRORS:
        return None
    return store


# --- texts ---------------------------------------------------------------------------------


def place_label(place: str, lang: str) -> str:
    """A place as the chooser lists it (a pilot territory says so)."""
    name = plans_view.place_name(cached, place, lang)
    if plans_view.place_kind(cached, place) == plans_view.TERRITORY:
        return f"{name} ({t('plan_pilot', lang)})"
    return name


def status_sentence(row: dict, lang: str) -> str:
    """One status row in words: status, year, actual against the plan line, gap, and a stand-in
    marked as such (the numbers as the table and the brief write them)."""
    status = t(f"plan_status_{row['status']}", lang).capitalize()
    basis = t(f"plan_basis_{row['basis']}", lang)
    if pd.isna(row.get("year")) or row.get("actual") is None or pd.isna(row.get("actual")):
        return f"{status} ({basis})"
    actual = float(row["actual"])
    base = float(row["baseline_value"])
    gap = shown(float(row["gap"]), actual, base)
    return t(
        "plan_status_line",
        lang,
        status=status,
        year=int(row["year"]),
        actual=fmt_number(actual, lang),
        expected=fmt_number(shown(float(row["expected"]), actual, base), lang),
        gap=("+" if gap > 0 else "") + fmt_number(gap, lang),
        basis=basis,
    )


def _selection_key(sel: Selection) -> str:
    return "|".join(getattr(sel, c) for c in SELECTION_COLUMNS)


# --- the plans page -------------------------------------------------------------------------


def pick_place(lang: str, key: str = "plan_place") -> str:
    """A region or pilot territory chosen in the sidebar, kept in the URL as ``place``."""
    options = plans_view.places(cached, lang)
    state.seed(key, "place", state.choice(options), plans_view.DEFAULT_PLACE)
    place = st.sidebar.selectbox(
        t("plan_place", lang), options, key=key, format_func=lambda p: place_label(p, lang)
    )
    state.set_params(place=place)
    return place


def header(place: str, lang: str) -> None:
    """The place's name, what the page shows and the status rule."""
    st.title(t("plan_title", lang, name=plans_view.place_name(cached, place, lang)))
    region = plans_view.parent_region(cached, place)
    if region != place:
        st.caption(t("plan_territory_note", lang, region=cached.labels().region_name(region, lang)))
    st.caption(t("plan_intro", lang))
    with st.expander(t("plan_rule_heading", lang)):
        st.text(t("plan_rule", lang))


def summary(table: pd.DataFrame, lang: str) -> None:
    """How many targets are behind, on and ahead of plan, and how many are national stand-ins."""
    counts = plans_view.counts(table)
    cols = st.columns(4)
    for col, status in zip(cols, (BEHIND, ON_PLAN, AHEAD), strict=False):
        col.metric(t(f"plan_status_{status}", lang).capitalize(), counts[status])
    stand_ins = int((table["basis"] == NATIONAL_2030).sum()) if len(table) else 0
    cols[3].metric(t("plan_n_stand_ins", lang), stand_ins)


def keyed_table(frame, key: str, **kwargs) -> None:
    """A table in a container with ``key`` (pages and browser tests find it by its class)."""
    with st.container(key=key):
        widgets.data_table(frame, **kwargs)


def show_status_table(display: pd.DataFrame, table: pd.DataFrame, lang: str, key: str) -> None:
    """A status table (``status_display``) with its status cells coloured."""
    status_col = t("plan_col_status", lang)
    colours = [_STATUS_COLOURS.get(s, "") for s in table["status"]]

    def paint(column: pd.Series) -> list[str]:
        if column.name != status_col:
            return [""] * len(column)
        return [f"background-color: {c}" if c else "" for c in colours]

    number = st.column_config.NumberColumn(format="%g")
    keyed_table(
        display.style.apply(paint, axis=0),
        key,
        height=min(36 * (len(display) + 1) + 4, 720),
        column_config={
            t("indicator", lang): st.column_config.TextColumn(width="large"),
            t("brief_col_actual", lang): number,
            t("brief_col_expected", lang): number,
            t("brief_col_gap", lang): number,
            t("plan_col_final_value", lang): number,
            t("plan_col_final_year", lang): st.column_config.NumberColumn(format="%d"),
            t("year", lang): st.column_config.NumberColumn(format="%d"),
        },
    )


def status_section(place: str, table: pd.DataFrame, lang: str) -> None:
    """Every target of the place with its status, sortable (URL ``sort``), with downloads."""
    name = plans_view.place_name(cached, place, lang)
    st.subheader(t("plan_status_heading", lang, name=name))
    if table.empty:
        st.info(t("plan_none_here", lang))
        return
    summary(table, lang)
    state.seed("plan_sort", "sort", state.choice(plans_view.SORTS), "status")
    by = (
        st.segmented_control(
            t("plan_sort", lang),
            plans_view.SORTS,
            key="plan_sort",
            format_func=lambda s: t(f"plan_sort_{s}", lang),
        )
        or "status"
    )
    state.set_params(sort=None if by == "status" else by)
    ordered = plans_view.sort_status(table, by)
    display = plans_view.status_display(cached, ordered, lang)
    show_status_table(display, ordered, lang, "plan_status_table")
    st.caption(t("plan_stand_in_note", lang))
    meta = exports.ExportMeta(
        t("plan_status_heading", lang, name=name),
        tuple(dict.fromkeys(ordered["indicator_id"])),
        regions=(plans_view.parent_region(cached, place),),
        notes=(t("plan_rule", lang),),
    )
    widgets.download_buttons(display, meta, f"sdg_plan_status_{place}_{lang}", lang, "plan_dl")


def pick_series(place: str, table: pd.DataFrame, lang: str) -> Selection:
    """The indicator (URL ``ind``) and series (URL ``sel``) of the chart and the comparison of
    regions: the place's targets first, then any target in force, then national targets."""
    labels = cached.labels()
    store = _store()
    ids = plans_view.indicator_choices(cached, store, table)
    ind = pickers.indicator(lang, ids, "plan_ind", ids[0], label=t("plan_pick_indicator", lang))
    mine = [
        Selection.from_mapping(ind, {c: r[c] for c in SELECTION_COLUMNS})
        for r in table[table["indicator_id"] == ind].to_dict("records")
    ]
    options = list(dict.fromkeys([*mine, *plans_view.indicator_selections(cached, store, ind)]))
    keys = [_selection_key(s) for s in options]
    state.seed("plan_sel", "sel", state.choice(keys), keys[0])
    state.keep_valid("plan_sel", keys, keys[0])
    if len(options) > 1:
        st.selectbox(
            t("series", lang),
            keys,
            key="plan_sel",
            format_func=lambda k: labels.selection_label(options[keys.index(k)], lang),
        )
    chosen = st.session_state["plan_sel"]
    state.set_params(sel=chosen if len(options) > 1 else None)
    return options[keys.index(chosen)]


def chart_block(place: str, sel: Selection, lang: str, key: str, row: dict | None = None) -> None:
    """The place's actual series of ``sel`` against its plan line (or the national stand-in)."""
    labels = cached.labels()
    row = row if row is not None else selection_row(place, sel)
    name = plans_view.place_name(cached, place, lang)
    if row is None:
        st.info(t("plan_no_line", lang, name=name))
        return
    actual = plans_view.actual_series(cached, _store(), row)
    line = plans_view.plan_chart_frame(row)
    national = None
    if row.get("place_kind", plans_view.REGION) == plans_view.REGION:
        national = cached.national_series(sel)
    assessed = None
    if pd.notna(row.get("year")) and row.get("actual") is not None and pd.notna(row["actual"]):
        assessed = (int(row["year"]), float(row["actual"]), float(row["expected"]))
    unit = labels.code_label("unit", sel.unit, lang)
    fig = plan_charts.plan_chart(actual, line, name, unit, lang, national, assessed)
    files = sorted({str(s).rsplit(":", 1)[0] for s in actual["source"] if s})
    render.chart(
        fig,
        key=key,
        title=f"{name}: {labels.indicator_label(sel.indicator_id, lang)}",
        source=widgets.source_text(files, lang),
        filename=exports.file_stem("sdg", sel.indicator_id, place, "plan", lang),
    )
    st.caption(status_sentence(row, lang))
    document = plans_view.document_text(row, cached.targets(), lang)
    st.caption(literal(f"{t('plan_col_document', lang)}: {document}"))


def across_section(sel: Selection, lang: str) -> None:
    """One series in every region (and territory with a target): actual vs plan or stand-in."""
    labels = cached.labels()
    label = labels.indicator_label(sel.indicator_id, lang)
    st.subheader(t("plan_across_heading", lang))
    widgets.heading_text(label, labels.selection_label(sel, lang))
    table = cached.from_store(plans_view.indicator_status, sel)
    if table.empty:
        st.info(t("plan_across_none", lang))
        return
    display = plans_view.status_display(cached, table, lang, with_place=True)
    show_status_table(display, table, lang, "plan_across_table")
    meta = exports.ExportMeta(
        f"{t('plan_across_heading', lang)}: {label}", (sel.indicator_id,), sel
    )
    widgets.download_buttons(
        display, meta, f"sdg_plan_{sel.indicator_id}_{lang}", lang, "plan_dl_all"
    )


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
    store = _store()
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
        keys = [_selection_key(s) for s in sels]
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
        keyed_table(checks.problems_frame(result.problems, lang), "plan_problems")
        return
    st.success(tn("plan_file_ok", len(result.entries), lang), icon=":material/check_circle:")
    keyed_table(_preview(result, lang), "plan_preview")
    if st.button(t("plan_file_store", lang), type="primary", key="plan_file_store"):
        st.session_state["plan_round"] = n + 1
        _save(
            store,
            user,
            lang,
            lambda: store.save_plan_file(place, upload.name, content, result.entries, user),
        )


def _preview(result: checks.PlanFileResult, lang: str) -> pd.DataFrame:
    labels = cached.labels()
    return pd.DataFrame(
        {
            t("ld_col_row", lang): [str(r) for r in result.source_rows],
            t("indicator", lang): [e.indicator_id for e in result.entries],
            t("series", lang): [labels.selection_label(e.selection, lang) for e in result.entries],
            t("plan_col_baseline", lang): [
                f"{e.baseline_year}: {fmt_number(e.baseline_value, lang)}" for e in result.entries
            ],
            t("plan_col_plan", lang): [
                "; ".join(f"{y}: {fmt_number(v, lang)}" for y, v in e.planned)
                for e in result.entries
            ],
            t("plan_col_document", lang): [
                f"{e.document_name}, {e.document_date.isoformat()}" for e in result.entries
            ],
        }
    )


# --- versions -------------------------------------------------------------------------------


def versions_section(place: str, lang: str, user: User | None) -> None:
    """Every version of the place's targets and the files they came in (originals to download);
    an editor of the place withdraws a target in force here."""
    st.subheader(t("plan_versions_heading", lang))
    store = _store()
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
    keyed_table(_versions_table(history, values, lang), "plan_versions")
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


def _versions_table(history: pd.DataFrame, values: pd.DataFrame, lang: str) -> pd.DataFrame:
    labels = cached.labels()
    planned = {
        pid: "; ".join(
            f"{int(y)}: {fmt_number(v, lang)}" for y, v in zip(g["year"], g["value"], strict=True)
        )
        for pid, g in values.groupby("plan_id")
    }
    rows = []
    for r in history.to_dict("records"):
        sel = Selection.from_mapping(r["indicator_id"], r)
        rows.append(
            {
                "№": int(r["plan_id"]),
                t("indicator", lang): r["indicator_id"],
                t("series", lang): labels.selection_label(sel, lang),
                t("ld_col_version", lang): int(r["version"]),
                t("ld_col_status", lang): t(f"ld_status_{r['status']}", lang),
                t("plan_col_baseline", lang): f"{r['baseline_year']}: "
                + fmt_number(r["baseline_value"], lang),
                t("plan_col_plan", lang): planned.get(r["plan_id"], ""),
                t("plan_col_document", lang): str(r["document_name"]),
                t("plan_field_document_date", lang): str(r["document_date"]),
                t("plan_field_document_ref", lang): str(r["document_ref"] or ""),
                t("plan_col_file", lang): "" if r["file_id"] is None else f"№{int(r['file_id'])}",
                t("plan_col_entered_by", lang): r["entered_by"],
                t("ld_col_uploaded_at", lang): str(r["entered_at"])[:16],
                t("ld_col_withdrawn_by", lang): r["withdrawn_by"] or "",
            }
        )
    return pd.DataFrame(rows)


# --- actual vs plan on other pages ----------------------------------------------------------


def region_block(ref_area: str, lang: str) -> None:
    """The region page's actual-vs-plan part: every target and national stand-in with its
    status, and one of them against its line (URL ``pind``); a link to the plans page."""
    st.subheader(t("plan_region_heading", lang))
    table = place_table(ref_area)
    if table.empty:
        st.info(t("plan_none_here", lang))
    else:
        summary(table, lang)
        display = plans_view.status_display(cached, table, lang)
        show_status_table(display, table, lang, "reg_plan_table")
        st.caption(t("plan_stand_in_note", lang))
        keys = [
            plans_view.selection_key(plans_view.row_selection(r)) for r in table.to_dict("records")
        ]
        state.seed("reg_plan", "pind", state.choice(keys), keys[0])
        state.keep_valid("reg_plan", keys, keys[0])
        chosen = st.selectbox(
            t("plan_pick_indicator", lang),
            keys,
            key="reg_plan",
            format_func=lambda k: _row_label(table.iloc[keys.index(k)].to_dict(), lang),
        )
        state.set_params(pind=chosen if chosen != keys[0] else None)
        row = table.iloc[keys.index(chosen)].to_dict()
        sel = plans_view.row_selection(row)
        chart_block(ref_area, sel, lang, "reg_plan_chart", row)
    st.page_link(
        script("plans"),
        label=t("plan_open_page", lang),
        icon=":material/flag:",
        query_params={"place": ref_area, "lang": lang},
    )


def _row_label(row: dict, lang: str) -> str:
    labels = cached.labels()
    sel = plans_view.row_selection(row)
    text = f"{labels.indicator_label(sel.indicator_id, lang, width=90)} — "
    text += labels.selection_label(sel, lang, with_unit=False)
    status = t(f"plan_status_{row['status']}", lang)
    return f"{text} ({status})"


def panel_status(place: str, sel: Selection, lang: str) -> dict | None:
    """The status of one series in one region, as a line of text beside a small chart (the map's
    region panel, the goal page's detail); returns the row for the caller's plan line."""
    row = selection_row(place, sel)
    if row is None:
        return None
    st.caption(status_sentence(row, lang))
    return row


def compare_block(codes: list[str], sel: Selection, lang: str) -> dict[str, dict]:
    """The compared regions' status for the chart's series (plan or national stand-in), as a
    small table; returns region -> row for the plan lines of the chart."""
    rows = {code: row for code in codes if (row := selection_row(code, sel)) is not None}
    if not rows:
        return rows
    table = pd.DataFrame(rows.values())
    display = plans_view.status_display(cached, table, lang, with_place=True)
    keep = [
        t("plan_col_place", lang),
        t("plan_col_basis", lang),
        t("plan_col_status", lang),
        t("year", lang),
        t("brief_col_actual", lang),
        t("brief_col_expected", lang),
        t("brief_col_gap", lang),
        t("plan_col_final_year", lang),
        t("plan_col_final_value", lang),
    ]
    show_status_table(display[keep], table, lang, "cmp_plan_table")
    return rows
