"""The curated targets file: valid against the data, validation of bad rows, lookup."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sdgdash.data.targets import (
    COLUMNS,
    RELATIVE,
    Target,
    check_against_data,
    load_targets,
    target_for,
)
from tests.conftest import REPO

TARGETS_CSV = REPO / "data" / "curated" / "indicator_targets.csv"
HEADER = ",".join(COLUMNS) + "\n"


@pytest.fixture(scope="module")
def targets() -> pd.DataFrame:
    return load_targets(TARGETS_CSV)


def test_committed_targets_match_the_data(targets) -> None:
    obs = pd.read_parquet(REPO / "data" / "observations.parquet")
    indicators = pd.read_parquet(REPO / "data" / "indicators.parquet")
    assert set(targets["indicator_id"]) <= set(indicators["indicator_id"])
    assert check_against_data(targets, obs) == []
    assert len(targets) >= 10


def test_committed_targets_have_sources(targets) -> None:
    assert (targets["source"].str.len() > 20).all()
    assert (targets["rationale"].str.len() > 20).all()
    # Every source names an SDG target or a named plan.
    assert targets["source"].str.contains("SDG target|WHO ", regex=True).all()


def test_lookup(targets) -> None:
    assert target_for(targets, "3.2.1", "", "PER_1000_LIVE_BIRTHS") == Target(25.0, 2030)
    assert target_for(targets, "1.2.1", "", "PT") == Target(0.5, 2030, RELATIVE)
    assert target_for(targets, "3.6.1", "", "PER_100000_POP").year == 2020
    # Only the extreme poverty line (series A) has the eradication target.
    assert target_for(targets, "1.1.1", "_L_KZ_010101_1A", "PT") == Target(0.0, 2030)
    assert target_for(targets, "1.1.1", "_L_KZ_010101_1C", "PT") is None
    assert target_for(targets, "8.5.2", "", "PT") is None


def test_exact_series_wins(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        HEADER + '9.9.9,,,1,2030,absolute,"SDG target x","any series"\n'
        '9.9.9,S1,,2,2030,absolute,"SDG target x","series S1"\n',
        encoding="utf-8",
    )
    t = load_targets(path)
    assert target_for(t, "9.9.9", "S1", "PT").value == 2.0
    assert target_for(t, "9.9.9", "S2", "PT").value == 1.0


def test_unknown_indicator_or_series_reported(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        HEADER + '99.9.9,,,1,2030,absolute,"SDG target x","r"\n'
        '1.2.1,NOPE,,1,2030,absolute,"SDG target x","r"\n',
        encoding="utf-8",
    )
    obs = pd.DataFrame({"indicator_id": ["1.2.1"], "series": [""], "unit": ["PT"]})
    problems = check_against_data(load_targets(path), obs)
    assert len(problems) == 2
    assert "99.9.9" in problems[0] and "NOPE" in problems[1]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('1.2.1,,,1,2030,halve,"s","r"', "kind"),
        ('1.2.1,,,x,2030,absolute,"s","r"', "number"),
        ('1.2.1,,,0,2030,relative_to_base,"s","r"', "target_value"),
        ('1.2.1,,,1,1999,absolute,"s","r"', "target_year"),
        ('1.2.1,,,1,2030,absolute,"","r"', "empty source"),
        ('1.2.1,,,1,2030,absolute,"s",""', "empty rationale"),
        (',,,1,2030,absolute,"s","r"', "empty indicator_id"),
        ('1.2.1,,,1,2030,absolute,"s","r"\n1.2.1,,,2,2030,absolute,"s","r"', "duplicate"),
    ],
)
def test_bad_rows_rejected(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_targets(path)
