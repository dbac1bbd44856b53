"""Goal page: one goal's indicators, their progress status (Open SDG method), coverage and gaps."""

from __future__ import annotations

from sdgdash.ui import findings, goalpage, state, tagsview, widgets

lang = state.page_lang(__file__)
notices = state.notice_area()

goal = goalpage.pick_goal(lang)
ref_area = goalpage.pick_area(lang)
goalpage.header(goal, lang)

tag = tagsview.tag_filter(lang, "goal_tag")
table = goalpage.status_for(goal, tag)
goalpage.summary(table, goal, ref_area, lang)
goalpage.show_status_table(goalpage.status_rows(table, goal, ref_area, lang), goal, ref_area, lang)
goalpage.detail(table, goal, ref_area, lang)
goalpage.coverage(goal, lang)
goalpage.gaps(goal, ref_area, lang)
findings.findings_block(lang, goal=goal)

widgets.attribution(lang)
state.show_notices(lang, notices)
