"""Reading curated CSV tables (data/curated/*.csv) with errors that name the file and line."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from sdgdash.i18n import LANGS
from sdgdash.location import as_location


class CuratedFileError(ValueError):
    """A curated table is malformed: the message names the file and the line."""


# Why a curated row is left out: key -> the build report's English text (pages translate the key).
LEFT_OUT_REASONS: dict[str, str] = {
    "unknown_indicator": "no such indicator in the data",
    "unknown_target": "no indicator of this SDG target in the data",
    "no_regional_value": "no regional value since 2015",
    "empty_scale": "the values leave no scale between the lower bound and the best value",
}


@dataclass(frozen=True)
class LeftOut:
    """A curated row the app leaves out because the data lacks what it refers to."""

    file: str  # the curated file's name, e.g. "tag_links.csv"
    line: int  # its line in that file (the header is line 1)
    ref: str  # what the row refers to, e.g. the indicator "11.6.1"
    reason: str  # a key of LEFT_OUT_REASONS
    owner: str = ""  # what the row belongs to where a page filters by it, e.g. a link's tag

    def describe(self) -> str:
        """The row and the reason in English, for the build report."""
        return f"{self.ref}: {LEFT_OUT_REASONS.get(self.reason, self.reason)}; row left out"


def fail(path: Path, line: int, message: str) -> CuratedFileError:
    """An error for ``path`` at ``line`` (the header is line 1)."""
    return CuratedFileError(f"{path.name} line {line}: {message}")


def read_rows(path: Path, required: list[str]) -> list[tuple[int, dict[str, str]]]:
    """Every data row of ``path`` as (line number, stripped values); missing columns are an error."""
    path = as_location(path)
    if not path.exists():
        raise CuratedFileError(f"{path.name}: file not found ({path})")
    with path.open(encoding="utf-8-sig", newline="") as fh:  # a BOM from Excel is no column
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise fail(path, 1, f"missing column(s) {', '.join(missing)}")
        rows = []
        for row in reader:
            if None in row:
                raise fail(path, reader.line_num, "more fields than columns")
            rows.append(
                (reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None})
            )
    return rows


def new_id(
    path: Path, line: int, value: str, seen: set[str], pattern: re.Pattern[str], what: str
) -> str:
    """``value`` when it matches ``pattern`` and is not in ``seen`` (then added to it)."""
    if not pattern.match(value):
        raise fail(path, line, f"{what} {value!r} is not a slug ({pattern.pattern})")
    if value in seen:
        raise fail(path, line, f"duplicate {what} {value!r}")
    seen.add(value)
    return value


def texts(path: Path, line: int, row: dict[str, str], stem: str) -> dict[str, str]:
    """``{lang: row[stem_lang]}`` for kk/ru/en; an empty one is an error."""
    out = {}
    for lang in LANGS:
        value = row.get(f"{stem}_{lang}", "")
        if not value:
            raise fail(path, line, f"empty {stem}_{lang}")
        out[lang] = value
    return out


def split_list(value: str) -> list[str]:
    """A ';'-separated cell as a list of non-empty items."""
    return [v.strip() for v in value.split(";") if v.strip()]
