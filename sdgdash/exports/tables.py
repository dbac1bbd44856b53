"""What a view shows, as files: CSV (UTF-8 with BOM), XLSX with a metadata sheet, file names (pure)."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from pandas.api.types import is_datetime64_any_dtype, is_numeric_dtype

from sdgdash.data import provenance
from sdgdash.data.catalog import DISAGGREGATIONS
from sdgdash.data.labels import Labels
from sdgdash.data.models import Selection
from sdgdash.i18n import t

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
_SHEET_DATA = "data"
_SHEET_META = "metadata"
# Excel's limit on a cell's text; longer definitions are cut with a mark.
_CELL_MAX = 32_000


@dataclass(frozen=True)
class ExportMeta:
    """What a download contains, for its metadata sheet: the view's title, indicators, selection."""

    title: str
    indicator_ids: tuple[str, ...] = ()
    selection: Selection | None = None
    year: int | None = None
    regions: tuple[str, ...] = ()
    url: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


# A text cell starting with one of these is read as a formula by Excel, LibreOffice or Google
# Sheets (OWASP, "CSV injection"): = + - @, tab and carriage return, also after leading spaces.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FIRST = frozenset((*_FORMULA_START, " "))
# A number written as text (sign, digits, separators, exponent, percent): no function, no
# reference, so never a formula however it starts; it stays as written ("-5,5", "-1 234.5").
_PLAIN_NUMBER = re.compile(r"[+-]?(?=[^eE]*\d)[\d.,\s\u00a0\u202f]+([eE][+-]?\d+)?%?")
# Characters XML 1.0 (so XLSX) cannot hold, and that no reader shows: dropped from every cell.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet would read the text cell ``text`` as a formula (see csv_bytes)."""
    head = text.lstrip(" ")
    return head.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text)


# What may need :func:`_csv_cell` (a quick vectorised test; most cells are left as they are).
_MAY_NEED = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|^ *[=+\-@\t\r]"


def _csv_column(series: pd.Series) -> pd.Series:
    if is_numeric_dtype(series) or is_datetime64_any_dtype(series):
        return series
    try:
        marked = series.str.contains(_MAY_NEED, regex=True, na=False).astype(bool)
    except AttributeError:  # not a text column (e.g. lists): check each cell
        return series.map(_csv_cell, na_action="ignore")
    if not marked.any():
        return series
    out = series.astype(object)
    out[marked] = series[marked].map(_csv_cell)
    return out


def _csv_cell(value: object) -> object:
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub("", value)
    return "'" + value if starts_formula(value) else value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so Excel shows Kazakh and Russian letters.

    The rule for text that every download follows (OWASP's for formula injection): a text
    cell, or column name, that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return (after any leading spaces) gets a leading apostrophe, the mark with which a
    spreadsheet takes a cell as text, so opening the file never evaluates what a user wrote.
    The rest of the cell is unchanged. Numbers stay numbers: numeric columns are not touched,
    and a number written as text (``-5,5``) is no formula and stays as written. Control
    characters (none visible) are dropped; lines end in CRLF (RFC 4180). :func:`xlsx_bytes`
    applies the same rule as cell types, so there the text stays exactly as written.
    """
    out = frame.rename(columns=lambda c: _csv_cell(c) if isinstance(c, str) else c)
    for i in range(out.shape[1]):
        out.isetitem(i, _csv_column(out.iloc[:, i]))
    # CRLF line ends (RFC 4180) make the writer quote a cell holding a lone carriage return,
    # which would otherwise end the row for a reader.
    return out.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def file_stem(*parts: object) -> str:
    """The part of :func:`file_name` before the extension."""
    return file_name(*parts, ext="x")[:-2]


def file_name(*parts: object, ext: str) -> str:
    """An ASCII file name from codes (indicator, year, language...): ``sdg_1-2-1_2023_ru.xlsx``.

    Dots in indicator ids become dashes; anything outside [A-Za-z0-9-] becomes a dash, so there
    are no spaces, ``&`` or Cyrillic letters, and empty parts are skipped.
    """
    words = []
    for part in parts:
        text = unicodedata.normalize("NFKD", str(part)).encode("ascii", "ignore").decode()
        text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")
        if text:
            words.append(text[:40])
    stem = "_".join(words) or "sdgdash"
    return f"{stem}.{ext.lstrip('.')}"


def _cell_text(value: object) -> object:
    """A value openpyxl can write: lists become text, missing becomes empty, control characters
    are dropped (XML cannot hold them)."""
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value)
    if value is None or value is pd.NA or value is pd.NaT or value == "":
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()  # numpy scalars
    if isinstance(value, str):
        if not value.isprintable():  # quick test first: the 45k-row bulk file has none
            value = _CONTROL.sub("", value)
        if len(value) > _CELL_MAX:
            return value[:_CELL_MAX] + " …"
    return value


def _xlsx_cell(ws, value: object, bold: bool = False) -> object:
    """``value`` for a write-only row: a text that would start a formula becomes a text cell
    with Excel's quote prefix (shown as written, never evaluated, not even after an edit)."""
    value = _cell_text(value)
    formula = isinstance(value, str) and value[:1] in _FIRST and starts_formula(value)
    if not (bold or formula):
        return value
    cell = WriteOnlyCell(ws, value=value)
    if formula:
        cell.data_type = "s"  # openpyxl takes a text starting with "=" for a formula
        cell.quotePrefix = True
    if bold:
        cell.font = Font(bold=True)
    return cell


def metadata_rows(
    meta: ExportMeta,
    labels: Labels,
    build: dict,
    lang: str,
    exported_at: datetime,
) -> pd.DataFrame:
    """The metadata sheet: (field, value) rows in ``lang`` naming what the data is and its source."""
    rows: list[tuple[str, str]] = [(t("exp_meta_title", lang), meta.title)]
    for ind in meta.indicator_ids:
        info = labels.indicators.get(ind, {})
        rows.append((t("indicator", lang), labels.indicator_label(ind, lang)))
        for stem, key in (
            ("source_org", "exp_meta_source_org"),
            ("source_data", "exp_meta_source_data"),
            ("definition", "exp_meta_definition"),
            ("calculation", "exp_meta_calculation"),
        ):
            text = _localised(info, stem, lang)
            if text:
                rows.append((f"{ind}: {t(key, lang)}", text))
    sel = meta.selection
    if sel is not None:
        if sel.series:
            rows.append(
                (
                    t("series", lang),
                    f"{labels.code_label('series', sel.series, lang)} ({sel.series})",
                )
            )
        if sel.unit:
            rows.append(
                (t("unit", lang), f"{labels.code_label('unit', sel.unit, lang)} ({sel.unit})")
            )
        for dim in DISAGGREGATIONS:
            code = getattr(sel, dim)
            rows.append(
                (
                    labels.dimension_name(dim, lang),
                    f"{labels.code_label(dim, code, lang)} ({code})" if code else t("total", lang),
                )
            )
    if meta.year is not None:
        rows.append((t("year", lang), str(meta.year)))
    if meta.regions:
        names = ", ".join(f"{labels.region_name(c, lang)} ({c})" for c in meta.regions)
        rows.append((t("region", lang), names))
    rows.extend((t("exp_meta_note", lang), note) for note in meta.notes)
    version = provenance.data_version(build)
    rows += [
        (t("exp_meta_repository", lang), provenance.repository_text(version, lang)),
        (t("exp_meta_commit", lang), provenance.commit_text(version, lang)),
    ]
    if version.commit_date is not None:
        rows.append((t("refresh_meta_commit_date", lang), version.commit_date.isoformat()))
    rows += [
        (
            t("refresh_meta_built", lang),
            version.built_at.isoformat()
            if version.built_at
            else provenance.built_text(version, lang),
        ),
        (t("exp_meta_licence", lang), provenance.licence_text(version, lang)),
        (t("exp_meta_exported", lang), exported_at.strftime("%Y-%m-%d %H:%M:%S %Z").strip()),
        (t("exp_meta_url", lang), meta.url),
    ]
    return pd.DataFrame(rows, columns=[t("exp_meta_field", lang), t("value", lang)])


def _localised(row: dict, stem: str, lang: str) -> str:
    for code in (lang, "ru", "en", "kk"):
        value = row.get(f"{stem}_{code}")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def xlsx_bytes(frame: pd.DataFrame, metadata: pd.DataFrame | None = None) -> bytes:
    """An XLSX workbook: sheet "data" with exactly ``frame``, sheet "metadata" with ``metadata``.

    Written in openpyxl's write-only mode (streams rows), so the 45k-row bulk file stays quick.
    A text that would start a formula (the rule of :func:`csv_bytes`) is written as a text cell
    with the quote prefix: the cell shows exactly what the user wrote and no spreadsheet
    evaluates it; numbers stay number cells.
    """
    wb = Workbook(write_only=True)
    for name, table in ((_SHEET_DATA, frame), (_SHEET_META, metadata)):
        if table is None:
            continue
        ws = wb.create_sheet(name)
        ws.append([_xlsx_cell(ws, str(col), bold=True) for col in table.columns])
        for row in table.itertuples(index=False, name=None):
            ws.append([_xlsx_cell(ws, v) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# Data rows one spreadsheet sheet holds under its header (1,048,576 rows in all: Excel, LibreOffice).
SHEET_MAX_ROWS = 1_048_575


def bulk_frame(observations: pd.DataFrame, labels: Labels, lang: str) -> pd.DataFrame:
    """Every observation with its names in ``lang`` beside the codes, and its source file and row."""
    obs = observations
    ind_ids = obs["indicator_id"].unique()
    ind_names = {i: labels.indicator_name(i, lang) for i in ind_ids}
    out = pd.DataFrame(
        {
            t("goal", lang): obs["goal"].astype(int),
            "indicator_id": obs["indicator_id"],
            t("indicator", lang): obs["indicator_id"].map(ind_names),
            t("year", lang): obs["year"].astype(int),
            "ref_area": obs["ref_area"],
            t("region", lang): _map_labels(obs["ref_area"], lambda c: labels.region_name(c, lang)),
        }
    )
    for col in ("series", "unit", *DISAGGREGATIONS):
        name = labels.dimension_name(col, lang)
        out[col] = obs[col]
        out[name] = _map_labels(obs[col], lambda c, d=col: labels.code_label(d, c, lang))
    out[t("value", lang)] = obs["value"]
    out[t("source", lang)] = obs["source_file"]
    out[t("source_row", lang)] = obs["source_row"].astype(int)
    out["conflict_of"] = obs["conflict_of"]
    out["placeholder"] = obs["placeholder"]
    return out.reset_index(drop=True)


def _map_labels(codes: pd.Series, label) -> pd.Series:
    """Label each distinct code once (45k rows, a few hundred codes)."""
    lookup = {c: label(c) for c in codes.dropna().unique()}
    return codes.map(lookup)
