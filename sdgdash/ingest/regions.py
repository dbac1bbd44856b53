"""Build the regions table from REF_AREA translations joined with data/curated/regions.csv."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pandas as pd

from sdgdash.ingest.opensdg import FALLBACK_ORDER, LANGUAGES, BuildError
from sdgdash.ingest.problems import Problems

CURATED_COLUMNS: list[str] = [
    "ref_area",
    "kind",
    "parent",
    "iso_3166_2",
    "boundary_2022",
    "boundary_2018",
    "boundary_2014",
    "source",
]
KINDS: frozenset[str] = frozenset(
    {"region", "city_republican", "city", "district", "village", "special_zone", "unknown"}
)
UNDERSCORE = (
    "'_' in a translated name replaced ('г_X' -> 'г.X' as in the other names, else a space)"
)
_ABBREV_RE = re.compile(r"^(г|п)_")


# Optional curated columns: the name people write ("Карагандинская область", "область Абай",
# "город Астана") where the platform's label is a bare adjective, misspelt or ambiguous, with the
# source of the names in ``name_source`` (required when a name is given).
NAME_OVERRIDES = tuple(f"name_{lang}" for lang in LANGUAGES)
NAME_SOURCE = "name_source"


def read_curated(path: Path, problems: Problems | None = None) -> dict[str, dict[str, str]]:
    """Read data/curated/regions.csv keyed by ref_area; fail clearly if absent or malformed.

    With ``problems``, each problem is recorded there (blocking) instead: a bad row is skipped,
    a missing or headless file reads as empty.
    """

    def fail(message: str, line: int | None = None) -> None:
        located = f"line {line}: {message}" if line is not None else message
        if problems is None:
            raise BuildError(f"{path}: {located}")
        problems.block("curated tables", message, f"{path.parent.name}/{path.name}", line)

    if not path.is_file():
        fail("curated regions file is missing (it is an input of the build)")
        return {}
    out: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in CURATED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            fail(f"missing columns {missing}", 1)
            return {}
        for row in reader:
            code = (row["ref_area"] or "").strip()
            if not code:
                continue
            if code in out:
                fail(f"ref_area {code} appears twice", reader.line_num)
                continue
            kind = (row["kind"] or "").strip()
            if kind not in KINDS:
                fail(f"unknown kind {kind!r}", reader.line_num)
                continue
            columns = (*CURATED_COLUMNS, *NAME_OVERRIDES, NAME_SOURCE)
            entry = {c: (row.get(c) or "").strip() for c in columns}
            if any(entry[c] for c in NAME_OVERRIDES) and not entry[NAME_SOURCE]:
                fail(f"names given for {code} without a {NAME_SOURCE}", reader.line_num)
                continue
            out[code] = entry
    return out


def build_regions(
    translations: dict[str, dict[str, dict[str, str]]],
    data_codes: set[str],
    curated: dict[str, dict[str, str]],
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """One row per REF_AREA code in the data or the translations, with names and curated facts."""
    labels = {lang: translations.get(lang, {}).get("REF_AREA", {}) for lang in LANGUAGES}
    translated = {c for lang in LANGUAGES for c in labels[lang] if c != "REF_AREA"}
    codes = sorted((translated | data_codes) - {""})
    info: dict[str, Any] = {
        "name_repairs": {UNDERSCORE: 0},
        "name_fallbacks": {lang: 0 for lang in LANGUAGES},
        "name_overrides": {lang: 0 for lang in LANGUAGES},
        "codes_without_name": [],
        "codes_not_curated": [],
        "curated_not_in_source": sorted(set(curated) - set(codes)),
    }
    rows: list[dict[str, Any]] = []
    for code in codes:
        notes: list[str] = []
        row: dict[str, Any] = {"ref_area": code}
        for lang in LANGUAGES:
            name = labels[lang].get(code)
            if name is None:
                name = next((labels[o][code] for o in FALLBACK_ORDER if code in labels[o]), None)
                if name is not None:
                    info["name_fallbacks"][lang] += 1
            if name is None:
                name = code
            elif "_" in name:
                name = _ABBREV_RE.sub(r"\1.", name).replace("_", " ")
                info["name_repairs"][UNDERSCORE] += 1
            row[f"name_{lang}"] = name.strip()
        if code not in translated:
            info["codes_without_name"].append(code)
            notes.append("no name in translations/*/REF_AREA.yml (name = code)")
        facts = curated.get(code)
        for lang in LANGUAGES:
            override = (facts or {}).get(f"name_{lang}")
            if override and override != row[f"name_{lang}"]:
                notes.append(
                    f"name_{lang} from the curated table (platform: {row[f'name_{lang}']})"
                )
                info["name_overrides"][lang] += 1
                row[f"name_{lang}"] = override
        if facts is None:
            info["codes_not_curated"].append(code)
            notes.append("not in data/curated/regions.csv")
            facts = {"kind": "unknown"}
        elif facts.get("source"):
            notes.append(f"curated: {facts['source']}")
        if facts.get(NAME_SOURCE):
            notes.append(f"names: {facts[NAME_SOURCE]}")
        row["kind"] = facts.get("kind") or "unknown"
        for column in ("parent", "iso_3166_2", "boundary_2022", "boundary_2018", "boundary_2014"):
            row[column] = facts.get(column) or None
        row["note"] = "; ".join(notes)
        rows.append(row)
    return pd.DataFrame(rows), info
