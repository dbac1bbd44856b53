"""The checks a build runs before the swap, one by one, on the committed data with edited copies
of the curated tables: what blocks (the app would fail), what warns (the row is left out), and
each names the curated file and line. Page checks: a failing view blocks, a fallback warns."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from sdgdash.data.source import Data
from sdgdash.features.index import view as index_view
from sdgdash.features.map import view as map_view
from sdgdash.ingest import curated_checks, view_checks
from sdgdash.ingest.problems import Problems
from tests.conftest import REPO

TABLES = {
    name: pd.read_parquet(REPO / "data" / f"{name}.parquet")
    for name in ("observations", "indicators", "regions")
}
REPORT = json.loads((REPO / "data" / "build_report.json").read_text(encoding="utf-8"))
PILOTS = json.loads((REPO / "geodata" / "pilot_territories.geojson").read_text(encoding="utf-8"))


@pytest.fixture
def curated(tmp_path: Path) -> Path:
    """An editable copy of data/curated/."""
    return Path(shutil.copytree(REPO / "data" / "curated", tmp_path / "curated"))


def _run(curated: Path, tables: dict | None = None) -> list[tuple[str, str, int | None, str]]:
    problems = Problems()
    ctx = curated_checks.CheckContext(curated, tables or TABLES, REPORT, PILOTS, problems)
    curated_checks.run(ctx)
    return [(p.severity, p.file, p.line, p.message) for p in problems.items]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_committed_curated_tables_match_the_committed_data(curated: Path) -> None:
    assert _run(curated) == []


def test_an_event_naming_a_region_the_data_lacks_blocks(curated: Path) -> None:
    """cached.events() would raise on every page with a timeline: the swap is refused."""
    _replace(curated / "events.csv", "KZSHY;KZKAR", "KZSHY;KZXXX")
    assert _run(curated) == [
        ("blocking", "curated/events.csv", 4, "unknown region 'KZXXX'"),
    ]


def test_a_territory_in_a_region_the_data_lacks_blocks(curated: Path) -> None:
    regions = TABLES["regions"][TABLES["regions"]["ref_area"] != "KZKAR"]
    found = _run(curated, {**TABLES, "regions": regions})
    assert ("blocking", "curated/territories.csv", 2) in [f[:3] for f in found]
    assert any("unknown parent region 'KZKAR'" in f[3] for f in found)


def test_a_malformed_row_blocks_with_its_line(curated: Path) -> None:
    _replace(curated / "indicator_direction.csv", "1.2.1,,PT,lower,", "1.2.1,,PT,down,")
    (found,) = _run(curated)
    assert found[:3] == ("blocking", "curated/indicator_direction.csv", 3)
    assert found[3].startswith("unknown direction 'down'")


def test_a_regional_indicator_without_a_direction_warns(curated: Path) -> None:
    path = curated / "indicator_direction.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("1.2.1,")))
    assert _run(curated) == [
        (
            "warning",
            "curated/indicator_direction.csv",
            None,
            "1.2.1 has regional values but no direction yet: its maps and ranks read it as "
            "neutral (no better or worse) until a row with rationale and source is added",
        )
    ]


def test_rows_of_an_indicator_the_data_lost_warn_in_every_table(curated: Path) -> None:
    """3.1.1 gone from the data: its direction, target, index and tag link rows are named."""
    tables = {
        "observations": TABLES["observations"][TABLES["observations"]["indicator_id"] != "3.1.1"],
        "indicators": TABLES["indicators"][TABLES["indicators"]["indicator_id"] != "3.1.1"],
        "regions": TABLES["regions"],
    }
    found = {(f[1], f[3].split(":")[0]) for f in _run(curated, tables)}
    assert found == {
        ("curated/indicator_direction.csv", "3.1.1"),
        ("curated/indicator_targets.csv", "3.1.1"),
        ("curated/index_indicators.csv", "3.1.1"),
        ("curated/tag_links.csv", "3.1.1"),
    }


def test_an_end_value_of_a_series_the_data_lost_warns_and_a_bad_one_blocks(curated: Path) -> None:
    """data/curated/end_values.csv (distance to 2030): a row without regional values is named
    and unused; a row the loader refuses stops the swap, with its line."""
    obs = TABLES["observations"]
    lost = obs[~((obs["indicator_id"] == "16.2.1") & (obs["ref_area"] != ""))]
    found = _run(curated, {**TABLES, "observations": lost})
    assert [f for f in found if f[1] == "curated/end_values.csv"] == [
        (
            "warning",
            "curated/end_values.csv",
            5,
            "16.2.1: no regional values with series '' and unit 'PT': end value unused",
        )
    ]
    _replace(curated / "end_values.csv", "16.2.1,,PT,0,absolute", "16.2.1,,PT,zero,absolute")
    (bad,) = _run(curated)
    assert bad[:3] == ("blocking", "curated/end_values.csv", 5)
    assert bad[3].startswith("end_value 'zero' is not a number")


def test_missing_and_unregistered_curated_tables(curated: Path) -> None:
    (curated / "indicator_targets.csv").unlink()
    (curated / "plan_targets.csv").write_text("indicator_id\n1.2.1\n")
    assert _run(curated) == [
        ("blocking", "curated/indicator_targets.csv", None, "file not found; the app reads it"),
        (
            "warning",
            "curated/plan_targets.csv",
            None,
            "no check is registered for this table (curated_checks)",
        ),
    ]


# --- page checks ---------------------------------------------------------------------------------


def test_pages_of_the_committed_data_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    problems = Problems()
    outcome = view_checks.run(REPO / "data", REPO / "geodata", problems)
    assert outcome == {page: "ok" for page in view_checks.PAGE_CHECKS}
    assert problems.items == []


def test_a_featured_indicator_without_regional_values_is_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The overview and map pages open on the first regional indicator instead (a data update
    may retire the featured one or drop its regional values)."""
    monkeypatch.setattr(map_view, "FEATURED_INDICATOR", "99.9.9")
    monkeypatch.setattr(
        view_checks, "PAGE_CHECKS", {"overview": view_checks.PAGE_CHECKS["overview"]}
    )
    problems = Problems()
    assert view_checks.run(REPO / "data", REPO / "geodata", problems) == {
        "overview": "ok with notes"
    }
    (warning,) = problems.items
    assert warning.severity == "warning" and warning.message == (
        "page 'overview': the featured indicator 99.9.9 (sdgdash/data/catalog.py) has no "
        "regional values: the overview and map pages open on 1.1.1"
    )


def test_a_page_whose_view_fails_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(data: Data) -> list[str]:
        return [index_view.index_result(data, 1990).index.iloc[0]["ref_area"]]

    monkeypatch.setattr(view_checks, "PAGE_CHECKS", {"index": broken})
    problems = Problems()
    assert view_checks.run(REPO / "data", REPO / "geodata", problems) == {"index": "fails"}
    (problem,) = problems.items
    assert problem.severity == "blocking"
    assert problem.message.startswith("page 'index', default view: IndexError: ")
