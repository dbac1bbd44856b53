"""Region profile: where a region stands on every indicator with regional data."""

from __future__ import annotations

import streamlit as st

from sdgdash import events
from sdgdash.catalog import GOALS
from sdgdash.exports import ExportMeta
from sdgdash.i18n import t
from sdgdash.ui import cached, findings, indexview, present, regions, state, tagsview, widgets

lang = state.page_lang(__file__)
labels = cached.labels()
notices = state.notice_area()

ref_area = regions.pick_region(lang)
regions.header(ref_area, lang)
indexview.region_scores(ref_area, lang)

profile = cached.region_profile(ref_area)
st.subheader(t("profile_indicators", lang))
goals_here = sorted(int(g) for g in profile["goal"].unique()) if len(profile) else []
state.seed("reg_goals", "goals", state.int_list(GOALS), [])
goal_col, tag_col = st.columns(2)
chosen = goal_col.multiselect(
    t("goals_filter", lang),
    goals_here,
    key="reg_goals",
    placeholder=t("all_goals", lang),
    format_func=lambda g: f"{g}. {labels.goal_short(g, lang)}",
)
state.set_params(goals=",".join(map(str, chosen)) or None)
tag = tagsview.tag_filter(lang, "reg_tag", container=tag_col)
shown = profile[profile["goal"].isin(chosen)] if chosen else profile
shown = shown[shown["indicator_id"].isin(tagsview.narrow(shown["indicator_id"], tag))]
table = regions.profile_table(shown, lang, indexview.region_ratings(ref_area))
table = tagsview.with_tags_column(table, shown["indicator_id"].tolist(), lang, t("series", lang))
regions.show_profile_table(table, lang)
meta = ExportMeta(
    f"{t('profile_indicators', lang)}: {labels.region_name(ref_area, lang)}",
    tuple(shown["indicator_id"]),
    regions=(ref_area,),
)
rows = regions.csv_rows(table, lang)
widgets.download_buttons(rows, meta, f"sdg_profile_{ref_area}_{lang}", lang)
present.profile_pptx(ref_area, lang, rows)
widgets.source_line(sorted(set(shown["source_file"])) if len(shown) else [], lang)
findings.findings_block(lang, ref_area=ref_area)
st.subheader(t("event_region_heading", lang))
tagsview.timeline(events.for_region(cached.events(), ref_area), lang, key="region", chart=False)
widgets.attribution(lang)
state.show_notices(lang, notices)
