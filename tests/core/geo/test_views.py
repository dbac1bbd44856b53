"""Pure view logic: headline choice, ranks, the map figure."""

from __future__ import annotations

import pandas as pd
import pytest

from sdgdash.data import selection
from sdgdash.data.models import Selection
from sdgdash.geo import choropleth as maps
from sdgdash.geo import layouts
from sdgdash.i18n import has, t


def _options(rows: list[dict]) -> pd.DataFrame:
    base = {c: "" for c in Selection.__dataclass_fields__ if c != "indicator_id"}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_headline_prefers_totals_then_coverage() -> None:
    opts = _options(
        [
            {
                "unit": "PT",
                "sex": "F",
                "n_regions": 20,
                "last_year": 2023,
                "n_rows": 50,
                "years": [2023],
            },
            {"unit": "PT", "n_regions": 17, "last_year": 2022, "n_rows": 40, "years": [2021, 2022]},
            {"unit": "NUM", "n_regions": 19, "last_year": 2022, "n_rows": 40, "years": [2022]},
        ]
    )
    sel = selection.headline(opts, "1.2.1")
    assert sel == Selection("1.2.1", unit="NUM")
    assert selection.years_of(opts, Selection("1.2.1", unit="PT")) == [2021, 2022]
    assert selection.years_of(opts, Selection("1.2.1", unit="XX")) == []
    assert selection.headline(opts.iloc[0:0], "1.2.1") is None


@pytest.mark.parametrize(
    ("higher", "want"),
    [(True, [3, 1, 1]), (False, [1, 2, 2]), (None, [3, 1, 1])],
)
def test_rank_direction_and_ties(higher, want) -> None:
    assert maps.rank_values(pd.Series([1.0, 5.0, 5.0]), higher).tolist() == want


def _square(code: str, x: float) -> dict:
    ring = [[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]  # counter-clockwise (RFC 7946)
    return {
        "type": "Feature",
        "id": code,
        "properties": {"ref_area": code},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def test_for_d3_winds_rings_clockwise_without_touching_the_input() -> None:
    gj = {"type": "FeatureCollection", "features": [_square("A", 0)]}
    out = layouts.for_d3(gj)
    ring = out["features"][0]["geometry"]["coordinates"][0]
    area2 = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False))
    assert area2 < 0, "clockwise"
    assert gj["features"][0]["geometry"]["coordinates"][0][1] == [1, 0]


def test_choropleth_draws_values_and_names_missing_units_as_no_data() -> None:
    gj = layouts.for_d3(
        {"type": "FeatureCollection", "features": [_square("A", 0), _square("B", 2)]}
    )
    drawn = pd.DataFrame(
        {"ref_area": ["A"], "value": [12.5], "source_file": ["data/x.csv"], "source_row": [7]}
    )
    fig = maps.choropleth(
        drawn,
        gj,
        names={"A": "Alpha <b>", "B": "Beta"},
        unit_label="%",
        year=2022,
        lang="en",
        national=10.0,
        higher_is_better=False,
    )
    nodata, values = fig.data
    assert list(nodata.locations) == ["B"] and "no data" in nodata.text[0]
    assert list(values.locations) == ["A"] and list(values.z) == [12.5]
    assert values.reversescale is True
    hover = values.text[0]
    assert "Alpha &lt;b&gt;" in hover, "names are escaped"
    assert "12.5" in hover and "1 of 1" in hover and "Kazakhstan as a whole: 10" in hover
    assert "data/x.csv" in hover and "7" in hover


def test_cascade_offers_only_reachable_values_and_resolve_stays_valid() -> None:
    opts = _options(
        [
            {"series": "A", "unit": "PT", "sex": "", "years": [2020]},
            {"series": "A", "unit": "PT", "sex": "F", "years": [2020]},
            {"series": "B", "unit": "NUM", "years": [2021]},
        ]
    )
    assert selection.cascade(opts, {}) == {"series": ["A", "B"], "sex": ["", "F"]}
    # Series B has one unit and no sex breakdown: nothing more to choose.
    assert selection.cascade(opts, {"series": "B"}) == {"series": ["A", "B"]}
    sel = selection.resolve(opts, "9.9.9", {"series": "B", "sex": "F"})
    assert sel == Selection("9.9.9", series="B", unit="NUM")
    assert selection.is_valid(opts, sel)
    assert selection.resolve(opts, "9.9.9", {"sex": "F"}) == Selection(
        "9.9.9", series="A", unit="PT", sex="F"
    )


def test_headline_treats_sdmx_total_as_total_except_for_education() -> None:
    opts = _options(
        [
            {
                "unit": "PT",
                "sex": "F",
                "n_regions": 20,
                "last_year": 2019,
                "n_rows": 9,
                "years": [2019],
            },
            {
                "unit": "PT",
                "sex": "_T",
                "n_regions": 17,
                "last_year": 2019,
                "n_rows": 9,
                "years": [2019],
            },
        ]
    )
    assert selection.headline(opts, "3.2.1").sex == "_T"
    assert selection.is_total("sex", "_T") and not selection.is_total("education_lev", "_T")


def test_every_placeholder_reason_has_a_map_reason_in_every_language() -> None:
    from sdgdash.data.flags import PLACEHOLDER_REASONS

    for reason in PLACEHOLDER_REASONS:
        assert has(f"reason_placeholder_{reason}"), reason


def test_placeholder_row_is_not_drawn_ranked_or_used_for_the_layout() -> None:
    from sdgdash.data.labels import Labels
    from sdgdash.features.map import view as mapview

    frame = pd.DataFrame(
        {
            "ref_area": ["KZAKM", "KZKAR", "KZPAV", "KZPAV"],
            "value": [213.3, 0.0, 196.3, 190.0],
            "year": [2023] * 4,
            "unit": ["PT_BY_2005"] * 4,
            "series": [""] * 4,
            "source_file": ["data/indicator_8-1-1.csv"] * 4,
            "source_row": [211, 225, 229, 240],
            "conflict_of": pd.array([None, None, None, 229], dtype="Int32"),
            "placeholder": [None, "border_change", None, None],
        }
    )
    sel = Selection("8.1.1", unit="PT_BY_2005")
    view = mapview.split(frame, sel, 2023, {}, 165.7, True)
    # KZKAR alone would pick the 2018 layout (a split region without its new neighbours);
    # as a placeholder it does not take part, so 2023 is drawn on the layout of 2022.
    assert view.layout == "2022"
    assert view.drawn[["ref_area", "value", "rank"]].values.tolist() == [
        ["KZAKM", 213.3, 1],
        ["KZPAV", 196.3, 2],
    ]
    assert view.not_drawn[["ref_area", "value", "source_row", "reason"]].values.tolist() == [
        ["KZKAR", 0.0, 225, "placeholder_border_change"],
        ["KZPAV", 190.0, 240, "conflicting_duplicate"],
    ]
    labels = Labels(
        regions={"KZAKM": {}, "KZKAR": {}, "KZPAV": {}}, codes={}, indicators={}, goals={}
    )
    table = mapview.table(view, labels, "ru")
    kar = table[table["ref_area"] == "KZKAR"].iloc[0]
    assert kar[t("reason", "ru")] == t("reason_placeholder_border_change", "ru")
    assert pd.isna(kar[t("rank", "ru")])
    assert (kar[t("source", "ru")], kar[t("source_row", "ru")]) == ("data/indicator_8-1-1.csv", 225)
    assert kar[t("value", "ru")] == 0.0
