"""Which source version the data was built from, and when, as the overview, the attribution,
every download's metadata sheet and every slide footer say it (pure).

Read from ``build_report.json`` (``source`` and ``built_at``, written by ``sdgdash.ingest``). A
build that could not tell the commit (a copy without ``.git`` or ``SOURCE.txt``) says "unknown
source version" in words, never a bare ``unknown`` where a commit would stand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sdgdash.i18n import fmt_date, t

SHORT_COMMIT = 10
# Builds before issue 15 wrote this word where the commit was not known.
_NOT_A_COMMIT = {"", "unknown", "none", "null"}


@dataclass(frozen=True)
class DataVersion:
    """The source repository, commit and commit date of the data, the build time and licence."""

    repository: str | None = None
    commit: str | None = None
    commit_date: dt.date | None = None
    built_at: dt.date | None = None
    licence: str | None = None  # the licence's title, e.g. "MIT License"
    licence_file: str | None = None  # its copy in data/, e.g. LICENSE.kazstat-sdg-data-kazstat.txt

    @property
    def known(self) -> bool:
        """True when the commit is known (the data is then traceable to one source version)."""
        return self.commit is not None

    @property
    def short_commit(self) -> str:
        """The commit's first characters, as footers name it ("" when unknown)."""
        return (self.commit or "")[:SHORT_COMMIT]


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _date(value: Any) -> dt.date | None:
    """The date part of an ISO 8601 time or of git's "2024-10-24 12:38:50 +0500"."""
    text = _text(value)
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _licence_title(source: dict[str, Any]) -> str | None:
    """The licence's title: "MIT License, see LICENSE....txt" -> "MIT License"."""
    if not source.get("licence_file"):
        return None
    text = _text(source.get("licence")) or ""
    return text.split(", see ", 1)[0].strip() or None


def data_version(build: dict[str, Any]) -> DataVersion:
    """The data version recorded in a build report (``Data.build_info()``)."""
    source = build.get("source") or {}
    commit = _text(source.get("commit"))
    if commit is not None and commit.lower() in _NOT_A_COMMIT:
        commit = None
    return DataVersion(
        repository=_text(source.get("repository")),
        commit=commit,
        commit_date=_date(source.get("date")) if commit else None,
        built_at=_date(build.get("built_at")),
        licence=_licence_title(source),
        licence_file=_text(source.get("licence_file")),
    )


def repository_text(v: DataVersion, lang: str) -> str:
    """The repository (an address to open), or that it is not named."""
    return v.repository or t("refresh_repository_unnamed", lang)


def commit_text(v: DataVersion, lang: str, short: bool = False) -> str:
    """The commit (shortened for footers), or "unknown source version"."""
    if not v.known:
        return t("refresh_unknown_version", lang)
    return v.short_commit if short else str(v.commit)


def version_text(v: DataVersion, lang: str) -> str:
    """ "commit 72277878d1 of 24 October 2024", or "unknown source version"."""
    if not v.known:
        return t("refresh_unknown_version", lang)
    if v.commit_date is None:
        return t("refresh_commit", lang, commit=v.short_commit)
    return t("refresh_commit_of", lang, commit=v.short_commit, date=fmt_date(v.commit_date, lang))


def built_text(v: DataVersion, lang: str) -> str:
    """ "data build of 1 December 2026" in ``lang``, or that the build date was not recorded."""
    if v.built_at is None:
        return t("refresh_built_unknown", lang)
    return t("refresh_built", lang, date=fmt_date(v.built_at, lang))


def licence_text(v: DataVersion, lang: str) -> str:
    """The data's licence and the file with its text, or that the source had no licence file."""
    if v.licence_file is None:
        return t("refresh_licence_unknown", lang)
    return f"{v.licence or t('refresh_licence_text', lang)} ({v.licence_file})"


def caption(v: DataVersion, lang: str) -> str:
    """One line for the top of the overview: source version and build date."""
    return t(
        "refresh_caption",
        lang,
        repository=repository_text(v, lang),
        version=version_text(v, lang),
        built=built_text(v, lang),
    )


def footer_text(v: DataVersion, lang: str) -> str:
    """The version part of a slide footer: "data build 72277878d1" or "unknown source version"."""
    if not v.known:
        return t("refresh_unknown_version", lang)
    return f"{t('slide_build', lang)} {v.short_commit}"
