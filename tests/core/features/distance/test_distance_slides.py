"""The distance to 2030 in the seminar deck: a region view's goal chart and table, and the map's
change mode, read back from the PowerPoint file and checked against the views."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from sdgdash.config import Settings
from sdgdash.data.source import Source
from sdgdash.features.deck import document
from sdgdash.features.deck import pptx as slides
from sdgdash.features.deck.model import Deck, make_view
from sdgdash.features.distance import display, view
from sdgdash.features.distance.slides import FURTHEST
from sdgdash.geo import layouts as geo
from sdgdash.i18n import t

DATA = Source(Settings.from_env({}))
CHANGE = {"ind": "1.2.1", "mode": "change", "from": "2018", "year": "2023"}


@pytest.fixture(scope="module")
def prs():
    deck = Deck(
        "Distance",
        (make_view("region", {"region": "KZAKM"}, ""), make_view("map", CHANGE, "")),
    )
    return Presentation(io.BytesIO(slides.build(document.deck_document(DATA, deck, "en"))))


def _shapes(slide) -> dict:
    return {s.name: s for s in slide.shapes}


def _title(slide) -> str:
    return _shapes(slide)["Title"].text_frame.text


def test_region_view_has_goal_distances_beside_kazakhstan_and_peers(prs):
    block = view.region_distance(DATA, "KZAKM")
    chart_slide = next(
        s for s in prs.slides if _title(s).startswith("Akmola region: distance score")
    )
    chart = _shapes(chart_slide)["Chart"].chart
    names = [p.name for p in chart.plots[0].series]
    assert names == ["Akmola region", "Kazakhstan", "Peer average"]
    goals = block.goals.sort_values("goal")
    got = list(chart.plots[0].series[0].values)
    assert got == pytest.approx(goals["score"].round(1).tolist())
    assert list(chart.plots[0].series[2].values) == pytest.approx(
        goals["peer_score"].round(1).tolist()
    )


def test_region_view_lists_the_indicators_furthest_from_the_end_value(prs):
    slide = next(s for s in prs.slides if "furthest from their 2030 end value" in _title(s))
    rows = [[c.text for c in r.cells] for r in list(_shapes(slide)["Table"].table.rows)[1:]]
    assert len(rows) == FURTHEST
    scores = [float(r[1]) for r in rows]
    assert scores == sorted(scores)  # largest distance = lowest score first
    block = view.region_distance(DATA, "KZAKM").indicators.set_index("indicator_id")
    first = rows[0][0].split(" ", 1)[0]
    assert rows[0][4] == display.arrival(block.loc[first], "en")


def test_change_mode_of_a_map_view_is_a_change_map_and_its_movers(prs):
    titles = [_title(s) for s in prs.slides]
    head = "1.2.1 Proportion of population living below the minimum subsistence level"
    assert f"{head}: change from 2018 to 2023" in titles
    image = next(s for s in prs.slides if _title(s) == f"{head}: change from 2018 to 2023")
    assert "Map" in _shapes(image) and "the 2022 split" in _shapes(image)["Caption"].text_frame.text
    tables = [s for s in prs.slides if "change a year, 2018-2023" in _title(s)]
    rows = [
        [c.text for c in r.cells] for s in tables for r in list(_shapes(s)["Table"].table.rows)[1:]
    ]
    boundary = t("dist_left_boundary_changed", "en")
    names = DATA.labels()
    split = {names.region_name(c, "en") for c in geo.SPLIT_2022}
    assert {r[0] for r in rows if r[4] == boundary} == split
    cv = view.change_view(
        DATA, next(s for s in DATA.headlines() if s.indicator_id == "1.2.1"), 2018, 2023
    )
    best = cv.changes.sort_values("mover_rank").iloc[0]
    assert rows[0][0] == names.region_name(best["ref_area"], "en")
