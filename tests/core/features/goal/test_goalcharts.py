"""Goal page figures carry exactly the numbers they are given."""

from __future__ import annotations

import pandas as pd
import pytest

from sdgdash.data import targets
from sdgdash.features.goal import charts as goalcharts
from sdgdash.features.goal import progress as pg
from sdgdash.features.goal import view as goalview


def test_status_summary_stacks_counts_per_area() -> None:
    table = pd.DataFrame(
        {
            "ref_area": ["", "", "", "KZKAR"],
            "bucket": [pg.SUBSTANTIAL, pg.SUBSTANTIAL, "no_data", pg.DETERIORATION],
        }
    )
    counts = {
        "Kazakhstan": goalview.counts(table, ""),
        "Karaganda": goalview.counts(table, "KZKAR"),
    }
    fig = goalcharts.status_summary(counts, "en")
    by_name = {tr.name: list(tr.x) for tr in fig.data}
    # Statuses with no indicator in any area are left out of the legend.
    assert by_name == {"Substantial progress": [2, 0], "Deterioration": [0, 1], "No data": [1, 0]}


def test_series_chart_draws_the_required_path_and_target() -> None:
    # Base 100 (2015), target 72.9 in 2018: required -10 % a year, so the path is 100, 90, 81, 72.9.
    p = pg.assess([(2015, 100.0), (2017, 90.25)], False, targets.Target(72.9, year=2018))
    fig = goalcharts.series_chart([2015, 2017], [100.0, 90.25], p, "PT", "#4c9f38", "en")
    path = next(tr for tr in fig.data if tr.name == "Path needed to reach the target")
    assert list(path.x) == [2015, 2016, 2017, 2018]
    assert list(path.y) == pytest.approx([100.0, 90.0, 81.0, 72.9])
    star = next(tr for tr in fig.data if tr.name == "Target value")
    assert (list(star.x), list(star.y)) == ([2018], [72.9])


def test_no_path_once_the_target_is_met() -> None:
    p = pg.assess([(2015, 12.5), (2023, 11.4)], False, targets.Target(70.0))
    fig = goalcharts.series_chart([2015, 2023], [12.5, 11.4], p, "", "#4c9f38", "en")
    assert "Path needed to reach the target" not in {tr.name for tr in fig.data}


def test_coverage_heatmap_blank_where_no_data() -> None:
    matrix = pd.DataFrame(
        {"": [2023.0, None], "KZKAR": [2019.0, None]}, index=["1.2.1", "1.2.2"]
    ).astype("Float64")
    fig = goalcharts.coverage_heatmap(matrix, {}, {"": "Kazakhstan", "KZKAR": "Karaganda"}, "en")
    heat = fig.data[0]
    assert list(heat.x) == ["Kazakhstan", "Karaganda"]
    assert [list(r) for r in heat.text] == [["2023", "2019"], ["", ""]]
