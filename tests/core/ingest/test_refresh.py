"""Refreshing the data from a newer copy of the platform's repository (issue 15): each scenario
ends either in a swapped build with its warnings listed, or in a refused build with every
problem listed and the previous data/ byte-identical.

The scenarios (tests/refresh_fixtures.py) are built once per session from the real repository
copied to a temporary folder; tests/app/test_refresh_pages.py renders every page on the
swapped ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from sdgdash import pages
from sdgdash.config import Settings
from sdgdash.data.index_table import load_index_table
from sdgdash.data.source import Source
from sdgdash.features.index import scoring
from sdgdash.features.map import view as map_view
from sdgdash.ingest import curated_checks, view_checks
from sdgdash.ingest.identity import UNKNOWN_VERSION
from sdgdash.ingest.problems import BLOCKING, WARNING
from tests.conftest import REPO
from tests.refresh_fixtures import NEW_REGION, SWAPPED, tree_hash


def _texts(problems) -> list[str]:
    return [p.text() for p in problems]


def _refresh(data: Path) -> dict:
    return json.loads((data / "refresh_report.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", SWAPPED)
def test_a_swapped_refresh_writes_every_report_and_checks_every_page(
    refresh_scenario, name: str
) -> None:
    s = refresh_scenario(name)
    assert s.swapped, s.error
    assert s.of(BLOCKING) == []
    assert tree_hash(s.data) != s.before
    licence = s.report["source"]["licence_file"]
    for name_ in ("BUILD_REPORT.md", "REFRESH_REPORT.md", "refresh_report.json", licence):
        assert (s.data / name_).is_file(), name_
    # The previous build's licence file goes with it unless this source has the same name.
    assert sorted(p.name for p in s.data.glob("LICENSE*")) == [licence]
    written = json.loads((s.data / "build_report.json").read_text(encoding="utf-8"))
    assert written["pages"] == {page: "ok" for page in view_checks.PAGE_CHECKS}
    assert written["problem_counts"][WARNING] == len(s.of(WARNING))
    md = (s.data / "BUILD_REPORT.md").read_text(encoding="utf-8")
    for p in s.of(WARNING):  # every warning is in the report people read
        assert p.message.replace("_", "\\_").replace("*", "\\*")[:60] in md
    leftovers = [p.name for p in s.data.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_retired_indicator_swaps_and_names_every_curated_row_left_out(refresh_scenario) -> None:
    """11.6.1's data, meta and config removed upstream: before, the build swapped and the map,
    overview and region pages crashed; now three curated rows are named and left out."""
    s = refresh_scenario("retired_indicator")
    assert s.swapped
    assert _texts(s.of(WARNING, "curated tables")) == [
        "curated/indicator_direction.csv: line 73: 11.6.1: no such indicator in the data: row "
        "unused",
        "curated/index_indicators.csv: line 21: 11.6.1: no regional value since 2015; row left "
        "out (the index is computed without it and the index page lists it)",
        "curated/tag_links.csv: line 4: 11.6.1: no such indicator in the data; row left out "
        "(pages leave the link out)",
    ]
    assert _texts(s.of(WARNING, "refresh")) == [
        "11.6.1 is no longer in the source (retired or renamed upstream)"
    ]
    diff = _refresh(s.data)
    assert diff["indicators"]["removed"] == ["11.6.1"]
    assert (diff["indicators"]["regional_before"], diff["indicators"]["regional_after"]) == (72, 71)
    assert diff["values"]["removed"] == 99 and diff["values"]["changed"] == 0
    assert "11.6.1" not in set(pd.read_parquet(s.data / "indicators.parquet")["indicator_id"])
    md = (s.data / "REFRESH_REPORT.md").read_text(encoding="utf-8")
    assert "removed: 11.6.1" in md and "`curated/tag_links.csv: line 4`" in md


def test_index_indicator_losing_its_regions_is_left_out_of_the_index(refresh_scenario) -> None:
    """17.8.1 published for Kazakhstan only (as upstream pull requests do for 17.3.1.2): the
    index goes on without it (and without goal 17), the direction row is named."""
    s = refresh_scenario("index_indicator_loses_regions")
    assert s.swapped
    assert _texts(s.of(WARNING)) == [
        "curated/indicator_direction.csv: line 95: 17.8.1: no regional values any more "
        "(national only): row unused",
        "curated/index_indicators.csv: line 25: 17.8.1: no regional value since 2015; row left "
        "out (the index is computed without it and the index page lists it)",
        "17.8.1 had regional values in the previous data and has none now: it leaves the map, "
        "region, compare and tag maps (national values stay on the goal page)",
    ]
    diff = _refresh(s.data)
    assert diff["indicators"]["lost_regional"] == ["17.8.1"]
    assert diff["indicators"]["regional_after"] == 71
    table = load_index_table(s.data / "curated" / "index_indicators.csv")

    def index_2023(data: Path) -> scoring.IndexResult:
        obs = pd.read_parquet(data / "observations.parquet")
        return scoring.compute_index(scoring.index_values(obs, table), table, 2023)

    before, after = index_2023(REPO / "data"), index_2023(s.data)
    assert before.left_out.empty and 17 in set(before.goals["goal"])
    pd.testing.assert_frame_equal(
        after.left_out,
        pd.DataFrame({"indicator_id": ["17.8.1"], "reason": ["no_regional_value"]}, dtype=str),
    )
    assert 17 not in set(after.goals["goal"])
    assert set(after.index["n_goals"]) == {n - 1 for n in set(before.index["n_goals"])}


def test_placeholder_replaced_by_a_real_value_is_used_and_the_row_named(refresh_scenario) -> None:
    s = refresh_scenario("placeholder_replaced")
    assert s.swapped
    assert _texts(s.of(WARNING)) == [
        "curated/placeholder_values.csv: line 2: 8.1.1 KZALM (series '', unit 'PT_BY_2005') "
        "2023: the source now has 97.4 (data/indicator_8-1-1.csv line 221), not the placeholder "
        "0; the source value is used: narrow or remove the row"
    ]
    obs = pd.read_parquet(s.data / "observations.parquet")
    kzalm = obs[(obs["indicator_id"] == "8.1.1") & (obs["ref_area"] == "KZALM")]
    kzalm = kzalm[kzalm["year"] >= 2022].set_index("year")
    assert kzalm.loc[2023, "value"] == 97.4 and pd.isna(kzalm.loc[2023, "placeholder"])
    assert kzalm.loc[2022, "placeholder"] == "border_change"
    values = _refresh(s.data)["values"]
    assert (values["changed"], values["added"], values["removed"]) == (1, 0, 0)
    top = values["largest"][0]
    assert (top["indicator_id"], top["ref_area"], top["year"]) == ("8.1.1", "KZALM", 2023)
    assert (top["old"], top["new"], top["source_row"], top["relative"]) == (0.0, 97.4, 221, None)


def test_new_year_and_new_region_code(refresh_scenario) -> None:
    s = refresh_scenario("new_year_and_region")
    assert s.swapped
    assert _texts(s.of(WARNING)) == [
        f"curated/regions.csv: region code {NEW_REGION} is in the data (1 rows, "
        "data/indicator_1-2-1.csv) but has no row here: its kind is unknown and its values are "
        "listed as not drawn on the maps",
        f"new ref_area code(s) without a label in the translations: {NEW_REGION} (1 rows, e.g. "
        "data/indicator_1-2-1.csv line 338); shown as the bare code",
    ]
    diff = _refresh(s.data)
    assert diff["years"]["added"] == [2024]
    assert diff["years"]["indicator_years_added"] == {"1.2.1": [2024]}
    assert diff["regions"]["added"] == [NEW_REGION]
    assert diff["unknown_codes"]["new"] == {"ref_area": [NEW_REGION]}
    assert diff["values"]["added"] == 26  # the 25 rows of 2023 repeated for 2024, and NEW_REGION
    # The map of 1.2.1 opens on 2024 and lists the new code as not drawn (unknown unit).
    data = Source(Settings(data_dir=s.data, geodata_dir=REPO / "geodata", store_url=""))
    query = map_view.query_from_params(data, {"ind": "1.2.1"})
    view = map_view.map_view(data, query.selection, query.year)
    assert view.year == 2024 and NEW_REGION in set(view.not_drawn["ref_area"])
    assert NEW_REGION not in set(view.drawn["ref_area"])


def test_a_repository_exported_without_source_txt_says_unknown_source_version(
    refresh_scenario,
) -> None:
    s = refresh_scenario("without_source_txt")
    assert s.swapped
    (warning,) = s.of(WARNING)
    assert warning.group == "source identity" and UNKNOWN_VERSION in warning.message
    source = s.report["source"]
    assert (source["repository"], source["commit"], source["date"]) == (None, None, None)
    assert source["version"] == UNKNOWN_VERSION
    # Named after the folder read, not after a repository it might not be.
    assert source["licence_file"] == "LICENSE.kazstat-sdg-data.txt"
    assert (s.data / "LICENSE.kazstat-sdg-data.txt").read_text().startswith("MIT License")
    for name in ("README.md", "BUILD_REPORT.md", "REFRESH_REPORT.md", "build_report.json"):
        text = (s.data / name).read_text(encoding="utf-8")
        assert UNKNOWN_VERSION in text, name
        assert "`unknown`" not in text and '"unknown"' not in text, name
    assert _refresh(s.data)["values"]["changed"] == 0


def test_a_folder_without_indicator_csvs_is_refused_naming_what_it_has(refresh_scenario) -> None:
    s = refresh_scenario("no_indicator_csvs")
    assert not s.swapped
    assert tree_hash(s.data) == s.before
    (problem,) = s.problems  # KeyError: 'dimension' before; now one clear message
    assert (problem.severity, problem.group) == (BLOCKING, "source layout")
    assert problem.message.startswith("no data/indicator_*.csv file in data/: this is not an")
    assert (
        "Found instead: 2 Excel workbooks (data/indicator_3-1-1.xlsx, data/sdg_export.xlsx); "
        "273 CSV files not named data/indicator_<id>.csv (data/1-1-1.csv, data/1-2-1.csv, "
        "data/1-2-2.csv ...)"
    ) in problem.message


def test_another_countrys_repository_is_refused_with_every_problem_in_one_run(
    refresh_scenario,
) -> None:
    """Before: built "successfully" with 0 regional rows and most rows flagged as conflicts, and
    every page crashed. Now: refused, and one run names the missing language, the sanity gates
    and every page that would fail, with the curated rows it would orphan as warnings."""
    s = refresh_scenario("foreign_repository")
    assert not s.swapped
    assert tree_hash(s.data) == s.before
    blocking = s.of(BLOCKING)
    assert [p.group for p in blocking] == ["translations", "sanity", "sanity", *["pages"] * 8]
    assert blocking[0].file == "translations/kk"
    assert blocking[1].message.startswith("no regional rows: none of the 44389 rows kept")
    assert blocking[2].message.startswith("37790 of 44389 rows kept (85%) are 'conflicting")
    assert {p.message.split(",")[0] for p in s.of(BLOCKING, "pages")} == {
        f"page '{page}'"
        for page in ("overview", "goal", "map", "region", "compare", "plans", "index", "territory")
    }
    assert len(s.of(WARNING, "curated tables")) == 138
    text = str(s.error)
    assert text.startswith("Blocking problems: 11\n  translations (1)\n")
    assert "Warnings: 210\n" in text


def test_registries_cover_every_curated_table_and_every_page() -> None:
    """A curated table or a page added later needs its check (one registry entry)."""
    curated = {p.name for p in (REPO / "data" / "curated").glob("*.csv")}
    assert curated <= curated_checks.covered_files(), curated - curated_checks.covered_files()
    assert list(view_checks.PAGE_CHECKS) == [p.id for p in pages.PAGES]
