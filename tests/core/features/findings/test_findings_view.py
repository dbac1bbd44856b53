"""Findings tables and counts (pure): place filter with pilot territories, per-region goal counts,
the display table, and tag checks with and without data/curated/tags.csv."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from io import StringIO

import pandas as pd

from sdgdash.config import REPO_ROOT, Settings
from sdgdash.features.findings import view as fnd
from sdgdash.store import FindingInput, Vocabulary, check_finding

PARENTS = {"karkaraly_district": "KZKAR", "kamystybas_village": "KZKZY"}


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [3, 2, 1],
            "ref_area": ["KZKAR", None, "KZAKM"],
            "territory_id": [None, "karkaraly_district", None],
            "finding_date": [date(2024, 6, 20), date(2024, 6, 1), date(2022, 10, 12)],
            "event_id": [None, "glocal", None],
            "tags": [["household_waste"], ["heating_supply", "household_waste"], []],
            "priority_goals": [[11, 12], [7, 11], []],
            "text": ["a", "b", "c"],
            "source": ["s1", "s2", "s3"],
            "created_by": ["aigerim"] * 3,
            "created_at": [datetime(2026, 1, 1, 9, 30)] * 3,
        }
    )


def test_a_region_includes_its_pilot_territories():
    assert list(fnd.for_place(frame(), PARENTS, ref_area="KZKAR")["id"]) == [3, 2]
    assert list(fnd.for_place(frame(), PARENTS, territory_id="karkaraly_district")["id"]) == [2]
    assert list(fnd.for_place(frame(), PARENTS)["id"]) == [3, 2, 1]


def test_goal_counts_per_region():
    expected = pd.read_csv(StringIO("ref_area,goal,count\nKZKAR,7,1\nKZKAR,11,2\nKZKAR,12,1\n"))
    got = fnd.goal_counts(frame(), PARENTS).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected)
    fig = fnd.goal_chart(got, "en", lambda c: c, lambda g: f"goal {g}", lambda g: "#000000")
    assert [(b.name, list(b.x)) for b in fig.data] == [
        ("7. goal 7", [1]),
        ("11. goal 11", [2]),
        ("12. goal 12", [1]),
    ]


def test_display_table_headers_and_text():
    table = fnd.display_table(frame(), "ru", lambda c: f"R:{c}", lambda t: f"T:{t}")
    assert list(table.columns[:4]) == ["id", "Дата", "Место", "Событие"]
    assert list(table["Место"]) == ["R:KZKAR", "T:karkaraly_district", "R:KZAKM"]
    assert list(table["Приоритетные ЦУР"]) == ["11, 12", "7, 11", ""]
    assert table.iloc[0]["Когда записано"] == "2026-01-01 09:30 UTC"


def test_tags_are_checked_against_the_curated_file_when_it_exists(tmp_path):
    data = tmp_path / "data"
    (data / "curated").mkdir(parents=True)
    shutil.copy(REPO_ROOT / "data" / "regions.parquet", data / "regions.parquet")
    settings = Settings(data, REPO_ROOT / "geodata", "sqlite://")
    without = Vocabulary.from_settings(settings)
    assert without.tags is None and "KZKAR" in without.ref_areas and "KZAP" not in without.ref_areas
    assert "kamystybas_village" in without.territory_ids
    item = FindingInput(date(2022, 1, 1), "t", "s", ref_area="KZKAR", tags=("air-quality",))
    assert check_finding(item, without) == []

    (data / "curated" / "tags.csv").write_text(
        "tag,name_en,source\nhousehold_waste,Household waste,issue 5\n", encoding="utf-8"
    )
    with_file = Vocabulary.from_settings(settings)
    assert with_file.tags == frozenset({"household_waste"})
    assert [e.field for e in check_finding(item, with_file)] == ["tags"]
    ok = FindingInput(date(2022, 1, 1), "t", "s", ref_area="KZKAR", tags=("household_waste",))
    assert check_finding(ok, with_file) == []
