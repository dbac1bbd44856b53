"""Dated SDG localization events (data/curated/events.csv), validated against the known
regions, pilot territories, tags and goals (pure)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sdgdash.data.catalog import GOALS
from sdgdash.data.curated import fail, new_id, read_rows, split_list, texts
from sdgdash.i18n import DEFAULT_LANG, LANGS, fmt_period
from sdgdash.location import as_location

EVENTS_FILE = "events.csv"
ALL_REGIONS = "all"
_ID = re.compile(r"^[a-z0-9][a-z0-9_]{1,60}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_URL = re.compile(r"^https?://[^\s/()<>]+\.[^\s/()<>]+(/[^\s()<>]*)?$")
# A file path is not a source a reader can open: cite publisher, title, date (and URL) instead.
_LOCAL_PATH = re.compile(r"(^|[\s:(])[\w.-]+/[\w./-]+\.(txt|csv|md|json|ya?ml|html?)\b")


@dataclass(frozen=True)
class Event:
    """One dated event: when (to the day, month or year the source gives), what, where, source."""

    event_id: str
    start: dt.date
    end: dt.date | None
    precision: str  # "day", "month" or "year": how much of ``start``/``end`` the source gives
    titles: dict[str, str]
    summaries: dict[str, str]
    ref_areas: tuple[str, ...]  # empty when the event concerns all regions
    all_regions: bool
    territories: tuple[str, ...]
    tags: tuple[str, ...]
    goals: tuple[int, ...]
    sources: dict[str, str]  # the published report, per language: publisher, title, date
    urls: tuple[str, ...] = ()  # where the report can be opened, when an address is known

    def title(self, lang: str) -> str:
        """The title in ``lang``."""
        return self.titles.get(lang) or self.titles[DEFAULT_LANG]

    def summary(self, lang: str) -> str:
        """The summary in ``lang``."""
        return self.summaries.get(lang) or self.summaries[DEFAULT_LANG]

    def source(self, lang: str) -> str:
        """The source in ``lang``."""
        return self.sources.get(lang) or self.sources[DEFAULT_LANG]

    def concerns(self, ref_area: str) -> bool:
        """True when the event concerns region ``ref_area`` (all-regions events concern every one)."""
        return self.all_regions or ref_area in self.ref_areas


def _parse_date(text: str) -> tuple[dt.date, str] | None:
    m = _DATE.match(text)
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        value = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return value, "day" if day else "month" if month else "year"


def load_events(
    curated_dir: Path,
    ref_areas: Iterable[str],
    territories: Iterable[str],
    tags: Iterable[str],
) -> tuple[Event, ...]:
    """Read and validate events.csv; events sorted by date.

    Raises :class:`sdgdash.data.curated.CuratedFileError` naming the file and line of the first problem
    (unknown region, territory, tag or goal, a bad date, an empty text or source).
    """
    path = as_location(curated_dir) / EVENTS_FILE
    known_areas, known_terr, known_tags = set(ref_areas), set(territories), set(tags)
    required = ["event_id", "date", "date_end", "ref_areas", "territories", "tags", "goals"]
    required += [f"{s}_{lang}" for s in ("title", "summary", "source") for lang in LANGS]
    events: list[Event] = []
    seen: set[str] = set()
    for line, row in read_rows(path, required):
        event_id = new_id(path, line, row["event_id"], seen, _ID, "event_id")
        start = _parse_date(row["date"])
        if start is None:
            raise fail(path, line, f"date {row['date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        end = None
        if row["date_end"]:
            parsed = _parse_date(row["date_end"])
            if parsed is None or parsed[1] != start[1] or parsed[0] < start[0]:
                raise fail(
                    path, line, f"date_end {row['date_end']!r} is not a later date like date"
                )
            end = parsed[0]
        areas = split_list(row["ref_areas"])
        all_regions = areas == [ALL_REGIONS]
        if not areas or (not all_regions and ALL_REGIONS in areas):
            raise fail(path, line, "ref_areas must be region codes or 'all' alone")
        for code in [] if all_regions else areas:
            if code not in known_areas:
                raise fail(path, line, f"unknown region {code!r}")
        terr = split_list(row["territories"])
        for code in terr:
            if code not in known_terr:
                raise fail(path, line, f"unknown territory {code!r}")
        tag_list = split_list(row["tags"])
        for tag in tag_list:
            if tag not in known_tags:
                raise fail(path, line, f"unknown tag {tag!r}")
        goals: list[int] = []
        for g in split_list(row["goals"]):
            if not g.isdigit() or int(g) not in GOALS:
                raise fail(path, line, f"unknown goal {g!r}")
            goals.append(int(g))
        sources = texts(path, line, row, "source")
        for lang, text in sources.items():
            if _LOCAL_PATH.search(text):
                raise fail(path, line, f"source_{lang} names a file path; cite the publication")
        urls = split_list(row.get("source_url", ""))
        for url in urls:
            if not _URL.match(url):
                raise fail(path, line, f"source_url {url!r} is not an http(s) address")
        events.append(
            Event(
                event_id=event_id,
                start=start[0],
                end=end,
                precision=start[1],
                titles=texts(path, line, row, "title"),
                summaries=texts(path, line, row, "summary"),
                ref_areas=() if all_regions else tuple(areas),
                all_regions=all_regions,
                territories=tuple(terr),
                tags=tuple(tag_list),
                goals=tuple(goals),
                sources=sources,
                urls=tuple(urls),
            )
        )
    return tuple(sorted(events, key=lambda e: (e.start, e.event_id)))


def for_region(events: Iterable[Event], ref_area: str) -> list[Event]:
    """Events that concern ``ref_area``, including those for all regions."""
    return [e for e in events if e.concerns(ref_area)]


def for_territory(events: Iterable[Event], territory_id: str) -> list[Event]:
    """Events that name pilot territory ``territory_id`` (not those of its whole region)."""
    return [e for e in events if territory_id in e.territories]


def for_tag(events: Iterable[Event], tag_id: str) -> list[Event]:
    """Events that name ``tag_id``."""
    return [e for e in events if tag_id in e.tags]


def date_label(event: Event, lang: str) -> str:
    """The event's date or period in ``lang`` to the precision the source gives, sharing the
    year (and month) of a range: "14–15 March 2022", "13 марта – 15 апреля 2022 г."."""
    return fmt_period(event.start, event.end, lang, event.precision)


def table(
    events: Iterable[Event],
    lang: str,
    columns: dict[str, str],
    area_names: dict[str, str],
    territory_names: dict[str, str],
    tag_names: dict[str, str],
    all_regions_label: str,
) -> pd.DataFrame:
    """The events as a display/download table; ``columns`` maps field -> heading in ``lang``."""
    rows = []
    for e in events:
        areas = (
            all_regions_label
            if e.all_regions
            else ", ".join(area_names.get(c, c) for c in e.ref_areas)
        )
        rows.append(
            {
                columns["date"]: date_label(e, lang),
                columns["start"]: e.start.isoformat(),
                columns["end"]: e.end.isoformat() if e.end else "",
                columns["title"]: e.title(lang),
                columns["summary"]: e.summary(lang),
                columns["regions"]: areas,
                columns["territories"]: ", ".join(territory_names.get(c, c) for c in e.territories),
                columns["tags"]: ", ".join(tag_names.get(c, c) for c in e.tags),
                columns["goals"]: ", ".join(str(g) for g in e.goals),
                columns["source"]: e.source(lang),
                columns["url"]: " ".join(e.urls),
            }
        )
    return pd.DataFrame(rows, columns=[columns[k] for k in _TABLE_FIELDS])


_TABLE_FIELDS = (
    "date",
    "start",
    "end",
    "title",
    "summary",
    "regions",
    "territories",
    "tags",
    "goals",
    "source",
    "url",
)
