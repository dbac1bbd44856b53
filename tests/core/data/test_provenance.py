"""The data's source version as the overview, the attribution, downloads and slides say it."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sdgdash.data import provenance
from sdgdash.i18n import LANGS, t
from tests.conftest import REPO

COMMITTED = json.loads((REPO / "data" / "build_report.json").read_text(encoding="utf-8"))
# What a build of a copy without .git, SOURCE.txt or --source-* records (issue 15).
UNVERSIONED = {
    "source": {
        "repository": None,
        "commit": None,
        "date": None,
        "version": "unknown source version",
        "licence_file": None,
        "licence": "unknown: the source copy has no LICENSE file",
    },
    "built_at": "2026-12-01T10:53:14Z",
}


def test_the_committed_build_names_repository_commit_dates_and_licence() -> None:
    v = provenance.data_version(COMMITTED)
    source = COMMITTED["source"]
    assert v.known and v.commit == source["commit"] and v.short_commit == source["commit"][:10]
    assert v.repository == source["repository"] and v.repository.startswith("https://")
    assert v.commit_date == dt.date.fromisoformat(source["date"][:10])
    assert v.built_at == dt.date.fromisoformat(COMMITTED["built_at"][:10])
    assert v.licence_file == source["licence_file"]
    assert (REPO / "data" / v.licence_file).is_file()
    assert provenance.licence_text(v, "en") == f"{v.licence} ({v.licence_file})"
    assert v.licence == "MIT License"  # read from the source's own LICENSE, not assumed
    assert provenance.version_text(v, "en") == (
        f"commit {v.short_commit} of {v.commit_date.day} October {v.commit_date.year}"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_source_without_identity_says_unknown_source_version(lang: str) -> None:
    v = provenance.data_version(UNVERSIONED)
    unknown = t("refresh_unknown_version", lang)
    assert not v.known and v.commit_date is None
    assert provenance.version_text(v, lang) == unknown
    assert provenance.commit_text(v, lang) == unknown
    assert provenance.footer_text(v, lang) == unknown
    assert provenance.repository_text(v, lang) == t("refresh_repository_unnamed", lang)
    assert provenance.licence_text(v, lang) == t("refresh_licence_unknown", lang)
    caption = provenance.caption(v, lang)
    assert unknown in caption and "2026" in caption and "None" not in caption


def test_the_word_unknown_of_older_builds_is_not_taken_for_a_commit() -> None:
    """Builds before issue 15 wrote "unknown" where the commit was not known."""
    old = {"source": {"repository": "github.com/kazstat/sdg-data-kazstat", "commit": "unknown"}}
    v = provenance.data_version(old)
    assert not v.known and v.built_at is None
    assert provenance.caption(v, "en") == (
        "Data: github.com/kazstat/sdg-data-kazstat, unknown source version; build date not recorded"
    )
