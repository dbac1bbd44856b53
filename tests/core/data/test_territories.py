"""The territories file: the two GLocal pilots load, bad rows are named, a third one is data only."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pandas as pd
import pytest

from sdgdash.data.territories import (
    COLUMNS,
    TerritoryError,
    features_by_id,
    load_territories,
    parse_territories,
)
from sdgdash.geo import layouts as geo
from sdgdash.geo.locator import neighbours, territory_locator
from sdgdash.i18n import LANGS
from tests.conftest import REPO

CSV = REPO / "data" / "curated" / "territories.csv"
PILOTS = json.loads((REPO / "geodata" / "pilot_territories.geojson").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def regions() -> set[str]:
    codes = set(pd.read_parquet(REPO / "data" / "regions.parquet")["ref_area"])
    return codes & set(geo.ALL_UNITS)


def rows_of(path=CSV) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(COLUMNS))
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def test_pilots_load(regions):
    terrs = load_territories(CSV, PILOTS, regions)
    assert list(terrs) == ["karkaraly_district", "kamystybas_village"]
    kar, kam = terrs["karkaraly_district"], terrs["kamystybas_village"]
    assert (kar.parent_ref_area, kar.kind, kar.geometry_type) == ("KZKAR", "district", "Polygon")
    assert (kam.parent_ref_area, kam.kind, kam.geometry_type) == ("KZKZY", "village", "Point")
    for t in terrs.values():
        assert t.since == dt.date(2024, 6, 6)
        assert all("GLocal" in t.programme(lang) for lang in ("kk", "ru", "en"))
        assert all("https://inbusiness.kz/" in t.source(lang) for lang in ("kk", "ru", "en"))
        assert t.source("ru") != t.source("en")
        assert t.priority_goals == () and t.tags == ()  # none published
        assert all(t.name(lang) for lang in ("kk", "ru", "en"))


def test_every_row_has_a_source():
    assert all(r[f"source_{lang}"].strip() for r in rows_of() for lang in ("kk", "ru", "en"))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("parent_ref_area", "KZXXX", "unknown parent region 'KZXXX'"),
        ("geometry_id", "nowhere", "unknown geometry 'nowhere'"),
        ("parent_ref_area", "KZAKT", "lies in KZKZY, not in KZAKT"),
        ("kind", "planet", "unknown kind"),
        ("since", "6 June 2024", "not a date"),
        ("priority_goals", "3;18", "goal numbers"),
        ("name_kk", "", "name in kk, ru and en"),
        ("source_ru", "", "source in kk, ru and en is required"),
        ("programme_kk", "", "programme in kk, ru and en is required"),
        ("territory_id", "Bad Id", "territory_id"),
    ],
)
def test_bad_row_names_file_and_line(regions, field, value, message):
    rows = rows_of()
    rows[1][field] = value  # the second territory: line 3 of the file
    with pytest.raises(TerritoryError) as err:
        parse_territories(
            to_csv(rows),
            file_name="territories.csv",
            known_regions=regions,
            geometries=features_by_id(PILOTS),
        )
    assert "territories.csv line 3" in str(err.value)
    assert message in str(err.value)


def test_duplicate_id_and_missing_column(regions):
    rows = rows_of()
    with pytest.raises(
        TerritoryError, match="line 4: territory_id 'kamystybas_village' appears twice"
    ):
        parse_territories(
            to_csv([*rows, rows[1]]),
            file_name="territories.csv",
            known_regions=regions,
            geometries=features_by_id(PILOTS),
        )
    text = to_csv(rows).replace(",since,", ",started,")
    with pytest.raises(TerritoryError, match="line 1: missing columns since"):
        parse_territories(text, file_name="territories.csv", known_regions=regions, geometries={})


def third_territory(tmp_path):
    """TEST FIXTURE: a third territory (Aral district, whose polygon is already in the GeoJSON)
    plus a new point feature, written to temporary copies of the two files."""
    rows = rows_of()
    rows.append(
        rows[1]
        | {
            "territory_id": "aral_district",
            "name_kk": "Арал ауданы",
            "name_ru": "Аральский район",
            "name_en": "Aral district",
            "kind": "district",
            "geometry_id": "aral_district",
            "priority_goals": "6;14",
            "tags": "",
            **{
                f"source_{lang}": "TEST FIXTURE row (tests/core/test_territories.py)"
                for lang in LANGS
            },
        }
    )
    rows.append(
        rows[1]
        | {
            "territory_id": "test_point",
            "name_kk": "Сынақ нүктесі",
            "name_ru": "Тестовая точка",
            "name_en": "Test point",
            "geometry_id": "test_point",
            **{
                f"source_{lang}": "TEST FIXTURE row (tests/core/test_territories.py)"
                for lang in LANGS
            },
        }
    )
    pilots = json.loads(json.dumps(PILOTS))
    pilots["features"].append(
        {
            "type": "Feature",
            "id": "test_point",
            "properties": {"id": "test_point", "kind": "village", "parent_ref_area": "KZKZY"},
            "geometry": {"type": "Point", "coordinates": [62.0, 45.0]},
        }
    )
    csv_path = tmp_path / "territories.csv"
    csv_path.write_text(to_csv(rows), encoding="utf-8")
    return csv_path, pilots


def test_third_territory_is_data_only(tmp_path, regions):
    csv_path, pilots = third_territory(tmp_path)
    terrs = load_territories(csv_path, pilots, regions)
    assert list(terrs)[-2:] == ["aral_district", "test_point"]
    assert terrs["aral_district"].priority_goals == (6, 14)
    assert terrs["test_point"].geometry_type == "Point"


def test_neighbours_and_locator():
    gj = json.loads((REPO / "geodata" / "regions_2022.geojson").read_text(encoding="utf-8"))
    near = neighbours(gj, "KZKZY")
    assert {"KZAKT", "KZULU", "KZYUZ"} <= set(near) and "KZKZY" not in near
    assert "KZKAR" not in near and "KZALA" not in near
    fig = territory_locator(
        gj,
        "KZKAR",
        features_by_id(PILOTS)["karkaraly_district"],
        names={"KZKAR": "Karagandy"},
        territory_name="Karkaraly district",
    )
    choropleth = fig.data[0]
    assert list(choropleth.locations) == ["KZKAR", *neighbours(gj, "KZKAR")]
    assert list(choropleth.z) == [1] + [0] * (len(choropleth.locations) - 1)
    filled = [t for t in fig.data if t.type == "scattergeo" and t.fill == "toself"]
    assert filled, "a district is drawn as a polygon"
    star = territory_locator(
        gj,
        "KZKZY",
        features_by_id(PILOTS)["kamystybas_village"],
        names={},
        territory_name="Kamystybas",
    )
    markers = [t for t in star.data if t.type == "scattergeo" and t.mode == "markers+text"]
    assert len(markers) == 1 and markers[0].marker.symbol == "star"
