"""The parts of a refresh build that keep a bad update from breaking the app: one run lists every
problem (grouped, with file and line), the source identity is read honestly, and the sanity gates
refuse a source that is not the platform's data. The real-data scenarios are in
tests/core/ingest/test_refresh.py."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from sdgdash.ingest import BuildError, build, identity, sanity
from sdgdash.ingest.__main__ import main
from sdgdash.ingest.problems import Problems
from tests.fixtures.opensdg_repo import COMMIT, write_data_dir, write_repo

GIT = shutil.which("git")


def tree_hash(root: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def fixture_repo(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The small fixture source with a first good build in data/."""
    source = write_repo(tmp_path)
    data = write_data_dir(tmp_path)
    geo = tmp_path / "geodata"
    build(source, data, geo, skip_geodata=True, check_app=False)
    return source, data, geo


# --- problems ------------------------------------------------------------------------------------


def test_problems_are_grouped_with_counts_file_and_line() -> None:
    problems = Problems()
    problems.warn("curated tables", "11.6.1: row unused", "curated/tag_links.csv", 4)
    problems.block("data files", "unparsable Year '20x1'", "data/indicator_1-2-1.csv", 3)
    problems.block("sanity", "no regional rows")
    problems.block("data files", "unparsable Year '20x1'", "data/indicator_1-2-1.csv", 3)  # again
    problems.from_error("data files", BuildError("data/indicator_2-1-1.csv: line 1: empty header"))
    problems.from_error(
        "curated tables", ValueError("tag_links.csv line 7: duplicate link"), folder="curated"
    )
    assert problems.render() == (
        "Blocking problems: 4\n"
        "  data files (2)\n"
        "    - data/indicator_1-2-1.csv: line 3: unparsable Year '20x1'\n"
        "    - data/indicator_2-1-1.csv: line 1: empty header\n"
        "  sanity (1)\n"
        "    - no regional rows\n"
        "  curated tables (1)\n"
        "    - curated/tag_links.csv: line 7: duplicate link\n"
        "\n"
        "Warnings: 1\n"
        "  curated tables (1)\n"
        "    - curated/tag_links.csv: line 4: 11.6.1: row unused\n"
    )
    assert problems.counts() == {
        "blocking": 4,
        "warning": 1,
        "by_group": {
            "blocking": {"data files": 2, "sanity": 1, "curated tables": 1},
            "warning": {"curated tables": 1},
        },
    }
    md = problems.render(markdown=True)
    assert "- `curated/tag_links.csv: line 4`: 11.6.1: row unused" in md


def test_every_broken_file_is_listed_in_one_run(fixture_repo) -> None:
    """Before: the build stopped at the first bad file (98 bad files, 98 runs)."""
    source, data, geo = fixture_repo
    (source / "data" / "indicator_2-1-1.csv").write_text("Year,Value\n2020,1\n20x1,2\n2022,3,4\n")
    (source / "data" / "indicator_16-3-3-1.csv").write_bytes(b"Year;Value\n2020;1\n")
    (source / "data" / "indicator_4-c-1-2.csv").write_bytes(b"Year,Value\n2020,\xff\n")
    (source / "meta" / "1-2-1.yml").write_text("a: [unclosed\n")
    before = tree_hash(data)
    with pytest.raises(BuildError) as info:
        build(source, data, geo, skip_geodata=True, check_app=False)
    assert tree_hash(data) == before
    found = [(p.group, p.file, p.line) for p in info.value.problems.blocking]
    assert found == [
        ("data files", "data/indicator_16-3-3-1.csv", 1),
        ("data files", "data/indicator_2-1-1.csv", 3),
        ("data files", "data/indicator_2-1-1.csv", 4),
        ("data files", "data/indicator_4-c-1-2.csv", 2),
        ("metadata", "meta/1-2-1.yml", 2),
    ]
    assert str(info.value).startswith("Blocking problems: 5\n")


def test_cli_prints_every_problem_and_the_changes_and_keeps_the_data(fixture_repo, capsys) -> None:
    source, data, geo = fixture_repo
    (source / "data" / "indicator_2-1-1.csv").write_text("Year,Value\n20x1,2\n")
    (source / "data" / "indicator_4-c-1-2.csv").write_text(
        "Year,UNIT_MEASURE,REF_AREA,Value\n2019,PT,,33.1\n2019,PT,KZAKM,29.7\n"
    )
    before = tree_hash(data)
    args = ["--source", str(source), "--data-dir", str(data), "--geodata-dir", str(geo)]
    assert main([*args, "--skip-geodata"]) == 2
    err = capsys.readouterr().err
    assert "Blocking problems:" in err and "data/indicator_2-1-1.csv: line 2: unparsable" in err
    assert "pages (" in err  # the fixture has no real regions: the pages would fail
    assert "What changed:\n  Source: https://github.com/kazstat/sdg-data-kazstat @ " in err
    assert "Values: 1 changed of " in err
    assert "Largest change: 4.c.1.2 Kazakhstan 2019: 32.8 -> 33.1" in err
    assert f"Nothing was swapped: {data} is as it was." in err
    assert tree_hash(data) == before


# --- source identity -----------------------------------------------------------------------------


def test_identity_from_source_txt_and_the_command_line(tmp_path: Path) -> None:
    source = write_repo(tmp_path)
    problems = Problems()
    found = identity.read_identity(source, problems)
    assert (found.repository, found.commit, found.date) == (
        "https://github.com/kazstat/sdg-data-kazstat",
        COMMIT,
        None,  # "(test)" in the fixture's SOURCE.txt is not a date
    )
    assert problems.items == []
    given = identity.read_identity(
        source,
        problems,
        name="https://user:secret@example.org/x/y",
        commit="ABC1234",
        date="2025-01-31",
    )
    assert (given.repository, given.commit, given.date) == (
        "https://example.org/x/y",
        "abc1234",
        "2025-01-31",
    )
    assert given.origins == {
        "repository": "command line",
        "commit": "command line",
        "date": "command line",
    }
    assert given.slug("folder") == "x-y"
    identity.read_identity(source, problems, commit="not-a-sha", date="31.01.2025")
    assert [p.severity for p in problems.items] == ["blocking", "blocking"]


@pytest.mark.parametrize(
    ("given", "url"),
    [
        ("github.com/kazstat/sdg-data-kazstat", "https://github.com/kazstat/sdg-data-kazstat"),
        (
            "git@github.com:kazstat/sdg-data-kazstat.git",
            "https://github.com/kazstat/sdg-data-kazstat",
        ),
        ("https://bot:tok@gitlab.example.org/a/b.git/", "https://gitlab.example.org/a/b"),
        ("Kazstat SDG data", "Kazstat SDG data"),
    ],
)
def test_repository_becomes_an_address_to_open_without_credentials(given: str, url: str) -> None:
    assert identity.repository_url(given) == url


def test_unknown_identity_is_said_not_invented(tmp_path: Path) -> None:
    source = write_repo(tmp_path)
    (source / "SOURCE.txt").unlink()
    problems = Problems()
    found = identity.read_identity(source, problems)
    assert found.version() == identity.UNKNOWN_VERSION and found.commit is None
    assert found.to_dict()["commit"] is None
    (warning,) = problems.warnings
    assert "--source-commit" in warning.message


@pytest.fixture
def git_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture source as a git clone: one commit, a remote with credentials in its URL."""
    if GIT is None:
        pytest.skip("git is not installed")
    source = write_repo(tmp_path)
    (source / "SOURCE.txt").unlink()
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": "2025-03-04T10:00:00+05:00",
        "GIT_COMMITTER_DATE": "2025-03-04T10:00:00+05:00",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)

    def git(*args: str) -> str:
        return subprocess.run(
            [GIT, "-C", str(source), *args], check=True, capture_output=True, text=True
        ).stdout.strip()

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "data")
    git("remote", "add", "origin", "https://bot:token123@github.com/kazstat/sdg-data-kazstat.git")
    return source


def test_identity_from_git_with_and_without_the_git_program(
    git_source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sha = subprocess.run(
        [GIT, "-C", str(git_source), "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    problems = Problems()
    with_git = identity.read_identity(git_source, problems)
    assert (with_git.repository, with_git.commit, with_git.date) == (
        "https://github.com/kazstat/sdg-data-kazstat",  # no credentials, an address to open
        sha,
        "2025-03-04T10:00:00+05:00",
    )
    assert with_git.origins == {"repository": "git", "commit": "git", "date": "git"}
    assert with_git.slug("folder") == "kazstat-sdg-data-kazstat"
    assert problems.items == []
    monkeypatch.setattr(identity.shutil, "which", lambda name: None)
    from_files = identity.read_identity(git_source, Problems())
    assert from_files == with_git


def test_local_changes_in_a_git_source_are_a_warning(git_source: Path) -> None:
    (git_source / "data" / "indicator_1-2-1.csv").write_text("Year,Value\n2020,1\n")
    problems = Problems()
    identity.read_identity(git_source, problems)
    (warning,) = problems.warnings
    assert warning.message.startswith("the source folder has 1 uncommitted change(s) in data")


def test_a_build_from_a_git_clone_records_its_commit_and_licence(
    git_source: Path, tmp_path: Path
) -> None:
    data = write_data_dir(tmp_path / "out")
    report = build(git_source, data, tmp_path / "geodata", skip_geodata=True, check_app=False)
    assert report["source"]["origins"]["commit"] == "git"
    assert report["source"]["licence_file"] == "LICENSE.kazstat-sdg-data-kazstat.txt"
    written = json.loads((data / "build_report.json").read_text(encoding="utf-8"))
    assert "token123" not in json.dumps(written)


def test_build_time_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert identity.built_at() == "1970-01-01T00:00:00Z"


# --- sanity gates --------------------------------------------------------------------------------


def _obs(n: int, ref_area: str = "KZAKM", conflicts: int = 0, sex: str = "") -> pd.DataFrame:
    rows = pd.DataFrame(
        {
            "indicator_id": "1.2.1",
            "ref_area": ref_area,
            "series": "",
            "unit": "PT",
            "sex": sex,
            "age": "",
            "urbanisation": "",
            "education_lev": "",
            "income_wealth_quantile": "",
            "activity": "",
            "composite_breakdown": "",
            "source_file": "data/indicator_1-2-1.csv",
            "conflict_of": pd.array([2] * conflicts + [None] * (n - conflicts), dtype="Int32"),
        },
        index=range(n),
    )
    return rows


KNOWN = {"REF_AREA": {"KZAKM"}, "UNIT_MEASURE": {"PT"}, "SEX": {"F", "M"}}


def _gates(obs: pd.DataFrame, dropped: int = 0) -> list[str]:
    report = {
        "totals": {
            "rows_read": len(obs) + dropped,
            "rows_dropped": dropped,
            "dropped": {"blank line": dropped},
        }
    }
    problems = Problems()
    sanity.check_tables(obs, report, KNOWN, {"KZAKM"}, problems)
    assert all(p.severity == "blocking" for p in problems.items)
    return [p.message.split(":")[0].split(" (")[0] for p in problems.items]


def test_sanity_gates_pass_plausible_data_and_refuse_implausible_data() -> None:
    assert _gates(_obs(1000, conflicts=20)) == []  # 2 % conflicts
    assert _gates(_obs(1000, ref_area="")) == ["no regional rows"]
    assert _gates(_obs(1000, conflicts=60))[0].startswith("60 of 1000 rows kept")
    assert _gates(_obs(1000, sex="Q"))[0].startswith("1000 of 1000 rows kept")
    # Another country's region codes: unknown to the translations and to regions.csv.
    assert [m[:26] for m in _gates(_obs(1000, ref_area="E12000001"))] == [
        "1000 of 1000 rows kept",
        "1000 of 1000 regional rows",
    ]
    assert _gates(_obs(1000), dropped=400)[0].startswith("400 of 1400 rows read")
    assert _gates(_obs(100, conflicts=60)) == []  # too few rows for a share to mean anything


def test_layout_gate_names_what_the_folder_has_instead(tmp_path: Path) -> None:
    (tmp_path / "sdmx").mkdir()
    for name in ("a.xml", "b.xml"):
        (tmp_path / "sdmx" / name).write_text("<x/>")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "1-4-1.csv").write_text("Year,Value\n")
    problems = Problems()
    assert sanity.check_layout(tmp_path, problems) is False
    (problem,) = problems.items
    assert (
        "Found instead: 2 SDMX or other XML files (sdmx/a.xml, sdmx/b.xml); 1 CSV files not"
        " named data/indicator_<id>.csv (data/1-4-1.csv)." in problem.message
    )
