"""Local data for territories: upload validation, templates and the store seam (pure).

An editor brings a CSV or XLSX in the Open SDG layout of one indicator (``Year``, ``SERIES``,
``UNIT_MEASURE``, the indicator's disaggregation columns such as ``SEX``, ``Value``) for one
territory. :func:`validate` reads it and reports every problem with its row and column; the file
is stored only when there is none (nothing partial is ever stored). Rows are normalised to the
store's columns (:data:`UPLOAD_COLUMNS`). Codes are checked against what the national data use
for that indicator (data/observations.parquet) and the code lists (data/codes.parquet).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pandas as pd

from sdgdash.data import flags
from sdgdash.data.catalog import DIMENSIONS, DISAGGREGATIONS
from sdgdash.data.source import Data, derived

# Limits of one upload (a territory's series of one indicator is a few hundred rows at most).
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 10_000
# What an XLSX may unpack to (its parts together): a 2 MB zip can hold gigabytes ("zip bomb").
MAX_UNPACKED = 50 * 1024 * 1024
MIN_YEAR = 2000

# Source header (as in the platform's CSVs) -> store column.
DIMENSION_HEADERS: dict[str, str] = DIMENSIONS
HEADER_OF = {col: head for head, col in DIMENSION_HEADERS.items()}
YEAR, VALUE = "Year", "Value"
# The columns the store keeps for each uploaded value, in order.
UPLOAD_COLUMNS: tuple[str, ...] = ("year", "series", "unit", *DISAGGREGATIONS, "value")
ENCODINGS: tuple[str, ...] = ("utf-8", "utf-8-sig", "cp1251")
# cp1251 bytes 0x80-0xBF that real Kazakh/Russian text uses; other characters from that range
# mean the bytes were in another encoding (KOI8-R, Mac, ...).
_CP1251_PLAUSIBLE = set("№«»–—‘’‚“”„•…ЁёІі\u00a0°±·§©®")
_XLSX_MAGIC = b"PK\x03\x04"
# A relationship that points out of the package (another workbook, a web page, a file share).
_EXTERNAL = re.compile(rb"TargetMode\s*=\s*[\"']External[\"']", re.IGNORECASE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old binary .xls / .doc

# Problem codes (the UI translates them: catalog keys "ld_<code>"; a plural one counts by "n").
PROBLEM_CODES: tuple[str, ...] = (
    "empty_file",
    "file_too_large",
    "too_many_rows",
    "bad_encoding",
    "bad_delimiter",
    "bad_file",
    "formula",
    "external_link",
    "unknown_indicator",
    "missing_column",
    "unknown_column",
    "duplicate_column",
    "wrong_field_count",
    "missing_value",
    "bad_year",
    "year_out_of_range",
    "non_numeric",
    "unknown_series",
    "unknown_unit",
    "unknown_code",
    "duplicate_row",
)


class Problem(NamedTuple):
    """One problem of an upload: file row (header = 1; None = whole file), column, code, params."""

    row: int | None
    column: str | None
    code: str
    params: dict[str, Any]


@dataclass(frozen=True)
class ValidationResult:
    """Normalised rows (UPLOAD_COLUMNS + source_row) and the problems; stored only if none."""

    rows: pd.DataFrame
    problems: list[Problem]
    file_format: str = ""
    encoding: str = ""
    delimiter: str = ""

    @property
    def ok(self) -> bool:
        """True when the file has rows and no problem."""
        return not self.problems and len(self.rows) > 0

    def store_rows(self) -> pd.DataFrame:
        """Exactly the store's columns (what :meth:`UploadStore.save_upload` receives)."""
        return self.rows[list(UPLOAD_COLUMNS)].copy()


@dataclass(frozen=True)
class IndicatorSchema:
    """What one indicator's data may contain: its series, units, disaggregations and codes."""

    indicator_id: str
    series: frozenset[str]
    units: frozenset[str]
    dimensions: tuple[str, ...]  # disaggregation columns (store names) the indicator uses
    codes: dict[str, frozenset[str]] = field(default_factory=dict, hash=False)

    @property
    def headers(self) -> list[str]:
        """The template's header: Year, SERIES / UNIT_MEASURE when used, disaggregations, Value."""
        cols = [YEAR]
        if self.series - {""}:
            cols.append("SERIES")
        if self.units - {""}:
            cols.append("UNIT_MEASURE")
        cols += [HEADER_OF[d] for d in self.dimensions]
        return [*cols, VALUE]


@dataclass(frozen=True)
class Catalogue:
    """Every indicator that has data, with its schema (built once from the data tables)."""

    schemas: dict[str, IndicatorSchema]

    @classmethod
    def from_tables(cls, observations: pd.DataFrame, codes: pd.DataFrame) -> Catalogue:
        """Build from data/observations.parquet and data/codes.parquet."""
        known: dict[str, set[str]] = {d: set() for d in DISAGGREGATIONS}
        for dim, code in zip(codes["dimension"], codes["code"], strict=True):
            if dim in known:
                known[dim].add(str(code))
        schemas = {}
        for ind, g in observations.groupby("indicator_id", sort=False):
            dims = tuple(d for d in DISAGGREGATIONS if (g[d] != "").any())
            schemas[str(ind)] = IndicatorSchema(
                indicator_id=str(ind),
                series=frozenset(g["series"]),
                units=frozenset(g["unit"]),
                dimensions=dims,
                # A code is accepted when the code list has it or the indicator's data use it.
                codes={d: frozenset(known[d] | set(g[d]) - {""}) for d in dims},
            )
        return cls(schemas=schemas)

    @classmethod
    def from_codes(cls, used: pd.DataFrame, codes: pd.DataFrame) -> Catalogue:
        """Build from the codes each indicator's rows use (``Data.indicator_codes``: one row
        per indicator, a list of distinct values per selection column) and data/codes.parquet;
        the same catalogue as :meth:`from_tables` without reading every observation."""
        known: dict[str, set[str]] = {d: set() for d in DISAGGREGATIONS}
        for dim, code in zip(codes["dimension"], codes["code"], strict=True):
            if dim in known:
                known[dim].add(str(code))
        schemas = {}
        for row in used.to_dict("records"):
            ind = str(row["indicator_id"])
            values = {c: set(row[c]) for c in ("series", "unit", *DISAGGREGATIONS)}
            dims = tuple(d for d in DISAGGREGATIONS if values[d] - {""})
            schemas[ind] = IndicatorSchema(
                indicator_id=ind,
                series=frozenset(values["series"]),
                units=frozenset(values["unit"]),
                dimensions=dims,
                codes={d: frozenset(known[d] | values[d] - {""}) for d in dims},
            )
        return cls(schemas=schemas)


def with_upload_id(uploads: pd.DataFrame) -> pd.DataFrame:
    """A store's uploads listing with its id column named ``upload_id`` (the store says ``id``)."""
    if "upload_id" not in uploads.columns and "id" in uploads.columns:
        return uploads.rename(columns={"id": "upload_id"})
    return uploads


# --- reading ---------------------------------------------------------------------------------


def _decode(raw: bytes) -> tuple[str | None, str, Problem | None]:
    """(text, encoding, problem): UTF-8 (with or without BOM) or cp1251, else a problem."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4096]:
        return None, "", Problem(None, None, "bad_encoding", {"encoding": "UTF-16 / binary"})
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw.decode("utf-8-sig"), "utf-8-sig", None
        except UnicodeDecodeError as exc:
            return None, "", _bad_bytes(raw, exc.start)
    try:
        return raw.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError as exc:
        return None, "", _bad_bytes(raw, exc.start)
    for i, ch in enumerate(text):
        if ch >= "\u0080" and not ("\u0410" <= ch <= "\u044f") and ch not in _CP1251_PLAUSIBLE:
            line = text[:i].count("\n") + 1
            return None, "", Problem(line, None, "bad_encoding", {"encoding": "?"})
    return text, "cp1251", None


def _bad_bytes(raw: bytes, at: int) -> Problem:
    return Problem(raw[:at].count(b"\n") + 1, None, "bad_encoding", {"encoding": "?"})


def _csv_table(raw: bytes) -> tuple[list[list[str]], list[int], str, str, list[Problem]]:
    """(records, their line numbers, encoding, delimiter, problems) of a CSV file."""
    text, encoding, problem = _decode(raw)
    if problem:
        return [], [], "", "", [problem]
    assert text is not None
    lines = text.splitlines()
    header = next((ln for ln in lines if ln.strip()), "")
    commas, semis = header.count(","), header.count(";")
    if not commas and not semis:
        for other, name in (("\t", "TAB"), ("|", "|")):
            if other in header:
                return [], [], encoding, "", [Problem(1, None, "bad_delimiter", {"found": name})]
    delimiter = ";" if semis > commas else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, numbers = [], []
    line = 1
    for rec in reader:
        numbers.append(line)
        records.append(rec)
        line = reader.line_num + 1
        if len(records) > MAX_ROWS + 1:
            break
    return records, numbers, encoding, delimiter, []


def csv_records(raw: bytes) -> tuple[list[list[str]], list[int], str, str, list[Problem]]:
    """(records, their line numbers, encoding, delimiter, problems) of an uploaded CSV file;
    the same reading (UTF-8 or cp1251, comma or semicolon) for every upload of the app."""
    return _csv_table(raw)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return str(value.year) if value == dt.datetime(value.year, 1, 1) else value.isoformat()
    return str(value)


def _package_problem(raw: bytes) -> Problem | None:
    """A problem of the XLSX package itself, found before any part is unpacked: parts that
    unpack to more than :data:`MAX_UNPACKED`, or a link out of the file (another workbook, a
    web page, a data connection), which the stored original would carry to the next reader."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            parts = z.infolist()
            size = sum(p.file_size for p in parts)
            if size > MAX_UNPACKED:
                return Problem(None, None, "file_too_large", {"n": size, "max": MAX_UNPACKED})
            for part in parts:
                name = part.filename.lower()
                if name.startswith("xl/externallinks/") or name == "xl/connections.xml":
                    return Problem(None, None, "external_link", {})
                if name.endswith(".rels") and _EXTERNAL.search(z.read(part)):
                    return Problem(None, None, "external_link", {})
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return Problem(None, None, "bad_file", {"detail": type(exc).__name__})
    return None


def _xlsx_table(raw: bytes) -> tuple[list[list[str]], list[int], list[Problem]]:
    """(records, row numbers, problems) of the first sheet of an XLSX file.

    A cell with a formula is a problem even when the file carries its last value: the stored
    original would compute again (and could fetch or run something) in the next reader's Excel.
    """
    import openpyxl
    from openpyxl.utils import get_column_letter

    problem = _package_problem(raw)
    if problem:
        return [], [], [problem]
    try:
        wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return [], [], [Problem(None, None, "bad_file", {"detail": type(exc).__name__})]
    problems = []
    try:
        ws = wb.worksheets[0]
        records, numbers = [], []
        header: list[str] = []
        for i, row in enumerate(ws.iter_rows(), start=1):
            cells = []
            for j, cell in enumerate(row):
                if getattr(cell, "data_type", None) == "f":
                    name = header[j].strip() if j < len(header) and header[j].strip() else ""
                    coordinate = f"{get_column_letter(j + 1)}{i}"
                    problems.append(Problem(i, name or None, "formula", {"cell": coordinate}))
                    cells.append("")
                else:
                    cells.append(_cell_text(getattr(cell, "value", None)))
            while cells and cells[-1] == "":
                cells.pop()
            if not header and any(c.strip() for c in cells):
                header = cells
            records.append(cells)
            numbers.append(i)
            if len(records) > MAX_ROWS + 1:
                break
    finally:
        wb.close()
    return records, numbers, problems


_NUMBER_RE = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def parse_number(text: str) -> float | None:
    """A number written as 12.5, 12,5 (decimal comma), 1 234,5 (spaced thousands); else None."""
    t = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not _NUMBER_RE.match(t):
        return None
    return float(t.replace(",", "."))


def _is_xlsx(filename: str, raw: bytes) -> bool:
    return raw.startswith(_XLSX_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm"))


# --- validation ------------------------------------------------------------------------------


def validate(
    content: bytes,
    filename: str,
    indicator_id: str,
    catalogue: Catalogue,
    *,
    current_year: int | None = None,
) -> ValidationResult:
    """Check an upload of ``indicator_id`` and normalise its rows; every problem has row and column."""
    year_hi = current_year or dt.date.today().year
    empty = pd.DataFrame(columns=[*UPLOAD_COLUMNS, "source_row"])

    def fail(*problems: Problem, **kw: str) -> ValidationResult:
        return ValidationResult(empty, list(problems), **kw)

    schema = catalogue.schemas.get(indicator_id)
    if schema is None:
        return fail(Problem(None, None, "unknown_indicator", {"indicator": indicator_id}))
    if not content or not content.strip():
        return fail(Problem(None, None, "empty_file", {}))
    if len(content) > MAX_BYTES:
        return fail(Problem(None, None, "file_too_large", {"n": len(content), "max": MAX_BYTES}))
    if content.startswith(_OLE_MAGIC):
        return fail(Problem(None, None, "bad_file", {"detail": "xls"}))

    encoding = delimiter = ""
    if _is_xlsx(filename, content):
        file_format = "xlsx"
        records, numbers, problems = _xlsx_table(content)
    else:
        file_format = "csv"
        records, numbers, encoding, delimiter, problems = _csv_table(content)
    meta = {"file_format": file_format, "encoding": encoding, "delimiter": delimiter}
    if problems:
        return fail(*problems, **meta)

    # Blank records (empty lines, empty spreadsheet rows) are skipped; the header is the first.
    table = [(n, r) for n, r in zip(numbers, records, strict=True) if any(c.strip() for c in r)]
    if len(table) < 2:
        return fail(Problem(None, None, "empty_file", {}), **meta)
    if len(table) - 1 > MAX_ROWS:
        return fail(Problem(None, None, "too_many_rows", {"max": MAX_ROWS}), **meta)

    header_line, header = table[0]
    names = [h.strip() for h in header]
    problems = []
    canonical = {c.upper(): c for c in (YEAR, VALUE, *DIMENSION_HEADERS)}
    allowed = {
        YEAR,
        VALUE,
        *(["SERIES"] if schema.series - {""} else []),
        *(["UNIT_MEASURE"] if schema.units - {""} else []),
        *(HEADER_OF[d] for d in schema.dimensions),
    }
    columns: dict[str, int] = {}
    for i, name in enumerate(names):
        canon = canonical.get(name.upper(), name)
        if canon in columns:
            problems.append(Problem(header_line, name, "duplicate_column", {}))
        elif canon not in allowed:
            problems.append(
                Problem(
                    header_line, name or f"#{i + 1}", "unknown_column", {"allowed": _fmt(allowed)}
                )
            )
        else:
            columns[canon] = i
    required = [YEAR, *(c for c in ("SERIES", "UNIT_MEASURE") if c in allowed), VALUE]
    for col in required:
        if col not in columns:
            problems.append(Problem(header_line, col, "missing_column", {}))
    if problems:
        return fail(*problems, **meta)

    out = []
    seen: dict[tuple, int] = {}
    for line, rec in table[1:]:
        if len(rec) != len(names) and not (file_format == "xlsx" and len(rec) < len(names)):
            problems.append(
                Problem(line, None, "wrong_field_count", {"n": len(rec), "expected": len(names)})
            )
            continue
        cells = {col: (rec[i].strip() if i < len(rec) else "") for col, i in columns.items()}
        row: dict[str, Any] = {c: "" for c in UPLOAD_COLUMNS}
        row_ok = True

        year_text = cells[YEAR]
        year = parse_number(year_text) if year_text else None
        if not year_text:
            problems.append(Problem(line, YEAR, "missing_value", {}))
            row_ok = False
        elif year is None or not float(year).is_integer():
            problems.append(Problem(line, YEAR, "bad_year", {"value": year_text[:40]}))
            row_ok = False
        elif not MIN_YEAR <= int(year) <= year_hi:
            problems.append(
                Problem(
                    line,
                    YEAR,
                    "year_out_of_range",
                    {"value": int(year), "lo": MIN_YEAR, "hi": year_hi},
                )
            )
            row_ok = False
        else:
            row["year"] = int(year)

        for head, col in DIMENSION_HEADERS.items():
            if head not in columns:
                continue
            code = cells[head]
            if head == "SERIES":
                ok_codes, problem = schema.series, "unknown_series"
            elif head == "UNIT_MEASURE":
                ok_codes, problem = schema.units, "unknown_unit"
            else:
                ok_codes, problem = schema.codes.get(col, frozenset()) | {""}, "unknown_code"
            if head in ("SERIES", "UNIT_MEASURE") and not code:
                problems.append(Problem(line, head, "missing_value", {}))
                row_ok = False
            elif code not in ok_codes:
                problems.append(
                    Problem(line, head, problem, {"value": code[:40], "allowed": _fmt(ok_codes)})
                )
                row_ok = False
            row[col] = code

        value_text = cells[VALUE]
        value = parse_number(value_text) if value_text else None
        if not value_text:
            problems.append(Problem(line, VALUE, "missing_value", {}))
            row_ok = False
        elif value is None or value != value or value in (float("inf"), float("-inf")):
            problems.append(Problem(line, VALUE, "non_numeric", {"value": value_text[:40]}))
            row_ok = False
        else:
            row["value"] = value

        if row_ok:
            key = tuple(row[c] for c in UPLOAD_COLUMNS if c != "value")
            if key in seen:
                problems.append(Problem(line, None, "duplicate_row", {"first": seen[key]}))
                continue
            seen[key] = line
            out.append({**row, "source_row": line})

    if problems:
        return fail(*problems, **meta)
    rows = pd.DataFrame(out, columns=[*UPLOAD_COLUMNS, "source_row"])
    rows = rows.astype({"year": "int64", "value": "float64", "source_row": "int64"})
    return ValidationResult(rows.reset_index(drop=True), [], **meta)


def _fmt(codes: set[str] | frozenset[str], limit: int = 12) -> str:
    shown = sorted(c for c in codes if c)
    text = ", ".join(shown[:limit])
    return text + (", …" if len(shown) > limit else "")


# --- templates -------------------------------------------------------------------------------


def template_rows(schema: IndicatorSchema) -> list[list[str]]:
    """Header and one row per series/unit combination of the indicator, with no values."""
    headers = schema.headers
    series = sorted(schema.series - {""}) or [""]
    units = sorted(schema.units - {""}) or [""]
    rows = [headers]
    for s in series:
        for u in units:
            row = []
            for h in headers:
                row.append(s if h == "SERIES" else u if h == "UNIT_MEASURE" else "")
            rows.append(row)
    return rows


def template_csv(schema: IndicatorSchema) -> bytes:
    """The indicator's template as CSV (UTF-8 with BOM, so Excel opens it with Cyrillic intact)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(template_rows(schema))
    return buf.getvalue().encode("utf-8-sig")


def template_xlsx(
    schema: IndicatorSchema, code_labels: dict[tuple[str, str], str] | None = None
) -> bytes:
    """The template as XLSX: the layout on the first sheet, the allowed codes on a second one."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "data"
    for row in template_rows(schema):
        ws.append(row)
    codes = wb.create_sheet("codes")
    codes.append(["column", "code", "label"])
    labels = code_labels or {}
    for head, col in DIMENSION_HEADERS.items():
        if col == "series":
            allowed = schema.series
        elif col == "unit":
            allowed = schema.units
        else:
            allowed = schema.codes.get(col, frozenset())
        for code in sorted(allowed - {""}):
            codes.append([head, code, labels.get((col, code), "")])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- territory / region / Kazakhstan ---------------------------------------------------------

SELECTION_KEYS: tuple[str, ...] = ("series", "unit", *DISAGGREGATIONS)


def side_by_side(local: pd.DataFrame, observations: pd.DataFrame, parent: str) -> pd.DataFrame:
    """Each uploaded value beside the parent region's and Kazakhstan's for the same selection
    and year (NaN where the national data have none), with the national source rows.

    ``local`` has indicator_id and the store's columns; ``observations`` the national data of
    the same indicators (data/observations.parquet rows; flagged rows are left out).
    """
    keys = ["indicator_id", *SELECTION_KEYS, "year"]
    if not len(local):
        return pd.DataFrame(
            columns=[
                *keys,
                "value",
                "region_value",
                "region_source",
                "national_value",
                "national_source",
            ]
        )
    obs = flags.usable(observations)
    obs = obs.assign(year=obs["year"].astype("int64"))
    src = obs["source_file"].astype(str) + ":" + obs["source_row"].astype(str)
    obs = obs.assign(_source=src)

    def pick(code: str, name: str) -> pd.DataFrame:
        part = obs[obs["ref_area"] == code][[*keys, "value", "_source"]]
        return part.rename(columns={"value": f"{name}_value", "_source": f"{name}_source"})

    base = local.assign(year=local["year"].astype("int64"))[[*keys, "value"]]
    out = base.merge(pick(parent, "region"), on=keys, how="left").merge(
        pick("", "national"), on=keys, how="left"
    )
    return out.sort_values(keys).reset_index(drop=True)


def series_of_three(
    local: pd.DataFrame, observations: pd.DataFrame, parent: str, selection: dict[str, str]
) -> pd.DataFrame:
    """year, place ("territory" / "region" / "national"), value of one indicator selection."""

    def match(frame: pd.DataFrame) -> pd.Series:
        mask = pd.Series(True, index=frame.index)
        for k in SELECTION_KEYS:
            mask &= frame[k] == selection.get(k, "")
        return mask

    obs = flags.usable(observations)
    obs = obs[match(obs)]
    parts = [
        local[match(local)][["year", "value"]].assign(place="territory"),
        obs[obs["ref_area"] == parent][["year", "value"]].assign(place="region"),
        obs[obs["ref_area"] == ""][["year", "value"]].assign(place="national"),
    ]
    out = pd.concat(parts, ignore_index=True)
    out["year"] = out["year"].astype("int64")
    return out.sort_values(["place", "year"]).reset_index(drop=True)


@derived
def upload_catalogue(data: Data) -> Catalogue:
    """What an upload of each indicator may contain (series, units, disaggregations, codes)."""
    return Catalogue.from_codes(data.indicator_codes(), data.codes())
