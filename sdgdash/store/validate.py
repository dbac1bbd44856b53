"""Pure checks of a finding before anything is written: known place, date, tags, goals, lengths.

Each problem is a :class:`FieldError` naming the field and an interface-string key (a msgctxt of
the catalogs in ``sdgdash/locale``), so the page shows it in kk/ru/en.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from sdgdash.config import Settings
from sdgdash.geo.layouts import PILOT_FILE
from sdgdash.location import as_location

FIRST_YEAR = 2015
TEXT_MAX = 4000
SOURCE_MAX = 500
EVENT_MAX = 100
TAGS_MAX = 20
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
GOALS = range(1, 18)


@dataclass(frozen=True)
class FindingInput:
    """What an editor enters for one finding (exactly one of ref_area / territory_id)."""

    finding_date: date
    text: str
    source: str
    ref_area: str | None = None
    territory_id: str | None = None
    event_id: str | None = None
    tags: tuple[str, ...] = ()
    priority_goals: tuple[int, ...] = ()


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field; ``key`` is an interface string, ``params`` fill it (a
    plural string counts by ``params["n"]``)."""

    field: str
    key: str
    params: dict = field(default_factory=dict)

    def message(self, lang: str) -> str:
        """The problem in ``lang`` (kk/ru/en)."""
        from sdgdash.i18n import t

        return t(self.key, lang, **self.params)


class InvalidInput(ValueError):
    """Raised by a store write whose input fails validation; nothing was written."""

    def __init__(self, errors: list[FieldError]):
        super().__init__("; ".join(f"{e.field}: {e.key}" for e in errors))
        self.errors = errors


@dataclass(frozen=True)
class Vocabulary:
    """What a finding may refer to. ``tags`` / ``events`` are None while their data file is absent."""

    ref_areas: frozenset[str]
    territory_ids: frozenset[str]
    tags: frozenset[str] | None = None
    events: frozenset[str] | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> Vocabulary:
        """Read regions, pilot territories, and (when they exist) curated tags and events."""
        return cls(
            ref_areas=known_ref_areas(settings.data_dir),
            territory_ids=territory_ids(settings.geodata_dir),
            tags=_curated_ids(settings.data_dir / "curated" / "tags.csv", ("tag", "tag_id", "id")),
            events=_curated_ids(
                settings.data_dir / "curated" / "events.csv", ("event_id", "event", "id")
            ),
        )


def known_ref_areas(data_dir: Path) -> frozenset[str]:
    """Region codes with a known meaning in data/regions.parquet."""
    source = as_location(data_dir) / "regions.parquet"
    regions = pd.read_parquet(io.BytesIO(source.read_bytes()), columns=["ref_area", "kind"])
    return frozenset(regions.loc[regions["kind"] != "unknown", "ref_area"].astype(str))


def territories(geodata_dir: Path) -> pd.DataFrame:
    """Pilot territories from geodata/pilot_territories.geojson: id, kind, names, parent region."""
    columns = ["id", "kind", "name_kk", "name_ru", "name_en", "parent_ref_area"]
    path = as_location(geodata_dir) / PILOT_FILE
    if not path.exists():
        return pd.DataFrame(columns=columns)
    features = json.loads(path.read_text(encoding="utf-8")).get("features", [])
    rows = [{c: f["properties"].get(c) for c in columns} for f in features]
    return pd.DataFrame(rows, columns=columns)


def territory_ids(geodata_dir: Path) -> frozenset[str]:
    """Ids of the pilot territories (a finding or an upload may name one of them)."""
    return frozenset(territories(geodata_dir)["id"].astype(str))


def _curated_ids(path: Path, columns: tuple[str, ...]) -> frozenset[str] | None:
    """The id column of a curated CSV, or None when the file does not exist yet."""
    if not path.exists():
        return None
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows:
        return frozenset()
    column = next((c for c in columns if c in rows[0]), next(iter(rows[0])))
    return frozenset(str(r[column]).strip() for r in rows if r.get(column))


def check_finding(
    inp: FindingInput, vocab: Vocabulary, today: date | None = None
) -> list[FieldError]:
    """Every problem with ``inp`` (empty list: it may be stored). Pure: reads nothing."""
    today = today or date.today()
    errors: list[FieldError] = []
    if bool(inp.ref_area) == bool(inp.territory_id):
        errors.append(FieldError("place", "store_err_place_one"))
    elif inp.ref_area and inp.ref_area not in vocab.ref_areas:
        errors.append(FieldError("ref_area", "store_err_region", {"value": inp.ref_area[:40]}))
    elif inp.territory_id and inp.territory_id not in vocab.territory_ids:
        errors.append(
            FieldError("territory_id", "store_err_territory", {"value": inp.territory_id[:40]})
        )
    if not isinstance(inp.finding_date, date) or not (
        date(FIRST_YEAR, 1, 1) <= inp.finding_date <= today
    ):
        errors.append(
            FieldError("finding_date", "store_err_date", {"first": FIRST_YEAR, "today": today})
        )
    # An event is free text or an id from data/curated/events.csv (when that file exists):
    # only its length and characters are checked, an unknown event is not an error.
    if inp.event_id and (len(inp.event_id) > EVENT_MAX or not inp.event_id.isprintable()):
        errors.append(FieldError("event_id", "store_err_event", {"n": EVENT_MAX}))
    if len(inp.tags) > TAGS_MAX:
        errors.append(FieldError("tags", "store_err_tags_many", {"max": TAGS_MAX}))
    for tag in inp.tags:
        ok = vocab.tags is not None and tag in vocab.tags
        if vocab.tags is None:
            ok = isinstance(tag, str) and bool(SLUG.match(tag))
        if not ok:
            errors.append(FieldError("tags", "store_err_tag", {"value": str(tag)[:40]}))
            break
    goals = inp.priority_goals
    if any(not isinstance(g, int) or isinstance(g, bool) or g not in GOALS for g in goals):
        errors.append(FieldError("priority_goals", "store_err_goals"))
    text = inp.text if isinstance(inp.text, str) else ""
    if not text.strip() or len(text) > TEXT_MAX:
        errors.append(FieldError("text", "store_err_text", {"n": TEXT_MAX}))
    elif has_control(text, allowed="\t\n\r"):
        errors.append(FieldError("text", "store_err_control"))
    source = inp.source if isinstance(inp.source, str) else ""
    if not source.strip() or len(source) > SOURCE_MAX:
        errors.append(FieldError("source", "store_err_source", {"n": SOURCE_MAX}))
    elif has_control(source):
        errors.append(FieldError("source", "store_err_control"))
    return errors


def has_control(text: str, allowed: str = "") -> bool:
    """Whether ``text`` holds a control character (NUL, escape, ...) other than ``allowed``:
    no reader sees one, PostgreSQL cannot store NUL, and XML (XLSX, PPTX) cannot hold most."""
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)
