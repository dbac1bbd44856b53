"""The curated indicator direction table: coverage of the regional data, validation, lookup."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from sdgdash.data.directions import ANY, COLUMNS, direction_for, load_directions
from tests.conftest import REPO

DIRECTION_CSV = REPO / "data" / "curated" / "indicator_direction.csv"
OBSERVATIONS = REPO / "data" / "observations.parquet"
HEADER = ",".join(COLUMNS) + "\n"


@pytest.fixture(scope="module")
def directions() -> pd.DataFrame:
    return load_directions(DIRECTION_CSV)


@pytest.fixture(scope="module")
def regional_keys() -> set[tuple[str, str, str]]:
    """Every (indicator_id, series, unit) with a value for some region."""
    obs = pd.read_parquet(OBSERVATIONS, columns=["indicator_id", "ref_area", "series", "unit"])
    regional = obs.loc[obs["ref_area"] != "", ["indicator_id", "series", "unit"]]
    return set(regional.drop_duplicates().itertuples(index=False, name=None))


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "indicator_direction.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _covered(directions: pd.DataFrame, key: tuple[str, str, str]) -> bool:
    indicator_id, series, unit = key
    rows = directions[directions["indicator_id"] == indicator_id]
    return bool((rows["series"].isin([series, ANY]) & rows["unit"].isin([unit, ANY])).any())


# --- the committed table against the committed data ----------------------------------------


def test_every_regional_indicator_series_unit_has_a_direction(directions, regional_keys) -> None:
    missing = sorted(k for k in regional_keys if not _covered(directions, k))
    assert missing == []


def test_every_row_refers_to_regional_data_that_exists(directions, regional_keys) -> None:
    stale = []
    for row in directions.itertuples(index=False):
        matches = [
            k
            for k in regional_keys
            if k[0] == row.indicator_id and row.series in (k[1], ANY) and row.unit in (k[2], ANY)
        ]
        if not matches:
            stale.append((row.indicator_id, row.series, row.unit))
    assert stale == []


def test_wildcards_only_where_no_exact_row_shadows_them(directions) -> None:
    # An exact row beside a "*" row of the same indicator would make the "*" row partly dead.
    wild = directions[(directions["series"] == ANY) | (directions["unit"] == ANY)]
    overlapping = sorted(set(wild["indicator_id"]))
    counts = directions[directions["indicator_id"].isin(overlapping)].groupby("indicator_id").size()
    assert counts[counts > 1].to_dict() == {}


@pytest.mark.parametrize(
    ("indicator_id", "series", "unit", "expected"),
    [
        ("1.2.1", "", "PT", False),
        ("1.4.2", "", "PT", True),
        ("1.5.2", "_L_KZ_010502_1B", "TH_TNG", False),
        ("2.2.2", "SN_STA_OVWGTN", "PT", False),
        ("3.7.2", "", "", False),
        ("4.5.1", "", "PT", None),
        ("4.a.1", "_L_KZ_040a01_1B", "PT", False),
        ("4.a.1", "_L_KZ_040a01_1C", "PT", True),
        ("7.3.1", "", "", False),
        ("8.1.1", "", "PT_BY_2005", True),
        ("8.3.1.1", "", "PT", False),
        ("9.1.2", "_L_KZ_090102_1N", "PER_1000000_POP", None),
        ("9.2.1", "", "PT_IN_2010_PRICE", True),
        ("11.6.1.1", "", "PT", True),
        ("11.6.2", "_L_KZ_110602_1B", "MG_CUB_METER", False),
        ("14.7.1", "", "PT", None),
        ("15.2.1", "_L_KZ_150201_1A", "TH_HA", None),
        ("15.3.1", "", "TH_HA", False),
        ("17.3.1.3", "", "M_USD", None),
    ],
)
def test_reviewed_directions_of_tricky_indicators(
    directions, indicator_id, series, unit, expected
) -> None:
    assert direction_for(directions, indicator_id, series, unit) is expected


# --- load_directions on small files --------------------------------------------------------


def test_load_directions_reads_rows_as_strings(tmp_path) -> None:
    path = _write(
        tmp_path,
        '1.2.1,,PT,lower,"below the subsistence minimum, SDG 1.2 halves it",SDG target 1.2\n'
        "9.1.2,*,*,neutral,a transport volume,curated: sdgdash\n",
    )
    want = pd.read_csv(
        io.StringIO(
            HEADER + '1.2.1,,PT,lower,"below the subsistence minimum, SDG 1.2 halves it",'
            "SDG target 1.2\n9.1.2,*,*,neutral,a transport volume,curated: sdgdash\n"
        ),
        dtype=str,
        keep_default_na=False,
    )
    assert_frame_equal(load_directions(path), want)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("1.2.1,,PT,better,why,SDG target 1.2\n", r"line 2: unknown direction 'better'"),
        ("1.2.1,,PT,lower,,SDG target 1.2\n", r"line 2: empty rationale"),
        ("1.2.1,,PT,lower,  ,SDG target 1.2\n", r"line 2: empty rationale"),
        ("1.2.1,,PT,lower,why,\n", r"line 2: empty source"),
        (",,PT,lower,why,SDG target 1.2\n", r"line 2: empty indicator_id"),
        (
            "1.2.1,,PT,lower,why,SDG target 1.2\n3.1.1,,,lower,why,SDG target 3.1\n"
            "1.2.1,,PT,higher,why not,curated: sdgdash\n",
            r"line 4: duplicate key \('1.2.1', '', 'PT'\) \(first on line 2\)",
        ),
        ("1.2.1,,PT,lower,why,SDG target 1.2,extra\n", r"line 2: more fields"),
    ],
)
def test_load_directions_rejects_a_bad_row_naming_file_and_line(tmp_path, body, message) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(ValueError, match=message) as info:
        load_directions(path)
    assert str(path) in str(info.value)


def test_load_directions_rejects_a_missing_column(tmp_path) -> None:
    path = tmp_path / "indicator_direction.csv"
    path.write_text("indicator_id,series,unit,direction,source\n1.2.1,,PT,lower,x\n")
    with pytest.raises(ValueError, match=r"line 1: missing columns \['rationale'\]"):
        load_directions(path)


def test_same_key_with_different_series_is_not_a_duplicate(tmp_path) -> None:
    path = _write(
        tmp_path,
        "2.2.2,SN_STA_OVWGTN,PT,lower,overweight,SDG target 2.2\n"
        "2.2.2,_L_KZ_DD_MSD,PT,lower,wasting,SDG target 2.2\n",
    )
    assert len(load_directions(path)) == 2


# --- direction_for precedence ---------------------------------------------------------------


@pytest.fixture
def small(tmp_path) -> pd.DataFrame:
    return load_directions(
        _write(
            tmp_path,
            "A,*,*,higher,any series any unit,x\n"
            "A,S1,*,lower,series S1 in any unit,x\n"
            "A,*,U1,neutral,any series in unit U1,x\n"
            "A,S1,U1,higher,exactly S1 in U1,x\n"
            "B,,PT,lower,no series,x\n"
            "C,,PT,neutral,a size,x\n",
        )
    )


@pytest.mark.parametrize(
    ("indicator_id", "series", "unit", "expected"),
    [
        ("A", "S1", "U1", True),  # exact series and unit beat every "*"
        ("A", "S1", "U2", False),  # exact series + "*" unit
        ("A", "S2", "U1", None),  # "*" series + exact unit (neutral)
        ("A", "S2", "U2", True),  # only "*", "*" matches
        ("B", "", "PT", False),
        ("B", "", "", None),  # unit not curated
        ("B", "S1", "PT", None),  # series not curated
        ("C", "", "PT", None),  # neutral
        ("Z", "", "PT", None),  # indicator not curated
    ],
)
def test_direction_for_prefers_exact_matches(small, indicator_id, series, unit, expected) -> None:
    assert direction_for(small, indicator_id, series, unit) is expected
