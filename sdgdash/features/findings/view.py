"""Seminar findings as tables and charts (pure): place filter, display/CSV table, priority-SDG
counts per region and their chart."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import plotly.graph_objects as go

from sdgdash.i18n import plotly_separators, t

DISPLAY_COLUMNS = [
    ("finding_date", "findings_col_date"),
    ("place", "findings_col_place"),
    ("event_id", "findings_col_event"),
    ("tags", "findings_col_tags"),
    ("priority_goals", "findings_col_goals"),
    ("text", "findings_col_text"),
    ("source", "findings_col_source"),
    ("created_by", "findings_col_by"),
    ("created_at", "findings_col_at"),
]


def for_place(
    frame: pd.DataFrame,
    parents: Mapping[str, str],
    ref_area: str | None = None,
    territory_id: str | None = None,
) -> pd.DataFrame:
    """Findings of a region (with its pilot territories) or of one territory."""
    if territory_id:
        frame = frame[frame["territory_id"] == territory_id]
    if ref_area:
        inside = {tid for tid, parent in parents.items() if parent == ref_area}
        frame = frame[(frame["ref_area"] == ref_area) | frame["territory_id"].isin(inside)]
    return frame.reset_index(drop=True)


def region_of(frame: pd.DataFrame, parents: Mapping[str, str]) -> pd.Series:
    """The region of each finding: its ref_area, or its territory's parent region."""
    by_territory = frame["territory_id"].map(lambda tid: parents.get(tid) if _given(tid) else None)
    return frame["ref_area"].where(frame["ref_area"].notna(), by_territory)


def _given(value) -> bool:
    return isinstance(value, str) and value != ""


def place_name(
    row: Mapping, region_name: Callable[[str], str], territory_name: Callable[[str], str]
) -> str:
    """The place a finding is about, by name."""
    if _given(row.get("territory_id")):
        return territory_name(row["territory_id"])
    return region_name(row["ref_area"]) if _given(row.get("ref_area")) else ""


def display_table(
    frame: pd.DataFrame,
    lang: str,
    region_name: Callable[[str], str],
    territory_name: Callable[[str], str],
) -> pd.DataFrame:
    """Findings with named places and lists as text, headed in ``lang`` (shown and downloaded)."""
    out = pd.DataFrame(
        {
            "id": frame["id"].astype("int64"),
            "finding_date": frame["finding_date"].astype(str),
            "place": [place_name(r, region_name, territory_name) for r in frame.to_dict("records")],
            "event_id": frame["event_id"].fillna(""),
            "tags": [", ".join(v) for v in frame["tags"]],
            "priority_goals": [", ".join(str(g) for g in v) for v in frame["priority_goals"]],
            "text": frame["text"],
            "source": frame["source"],
            "created_by": frame["created_by"],
            "created_at": pd.to_datetime(frame["created_at"]).dt.strftime("%Y-%m-%d %H:%M UTC"),
        }
    )
    return out.rename(columns={c: t(key, lang) for c, key in DISPLAY_COLUMNS})


def goal_counts(frame: pd.DataFrame, parents: Mapping[str, str]) -> pd.DataFrame:
    """How often each priority SDG was named per region: ref_area, goal, count."""
    regions = region_of(frame, parents)
    rows = [
        (area, int(goal))
        for area, goals in zip(regions, frame["priority_goals"], strict=True)
        if _given(area)
        for goal in goals
    ]
    counts = pd.DataFrame(rows, columns=["ref_area", "goal"])
    out = counts.groupby(["ref_area", "goal"]).size().reset_index(name="count")
    return out.astype({"goal": "int64", "count": "int64"}).sort_values(["ref_area", "goal"])


def goal_counts_table(
    counts: pd.DataFrame,
    lang: str,
    region_name: Callable[[str], str],
    goal_name: Callable[[int], str],
) -> pd.DataFrame:
    """The priority-SDG chart's values: per region and goal, how often the goal was named."""
    return pd.DataFrame(
        {
            t("region", lang): [region_name(a) for a in counts["ref_area"]],
            t("goal", lang): [f"{g}. {goal_name(g)}" for g in counts["goal"]],
            t("a11y_col_times_named", lang): counts["count"].astype("int64"),
        }
    )


def goal_chart(
    counts: pd.DataFrame,
    lang: str,
    region_name: Callable[[str], str],
    goal_name: Callable[[int], str],
    goal_colour: Callable[[int], str],
) -> go.Figure:
    """Stacked horizontal bars: regions x times each priority SDG was named, in goal colours."""
    totals = counts.groupby("ref_area")["count"].sum().sort_values()
    order = list(totals.index)
    names = [region_name(a) for a in order]
    fig = go.Figure()
    for goal in sorted(counts["goal"].unique()):
        part = counts[counts["goal"] == goal].set_index("ref_area").reindex(order)
        label = f"{goal}. {goal_name(int(goal))}"
        fig.add_bar(
            y=names,
            x=[int(v) for v in part["count"].fillna(0)],
            orientation="h",
            name=label,
            marker_color=goal_colour(int(goal)),
            hovertemplate="%{y}<br>" + label.replace("%", "%%") + ": %{x}<extra></extra>",
        )
    fig.update_layout(
        separators=plotly_separators(lang),
        barmode="stack",
        height=max(260, 80 + 28 * len(order)),
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        xaxis={"title": {"text": t("findings_chart_count", lang)}, "dtick": 1},
        legend={"title": {"text": t("findings_col_goals", lang)}},
    )
    return fig
