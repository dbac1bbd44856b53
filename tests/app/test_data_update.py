"""What the app says about its data's version and last update, and about curated rows the data
lacks (issue 15), on edited copies of the committed data/ (AppTest)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st

from sdgdash.data import provenance
from sdgdash.data.tags import LINKS_FILE
from sdgdash.i18n import LANGS, t, tn
from sdgdash.ingest.build import SCHEMAS, write_parquet
from sdgdash.ui.safe import WORD_JOINER
from tests.conftest import REPO

RETIRED = "17.8.1"  # an index indicator whose regional rows an update drops (as for 17.3.1.2)


def _plain(text: str) -> str:
    """Markdown shown as text: the escapes and word joiners of sdgdash.ui.safe removed."""
    return text.replace("\\", "").replace(WORD_JOINER, "")


def _texts(at) -> str:
    return "\n".join(
        _plain(e.value) for kind in ("caption", "markdown", "warning") for e in getattr(at, kind)
    )


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An editable copy of data/ that the app reads (its caches cleared before and after)."""
    data = Path(shutil.copytree(REPO / "data", tmp_path / "data"))
    monkeypatch.setenv("SDGDASH_DATA_DIR", str(data))
    monkeypatch.setenv("SDGDASH_GEODATA_DIR", str(REPO / "geodata"))
    st.cache_resource.clear()
    yield data
    st.cache_resource.clear()


def _edit_json(path: Path, change) -> None:
    report = json.loads(path.read_text(encoding="utf-8"))
    change(report)
    path.write_text(json.dumps(report), encoding="utf-8")


def test_overview_names_the_source_version_and_what_the_last_update_changed(app) -> None:
    at = app(None, lang="en")
    assert not at.exception
    build = json.loads((REPO / "data" / "build_report.json").read_text(encoding="utf-8"))
    version = provenance.data_version(build)
    text = _texts(at)
    assert provenance.caption(version, "en") in text
    assert f"commit {version.short_commit} of" in text
    assert "kazstat/sdg-data-kazstat, commit" in text  # the repository read, not assumed
    assert f"licence: MIT License ({version.licence_file})" in text  # attribution
    refresh = json.loads((REPO / "data" / "refresh_report.json").read_text(encoding="utf-8"))
    previous = refresh["previous"]
    assert previous["commit"] == version.commit  # the committed data rebuilt the same version
    before = provenance.data_version({"source": previous, "built_at": previous["built_at"]})
    intro = t(
        "refresh_update_intro_same",
        "en",
        version=provenance.version_text(before, "en"),
        built=provenance.built_text(before, "en"),
    )
    assert "of 24 October 2024" in intro and "data build of " in intro
    assert intro in text
    values = refresh["values"]
    assert f"{values['changed']} of {values['compared']:,} compared values changed" in text


@pytest.mark.parametrize("lang", LANGS)
def test_overview_of_a_source_without_identity_says_unknown_source_version(
    app, data_copy: Path, lang: str
) -> None:
    """A build of a copy without .git or SOURCE.txt, and no refresh report (a first build)."""

    def unversioned(report: dict) -> None:
        report["source"] = {"repository": None, "commit": None, "date": None}

    _edit_json(data_copy / "build_report.json", unversioned)
    (data_copy / "refresh_report.json").unlink()
    at = app(None, lang=lang)
    assert not at.exception
    text = _texts(at)
    unknown = t("refresh_unknown_version", lang)
    assert f"{t('refresh_repository_unnamed', lang)}, {unknown};" in text  # the top caption
    assert text.count(unknown) >= 2  # and the attribution
    assert t("refresh_licence_unknown", lang) in text
    assert t("refresh_update_missing", lang) in text
    assert "unknown," not in text and "None" not in text


def test_overview_of_a_first_build_says_there_is_nothing_to_compare(app, data_copy) -> None:
    def first(report: dict) -> None:
        report.update(previous=None, first_build=True)

    _edit_json(data_copy / "refresh_report.json", first)
    at = app(None, lang="ru")
    assert not at.exception
    assert t("refresh_update_first", "ru") in _texts(at)


def _drop_regional_rows(data: Path, indicator_id: str) -> None:
    """The data as an update leaves it when an indicator is published for Kazakhstan only."""
    obs = pd.read_parquet(data / "observations.parquet")
    keep = (obs["indicator_id"] != indicator_id) | (obs["ref_area"] == "")
    write_parquet(
        obs[keep].reset_index(drop=True), SCHEMAS["observations"], data / "observations.parquet"
    )
    ind = pd.read_parquet(data / "indicators.parquet")
    ind.loc[ind["indicator_id"] == indicator_id, "has_regional_data"] = False
    write_parquet(ind, SCHEMAS["indicators"], data / "indicators.parquet")


@pytest.mark.parametrize("lang", LANGS)
def test_index_page_lists_an_index_indicator_without_data(app, data_copy, lang: str) -> None:
    _drop_regional_rows(data_copy, RETIRED)
    at = app("app_pages/index.py", lang=lang)
    assert not at.exception
    (warning,) = [_plain(w.value) for w in at.warning]
    assert warning.startswith(tn("refresh_index_left_out", 1, lang, n=1))
    assert f"- {RETIRED} " in warning
    assert warning.endswith(t("refresh_reason_no_regional_value", lang))
    if lang == "en":  # the region page goes on without it (it raised ValueError before)
        assert not app("app_pages/region.py", lang=lang).exception


def test_tag_page_and_tag_filter_list_a_link_the_data_lacks(app, data_copy) -> None:
    path = data_copy / "curated" / LINKS_FILE
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[3].startswith("household_waste,indicator,11.6.1,")
    lines[3] = lines[3].replace("11.6.1", "99.9.9", 1)
    path.write_text("".join(lines), encoding="utf-8")
    note = tn("refresh_tag_left_out", 1, "en", n=1)
    item = f"- 99.9.9: {t('refresh_reason_unknown_indicator', 'en')}"
    at = app("app_pages/tag.py", lang="en", tag="household_waste")
    assert not at.exception
    assert note in _texts(at) and item in _texts(at)
    at = app("app_pages/map.py", lang="en", tag="household_waste")
    assert not at.exception
    assert note in "\n".join(_plain(c.value) for c in at.main.caption)  # under the filters
