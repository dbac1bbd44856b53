"""Broken input to the data build: a clear error naming file and line, or a counted repair/drop,
and the previous data/ (and geodata/) left byte for byte as they were.

tests/core/test_ingest.py covers bad encoding, an extra non-empty field, a missing Value header,
a non-numeric year and an empty file; this file adds the other kinds.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from sdgdash.ingest import BuildError, build, opensdg
from sdgdash.ingest import geodata as geodata_mod
from sdgdash.ingest.__main__ import main
from tests.fixtures.opensdg_repo import write_data_dir, write_repo

TARGET = "data/indicator_2-1-1.csv"  # the fixture has meta for 2-1-1 but no data: a free slot


def tree_hash(*dirs: Path) -> dict[str, str]:
    """sha256 of every file under dirs (missing dirs give nothing), keyed by path."""
    out = {}
    for d in dirs:
        for p in sorted(d.rglob("*")) if d.exists() else []:
            if p.is_file():
                out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A fixture source, a first good build in data/, and a geodata/ with a file to keep."""
    source = write_repo(tmp_path)
    data = write_data_dir(tmp_path)
    geo = tmp_path / "geodata"
    geo.mkdir()
    (geo / "regions_2022.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    build(source, data, geo, skip_geodata=True, check_app=False)
    return source, data, geo


def fails_cleanly(repo, pattern: str, **kwargs) -> str:
    """Run the build, expect a BuildError matching pattern, and data/ + geodata/ unchanged."""
    source, data, geo = repo
    before = tree_hash(data, geo)
    with pytest.raises(BuildError, match=pattern) as info:
        build(source, data, geo, **({"skip_geodata": True, "check_app": False} | kwargs))
    assert tree_hash(data, geo) == before
    leftovers = [p.name for p in data.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == [], leftovers  # no half-built temp dir left beside data/
    return str(info.value)


BROKEN_CSV: dict[str, tuple[bytes, str]] = {
    # kind: (file content, the error must match this (file and line are checked too))
    "semicolon delimiter": (
        b"Year;REF_AREA;Value\n2020;KZAKM;1,5\n",
        r"line 1: header has no 'Year' column \(fields look separated by semicolons",
    ),
    "tab delimiter": (b"Year\tValue\n2020\t1\n", r"line 1: .*separated by tabs"),
    "duplicate header column": (b"Year,Value,Value\n2020,1,2\n", r"line 1: column 'Value'"),
    "blank header row": (b",,\n2020,1,2\n", r"line 1: empty header row"),
    "truncated mid quoted field": (
        b'Year,REF_AREA,Value\n2020,KZAKM,1\n2021,"KZA',
        r"line 3: unreadable CSV",
    ),
    "truncated mid multibyte char": (
        "Year,REF_AREA,Value,Comment\n2020,KZAKM,1,ok\n2021,KZAKM,2,Карағ".encode()[:-1],
        r"line 3: undecodable bytes \(not UTF-8\)",
    ),
    "latin-1 export": ("Year,Value,Note\n2020,1,café\n".encode("latin-1"), r"line 2: undecodable"),
    "NUL byte": (b"Year,Value\n2020,1\x00\n", r"line 2: NUL byte"),
    "year not a number": (b"Year,Value\n2020,1\n2021-22,2\n", r"line 3: unparsable Year"),
}


@pytest.mark.parametrize("kind", list(BROKEN_CSV))
def test_broken_csv_stops_build(repo, kind: str) -> None:
    source, _, _ = repo
    content, pattern = BROKEN_CSV[kind]
    (source / TARGET).write_bytes(content)
    message = fails_cleanly(repo, re.escape(TARGET) + ": " + pattern)
    assert message.startswith("Blocking problems: 1\n")


def test_huge_file_is_refused_before_reading(repo, monkeypatch: pytest.MonkeyPatch) -> None:
    source, _, _ = repo
    row = b"2020,KZAKM,12.5\n"
    size = opensdg.MAX_CSV_BYTES + 1
    with (source / TARGET).open("wb") as f:  # generated, just over the real limit
        f.write(b"Year,REF_AREA,Value\n")
        f.write(row * (size // len(row) + 1))
    read = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or original(self))
    message = fails_cleanly(repo, re.escape(TARGET) + r": line 1: file is [\d,]+ bytes, over")
    assert f"{opensdg.MAX_CSV_BYTES:,}" in message
    assert not [p for p in read if p.name == Path(TARGET).name]  # not read into memory


def test_truncated_mid_row_is_dropped_and_counted(repo) -> None:
    source, data, _ = repo
    (source / TARGET).write_bytes(b"Year,REF_AREA,SEX,Value\n2020,KZAKM,,4.5\n2021,KZAKM")
    report = build(source, data, repo[2], skip_geodata=True, check_app=False)
    f = report["files"][TARGET]
    assert (f["rows_read"], f["rows_kept"], f["rows_dropped"]) == (2, 1, 1)
    reason = "short row: fields cannot be aligned to the header unambiguously"
    assert f["dropped"] == {reason: 1}
    assert f["examples"][reason] == [{"line": 3, "raw": "2021,KZAKM"}]


def test_non_numeric_values_are_dropped_and_counted(repo) -> None:
    source, data, geo = repo
    (source / TARGET).write_text("Year,Value\n2020,1.5\n2021,n/a\n2022,1 000\n2023,-\n")
    report = build(source, data, geo, skip_geodata=True, check_app=False)
    f = report["files"][TARGET]
    assert f["dropped"] == {"non-numeric value": 3}
    assert [e["line"] for e in f["examples"]["non-numeric value"]] == [3, 4, 5]
    assert report["totals"]["balanced"] is True


def test_duplicate_keys_are_counted_and_flagged(repo) -> None:
    source, data, geo = repo
    (source / TARGET).write_text(
        "Year,REF_AREA,Value\n2020,KZAKM,1\n2020,KZAKM,1\n2020,KZAKM,2\n2020,KZAKM,1\n"
    )
    report = build(source, data, geo, skip_geodata=True, check_app=False)
    f = report["files"][TARGET]
    assert f["dropped"] == {"exact duplicate": 2}
    assert sum(f["flagged"].values()) == 1
    assert [(d["line"], d["kept_line"]) for d in f["duplicates"]] == [(3, 2), (4, 2), (5, 2)]


def test_unknown_codes_are_kept_and_listed(repo) -> None:
    source, data, geo = repo
    (source / TARGET).write_text("Year,REF_AREA,SEX,Value\n2020,KZXXX,Q,1\n")
    report = build(source, data, geo, skip_geodata=True, check_app=False)
    assert report["unknown_codes"]["ref_area"]["KZXXX"] == {"rows": 1, "files": [TARGET]}
    assert "Q" in report["unknown_codes"]["sex"]


def test_header_only_file_builds_with_no_rows(repo) -> None:
    source, data, geo = repo
    (source / TARGET).write_text("Year,Value\n")
    report = build(source, data, geo, skip_geodata=True, check_app=False)
    assert report["files"][TARGET]["rows_read"] == 0


def test_missing_translation_language_stops_build(repo) -> None:
    source, _, _ = repo
    for p in (source / "translations" / "kk").glob("*.yml"):
        p.unlink()
    fails_cleanly(repo, r"translations/kk: line 1: missing or empty")


def test_missing_translation_file_falls_back_and_counts(repo) -> None:
    source, data, geo = repo
    first = build(source, data, geo, skip_geodata=True, check_app=False)["metadata"][
        "translation_fallbacks"
    ]
    (source / "translations" / "kk" / "global_goals.yml").unlink()
    report = build(source, data, geo, skip_geodata=True, check_app=False)
    assert report["metadata"]["translation_fallbacks"]["kk"] > first["kk"]


def test_broken_translation_yaml_names_file_and_line(repo) -> None:
    source, _, _ = repo
    (source / "translations" / "ru" / "SEX.yml").write_text("SEX: Sex\nM: [unclosed\nF: x\n")
    fails_cleanly(repo, r"translations/ru/SEX\.yml: line 3: unreadable YAML")


def test_broken_metadata_yaml_names_file(repo) -> None:
    source, _, _ = repo
    (source / "meta" / "1-2-1.yml").write_text("source_data_1: 'unterminated\n  x: [\n")
    fails_cleanly(repo, r"meta/1-2-1\.yml: line \d+: unreadable YAML")


def test_missing_metadata_is_reported(repo) -> None:
    source, data, geo = repo
    (source / "meta" / "1-2-1.yml").unlink()
    report = build(source, data, geo, skip_geodata=True, check_app=False)
    assert "1-2-1" in report["metadata"]["data_without_meta"]


GEOJSON_BROKEN = {
    "truncated": (
        '{"type": "FeatureCollection",\n "features": [{"type": "Feat',
        r"line 2: invalid",
    ),
    "not json": ("<html>\n<body>404</body>\n", r"line 1: invalid GeoJSON"),
    "no features": ('{"type": "Feature", "geometry": null}', r"line 1: not a GeoJSON Feature"),
    "missing": (None, r"line 1: geodata source file missing"),
}


@pytest.mark.parametrize("kind", list(GEOJSON_BROKEN))
def test_broken_geojson_stops_build(repo, tmp_path: Path, kind: str) -> None:
    sources_root = tmp_path / "sources"
    path = sources_root / geodata_mod.BOUNDARIES_2022
    path.parent.mkdir(parents=True)
    text, pattern = GEOJSON_BROKEN[kind]
    if text is not None:
        path.write_text(text, encoding="utf-8")
    fails_cleanly(
        repo, re.escape(str(path)) + ": " + pattern, sources_root=sources_root, skip_geodata=False
    )


def test_cli_reports_file_and_line_and_keeps_data(repo, capsys) -> None:
    source, data, geo = repo
    (source / TARGET).write_bytes(b"Year;Value\n2020;1\n")
    before = tree_hash(data, geo)
    args = ["--source", str(source), "--data-dir", str(data), "--geodata-dir", str(geo)]
    assert main([*args, "--skip-geodata"]) == 2
    err = capsys.readouterr().err
    assert f"{TARGET}: line 1:" in err and "semicolons" in err
    assert tree_hash(data, geo) == before
    # The previous build is still complete and readable.
    report = json.loads((data / "build_report.json").read_text(encoding="utf-8"))
    assert report["totals"]["balanced"] is True


# --- data/curated/placeholder_values.csv ---------------------------------------------------

ZEROS = (
    "Year,UNIT_MEASURE,REF_AREA,Value\n2022,PT,KZAKM,0.0\n2023,PT,KZAKM,0.0\n2023,PT,KZALA,4.2\n"
)
BAD_PLACEHOLDERS: dict[str, tuple[str, str]] = {
    # kind: (curated row on line 3 after a good line 2, the error must match this)
    "an unknown reason": ("2.1.1,,PT,KZALA,2023,2023,4.2,typo,x\n", r"reason 'typo' is not one"),
    "a year that is not a year": ("2.1.1,,PT,KZALA,23,2023,4.2,contradicted,x\n", r"year_from"),
    "reversed years": ("2.1.1,,PT,KZALA,2023,2022,4.2,contradicted,x\n", r"is before year_from"),
    "no rationale": ("2.1.1,,PT,KZALA,2023,2023,4.2,contradicted,\n", r"empty rationale"),
    "overlapping years": (
        "2.1.1,,PT,KZAKM,2023,2023,0,contradicted,x\n",
        r"overlaps the years of line 2",
    ),
}


def _with_placeholders(data: Path, *rows: str) -> Path:
    path = data / "curated" / "placeholder_values.csv"
    path.write_text(path.read_text(encoding="utf-8") + "".join(rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", list(BAD_PLACEHOLDERS))
def test_bad_placeholder_row_stops_build_naming_file_and_line(repo, kind: str) -> None:
    source, data, _ = repo
    (source / TARGET).write_text(ZEROS, encoding="utf-8")
    row, pattern = BAD_PLACEHOLDERS[kind]
    _with_placeholders(data, "2.1.1,,PT,KZAKM,2022,2023,0,border_change,fixture\n", row)
    fails_cleanly(repo, r"curated/placeholder_values\.csv: line 3: .*" + pattern)


def test_every_bad_placeholder_row_is_listed_in_one_run(repo) -> None:
    source, data, geo = repo
    (source / TARGET).write_text(ZEROS, encoding="utf-8")
    good = "2.1.1,,PT,KZAKM,2022,2023,0,border_change,fixture\n"
    _with_placeholders(data, good, *(row for row, _ in BAD_PLACEHOLDERS.values()))
    with pytest.raises(BuildError) as info:
        build(source, data, geo, skip_geodata=True, check_app=False)
    lines = [p.line for p in info.value.problems.blocking]
    assert lines == [3, 4, 5, 6, 7]
    assert {p.file for p in info.value.problems.blocking} == {"curated/placeholder_values.csv"}


NO_LONGER_MATCHING: dict[str, tuple[str, str]] = {
    # kind: (curated row on line 2, the warning must match this)
    "a year without a source row": (
        "2.1.1,,PT,KZALA,2022,2023,0,border_change,x\n",
        r"2\.1\.1 KZALA \(series '', unit 'PT'\): no source row in 2022 any more",
    ),
    "a non-zero source value": (
        "2.1.1,,PT,KZALA,2023,2023,0,border_change,x\n",
        r"2\.1\.1 KZALA .* 2023: the source now has 4\.2 \(data/indicator_2-1-1\.csv line 4\), "
        r"not the placeholder 0; the source value is used",
    ),
    "an unknown indicator": ("9.9.9,,PT,KZAKM,2022,2022,0,border_change,x\n", r"no source row"),
    "another unit": ("2.1.1,,NUM,KZALA,2023,2023,4.2,border_change,x\n", r"no source row"),
}


@pytest.mark.parametrize("kind", list(NO_LONGER_MATCHING))
def test_placeholder_row_that_no_longer_matches_is_a_warning(repo, kind: str) -> None:
    """The source corrects or drops a placeholder: the build swaps, uses the source values as
    published and names the curated row to narrow or remove."""
    source, data, geo = repo
    (source / TARGET).write_text(ZEROS, encoding="utf-8")
    row, pattern = NO_LONGER_MATCHING[kind]
    _with_placeholders(data, row)
    report = build(source, data, geo, skip_geodata=True, check_app=False)
    found = [p for p in report["problems"] if p["file"] == "curated/placeholder_values.csv"]
    assert {p["severity"] for p in found} == {"warning"} and {p["line"] for p in found} == {2}
    assert any(re.search(pattern, p["message"]) for p in found), found
    obs = pd.read_parquet(data / "observations.parquet")
    assert obs[obs["source_file"] == TARGET]["placeholder"].isna().all()


def test_placeholder_replaced_by_a_real_value_flags_only_what_still_matches(repo) -> None:
    """KZAKM 2022 is still the placeholder 0, 2023 now has a real value: 2022 stays flagged,
    2023 is drawn, and the warning names the curated line, year, value and source line."""
    source, data, geo = repo
    (source / TARGET).write_text(ZEROS.replace("2023,PT,KZAKM,0.0", "2023,PT,KZAKM,1.5"))
    _with_placeholders(data, "2.1.1,,PT,KZAKM,2022,2023,0,border_change,x\n")
    report = build(source, data, geo, skip_geodata=True, check_app=False)
    obs = pd.read_parquet(data / "observations.parquet")
    mine = obs[(obs["source_file"] == TARGET) & (obs["ref_area"] == "KZAKM")]
    flags = mine.set_index("year")["placeholder"]
    assert flags[2022] == "border_change" and pd.isna(flags[2023])
    (warning,) = [p for p in report["problems"] if p["file"] == "curated/placeholder_values.csv"]
    assert warning["message"].startswith(
        "2.1.1 KZAKM (series '', unit 'PT') 2023: the source now has 1.5 "
        "(data/indicator_2-1-1.csv line 3), not the placeholder 0"
    )


def test_missing_placeholder_table_stops_build(repo) -> None:
    _, data, _ = repo
    (data / "curated" / "placeholder_values.csv").unlink()
    fails_cleanly(repo, r"curated/placeholder_values\.csv: file not found")
