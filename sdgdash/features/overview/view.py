"""The overview as data: the goal tiles, the headline counts, the data's source version and what
the last data update changed (pure)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sdgdash.data import provenance
from sdgdash.data.source import Data
from sdgdash.figures import text_colour_on
from sdgdash.i18n import fmt_number, t

LISTED = 12  # ids listed per kind of change before "… (n in all)"


@dataclass(frozen=True)
class GoalTile:
    """What a goal's tile on the overview says and links to."""

    goal: int
    colour: str
    ink: str  # the text colour that reads on ``colour`` (WCAG AA: dark on yellow, light blue)
    short: str  # the goal's short name, shown in full on the tile
    title: str  # its full title, in the tile's tooltip
    n_indicators: int
    n_with_data: int
    n_regional: int
    last_year: int | None


def goal_tiles(data: Data, lang: str) -> list[GoalTile]:
    """The 17 goals in order, in ``lang``, with their indicator counts."""
    labels = data.labels()
    return [
        GoalTile(
            int(r.goal),
            labels.goal_colour(r.goal),
            text_colour_on(labels.goal_colour(r.goal)),
            labels.goal_short(r.goal, lang),
            labels.goal_title(r.goal, lang),
            int(r.n_indicators),
            int(r.n_with_data),
            int(r.n_regional),
            None if pd.isna(r.last_year) else int(r.last_year),
        )
        for r in data.goal_summary().sort_values("goal").itertuples()
    ]


@dataclass(frozen=True)
class Kpis:
    """The overview's headline counts."""

    indicators: int
    regional: int
    observations: int
    first_year: int | None
    last_year: int | None

    def years(self) -> str:
        """The years the data covers, "2000–2023" ("—" when no indicator has a year)."""
        if self.first_year is None or self.last_year is None:
            return "—"
        return f"{self.first_year}–{self.last_year}"


def kpis(data: Data) -> Kpis:
    """How many indicators (and regional ones), values and years the data has."""
    inds = data.indicators()
    first, last = inds["first_year"].dropna(), inds["last_year"].dropna()
    return Kpis(
        indicators=len(inds),
        regional=int(inds["has_regional_data"].astype(bool).sum()),
        observations=data.observation_count(),
        first_year=int(first.min()) if len(first) else None,
        last_year=int(last.max()) if len(last) else None,
    )


def version_caption(data: Data, lang: str) -> str:
    """The data's source version and build date, for the top of the overview."""
    return provenance.caption(provenance.data_version(data.build_info()), lang)


# --- what the last data update changed ---------------------------------------------------------


@dataclass(frozen=True)
class DataUpdate:
    """What the last data update changed against the data it replaced (refresh_report.json).

    ``state`` is "compared" (a previous build was compared), "first" (the first build from its
    source: nothing to compare with) or "missing" (no refresh report in the data folder).
    """

    state: str
    intro: str
    facts: list[tuple[str, str]]  # (what, how it changed) in the page's language
    largest: pd.DataFrame  # the largest value changes, with source file and row
    orphaned: pd.DataFrame  # curated rows that no longer match the data (file, line, note)


def _listed(ids: list, lang: str) -> str:
    if not ids:
        return t("refresh_update_none_listed", lang)
    shown = ", ".join(str(i) for i in ids[:LISTED])
    return shown if len(ids) <= LISTED else f"{shown} … ({fmt_number(len(ids), lang)})"


def _previous_version(prev: dict) -> provenance.DataVersion:
    """The replaced data's version as the report records it."""
    return provenance.data_version(
        {
            "source": {
                "repository": prev.get("repository"),
                "commit": prev.get("commit"),
                "date": prev.get("date"),
            },
            "built_at": prev.get("built_at"),
        }
    )


def _facts(report: dict, lang: str) -> list[tuple[str, str]]:
    ind, years, regions = report["indicators"], report["years"], report["regions"]
    series, values = report["series"], report["values"]
    n = lambda x: fmt_number(x, lang)  # noqa: E731 - a local shorthand
    facts = [
        (
            t("refresh_update_indicators", lang),
            t(
                "refresh_update_counts",
                lang,
                before=n(ind["before"]),
                after=n(ind["after"]),
                added=_listed(ind["added"], lang),
                removed=_listed(ind["removed"], lang),
            ),
        ),
        (
            t("refresh_update_regional", lang),
            t(
                "refresh_update_counts",
                lang,
                before=n(ind["regional_before"]),
                after=n(ind["regional_after"]),
                added=_listed(ind["gained_regional"], lang),
                removed=_listed(ind["lost_regional"], lang),
            ),
        ),
        (
            t("refresh_update_series", lang),
            t(
                "refresh_update_added_removed",
                lang,
                added=_listed([s["indicator_id"] for s in series["added"]], lang),
                removed=_listed([s["indicator_id"] for s in series["removed"]], lang),
            ),
        ),
        (
            t("refresh_update_years", lang),
            t(
                "refresh_update_added_removed",
                lang,
                added=_listed(years["added"], lang),
                removed=_listed(years["removed"], lang),
            ),
        ),
        (
            t("refresh_update_regions", lang),
            t(
                "refresh_update_added_removed",
                lang,
                added=_listed(regions["added"], lang),
                removed=_listed(regions["removed"], lang),
            ),
        ),
        (
            t("refresh_update_values", lang),
            t(
                "refresh_update_value_counts",
                lang,
                changed=n(values["changed"]),
                compared=n(values["compared"]),
                added=n(values["added"]),
                removed=n(values["removed"]),
            ),
        ),
    ]
    new_codes = report.get("unknown_codes", {}).get("new", {})
    facts.append(
        (
            t("refresh_update_codes", lang),
            "; ".join(f"{dim}: {', '.join(codes)}" for dim, codes in new_codes.items())
            or t("refresh_update_none_listed", lang),
        )
    )
    return facts


def _largest(data: Data, report: dict, lang: str) -> pd.DataFrame:
    labels = data.labels()
    rows = [
        {
            t("indicator", lang): v["indicator_id"],
            t("region", lang): labels.region_name(v["ref_area"], lang),
            t("year", lang): int(v["year"]),
            t("refresh_col_before", lang): v["old"],
            t("refresh_col_now", lang): v["new"],
            t("refresh_col_change", lang): v["change"],
            t("source", lang): v["source_file"],
            t("source_row", lang): int(v["source_row"]),
        }
        for v in report.get("values", {}).get("largest", [])
    ]
    return pd.DataFrame(rows)


def _orphaned(report: dict, lang: str) -> pd.DataFrame:
    rows = [
        {
            t("refresh_col_file", lang): p.get("file", ""),
            t("refresh_col_line", lang): p.get("line"),
            t("refresh_col_note", lang): p.get("message", ""),
        }
        for p in report.get("curated_rows_orphaned", [])
    ]
    return pd.DataFrame(rows)


def data_update(data: Data, lang: str) -> DataUpdate:
    """What the last data update changed, in ``lang`` (an honest empty state when there is
    nothing to compare with)."""
    report = data.refresh_report()
    if not report:
        return DataUpdate(
            "missing", t("refresh_update_missing", lang), [], pd.DataFrame(), pd.DataFrame()
        )
    orphaned = _orphaned(report, lang)
    if report.get("first_build") or not report.get("previous"):
        return DataUpdate("first", t("refresh_update_first", lang), [], pd.DataFrame(), orphaned)
    prev = _previous_version(report["previous"])
    same = prev.known and prev.commit == provenance.data_version(data.build_info()).commit
    intro = t(
        "refresh_update_intro_same" if same else "refresh_update_intro",
        lang,
        version=provenance.version_text(prev, lang),
        built=provenance.built_text(prev, lang),
    )
    facts = _facts(report, lang)
    facts.append(
        (t("refresh_update_orphaned", lang), fmt_number(len(orphaned), lang)),
    )
    return DataUpdate("compared", intro, facts, _largest(data, report, lang), orphaned)


def goal_tiles_table(data: Data, lang: str) -> pd.DataFrame:
    """What the goal tiles show, as a table: each goal's name and indicator counts."""
    labels = data.labels()
    summary = data.goal_summary().sort_values("goal")
    return pd.DataFrame(
        {
            t("goal", lang): summary["goal"].astype("int64"),
            t("a11y_col_name", lang): [labels.goal_title(g, lang) for g in summary["goal"]],
            t("kpi_indicators", lang): summary["n_indicators"].astype("int64"),
            t("a11y_col_with_data", lang): summary["n_with_data"].astype("int64"),
            t("kpi_regional", lang): summary["n_regional"].astype("int64"),
            t("a11y_col_latest_year", lang): summary["last_year"].astype("Int64"),
        }
    )
