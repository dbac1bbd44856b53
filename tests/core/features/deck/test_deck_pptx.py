"""A Karaganda seminar deck as PowerPoint, read back with python-pptx slide by slide."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from sdgdash.config import Settings
from sdgdash.data import queries, selection
from sdgdash.data.db import connect
from sdgdash.data.index_table import load_index_table
from sdgdash.data.source import Source
from sdgdash.features.deck import document
from sdgdash.features.deck import pptx as slides
from sdgdash.features.deck.model import Deck, make_view
from sdgdash.features.distance import view as distance_view
from sdgdash.features.index import scoring
from sdgdash.features.region import slides as region_slides
from sdgdash.features.region import view as region_view
from sdgdash.i18n import t

COMMIT = "72277878d1"
DATA = Source(Settings.from_env({}))


@pytest.fixture(scope="module")
def prs():
    deck = Deck(
        "Карагандинская область: семинар",
        (
            make_view("map", {"ind": "1.2.1", "year": "2023", "cls": "quantiles"}, ""),
            make_view("compare", {"regions": "KZKAR,KZKZY", "ind": "1.2.1"}, ""),
            make_view("index", {"iyear": "2023"}, ""),
        ),
    )
    pptx = slides.build(document.deck_document(DATA, deck, "ru", "http://localhost:8501"))
    return Presentation(io.BytesIO(pptx))


def _shape(slide, name: str):
    return next(s for s in slide.shapes if s.name == name)


def test_title_slide_and_one_slide_per_view(prs) -> None:
    assert len(prs.slides) == 4
    first = prs.slides[0]
    assert _shape(first, "Title").text_frame.text == "Карагандинская область: семинар"
    assert "http://localhost:8501/map?ind=1.2.1&year=2023&cls=quantiles&lang=ru" in (
        _shape(first, "Subtitle").text_frame.text
    )


def test_every_view_slide_has_a_source_footer_with_the_build_commit(prs) -> None:
    for slide in list(prs.slides)[1:]:
        footer = _shape(slide, "Footer").text_frame.text
        assert footer.startswith("Источник: Национальная платформа отчётности по ЦУР")
        assert COMMIT in footer


def test_map_slide_is_an_image_with_title_caption_and_source(prs) -> None:
    slide = prs.slides[1]
    title = _shape(slide, "Title").text_frame.text
    assert (
        title == "1.2.1 Доля населения, имеющего доходы ниже величины прожиточного минимума, 2023"
    )
    pic = _shape(slide, "Map")
    assert pic.image.content_type == "image/png" and len(pic.image.blob) > 50_000
    assert "По Казахстану: 5,2" in _shape(slide, "Caption").text_frame.text
    footer = _shape(slide, "Footer").text_frame.text
    assert "1.2.1" in footer
    assert "Министерство труда и социальной защиты населения Республики Казахстан" in footer
    assert "data/indicator_1-2-1.csv" in footer


def test_compare_slide_is_a_line_chart_equal_to_the_data(prs) -> None:
    con = connect(Settings.from_env())
    sel = selection.headline(queries.selection_options(con, "1.2.1"), "1.2.1")
    regional = queries.regional_series(con, sel)
    national = queries.national_series(con, sel)
    chart = _shape(prs.slides[2], "Chart").chart
    years = [int(c) for c in chart.plots[0].categories]
    assert years == sorted(
        set(regional[regional.ref_area.isin(["KZKAR", "KZKZY"])].year) | set(national.year)
    )
    series = {s.name: list(s.values) for s in chart.series}
    assert set(series) == {"Карагандинская область", "Кызылординская область", "Казахстан"}
    kar = regional[regional.ref_area == "KZKAR"].set_index("year")["value"]
    assert [
        v for y, v in zip(years, series["Карагандинская область"], strict=True) if y in kar.index
    ] == [kar[y] for y in years if y in kar.index]
    assert all(
        v is None
        for y, v in zip(years, series["Карагандинская область"], strict=True)
        if y not in kar.index
    )
    nat = national.set_index("year")["value"]
    assert [series["Казахстан"][years.index(y)] for y in nat.index] == nat.tolist()


def test_index_slide_is_a_bar_chart_of_the_ranking(prs) -> None:
    con = connect(Settings.from_env())
    table = load_index_table(Settings.from_env().data_dir / "curated" / "index_indicators.csv")
    values = scoring.index_values(queries.all_observations(con), table)
    idx = scoring.compute_index(values, table, 2023).index
    idx = idx[~idx.withheld].sort_values(["rank", "ref_area"])
    slide = prs.slides[3]
    assert _shape(slide, "Title").text_frame.text == "Региональный индекс ЦУР, 2023"
    chart = _shape(slide, "Chart").chart
    assert list(chart.series[0].values) == [round(float(v), 1) for v in idx["index"]]
    cats = list(chart.plots[0].categories)
    assert cats[0].startswith("1. ") and len(cats) == len(idx) == 20


def test_region_profile_pptx_has_goal_scores_and_every_indicator_row() -> None:
    from sdgdash.features.index import view as index_view

    profile = region_view.region_profile(DATA, "KZKAR")
    ratings = index_view.region_ratings(DATA, "KZKAR")
    table = region_view.profile_table(DATA, profile, "kk", ratings)
    doc = region_slides.region_document(DATA, "KZKAR", "kk", table)
    prs = Presentation(io.BytesIO(slides.build(doc)))
    assert _shape(prs.slides[0], "Title").text_frame.text == "Қарағанды облысы"
    result = index_view.index_result(DATA, index_view.latest_year(DATA))
    goals = result.goals[(result.goals.ref_area == "KZKAR") & result.goals.score.notna()]
    chart = _shape(prs.slides[1], "Chart").chart
    assert list(chart.series[0].values) == goals.sort_values("goal")["score"].round(1).tolist()
    title = t("slide_profile_table", "kk", region="Қарағанды облысы", part="")[:-2]
    parts = [s for s in prs.slides if _shape(s, "Title").text_frame.text.startswith(title)]
    rows = [r for s in parts for r in list(_shape(s, "Table").table.rows)[1:]]
    assert len(rows) == len(profile)
    assert all(COMMIT in _shape(s, "Footer").text_frame.text for s in list(prs.slides)[1:])
    # Then the distance to 2030: goal scores, and every indicator with a score or a pace.
    block = distance_view.region_distance(DATA, "KZKAR")
    after = list(prs.slides)[2 + len(parts) :]
    distance = _shape(after[0], "Chart").chart
    assert [s.name for s in distance.plots[0].series] == [
        "Қарағанды облысы",
        "Қазақстан",
        t("dist_peer_mean", "kk"),
    ]
    figures = block.indicators["score"].notna() | block.indicators["pace_observed"].notna()
    rows = [r for s in after[1:] for r in list(_shape(s, "Table").table.rows)[1:]]
    assert len(rows) == int(figures.sum())
