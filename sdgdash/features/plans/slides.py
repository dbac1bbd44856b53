"""A plans view as slides: the place's targets with their status as a table, and the chosen
series against its plan line as a native line chart (pure; the same view functions as the
plans page, the store read through ``data.upload_store()``)."""

from __future__ import annotations

import pandas as pd

from sdgdash.data.catalog import SELECTION_COLUMNS
from sdgdash.data.models import Selection
from sdgdash.data.source import Data
from sdgdash.features.brief.blocks import signed
from sdgdash.features.deck import pptx
from sdgdash.features.deck.parts import files_text, footer, table_slides
from sdgdash.features.plans import tables as plan_tables
from sdgdash.features.plans import view as plans_view
from sdgdash.features.plans.charts import line_name
from sdgdash.features.plans.status import PlanLine, shown
from sdgdash.i18n import fmt_number, t

TABLE_COLUMNS = (
    "indicator",
    "plan_col_basis",
    "plan_col_status",
    "year",
    "brief_col_actual",
    "brief_col_expected",
    "brief_col_gap",
)


def _selection(data: Data, params: dict[str, str], table: pd.DataFrame) -> Selection | None:
    """The series a plans URL charts (``ind``, ``sel``), as the page resolves it: a target of
    the place first, else the indicator's headline."""
    ind = params.get("ind", "")
    if not ind and len(table):
        ind = str(table.iloc[0]["indicator_id"])
    want = params.get("sel", "")
    store = data.upload_store()
    mine = [
        plans_view.row_selection(r) for r in table[table["indicator_id"] == ind].to_dict("records")
    ]
    options = list(dict.fromkeys([*mine, *plans_view.indicator_selections(data, store, ind)]))
    for sel in options:
        if "|".join(getattr(sel, c) for c in SELECTION_COLUMNS) == want:
            return sel
    return options[0] if options else None


def title(data: Data, params: dict[str, str], lang: str) -> str:
    """The place and what the view shows."""
    place = plans_view.place_from_params(data, params)
    return t("plan_title", lang, name=plans_view.place_name(data, place, lang))


def slides(data: Data, title: str, params: dict[str, str], lang: str) -> list[pptx.Slide]:
    """The place's status table (in parts) and the chosen series against its plan line."""
    place = plans_view.place_from_params(data, params)
    store = data.upload_store()
    table = plans_view.sort_status(
        plans_view.place_status(data, store, place), params.get("sort", "status")
    )
    out: list[pptx.Slide] = []
    if len(table):
        display = plan_tables.status_display(data, table, lang)
        cols = [t(k, lang) for k in TABLE_COLUMNS]
        gap = cols.index(t("brief_col_gap", lang))
        rows = [
            [_cell(v, lang, i == gap) for i, v in enumerate(r)]
            for r in display[cols].itertuples(index=False, name=None)
        ]
        files = [str(s).rsplit(":", 1)[0] for s in table["actual_source"]]
        out += table_slides(
            lambda part: f"{title} ({part})",
            cols,
            rows,
            lambda chunk: footer(
                data, lang, files=files_text(sorted({files[i] for i in chunk} - {""}))
            ),
        )
    sel = _selection(data, params, table)
    if sel is not None:
        row = plans_view.selection_status(data, store, place, sel, table)
        if row is not None:
            out.append(line_slide(data, store, place, row, lang))
    return out


def line_slide(data: Data, store, place: str, row: dict, lang: str) -> pptx.ChartSlide:
    """One series of a place against its plan line (the line read in every year it spans)."""
    labels = data.labels()
    sel = plans_view.row_selection(row)
    actual = plans_view.actual_series(data, store, row)
    pts = list(row["line"])
    first = min([*actual["year"], pts[0][0]])
    last = max([*actual["year"], pts[-1][0]])
    years = list(range(int(first), int(last) + 1))
    by_year = dict(zip(actual["year"], actual["value"], strict=False))
    plan = _line_values(pts, years)
    ref = float(row["actual"]) if pd.notna(row.get("actual")) else None
    base = float(row["baseline_value"])
    name = plans_view.place_name(data, place, lang)
    series = [
        (f"{name}: {t('plan_actual', lang)}", [by_year.get(y) for y in years]),
        (
            line_name(str(row["basis"]), lang),
            [shown(v, ref, base) if v is not None else None for v in plan],
        ),
    ]
    files = sorted({str(s).rsplit(":", 1)[0] for s in actual["source"] if s})
    return pptx.ChartSlide(
        f"{name}: {labels.indicator_label(sel.indicator_id, lang, width=90)}",
        "line",
        [str(y) for y in years],
        series,
        footer(data, lang, [sel.indicator_id], files_text(files)),
        axis_title=labels.code_label("unit", sel.unit, lang),
    )


def _line_values(points: list[tuple[int, float]], years: list[int]) -> list[float | None]:
    """The plan line read in each year (None before the baseline; the last value after)."""
    (y0, v0), rest = points[0], points[1:]
    line = PlanLine(int(y0), float(v0), tuple((int(y), float(v)) for y, v in rest))
    return [line.value_at(y) for y in years]


def _cell(value: object, lang: str, sign: bool = False) -> str:
    """A table cell as text: numbers as the page writes them, a year as it is, none as a dash."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return fmt_number(None, lang)
    if isinstance(value, float):
        return signed(value, lang) if sign else fmt_number(value, lang)
    return str(value)
