"""Checks of regional plan targets before anything is stored (pure): form input and CSV/XLSX files.

A plan target names a place (a region's ``ref_area`` such as ``KZKAR``, or a pilot territory's
id such as ``karkaraly_district``), one selection of an indicator (series, unit, disaggregation)
that the national data really have for that region (for a territory: its parent region), a
baseline value and year, planned values for one or more later years (2025, 2029, 2030, ...) and
the planning document it comes from (name, date, article or page).

A file (CSV or XLSX, read as local-data uploads are: UTF-8 or Windows-1251, comma or semicolon)
holds one place's targets, one row per selection::

    PLACE,INDICATOR,LABEL,SERIES,UNIT_MEASURE,SEX,BASELINE_YEAR,BASELINE_VALUE,2025,2030,
    DOCUMENT,DOCUMENT_DATE,DOCUMENT_REF

``LABEL`` (the template writes the indicator's name there) is ignored; each column named by a
year holds the planned value for that year (an empty cell: no target that year); disaggregation
columns (SEX, AGE, ...) are optional. A template row left without baseline, planned values and
document is skipped (and counted). Every problem is reported with its row and column, and a file
is stored only when it has none.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from sdgdash.data.catalog import DISAGGREGATIONS, SELECTION_COLUMNS, natural_key
from sdgdash.data.models import Selection
from sdgdash.features.localdata.uploads import (
    HEADER_OF,
    MAX_BYTES,
    MAX_ROWS,
    PROBLEM_CODES,
    Problem,
    csv_records,
    parse_number,
)

REGION, TERRITORY = "region", "territory"
PLACE, INDICATOR, LABEL = "PLACE", "INDICATOR", "LABEL"
BASELINE_YEAR, BASELINE_VALUE = "BASELINE_YEAR", "BASELINE_VALUE"
DOCUMENT, DOCUMENT_DATE, DOCUMENT_REF = "DOCUMENT", "DOCUMENT_DATE", "DOCUMENT_REF"
KEY_HEADERS: tuple[str, ...] = tuple(HEADER_OF[c] for c in SELECTION_COLUMNS)
REQUIRED: tuple[str, ...] = (
    PLACE,
    INDICATOR,
    "SERIES",
    "UNIT_MEASURE",
    BASELINE_YEAR,
    BASELINE_VALUE,
    DOCUMENT,
    DOCUMENT_DATE,
)
OPTIONAL: tuple[str, ...] = (LABEL, *(HEADER_OF[c] for c in DISAGGREGATIONS), DOCUMENT_REF)
YEAR_HEADER = re.compile(r"^\d{4}$")

MIN_YEAR = 2000  # as local data: the national series start in 2000 or later
MAX_PLAN_YEAR = 2050  # the State Planning System's longest horizon (Strategy 2050)
DOCUMENT_MAX = 300
REF_MAX = 100
DEFAULT_PLAN_YEARS: tuple[int, ...] = (2025, 2029, 2030)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"

# Problem codes of plans; codes shared with local data (localdata.PROBLEM_CODES) keep its texts.
PLAN_CODES: tuple[str, ...] = (
    "unknown_place",
    "wrong_place",
    "no_indicator_data",
    "no_year_columns",
    "no_plan_value",
    "plan_year_order",
    "duplicate_plan_year",
    "duplicate_plan",
    "bad_date",
    "date_missing",
    "date_out_of_range",
    "text_missing",
    "text_too_long",
    "bad_text",
)
# Field of PlanInput -> the file column that holds it (a year's planned value: the year itself).
FIELD_COLUMN: dict[str, str] = {
    "place": PLACE,
    "indicator_id": INDICATOR,
    **{c: HEADER_OF[c] for c in SELECTION_COLUMNS},
    "baseline_year": BASELINE_YEAR,
    "baseline_value": BASELINE_VALUE,
    "document_name": DOCUMENT,
    "document_date": DOCUMENT_DATE,
    "document_ref": DOCUMENT_REF,
}


def message_key(code: str) -> str:
    """The interface-string key of a problem code (``plan_err_<code>`` or local data's ``ld_``)."""
    return f"plan_err_{code}" if code in PLAN_CODES or code not in PROBLEM_CODES else f"ld_{code}"


@dataclass(frozen=True)
class PlanInput:
    """One plan target as an editor enters it (form) or a file row gives it."""

    place: str
    selection: Selection
    baseline_year: int
    baseline_value: float
    planned: tuple[tuple[int, float], ...]  # (year, value), years after the baseline year
    document_name: str
    document_date: dt.date
    document_ref: str = ""

    @property
    def indicator_id(self) -> str:
        """The indicator of the selection."""
        return self.selection.indicator_id

    def key(self) -> tuple[str, ...]:
        """Place, indicator and selection: what one target (and its versions) is about."""
        sel = self.selection
        return (self.place, sel.indicator_id, *(getattr(sel, c) for c in SELECTION_COLUMNS))


@dataclass(frozen=True)
class PlanCatalogue:
    """Places a target may name and the selections the national data have for each region."""

    regions: frozenset[str]
    parents: Mapping[str, str] = field(default_factory=dict, hash=False)  # territory -> region
    # (ref_area, indicator_id) -> selections as tuples in SELECTION_COLUMNS order
    selections: Mapping[tuple[str, str], frozenset[tuple[str, ...]]] = field(
        default_factory=dict, hash=False
    )

    @classmethod
    def from_tables(
        cls, observations: pd.DataFrame, regions: Iterable[str], territories: pd.DataFrame
    ) -> PlanCatalogue:
        """From data/observations.parquet, the known region codes and the pilot territories
        (columns ``id`` and ``parent_ref_area``, as ``sdgdash.store.validate.territories``)."""
        regions = frozenset(str(r) for r in regions if r)
        obs = observations[observations["ref_area"].isin(regions)]
        found: dict[tuple[str, str], set[tuple[str, ...]]] = {}
        keys = ["ref_area", "indicator_id", *SELECTION_COLUMNS]
        for row in obs[keys].drop_duplicates().itertuples(index=False, name=None):
            found.setdefault((row[0], row[1]), set()).add(tuple(str(v) for v in row[2:]))
        parents = {
            str(i): str(p)
            for i, p in zip(territories["id"], territories["parent_ref_area"], strict=True)
            if i and p
        }
        return cls(
            regions=regions,
            parents=parents,
            selections={k: frozenset(v) for k, v in found.items()},
        )

    @classmethod
    def from_settings(cls, settings: Any) -> PlanCatalogue:
        """Read the observations, regions and pilot territories that ``settings`` point to."""
        from sdgdash.location import as_location
        from sdgdash.store.validate import known_ref_areas, territories

        source = as_location(settings.data_dir) / "observations.parquet"
        columns = ["ref_area", "indicator_id", *SELECTION_COLUMNS]
        obs = pd.read_parquet(io.BytesIO(source.read_bytes()), columns=columns)
        return cls.from_tables(
            obs, known_ref_areas(settings.data_dir), territories(settings.geodata_dir)
        )

    def kind(self, place: str) -> str | None:
        """``region``, ``territory`` or None for an unknown place."""
        if place in self.regions:
            return REGION
        if place in self.parents:
            return TERRITORY
        return None

    def region_of(self, place: str) -> str | None:
        """The region whose data a place's targets are checked against (a territory's parent)."""
        if place in self.regions:
            return place
        return self.parents.get(place)

    def places(self) -> list[str]:
        """Every place a target may name: regions first, then territories."""
        return sorted(self.regions) + sorted(self.parents)

    def indicators(self, place: str) -> list[str]:
        """Indicators with data for the place's region, in natural order (1.2.1 before 1.10.1)."""
        region = self.region_of(place)
        ids = {ind for (ref, ind) in self.selections if ref == region}
        return sorted(ids, key=natural_key)

    def selections_of(self, place: str, indicator_id: str) -> list[Selection]:
        """The indicator's selections in the national data for the place's region."""
        found = self.selections.get((self.region_of(place) or "", indicator_id), frozenset())
        return [
            Selection(indicator_id, **dict(zip(SELECTION_COLUMNS, s, strict=True)))
            for s in sorted(found)
        ]


# --- checks of one target --------------------------------------------------------------------


def _text_problems(name: str, text: str, limit: int, required: bool) -> list[Problem]:
    text = text if isinstance(text, str) else ""
    if not text.strip():
        return [Problem(None, name, "text_missing", {})] if required else []
    if len(text) > limit:
        return [Problem(None, name, "text_too_long", {"max": limit})]
    if not text.isprintable():
        return [Problem(None, name, "bad_text", {})]
    return []


def _shown(codes: Iterable[str], limit: int = 12) -> str:
    shown = sorted({c or "—" for c in codes})
    return ", ".join(shown[:limit]) + (", …" if len(shown) > limit else "")


def _selection_problems(sel: Selection, allowed: frozenset[tuple[str, ...]]) -> list[Problem]:
    """The first selection column whose value no existing selection has (given the ones before)."""
    matching = set(allowed)
    for i, column in enumerate(SELECTION_COLUMNS):
        value = getattr(sel, column)
        narrowed = {s for s in matching if s[i] == value}
        if not narrowed:
            code = {"series": "unknown_series", "unit": "unknown_unit"}.get(column, "unknown_code")
            options = [s[i] for s in matching]
            return [Problem(None, column, code, {"value": value[:40], "allowed": _shown(options)})]
        matching = narrowed
    return []


def _finite(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def check_plan(
    inp: PlanInput, catalogue: PlanCatalogue, today: dt.date | None = None
) -> list[Problem]:
    """Every problem of one target (empty: it may be stored); ``column`` names the input field."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    region = catalogue.region_of(inp.place) if isinstance(inp.place, str) else None
    if region is None:
        problems.append(Problem(None, "place", "unknown_place", {"value": str(inp.place)[:40]}))
    else:
        allowed = catalogue.selections.get((region, inp.indicator_id))
        if not allowed:
            problems.append(
                Problem(
                    None,
                    "indicator_id",
                    "no_indicator_data",
                    {"indicator": str(inp.indicator_id)[:32], "region": region},
                )
            )
        else:
            problems += _selection_problems(inp.selection, allowed)
    base_year = inp.baseline_year
    year_ok = isinstance(base_year, int) and not isinstance(base_year, bool)
    if base_year is None or base_year == "":
        problems.append(Problem(None, "baseline_year", "missing_value", {}))
    elif isinstance(base_year, str):
        problems.append(Problem(None, "baseline_year", "bad_year", {"value": base_year[:40]}))
    elif not year_ok or not MIN_YEAR <= base_year <= today.year:
        problems.append(
            Problem(
                None,
                "baseline_year",
                "year_out_of_range",
                {"value": base_year, "lo": MIN_YEAR, "hi": today.year},
            )
        )
        year_ok = False
    if inp.baseline_value is None or inp.baseline_value == "":
        problems.append(Problem(None, "baseline_value", "missing_value", {}))
    elif not _finite(inp.baseline_value):
        problems.append(
            Problem(None, "baseline_value", "non_numeric", {"value": str(inp.baseline_value)[:40]})
        )
    if not inp.planned:
        problems.append(Problem(None, "planned", "no_plan_value", {}))
    seen: set[int] = set()
    for year, value in inp.planned:
        column = str(year)
        if year is None or year == "":
            problems.append(Problem(None, "planned", "missing_value", {}))
            continue
        if not isinstance(year, int) or isinstance(year, bool):
            problems.append(Problem(None, "planned", "bad_year", {"value": str(year)[:40]}))
            continue
        if year in seen:
            problems.append(Problem(None, column, "duplicate_plan_year", {"year": year}))
        seen.add(year)
        if not MIN_YEAR <= year <= MAX_PLAN_YEAR:
            problems.append(
                Problem(
                    None,
                    column,
                    "year_out_of_range",
                    {"value": year, "lo": MIN_YEAR, "hi": MAX_PLAN_YEAR},
                )
            )
        elif year_ok and year <= base_year:
            problems.append(
                Problem(None, column, "plan_year_order", {"year": year, "baseline": base_year})
            )
        if value is None or value == "":
            problems.append(Problem(None, column, "missing_value", {}))
        elif not _finite(value):
            problems.append(Problem(None, column, "non_numeric", {"value": str(value)[:40]}))
    problems += _text_problems("document_name", inp.document_name, DOCUMENT_MAX, True)
    doc_date = inp.document_date
    if doc_date is None:
        problems.append(Problem(None, "document_date", "date_missing", {}))
    elif not isinstance(doc_date, dt.date) or isinstance(doc_date, dt.datetime):
        problems.append(Problem(None, "document_date", "bad_date", {"value": str(doc_date)[:40]}))
    elif not dt.date(MIN_YEAR, 1, 1) <= doc_date <= today:
        problems.append(
            Problem(
                None,
                "document_date",
                "date_out_of_range",
                {"lo": dt.date(MIN_YEAR, 1, 1).isoformat(), "hi": today.isoformat()},
            )
        )
    problems += _text_problems("document_ref", inp.document_ref or "", REF_MAX, False)
    return problems


# --- files -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanFileResult:
    """The targets of a checked file (with their file rows) and its problems; stored only if none."""

    entries: tuple[PlanInput, ...]
    source_rows: tuple[int, ...]
    problems: list[Problem]
    skipped_rows: tuple[int, ...] = ()  # template rows left empty
    file_format: str = ""
    encoding: str = ""
    delimiter: str = ""

    @property
    def ok(self) -> bool:
        """True when the file has at least one target and no problem."""
        return not self.problems and len(self.entries) > 0


def parse_date(text: str) -> dt.date | None:
    """A date written as 2024-03-15, 15.03.2024 or 15/03/2024 (an XLSX date cell: the first)."""
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _xlsx_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        # A date typed into Excel: keep the whole date (local data keeps only a year).
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_records(raw: bytes) -> tuple[list[list[str]], list[int], list[Problem]]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return [], [], [Problem(None, None, "bad_file", {"detail": type(exc).__name__})]
    try:
        records, numbers = [], []
        for i, row in enumerate(wb.worksheets[0].iter_rows(values_only=True), start=1):
            cells = [_xlsx_cell(v) for v in row]
            while cells and cells[-1] == "":
                cells.pop()
            records.append(cells)
            numbers.append(i)
            if len(records) > MAX_ROWS + 1:
                break
    finally:
        wb.close()
    return records, numbers, []


def _header(
    names: list[str], line: int
) -> tuple[dict[str, int], dict[int, tuple[str, int]], list[Problem]]:
    """(column -> index, index -> (year header, year), problems) of the header row."""
    canonical = {c: c for c in (*REQUIRED, *OPTIONAL)}
    columns: dict[str, int] = {}
    years: dict[int, tuple[str, int]] = {}
    problems: list[Problem] = []
    seen_years: set[int] = set()
    for i, name in enumerate(names):
        if YEAR_HEADER.match(name):
            year = int(name)
            if year in seen_years:
                problems.append(Problem(line, name, "duplicate_column", {}))
            elif not MIN_YEAR <= year <= MAX_PLAN_YEAR:
                problems.append(
                    Problem(
                        line,
                        name,
                        "year_out_of_range",
                        {"value": year, "lo": MIN_YEAR, "hi": MAX_PLAN_YEAR},
                    )
                )
            seen_years.add(year)
            years[i] = (name, year)
            continue
        canon = canonical.get(name.upper())
        if canon is None:
            allowed = ", ".join([*REQUIRED, *OPTIONAL, "2025, 2030, ..."])
            problems.append(
                Problem(line, name or f"#{i + 1}", "unknown_column", {"allowed": allowed})
            )
        elif canon in columns:
            problems.append(Problem(line, name, "duplicate_column", {}))
        else:
            columns[canon] = i
    for col in REQUIRED:
        if col not in columns:
            problems.append(Problem(line, col, "missing_column", {}))
    if not years:
        problems.append(Problem(line, None, "no_year_columns", {}))
    return columns, years, problems


def validate_file(
    content: bytes,
    filename: str,
    place: str,
    catalogue: PlanCatalogue,
    *,
    today: dt.date | None = None,
) -> PlanFileResult:
    """Check a plan file of ``place``: every problem with its row and column, nothing half-read."""
    today = today or dt.date.today()

    def fail(*problems: Problem, **meta: str) -> PlanFileResult:
        return PlanFileResult((), (), list(problems), **meta)

    if catalogue.kind(place) is None:
        return fail(Problem(None, None, "unknown_place", {"value": str(place)[:40]}))
    if not content or not content.strip():
        return fail(Problem(None, None, "empty_file", {}))
    if len(content) > MAX_BYTES:
        return fail(Problem(None, None, "file_too_large", {"n": len(content), "max": MAX_BYTES}))
    if content.startswith(_OLE_MAGIC):
        return fail(Problem(None, None, "bad_file", {"detail": "xls"}))
    encoding = delimiter = ""
    if content.startswith(_XLSX_MAGIC) or str(filename).lower().endswith((".xlsx", ".xlsm")):
        file_format = "xlsx"
        records, numbers, problems = _xlsx_records(content)
    else:
        file_format = "csv"
        records, numbers, encoding, delimiter, problems = csv_records(content)
    meta = {"file_format": file_format, "encoding": encoding, "delimiter": delimiter}
    if problems:
        return fail(*problems, **meta)
    table = [(n, r) for n, r in zip(numbers, records, strict=True) if any(c.strip() for c in r)]
    if len(table) < 2:
        return fail(Problem(None, None, "empty_file", {}), **meta)
    if len(table) - 1 > MAX_ROWS:
        return fail(Problem(None, None, "too_many_rows", {"max": MAX_ROWS}), **meta)

    header_line, header = table[0]
    names = [h.strip() for h in header]
    columns, years, problems = _header(names, header_line)
    if problems:
        return fail(*problems, **meta)

    entries: list[PlanInput] = []
    rows: list[int] = []
    skipped: list[int] = []
    seen: dict[tuple[str, ...], int] = {}
    content_cols = [columns[c] for c in (BASELINE_YEAR, BASELINE_VALUE, DOCUMENT, DOCUMENT_DATE)]
    content_cols += [columns[DOCUMENT_REF]] if DOCUMENT_REF in columns else []
    for line, rec in table[1:]:
        if len(rec) != len(names) and not (file_format == "xlsx" and len(rec) < len(names)):
            problems.append(
                Problem(line, None, "wrong_field_count", {"n": len(rec), "expected": len(names)})
            )
            continue

        def cell(i: int, rec: list[str] = rec) -> str:
            return rec[i].strip() if i < len(rec) else ""

        if not any(cell(i) for i in [*content_cols, *years]):
            skipped.append(line)  # a template row the editor did not fill in
            continue
        row_problems: list[Problem] = []

        def need(column: str, line: int = line, row_problems: list = row_problems) -> str:
            text = cell(columns[column])
            if not text:
                row_problems.append(Problem(line, column, "missing_value", {}))
            return text

        where = need(PLACE)
        if where and where != place:
            row_problems.append(
                Problem(line, PLACE, "wrong_place", {"value": where[:40], "place": place})
            )
        indicator = need(INDICATOR)
        codes = {
            col: cell(columns[HEADER_OF[col]]) if HEADER_OF[col] in columns else ""
            for col in SELECTION_COLUMNS
        }
        base_year: int | None = None
        text = need(BASELINE_YEAR)
        number = parse_number(text) if text else None
        if text and (number is None or not float(number).is_integer()):
            row_problems.append(Problem(line, BASELINE_YEAR, "bad_year", {"value": text[:40]}))
        elif text:
            base_year = int(number)
        base_value = None
        text = need(BASELINE_VALUE)
        number = parse_number(text) if text else None
        if text and (number is None or not math.isfinite(number)):
            row_problems.append(Problem(line, BASELINE_VALUE, "non_numeric", {"value": text[:40]}))
        elif text:
            base_value = number
        planned: list[tuple[int, float]] = []
        for i, (head, year) in sorted(years.items(), key=lambda kv: kv[1][1]):
            text = cell(i)
            if not text:
                continue
            number = parse_number(text)
            if number is None or not math.isfinite(number):
                row_problems.append(Problem(line, head, "non_numeric", {"value": text[:40]}))
            else:
                planned.append((year, number))
        document = need(DOCUMENT)
        doc_date = None
        text = need(DOCUMENT_DATE)
        if text:
            doc_date = parse_date(text)
            if doc_date is None:
                row_problems.append(Problem(line, DOCUMENT_DATE, "bad_date", {"value": text[:40]}))
        ref = cell(columns[DOCUMENT_REF]) if DOCUMENT_REF in columns else ""
        inp = PlanInput(
            place=place,
            selection=Selection(indicator, **codes),
            # Unreadable cells stay None: check_plan still checks everything else of the row.
            baseline_year=base_year,  # type: ignore[arg-type]
            baseline_value=base_value,  # type: ignore[arg-type]
            planned=tuple(planned),
            document_name=document,
            document_date=doc_date,  # type: ignore[arg-type]
            document_ref=ref,
        )
        found = check_plan(inp, catalogue, today)
        heads = ", ".join(h for h, _ in sorted(years.values(), key=lambda hy: hy[1]))
        # A column with a problem already (empty, unreadable) gets no second one from the check.
        taken = {p.column for p in row_problems}
        if taken & {h for h, _ in years.values()}:
            taken.add(heads)
        file_problems = list(row_problems)
        for p in found:
            # The form names the field "planned"; a file has one column per year.
            column = heads if p.column == "planned" else FIELD_COLUMN.get(p.column, p.column)
            if column not in taken:
                file_problems.append(Problem(line, column, p.code, p.params))
        if file_problems:
            problems += file_problems
            continue
        if inp.key() in seen:
            problems.append(Problem(line, None, "duplicate_plan", {"first": seen[inp.key()]}))
            continue
        seen[inp.key()] = line
        entries.append(inp)
        rows.append(line)
    if problems:
        return PlanFileResult((), (), problems, tuple(skipped), **meta)
    return PlanFileResult(tuple(entries), tuple(rows), [], tuple(skipped), **meta)


def _message(problem: Problem, lang: str) -> str:
    """A problem in ``lang``: local data's text for a shared code, else the plan's own."""
    from sdgdash.i18n import t

    if message_key(problem.code).startswith("ld_"):
        return t(f"ld_{problem.code}", lang, **problem.params)
    return t(f"plan_err_{problem.code}", lang, **problem.params)


def problems_frame(problems: list[Problem], lang: str) -> pd.DataFrame:
    """Every problem with its row, column and message in ``lang`` (the page shows this table)."""
    from sdgdash.i18n import t

    return pd.DataFrame(
        {
            t("ld_col_row", lang): ["" if p.row is None else str(p.row) for p in problems],
            t("ld_col_column", lang): [p.column or t("ld_whole_file", lang) for p in problems],
            t("ld_col_problem", lang): [_message(p, lang) for p in problems],
        }
    )


# --- templates -------------------------------------------------------------------------------


def template_rows(
    place: str,
    indicator_ids: Iterable[str],
    catalogue: PlanCatalogue,
    *,
    years: Iterable[int] = DEFAULT_PLAN_YEARS,
    labels: Any = None,
    lang: str = "ru",
) -> list[list[str]]:
    """Header and one empty row per selection the place's region has data for, per indicator.

    ``labels`` (``sdgdash.data.labels.Labels``) fills the LABEL column with the indicator's name and
    the selection in ``lang``; the values are left for the editor to copy from the plan.
    """
    sels = [s for ind in indicator_ids for s in catalogue.selections_of(place, ind)]
    dims = [d for d in DISAGGREGATIONS if any(getattr(s, d) for s in sels)]
    header = [
        PLACE,
        INDICATOR,
        LABEL,
        "SERIES",
        "UNIT_MEASURE",
        *(HEADER_OF[d] for d in dims),
        BASELINE_YEAR,
        BASELINE_VALUE,
        *(str(y) for y in years),
        DOCUMENT,
        DOCUMENT_DATE,
        DOCUMENT_REF,
    ]
    out = [header]
    for s in sels:
        label = ""
        if labels is not None:
            label = f"{labels.indicator_label(s.indicator_id, lang)} — "
            label += labels.selection_label(s, lang)
        values = {
            PLACE: place,
            INDICATOR: s.indicator_id,
            LABEL: label,
            **{HEADER_OF[c]: getattr(s, c) for c in SELECTION_COLUMNS},
        }
        out.append([values.get(h, "") for h in header])
    return out


def template_csv(rows: list[list[str]]) -> bytes:
    """Template rows as CSV (UTF-8 with BOM, so Excel opens Kazakh and Russian text intact)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


def template_xlsx(rows: list[list[str]], lang: str = "ru") -> bytes:
    """Template rows as XLSX: sheet "plan" to fill in, sheet "about" explaining each column."""
    import openpyxl
    from openpyxl.styles import Font

    from sdgdash.i18n import t

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "plan"
    for row in rows:
        # Codes and labels are text: a cell such as "_T" or "1-2" must not become a number.
        ws.append([str(v) for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    about = wb.create_sheet("about")
    about.append([t("plan_tpl_column", lang), t("plan_tpl_meaning", lang)])
    dims = {HEADER_OF[d] for d in DISAGGREGATIONS}
    for head in (*REQUIRED, *OPTIONAL, "2030"):
        key = "disaggregation" if head in dims else "year" if head == "2030" else head.lower()
        about.append([head, t(f"plan_tpl_{key}", lang)])
    for cell in about[1]:
        cell.font = Font(bold=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
