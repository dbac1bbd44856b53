"""Goal page: one goal's indicators, their progress status (Open SDG method), coverage and gaps."""

from __future__ import annotations

import streamlit as st

from sdgdash.features.distance import ui as distance_ui
from sdgdash.features.findings import ui as findings_ui
from sdgdash.features.goal import ui as goal_ui
from sdgdash.features.goal import view as goal_view
from sdgdash.features.tags import ui as tags_ui
from sdgdash.ui import cached, layout, state, widgets

lang = state.lang()
notices = state.notice_area()

head = st.container()  # the goal's title above its filters, drawn once the goal is known
goal_col, area_col, tag_col = layout.filter_bar([3, 2, 2])
goal = goal_ui.pick_goal(lang, goal_col)
ref_area = goal_ui.pick_area(lang, area_col)
tag = tags_ui.tag_filter(lang, "goal_tag", container=tag_col)
with head:
    goal_ui.header(goal, lang)

table = goal_view.status_for(cached, goal, tag)
goal_ui.summary(table, goal, ref_area, lang)
rows = goal_view.status_rows(cached, table, goal, ref_area, lang)
goal_ui.show_status_table(rows, goal, ref_area, lang)
goal_ui.detail(table, goal, ref_area, lang)
distance_ui.goal_block(goal, ref_area, lang)
goal_ui.coverage(goal, lang)
goal_ui.gaps(goal, ref_area, lang)
findings_ui.findings_block(lang, goal=goal)

widgets.attribution(lang)
state.show_notices(lang, notices)
