"""The boundary layouts travel once: static/geo/ holds them, the figures reference them by URL."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest
import streamlit  # noqa: F401  (sets its plotly template as the default, as in the app)

from sdgdash.config import Settings
from sdgdash.data.source import Source
from sdgdash.features.map import view as mapview
from sdgdash.features.map.charts import MapOptions, map_figure
from sdgdash.geo import choropleth, layouts, locator, published
from tests.conftest import REPO


@pytest.fixture(scope="module")
def data() -> Source:
    return Source(Settings.from_env({}))


def _coordinates_in(fig_json: str) -> bool:
    return '"coordinates"' in fig_json


@pytest.mark.parametrize("layout", layouts.LAYOUTS)
def test_static_file_is_the_geodata_layout_wound_for_d3(layout: str) -> None:
    files = sorted(published.GEO_DIR.glob(f"regions_{layout}.*.json"))
    assert len(files) == 1, f"one published file per layout, found {files}"
    content = files[0].read_bytes()
    want = layouts.for_d3(layouts.layout_geojson(REPO / "geodata", layout))
    assert json.loads(content) == json.loads(json.dumps(want))  # shapely gives tuples
    assert files[0].name == published.file_name(layout, content), "the name carries the hash"
    assert published.url_for(layout, want) == "app/static/geo/" + files[0].name


def test_only_current_layouts_are_published_each_with_its_gzip_copy() -> None:
    files = sorted(published.GEO_DIR.glob(published.FILE_GLOB))
    assert len(files) == len(layouts.LAYOUTS)
    for path in files:
        packed = path.with_name(path.name + ".gz").read_bytes()
        assert gzip.decompress(packed) == path.read_bytes()
        assert len(packed) < path.stat().st_size / 2
    assert len(list(published.GEO_DIR.glob(published.GZ_GLOB))) == len(files)


@pytest.mark.parametrize(
    ("params", "highlight"),
    [
        ({"ind": "1.2.1", "year": "2023"}, None),
        ({"ind": "1.2.1", "year": "2016"}, "KZKAR"),
        ({"ind": "11.6.2", "year": "2023"}, "KZAKT"),  # a "no data" trace beside the values
    ],
)
def test_map_figure_references_the_layout_and_carries_no_coordinates(
    data: Source, params: dict, highlight: str | None
) -> None:
    query = mapview.query_from_params(data, params)
    view = mapview.map_view(data, query.selection, query.year)
    fig = map_figure(data, view, "ru", MapOptions(), highlight)
    url = data.geojson_url(view.layout)
    assert url and url.startswith("app/static/geo/regions_" + view.layout + ".")
    shapes = [tr.geojson for tr in fig.data if tr.type == "choropleth"]
    assert shapes and all(s == url for s in shapes)
    assert not _coordinates_in(fig.to_json())
    # Every unit of the layout is still drawn: values, then "no data".
    units = {f["properties"]["ref_area"] for f in data.geojson(view.layout)["features"]}
    located = [c for tr in fig.data if tr.type == "choropleth" for c in tr.locations]
    assert set(located) >= units
    # Measured with the template the figure carries in the app (Streamlit's, made the default
    # when Streamlit is imported, whatever ran before this file).
    assert len(fig.to_json()) < 25_000


def test_small_multiples_and_locators_reference_the_layouts(data: Source) -> None:
    query = mapview.query_from_params(data, {"ind": "1.2.1"})
    views = [mapview.map_view(data, query.selection, y) for y in (2016, 2019, 2023)]
    panels = [(v.year, data.geojson(v.layout), v.drawn, data.geojson_url(v.layout)) for v in views]
    names = {c: c for c in layouts.ALL_UNITS}
    fig = choropleth.small_multiples(panels, names=names, unit_label="%", lang="en")
    assert not _coordinates_in(fig.to_json())
    assert {tr.geojson for tr in fig.data} == {data.geojson_url(v.layout) for v in views}
    loc = locator.locator(
        data.geojson("2022"), "KZKAR", names=names, lang="en", geojson_url=data.geojson_url("2022")
    )
    assert not _coordinates_in(loc.to_json())
    pilots = data.pilots()
    feature = next(f for f in pilots["features"] if f["properties"]["kind"] == "village")
    terr = locator.territory_locator(
        data.geojson("2022"),
        "KZKAR",
        feature,
        names=names,
        territory_name="x",
        geojson_url=data.geojson_url("2022"),
    )
    assert terr.data[0].geojson == data.geojson_url("2022")
    assert not _coordinates_in(terr.to_json())


def test_unpublished_layout_is_embedded(tmp_path, data: Source) -> None:
    gj = data.geojson("2018")
    assert published.url_for("2018", gj, tmp_path) is None
    drawn = pd.DataFrame(
        {"ref_area": ["KZKAR"], "value": [1.0], "source_file": ["f"], "source_row": [1]}
    )
    fig = choropleth.choropleth(
        drawn, gj, names={}, unit_label="", year=2019, lang="en", geojson_url=None
    )
    assert _coordinates_in(fig.to_json())
    assert {f["properties"]["ref_area"] for f in fig.data[-1].geojson["features"]} == {"KZKAR"}


def test_publish_writes_hashed_files_and_drops_stale_ones(tmp_path) -> None:
    (tmp_path / "regions_2022.000000000000.json").write_text("{}", encoding="utf-8")
    (tmp_path / "regions_2022.000000000000.json.gz").write_bytes(b"")
    written = published.publish(REPO / "geodata", tmp_path)
    assert sorted(p.name for p in tmp_path.glob("*.json")) == sorted(p.name for p in written)
    assert {p.name for p in tmp_path.iterdir()} == {p.name for p in published.GEO_DIR.iterdir()}
    for path in tmp_path.iterdir():  # what is committed (the .gz may differ by zlib version)
        mine, committed = path.read_bytes(), (published.GEO_DIR / path.name).read_bytes()
        if path.suffix == ".gz":
            mine, committed = gzip.decompress(mine), gzip.decompress(committed)
        assert mine == committed
    again = published.publish(REPO / "geodata", tmp_path)
    assert again == written


def test_change_map_references_the_layout(data: Source) -> None:
    changes = pd.DataFrame(
        {
            "ref_area": ["KZKAR", "KZAKM"],
            "value_a": [10.0, 4.0],
            "value_b": [8.0, 5.0],
            "change": [-2.0, 1.0],
            "change_pct": [-20.0, 25.0],
            "change_per_year": [-0.5, 0.25],
            "outcome": ["improved", "worsened"],
        }
    )
    fig = choropleth.change_choropleth(
        changes,
        data.geojson("2022"),
        names={},
        unit_label="%",
        years=(2019, 2023),
        lang="en",
        higher_is_better=False,
        geojson_url=data.geojson_url("2022"),
    )
    assert {tr.geojson for tr in fig.data} == {data.geojson_url("2022")}
    assert not _coordinates_in(fig.to_json())
