"""Plans in the seminar deck: a plans view (and a region view with a chosen plan line) as
PowerPoint slides, read back with python-pptx and checked against the plans view."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from sdgdash.config import Settings
from sdgdash.data.models import Selection
from sdgdash.data.source import Source
from sdgdash.features.brief.blocks import signed
from sdgdash.features.deck import document
from sdgdash.features.deck import pptx as slides
from sdgdash.features.deck.model import Deck, make_view
from sdgdash.features.plans import tables as plan_tables
from sdgdash.features.plans import view as plans_view
from sdgdash.features.plans.slides import TABLE_COLUMNS
from sdgdash.features.plans.status import PlanLine, shown
from sdgdash.features.plans.validate import validate_file
from sdgdash.i18n import fmt_number, t
from tests.conftest import REPO
from tests.core.store.test_store import PASSWORD, fast_store

EXAMPLE = REPO / "examples" / "plan_targets_example_KZKAR.csv"
WASTE = Selection("11.6.1", unit="PT")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    store = fast_store(f"sqlite:///{tmp_path_factory.mktemp('deck') / 'store.sqlite3'}")
    editor = store.create_user("aigerim", PASSWORD)
    result = validate_file(EXAMPLE.read_bytes(), EXAMPLE.name, "KZKAR", store.plan_catalogue)
    store.save_plan_file("KZKAR", EXAMPLE.name, EXAMPLE.read_bytes(), result.entries, editor)
    yield Source(Settings.from_env({}), uploads=store)
    store.dispose()


def _shape(slide, name: str):
    return next(s for s in slide.shapes if s.name == name)


def test_a_plans_view_gives_its_status_table_and_the_series_against_its_plan_line(data):
    deck = Deck(
        "Seminar",
        (
            make_view("plans", {"place": "KZKAR", "ind": "11.6.1"}, ""),
            make_view("region", {"region": "KZKAR", "pind": plans_view.selection_key(WASTE)}, ""),
        ),
    )
    prs = Presentation(io.BytesIO(slides.build(document.deck_document(data, deck, "en"))))
    pages = list(prs.slides)[1:]
    store = data.upload_store()
    table = plans_view.place_status(data, store, "KZKAR")
    shown_rows = plan_tables.status_display(data, table, "en")
    title = t("plan_title", "en", name=data.labels().region_name("KZKAR", "en"))
    tables = [
        s
        for s in pages
        if any(sh.has_table for sh in s.shapes)
        and _shape(s, "Title").text_frame.text.startswith(title)
    ]
    rows = [
        [c.text for c in r.cells]
        for s in tables
        for r in list(next(sh for sh in s.shapes if sh.has_table).table.rows)[1:]
    ]
    assert len(rows) == len(table)
    cols = [t(k, "en") for k in TABLE_COLUMNS]
    for got, want in zip(rows, shown_rows.to_dict("records"), strict=True):
        assert got[0] == want[cols[0]] and got[2] == want[cols[2]]
        assert got[4] == fmt_number(want[cols[4]], "en")
        assert got[6] == signed(want[cols[6]], "en")
    assert _shape(tables[0], "Title").text_frame.text.startswith(
        "Karaganda region: actual vs plan (1/"
    )

    charts = [s for s in pages if any(sh.has_chart for sh in s.shapes)]
    # The plans view's chart, then the region view's goal scores and its plan line.
    plan_charts = [s for s in charts if "11.6.1" in _shape(s, "Title").text_frame.text]
    assert len(plan_charts) == 2
    row = plans_view.selection_status(data, store, "KZKAR", WASTE)
    pts = list(row["line"])
    line = PlanLine(pts[0][0], pts[0][1], tuple(pts[1:]))
    for slide in plan_charts:
        chart = _shape(slide, "Chart").chart
        years = [int(c) for c in chart.plots[0].categories]
        actual, planned = chart.plots[0].series
        assert actual.name == "Karaganda region: actual" and planned.name == t(
            "plan_line_regional", "en"
        )
        want = plans_view.actual_series(data, store, row).set_index("year")["value"]
        assert [v for v in actual.values if v is not None] == list(want)
        expected = [line.value_at(y) for y in years]
        assert list(planned.values) == [
            None if v is None else shown(v, row["actual"], row["baseline_value"]) for v in expected
        ]
        assert years[-1] == 2030 and planned.values[years.index(2023)] == 88.5
