"""What a region brief says, section by section, with a source for every number (pure).

The pages' view functions fill a :class:`BriefModel` (headline position, goal scores, trends,
tags, findings, local data); :func:`gap_rows` fills the "furthest behind" section from the plan
status table (``sdgdash.features.plans.view``). The writers (``docx_file``, ``pdf_file``) only
lay the model out, so the DOCX, the PDF and the page show the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from sdgdash.data.catalog import SELECTION_COLUMNS
from sdgdash.data.models import Selection
from sdgdash.features.plans import tables as plan_tables
from sdgdash.features.plans import view as plans_view

PLATFORM_REPOSITORY = "https://github.com/kazstat/sdg-data-kazstat"


@dataclass(frozen=True)
class Source:
    """A source of numbers in the brief, as a reader can find it (title, date, address)."""

    ref: int
    text: str
    url: str = ""


@dataclass(frozen=True)
class GoalScore:
    """One goal's distance-to-2030 score (0-100) for the region, Kazakhstan and the mean of the
    region's peers, as the region page's "distance to 2030" block shows them."""

    goal: int
    name: str
    region: float | None
    country: float | None
    peers: float | None = None
    sources: tuple[int, ...] = ()


@dataclass(frozen=True)
class Headline:
    """The region's position: regional SDG index with its rank, and goal scores; ``scope`` says
    whose figures they are when the brief is a pilot territory's (its region's)."""

    year: int | None = None
    index_score: float | None = None
    rank: int | None = None
    n_ranked: int | None = None
    peers_label: str = ""  # the peer regions by name
    goals: tuple[GoalScore, ...] = ()
    sources: tuple[int, ...] = ()
    scope: str = ""


@dataclass(frozen=True)
class GapRow:
    """An indicator behind its plan (or, where the region has no plan, its 2030 line)."""

    indicator_id: str
    label: str
    unit: str
    year: int | None
    actual: float | None
    expected: float | None
    gap: float | None
    final_year: int | None
    final_value: float | None
    basis: str  # regional_plan | national_2030
    status: str
    sources: tuple[int, ...] = ()
    baseline_value: float | None = None  # where the line starts (sets the figures' precision)


@dataclass(frozen=True)
class ChangeRow:
    """An indicator's change between two years (an improvement or a deterioration)."""

    indicator_id: str
    label: str
    unit: str
    from_year: int
    from_value: float
    to_year: int
    to_value: float
    sources: tuple[int, ...] = ()

    @property
    def change(self) -> float:
        """to_value - from_value."""
        return self.to_value - self.from_value


@dataclass(frozen=True)
class TagRow:
    """A problem tag of the place, with what links it here."""

    tag_id: str
    name: str
    note: str = ""
    sources: tuple[int, ...] = ()


@dataclass(frozen=True)
class FindingRow:
    """A seminar finding recorded for the place."""

    date: dt.date
    event: str
    text: str
    sources: tuple[int, ...] = ()


@dataclass(frozen=True)
class LocalRow:
    """A pilot territory's own value beside its region's and Kazakhstan's."""

    indicator_id: str
    label: str
    unit: str
    year: int
    value: float
    region_value: float | None = None
    national_value: float | None = None
    sources: tuple[int, ...] = ()


@dataclass(frozen=True)
class BriefModel:
    """Everything a brief shows, in one language; ``sources`` are numbered as the rows cite."""

    lang: str
    place: str
    place_kind: str  # region | territory
    place_name: str
    generated_on: dt.date
    headline: Headline = field(default_factory=Headline)
    furthest_behind: tuple[GapRow, ...] = ()
    improvements: tuple[ChangeRow, ...] = ()
    deteriorations: tuple[ChangeRow, ...] = ()
    tags: tuple[TagRow, ...] = ()
    findings: tuple[FindingRow, ...] = ()
    local_data: tuple[LocalRow, ...] = ()
    sources: tuple[Source, ...] = ()
    parent_name: str = ""  # a territory's region
    data_commit: str = ""
    changes_scope: str = ""  # whose trends (a territory's region) and how they are ranked


class SourceBook:
    """Numbers sources in the order they are first cited (one number per distinct source)."""

    def __init__(self) -> None:
        self._refs: dict[tuple[str, str], int] = {}

    def cite(self, text: str, url: str = "") -> int:
        """The number of this source, adding it when new."""
        key = (text, url)
        if key not in self._refs:
            self._refs[key] = len(self._refs) + 1
        return self._refs[key]

    def sources(self) -> tuple[Source, ...]:
        """Every cited source, by number."""
        return tuple(Source(n, text, url) for (text, url), n in self._refs.items())


def platform_source(
    book: SourceBook, source: str, build: Mapping, lang: str, indicator_id: str
) -> int | None:
    """Cite a value of the national platform by its ``source_file:source_row`` (as the pages'
    tables give it): the file's address in the platform's repository at the build's commit."""
    from sdgdash.i18n import t

    if not source or ":" not in source:
        return None
    path, _, row = source.rpartition(":")
    repo = str(build.get("repository") or PLATFORM_REPOSITORY).rstrip("/")
    commit = str(build.get("commit") or "")
    url = f"{repo}/blob/{commit}/{path}" if commit else f"{repo}/blob/main/{path}"
    text = t("brief_src_platform", lang, indicator=indicator_id, file=path, row=row)
    return book.cite(text, url)


def plan_source(book: SourceBook, row: Mapping, lang: str) -> int:
    """Cite the planning document a regional target comes from (name, date, article or page)."""
    from sdgdash.i18n import t

    date = row.get("document_date")
    text = t(
        "brief_src_plan",
        lang,
        name=str(row.get("document_name") or ""),
        date=date.isoformat() if hasattr(date, "isoformat") else str(date or ""),
        ref=str(row.get("document_ref") or "–"),
    )
    return book.cite(text)


def target_source(book: SourceBook, targets: pd.DataFrame, row: Mapping, lang: str) -> int | None:
    """Cite the 2030 end value a stand-in line leads to: the SDG target's text, or the end
    value's origin (the same words as the plans page's "planning document" column)."""
    text = plan_tables.document_text(dict(row), targets, lang)
    return book.cite(text) if text else None


def gap_rows(
    status: pd.DataFrame,
    labels,
    lang: str,
    book: SourceBook,
    build: Mapping,
    targets: pd.DataFrame,
    n: int = 5,
) -> tuple[GapRow, ...]:
    """The ``n`` rows furthest behind (regional plans and national stand-ins in one ``status``
    table, as ``plans.view.place_status`` gives them) for the brief."""
    out = []
    for rec in plans_view.furthest_behind(status, n).to_dict("records"):
        sel = Selection.from_mapping(rec["indicator_id"], {c: rec[c] for c in SELECTION_COLUMNS})
        label = f"{labels.indicator_label(sel.indicator_id, lang)} — "
        label += labels.selection_label(sel, lang, with_unit=False)
        refs = [
            platform_source(
                book, str(rec.get("actual_source") or ""), build, lang, sel.indicator_id
            )
        ]
        if rec["basis"] == "regional_plan":
            refs.append(plan_source(book, rec, lang))
        else:
            refs.append(target_source(book, targets, rec, lang))
        out.append(
            GapRow(
                indicator_id=sel.indicator_id,
                label=label,
                unit=labels.code_label("unit", sel.unit, lang),
                year=_int(rec["year"]),
                actual=_num(rec["actual"]),
                expected=_num(rec["expected"]),
                gap=_num(rec["gap"]),
                final_year=_int(rec["final_year"]),
                final_value=_num(rec["final_value"]),
                basis=str(rec["basis"]),
                status=str(rec["status"]),
                sources=tuple(r for r in refs if r is not None),
                baseline_value=_num(rec["baseline_value"]),
            )
        )
    return tuple(out)


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _int(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)
