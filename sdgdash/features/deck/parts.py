"""Building blocks of slides shared by every deck view: source footer, tables in parts (pure)."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from sdgdash.data import provenance
from sdgdash.data.source import Data
from sdgdash.features.deck import pptx as slides
from sdgdash.i18n import fmt_number, t, tn

PROFILE_ROWS_PER_SLIDE = 10
PROFILE_COLUMNS = ("indicator", "value", "unit", "year", "rank", "national_value")
_DATA_PREFIX = "data/indicator_"
_DATA_FILE = re.compile(r"data/indicator_[0-9a-z-]+\.csv")


def commit(data: Data, lang: str) -> str:
    """The data's version as every footer names it: "data build 72277878d1", or "unknown source
    version" when the build could not tell the commit."""
    return provenance.footer_text(provenance.data_version(data.build_info()), lang)


def footer(
    data: Data, lang: str, indicator_ids: list[str] | tuple[str, ...] = (), files: str = ""
) -> str:
    """Source footer: indicator(s), source organisation, data file(s) and the data build commit."""
    labels = data.labels()
    parts = []
    for ind in indicator_ids[:2]:
        info = labels.indicators.get(ind, {})
        org = next(
            (
                info.get(f"source_org_{c}")
                for c in (lang, "ru", "en")
                if isinstance(info.get(f"source_org_{c}"), str) and info.get(f"source_org_{c}")
            ),
            "",
        )
        parts.append(
            " · ".join(x for x in (labels.indicator_label(ind, lang, width=120), org) if x)
        )
    if len(indicator_ids) > 2:
        parts.append(tn("source_many", len(indicator_ids), lang))
    if files:
        parts.append(files)
    line = t("source_line", lang, file="; ".join(parts) or "—")
    return f"{line} · {commit(data, lang)}"


def files_text(files: list[str] | tuple[str, ...]) -> str:
    """Data files for a footer, every one named: a few listed in full, many indicator files
    written once as ``data/indicator_{1-1-1, 1-2-1}.csv`` so the line stays short."""
    files = list(dict.fromkeys(files))
    stems = [f[len(_DATA_PREFIX) : -4] for f in files if _DATA_FILE.fullmatch(f)]
    if len(files) <= 3 or len(stems) < len(files):
        return ", ".join(files)
    return f"{_DATA_PREFIX}{{{', '.join(stems)}}}.csv"


@dataclass(frozen=True)
class Summary:
    """How a table longer than one slide is summarised: the indices of its rows, most relevant
    first (a slide keeps as many as fit, in the table's order), and the note saying which rows
    these are and where the whole table is."""

    order: list[int]
    note: Callable[[int, int], str]  # (rows shown, rows in all) -> the note


def table_slides(
    title_of: Callable[[str], str],
    columns: list[str],
    rows: list[list[str]],
    footer_of: Callable[[list[int]], str],
    summary: Summary | None = None,
    lang: str = "en",
) -> list[slides.TableSlide]:
    """``rows`` as table slides of at most :data:`PROFILE_ROWS_PER_SLIDE` rows; ``title_of``
    gets the part ("1/3"), ``footer_of`` the indices of the rows on the slide. With ``summary``
    a longer table becomes one slide of its most relevant rows (part "10 of 41") with the
    summary's note, instead of a run of table slides."""
    per = PROFILE_ROWS_PER_SLIDE
    if summary is not None and len(rows) > per:
        keep = sorted(summary.order[:per])
        part = t("ux_slide_part", lang, shown=len(keep), total=len(rows))
        return [
            slides.TableSlide(
                title_of(part),
                columns,
                [rows[i] for i in keep],
                footer_of(keep),
                summary.note(len(keep), len(rows)),
            )
        ]
    parts = -(-len(rows) // per)
    out = []
    for n in range(parts):
        chunk = list(range(n * per, min((n + 1) * per, len(rows))))
        out.append(
            slides.TableSlide(
                title_of(f"{n + 1}/{parts}"), columns, [rows[i] for i in chunk], footer_of(chunk)
            )
        )
    return out


def first_rows(n: int, lang: str) -> Summary:
    """A summary of a table's first rows (for tables in no order of relevance)."""
    return Summary(
        list(range(n)),
        lambda shown, total: t("ux_slide_note_first", lang, shown=shown, total=total),
    )


def ranked_rows(ranks: list[float | None], region: str, lang: str) -> Summary:
    """A summary of a region's profile: the indicators where it ranks best and worst (``ranks``:
    rank / regions ranked per row, None when not ranked), half of each."""
    ranked = sorted((r, i) for i, r in enumerate(ranks) if r is not None and not pd.isna(r))
    half = PROFILE_ROWS_PER_SLIDE // 2
    best = [i for _, i in ranked[:half]]
    worst = [i for _, i in ranked[::-1] if i not in best][:half]
    rest = [i for i in range(len(ranks)) if i not in best and i not in worst]
    return Summary(
        best + worst + rest,
        lambda shown, total: t(
            "ux_slide_note_ranked", lang, region=region, shown=shown, total=total
        ),
    )


def profile_slides(
    data: Data,
    table: pd.DataFrame,
    lang: str,
    title_of: Callable[[str], str],
    summary: Summary | None = None,
) -> list[slides.TableSlide]:
    """A profile table (region or territory context, as the page downloads it) as table slides:
    indicator, value, unit, year, rank, national value; each footer names its rows' data files.
    With ``summary`` (:func:`ranked_rows`) a long table becomes one slide."""
    if not len(table):
        return []
    cols = [t(k, lang) for k in PROFILE_COLUMNS]
    rows = [
        [
            textwrap.shorten(str(r[cols[0]]), 110),
            fmt_number(r[cols[1]], lang),
            str(r[cols[2]]),
            str(r[cols[3]]),
            str(r[cols[4]]),
            fmt_number(r[cols[5]], lang),
        ]
        for r in table.to_dict("records")
    ]
    source = t("source", lang)
    if source in table:  # every row's data file, as the table's source column names it
        files = [str(f) for f in table[source]]
        return table_slides(
            title_of,
            cols,
            rows,
            lambda keep: footer(
                data, lang, files=files_text(sorted({files[i] for i in keep} - {""}))
            ),
            summary,
            lang,
        )
    ids = [str(r).split(" ", 1)[0] for r in table[cols[0]]]
    return table_slides(
        title_of, cols, rows, lambda keep: footer(data, lang, [ids[i] for i in keep]), summary, lang
    )
