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


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so Excel shows Kazakh and Russian letters."""
    return frame.to_csv(index=False).encode("utf-8-sig")


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
    """A value openpyxl can write: lists become text, missing becomes empty."""
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    if value is None or value is pd.NA or value is pd.NaT or value == "":
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()  # numpy scalars
    if isinstance(value, str) and len(value) > _CELL_MAX:
        return value[:_CELL_MAX] + " …"
    return value


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
    """
    wb = Workbook(write_only=True)
    for name, table in ((_SHEET_DATA, frame), (_SHEET_META, metadata)):
        if table is None:
            continue
        ws = wb.create_sheet(name)
        header = []
        for col in table.columns:
            cell = WriteOnlyCell(ws, value=str(col))
            cell.font = Font(bold=True)
            header.append(cell)
        ws.append(header)
        for row in table.itertuples(index=False, name=None):
            ws.append([_cell_text(v) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


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
