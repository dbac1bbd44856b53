"""Problem tags: the curated vocabulary is valid against the real indicators, and bad rows fail
with the file and line named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from sdgdash.data.curated import CuratedFileError, LeftOut
from sdgdash.data.tags import LINKS_FILE, TAGS_FILE, load_vocabulary
from tests.conftest import REPO

CURATED = REPO / "data" / "curated"
INDICATORS = pd.read_parquet(REPO / "data" / "indicators.parquet")
SEMINAR_REPORT = "https://economy.kz/en/Novosti_instituta/id=4503/arch=2022_4"


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary(CURATED, INDICATORS["indicator_id"], INDICATORS["target"])


def test_the_committed_links_all_refer_to_the_data(vocab) -> None:
    assert vocab.left_out == ()


def test_the_three_seminar_problems_are_tags_citing_the_seminar_report(vocab) -> None:
    assert vocab.seminar_tags() == ["household_waste", "electricity_supply", "heating_supply"]
    for tag in vocab.seminar_tags():
        for lang in ("kk", "ru", "en"):
            assert SEMINAR_REPORT in vocab.tag(tag).source(lang)
    assert vocab.name("household_waste", "ru") == "Сбор и переработка бытовых отходов"
    assert vocab.name("heating_supply", "kk") == "Жылумен жабдықтау"


def test_required_and_data_supported_tags_are_present(vocab) -> None:
    required = {"water_sanitation", "air_quality", "poverty_income", "jobs", "health_services"}
    assert required | {"education", "housing"} <= set(vocab.tag_ids())


def test_every_linked_indicator_has_data_and_every_tag_has_regional_data(vocab) -> None:
    by_id = INDICATORS.set_index("indicator_id")
    for link in vocab.links:
        if link.kind == "indicator":
            assert bool(by_id.loc[link.ref, "has_data"]), link
            assert by_id.loc[link.ref, "target"] in set(INDICATORS["target"])
        assert all(link.rationales[lang] for lang in ("kk", "ru", "en")), link
    for tag in vocab.tag_ids():
        regional = [i for i in vocab.indicators_of(tag) if by_id.loc[i, "has_regional_data"]]
        assert regional, f"{tag} has no indicator with regional data"


def test_lookups_both_ways(vocab) -> None:
    assert vocab.indicators_of("household_waste") == ["11.6.1", "11.6.1.1", "12.5.1.1"]
    assert vocab.targets_of("household_waste") == ["11.6", "12.5"]
    assert vocab.tags_of("11.6.2") == ["heating_supply", "air_quality"]
    assert vocab.tags_of("2.3.1") == []
    assert vocab.tag_names_of("7.1.1", "en") == ["Electricity supply"]
    labels = vocab.labels("kk")
    assert list(labels) == vocab.tag_ids() and labels["air_quality"] == "Ауа сапасы"


def _copy(tmp_path: Path) -> Path:
    for name in (TAGS_FILE, LINKS_FILE):
        shutil.copy(CURATED / name, tmp_path / name)
    return tmp_path


def _replace_line(path: Path, line: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _load(folder: Path):
    return load_vocabulary(folder, INDICATORS["indicator_id"], INDICATORS["target"])


GOOD_LINK = "household_waste,indicator,11.6.1,kk,ru,en"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("no_such_tag,indicator,11.6.1,kk,ru,en", "unknown tag 'no_such_tag'"),
        ("household_waste,goal,11,kk,ru,en", "kind 'goal'"),
        ("household_waste,indicator,11.6.1,,ru,en", "empty rationale_kk"),
        ("household_waste,target,11.6,kk,ru,en", "duplicate link"),
        ("household_waste,indicator,11.6.1,kk,ru,en,extra", "more fields than columns"),
    ],
)
def test_bad_link_rows_name_file_and_line(tmp_path, row: str, message: str) -> None:
    folder = _copy(tmp_path)
    _replace_line(folder / LINKS_FILE, 3, row)
    with pytest.raises(CuratedFileError) as err:
        _load(folder)
    assert str(err.value).startswith(f"{LINKS_FILE} line 3:"), err.value
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("row", "ref", "reason"),
    [
        ("household_waste,indicator,99.9.9,kk,ru,en", "99.9.9", "unknown_indicator"),
        ("household_waste,target,11.99,kk,ru,en", "11.99", "unknown_target"),
    ],
)
def test_a_link_the_data_lacks_is_left_out_and_listed(
    tmp_path, row: str, ref: str, reason: str
) -> None:
    """A retired or renamed indicator (or a target without indicators) does not break the
    vocabulary: the link is left out and listed with its file, line and reason."""
    folder = _copy(tmp_path)
    _replace_line(folder / LINKS_FILE, 3, row)
    vocab = _load(folder)
    assert vocab.left_out == (LeftOut(LINKS_FILE, 3, ref, reason, "household_waste"),)
    assert vocab.left_out_of("household_waste") == list(vocab.left_out)
    assert vocab.left_out_of("electricity_supply") == []
    assert ref not in vocab.indicators_of("household_waste") + vocab.targets_of("household_waste")
    assert len(vocab.links) == len(_load(CURATED).links) - 1


def test_a_tag_whose_indicators_all_left_the_data_stays(tmp_path) -> None:
    """A tag whose every linked indicator is gone from the data keeps its place (its page says
    so); a tag without any indicator link in the file is still an error (tested below)."""
    folder = _copy(tmp_path)
    vocab = load_vocabulary(folder, ["1.2.1"], INDICATORS["target"])
    assert vocab.tag_ids() == _load(folder).tag_ids()
    assert vocab.indicators_of("household_waste") == []
    assert {lo.ref for lo in vocab.left_out} >= {"11.6.1", "11.6.1.1"}


def test_a_good_replacement_row_loads(tmp_path) -> None:
    folder = _copy(tmp_path)
    _replace_line(folder / LINKS_FILE, 3, "household_waste,indicator,1.2.1,kk,ru,en")
    vocab = _load(folder)
    assert "1.2.1" in vocab.indicators_of("household_waste")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda r: r.replace("household_waste,1,", "Household Waste,1,", 1), "not a slug"),
        (lambda r: r.replace(",1,seminar_2022,", ",one,seminar_2022,", 1), "not an integer"),
        (lambda r: r.replace(",seminar_2022,", ",rumour,", 1), "origin 'rumour'"),
        (lambda r: r.replace(",Household waste collection and recycling,", ",,", 1), "name_en"),
    ],
)
def test_bad_tag_rows_name_file_and_line(tmp_path, edit, message: str) -> None:
    folder = _copy(tmp_path)
    path = folder / TAGS_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = edit(lines[1])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CuratedFileError) as err:
        _load(folder)
    assert str(err.value).startswith(f"{TAGS_FILE} line 2:"), err.value
    assert message in str(err.value)


def test_duplicate_tag_and_missing_column_and_unlinked_tag(tmp_path) -> None:
    folder = _copy(tmp_path)
    path = folder / TAGS_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(CuratedFileError, match=rf"{TAGS_FILE} line {len(lines) + 1}: duplicate"):
        _load(folder)

    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    links = folder / LINKS_FILE
    kept = [
        ln
        for ln in links.read_text(encoding="utf-8").splitlines()
        if not ln.startswith("housing,indicator,")
    ]
    links.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(CuratedFileError, match="tag 'housing' has no linked indicator"):
        _load(folder)

    links.write_text("tag_id,kind,ref\nhousing,indicator,11.1.1\n", encoding="utf-8")
    with pytest.raises(CuratedFileError, match=rf"{LINKS_FILE} line 1: missing column"):
        _load(folder)


def test_every_tagged_regional_indicator_maps_its_latest_year(vocab) -> None:
    """What the tag page draws: each linked indicator's headline selection in its latest year."""
    from sdgdash.config import Settings
    from sdgdash.data import queries, selection
    from sdgdash.data.db import connect
    from sdgdash.features.map import view as mapview

    con = connect(Settings.from_env({}))
    regions = pd.read_parquet(REPO / "data" / "regions.parquet")
    kinds = dict(zip(regions.ref_area, regions.kind, strict=True))
    regional = set(INDICATORS.loc[INDICATORS["has_regional_data"], "indicator_id"])
    checked, partial = 0, set()
    for tag in vocab.tag_ids():
        for ind in [i for i in vocab.indicators_of(tag) if i in regional]:
            options = queries.selection_options(con, ind)
            sel = selection.headline(options, ind)
            assert sel is not None, (tag, ind)
            year = selection.years_of(options, sel)[-1]
            view = mapview.split(queries.map_frame(con, sel, year), sel, year, kinds, None)
            assert len(view.drawn) >= 1, (tag, ind, year)
            checked += 1
            if len(view.drawn) < 16:
                partial.add(ind)
    assert checked >= 30
    # Fine particles are measured in cities (most values are listed, not drawn); water quality is
    # published for 14 regions. Every other tagged indicator covers every region.
    assert partial == {"11.6.2", "6.3.2"}


def _view(indicator_id: str):
    from sdgdash.config import Settings
    from sdgdash.data.source import Source
    from sdgdash.features.tags.view import tag_map

    return tag_map(Source(Settings.from_env({})), indicator_id)


def test_ranking_adds_cities_only_where_the_source_is_mostly_cities() -> None:
    from sdgdash.features.tags.charts import ranking_frame, regions_ranked

    poverty_view = _view("1.2.1")
    assert poverty_view.higher_is_better is False
    poverty = ranking_frame(poverty_view)
    assert len(poverty) == 20 and poverty["rank"].min() == 1
    best = poverty.sort_values("value").iloc[0]
    assert best["rank"] == 1, "lower is better: the smallest share ranks first"

    air = _view("11.6.2")
    assert air.higher_is_better is False
    ranked = ranking_frame(air)
    cities = air.not_drawn[air.not_drawn["reason"] == "no_boundary_subregion"]
    assert len(ranked) == len(air.drawn) + len(cities) > 30
    assert set(ranked["ref_area"]) >= {"KZALA", "KZKRG"}  # Almaty city, Karagandy city
    fig = regions_ranked(ranked, {}, None, "mg/m3", "en", higher_is_better=False)
    assert len(fig.data[0].y) == len(ranked)
    assert fig.data[0].y[-1] in set(ranked.loc[ranked["rank"] == 1, "ref_area"])  # best on top


def test_bars_are_coloured_against_kazakhstan_in_the_indicator_direction() -> None:
    from sdgdash.features.tags.charts import bar_colours

    values = pd.Series([3.0, 5.2, 8.1])
    blue, orange = "#0072B2", "#E69F00"
    assert bar_colours(values, 5.2, False) == [blue, blue, orange]
    assert bar_colours(values, 5.2, True) == [orange, blue, blue]
    assert bar_colours(values, None, True) == [blue] * 3
    assert bar_colours(values, 5.2, None) == [blue] * 3
