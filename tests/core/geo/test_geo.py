"""Tests for sdgdash.geo (the layout rule) and the committed geodata/ coverages."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pandas as pd
import pytest
import shapely

from sdgdash.geo.layouts import (
    LAYOUT_UNITS,
    LAYOUTS,
    NO_BOUNDARY_SUBREGION,
    NOT_IN_LAYOUT,
    OVERLAP_SPLIT_REGION,
    UNKNOWN_CODE,
    LayoutChoice,
    choose_layout,
    layout_geojson,
    layout_path,
    load_layout,
    load_pilot_territories,
    read_region_kinds,
)
from sdgdash.ingest.geodata import check_coverage, clean_coverage, dissolve_south_kazakhstan

REPO = Path(__file__).resolve().parents[3]
GEODATA = REPO / "geodata"
REGIONS_CSV = REPO / "data" / "curated" / "regions.csv"
SDG_DATA = REPO.parent / "shared" / "sources" / "kazstat-sdg-data" / "data"
OBSERVATIONS = REPO / "data" / "observations.parquet"
TINY_DEG2 = 1e-9

KINDS = {
    "KZKRG": "city",
    "KZBEI": "village",
    "KZBOR": "special_zone",
    "KZXYZ": "district",
    "KZUKK": "unknown",
}


# --- the layout rule on hand-made code sets ------------------------------------------------


@pytest.mark.parametrize(
    ("codes", "year", "layout", "drawn", "not_drawn"),
    [
        # Rule 1: a new 2022 region puts the split regions on their reduced shapes.
        (["KZABY", "KZVOS", "KZKAR"], 2010, "2022", ("KZABY", "KZKAR", "KZVOS"), {}),
        (["KZZHS", "KZONT"], 2020, "2022", ("KZZHS",), {"KZONT": NOT_IN_LAYOUT}),
        (
            ["KZULU", "KZONT", "KZYUZ"],
            2023,
            "2022",
            ("KZULU", "KZYUZ"),
            {"KZONT": OVERLAP_SPLIT_REGION},
        ),
        # Rule 2: a split region without its new neighbours carries its pre-2022 extent.
        (["KZALM", "KZAKM"], 2023, "2018", ("KZAKM", "KZALM"), {}),
        (["KZKAR", "KZONT"], 2023, "2014", ("KZKAR", "KZONT"), {}),
        (
            ["KZVOS", "KZONT", "KZSHY"],
            2016,
            "2018",
            ("KZSHY", "KZVOS"),
            {"KZONT": OVERLAP_SPLIT_REGION},
        ),
        # Rule 3: the layout in force in the year.
        (["KZAKM", "KZNS"], 2022, "2022", ("KZAKM", "KZNS"), {}),
        (["KZAKM", "KZNS"], 2021, "2018", ("KZAKM", "KZNS"), {}),
        (["KZAKM", "KZNS"], 2018, "2018", ("KZAKM", "KZNS"), {}),
        (["KZAKM", "KZNS"], 2017, "2014", ("KZAKM", "KZNS"), {}),
        (["KZAKM", "KZYUZ"], 2015, "2018", ("KZAKM", "KZYUZ"), {}),
        (["KZONT", "KZAKM"], 2023, "2014", ("KZAKM", "KZONT"), {}),
        (["KZONT", "KZYUZ"], 2019, "2018", ("KZYUZ",), {"KZONT": OVERLAP_SPLIT_REGION}),
        (["KZONT", "KZSHY"], 2023, "2022", ("KZSHY",), {"KZONT": OVERLAP_SPLIT_REGION}),
        # Sub-regional and unknown codes; the national value ("") is ignored.
        (
            ["", "KZKRG", "KZBEI", "KZBOR", "KZXYZ", "KZUKK", "KZNEW", "KZPAV"],
            2020,
            "2018",
            ("KZPAV",),
            {
                "KZBEI": NO_BOUNDARY_SUBREGION,
                "KZBOR": NO_BOUNDARY_SUBREGION,
                "KZKRG": NO_BOUNDARY_SUBREGION,
                "KZNEW": UNKNOWN_CODE,
                "KZUKK": UNKNOWN_CODE,
                "KZXYZ": NO_BOUNDARY_SUBREGION,
            },
        ),
        ([], 2024, "2022", (), {}),
    ],
)
def test_choose_layout(codes, year, layout, drawn, not_drawn):
    choice = choose_layout(codes, year, KINDS)
    assert choice == LayoutChoice(layout=layout, drawn=drawn, not_drawn=not_drawn)


def test_choose_layout_without_kinds_treats_non_units_as_subregions():
    choice = choose_layout(["KZUKK", "KZKRG", "KZKAR", "KZYUZ"], 2016)
    assert choice.layout == "2018"
    assert choice.not_drawn == {"KZKRG": NO_BOUNDARY_SUBREGION, "KZUKK": NO_BOUNDARY_SUBREGION}


def test_choose_layout_accepts_any_iterable_and_is_hashable():
    choice = choose_layout(iter(["KZNS", "KZALA", "KZNS"]), 2022)
    assert choice.drawn == ("KZALA", "KZNS")
    assert hash(choice) == hash(LayoutChoice("2022", ("KZALA", "KZNS"), {}))


def test_layout_units():
    assert LAYOUTS == ("2022", "2018", "2014")
    assert [len(LAYOUT_UNITS[lay]) for lay in LAYOUTS] == [20, 17, 16]
    assert LAYOUT_UNITS["2022"] - LAYOUT_UNITS["2018"] == {"KZABY", "KZZHS", "KZULU"}
    assert LAYOUT_UNITS["2018"] ^ LAYOUT_UNITS["2014"] == {"KZYUZ", "KZSHY", "KZONT"}
    with pytest.raises(ValueError, match="unknown layout"):
        layout_path(GEODATA, "2019")


# --- curated regions ------------------------------------------------------------------------


def test_curated_regions_csv():
    df = pd.read_csv(REGIONS_CSV, dtype=str, keep_default_na=False)
    assert df["ref_area"].is_unique
    assert (df["source"] != "").all()
    kinds = df.set_index("ref_area")["kind"]
    assert set(kinds[kinds == "city_republican"].index) == {"KZNS", "KZALA", "KZSHY"}
    assert len(kinds[kinds == "region"]) == 18
    assert set(kinds[kinds == "unknown"].index) == {"KZUKK", "KZDMB", "KZAYB", "KZAP"}
    sub = df[df["kind"].isin(["city", "village", "special_zone"])]
    assert set(sub["parent"]) <= LAYOUT_UNITS["2022"]
    for layout in LAYOUTS:
        col = df[f"boundary_{layout}"]
        assert set(col[col != ""]) == LAYOUT_UNITS[layout]
        assert (col[col != ""] == df.loc[col != "", "ref_area"]).all()
    assert read_region_kinds(REGIONS_CSV) == kinds.to_dict()


# --- build helpers on hand-made squares -----------------------------------------------------


def test_clean_coverage_repairs_overlap_gap_and_bad_ring():
    units = {
        "KZAKM": shapely.box(0, 0, 1, 1),
        # Overlaps the region by 0.01 deg and leaves a hairline gap to the other neighbour.
        "KZNS": shapely.box(0.99, 0.2, 1.3, 0.5),
        "KZPAV": shapely.Polygon([(1.3, 0), (2, 0), (1.3, 1), (2, 1), (1.3, 0)]),  # bow tie
        "KZKAR": shapely.box(1, 0.5, 1.3 - 1e-9, 1),
        "KZALA": shapely.box(1, 0, 1.3, 0.2),
        "KZSHY": shapely.box(5, 5, 5.1, 5.1),
    }
    rep: dict = {}
    out = clean_coverage(units, rep)
    assert [r["ref_area"] for r in rep["invalid_fixed"]] == ["KZPAV"]
    assert [(o["from"], o["kept_by"]) for o in rep["overlaps_removed"]] == [("KZAKM", "KZNS")]
    assert shapely.coverage_is_valid(list(out.values()))
    assert out["KZNS"].equals(units["KZNS"])
    json.dumps(rep)


def test_check_coverage_rejects_overlap_and_gap():
    a, b = shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)
    check_coverage({"A": a, "B": b}, 2 * 111.0 * 111.0)  # area check is loose (1 %)
    with pytest.raises(AssertionError):
        check_coverage({"A": a, "B": shapely.box(0.5, 0, 2, 1)}, 24_640)
    ring = shapely.box(0, 0, 3, 3).difference(shapely.box(1, 1, 2, 2))
    with pytest.raises(AssertionError, match="gaps"):
        check_coverage({"A": ring}, 0)


def test_dissolve_south_kazakhstan():
    units = {
        "KZYUZ": shapely.box(0, 0, 2, 2).difference(shapely.box(0.5, 0.5, 1, 1)),
        "KZSHY": shapely.box(0.5, 0.5, 1, 1),
        "KZZHA": shapely.box(2, 0, 3, 2),
    }
    out = dissolve_south_kazakhstan(units)
    assert list(out) == ["KZONT", "KZZHA"]
    assert out["KZONT"].equals(shapely.box(0, 0, 2, 2))


# --- the committed geodata/ -----------------------------------------------------------------


@pytest.fixture(scope="module")
def layouts() -> dict[str, dict[str, shapely.Geometry]]:
    out = {}
    for layout in LAYOUTS:
        gdf = load_layout(GEODATA, layout)
        out[layout] = dict(zip(gdf["ref_area"], gdf.geometry, strict=True))
    return out


@pytest.mark.parametrize(("layout", "n"), [("2022", 20), ("2018", 17), ("2014", 16)])
def test_layout_files_are_clean_coverages(layouts, layout, n):
    path = layout_path(GEODATA, layout)
    assert path.stat().st_size <= 150_000
    fc = layout_geojson(GEODATA, layout)
    ids = [f["id"] for f in fc["features"]]
    assert ids == sorted(LAYOUT_UNITS[layout]) and len(ids) == n
    assert all(f["properties"] == {"ref_area": f["id"], "layout": layout} for f in fc["features"])
    assert (
        path.read_text(encoding="utf-8")
        == json.dumps(fc, ensure_ascii=False, separators=(",", ":")) + "\n"
    )
    geoms = list(layouts[layout].values())
    assert all(g.is_valid and not g.is_empty for g in geoms)
    assert shapely.coverage_is_valid(geoms)
    union = shapely.union_all(geoms)
    assert sum(len(p.interiors) for p in shapely.get_parts(union)) == 0
    # Kazakhstan: ~2.72 million km2 (about 320-340 square degrees at these latitudes).
    assert 300 < union.area < 360


def test_small_cities_keep_a_shape(layouts):
    for layout, units in layouts.items():
        for city in {"KZNS", "KZALA", "KZSHY"} & set(units):
            assert shapely.get_num_coordinates(units[city]) >= 20, (layout, city)
            assert units[city].area > 0.05, (layout, city)


def test_south_kazakhstan_is_turkistan_plus_shymkent(layouts):
    ont = layouts["2014"]["KZONT"].area
    parts = layouts["2018"]["KZYUZ"].area + layouts["2018"]["KZSHY"].area
    assert ont == pytest.approx(parts, rel=1e-6)
    for code, geom in layouts["2014"].items():
        if code != "KZONT":
            assert geom.equals(layouts["2018"][code])


def test_pilot_territories():
    gdf = load_pilot_territories(GEODATA)
    assert (GEODATA / "pilot_territories.geojson").stat().st_size < 30_000
    rows = gdf.set_index("id")
    assert sorted(rows.index) == [
        "aral_district",
        "kamystybas_village",
        "karkaraly_district",
        "karkaraly_town",
    ]
    assert rows.loc["karkaraly_district", "parent_ref_area"] == "KZKAR"
    assert rows.loc["kamystybas_village", "parent_ref_area"] == "KZKZY"
    assert rows.geometry.is_valid.all()
    assert rows.loc["karkaraly_district"].geometry.contains(rows.loc["karkaraly_town"].geometry)
    assert rows.loc["aral_district"].geometry.contains(rows.loc["kamystybas_village"].geometry)
    for col in ("name_kk", "name_ru", "name_en", "source", "license"):
        assert (rows[col].fillna("") != "").all(), col


def test_geodata_readme_credits_sources():
    text = (GEODATA / "README.md").read_text(encoding="utf-8")
    for needle in (
        "OpenStreetMap contributors",
        "ODbL",
        "72277878d12502232b21c3d4b8ac459630b4f578",
        "https://whosonfirst.org/docs/licenses/",
    ):
        assert needle in text


# --- the rule on the real data --------------------------------------------------------------


def _selections() -> pd.DataFrame:
    """Return one row per regional value: selection key columns, year, ref_area."""
    if SDG_DATA.is_dir():
        frames = []
        for path in sorted(SDG_DATA.glob("*.csv")):
            df = pd.read_csv(path, dtype=str, keep_default_na=False)
            if "REF_AREA" not in df or "Year" not in df:
                continue
            df = df[(df["REF_AREA"] != "") & (df["Value"] != "")]
            if df.empty:
                continue
            keys = [c for c in df.columns if c not in ("Year", "REF_AREA", "Value")]
            frames.append(
                pd.DataFrame(
                    {
                        "key": path.name + "|" + df[keys].astype(str).agg("|".join, axis=1)
                        if keys
                        else path.name,
                        "year": df["Year"],
                        "ref_area": df["REF_AREA"],
                    }
                )
            )
        return pd.concat(frames, ignore_index=True)
    if OBSERVATIONS.exists():
        obs = pd.read_parquet(OBSERVATIONS)
        obs = obs[obs["ref_area"] != ""]
        keys = [c for c in obs.columns if c not in ("year", "ref_area", "value", "source_row")]
        keys = [c for c in keys if c not in ("goal", "target", "indicator_id")]
        return pd.DataFrame(
            {
                # missing codes (NaN in pandas 3's str columns) become "" before joining
                "key": obs[keys].astype(object).fillna("").astype(str).agg("|".join, axis=1),
                "year": obs["year"],
                "ref_area": obs["ref_area"],
            }
        )
    pytest.skip("neither ../shared/sources/kazstat-sdg-data/data nor data/observations.parquet")


def test_real_selections_draw_no_overlapping_shapes(layouts):
    kinds = read_region_kinds(REGIONS_CSV)
    overlapping = {
        layout: {
            frozenset((a, b))
            for (a, ga), (b, gb) in itertools.combinations(units.items(), 2)
            if shapely.intersection(ga, gb).area > TINY_DEG2
        }
        for layout, units in layouts.items()
    }
    sel = _selections()
    counts = {layout: 0 for layout in LAYOUTS}
    for (_, year), codes in sel.groupby(["key", "year"], sort=False)["ref_area"]:
        present = set(codes)
        if not present & set(LAYOUT_UNITS["2022"] | LAYOUT_UNITS["2014"]):
            continue
        choice = choose_layout(present, int(float(year)), kinds)
        counts[choice.layout] += 1
        assert set(choice.drawn) <= set(layouts[choice.layout])
        assert set(choice.drawn) | set(choice.not_drawn) == present
        assert not set(choice.drawn) & set(choice.not_drawn)
        for pair in itertools.combinations(choice.drawn, 2):
            assert frozenset(pair) not in overlapping[choice.layout], (choice, pair)
        # A pre-2022 region is never drawn beside a region carved out of it.
        if choice.layout != "2022":
            assert not present & {"KZABY", "KZZHS", "KZULU"}
    assert all(counts.values()), counts
