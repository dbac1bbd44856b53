"""Accessibility of the figures: legible text on coloured areas and axes, and every chart's values
as a table (pure: no Streamlit)."""

from __future__ import annotations

import io
import re

import pandas as pd
import plotly.graph_objects as go
import pytest
from pandas.testing import assert_frame_equal

from sdgdash.config import Settings
from sdgdash.data.source import Source
from sdgdash.features.compare.view import Lines
from sdgdash.features.findings.view import goal_counts_table
from sdgdash.features.goal import charts as goalcharts
from sdgdash.features.goal import view as goalview
from sdgdash.features.index import charts as indexcharts
from sdgdash.features.index import view as indexview
from sdgdash.features.map.view import trend_table
from sdgdash.features.overview.view import goal_tiles, goal_tiles_table
from sdgdash.features.tags.charts import regions_ranked
from sdgdash.figures import CHART_TEXT, by_year, contrast_ratio, legible, text_colour_on

# The official SDG colours (data/goals.parquet), goal 1 to 17.
SDG_COLOURS = [
    *("#E5243B", "#DDA63A", "#4C9F38", "#C5192D", "#FF3A21", "#26BDE2", "#FCC30B", "#A21942"),
    *("#FD6925", "#DD1367", "#FD9D24", "#BF8B2E", "#3F7E44", "#0A97D9", "#56C02B", "#00689D"),
    "#19486A",
]
AA = 4.5  # WCAG 2 AA, body text


def _frame(csv: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(csv))


@pytest.fixture(scope="module")
def data() -> Source:
    return Source(Settings.from_env({}))


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#777777") == contrast_ratio("#777777", "#ffffff")
    assert contrast_ratio(CHART_TEXT, "#ffffff") >= 7


@pytest.mark.parametrize(("goal", "colour"), list(enumerate(SDG_COLOURS, start=1)))
def test_text_on_every_goal_colour_reaches_aa(goal: int, colour: str) -> None:
    assert contrast_ratio(text_colour_on(colour), colour) >= AA, goal


def test_yellow_and_light_blue_goals_get_dark_text_and_dark_red_white() -> None:
    assert text_colour_on("#FCC30B") != "#ffffff"  # goal 7
    assert text_colour_on("#26BDE2") != "#ffffff"  # goal 6
    assert text_colour_on("#A21942") == "#ffffff"  # goal 8


def test_goal_tiles_and_banner_write_legibly_on_the_goal_colour(data) -> None:
    tiles = goal_tiles(data, "kk")
    assert [x.goal for x in tiles] == list(range(1, 18))
    for tile in tiles:  # the tile's text (number, counts, name) on the goal's colour
        assert contrast_ratio(tile.ink, tile.colour) >= AA, tile.goal
    banner = goalview.banner_html(7, "Affordable & clean energy", "#FCC30B")
    ink = re.search(r"[;\"]color:(#[0-9a-fA-F]{6})", banner).group(1)
    assert contrast_ratio(ink, "#FCC30B") >= AA
    assert "Affordable &amp; clean energy" in banner


def test_ranked_bar_labels_are_legible_on_blue_and_orange() -> None:
    drawn = _frame(
        "ref_area,value,rank,source_file,source_row\nA,3.0,1,data/x.csv,2\nB,8.0,2,data/x.csv,3\n"
    )
    fig = regions_ranked(drawn, {}, 5.0, "%", "en", higher_is_better=False)
    bar = fig.data[0]
    for fill, ink in zip(bar.marker.color, bar.textfont.color, strict=True):
        assert contrast_ratio(ink, fill) >= AA


def test_status_counts_are_legible_on_every_status_colour() -> None:
    counts = {"Kazakhstan": pd.DataFrame({"bucket": list(goalview.BUCKETS), "n": [1] * 8})}
    fig = goalcharts.status_summary(counts, "en")
    assert len(fig.data) == len(goalview.BUCKETS)
    for bar in fig.data:
        assert contrast_ratio(bar.textfont.color, bar.marker.color) >= AA, bar.name


def test_legible_overrides_the_theme_grey_of_axes_legend_and_colour_bar() -> None:
    fig = go.Figure(
        [
            go.Bar(x=[1], y=[2], text=["2"], textposition="outside"),
            go.Heatmap(z=[[1, 2]]),
            go.Scatter(x=[1], y=[2], mode="markers+text", text=["Base"]),
            go.Scatter(x=[1], y=[2], mode="markers+text", text=["x"], textfont_color="#111111"),
        ]
    )
    legible(fig)
    assert fig.data[0].outsidetextfont.color == CHART_TEXT
    assert fig.data[2].textfont.color == CHART_TEXT
    assert fig.data[3].textfont.color == "#111111"  # a colour chosen for the figure stays
    assert fig.layout.xaxis.tickfont.color == CHART_TEXT
    assert fig.layout.yaxis.title.font.color == CHART_TEXT
    assert fig.layout.legend.font.color == CHART_TEXT
    assert fig.layout.hoverlabel.font.color == CHART_TEXT
    assert fig.data[1].colorbar.tickfont.color == CHART_TEXT


def test_by_year_puts_one_column_per_line_in_legend_order() -> None:
    long = pd.DataFrame(  # "" is Kazakhstan's line, as the app's tables name it
        {"year": [2016, 2015, 2016, 2015], "series": ["B", "A", "A", ""], "value": [2.5, 1, 2, 9]}
    )
    out = by_year(long, {"A": "Akmola", "B": "Karagandy", "": "Kazakhstan"}, "en")
    expected = _frame("Year,Akmola,Karagandy,Kazakhstan\n2015,1.0,,9.0\n2016,2.0,2.5,\n")
    assert_frame_equal(out, expected, check_dtype=False)


def test_trend_and_comparison_tables_hold_the_charts_values() -> None:
    regional = _frame(
        "year,ref_area,value\n2020,KZKAR,3.8\n2021,KZKAR,3.5\n2020,KZKZY,6.1\n2021,KZKZY,5.9\n"
    )
    national = _frame("year,value\n2020,5.5\n2021,5.2\n")
    names = {"KZKAR": "Karagandy", "KZKZY": "Kyzylorda"}
    out = trend_table(regional, national, "KZKAR", names, "en")
    assert_frame_equal(
        out,
        _frame("Year,Karagandy,Kazakhstan\n2020,3.8,5.5\n2021,3.5,5.2\n"),
        check_dtype=False,
    )
    lines = Lines(None, ["KZKZY", "KZKAR"], regional, national)  # type: ignore[arg-type]
    assert_frame_equal(
        lines.table(names, "Kazakhstan", "en"),
        _frame("Year,Kyzylorda,Karagandy,Kazakhstan\n2020,6.1,3.8,5.5\n2021,5.9,3.5,5.2\n"),
        check_dtype=False,
    )


def test_goal_summary_coverage_and_series_tables() -> None:
    counts = {
        "Kazakhstan": pd.DataFrame(
            {"bucket": list(goalview.BUCKETS), "n": [1, 0, 2, 0, 0, 3, 0, 4]}
        )
    }
    summary = goalview.summary_table(counts, "en")
    assert summary.iloc[0].tolist() == ["Kazakhstan", 1, 0, 2, 0, 0, 3, 0, 4]
    assert list(summary.columns)[:2] == ["Area", "Target achieved"]
    matrix = pd.DataFrame(
        {"": [2023.0, None], "KZKAR": [2022.0, 2021.0]}, index=pd.Index(["7.1.1", "7.1.2"])
    )
    cov = goalview.coverage_table(
        matrix, {"7.1.1": "7.1.1 Electricity"}, {"": "Kazakhstan", "KZKAR": "Karagandy"}, "en"
    )
    assert list(cov.columns) == ["Indicator", "Kazakhstan", "Karagandy"]
    assert cov["Indicator"].tolist() == ["7.1.1 Electricity", "7.1.2"]
    assert cov["Kazakhstan"].isna().tolist() == [False, True]
    series = goalview.series_table([2015, 2016], [1.5, 2.0], "ru")
    assert list(series.columns) == ["Год", "Значение"] and series["Значение"].tolist() == [1.5, 2]


def test_overview_and_findings_tables(data) -> None:
    tiles = goal_tiles_table(data, "ru")
    summary = data.goal_summary().sort_values("goal")
    assert tiles["Цель"].tolist() == list(range(1, 18))
    assert tiles.iloc[:, 2].tolist() == summary["n_indicators"].tolist()
    counts = _frame("ref_area,goal,count\nKZKAR,6,2\nKZKAR,7,1\n")
    out = goal_counts_table(counts, "en", {"KZKAR": "Karagandy"}.get, lambda g: f"G{g}")
    assert out.values.tolist() == [["Karagandy", "6. G6", 2], ["Karagandy", "7. G7", 1]]


def test_ratings_carry_a_mark_in_tables_and_on_the_chart(data) -> None:
    assert indexview.rating_label("green", "en") == "✓ green"
    assert indexview.rating_label("red", "ru") == "!!! красный"
    assert indexview.rating_label(float("nan"), "en") == ""
    goals = _frame("ref_area,goal,score,rating\nKZKAR,1,95.3,yellow\nKZKAR,3,10.0,red\n")
    dist = _frame("goal,min,q1,q3,max\n1,10,40,80,100\n3,0,30,70,90\n")
    table = indexview.region_scores_table(goals, dist, data.labels(), "en")
    assert table["Rating"].tolist() == ["! yellow", "!!! red"]
    assert table["Score"].tolist() == [95.3, 10.0]
    fig = indexcharts.goal_scores(goals, dist.assign(n=20, median=50), data.labels(), "en")
    column = next(tr for tr in fig.data if getattr(tr, "mode", None) == "text")  # the scores
    assert {re.sub(r"</?b>", "", x) for x in column.text} == {"95 !", "10 !!!"}


def test_distance_chart_tables_hold_every_line_and_the_end_value() -> None:
    from sdgdash.features.distance.display import detail_values, goal_regions_values
    from sdgdash.features.distance.endvalues import EndRule
    from sdgdash.features.distance.view import IndicatorDetail

    band = _frame(
        "year,value,peer_min,peer_max,peer_mean,n_peers,national\n"
        "2022,3.0,2.0,6.0,4.0,3,5.0\n2023,2.5,,,,0,4.8\n"
    )
    detail = IndicatorDetail(
        row=pd.Series({"end_value": 1.0, "end_year": 2030.0}),
        band=band,
        rule=EndRule("target"),
        projection=_frame("year,value\n2023,2.5\n2024,2.3\n"),
    )
    out = detail_values(detail, "Karagandy", "en")
    expected = _frame(
        "Year,Karagandy,Kazakhstan,Peer range: lowest,Peer average,Peer range: highest,"
        "Projection at the current pace,2030 end value\n"
        "2022,3.0,5.0,2.0,4.0,6.0,,\n2023,2.5,4.8,,,,2.5,\n2024,,,,,,2.3,\n2030,,,,,,,1.0\n"
    )
    assert_frame_equal(out, expected, check_dtype=False)
    frame = pd.DataFrame(
        {
            "ref_area": ["KZKAR", "", "KZABY"],
            "score": [61.26, 55.0, None],
            "n_indicators": [5, 6, 0],
        }
    )
    table = goal_regions_values(frame, {"KZKAR": "Karagandy", "": "Kazakhstan"}, "en")
    assert table.values.tolist() == [["Karagandy", 61.3, 5], ["Kazakhstan", 55.0, 6]]
