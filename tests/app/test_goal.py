"""Goal page (AppTest): statuses equal to the progress method on the data, in every language."""

from __future__ import annotations

import pandas as pd
import pytest

from sdgdash.config import Settings
from sdgdash.data import directions as direction
from sdgdash.data import queries, targets
from sdgdash.data.catalog import GOALS
from sdgdash.data.db import connect
from sdgdash.features.goal import view as goalview
from sdgdash.i18n import LANGS, t
from sdgdash.ui.safe import md_escape
from tests.conftest import REPO

GOAL = "app_pages/goal.py"
CURATED = REPO / "data" / "curated"


@pytest.fixture(scope="module")
def expected():
    """goal -> the status table computed straight from the data files (no Streamlit)."""
    con = connect(Settings.from_env())
    dirs = pd.concat(
        [
            direction.load_directions(CURATED / "indicator_direction.csv"),
            direction.load_directions(CURATED / "indicator_direction_national.csv"),
        ],
        ignore_index=True,
    )
    tg = targets.load_targets(CURATED / "indicator_targets.csv")
    cache: dict[int, pd.DataFrame] = {}

    def get(goal: int) -> pd.DataFrame:
        if goal not in cache:
            obs = queries.goal_observations(con, goal)
            inds = queries.goal_indicators(con, goal)
            cache[goal] = goalview.status_table(inds, obs, dirs, tg, goalview.areas(obs))
        return cache[goal]

    return get


def _table(at) -> pd.DataFrame:
    return next(
        d.value
        for d in at.dataframe
        if "Статус" in d.value or "Status" in d.value or "Мәртебесі" in d.value
    )


def _statuses(table: pd.DataFrame, lang: str) -> dict[str, str]:
    ids = table[t("indicator", lang)].str.split(" ").str[0]
    return dict(zip(ids, table[t("goal_status", lang)], strict=True))


def test_goal_3_in_english_shows_real_statuses(app, expected) -> None:
    at = app(GOAL, lang="en", goal="3")
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value.startswith("Goal 3.")
    table = _table(at)
    got = _statuses(table, "en")
    # Maternal mortality 12.5 (2015) -> 11.4 (2023) per 100,000 live births: below the 70 target.
    assert got["3.1.1"] == "Target achieved"
    row = table[table["Indicator"].str.startswith("3.1.1 ")].iloc[0]
    assert row["How it was computed"] == (
        "From 2015 (12.5) to 2023 (11.4) the value fell 1.1 % a year. "
        "The 2030 target of 70 is already met."
    )
    # The detail section opens on the first assessed indicator, with the sentence in full.
    assert at.selectbox(key="goal_ind").value == "3.1.1"
    assert md_escape(row["How it was computed"]) in [x.value for x in at.markdown]
    national = expected(3)
    national = national[national["ref_area"] == ""]
    want = {r.indicator_id: t(f"goal_status_{r.bucket}", "en") for r in national.itertuples()}
    assert got == want
    assert len(table) == 30
    assert {s.value for s in at.subheader} >= {
        "Progress on the goal's indicators",
        "Data coverage: indicators × regions",
    }
    assert any(
        c.value.startswith("Source: Kazakhstan national SDG reporting platform") for c in at.caption
    )


def test_goal_1_for_a_region_in_russian(app, expected) -> None:
    at = app(GOAL, lang="ru", goal="1", region="KZKAR")
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="goal_area").value == "KZKAR"
    assert any("Карагандинская область" in s.value for s in at.subheader)
    table = _table(at)
    want_rows = expected(1)
    want_rows = want_rows[want_rows["ref_area"] == "KZKAR"]
    want = {r.indicator_id: t(f"goal_status_{r.bucket}", "ru") for r in want_rows.itertuples()}
    got = _statuses(table, "ru")
    assert got == want
    # Poverty in Karaganda region against halving by 2030: the explanation names the target.
    row = table[table["Показатель"].str.startswith("1.2.1 ")].iloc[0]
    assert "× значение 2015 года" in row["Как получено"]
    assert at.query_params["region"] == ["KZKAR"] or at.query_params["region"] == "KZKAR"


def test_bad_goal_in_link_falls_back_with_notice(app) -> None:
    at = app(GOAL, lang="kk", goal="99")
    assert not at.exception
    assert at.selectbox(key="goal_goal").value == 1
    assert any("goal" in w.value for w in at.warning)


def test_every_goal_in_every_language(app, expected) -> None:
    """All 17 goal pages render in kk/ru/en with the statuses of the method on the data."""
    assessed = 0
    for lang in LANGS:
        at = app(GOAL, lang=lang)
        for goal in GOALS:
            at.selectbox(key="goal_goal").set_value(goal).run()
            assert not at.exception, (goal, lang, [e.value for e in at.exception])
            assert at.title[0].value.startswith(f"{t('goal', lang)} {goal}.")
            got = _statuses(_table(at), lang)
            rows = expected(goal)
            rows = rows[rows["ref_area"] == ""]
            assert got == {
                r.indicator_id: t(f"goal_status_{r.bucket}", lang) for r in rows.itertuples()
            }, (goal, lang)
            assessed += sum(
                r.status not in ("insufficient", "not_assessed") for r in rows.itertuples()
            )
    # Real statuses, not only "no data": dozens of indicators are assessed.
    assert assessed >= 3 * 40
