"""Widgets of the seminar findings: the reusable findings block, the chart of priority SDGs,
the editor's form and withdrawal. Findings are read from the store on every run (not cached),
so a write shows at once; user text is shown with st.text / st.dataframe or through
safe.literal, never as HTML, Markdown or a link."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from sdgdash.exports import tables as exports
from sdgdash.features.findings import view as fnd
from sdgdash.features.region import view as region_view
from sdgdash.i18n import t
from sdgdash.store import FindingInput, InvalidInput, User
from sdgdash.store.validate import EVENT_MAX, FIRST_YEAR, SOURCE_MAX, TEXT_MAX
from sdgdash.ui import auth, cached, layout, render, safe, state, widgets

MAX_CARDS = 50


def parents() -> dict[str, str]:
    """Territory id -> parent region code (from the geodata of the pilot territories)."""
    return {
        f["properties"]["id"]: f["properties"].get("parent_ref_area")
        for f in cached.pilots()["features"]
    }


def territory_name(territory_id: str, lang: str) -> str:
    """A pilot territory's name in ``lang`` as its page shows it (its id when unknown)."""
    return cached.territory_names(lang).get(territory_id, territory_id)


def tag_names(lang: str) -> dict[str, str]:
    """Tag id -> name in ``lang``."""
    return cached.tag_vocabulary().labels(lang)


def read_findings(
    ref_area: str | None = None,
    territory_id: str | None = None,
    tag: str | None = None,
    goal: int | None = None,
) -> pd.DataFrame:
    """Findings in force for a place (a region includes its pilot territories), tag and goal."""
    frame = auth.store().findings(tag=tag or None, goal=goal)
    return fnd.for_place(frame, parents(), ref_area=ref_area, territory_id=territory_id)


def _names(lang: str):
    labels = cached.labels()
    return (lambda c: labels.region_name(c, lang)), (lambda tid: territory_name(tid, lang))


def table_for(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The display and CSV table of ``frame`` in ``lang``."""
    region_name, terr_name = _names(lang)
    return fnd.display_table(frame, lang, region_name, terr_name)


def finding_cards(frame: pd.DataFrame, lang: str) -> None:
    """Each finding as a bordered card: place and date as a heading, the text as plain text."""
    region_name, terr_name = _names(lang)
    tags = tag_names(lang)
    for row in frame.head(MAX_CARDS).to_dict("records"):
        with st.container(border=True):
            place = fnd.place_name(row, region_name, terr_name)
            detail = [
                t("findings_col_goals", lang) + ": " + ", ".join(map(str, row["priority_goals"]))
                if row["priority_goals"]
                else "",
                t("findings_col_tags", lang) + ": " + ", ".join(tags.get(x, x) for x in row["tags"])
                if row["tags"]
                else "",
                f"{t('findings_col_event', lang)}: {row['event_id']}"
                if isinstance(row["event_id"], str) and row["event_id"]
                else "",
            ]
            widgets.heading_text(
                f"{row['finding_date']} · {place} · №{row['id']}",
                " · ".join(d for d in detail if d),
            )
            st.text(row["text"])
            st.caption(
                safe.literal(
                    f"{t('findings_col_source', lang)}: {row['source']} · "
                    f"{t('findings_col_by', lang)}: {row['created_by']}"
                )
            )


def store_warning(lang: str) -> None:
    """Say that the store cannot be read now (the rest of the page still works)."""
    st.warning(t("auth_store_error", lang), icon=":material/cloud_off:")


def findings_block(
    lang: str,
    ref_area: str | None = None,
    territory_id: str | None = None,
    tag: str | None = None,
    goal: int | None = None,
    heading: bool = True,
    frame: pd.DataFrame | None = None,
) -> pd.DataFrame | None:
    """Findings for a region / territory / tag / goal page: cards and a CSV download.

    ``frame`` (already read findings) saves a second read; None when the store is unavailable.
    """
    if heading:
        st.subheader(t("findings_block_heading", lang))
    if frame is None:
        try:
            frame = read_findings(ref_area, territory_id, tag, goal)
        except auth.STORE_ERRORS:
            store_warning(lang)
            return None
    if frame.empty:
        st.caption(t("findings_none", lang))
        return frame
    st.caption(t("findings_count", lang, n=len(frame)))
    finding_cards(frame, lang)
    key = "_".join(str(x) for x in ("findings_csv", ref_area, territory_id, tag, goal) if x)
    name = "_".join(str(x) for x in ("findings", ref_area or territory_id, tag, goal) if x)
    meta = exports.ExportMeta(
        t("findings_block_heading", lang), regions=(ref_area,) if ref_area else ()
    )
    widgets.download_buttons(
        table_for(frame, lang), meta, f"{name}_{lang}", lang, key=key, what=t("dl_findings", lang)
    )
    st.caption(t("findings_source_line", lang))
    return frame


def overview(
    lang: str,
    ref_area: str | None = None,
    territory_id: str | None = None,
    tag: str | None = None,
    goal: int | None = None,
) -> None:
    """The findings page's view: the priority-SDG chart and the findings, for the filters."""
    try:
        frame = read_findings(ref_area, territory_id, tag, goal)
    except auth.STORE_ERRORS:
        store_warning(lang)
        return
    goal_chart(frame, lang)
    findings_block(lang, ref_area, territory_id, tag, goal, frame=frame)


def goal_chart(frame: pd.DataFrame, lang: str) -> None:
    """Priority SDGs named in ``frame``, counted per region, as stacked bars in goal colours."""
    st.subheader(t("findings_chart_title", lang))
    counts = fnd.goal_counts(frame, parents())
    if counts.empty:
        st.caption(t("findings_chart_none", lang))
        return
    labels = cached.labels()
    fig = fnd.goal_chart(
        counts,
        lang,
        lambda c: labels.region_name(c, lang),
        lambda g: labels.goal_short(g, lang),
        labels.goal_colour,
    )
    render.chart(
        fig,
        key="findings_goal_chart",
        values=fnd.goal_counts_table(
            counts,
            lang,
            lambda c: labels.region_name(c, lang),
            lambda g: labels.goal_short(g, lang),
        ),
        title=t("findings_chart_title", lang),
        source=t("findings_source_line", lang),
        filename=exports.file_stem("sdg", "findings", "priority", "goals", lang),
    )


def place_options(lang: str) -> list[str]:
    """Region codes then pilot territory ids, as offered in the place pickers."""
    return region_view.region_units(cached, lang) + sorted(parents())


def place_label(code: str, lang: str) -> str:
    """A place's name; pilot territories are marked as such."""
    if code in set(parents()):
        return f"{territory_name(code, lang)} ({t('findings_kind_territory', lang)})"
    return cached.labels().region_name(code, lang)


def _split_tags(raw: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x.strip() for x in raw.split(",") if x.strip()))


def editor_form(lang: str, user: User, default_place: str | None = None) -> int | None:
    """The form to add a finding; validated by the store. Returns the new id when saved."""
    labels = cached.labels()
    try:
        vocab = auth.store().vocabulary
    except auth.STORE_ERRORS:
        store_warning(lang)
        return None
    options = place_options(lang)
    st.subheader(t("findings_add_heading", lang))
    with st.form("findings_add", clear_on_submit=False):
        place = st.selectbox(
            t("findings_place", lang),
            options,
            index=options.index(default_place) if default_place in options else 0,
            format_func=lambda c: place_label(c, lang),
            key="fnd_in_place",
        )
        when = st.date_input(
            t("findings_date", lang),
            value=None,
            min_value=date(FIRST_YEAR, 1, 1),
            max_value=date.today(),
            key="fnd_in_date",
        )
        if vocab.events is not None:
            event = st.selectbox(
                t("findings_event", lang), ["", *sorted(vocab.events)], key="fnd_in_event"
            )
        else:
            event = st.text_input(
                t("findings_event", lang), max_chars=EVENT_MAX, key="fnd_in_event"
            )
        if vocab.tags is not None:
            names = tag_names(lang)
            tags = tuple(
                st.multiselect(
                    t("findings_tags", lang),
                    sorted(vocab.tags, key=lambda x: names.get(x, x)),
                    format_func=lambda x: names.get(x, x),
                    key="fnd_in_tags",
                )
            )
        else:
            tags = _split_tags(st.text_input(t("findings_tags_free", lang), key="fnd_in_tags"))
        goals = st.multiselect(
            t("findings_goals", lang),
            list(range(1, 18)),
            format_func=lambda g: f"{g}. {labels.goal_short(g, lang)}",
            key="fnd_in_goals",
        )
        text = st.text_area(t("findings_text", lang), max_chars=TEXT_MAX, key="fnd_in_text")
        source = st.text_input(t("findings_source", lang), max_chars=SOURCE_MAX, key="fnd_in_src")
        submitted = st.form_submit_button(t("findings_save", lang), type="primary")
    if not submitted:
        return None
    is_territory = place in set(parents())
    finding = FindingInput(
        finding_date=when,
        text=text,
        source=source,
        ref_area=None if is_territory else place,
        territory_id=place if is_territory else None,
        event_id=event or None,
        tags=tags,
        priority_goals=tuple(int(g) for g in goals),
    )
    try:
        new_id = auth.store().add_finding(finding, user)
    except InvalidInput as err:
        st.error(t("findings_not_saved", lang))
        for problem in err.errors:
            st.error(safe.literal(problem.message(lang)))
        return None
    except auth.STORE_ERRORS:
        st.error(t("findings_not_saved", lang))
        store_warning(lang)
        return None
    st.success(t("findings_saved", lang, id=new_id))
    return new_id


def withdraw_form(lang: str, user: User) -> None:
    """Let an editor withdraw one of their own findings (an admin: any finding)."""
    try:
        frame = auth.store().findings()
    except auth.STORE_ERRORS:
        return
    if user.role != "admin":
        frame = frame[frame["created_by"] == user.username]
    if frame.empty:
        return
    st.subheader(t("findings_withdraw", lang))
    by_id = {int(r["id"]): r for r in frame.to_dict("records")}
    with st.form("findings_withdraw"):
        chosen = st.selectbox(
            t("findings_mine", lang),
            list(by_id),
            format_func=lambda i: f"№{i} · {by_id[i]['finding_date']} · {by_id[i]['text'][:60]}",
            key="fnd_withdraw_id",
        )
        if st.form_submit_button(t("findings_withdraw_button", lang)):
            auth.store().withdraw_finding(chosen, user)
            st.success(t("findings_withdrawn", lang, id=chosen))


def filters(lang: str) -> tuple[str | None, str | None, str | None, int | None]:
    """Place, tag and goal filters in the page's filter bar, kept in the URL (``region`` or ``territory``,
    ``tag``, ``goal``). Returns (ref_area, territory_id, tag, goal); None means all."""
    labels = cached.labels()
    places = ["", *place_options(lang)]
    territory_ids = set(parents())
    if "fnd_place" not in st.session_state:
        by_territory = state.param("territory", state.choice(sorted(territory_ids)), "")
        st.session_state["fnd_place"] = by_territory or state.param(
            "region", state.choice(region_view.region_units(cached, lang)), ""
        )
    place_col, tag_col, goal_col = layout.filter_bar(3)
    place = place_col.selectbox(
        t("findings_place", lang),
        places,
        key="fnd_place",
        format_func=lambda c: place_label(c, lang) if c else t("findings_all_places", lang),
    )
    try:
        in_findings = auth.store().findings()["tags"]
        known = auth.store().vocabulary.tags
    except auth.STORE_ERRORS:
        in_findings, known = [], None
    tags = ["", *sorted(set(known) if known is not None else {x for v in in_findings for x in v})]
    names = tag_names(lang)
    state.seed("fnd_tag", "tag", lambda raw: raw if raw in tags else None, "")
    state.keep_valid("fnd_tag", tags, "")
    tag = tag_col.selectbox(
        t("findings_tag", lang),
        tags,
        key="fnd_tag",
        format_func=lambda x: names.get(x, x) if x else t("findings_all_tags", lang),
    )
    goals = [0, *range(1, 18)]
    state.seed("fnd_goal", "goal", state.integer(1, 17), 0)
    goal = goal_col.selectbox(
        t("findings_goal", lang),
        goals,
        key="fnd_goal",
        format_func=lambda g: (
            f"{g}. {labels.goal_short(g, lang)}" if g else t("findings_all_goals", lang)
        ),
    )
    is_territory = place in territory_ids
    state.set_params(
        region=None if is_territory else place,
        territory=place if is_territory else None,
        tag=tag,
        goal=goal or None,
    )
    return (
        None if is_territory or not place else place,
        place if is_territory else None,
        tag or None,
        goal or None,
    )
