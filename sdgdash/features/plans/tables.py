"""Plan targets written out for people, in one language (pure): the status table the pages and
downloads show, a status in a sentence, where a line comes from, the versions of a place's
targets and the targets of a checked file."""

from __future__ import annotations

import pandas as pd

from sdgdash.data.models import Selection
from sdgdash.data.source import Data
from sdgdash.features.distance.display import arrival, end_kind
from sdgdash.features.plans.status import NATIONAL_2030, REGIONAL_PLAN, shown
from sdgdash.features.plans.validate import PlanFileResult
from sdgdash.features.plans.view import place_name, row_selection
from sdgdash.figures import by_year
from sdgdash.i18n import fmt_number, t


def target_source(targets: pd.DataFrame, indicator_id: str, series: str, unit: str) -> str:
    """The source text of the national target a stand-in leads to (the most specific row of
    data/curated/indicator_targets.csv: series and unit before blanks), "" when none."""
    rows = targets[targets["indicator_id"] == indicator_id]
    rows = rows[rows["series"].isin([series, ""]) & rows["unit"].isin([unit, ""])]
    if rows.empty:
        return ""
    exact = (rows["series"] != "").astype(int) * 2 + (rows["unit"] != "").astype(int)
    return str(rows.assign(_exact=exact).sort_values("_exact", ascending=False).iloc[0]["source"])


def document_text(row: dict, targets: pd.DataFrame, lang: str) -> str:
    """Where a row's line comes from: the planning document, the SDG target's text, or the 2030
    end value's origin (distance to 2030: index bound, curated table, best three regions)."""
    if row["basis"] == REGIONAL_PLAN:
        date = row.get("document_date")
        bits = [str(row.get("document_name") or ""), date.isoformat() if date else ""]
        bits.append(str(row.get("document_ref") or ""))
        return ", ".join(b for b in bits if b)
    source = row.get("end_source")
    source = "" if source is None or pd.isna(source) else str(source)
    if row["basis"] == NATIONAL_2030:
        text = source or target_source(targets, row["indicator_id"], row["series"], row["unit"])
        return t("brief_src_target", lang, text=text) if text else ""
    kind = end_kind(str(row.get("end_kind") or "none"), lang)
    return t("plan_end_source", lang, kind=kind, source=source or "—")


def status_display(
    data: Data, table: pd.DataFrame, lang: str, with_place: bool = False
) -> pd.DataFrame:
    """The status table as the pages show and download it, in ``lang``: one row per target,
    numbers as the brief writes them (derived figures one decimal finer than the actual).
    ``with_place``: rows of one series in several places (the place named, not the series)."""
    labels = data.labels()
    targets = data.targets()
    rows = []
    for r in table.to_dict("records"):
        sel = row_selection(r)
        actual = None if pd.isna(r["actual"]) else float(r["actual"])
        stand_in = r["basis"] != REGIONAL_PLAN
        final = r["final_value"]
        base = _num(r["baseline_value"])
        row = {}
        if with_place:
            row[t("plan_col_place", lang)] = place_name(data, str(r["place"]), lang)
        else:
            row[t("indicator", lang)] = labels.indicator_label(sel.indicator_id, lang)
            row[t("series", lang)] = labels.selection_label(sel, lang, with_unit=False)
        row |= {
            t("plan_col_status", lang): t(f"plan_status_{r['status']}", lang),
            t("plan_col_basis", lang): t(f"plan_basis_{r['basis']}", lang),
            t("year", lang): None if pd.isna(r["year"]) else int(r["year"]),
            t("brief_col_actual", lang): actual,
            t("brief_col_expected", lang): _num(shown(_num(r["expected"]), actual, base)),
            t("brief_col_gap", lang): _num(shown(_num(r["gap"]), actual, base)),
            t("plan_col_gap_share", lang): (
                None if pd.isna(r["gap_share"]) else round(float(r["gap_share"]) * 100)
            ),
            t("plan_col_final_year", lang): int(r["final_year"]),
            t("plan_col_final_value", lang): _num(
                shown(_num(final), actual, base) if stand_in else _num(final)
            ),
            t("unit", lang): labels.code_label("unit", sel.unit, lang),
            t("plan_col_baseline", lang): f"{int(r['baseline_year'])}: "
            + fmt_number(r["baseline_value"], lang),
            # The distance-to-2030 figures of a stand-in (sdgdash.features.distance).
            t("dist_score", lang): None if _num(r.get("score")) is None else round(r["score"], 1),
            t("dist_arrival", lang): "" if r["basis"] == REGIONAL_PLAN else arrival(r, lang),
            t("plan_col_document", lang): document_text(r, targets, lang),
            t("source", lang): str(r.get("actual_source") or ""),
        }
        rows.append(row)
    out = pd.DataFrame(rows)
    if len(out):  # years stay whole numbers where a row has none (no actual value)
        for key in ("year", "plan_col_final_year", "plan_col_gap_share"):
            out[t(key, lang)] = out[t(key, lang)].astype("Int64")
    return out


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def status_sentence(row: dict, lang: str) -> str:
    """One status row in words: status, year, actual against the plan line, gap, and a stand-in
    marked as such (the numbers as the table and the brief write them)."""
    status = t(f"plan_status_{row['status']}", lang).capitalize()
    basis = t(f"plan_basis_{row['basis']}", lang)
    if pd.isna(row.get("year")) or row.get("actual") is None or pd.isna(row.get("actual")):
        return f"{status} ({basis})"
    actual = float(row["actual"])
    base = float(row["baseline_value"])
    gap = shown(float(row["gap"]), actual, base)
    return t(
        "plan_status_line",
        lang,
        status=status,
        year=int(row["year"]),
        actual=fmt_number(actual, lang),
        expected=fmt_number(shown(float(row["expected"]), actual, base), lang),
        gap=("+" if gap > 0 else "") + fmt_number(gap, lang),
        basis=basis,
    )


def versions_table(
    data: Data, history: pd.DataFrame, values: pd.DataFrame, lang: str
) -> pd.DataFrame:
    """Every version of a place's targets (``Store.plans(include_history=True)``) with its
    planned values, in ``lang``."""
    labels = data.labels()
    planned = {
        pid: "; ".join(
            f"{int(y)}: {fmt_number(v, lang)}" for y, v in zip(g["year"], g["value"], strict=True)
        )
        for pid, g in values.groupby("plan_id")
    }
    rows = []
    for r in history.to_dict("records"):
        sel = Selection.from_mapping(r["indicator_id"], r)
        rows.append(
            {
                "№": int(r["plan_id"]),
                t("indicator", lang): r["indicator_id"],
                t("series", lang): labels.selection_label(sel, lang),
                t("ld_col_version", lang): int(r["version"]),
                t("ld_col_status", lang): t(f"ld_status_{r['status']}", lang),
                t("plan_col_baseline", lang): f"{r['baseline_year']}: "
                + fmt_number(r["baseline_value"], lang),
                t("plan_col_plan", lang): planned.get(r["plan_id"], ""),
                t("plan_col_document", lang): str(r["document_name"]),
                t("plan_field_document_date", lang): str(r["document_date"]),
                t("plan_field_document_ref", lang): str(r["document_ref"] or ""),
                t("plan_col_file", lang): "" if r["file_id"] is None else f"№{int(r['file_id'])}",
                t("plan_col_entered_by", lang): r["entered_by"],
                t("ld_col_uploaded_at", lang): str(r["entered_at"])[:16],
                t("ld_col_withdrawn_by", lang): r["withdrawn_by"] or "",
            }
        )
    return pd.DataFrame(rows)


def preview_table(data: Data, result: PlanFileResult, lang: str) -> pd.DataFrame:
    """The targets of a checked file, one row each with its file row, as they will be stored."""
    labels = data.labels()
    return pd.DataFrame(
        {
            t("ld_col_row", lang): [str(r) for r in result.source_rows],
            t("indicator", lang): [e.indicator_id for e in result.entries],
            t("series", lang): [labels.selection_label(e.selection, lang) for e in result.entries],
            t("plan_col_baseline", lang): [
                f"{e.baseline_year}: {fmt_number(e.baseline_value, lang)}" for e in result.entries
            ],
            t("plan_col_plan", lang): [
                "; ".join(f"{y}: {fmt_number(v, lang)}" for y, v in e.planned)
                for e in result.entries
            ],
            t("plan_col_document", lang): [
                f"{e.document_name}, {e.document_date.isoformat()}" for e in result.entries
            ],
        }
    )


def with_plan_lines(values: pd.DataFrame, lines: dict[str, dict], lang: str) -> pd.DataFrame:
    """A line chart's values table (``figures.by_year``) with a column per plan line drawn on it
    (``lines``: column title -> status row), the line's corners written as the pages write
    them, so whoever cannot see the chart reads the plan line too."""
    year = t("year", lang)
    out = values
    for title, row in lines.items():
        actual = None if pd.isna(row.get("actual")) else float(row["actual"])
        base = float(row["baseline_value"])
        keep = row["basis"] == REGIONAL_PLAN  # a plan's own values are shown as typed
        points = {y: v if keep else shown(v, actual, base) for y, v in row["line"]}
        column = pd.DataFrame({year: list(points), title: list(points.values())})
        out = column if out is None else out.merge(column, on=year, how="outer")
    return out.sort_values(year).reset_index(drop=True)


def line_title(row: dict, lang: str, place: str = "") -> str:
    """The legend name of a status row's line (``plans.charts.line_name``)."""
    from sdgdash.features.plans.charts import line_name

    return line_name(str(row["basis"]), lang, place)


def chart_values(
    actual: pd.DataFrame, national: pd.DataFrame | None, row: dict, place: str, lang: str
) -> pd.DataFrame:
    """The values of the plans chart (``plans.charts.plan_chart``) as a table: the place's
    actual series, Kazakhstan's, and the plan line's corners."""
    long = [actual[["year", "value"]].assign(series="actual")]
    if national is not None and len(national):
        long.append(national[["year", "value"]].assign(series="national"))
    names = {"actual": f"{place}: {t('plan_actual', lang)}", "national": t("national", lang)}
    values = by_year(pd.concat(long, ignore_index=True), names, lang)
    return with_plan_lines(values, {line_title(row, lang): row}, lang)
