"""The overview as data: one tile per goal with its names and indicator counts (pure)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sdgdash.data.source import Data


@dataclass(frozen=True)
class GoalTile:
    """What a goal's tile on the overview says and links to."""

    goal: int
    colour: str
    short: str  # the goal's short name, shown in full on the tile
    title: str  # its full title, in the tile's tooltip
    n_indicators: int
    n_with_data: int
    n_regional: int
    last_year: int | None


def goal_tiles(data: Data, lang: str) -> list[GoalTile]:
    """The 17 goals in order, in ``lang``, with their indicator counts."""
    labels = data.labels()
    return [
        GoalTile(
            int(r.goal),
            labels.goal_colour(r.goal),
            labels.goal_short(r.goal, lang),
            labels.goal_title(r.goal, lang),
            int(r.n_indicators),
            int(r.n_with_data),
            int(r.n_regional),
            None if pd.isna(r.last_year) else int(r.last_year),
        )
        for r in data.goal_summary().sort_values("goal").itertuples()
    ]
