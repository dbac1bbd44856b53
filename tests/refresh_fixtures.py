"""Refresh scenarios: the real platform repository copied to a temporary folder, changed the way
an upstream update (or a wrong folder) changes it, and built over a copy of the committed data/.

Each scenario is built once per test session (``refresh_scenario(name)``) and shared by the core
tests (tests/core/ingest/test_refresh.py) and the page tests (tests/app/test_refresh_pages.py). The
values a scenario writes (a new year, a replaced placeholder) are test input standing for a
future upstream update; they are never shown as data outside the test's temporary folder.
"""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sdgdash.ingest import BuildError, build
from sdgdash.ingest.problems import Problem
from tests.conftest import KAZSTAT, REPO

GEODATA = REPO / "geodata"
FOREIGN_COMMIT = "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f"
NEW_REGION = "KZTST"  # a region code the platform does not have (stands for a future one)


def tree_hash(root: Path) -> dict[str, str]:
    """sha256 of every file under root, keyed by relative path."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@dataclass
class Scenario:
    """One refresh: where it ran, what the data looked like before, and how the build ended."""

    name: str
    source: Path
    data: Path
    before: dict[str, str]
    report: dict[str, Any] | None
    error: BuildError | None
    seconds: float

    @property
    def swapped(self) -> bool:
        """True when the build swapped the new data in."""
        return self.error is None

    @property
    def problems(self) -> list[Problem]:
        """Every problem of the run."""
        if self.error is not None:
            return list(self.error.problems.items)
        return [Problem(**p) for p in self.report["problems"]]

    def of(self, severity: str, group: str | None = None) -> list[Problem]:
        """The problems of one severity (and group)."""
        return [
            p
            for p in self.problems
            if p.severity == severity and (group is None or p.group == group)
        ]


# --- what each scenario changes in the copied source ---------------------------------------------


def _rewrite_csv(
    path: Path, change: Callable[[list[str], list[list[str]]], list[list[str]]]
) -> None:
    """Rewrite one data CSV through ``change(header, rows) -> rows`` (header kept)."""
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([rows[0], *change(rows[0], rows[1:])])
    path.write_text(out.getvalue(), encoding="utf-8")


def retire_indicator(src: Path) -> None:
    """Upstream retires 11.6.1: its data, meta and config files are gone."""
    for rel in ("data/indicator_11-6-1.csv", "meta/11-6-1.yml", "indicator-config/11-6-1.yml"):
        (src / rel).unlink()


def drop_regional_rows(src: Path) -> None:
    """An index indicator (17.8.1) is published for Kazakhstan only: its regional rows go."""

    def national(header: list[str], rows: list[list[str]]) -> list[list[str]]:
        at = header.index("REF_AREA")
        return [r for r in rows if len(r) <= at or not r[at].strip()]

    _rewrite_csv(src / "data" / "indicator_17-8-1.csv", national)


def replace_placeholder(src: Path) -> None:
    """8.1.1 KZALM 2023 was the placeholder 0.0 (curated line 2): upstream now publishes a value."""

    def real_value(header: list[str], rows: list[list[str]]) -> list[list[str]]:
        year, area, value = (header.index(c) for c in ("Year", "REF_AREA", "Value"))
        for r in rows:
            if r[year] == "2023" and r[area] == "KZALM":
                r[value] = "97.4"
        return rows

    _rewrite_csv(src / "data" / "indicator_8-1-1.csv", real_value)


def new_year_and_region(src: Path) -> None:
    """1.2.1 gets a year 2024 (the 2023 values repeated) and a region code never seen before."""

    def extend(header: list[str], rows: list[list[str]]) -> list[list[str]]:
        year, area = header.index("Year"), header.index("REF_AREA")
        new = [[*r] for r in rows if r and r[year] == "2023"]
        for r in new:
            r[year] = "2024"
        extra = [*new[-1]]
        extra[area] = NEW_REGION
        return [*rows, *new, extra]

    _rewrite_csv(src / "data" / "indicator_1-2-1.csv", extend)


def no_indicator_csvs(src: Path) -> None:
    """Another export of the platform: data/1-2-1.csv (no indicator_ prefix) and a workbook."""
    for path in sorted((src / "data").glob("indicator_*.csv")):
        path.rename(path.with_name(path.name.removeprefix("indicator_")))
    (src / "data" / "sdg_export.xlsx").write_bytes(b"PK\x03\x04")


def foreign_repository(src: Path) -> None:
    """Another country's Open SDG repository: regions in a 'Region' column (not REF_AREA), its
    own languages (no Kazakh), its own name."""
    for path in sorted((src / "data").glob("indicator_*.csv")):
        text = path.read_text(encoding="utf-8-sig")
        head, _, rest = text.partition("\n")
        path.write_text(head.replace("REF_AREA", "Region") + "\n" + rest, encoding="utf-8")
    (src / "translations" / "kk").rename(src / "translations" / "ky")
    (src / "SOURCE.txt").write_text(
        f"Repository: example.org/another-country/sdg-data\nCommit: {FOREIGN_COMMIT}\n",
        encoding="utf-8",
    )


def without_source_txt(src: Path) -> None:
    """Exported with `git archive` or copied by hand: no SOURCE.txt, no .git."""
    (src / "SOURCE.txt").unlink()


SCENARIOS: dict[str, Callable[[Path], None]] = {
    "retired_indicator": retire_indicator,
    "index_indicator_loses_regions": drop_regional_rows,
    "placeholder_replaced": replace_placeholder,
    "new_year_and_region": new_year_and_region,
    "no_indicator_csvs": no_indicator_csvs,
    "foreign_repository": foreign_repository,
    "without_source_txt": without_source_txt,
}
SWAPPED = (
    "retired_indicator",
    "index_indicator_loses_regions",
    "placeholder_replaced",
    "new_year_and_region",
    "without_source_txt",
)


def run_scenario(root: Path, name: str) -> Scenario:
    """Copy the real source and the committed data/, change the source, build, keep the end."""
    src = root / "kazstat-sdg-data"  # the folder name the licence file is named after
    shutil.copytree(KAZSTAT, src)
    SCENARIOS[name](src)
    data = root / "data"
    shutil.copytree(REPO / "data", data)
    before = tree_hash(data)
    start = time.perf_counter()
    report, error = None, None
    try:
        report = build(src, data, GEODATA, skip_geodata=True)
    except BuildError as exc:
        error = exc
    return Scenario(name, src, data, before, report, error, time.perf_counter() - start)


@pytest.fixture(scope="session")
def refresh_scenario(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Scenario]:
    """``refresh_scenario(name)``: the scenario built once per session (skips without the real
    source beside the repository)."""
    if not KAZSTAT.is_dir():
        pytest.skip("../shared/sources/kazstat-sdg-data is not beside the repository")
    built: dict[str, Scenario] = {}

    def get(name: str) -> Scenario:
        if name not in built:
            built[name] = run_scenario(tmp_path_factory.mktemp(f"refresh-{name}"), name)
        return built[name]

    return get
