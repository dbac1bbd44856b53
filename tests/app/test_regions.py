"""Region profile and comparison pages (AppTest) on real regions."""

from __future__ import annotations

import pytest

from sdgdash.i18n import t


def test_profile_of_karaganda_in_russian(app) -> None:
    at = app("app_pages/region.py", lang="ru", region="KZKAR")
    assert not at.exception
    assert at.title[0].value == "Карагандинская область"
    assert any("Каркаралинский район" in i.value for i in at.info), "pilot territory named"
    table = at.dataframe[0].value
    assert len(table) > 50
    row = table[table["Показатель"].str.startswith("1.2.1 ")].iloc[0]
    assert row["Значение"] == 3.0 and row["Год"] == 2023 and row["Место"] == "3 из 20"


def test_goal_filter_from_the_url(app) -> None:
    at = app("app_pages/region.py", lang="en", region="KZKZY", goals="1,7")
    assert not at.exception
    assert set(at.dataframe[0].value["Goal"]) <= {1, 7}
    assert "Kamystybas" in " ".join(i.value for i in at.info)


def _comparison(at, lang: str):
    """The comparison table (the page's other tables hold its charts' values)."""
    return next(x.value for x in at.table if t("indicator", lang) in x.value.columns)


def test_compare_karaganda_and_kyzylorda(app) -> None:
    at = app("app_pages/compare.py", lang="kk", regions="KZKAR,KZKZY", ind="1.2.1")
    assert not at.exception
    table = _comparison(at, "kk")
    # One column per region, value and rank in one cell, best (▲) and worst (▼) marked.
    assert list(table.columns)[1:4] == ["Қарағанды облысы", "Қызылорда облысы", t("national", "kk")]
    row = table[table.iloc[:, 0].str.startswith("1.2.1 ")].iloc[0]
    assert (row["Қарағанды облысы"], row["Қызылорда облысы"]) == ("▲ 3 (3/20)", "▼ 6,2 (15/20)")
    assert row[t("unit", "kk")] and row[t("year", "kk")] == "2023"


def test_compare_on_one_goal(app) -> None:
    at = app("app_pages/compare.py", lang="en", regions="KZKAR,KZKZY", goals="1")
    assert not at.exception
    names = _comparison(at, "en")["Indicator"]
    assert len(names) and all(n.startswith("1.") for n in names)
    assert at.query_params["goals"] == ["1"] or at.query_params["goals"] == "1"


@pytest.mark.parametrize("regions", ["KZKAR", "KZKAR,KZKAR", "A,B,C,D,E", "<b>x</b>"])
def test_compare_with_bad_or_too_few_regions_is_explained(app, regions) -> None:
    at = app("app_pages/compare.py", lang="en", regions=regions)
    assert not at.exception
    assert at.warning or at.info
