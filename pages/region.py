"""Region profile: where a region stands on every indicator with regional data."""

from __future__ import annotations

import streamlit as st

from sdgdash.catalog import GOALS
from sdgdash.exports import ExportMeta
from sdgdash.i18n import t
from sdgdash.ui import cached, indexview, present, regions, state, widgets

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
chosen = st.multiselect(
    t("goals_filter", lang),
    goals_here,
    key="reg_goals",
    format_func=lambda g: f"{g}. {labels.goal_short(g, lang)}",
)
state.set_params(goals=",".join(map(str, chosen)) or None)
shown = profile[profile["goal"].isin(chosen)] if chosen else profile
table = regions.profile_table(shown, lang, indexview.region_ratings(ref_area))
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
widgets.attribution(lang)
state.show_notices(lang, notices)
