"""Read-only data outside the app: every page renders from a copy of data/ and geodata/ placed
elsewhere (as a path and as a file:// URI read through DuckDB), and nothing is written, neither
to the data nor to the working tree."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from sdgdash.location import RemoteDir
from sdgdash.ui import cached
from tests.app.conftest import APP, PAGES
from tests.conftest import REPO


def tree_hash(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def worktree_changes() -> str:
    out = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all", "--", ".", ":!artifacts"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


@pytest.fixture(scope="module")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sdgdash-readonly")
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "geodata", root / "geodata")
    return root


@pytest.mark.parametrize("form", ["path", "uri"])
def test_every_page_renders_from_data_outside_the_repo(
    outside: Path, form: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, geodata = outside / "data", outside / "geodata"
    if form == "uri":
        data_env, geo_env = f"file://{data}", f"file://{geodata}"
    else:
        data_env, geo_env = str(data), str(geodata)
    monkeypatch.setenv("SDGDASH_DATA_DIR", data_env)
    monkeypatch.setenv("SDGDASH_GEODATA_DIR", geo_env)
    before = tree_hash(outside), worktree_changes()
    st.cache_resource.clear()
    try:
        for page in PAGES:
            at = AppTest.from_file(APP, default_timeout=60)
            at.query_params["lang"] = "en"
            at.switch_page(page)
            at.run()
            assert not at.exception, (page, at.exception[0].value if at.exception else "")
            assert not at.error, (page, at.error[0].value if at.error else "")
            assert at.markdown or at.title, page
        settings = cached.settings()
        expected = RemoteDir(data_env) if form == "uri" else data
        assert settings.data_dir == expected
    finally:
        st.cache_resource.clear()
    assert (tree_hash(outside), worktree_changes()) == before
