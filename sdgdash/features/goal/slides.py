"""A goal view as slides: the status summary as a native stacked bar chart, then the area's
status table in parts (pure; the same view functions as the goal page)."""

from __future__ import annotations

import textwrap

import pandas as pd

from sdgdash.data.source import Data
from sdgdash.features.deck import pptx
from sdgdash.features.deck.parts import Summary, files_text, footer, table_slides
from sdgdash.features.goal import progress
from sdgdash.features.goal.charts import STATUS_COLOURS
from sdgdash.features.goal.view import (
    BUCKETS,
    query_from_params,
    status_for,
    status_rows,
    summary_counts,
    summary_files,
)
from sdgdash.i18n import fmt_number, t

_COUNT_FORMAT = "0;-0;;@"
# A long status table keeps these first, in this order (least progress first).
SUMMARY_ORDER = (
    progress.DETERIORATION,
    progress.LIMITED,
    progress.MODERATE,
    progress.SUBSTANTIAL,
    progress.TARGET_ACHIEVED,
)  # whole numbers, zero segments of a stacked bar left unlabelled


def title(data: Data, params: dict[str, str], lang: str) -> str:
    """The goal, the area (and the problem tag, if any)."""
    labels = data.labels()
    q = query_from_params(data, params)
    text = f"{t('goal', lang)} {q.goal}. {labels.goal_short(q.goal, lang)} — "
    text += labels.region_name(q.ref_area, lang)
    return text + (f" · {data.tag_vocabulary().name(q.tag, lang)}" if q.tag else "")


def slides(data: Data, title: str, params: dict[str, str], lang: str) -> list[pptx.Slide]:
    """The goal page's status summary (Kazakhstan and the chosen region), then the chosen area's
    status table in parts."""
    q = query_from_params(data, params)
    table = status_for(data, q.goal, q.tag)
    counts = summary_counts(data, table, q.ref_area, lang)
    areas = list(counts)
    series, colours = [], []
    for bucket in BUCKETS:
        values = [int(counts[a].set_index("bucket").loc[bucket, "n"]) for a in areas]
        if any(values):  # as on the page: statuses no indicator has are left out
            series.append((t(f"goal_status_{bucket}", lang), values))
            colours.append(STATUS_COLOURS[bucket])
    out: list[pptx.Slide] = []
    if series:
        out.append(
            pptx.ChartSlide(
                title,
                "stacked",
                areas,
                series,
                footer(data, lang, files=files_text(summary_files(table, q.ref_area))),
                axis_title=t("goal_n_indicators", lang),
                colours=tuple(colours),
                number_format=_COUNT_FORMAT,
            )
        )
    rows = status_rows(data, table, q.goal, q.ref_area, lang)
    if not len(rows):
        return out
    keys = ("indicator", "goal_status", "goal_base", "goal_latest", "goal_cagr")
    cols = [t(k, lang) for k in keys]
    cells = [
        [
            textwrap.shorten(str(r[cols[0]]), 110),
            str(r[cols[1]]),
            str(r[cols[2]]),
            str(r[cols[3]]),
            "" if r[cols[4]] is None or pd.isna(r[cols[4]]) else fmt_number(r[cols[4]], lang),
        ]
        for r in rows.to_dict("records")
    ]
    sources = [str(f) for f in rows[t("source", lang)]]

    def foot(keep: list[int]) -> str:
        return footer(data, lang, files=files_text(sorted({sources[i] for i in keep} - {""})))

    # A long table: the indicators with the least progress first (where a seminar looks).
    concern = {s: n for n, s in enumerate(SUMMARY_ORDER)}
    buckets = list(table[table["ref_area"] == q.ref_area]["bucket"])
    order = sorted(range(len(cells)), key=lambda i: (concern.get(buckets[i], 99), i))
    summary = Summary(
        order,
        lambda shown, total: t("ux_slide_note_status", lang, shown=shown, total=total),
    )
    out += table_slides(
        lambda part: t("slide_status_table", lang, title=title, part=part),
        cols,
        cells,
        foot,
        summary,
        lang,
    )
    return out
