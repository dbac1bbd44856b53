"""How a table is shown and what a download carries besides it (pure): numbers in the page's
language, technical columns set apart, and the indicator and filters of the view as columns and in
the file name."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pandas as pd

from sdgdash.data.catalog import DISAGGREGATIONS
from sdgdash.data.labels import Labels
from sdgdash.data.models import Selection
from sdgdash.i18n import LANGS, t, table_digits, table_number

# Columns for tracing a value, not for reading it: region and record codes, source file and line,
# flags. A table shows them in its "source" detail; downloads keep them.
TECHNICAL_CODES: frozenset[str] = frozenset(
    {"ref_area", "indicator_id", "source_file", "source_row", "conflict_of", "placeholder"}
)
_FILE = re.compile(r"^(data/)?[\w./-]+\.(csv|xlsx|ya?ml)(:\d+)?$")
# Whole numbers below this stay as they are (years, ranks, counts of regions): 2023, not 2 023.
_GROUP_FROM = 10_000
# File-name words for the common disaggregation codes (ASCII, as file names are).
_FILE_WORDS: Mapping[tuple[str, str], str] = {
    ("sex", "F"): "women",
    ("sex", "M"): "men",
    ("urbanisation", "U"): "urban",
    ("urbanisation", "R"): "rural",
}


def technical_columns(frame: pd.DataFrame, lang: str) -> list[str]:
    """The columns of ``frame`` that trace values rather than show them: codes, source file and
    line, flags and reasons (by name), and a "source" column that holds file paths."""
    names = {*TECHNICAL_CODES, t("source_row", lang), t("reason", lang)}
    row_suffix = " · " + t("source_row", lang)
    out = []
    for column in frame.columns:
        name = str(column)
        if (
            name in names
            or name.endswith(row_suffix)
            or name == t("source", lang)
            and _all_files(frame[column])
        ):
            out.append(column)
    return out


def _all_files(values: pd.Series) -> bool:
    texts = [str(v) for v in values.dropna() if str(v)]
    return bool(texts) and all(_FILE.match(v) for v in texts)


def _numeric(values: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)


def number_formats(
    frame: pd.DataFrame, lang: str, digits: Mapping[str, int] | None = None
) -> dict[str, Callable[[object], str]]:
    """Display formatters for the numeric columns of ``frame``: each number rounded as
    :func:`sdgdash.i18n.table_digits` says for its column (or ``digits[column]``), in ``lang``'s
    decimal and group marks. Whole-number columns under 10,000 (years, ranks) are left alone."""
    digits = digits or {}
    out: dict[str, Callable[[object], str]] = {}
    for column in frame.columns:
        values = frame[column]
        if not _numeric(values):
            continue
        plain = values.dropna()
        whole = bool(len(plain)) and bool((plain == plain.round()).all())
        if column not in digits and (not len(plain) or (whole and plain.abs().max() < _GROUP_FROM)):
            if len(plain) and (pd.api.types.is_float_dtype(values) or values.isna().any()):
                # A year or rank stored as float (a gap makes it one): 2023, not 2023.000000;
                # a gap in whole numbers is a dash, not "<NA>".
                out[column] = _whole
            continue
        n = digits.get(column, 0 if whole else table_digits(plain.tolist()))
        out[column] = lambda v, n=n: table_number(v, lang, n)
    return out


def _whole(value: object) -> str:
    """A whole number without decimals or grouping (years, ranks); "—" when missing."""
    if value is None or value is pd.NA:
        return "—"
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)
    return "—" if number != number else str(int(number))


def context_columns(
    labels: Labels,
    lang: str,
    indicator_ids: tuple[str, ...] = (),
    selection: Selection | None = None,
    year: int | None = None,
    regions: tuple[str, ...] = (),
) -> dict[str, str]:
    """The indicator, series, unit and filters (one region, a year) of a view as ``{column:
    value}`` (names in ``lang``, codes beside them) for the columns of a download."""
    out: dict[str, str] = {}
    if len(regions) == 1:
        out[t("region", lang)] = labels.region_name(regions[0], lang)
        out["ref_area"] = regions[0]
    if len(indicator_ids) == 1:
        out["indicator_id"] = indicator_ids[0]
        out[t("indicator", lang)] = labels.indicator_name(indicator_ids[0], lang)
    if selection is not None:
        for dim in ("series", "unit", *DISAGGREGATIONS):
            code = getattr(selection, dim)
            if code:
                out[labels.dimension_name(dim, lang)] = labels.code_label(dim, code, lang)
                out[dim] = code
    if year is not None:
        out[t("year", lang)] = str(year)
    return out


def with_context(frame: pd.DataFrame, context: Mapping[str, str]) -> pd.DataFrame:
    """``frame`` with the view's context columns first (those it already has are kept as they
    are), so a file says what it holds without the page it came from."""
    extra = {k: v for k, v in context.items() if k not in frame.columns}
    if not extra:
        return frame
    head = pd.DataFrame({k: [v] * len(frame) for k, v in extra.items()}, index=frame.index)
    return pd.concat([head, frame], axis=1)


def file_words(selection: Selection | None) -> list[str]:
    """Words for a file name that say which part of the data a file holds: "women", "rural",
    or the code of another disaggregation ("y15t24")."""
    if selection is None:
        return []
    return [
        _FILE_WORDS.get((dim, code), code.lower())
        for dim, code in selection.disaggregation().items()
    ]


def name_parts(name: str, words: list[str]) -> list[str]:
    """The parts of a download's file stem (split on "_") with ``words`` before a trailing
    language code: sdg_8.5.2_2023_ru + women -> sdg, 8.5.2, 2023, women, ru."""
    parts = name.split("_")
    new = [w for w in words if w and w not in parts]
    if parts and parts[-1] in LANGS:
        return [*parts[:-1], *new, parts[-1]]
    return [*parts, *new]
