"""The plans page and actual vs plan on the region page (AppTest): a visitor reads and sees no
form; an editor's form is refused field by field, then accepted, corrected and withdrawn; a file
with a bad row is refused with its row and column and nothing is stored; the region page shows
the same numbers as the plans view."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from sdgdash.config import Settings
from sdgdash.data.models import Selection
from sdgdash.data.source import Source
from sdgdash.features.plans import tables as plan_tables
from sdgdash.features.plans import view as plans_view
from sdgdash.features.plans.validate import validate_file
from sdgdash.i18n import LANGS, fmt_number, t, tn
from sdgdash.ui.safe import literal
from tests.app.test_findings import login
from tests.conftest import REPO

PAGE = "app_pages/plans.py"
PASSWORD = "plan editor password"
EXAMPLE = REPO / "examples" / "plan_targets_example_KZKAR.csv"
POVERTY = Selection("1.2.1", unit="PT")  # share below the subsistence minimum, total
SOURCE = Source(Settings.from_env({}))


def texts(at) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption]
    parts += [e.value for e in at.info] + [e.value for e in at.warning]
    parts += [e.value for e in at.error] + [e.value for e in at.success]
    return "\n".join(str(p) for p in parts)


def table_at(at, key: str) -> pd.DataFrame:
    """The dataframe inside the container ``key`` (plans ui's keyed_table)."""
    return at.container(key).dataframe[0].value


def expected_display(store, place: str, lang: str) -> pd.DataFrame:
    """The plans view's table of ``place`` in ``lang`` over the same store (what pages show)."""
    table = plans_view.place_status(SOURCE, store, place)
    return plan_tables.status_display(SOURCE, table, lang)


def store_example(store, user) -> list[int]:
    result = validate_file(EXAMPLE.read_bytes(), EXAMPLE.name, "KZKAR", store.plan_catalogue)
    return store.save_plan_file("KZKAR", EXAMPLE.name, EXAMPLE.read_bytes(), result.entries, user)


@pytest.mark.parametrize("lang", LANGS)
def test_a_visitor_sees_every_target_with_its_status_and_no_form(app, store, lang):
    at = app(PAGE, lang=lang, place="KZKZY")
    assert not at.exception, [e.value for e in at.exception]
    name = SOURCE.labels().region_name("KZKZY", lang)
    assert at.title[0].value == t("plan_title", lang, name=name)
    assert t("plan_login", lang) in [i.value for i in at.info]
    assert not at.file_uploader and not at.get("date_input")
    assert not [w for w in at.text_input if str(w.key).startswith("plan_f_")]
    # The empty store: every row stands in with the 2030 value, as the plans view computes it.
    shown = table_at(at, "plan_status_table")
    pd.testing.assert_frame_equal(shown, expected_display(store, "KZKZY", lang))
    basis = set(shown[t("plan_col_basis", lang)])
    assert basis == {t("plan_basis_national_2030", lang), t("plan_basis_end_2030", lang)}
    # 1.2.1 in Kyzylorda region: 6.2 % in 2023 against the line from 3.5 % (2015) to half of it
    # in 2030 (SDG target 1.2), as the platform publishes the values.
    row = shown[shown[t("indicator", lang)].str.startswith("1.2.1 ")].iloc[0]
    assert row[t("year", lang)] == 2023 and row[t("brief_col_actual", lang)] == 6.2
    assert row[t("plan_col_final_value", lang)] == 1.75
    assert row[t("plan_col_basis", lang)] == t("plan_basis_national_2030", lang)
    assert row[t("plan_col_status", lang)] == t("plan_status_behind_plan", lang)


def _fill(at, pid: int = 0, **values: str):
    for name, value in values.items():
        at.text_input(key=f"plan_f_{name}_{pid}").input(value)
    return at


def test_the_form_refuses_each_bad_field_then_stores_corrects_and_withdraws(app, store):
    store.create_user("aigerim", PASSWORD)
    at = login(app(PAGE, lang="en", place="KZKAR"), "aigerim", PASSWORD)
    assert not at.exception and at.file_uploader
    at.selectbox(key="plan_f_ind").set_value("1.2.1").run()
    key = "|".join(POVERTY.key().values())
    at.selectbox(key="plan_f_sel").set_value(key).run()
    _fill(at, by="2021", bv="abc", v0="2.8")
    submit = next(b for b in at.button if b.label == t("plan_save", "en"))
    at = submit.click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [tn("plan_refused", 3, "en", n=3)]
    listed = texts(at)  # each problem named with its field, shown as text (escaped)
    for field, message in (
        ("plan_field_baseline_value", t("ld_non_numeric", "en", value="abc")),
        ("plan_field_document_name", t("plan_err_text_missing", "en")),
        ("plan_field_document_date", t("plan_err_date_missing", "en")),
    ):
        assert f"- {literal(t(field, 'en'))}: {literal(message)}" in listed
    assert store.plans().empty  # nothing written

    _fill(at, bv="3,2", doc="Test fixture plan (not real)", ref="art. 1")
    at.date_input(key="plan_f_date_0").set_value(dt.date(2024, 1, 15))
    at = next(b for b in at.button if b.label == t("plan_save", "en")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    (plan,) = store.plans().to_dict("records")
    assert [s.value for s in at.success] == [tn("plan_saved", 1, "en", ids=f"№{plan['plan_id']}")]
    assert (plan["indicator_id"], plan["unit"], plan["baseline_value"]) == ("1.2.1", "PT", 3.2)
    assert plan["document_name"] == "Test fixture plan (not real)"
    values = store.plan_values()
    assert list(zip(values["year"], values["value"], strict=True)) == [(2025, 2.8)]
    # The page's table now has the regional plan instead of 1.2.1's stand-in.
    shown = table_at(at, "plan_status_table")
    pd.testing.assert_frame_equal(shown, expected_display(store, "KZKAR", "en"))
    poverty = shown[shown[t("indicator", "en")].str.startswith("1.2.1 ")]
    assert list(poverty[t("plan_col_basis", "en")]) == [t("plan_basis_regional_plan", "en")]

    # A correction keeps the previous version.
    pid = int(plan["plan_id"])
    at.selectbox(key="plan_f_target").set_value(pid).run()
    assert at.text_input(key=f"plan_f_bv_{pid}").value == "3.2"
    _fill(at, pid, v0="2.7")
    label = t("plan_save_correction", "en")
    at = next(b for b in at.button if b.label == label).click().run()
    assert not at.exception
    history = store.plans(include_history=True)
    assert list(history["status"]) == ["active", "replaced"]
    assert list(store.plan_values()["value"]) == [2.7]

    # Withdrawn: kept in the versions, no longer assessed.
    new = int(history.iloc[0]["plan_id"])
    at.selectbox(key="plan_pick_withdraw").set_value(new)
    at = at.button(key="plan_withdraw").click().run()
    assert not at.exception
    assert t("plan_withdrawn", "en", id=new) in texts(at)
    assert store.plans().empty
    versions = table_at(at, "plan_versions")
    assert list(versions[t("ld_col_status", "en")]) == [
        t("ld_status_withdrawn", "en"),
        t("ld_status_replaced", "en"),
    ]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_file_with_a_bad_row_is_refused_with_row_and_column_and_stores_nothing(app, store, lang):
    store.create_user("aigerim", PASSWORD)
    at = login(app(PAGE, lang=lang, place="KZKAR"), "aigerim", PASSWORD, lang)
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    cells = lines[2].split(",")
    cells[lines[0].split(",").index("2025")] = "99.5%"  # file row 3: not a number
    bad = "\n".join([*lines[:2], ",".join(cells), *lines[3:]]).encode()
    at.file_uploader(key="plan_file_0").set_value(("plan.csv", bad, "text/csv"))
    at = at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [tn("plan_file_problems", 1, lang, n=1)]
    problems = table_at(at, "plan_problems")
    assert problems.values.tolist() == [["3", "2025", t("ld_non_numeric", lang, value="99.5%")]]
    assert not [b for b in at.button if b.key == "plan_file_store"]
    assert store.plans().empty and store.plan_files().empty

    at.file_uploader(key="plan_file_0").set_value(("plan.csv", EXAMPLE.read_bytes(), "text/csv"))
    at = at.run()
    assert [s.value for s in at.success] == [tn("plan_file_ok", 5, lang, n=5)]
    at = at.button(key="plan_file_store").click().run()
    assert not at.exception
    assert len(store.plans()) == 5 and len(store.plan_files()) == 1
    assert len(table_at(at, "plan_versions")) == 5
    shown = table_at(at, "plan_status_table")
    pd.testing.assert_frame_equal(shown, expected_display(store, "KZKAR", lang))


def test_an_editor_limited_to_another_region_sees_no_form(app, store):
    store.create_user("bolat", PASSWORD)
    store.set_editor_places("bolat", ["KZKZY"])
    at = login(app(PAGE, lang="en", place="KZKAR"), "bolat", PASSWORD)
    assert not at.exception
    names = SOURCE.labels().region_name("KZKZY", "en")
    assert t("plan_not_your_place", "en", places=names) in [w.value for w in at.warning]
    assert not at.file_uploader


@pytest.mark.parametrize("lang", LANGS)
def test_the_region_page_shows_actual_vs_plan_as_the_plans_view(app, store, lang):
    editor = store.create_user("aigerim", PASSWORD)
    store_example(store, editor)
    key = plans_view.selection_key(Selection("11.6.1", unit="PT"))
    at = app("app_pages/region.py", lang=lang, region="KZKAR", pind=key)
    assert not at.exception, [e.value for e in at.exception]
    shown = table_at(at, "reg_plan_table")
    pd.testing.assert_frame_equal(shown, expected_display(store, "KZKAR", lang))
    planned = shown[shown[t("plan_col_basis", lang)] == t("plan_basis_regional_plan", lang)]
    assert sorted(i.split(" ")[0] for i in planned[t("indicator", lang)]) == [
        "1.2.1",
        "11.3.1",
        "11.6.1",
        "17.8.1",
        "3.1.2",
    ]
    # 11.6.1: 91 % in 2023 against the EXAMPLE line 82 (2021) -> 95 (2025): 88.5, gap +2.5.
    row = planned[planned[t("indicator", lang)].str.startswith("11.6.1 ")].iloc[0]
    assert (row[t("brief_col_expected", lang)], row[t("brief_col_gap", lang)]) == (88.5, 2.5)
    assert row[t("plan_col_status", lang)] == t("plan_status_ahead_of_plan", lang)
    assert "EXAMPLE" in row[t("plan_col_document", lang)]
    captions = [c.value for c in at.caption]
    assert any(
        c.endswith(t("plan_basis_regional_plan", lang) + ".") and "88" in c for c in captions
    )
    chart = [c for c in at.get("plotly_chart") if "reg_plan_chart" in str(c.proto.id)]
    assert len(chart) == 1


def test_a_target_written_elsewhere_shows_at_the_next_run(app, store):
    at = app(PAGE, lang="en", place="KZKAR")
    before = table_at(at, "plan_status_table")
    assert t("plan_basis_regional_plan", "en") not in set(before[t("plan_col_basis", "en")])
    # Another process (or replica) stores a target: the store's revision keys the cache.
    store_example(store, store.create_user("aigerim", PASSWORD))
    after = table_at(at.run(), "plan_status_table")
    pd.testing.assert_frame_equal(after, expected_display(store, "KZKAR", "en"))


def test_the_map_panel_compare_and_goal_pages_show_the_same_status(app, store):
    store_example(store, store.create_user("aigerim", PASSWORD))
    poverty = plans_view.selection_status(SOURCE, store, "KZKAR", POVERTY)
    line = plans_ui_sentence(poverty)
    at = app("app_pages/map.py", lang="en", ind="1.2.1", region="KZKAR")
    assert not at.exception, [e.value for e in at.exception]
    assert line in [c.value for c in at.caption]
    at = app("app_pages/goal.py", lang="en", goal="1", region="KZKAR", ind="1.2.1")
    assert not at.exception, [e.value for e in at.exception]
    assert line in [c.value for c in at.caption]
    at = app("app_pages/compare.py", lang="en", regions="KZKAR,KZKZY", ind="1.2.1")
    assert not at.exception, [e.value for e in at.exception]
    both = table_at(at, "cmp_plan_table")
    basis = dict(zip(both[t("plan_col_place", "en")], both[t("plan_col_basis", "en")], strict=True))
    labels = SOURCE.labels()
    assert basis == {
        labels.region_name("KZKAR", "en"): t("plan_basis_regional_plan", "en"),
        labels.region_name("KZKZY", "en"): t("plan_basis_national_2030", "en"),
    }


def plans_ui_sentence(row: dict) -> str:
    """The status sentence the pages write under a chart (plans ui)."""
    return plan_tables.status_sentence(row, "en")


@pytest.mark.parametrize("lang", LANGS)
def test_status_table_writes_figures_in_the_page_language(app, lang: str) -> None:
    """What the reader sees in the status table (the Styler's display values): the actual and the
    plan line with the language's decimal mark and no trailing zeros, the gap with its sign, as
    the brief writes them (a second format call used to reset them to pandas' 6 decimals)."""
    import pyarrow as pa

    at = app(PAGE, lang=lang)
    assert not at.exception
    arrow = at.container("plan_status_table").dataframe[0].proto.arrow_data
    shown = pa.ipc.open_stream(arrow.styler.display_values).read_all().to_pandas()
    table = plans_view.place_status(SOURCE, None, plans_view.DEFAULT_PLACE)
    display = plan_tables.status_display(SOURCE, table, lang)
    actual = t("brief_col_actual", lang)
    expected = [fmt_number(v, lang) if pd.notna(v) else "—" for v in display[actual]]
    assert shown[actual].tolist() == expected
    assert not shown[actual].str.contains(r"\d\.\d{6}$").any()
    if lang != "en":
        assert shown[actual].str.contains(",").any()
    gap = shown[t("brief_col_gap", lang)]
    assert gap[gap != "—"].str.match(r"^[+−-]|^0").all()
