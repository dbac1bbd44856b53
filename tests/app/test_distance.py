"""Distance to 2030 on the pages (AppTest): the region's "distance and pace" block in kk, ru and
en, the map's change mode across the 2018 -> 2022 layouts, and the compare, goal and index
blocks, each checked against the view functions."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from sdgdash.config import Settings
from sdgdash.data.source import Source
from sdgdash.features.distance import display, view
from sdgdash.geo import layouts as geo
from sdgdash.i18n import t, tn

REGION = "app_pages/region.py"
MAP = "app_pages/map.py"
DATA = Source(Settings.from_env({}))


def _same(shown, want) -> bool:
    """A cell equals the view's figure (a missing figure shows as an empty cell)."""
    return pd.isna(shown) if want is None else shown == want


def _table(at, first_column: str, lang: str):
    """The dataframe whose columns include the distance score and ``first_column``."""
    return next(
        d.value
        for d in at.dataframe
        if first_column in d.value.columns and t("dist_score", lang) in d.value.columns
    )


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_region_page_shows_the_distance_and_pace_block(app, lang) -> None:
    at = app(REGION, lang=lang, region="KZAKM", dind="1.1.1")
    assert not at.exception, [e.value for e in at.exception]
    assert t("dist_block_heading", lang) in [s.value for s in at.subheader]
    block = view.region_distance(DATA, "KZAKM")
    labels = DATA.labels()

    # Per indicator: every headline indicator, its score, pace, arrival and why a figure is missing.
    table = _table(at, t("dist_note_col", lang), lang)
    assert len(table) == len(block.indicators)
    rows = block.indicators.set_index("indicator_id")
    shown = table.set_index(table[t("indicator", lang)].str.split(" ").str[0])
    for ind in ("1.1.1", "1.2.1", "1.5.2"):
        want = rows.loc[ind]
        got = shown.loc[ind]
        assert _same(got[t("dist_score", lang)], display.score1(want["score"])), ind
        assert got[t("dist_arrival", lang)] == display.arrival(want, lang)
        assert got[t("dist_note_col", lang)] == display.note(want, lang)
    # 1.5.2 is an amount in tenge: no score, and the note says why in the page's language.
    assert t("dist_reason_money_amount", lang) in shown.loc["1.5.2", t("dist_note_col", lang)]

    # Per goal: the region beside Kazakhstan and its peers.
    goals = _table(at, t("dist_peer_score", lang), lang)
    assert len(goals) == len(block.goals)
    first = block.goals.iloc[0]
    assert _same(
        goals.iloc[0][t("dist_national_score", lang)], display.score1(first["national_score"])
    )

    # Peers with their basis, and the detail of 1.1.1 against them.
    peers = ", ".join(labels.region_name(c, lang) for c in block.peers.codes)
    assert any(peers in m.value.replace("\\", "") for m in at.markdown)
    assert any(str(len(block.peers.basis)) in c.value for c in at.caption)
    metrics = {m.label: m.value for m in at.metric}
    detail = rows.loc["1.1.1"]
    assert metrics[t("dist_arrival", lang)] == display.arrival(detail, lang)
    assert metrics[t("dist_score", lang)] == display.number(
        display.score1(detail["score"]), lang, 1
    )
    covered = tn(
        "dist_coverage_line",
        len(block.indicators),
        lang,
        scored=int(block.indicators["score"].notna().sum()),
        paced=int(block.indicators["pace_observed"].notna().sum()),
        arriving=int(block.indicators["arrival_status"].notna().sum()),
    )
    assert covered in [c.value for c in at.caption]
    assert at.query_params["dind"] == ["1.1.1"] or at.query_params["dind"] == "1.1.1"


def test_a_unit_that_is_not_one_of_the_20_regions_says_so(app) -> None:
    at = app(REGION, lang="en", region="KZONT")
    assert not at.exception
    assert t("dist_not_region", "en") in [i.value for i in at.info]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_change_mode_across_the_2018_and_2022_layouts(app, lang) -> None:
    at = app(MAP, lang=lang, ind="1.2.1", mode="change", **{"from": "2018"}, year="2023")
    assert not at.exception, [e.value for e in at.exception]
    sel = next(s for s in DATA.headlines() if s.indicator_id == "1.2.1")
    cv = view.change_view(DATA, sel, 2018, 2023)
    assert (cv.layout_a, cv.layout_b) == ("2018", "2022")
    layouts = f"{t('layout_2018', lang)} → {t('layout_2022', lang)}"
    assert any(layouts in c.value for c in at.caption)
    # The ranked list: every compared region with its change, then the left out with the reason.
    table = next(d.value for d in at.dataframe if t("dist_change_abs", lang) in d.value.columns)
    assert len(table) == len(cv.changes) + len(cv.left_out)
    compared = table[table[t("reason", lang)] == ""]
    got = dict(zip(compared["ref_area"], compared["2023"] - compared["2018"], strict=True))
    want = dict(zip(cv.changes["ref_area"], cv.changes["change"], strict=True))
    assert got.keys() == want.keys() and all(abs(got[k] - want[k]) < 1e-9 for k in got)
    split = table[table["ref_area"].isin(geo.SPLIT_2022)]
    assert set(split[t("reason", lang)]) == {t("dist_left_boundary_changed", lang)}
    assert len(split) == 3
    # Fastest movers in the indicator's good direction (lower poverty is better).
    best = cv.changes.sort_values("mover_rank").iloc[0]
    assert table.iloc[0]["ref_area"] == best["ref_area"] and best["outcome"] == "improved"
    # The view stays in the URL.
    params = {k: at.query_params[k] for k in ("mode", "from", "year")}
    flat = {k: v[0] if isinstance(v, list) else v for k, v in params.items()}
    assert flat == {"mode": "change", "from": "2018", "year": "2023"}


def test_change_mode_with_a_bad_first_year_falls_back_with_a_notice(app) -> None:
    at = app(MAP, lang="en", ind="1.2.1", mode="change", **{"from": "1850"})
    assert not at.exception
    assert any("from" in w.value for w in at.warning)
    flat = at.query_params["from"]
    assert (flat[0] if isinstance(flat, list) else flat) == "2015"


def test_map_region_panel_shows_distance_peers_and_national(app) -> None:
    at = app(MAP, lang="en", ind="1.2.1", year="2023", region="KZAKM")
    assert not at.exception
    sel = next(s for s in DATA.headlines() if s.indicator_id == "1.2.1")
    row = view.selection_figures(DATA, sel, "KZAKM", 2023).row
    metric = next(m for m in at.metric if m.label == f"{t('dist_score', 'en')}, 2023")
    assert metric.value == display.number(display.score1(row["score"]), "en", 1)
    text = " ".join(c.value.replace("\\", "") for c in at.caption)
    assert "Peer average" in text and "beside Kazakhstan's 5.2, 2023" in text


def test_compare_goal_and_index_pages_show_distance(app) -> None:
    at = app("app_pages/compare.py", lang="ru", regions="KZAKM,KZKZY", ind="1.2.1")
    assert not at.exception
    assert t("dist_compare_heading", "ru") in [s.value for s in at.subheader]
    rows = view.compare_rows(DATA, ["KZAKM", "KZKZY"], "1.2.1")
    table = _table(at, t("dist_peer_mean", "ru"), "ru")
    assert list(table[t("dist_peer_mean", "ru")]) == [display.sig(v, 4) for v in rows["peer_mean"]]

    at = app("app_pages/goal.py", lang="kk", goal="3", region="KZAKM")
    assert not at.exception
    assert t("dist_goal_heading", "kk") in [s.value for s in at.subheader]

    at = app("app_pages/index.py", lang="en")
    assert not at.exception
    assert t("dist_index_heading", "en") in [s.value for s in at.subheader]


def test_change_map_in_percent_of_the_first_value(app) -> None:
    at = app(MAP, lang="en", ind="1.2.1", mode="change", chg="pct", **{"from": "2018"}, year="2023")
    assert not at.exception, [e.value for e in at.exception]
    sel = next(s for s in DATA.headlines() if s.indicator_id == "1.2.1")
    cv = view.change_view(DATA, sel, 2018, 2023)
    spec = next(
        json.loads(c.proto.spec)
        for c in at.get("plotly_chart")
        if '"choropleth"' in c.proto.spec and "zmid" in c.proto.spec
    )
    trace = next(tr for tr in spec["data"] if "zmid" in tr)
    assert t("dist_change_pct", "en") in trace["colorbar"]["title"]["text"]
    got = dict(zip(trace["locations"], trace["z"], strict=True))
    want = dict(zip(cv.changes["ref_area"], cv.changes["change_pct"], strict=True))
    assert got == pytest.approx(want)
    chg = at.query_params["chg"]
    assert (chg[0] if isinstance(chg, list) else chg) == "pct"
