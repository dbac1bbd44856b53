"""Read an Open SDG data repository: CSV records, YAML files and translation keys."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sdgdash.data.catalog import DIMENSIONS

LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
# Order used when a translation key is missing in the requested language.
FALLBACK_ORDER: tuple[str, ...] = ("ru", "en", "kk")

SCHEMA_COLUMNS: frozenset[str] = frozenset({"Year", "Value", "REF_AREA", *DIMENSIONS})
# Header aliases seen in the source, read as the schema column they stand for.
HEADER_ALIASES: dict[str, str] = {"Units": "UNIT_MEASURE"}

_KEY_RE = re.compile(r"^([A-Za-z_]+)\.(\S.*)$")


class BuildError(Exception):
    """A malformed input that stops the build; the message names the file and line.

    The build itself raises one BuildError at the end of a run that found blocking problems:
    its message lists them all and ``problems`` holds them (sdgdash.ingest.problems.Problems).
    """

    def __init__(self, message: str, problems: Any = None) -> None:
        """Keep the message and, for a whole run, its problems."""
        super().__init__(message)
        self.problems = problems


@dataclass
class CsvFile:
    """The decoded records of one data CSV, with the line each record starts on."""

    path: str
    header: list[str]
    records: list[tuple[int, list[str]]]
    had_bom: bool = False
    line_endings: str = "LF"
    notes: list[str] = field(default_factory=list)


# The largest source CSV is 81 kB; a file 250 times that is a broken export, not data to load.
MAX_CSV_BYTES = 20_000_000


def read_csv_records(path: Path, rel: str) -> CsvFile:
    """Decode a CSV strictly as UTF-8 and split it into (line number, fields) records."""
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise BuildError(
            f"{rel}: line 1: file is {size:,} bytes, over the {MAX_CSV_BYTES:,}-byte limit for "
            "one data CSV (sdgdash.ingest.opensdg.MAX_CSV_BYTES)"
        )
    raw = path.read_bytes()
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise BuildError(f"{rel}: line {line}: NUL byte (a binary or corrupted file, not CSV text)")
    had_bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BuildError(
            f"{rel}: line {line}: undecodable bytes (not UTF-8): {exc.reason}"
        ) from exc
    if not text.strip():
        raise BuildError(f"{rel}: line 1: empty file, a header row is expected")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            records.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise BuildError(f"{rel}: line {reader.line_num}: unreadable CSV: {exc}") from exc
    header_line, header = records[0]
    if not header or all(not h.strip() for h in header):
        raise BuildError(f"{rel}: line {header_line}: empty header row")
    endings = "CRLF" if "\r\n" in text else "LF"
    return CsvFile(rel, [h.strip() for h in header], records[1:], had_bom, endings)


# libyaml's loader when PyYAML was built with it: the same safe subset, ~10x faster on the
# ~900 metadata and translation files (most of a build's time otherwise).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """Load a YAML file (safe subset), tolerating a UTF-8 BOM."""
    try:
        return yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_YAML_LOADER)  # noqa: S506
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        detail = " ".join(str(exc).split())
        raise BuildError(f"{path}: line {line}: unreadable YAML: {detail}") from exc


def _flatten(data: dict[Any, Any], prefix: str = "") -> dict[str, str]:
    """Flatten nested translation mappings into dotted keys with string values."""
    out: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, f"{name}."))
        elif value is not None:
            out[name] = str(value)
    return out


def load_translations(source: Path, problems: Any = None) -> dict[str, dict[str, dict[str, str]]]:
    """Return {language: {file stem: {key: text}}} from translations/<lang>/*.yml.

    With ``problems`` (sdgdash.ingest.problems.Problems), a missing language or an unreadable
    file is recorded there (blocking) and read as empty, so the run goes on; without, it raises.
    """
    out: dict[str, dict[str, dict[str, str]]] = {}
    for lang in LANGUAGES:
        files: dict[str, dict[str, str]] = {}
        folder = source / "translations" / lang
        if not folder.is_dir() or not any(folder.glob("*.yml")):
            seen = sorted(p.name for p in (source / "translations").glob("*") if p.is_dir())
            error = BuildError(
                f"translations/{lang}: line 1: missing or empty; every language "
                f"({', '.join(LANGUAGES)}) needs its translations/<lang>/*.yml files"
                + (f" (languages found: {', '.join(seen)})" if seen else "")
            )
            if problems is None:
                raise error
            problems.from_error("translations", error)
            out[lang] = files
            continue
        for path in sorted(folder.glob("*.yml")):
            try:
                data = read_yaml(path)
            except BuildError as exc:
                if problems is None:
                    raise
                problems.from_error("translations", exc, strip=str(source))
                continue
            files[path.stem] = _flatten(data) if isinstance(data, dict) else {}
        out[lang] = files
    return out


class Translator:
    """Resolve `file.key` translation keys for kk/ru/en and count fallbacks."""

    def __init__(self, translations: dict[str, dict[str, dict[str, str]]]) -> None:
        """Keep the translations and start empty counters."""
        self.translations = translations
        self.groups = {stem for files in translations.values() for stem in files}
        self.fallbacks: dict[str, int] = {lang: 0 for lang in LANGUAGES}
        self.unresolved: dict[str, int] = {}

    def split_key(self, text: str) -> tuple[str, str] | None:
        """Return (file, key) when text is a translation key, else None."""
        match = _KEY_RE.match(text.strip())
        if match and match.group(1) in self.groups:
            return match.group(1), match.group(2)
        return None

    def lookup(self, group: str, key: str, lang: str) -> str | None:
        """Return the text for group.key in lang, or None."""
        return self.translations.get(lang, {}).get(group, {}).get(key)

    def resolve(self, value: Any) -> dict[str, str]:
        """Return {lang: text} for a metadata value (a key or plain text)."""
        if value is None or value == "" or isinstance(value, (list, dict)):
            return {lang: "" for lang in LANGUAGES}
        text = str(value).strip()
        parts = self.split_key(text)
        if parts is None:
            return {lang: text for lang in LANGUAGES}
        out: dict[str, str] = {}
        for lang in LANGUAGES:
            found = self.lookup(*parts, lang)
            if not found:
                # An empty text counts as missing too: another language's text is more useful.
                other = next((o for o in FALLBACK_ORDER if self.lookup(*parts, o)), None)
                if other is not None:
                    found = self.lookup(*parts, other)
                    self.fallbacks[lang] += 1
            out[lang] = "" if found is None else found.strip()
        if all(self.lookup(*parts, lang) is None for lang in LANGUAGES):
            self.unresolved[text] = self.unresolved.get(text, 0) + 1
        return out


def slug_to_id(slug: str) -> str:
    """Turn a file slug like `16-3-3-1` into the dotted id `16.3.3.1`."""
    return slug.replace("-", ".")


def natural_key(indicator_id: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key for dotted ids: numbers numerically, letter targets after numbers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in indicator_id.split("."))
