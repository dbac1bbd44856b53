"""Tests for sdgdash.ingest: tables, repair and drop rules, determinism, atomicity, real data."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from sdgdash.ingest import BuildError, build
from sdgdash.ingest.__main__ import main
from sdgdash.ingest.observations import CONFLICT_DUP as CONFLICT
from tests.fixtures.opensdg_repo import COMMIT, write_data_dir, write_repo

REPO = Path(__file__).resolve().parents[3]
REAL_SOURCE = REPO.parent / "shared" / "sources" / "kazstat-sdg-data"
DIMS = [
    "series",
    "unit",
    "sex",
    "age",
    "urbanisation",
    "education_lev",
    "income_wealth_quantile",
    "activity",
    "composite_breakdown",
]


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, dict]:
    """Build the fixture repository once into tmp_path/data."""
    source = write_repo(tmp_path)
    data = write_data_dir(tmp_path)
    report = build(source, data, tmp_path / "geodata", skip_geodata=True, check_app=False)
    return source, data, report


def _obs(rows: list[tuple]) -> pd.DataFrame:
    """Expected observations from (id, goal, target, year, ref_area, unit, sex, value, file, row
    [, conflict_of])."""
    records = []
    for ind, goal, target, year, area, unit, sex, value, file, row, *conflict in rows:
        rec = {"indicator_id": ind, "goal": goal, "target": target, "year": year, "ref_area": area}
        rec.update({d: "" for d in DIMS})
        rec.update(unit=unit, sex=sex, value=value, source_file=f"data/{file}", source_row=row)
        rec["conflict_of"] = conflict[0] if conflict else None
        rec["placeholder"] = None
        records.append(rec)
    frame = pd.DataFrame(records)
    return frame.astype(
        {
            "goal": "int8",
            "year": "int16",
            "value": "float64",
            "source_row": "int32",
            "conflict_of": "Int32",
            "placeholder": "str",
        }
    )


def _snapshot(*dirs: Path) -> dict[str, bytes]:
    """Map every file under dirs to its bytes."""
    return {str(p): p.read_bytes() for d in dirs for p in sorted(d.rglob("*")) if p.is_file()}


def test_observations(built: tuple[Path, Path, dict]) -> None:
    _, data, _ = built
    actual = pd.read_parquet(data / "observations.parquet")
    expected = _obs(
        [
            ("1.2.1", 1, "1.2", 2020, "", "PT", "", 6.5, "indicator_1-2-1.csv", 2),
            ("1.2.1", 1, "1.2", 2020, "KZAKM", "PT", "", 7.0, "indicator_1-2-1.csv", 3),
            ("1.2.1", 1, "1.2", 2020, "KZALA", "PT", "M", 3.5, "indicator_1-2-1.csv", 4),
            ("1.2.1", 1, "1.2", 2020, "KZAKM", "PT", "", 9.9, "indicator_1-2-1.csv", 9, 3),
            ("1.2.1", 1, "1.2", 2021, "KZUKK", "PT", "", 1.25, "indicator_1-2-1.csv", 10),
            ("4.c.1.2", 4, "4.c", 2019, "", "PT", "", 32.8, "indicator_4-c-1-2.csv", 2),
            ("4.c.1.2", 4, "4.c", 2019, "KZAKM", "PT", "", 29.7, "indicator_4-c-1-2.csv", 3),
            ("16.3.3.1", 16, "16.3", 2018, "", "PT", "", 12.0, "indicator_16-3-3-1.csv", 2),
            ("16.3.3.1", 16, "16.3", 2019, "", "PT", "", 13.0, "indicator_16-3-3-1.csv", 3),
            ("16.3.3.1", 16, "16.3", 2020, "", "PT", "", 14.0, "indicator_16-3-3-1.csv", 4),
        ]
    )
    assert_frame_equal(actual, expected, check_dtype=False)
    assert [str(t) for t in actual.dtypes[["goal", "year", "value", "source_row"]]] == [
        "int8",
        "int16",
        "float64",
        "int32",
    ]


def test_report_rules(built: tuple[Path, Path, dict]) -> None:
    _, data, report = built
    written = json.loads((data / "build_report.json").read_text(encoding="utf-8"))
    assert written == {k: v for k, v in report.items() if k != "refresh"}
    f121 = report["files"]["data/indicator_1-2-1.csv"]
    assert (f121["rows_read"], f121["rows_kept"], f121["rows_dropped"]) == (10, 5, 5)
    assert f121["dropped"] == {
        "blank line": 1,
        "empty value": 1,
        "non-numeric value": 1,
        "exact duplicate": 1,
        "short row: fields cannot be aligned to the header unambiguously": 1,
    }
    assert f121["flagged"] == {CONFLICT: 1} and f121["rows_flagged"] == 1
    assert f121["examples"]["non-numeric value"] == [{"line": 7, "raw": "n/a"}]
    assert f121["repaired"] == {"surrounding whitespace stripped": 1}
    assert f121["file_repairs"] == ["UTF-8 byte order mark removed"]
    assert [(d["line"], d["kept_line"], d["reason"]) for d in f121["duplicates"]] == [
        (8, 3, "exact duplicate"),
        (9, 3, CONFLICT),
    ]
    f4c = report["files"]["data/indicator_4-c-1-2.csv"]
    assert f4c["repaired"] == {"short row: missing empty REF_AREA field restored": 1}
    assert f4c["line_endings"] == "CRLF"
    f16 = report["files"]["data/indicator_16-3-3-1.csv"]
    assert f16["repaired"] == {
        "column 'Units' read as UNIT_MEASURE": 3,
        "trailing empty fields beyond the header removed": 1,
    }
    assert f16["non_schema_columns"][0]["non_empty_values"] == 1
    assert f16["non_schema_columns"][0]["examples"] == ["x"]
    totals = report["totals"]
    assert (totals["rows_read"], totals["rows_kept"], totals["rows_dropped"]) == (15, 10, 5)
    assert totals["balanced"] is True
    assert (totals["regional_rows_read"], totals["regional_rows_kept"]) == (8, 5)
    assert report["unknown_codes"] == {
        "ref_area": {"KZUKK": {"rows": 1, "files": ["data/indicator_1-2-1.csv"]}}
    }
    skipped = {s["path"] for s in report["skipped"]}
    assert skipped == {"data/indicator_3-1-1.xlsx", "meta/2.3.1.docx", "meta/en"}
    assert report["source"]["commit"] == COMMIT
    assert report["source"]["repository"] == "https://github.com/kazstat/sdg-data-kazstat"
    assert report["source"]["origins"] == {"commit": "SOURCE.txt", "repository": "SOURCE.txt"}
    assert report["metadata"]["meta_without_data"] == ["2-1-1"]
    assert report["metadata"]["translation_fallbacks"]["kk"] == 1
    md = (data / "BUILD_REPORT.md").read_text(encoding="utf-8")
    assert "rows read 15 = kept 10 + dropped 5" in md
    readme = (data / "README.md").read_text(encoding="utf-8")
    assert COMMIT in readme and "github.com/kazstat/sdg-data-kazstat" in readme
    assert (data / "LICENSE.kazstat-sdg-data-kazstat.txt").read_text().startswith("MIT License")
    assert report["source"]["licence"] == "MIT License, see LICENSE.kazstat-sdg-data-kazstat.txt"


def test_metadata_tables(built: tuple[Path, Path, dict]) -> None:
    _, data, _ = built
    ind = pd.read_parquet(data / "indicators.parquet")
    assert list(ind["indicator_id"]) == ["1.2.1", "2.1.1", "4.c.1.2", "16.3.3.1"]
    assert list(ind["sort_key"]) == [1, 2, 3, 4]
    row = ind.iloc[0]
    assert (row["name_national_ru"], row["name_global_en"]) == (
        "National 1.2.1 ru",
        "Global 1.2.1 en",
    )
    assert (row["source_data_kk"], row["source_data_en"]) == (
        "Household survey ru",
        "Household survey en",
    )
    assert (row["source_org_kk"], row["custodian"], row["unit"]) == (
        "Ministry of Labour",
        "World Bank (WB)",
        "PT",
    )
    assert list(ind["has_data"]) == [True, False, True, True]
    assert list(ind["has_regional_data"]) == [True, False, True, False]
    assert list(ind["n_obs"]) == [5, 0, 2, 3]
    assert ind["first_year"].isna().tolist() == [False, True, False, False]

    goals = pd.read_parquet(data / "goals.parquet")
    assert len(goals) == 17
    assert goals.loc[0, ["short_kk", "title_en", "colour"]].tolist() == [
        "No poverty kk",
        "End poverty en",
        "#E5243B",
    ]

    codes = pd.read_parquet(data / "codes.parquet")
    # sex _T is in the ru file only: its kk and en labels come from curated/code_labels.csv.
    expected = pd.DataFrame(
        {
            "dimension": ["unit", "sex", "sex", "sex"],
            "code": ["PT", "F", "M", "_T"],
            "label_kk": ["percent kk", "female kk", "male kk", "барлығы"],
            "label_ru": ["percent ru", "female ru", "male ru", "всего ru"],
            "label_en": ["percent en", "female en", "male en", "total"],
        }
    )
    assert_frame_equal(codes, expected, check_dtype=False)

    regions = pd.read_parquet(data / "regions.parquet")
    assert list(regions["ref_area"]) == ["KZAKM", "KZALA", "KZUKK"]
    assert list(regions["kind"]) == ["region", "city_republican", "unknown"]
    assert regions.loc[1, "name_ru"] == "г.Алматы"
    assert regions.loc[2, "name_en"] == "KZUKK"
    assert pd.isna(regions.loc[2, "boundary_2022"])


def test_deterministic_and_curated_kept(
    built: tuple[Path, Path, dict], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same input and same previous data (the refresh report compares with it), same build
    time (SOURCE_DATE_EPOCH): byte-identical data/."""
    source, data, _ = built
    (tmp_path / "geodata").mkdir()
    (tmp_path / "geodata" / "keep.txt").write_text("untouched")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1729755530")
    for _ in range(2):  # the second build's previous data is the first's, like the third's
        build(source, data, tmp_path / "geodata", skip_geodata=True, check_app=False)
    first = _snapshot(data)
    build(source, data, tmp_path / "geodata", skip_geodata=True, check_app=False)
    assert _snapshot(data) == first
    report = json.loads((data / "build_report.json").read_text(encoding="utf-8"))
    assert report["built_at"] == "2024-10-24T07:38:50Z"
    assert (data / "curated" / "regions.csv").is_file()
    assert (tmp_path / "geodata" / "keep.txt").read_text() == "untouched"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "geodata", "source"]


BAD_FILES = {
    "bad encoding": (b"Year,Value\n2020,1\n2021,\xff\xfe\n", 3),
    "extra non-empty field": (b"Year,Value\n2020,1\n2021,2,3\n", 3),
    "missing Value header": (b"Year,Amount\n2020,1\n", 1),
    "non-numeric year": (b"Year,Value\n2020,1\n20x1,2\n", 3),
    "empty file": (b"", 1),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_malformed_file_stops_build(
    built: tuple[Path, Path, dict], tmp_path: Path, case: str
) -> None:
    source, data, _ = built
    content, line = BAD_FILES[case]
    (source / "data" / "indicator_2-1-1.csv").write_bytes(content)
    before = _snapshot(data)
    with pytest.raises(BuildError, match=rf"data/indicator_2-1-1\.csv: line {line}:"):
        build(source, data, tmp_path / "geodata", skip_geodata=True, check_app=False)
    assert _snapshot(data) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "source"]


def test_cli_exit_code(
    built: tuple[Path, Path, dict], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, data, _ = built
    (source / "data" / "indicator_2-1-1.csv").write_bytes(b"Year,Value\n2020,1\n2021,2,3\n")
    args = ["--source", str(source), "--data-dir", str(data), "--geodata-dir", str(tmp_path / "g")]
    assert main([*args, "--skip-geodata"]) == 2
    assert "indicator_2-1-1.csv: line 3" in capsys.readouterr().err


def test_missing_curated_regions_fails(tmp_path: Path) -> None:
    source = write_repo(tmp_path)
    with pytest.raises(BuildError, match="regions.csv"):
        build(source, tmp_path / "data", tmp_path / "geodata", skip_geodata=True, check_app=False)


def _real_inputs() -> tuple[pd.DataFrame, dict]:
    """The committed observations and build report, skipping when absent."""
    if not REAL_SOURCE.is_dir() or not (REPO / "data" / "observations.parquet").is_file():
        pytest.skip("real source or built data/ not available")
    obs = pd.read_parquet(REPO / "data" / "observations.parquet")
    report = json.loads((REPO / "data" / "build_report.json").read_text(encoding="utf-8"))
    return obs, report


def test_real_regional_rows_kept_with_same_value() -> None:
    obs, report = _real_inputs()
    kept = {
        (f, int(r)): v
        for f, r, v in zip(obs["source_file"], obs["source_row"], obs["value"], strict=True)
    }
    checked = 0
    for path in sorted((REAL_SOURCE / "data").glob("indicator_*.csv")):
        rel = f"data/{path.name}"
        dups = {d["line"]: d for d in report["files"][rel]["duplicates"]}
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        header = [h.replace("Units", "UNIT_MEASURE") for h in rows[0]]
        if "REF_AREA" not in header:
            continue
        area, value = header.index("REF_AREA"), header.index("Value")
        for line, row in enumerate(rows[1:], start=2):
            if len(row) != len(header) or not row[area].strip():
                continue
            try:
                number = float(row[value])
            except ValueError:
                continue
            checked += 1
            if (rel, line) in kept:
                assert kept[(rel, line)] == number, (rel, line)
            else:
                # Only a later exact duplicate of a kept row may be missing, and it is listed.
                assert dups[line]["reason"] == "exact duplicate", (rel, line)
                assert dups[line]["value"] == number == dups[line]["kept_value"], (rel, line)
                assert (dups[line]["kept_file"], dups[line]["kept_line"]) in kept
    assert checked > 38000


def test_real_report_balances() -> None:
    obs, report = _real_inputs()
    for name, f in report["files"].items():
        assert f["rows_read"] == f["rows_kept"] + f["rows_dropped"], name
        assert f["rows_kept"] == int((obs["source_file"] == name).sum()), name
    totals = report["totals"]
    assert totals["rows_read"] == 45594
    assert totals["rows_kept"] == len(obs)
    assert totals["balanced"] is True
    assert {"KZUKK", "KZDMB", "KZAYB", "KZAP"} <= set(report["unknown_codes"]["ref_area"])


PLACEHOLDER_CSV = (
    "Year,UNIT_MEASURE,REF_AREA,Value\n"
    "2022,PT_BY_2005,,159.8\n"
    "2022,PT_BY_2005,KZAKM,0.0\n"
    "2023,PT_BY_2005,KZAKM,0\n"
    "2023,PT_BY_2005,KZALA,0\n"
    "2023,PT_BY_2005,,165.7\n"
)


def test_listed_placeholder_is_kept_flagged_and_counted(tmp_path: Path) -> None:
    source = write_repo(tmp_path)
    (source / "data" / "indicator_2-1-1.csv").write_text(PLACEHOLDER_CSV, encoding="utf-8")
    data = write_data_dir(
        tmp_path, "2.1.1,,PT_BY_2005,KZAKM,2022,2023,0,border_change,fixture: split region\n"
    )
    report = build(source, data, tmp_path / "geodata", skip_geodata=True, check_app=False)
    obs = pd.read_parquet(data / "observations.parquet")
    rows = obs[obs.indicator_id == "2.1.1"]
    got = rows[["year", "ref_area", "value", "source_row", "placeholder"]]
    want = pd.DataFrame(
        [
            (2022, "", 159.8, 2, None),
            (2022, "KZAKM", 0.0, 3, "border_change"),
            (2023, "KZAKM", 0.0, 4, "border_change"),
            # Same value, not listed: KZALA's 0 stays an ordinary value.
            (2023, "KZALA", 0.0, 5, None),
            (2023, "", 165.7, 6, None),
        ],
        columns=["year", "ref_area", "value", "source_row", "placeholder"],
    ).astype({"year": "int16", "source_row": "int32", "placeholder": "str"})
    assert_frame_equal(got.reset_index(drop=True), want)
    f = report["files"]["data/indicator_2-1-1.csv"]
    reason = "placeholder value, kept and flagged (placeholder = curated reason)"
    assert (f["rows_read"], f["rows_kept"], f["rows_dropped"]) == (5, 5, 0)
    assert f["flagged"] == {reason: 2} and f["rows_flagged"] == 2
    assert [(p["line"], p["curated_line"]) for p in f["placeholders"]] == [(3, 2), (4, 2)]
    totals = report["totals"]
    assert totals["flagged"][reason] == 2
    assert totals["rows_flagged"] == 3  # the fixture's one conflicting duplicate + 2
    assert totals["balanced"] is True
    (entry,) = report["placeholders"]["entries"]
    assert (entry["source_file"], entry["source_lines"], entry["reason"]) == (
        "data/indicator_2-1-1.csv",
        [3, 4],
        "border_change",
    )
    md = (data / "BUILD_REPORT.md").read_text(encoding="utf-8")
    assert f"Rows kept but flagged: 3: {CONFLICT}: 1; {reason}: 2." in md
    assert (
        "| 2 | 2.1.1 | `` | `PT_BY_2005` | KZAKM | 2022-2023 | 0 | border_change"
        " | data/indicator_2-1-1.csv | 3, 4 |" in md
    )


def test_curated_labels_fill_russian_only_codes_and_are_counted(
    built: tuple[Path, Path, dict],
) -> None:
    _, data, report = built
    info = report["curated_labels"]["codes"]
    assert info["filled"] == {
        "kk": {"Translation by the sdgdash team": 1},
        "en": {"United Nations, fixture citation": 1},
    }
    assert info["still_missing"] == {"kk": [], "en": []}
    md = (data / "BUILD_REPORT.md").read_text(encoding="utf-8")
    assert "| kk | 1 | translation by the sdgdash team |" in md
    assert "| en | 1 | the UN's official wording |" in md


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("sex,_T,барлығы,,,no source\n", "line 2: empty source"),
        ("sex,_T,,всего,Translation by the sdgdash team,x\n", "line 2: label_en has Cyrillic"),
        (
            "sex,_T,барлығы,,Translation by the sdgdash team,x\n"
            "sex,_T,жалпы,,Translation by the sdgdash team,x\n",
            "line 3: a second label_kk",
        ),
    ],
)
def test_bad_curated_label_stops_build(tmp_path: Path, rows: str, message: str) -> None:
    source = write_repo(tmp_path)
    header = "dimension,code,label_kk,label_en,source,rationale\n"
    data = write_data_dir(tmp_path, code_labels=header + rows)
    with pytest.raises(BuildError, match=f"code_labels.csv: {message}") as err:
        build(source, data, tmp_path / "geodata", skip_geodata=True, check_app=False)
    (problem,) = err.value.problems.blocking
    assert problem.file == "curated/code_labels.csv"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        # An update translated F: the platform's text is used, the curated one left unused.
        (
            "sex,F,әйел,,Translation by the sdgdash team,x\n",
            "the platform gives label_kk of sex F ('female kk'); a curated text never replaces "
            "it: the platform's text is used, remove label_kk from the row",
        ),
        # An update retired the code: the row has nothing to label.
        (
            "sex,XX,икс,,Translation by the sdgdash team,x\n",
            "sex XX is not in the data: row unused",
        ),
    ],
)
def test_a_curated_label_the_data_has_no_use_for_warns_and_swaps(
    tmp_path: Path, row: str, message: str
) -> None:
    """A refresh must not stop on a label row that an update made unnecessary (issue 15)."""
    source = write_repo(tmp_path)
    header = "dimension,code,label_kk,label_en,source,rationale\n"
    data = write_data_dir(tmp_path, code_labels=header + row)
    report = build(source, data, tmp_path / "geodata", skip_geodata=True, check_app=False)
    warned = [p for p in report["problems"] if p["file"] == "curated/code_labels.csv"]
    assert [(p["severity"], p["line"], p["message"]) for p in warned] == [("warning", 2, message)]
    codes = pd.read_parquet(data / "codes.parquet").set_index(["dimension", "code"])
    assert codes.loc[("sex", "F"), "label_kk"] == "female kk"  # never overwritten
    assert ("sex", "XX") not in codes.index


def test_real_build_leaves_no_russian_only_label() -> None:
    """The committed tables: every code label and indicator name the app shows has a real kk and
    en text, except codes whose meaning is unknown (labelled with the code itself)."""
    report = json.loads((REPO / "data" / "build_report.json").read_text(encoding="utf-8"))
    labels = report["curated_labels"]
    unknown = {f"{dim} {code}" for dim, codes in report["unknown_codes"].items() for code in codes}
    for part in ("codes", "indicators"):
        for lang, keys in labels[part]["still_missing"].items():
            assert set(keys) <= unknown, (part, lang, keys)
    codes = pd.read_parquet(REPO / "data" / "codes.parquet")
    row = codes[codes["code"] == "AG_LND_FRSTMGT"].iloc[0]
    assert row["label_en"] == "Proportion of forest area with a long-term management plan"


def test_region_names_need_their_source(tmp_path: Path) -> None:
    """A name written in regions.csv ("Ақмола облысы") is used only with the source it comes
    from; without one the build stops at that line."""
    source = write_repo(tmp_path)
    data = write_data_dir(tmp_path)
    header = (
        "ref_area,kind,parent,iso_3166_2,boundary_2022,boundary_2018,boundary_2014,"
        "name_kk,name_ru,name_en,name_source,source\n"
    )
    rows = (
        "KZAKM,region,,KZ-AKM,KZAKM,KZAKM,KZAKM,Ақмола облысы,Акмолинская область,"
        "Akmola region,{src},test fixture\n"
        "KZALA,city_republican,,KZ-ALA,KZALA,KZALA,KZALA,,,,,test fixture\n"
    )
    regions_csv = data / "curated" / "regions.csv"
    regions_csv.write_text(header + rows.format(src=""), encoding="utf-8")
    with pytest.raises(BuildError, match="regions.csv: line 2: names given for KZAKM without"):
        build(source, data, tmp_path / "geodata", skip_geodata=True, check_app=False)
    regions_csv.write_text(header + rows.format(src="Bureau of National Statistics"), "utf-8")
    report = build(source, data, tmp_path / "geodata", skip_geodata=True, check_app=False)
    regions = pd.read_parquet(data / "regions.parquet").set_index("ref_area")
    assert regions.loc["KZAKM", ["name_kk", "name_ru", "name_en"]].tolist() == [
        "Ақмола облысы",
        "Акмолинская область",
        "Akmola region",
    ]
    assert "names: Bureau of National Statistics" in regions.loc["KZAKM", "note"]
    assert report["regions"]["name_overrides"] == {"kk": 1, "ru": 1, "en": 1}
