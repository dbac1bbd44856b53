"""Fill the Kazakh and English texts the platform gives only in Russian, from curated tables.

Many codes (series, units, disaggregations) and a few indicator names have a Russian text only:
the platform's kk or en file lacks the key (the build then falls back to Russian) or repeats the
Russian text. ``data/curated/code_labels.csv`` and ``data/curated/indicator_names.csv`` give the
missing texts, each row with its source (the platform's own text for the same thing elsewhere,
the UN's official wording, or a translation by the sdgdash team) and a rationale. A curated text
only fills a gap, so the platform's own labels are never overwritten: a row for a language in
which the platform gives a real text (an update translated it), or for a code or indicator the
data no longer has (an update retired it), is left unused and listed (``unused``: line, key and
why; the data build warns with the file and line). A malformed row stops the build. Every filled
text is counted by its source in the build report, and the texts still missing are listed there.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from sdgdash.data import curated
from sdgdash.ingest.opensdg import BuildError

CODE_FILE = "code_labels.csv"
INDICATOR_FILE = "indicator_names.csv"
FILLED_LANGS: tuple[str, ...] = ("kk", "en")
CODE_COLUMNS: list[str] = ["dimension", "code", "label_kk", "label_en", "source", "rationale"]
INDICATOR_COLUMNS: list[str] = [
    "indicator_id",
    "field",
    "label_kk",
    "label_en",
    "source",
    "rationale",
]
# The indicator texts the app shows: the national name, else the global one (Labels).
INDICATOR_FIELDS: frozenset[str] = frozenset({"name_national", "name_global"})

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LETTER = re.compile(r"[^\W\d_]")


def has_real_text(text: str | None, russian: str | None, lang: str) -> bool:
    """Whether ``text`` is a real ``lang`` text rather than the Russian one standing in for it.

    Text without letters ("15-19", "60+") is the same in every language. A Kazakh text equal to
    the Russian one is the Russian text (the platform's fallback or a copy of it); an English
    text with a Cyrillic letter is not English (this also catches "Inland water еransport", whose
    "е" is Cyrillic).
    """
    text = (text or "").strip()
    if not text:
        return False
    if not _LETTER.search(text):
        return True
    if lang == "en":
        return not _CYRILLIC.search(text)
    return text != (russian or "").strip()


@dataclass(frozen=True)
class Entry:
    """One curated row: the key it names, the texts it gives, their source and why."""

    line: int
    key: tuple[str, str]
    texts: dict[str, str]
    source: str
    rationale: str


def read_table(path: Path, columns: list[str]) -> list[Entry]:
    """Read a curated label table; a missing file, a row without source, rationale or text, or a
    language given twice for one key stops the build naming the file and line."""
    try:
        rows = curated.read_rows(path, columns)
    except curated.CuratedFileError as exc:
        raise BuildError(f"{path}: {exc}") from exc
    entries: list[Entry] = []
    seen: set[tuple[str, str, str]] = set()
    for line, row in rows:
        key = (row[columns[0]], row[columns[1]])
        if not all(key):
            raise BuildError(f"{path}: line {line}: empty {columns[0]} or {columns[1]}")
        texts = {lang: row[f"label_{lang}"] for lang in FILLED_LANGS if row[f"label_{lang}"]}
        if not texts:
            raise BuildError(f"{path}: line {line}: neither label_kk nor label_en is given")
        for column in ("source", "rationale"):
            if not row[column]:
                raise BuildError(f"{path}: line {line}: empty {column}")
        for lang, text in texts.items():
            if (*key, lang) in seen:
                raise BuildError(f"{path}: line {line}: a second label_{lang} for {key}")
            seen.add((*key, lang))
            if lang == "en" and _CYRILLIC.search(text):
                raise BuildError(f"{path}: line {line}: label_en has Cyrillic letters: {text!r}")
        entries.append(Entry(line, key, texts, row["source"], row["rationale"]))
    return entries


def _fill(
    frame: pd.DataFrame,
    index: dict[tuple[str, str], int],
    entries: list[Entry],
    column: str,
    unused: list[dict[str, Any]],
) -> dict[str, Any]:
    """Write each entry's texts into ``frame`` at ``{column}_{lang}`` (in place) and count them;
    a text the data has no place for, or one the platform gives itself, goes to ``unused``."""
    filled: dict[str, Counter[str]] = {lang: Counter() for lang in FILLED_LANGS}
    for entry in entries:
        key = " ".join(entry.key)
        if entry.key not in index:
            unused.append(
                {"line": entry.line, "key": key, "message": f"{key} is not in the data: row unused"}
            )
            continue
        row = index[entry.key]
        russian = frame.at[row, f"{column}_ru"]
        for lang, text in entry.texts.items():
            given = frame.at[row, f"{column}_{lang}"]
            if has_real_text(given, russian, lang):
                unused.append(
                    {
                        "line": entry.line,
                        "key": key,
                        "message": f"the platform gives {column}_{lang} of {key} ({given!r}); "
                        "a curated text never replaces it: the platform's text is used, remove "
                        f"label_{lang} from the row",
                    }
                )
                continue
            frame.at[row, f"{column}_{lang}"] = text
            filled[lang][entry.source] += 1
    return {lang: dict(sorted(counts.items())) for lang, counts in filled.items()}


# How the build report groups the sources of filled texts (the JSON keeps every source).
SOURCE_KINDS: tuple[tuple[str, str], ...] = (
    ("Kazakhstan national SDG platform", "the platform's own text for the same thing elsewhere"),
    ("United Nations", "the UN's official wording"),
    ("Translation by the sdgdash team", "translation by the sdgdash team"),
)


def source_kind(source: str) -> str:
    """The group of a curated row's source for the build report."""
    return next((kind for prefix, kind in SOURCE_KINDS if source.startswith(prefix)), "other")


def by_kind(filled: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """Filled counts per language summed by source kind."""
    out: dict[str, dict[str, int]] = {}
    for lang, counts in filled.items():
        kinds: Counter[str] = Counter()
        for source, n in counts.items():
            kinds[source_kind(source)] += n
        out[lang] = dict(sorted(kinds.items()))
    return out


def _missing(frame: pd.DataFrame, keys: list[str], column: str) -> dict[str, list[str]]:
    """Keys whose kk or en text is still not a real one."""
    out: dict[str, list[str]] = {}
    for lang in FILLED_LANGS:
        out[lang] = [
            " ".join(str(r[k]) for k in keys)
            for r in frame.to_dict("records")
            if not has_real_text(r[f"{column}_{lang}"], r[f"{column}_ru"], lang)
        ]
    return out


def apply_codes(codes: pd.DataFrame, curated_dir: Path) -> tuple[pd.DataFrame, dict[str, Any]]:
    """codes.parquet with the curated kk/en labels filled in, and what was filled and is missing."""
    path = curated_dir / CODE_FILE
    entries = read_table(path, CODE_COLUMNS)
    out = codes.copy()
    index = {(d, c): i for i, (d, c) in enumerate(zip(out["dimension"], out["code"], strict=True))}
    unused: list[dict[str, Any]] = []
    filled = _fill(out, index, entries, "label", unused)
    return out, {
        "file": f"curated/{CODE_FILE}",
        "filled": filled,
        "still_missing": _missing(out, ["dimension", "code"], "label"),
        "unused": unused,
    }


def apply_indicators(
    indicators: pd.DataFrame, curated_dir: Path
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """indicators.parquet with the curated kk/en names filled in, and what was filled and is
    missing (among the names the app shows: the national name, else the global one)."""
    path = curated_dir / INDICATOR_FILE
    entries = read_table(path, INDICATOR_COLUMNS)
    out = indicators.copy()
    unknown = [e for e in entries if e.key[1] not in INDICATOR_FIELDS]
    if unknown:
        raise BuildError(
            f"{path}: line {unknown[0].line}: field {unknown[0].key[1]!r} is not one of "
            f"{sorted(INDICATOR_FIELDS)}"
        )
    filled: dict[str, Counter[str]] = {lang: Counter() for lang in FILLED_LANGS}
    unused: list[dict[str, Any]] = []
    for field in sorted(INDICATOR_FIELDS):
        index = {(i, field): n for n, i in enumerate(out["indicator_id"])}
        mine = [e for e in entries if e.key[1] == field]
        for lang, counts in _fill(out, index, mine, field, unused).items():
            filled[lang].update(counts)
    unused.sort(key=lambda u: u["line"])
    shown = out.copy()
    national = shown["name_national_ru"].fillna("") != ""
    for lang in ("kk", "ru", "en"):
        shown[f"name_{lang}"] = shown[f"name_national_{lang}"].where(
            national, shown[f"name_global_{lang}"]
        )
    return out, {
        "file": f"curated/{INDICATOR_FILE}",
        "filled": {lang: dict(sorted(c.items())) for lang, c in filled.items()},
        "still_missing": _missing(shown, ["indicator_id"], "name"),
        "unused": unused,
    }
