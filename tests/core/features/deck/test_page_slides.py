"""Goal, tag and pilot territory views in a seminar deck, and the territory profile as
PowerPoint: read back with python-pptx, every number checked against the data."""

from __future__ import annotations

import io
import math

import pandas as pd
import pytest
from pptx import Presentation
from pptx.dml.color import RGBColor

from sdgdash.config import Settings
from sdgdash.data import queries, selection
from sdgdash.data.catalog import DISAGGREGATIONS
from sdgdash.data.db import connect
from sdgdash.data.source import Source
from sdgdash.features.deck import document
from sdgdash.features.deck import pptx as slides
from sdgdash.features.deck.model import Deck, make_view
from sdgdash.features.deck.parts import files_text
from sdgdash.features.goal import slides as goal_slides
from sdgdash.features.goal import view as goal_view
from sdgdash.features.goal.charts import STATUS_COLOURS
from sdgdash.features.localdata import uploads as localdata
from sdgdash.features.region import view as region_view
from sdgdash.features.region.view import region_profile
from sdgdash.features.tags import view as tags_view
from sdgdash.features.territory import slides as territory_slides
from sdgdash.features.territory import view as territory_view
from sdgdash.i18n import fmt_number, t
from tests.conftest import REPO
from tests.doubles.memory_upload_store import MemoryUploadStore

COMMIT = "72277878d1"
DATA = Source(Settings.from_env({}))
# TEST FIXTURE upload (values made up for the test, never shipped as data).
TEST_UPLOAD = b"Year,UNIT_MEASURE,SEX,URBANISATION,Value\n2022,PT,,,4.5\n2023,PT,,,4.25\n"
GOAL_TITLE = "Цель 3. Хорошее здоровье и благополучие — Карагандинская область"
TAG_TITLE = (
    "Занятость и рабочие места: 8.3.1 Доля неформально занятых в общем числе занятых в "
    "разбивке по полу, 2023"
)
N_GOAL3 = 30  # goal 3's indicators (rows of its status table)
TERR_TITLE = (
    "село Камыстыбас — село, Кызылординская область · Цель 7. Недорогостоящая и чистая энергия"
)


def _upload_store() -> MemoryUploadStore:
    """The in-memory TEST DOUBLE store with one upload of 1.2.1 for Kamystybas."""
    store = MemoryUploadStore()
    rows = localdata.validate(
        TEST_UPLOAD, "kamystybas.csv", "1.2.1", localdata.upload_catalogue(DATA)
    ).store_rows()
    store.save_upload("kamystybas_village", "1.2.1", "kamystybas.csv", TEST_UPLOAD, rows, "ed")
    return store


@pytest.fixture(scope="module")
def prs():
    deck = Deck(
        "Семинар в Кызылорде",
        (
            make_view("goal", {"goal": "3", "region": "KZKAR", "ind": "3.2.1"}, ""),
            make_view("tag", {"tag": "jobs", "indicator": "8.3.1"}, ""),
            make_view("territory", {"territory": "kamystybas_village", "goal": "7"}, ""),
        ),
    )
    data = Source(Settings.from_env({}), uploads=_upload_store())
    pptx = slides.build(document.deck_document(data, deck, "ru", "http://localhost:8501"))
    return Presentation(io.BytesIO(pptx))


def _shape(slide, name: str):
    return next(s for s in slide.shapes if s.name == name)


def _title(slide) -> str:
    return _shape(slide, "Title").text_frame.text


def _rows(slide) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in list(_shape(slide, "Table").table.rows)[1:]]


def test_title_slide_then_the_slides_of_each_view_in_russian(prs) -> None:
    assert [_title(s) for s in prs.slides] == [
        "Семинар в Кызылорде",
        GOAL_TITLE,
        f"{GOAL_TITLE}: статус показателей (10 из {N_GOAL3})",  # one summary slide
        TAG_TITLE,
        f"{TAG_TITLE}: регионы по порядку",
        TERR_TITLE,
        "село Камыстыбас — Контекст: показатели региона Кызылординская область (1/1)",
        "село Камыстыбас: 1.2.1 Доля населения, имеющего доходы ниже величины прожиточного "
        "мини… (1/1)",
    ]
    subtitle = _shape(prs.slides[0], "Subtitle").text_frame.text
    assert "http://localhost:8501/goal?goal=3&region=KZKAR&ind=3.2.1&lang=ru" in subtitle
    assert "http://localhost:8501/territory?territory=kamystybas_village&goal=7&lang=ru" in subtitle


def test_every_view_slide_has_a_source_footer_with_the_build_commit(prs) -> None:
    for slide in list(prs.slides)[1:]:
        footer = _shape(slide, "Footer").text_frame.text
        assert footer.startswith("Источник"), footer
        assert COMMIT in footer


def test_goal_chart_counts_each_status_as_the_status_table(prs) -> None:
    status = goal_view.goal_status(DATA, 3)  # what the goal page summarises (no tag chosen)
    n_indicators = len(DATA.goal_indicators(3))
    chart = _shape(prs.slides[1], "Chart").chart
    assert list(chart.plots[0].categories) == ["Казахстан", "Карагандинская область"]
    bucket_of = {t(f"goal_status_{b}", "ru"): b for b in goal_view.BUCKETS}
    got = {bucket_of[s.name]: [int(v) for v in s.values] for s in chart.series}
    for n, code in enumerate(["", "KZKAR"]):
        counts = status[status["ref_area"] == code]["bucket"].value_counts()
        assert {b: v[n] for b, v in got.items() if v[n]} == counts.to_dict()
        assert sum(v[n] for v in got.values()) == n_indicators
    # Statuses in the page's order and colours; none that no indicator has.
    assert list(got) == [b for b in goal_view.BUCKETS if b in got]
    assert all(any(v) for v in got.values())
    for s in chart.series:
        colour = STATUS_COLOURS[bucket_of[s.name]].lstrip("#").upper()
        assert s.format.fill.fore_color.rgb == RGBColor.from_string(colour)


def test_a_long_goal_table_is_one_slide_of_the_least_progress(prs) -> None:
    status = goal_view.goal_status(DATA, 3)
    mine = status[status["ref_area"] == "KZKAR"].reset_index(drop=True)
    assert len(mine) == N_GOAL3 > 10
    slide = prs.slides[2]
    rows = _rows(slide)
    # The ten indicators with the least progress (deterioration first), in the table's order.
    concern = {b: n for n, b in enumerate(goal_slides.SUMMARY_ORDER)}
    ranked = sorted(range(len(mine)), key=lambda i: (concern.get(mine["bucket"][i], 99), i))
    kept = mine.iloc[sorted(ranked[:10])]
    assert [r[0].split(" ", 1)[0] for r in rows] == kept["indicator_id"].tolist()
    assert [r[1] for r in rows] == [t(f"goal_status_{b}", "ru") for b in kept["bucket"]]
    first = kept.iloc[0]["progress"]  # base and latest as the page writes them
    assert rows[0][2] == f"{first.base_year}: {fmt_number(first.base_value, 'ru')}"
    assert rows[0][3] == f"{first.latest_year}: {fmt_number(first.latest_value, 'ru')}"
    note = _shape(slide, "Note").text_frame.text
    assert note == t("ux_slide_note_status", "ru", shown=10, total=N_GOAL3)


def test_tag_map_and_ranking_equal_the_regional_values(prs) -> None:
    con = connect(Settings.from_env())
    options = queries.selection_options(con, "8.3.1")
    sel = selection.headline(options, "8.3.1")
    year = max(selection.years_of(options, sel))
    frame = queries.map_frame(con, sel, year)
    frame = frame[frame["ref_area"].isin(DATA.labels().regions)]
    assert year == 2023
    pic = _shape(prs.slides[3], "Map")
    assert pic.image.content_type == "image/png" and len(pic.image.blob) > 50_000
    national = queries.national_series(con, sel).set_index("year")["value"][year]
    assert f"По Казахстану: {fmt_number(national, 'ru')}" in _shape(prs.slides[3], "Caption").text
    chart = _shape(prs.slides[4], "Chart").chart
    values = list(chart.series[0].values)
    # Informal employment: lower is better, so the lowest share is ranked first.
    assert values == sorted(frame["value"].tolist())
    cats = list(chart.plots[0].categories)
    names = dict(zip(frame["ref_area"], frame["value"], strict=True))
    labels = DATA.labels()
    assert [float(names[c]) for c in _codes(cats, labels)] == values
    assert cats[0].startswith("1. ") and len(cats) == 20
    assert "data/indicator_8-3-1.csv" in _shape(prs.slides[4], "Footer").text_frame.text


def _codes(categories: list[str], labels) -> list[str]:
    by_name = {labels.region_name(c, "ru"): c for c in labels.regions}
    return [by_name[c.split(". ", 1)[1]] for c in categories]


def test_territory_locator_context_and_local_rows(prs) -> None:
    locator = prs.slides[5]
    pic = _shape(locator, "Map")
    assert pic.image.content_type == "image/png" and len(pic.image.blob) > 30_000
    assert "GLocal" in _shape(locator, "Caption").text_frame.text
    assert "OpenStreetMap node 3773557330" in _shape(locator, "Footer").text_frame.text
    # The regional context: Kyzylorda's goal 7 rows of the region profile, as on the page.
    profile = region_profile(DATA, "KZKZY")
    goal7 = profile[profile["goal"] == 7]
    rows = _rows(prs.slides[6])
    assert [r[0].split(" ", 1)[0] for r in rows] == goal7["indicator_id"].tolist()
    assert [r[1] for r in rows] == [fmt_number(v, "ru") for v in goal7["value"]]
    assert [r[5] for r in rows] == [fmt_number(v, "ru") for v in goal7["national"]]
    footer = _shape(prs.slides[6], "Footer").text_frame.text
    assert files_text(sorted(set(goal7["source_file"]))) in footer
    # The uploaded values beside the region's and the country's (source rows of 1.2.1, total).
    obs = pd.read_parquet(REPO / "data" / "observations.parquet")
    total = obs[
        (obs["indicator_id"] == "1.2.1")
        & (obs[["series", *DISAGGREGATIONS]] == "").all(axis=1)
        & obs["conflict_of"].isna()
    ].set_index(["ref_area", "year"])["value"]
    local = _rows(prs.slides[7])
    assert [r[2] for r in local] == ["2022", "2023"]
    assert [r[3] for r in local] == ["4,5", "4,25"]
    assert [r[4] for r in local] == [fmt_number(total["KZKZY", y], "ru") for y in (2022, 2023)]
    assert [r[5] for r in local] == [fmt_number(total["", y], "ru") for y in (2022, 2023)]
    assert "#1 kamystybas.csv" in _shape(prs.slides[7], "Footer").text_frame.text


def test_territory_profile_pptx_has_the_locator_and_every_context_row() -> None:
    terr = DATA.territories()["karkaraly_district"]
    _, table = territory_view.context_rows(DATA, terr, 0, "en")
    context = region_view.csv_rows(table, "en")
    doc = territory_slides.territory_document(DATA, terr, "en", context, pd.DataFrame())
    prs = Presentation(io.BytesIO(slides.build(doc)))
    profile = region_profile(DATA, "KZKAR")
    assert _title(prs.slides[0]) == "Karkaraly district"
    assert _title(prs.slides[1]) == "Karkaraly district — district, Karaganda region"
    assert len(prs.slides) == 2 + math.ceil(len(profile) / 10)
    rows = [r for s in list(prs.slides)[2:] for r in _rows(s)]
    assert [r[0].split(" ", 1)[0] for r in rows] == profile["indicator_id"].tolist()
    assert all(COMMIT in _shape(s, "Footer").text_frame.text for s in list(prs.slides)[1:])


def test_a_view_without_data_says_so_on_its_slide(monkeypatch) -> None:
    # A tag linked to no regional indicator: its links table instead of a map.
    monkeypatch.setattr(tags_view, "regional_linked", lambda data, tag: [])
    specs = document.slide_for(DATA, make_view("tag", {"tag": "jobs"}, ""), "en")
    assert [type(s).__name__ for s in specs] == ["TableSlide"]
    assert specs[0].title == "Jobs and employment: linked targets and indicators (1/1)"
    assert "8.3.1" in [r[1] for r in specs[0].rows]
    # A goal narrowed to a tag none of its indicators has: one slide saying there is no data.
    monkeypatch.setattr(tags_view, "narrow", lambda data, ids, tag: [])
    specs = document.slide_for(DATA, make_view("goal", {"goal": "3", "tag": "jobs"}, ""), "en")
    assert len(specs) == 1 and specs[0].rows == [[t("slide_no_data", "en")]]


def test_files_text_names_every_file() -> None:
    assert files_text(["data/indicator_1-2-1.csv"]) == "data/indicator_1-2-1.csv"
    many = [f"data/indicator_3-{n}-1.csv" for n in range(1, 6)]
    assert files_text(many) == "data/indicator_{3-1-1, 3-2-1, 3-3-1, 3-4-1, 3-5-1}.csv"
    mixed = [*many, "data/curated/tags.csv"]
    assert files_text(mixed) == ", ".join(mixed)


def test_a_long_territory_context_is_one_slide_of_best_and_worst_ranks() -> None:
    """Three views (map, comparison, territory) export to 1 + 1 + 1 + 3 slides, not 12: the
    territory's regional context (all goals of Karaganda) is one summary slide."""
    deck = Deck(
        "",
        (
            make_view("map", {"ind": "1.2.1", "year": "2022"}, ""),
            make_view("compare", {"regions": "KZKAR,KZKZY"}, ""),
            make_view("territory", {"territory": "karkaraly_district"}, ""),
        ),
    )
    counts = document.slide_counts(DATA, deck, "en")
    assert counts == [1, 1, 2]
    specs = document.slide_for(DATA, deck.views[2], "en")
    context = specs[1]
    terr = DATA.territories()["karkaraly_district"]
    shown, _ = territory_view.context_rows(DATA, terr, 0, "en")
    assert len(shown) > 10 and len(context.rows) == 10
    assert context.title.endswith(f"(10 of {len(shown)})")
    share = (shown["rank"] / shown["n_ranked"]).reset_index(drop=True)
    kept = [
        i
        for i, r in enumerate(shown.itertuples())
        if r.indicator_id in {row[0].split(" ", 1)[0] for row in context.rows}
    ]
    # The five best and the five worst ranks (as shares of the regions ranked; ties either way).
    expected = sorted([*share.nsmallest(5), *share.nlargest(5)])
    assert sorted(share[kept]) == expected
    assert context.note == t(
        "ux_slide_note_ranked", "en", region="Karaganda region", shown=10, total=len(shown)
    )
    # Counting did not draw the maps: the map and locator pictures are drawn when built.
    assert callable(specs[0].png)
