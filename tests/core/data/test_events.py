"""Localization events: the curated file is valid and complete, dates read in three languages,
bad rows fail with the file and line named, summaries are not copied from the reports."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from sdgdash.data import events as ev
from sdgdash.data.curated import CuratedFileError
from sdgdash.features.tags.charts import events_timeline, period_end
from tests.conftest import REPO

CURATED = REPO / "data" / "curated"
# The published reports (../shared/context beside the main checkout; a worktree sits one deeper).
CONTEXT = next(
    (
        p
        for p in (REPO.parent / "shared" / "context", REPO.parent.parent / "shared" / "context")
        if p.is_dir()
    ),
    REPO.parent / "shared" / "context",
)
REGIONS = pd.read_parquet(REPO / "data" / "regions.parquet")["ref_area"].tolist()
TERRITORIES = [
    f["properties"]["id"]
    for f in json.loads((REPO / "geodata" / "pilot_territories.geojson").read_text())["features"]
]
TAGS = pd.read_csv(CURATED / "tags.csv")["tag_id"].tolist()


def _load(folder: Path = CURATED):
    return ev.load_events(folder, REGIONS, TERRITORIES, TAGS)


@pytest.fixture(scope="module")
def events():
    return {e.event_id: e for e in _load()}


def test_the_published_events_are_there_with_their_places(events) -> None:
    seminars = events["2022_field_seminars"]
    assert (seminars.start, seminars.end, seminars.all_regions) == (
        dt.date(2022, 3, 13),
        dt.date(2022, 4, 15),
        True,
    )
    assert set(seminars.tags) == {"household_waste", "electricity_supply", "heating_supply"}
    mission = events["2022_shymkent_karaganda_mission2030"]
    assert (mission.start, mission.end) == (dt.date(2022, 3, 14), dt.date(2022, 3, 15))
    assert mission.ref_areas == ("KZSHY", "KZKAR")
    rating = events["2021_iwg_people_rating"]
    assert (rating.start.year, rating.precision, rating.goals) == (2021, "year", (1, 2, 3, 4, 5))
    glocal = events["2024_glocal_launch"]
    assert glocal.start == dt.date(2024, 6, 6)
    assert glocal.territories == ("karkaraly_district", "kamystybas_village")
    assert glocal.ref_areas == ("KZKAR", "KZKZY")
    assert events["2022_vnr2_hlpf"].precision == "month"
    assert events["2025_escap_vnr3"].start == dt.date(2025, 6, 20)
    assert events["2025_almaty_vlr2"].ref_areas == ("KZALA",)
    assert list(events) == sorted(events, key=lambda k: (events[k].start, k))


def test_every_event_cites_a_publication_a_reader_can_open(events) -> None:
    """Publisher, title and date in every language, an address to open, and no local path (the
    reports in ../shared/context are not something a user of the dashboard can open)."""
    for e in events.values():
        for lang in ("kk", "ru", "en"):
            text = e.source(lang)
            assert re.search(r"\b20\d\d\b", text), (e.event_id, lang)  # dated
            assert "shared/" not in text and ".txt" not in text, (e.event_id, lang)
        assert e.urls, e.event_id
        assert all(u.startswith("https://") for u in e.urls), e.urls
    assert events["2024_glocal_launch"].source("en").startswith("Inbusiness.kz, news item")
    assert events["2022_shymkent_karaganda_mission2030"].urls == (
        "https://economy.kz/en/Novosti_instituta/id=4306/arch=2022_3",
    )


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("source_en", "ERI news item: shared/context/000_88782e1b19e50952.txt", "file path"),
        ("source_url", "shared/context/000.txt", "not an http"),
        ("source_url", "https://example.org/a b", "not an http"),
    ],
)
def test_a_file_path_is_not_a_source(tmp_path: Path, column: str, value: str, message) -> None:
    frame = pd.read_csv(CURATED / "events.csv", dtype=str, keep_default_na=False)
    frame.loc[2, column] = value
    frame.to_csv(tmp_path / "events.csv", index=False)
    with pytest.raises(CuratedFileError, match=f"line 4: .*{message}"):
        _load(tmp_path)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


@pytest.mark.skipif(not CONTEXT.is_dir(), reason="../shared/context is not beside the repository")
def test_summaries_are_written_anew_not_copied(events) -> None:
    n = 7
    source_grams = set()
    for path in CONTEXT.glob("0*.txt"):
        words = _words(path.read_text(encoding="utf-8"))
        source_grams |= {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}
    written = [e.title("en") + " " + e.summary("en") for e in events.values()]
    written += pd.read_csv(CURATED / "tags.csv")["description_en"].tolist()
    for text in written:
        words = _words(text)
        copied = [g for g in zip(*(words[i:] for i in range(n)), strict=False) if g in source_grams]
        assert not copied, (text[:40], copied[:2])


def test_region_filter_includes_all_region_events(events) -> None:
    everything = list(events.values())
    almaty = {e.event_id for e in ev.for_region(everything, "KZALA")}
    assert "2025_almaty_vlr2" in almaty and "2022_field_seminars" in almaty
    kyzylorda = {e.event_id for e in ev.for_region(everything, "KZKZY")}
    assert "2024_glocal_launch" in kyzylorda and "2025_almaty_vlr2" not in kyzylorda
    assert "2022_shymkent_karaganda_mission2030" not in kyzylorda
    assert [e.event_id for e in ev.for_tag(everything, "heating_supply")] == ["2022_field_seminars"]


def test_territory_filter_takes_only_events_naming_the_territory(events) -> None:
    everything = list(events.values())
    for territory_id in ("karkaraly_district", "kamystybas_village"):
        assert [e.event_id for e in ev.for_territory(everything, territory_id)] == [
            "2024_glocal_launch"
        ]
    # An event for every region (or for the territory's region only) does not name it.
    seminars = events["2022_field_seminars"]
    assert seminars.concerns("KZKAR") and seminars not in ev.for_territory(
        everything, "karkaraly_district"
    )
    assert ev.for_territory(everything, "aral_district") == []


# CLDR puts a narrow no-break space before "г." / "ж." and thin spaces around an English dash.
NNBSP, THIN = "\u202f", "\u2009"


@pytest.mark.parametrize(
    ("event_id", "lang", "text"),
    [
        ("2022_field_seminars", "en", f"13 March{THIN}–{THIN}15 April 2022"),
        ("2022_field_seminars", "ru", f"13 марта – 15 апреля 2022{NNBSP}г."),
        ("2022_field_seminars", "kk", f"2022{NNBSP}ж. 13 наурыз – 15 сәуір"),
        ("2022_shymkent_karaganda_mission2030", "en", "14–15 March 2022"),
        ("2022_shymkent_karaganda_mission2030", "ru", f"14–15 марта 2022{NNBSP}г."),
        ("2022_shymkent_karaganda_mission2030", "kk", f"2022{NNBSP}ж. 14–15 наурыз"),
        ("2024_glocal_launch", "ru", f"6 июня 2024{NNBSP}г."),
        ("2024_glocal_launch", "kk", f"2024{NNBSP}ж. 6 маусым"),
        ("2022_vnr2_hlpf", "en", "July 2022"),
        ("2022_vnr2_hlpf", "ru", f"июль 2022{NNBSP}г."),
        ("2021_iwg_people_rating", "kk", "2021"),
    ],
)
def test_date_ranges_share_year_and_month(events, event_id, lang, text) -> None:
    assert ev.date_label(events[event_id], lang) == text


def test_a_range_over_new_year_keeps_both_years() -> None:
    e = ev.Event(
        "x", dt.date(2021, 12, 30), dt.date(2022, 1, 2), "day", {}, {}, (), True, (), (), (), {}
    )
    assert ev.date_label(e, "en") == f"30 December 2021{THIN}–{THIN}2 January 2022"
    assert ev.date_label(e, "ru") == f"30 декабря 2021{NNBSP}г. – 2 января 2022{NNBSP}г."


def test_period_end_and_timeline(events) -> None:
    assert period_end(events["2021_iwg_people_rating"]) == dt.date(2021, 12, 31)
    assert period_end(events["2022_vnr2_hlpf"]) == dt.date(2022, 7, 31)
    assert period_end(events["2022_field_seminars"]) == dt.date(2022, 4, 15)
    fig = events_timeline(list(events.values()), "en")
    assert len(fig.data) == len(events)
    assert [tr.showlegend for tr in fig.data].count(True) == 2  # all regions / particular ones
    glocal = fig.data[list(events).index("2024_glocal_launch")]
    assert glocal.x[0] == dt.date(2024, 6, 6) and "GLocal" in glocal.y[0]


def _copy(tmp_path: Path) -> Path:
    shutil.copy(CURATED / ev.EVENTS_FILE, tmp_path / ev.EVENTS_FILE)
    return tmp_path


def _edit(folder: Path, old: str, new: str) -> int:
    """Replace ``old`` in the first row holding it; return that row's line number."""
    path = folder / ev.EVENTS_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, ln in enumerate(lines) if old in ln)
    lines[line] = lines[line].replace(old, new, 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return line + 1


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (",KZSHY;KZKAR,", ",KZSHY;KZXXX,", "unknown region 'KZXXX'"),
        (",KZSHY;KZKAR,", ",all;KZKAR,", "'all' alone"),
        ("karkaraly_district;", "atlantis;", "unknown territory 'atlantis'"),
        (",household_waste;electricity_supply;", ",waste;electricity_supply;", "unknown tag"),
        (",1;2;3;4;5,", ",1;2;18,", "unknown goal '18'"),
        ("2024_glocal_launch,2024-06-06,", "2024_glocal_launch,2024-13-06,", "date '2024-13-06'"),
        ("2022-03-13,2022-04-15", "2022-03-13,2022-03-01", "date_end"),
        ("2022-03-13,2022-04-15", "2022-03-13,2022-04", "date_end"),
        ("2024_glocal_launch,", "2021_iwg_people_rating,", "duplicate event_id"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path, old: str, new: str, message: str) -> None:
    folder = _copy(tmp_path)
    line = _edit(folder, old, new)
    with pytest.raises(CuratedFileError) as err:
        _load(folder)
    assert str(err.value).startswith(f"{ev.EVENTS_FILE} line {line}:"), err.value
    assert message in str(err.value)


def test_an_empty_source_is_refused(tmp_path) -> None:
    folder = _copy(tmp_path)
    path = folder / ev.EVENTS_FILE
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[2, "source_ru"] = ""
    frame.to_csv(path, index=False)
    with pytest.raises(CuratedFileError, match=rf"{ev.EVENTS_FILE} line 4: empty source_ru"):
        _load(folder)
