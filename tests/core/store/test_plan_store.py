"""Plan targets in the store on SQLite and PostgreSQL: checks, versions, withdrawal, files stored
whole or not at all, roles, editors limited to their places, and two editors writing at once."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from sdgdash import admin
from sdgdash.data.models import Selection
from sdgdash.features.plans.validate import PlanInput, validate_file
from sdgdash.store import (
    InvalidInput,
    NotAuthorized,
    PlanConflict,
    User,
    make_engine,
    open_store,
)
from sdgdash.store import schema as store_schema
from tests.conftest import REPO
from tests.core.store.test_store import PASSWORD, fast_store, finding, rows_of

EXAMPLE = REPO / "examples" / "plan_targets_example_KZKAR.csv"


def plan(**over) -> PlanInput:
    base = {
        "place": "KZKAR",
        "selection": Selection("1.2.1", unit="PT"),
        "baseline_year": 2021,
        "baseline_value": 3.2,
        "planned": ((2025, 2.8), (2030, 2.5)),
        "document_name": "Test fixture plan",
        "document_date": date(2024, 1, 15),
        "document_ref": "art. 3",
    }
    base.update(over)
    return PlanInput(**base)


@pytest.fixture
def store(store_url):
    s = fast_store(store_url)
    yield s
    s.dispose()


@pytest.fixture
def editor(store) -> User:
    return store.create_user("aigerim", PASSWORD)


def test_a_correction_keeps_the_previous_version_and_a_withdrawal_keeps_the_row(store, editor):
    assert store.plan_revision() == (0, 0)
    first = store.save_plan(plan(), editor)
    assert store.plan_revision() == (first, 0)
    shown = store.plans()
    expected = pd.DataFrame(
        {
            "plan_id": [first],
            "place_kind": ["region"],
            "place": ["KZKAR"],
            "indicator_id": ["1.2.1"],
            "series": [""],
            "unit": ["PT"],
            "sex": [""],
            "version": [1],
            "status": ["active"],
            "baseline_year": [2021],
            "baseline_value": [3.2],
            "document_name": ["Test fixture plan"],
            "document_date": [date(2024, 1, 15)],
            "document_ref": ["art. 3"],
            "entered_by": ["aigerim"],
        }
    ).astype({"plan_id": "int64", "version": "int64", "baseline_year": "int64"})
    pd.testing.assert_frame_equal(shown[expected.columns], expected)
    assert shown.iloc[0]["file_id"] is None and shown.iloc[0]["withdrawn_by"] is None
    values = pd.DataFrame({"plan_id": [first, first], "year": [2025, 2030], "value": [2.8, 2.5]})
    pd.testing.assert_frame_equal(store.plan_values(), values.astype({"plan_id": "int64"}))

    second = store.save_plan(plan(planned=((2025, 2.9), (2029, 2.6))), editor, replaces=first)
    history = store.plans(include_history=True)
    assert list(history["plan_id"]) == [second, first]
    assert list(history["version"]) == [2, 1]
    assert list(history["status"]) == ["active", "replaced"]
    assert list(store.plans()["plan_id"]) == [second]
    assert list(store.plan_values()["year"]) == [2025, 2029]
    # The replaced version keeps its own planned values.
    assert list(store.plan_values(plan_ids=[first])["value"]) == [2.8, 2.5]

    assert store.plan_revision() == (second, 0)
    store.withdraw_plan(second, editor)
    # A withdrawal changes the revision too (pages cache the status tables by it).
    assert store.plan_revision() == (second, 1)
    assert store.plans().empty and store.plan_values().empty
    history = store.plans(include_history=True)
    assert list(history["status"]) == ["withdrawn", "replaced"]
    assert history.iloc[0]["withdrawn_by"] == "aigerim"
    with pytest.raises(ValueError):
        store.withdraw_plan(second, editor)  # not in force any more
    third = store.save_plan(plan(), editor)
    assert store.plans().iloc[0]["version"] == 3 and store.plans().iloc[0]["plan_id"] == third

    # Another selection of the same indicator is another target with its own versions.
    other = store.save_plan(plan(selection=Selection("1.4.2", unit="PT", sex="F")), editor)
    listed = store.plans(place="KZKAR")
    assert set(listed["plan_id"]) == {third, other}
    assert listed.set_index("plan_id").loc[other, "sex"] == "F"
    assert list(store.plans(indicator_id="1.4.2")["plan_id"]) == [other]
    assert store.plans(place="KZKZY").empty


@pytest.mark.parametrize(
    ("change", "field", "key"),
    [
        ({"place": "KZXXX"}, "place", "plan_err_unknown_place"),
        (
            {"selection": Selection("99.9.9", unit="PT")},
            "indicator_id",
            "plan_err_no_indicator_data",
        ),
        ({"selection": Selection("1.2.1", unit="PERCENT")}, "unit", "ld_unknown_unit"),
        ({"selection": Selection("1.2.1", unit="PT", sex="F")}, "sex", "ld_unknown_code"),
        ({"baseline_year": 1999}, "baseline_year", "ld_year_out_of_range"),
        ({"baseline_value": float("nan")}, "baseline_value", "ld_non_numeric"),
        ({"planned": ()}, "planned", "plan_err_no_plan_value"),
        ({"planned": ((2021, 3.0),)}, "2021", "plan_err_plan_year_order"),
        ({"planned": ((2051, 3.0),)}, "2051", "ld_year_out_of_range"),
        ({"planned": ((2025, 3.0), (2025, 2.0))}, "2025", "plan_err_duplicate_plan_year"),
        ({"document_name": "  "}, "document_name", "plan_err_text_missing"),
        ({"document_name": "d" * 301}, "document_name", "plan_err_text_too_long"),
        ({"document_date": date(2999, 1, 1)}, "document_date", "plan_err_date_out_of_range"),
        ({"document_ref": "r" * 101}, "document_ref", "plan_err_text_too_long"),
        ({"document_ref": "p.\x0012"}, "document_ref", "plan_err_bad_text"),
    ],
)
def test_a_bad_target_is_refused_per_field_and_nothing_is_written(
    store, editor, change, field, key
):
    with pytest.raises(InvalidInput) as err:
        store.save_plan(plan(**change), editor)
    assert [(e.field, e.key) for e in err.value.errors] == [(field, key)]
    for lang in ("kk", "ru", "en"):
        assert err.value.errors[0].message(lang).strip()
    assert store.plans(include_history=True).empty


def _fail_after_first_plan_value(engine):
    """Raise right after the first INSERT into plan_values (a crash in the middle of a file)."""

    @sa.event.listens_for(engine, "after_cursor_execute")
    def boom(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO PLAN_VALUES"):
            raise RuntimeError("injected failure")

    return boom


def test_a_file_is_stored_whole_with_its_original_or_not_at_all(store, editor):
    content = EXAMPLE.read_bytes()
    result = validate_file(content, EXAMPLE.name, "KZKAR", store.plan_catalogue)
    assert result.ok, result.problems

    hook = _fail_after_first_plan_value(store.engine)
    with pytest.raises(RuntimeError, match="injected"):
        store.save_plan_file("KZKAR", EXAMPLE.name, content, result.entries, editor)
    sa.event.remove(store.engine, "after_cursor_execute", hook)
    assert store.plans(include_history=True).empty and store.plan_files().empty

    ids = store.save_plan_file("KZKAR", f"../{EXAMPLE.name}", content, result.entries, editor)
    assert len(ids) == 5
    files = store.plan_files("KZKAR")
    assert list(files[["filename", "size", "targets", "uploaded_by"]].itertuples(index=False)) == [
        (EXAMPLE.name, len(content), 5, "aigerim")
    ]
    assert store.plan_file(int(files.iloc[0]["file_id"])) == (EXAMPLE.name, content)
    listed = store.plans("KZKAR")
    assert set(listed["indicator_id"]) == {"1.2.1", "3.1.2", "11.3.1", "11.6.1", "17.8.1"}
    assert set(listed["file_id"]) == {int(files.iloc[0]["file_id"])}
    assert all(name.startswith("EXAMPLE") for name in listed["document_name"])
    rural = listed[listed["indicator_id"] == "3.1.2"].iloc[0]
    assert rural["urbanisation"] == "R"

    # The same file again: every target gets a second version, the first ones are kept.
    store.save_plan_file("KZKAR", EXAMPLE.name, content, result.entries, editor)
    assert sorted(store.plans(include_history=True)["version"]) == [1] * 5 + [2] * 5
    with pytest.raises(ValueError):
        store.save_plan_file("KZKZY", EXAMPLE.name, content, result.entries, editor)
    with pytest.raises(ValueError):
        store.save_plan_file("KZKAR", EXAMPLE.name, content, [], editor)


def test_only_enabled_editors_write(store, editor):
    with pytest.raises(NotAuthorized):
        store.save_plan(plan(), None)
    with pytest.raises(NotAuthorized):
        store.save_plan(plan(), User("ghost", "editor", "password"))
    kept = store.save_plan(plan(), editor)
    store.set_disabled("aigerim")
    with pytest.raises(NotAuthorized):
        store.save_plan(plan(), editor)
    with pytest.raises(NotAuthorized):
        store.withdraw_plan(kept, editor)
    assert not store.may_edit_place(editor, "KZKAR")
    assert list(store.plans()["plan_id"]) == [kept]


def test_an_editor_limited_to_a_region_writes_only_there(store, editor):
    admin_user = store.create_user("admin1", PASSWORD, role="admin")
    other = store.create_user("bolat", PASSWORD)
    store.set_editor_places("aigerim", ["KZKAR"])
    assert store.editor_places("aigerim") == frozenset({"KZKAR"})
    assert store.editor_places("bolat") == frozenset()

    mine = store.save_plan(plan(), editor)
    # A region covers its pilot territories (Karkaraly district lies in Karaganda region).
    store.save_plan(plan(place="karkaraly_district"), editor)
    assert store.may_edit_place(editor, "karkaraly_district")
    assert not store.may_edit_place(editor, "KZKZY")
    assert not store.may_edit_place(None, "KZKAR")
    with pytest.raises(NotAuthorized):
        store.save_plan(plan(place="KZKZY"), editor)
    with pytest.raises(NotAuthorized):
        store.save_plan(plan(place="kamystybas_village"), editor)
    with pytest.raises(NotAuthorized):
        store.add_finding(finding(ref_area="KZKZY"), editor)
    with pytest.raises(NotAuthorized):
        store.save_upload("kamystybas_village", "6.1.1", "a.csv", b"x", rows_of(1.0), editor)
    store.add_finding(finding(), editor)  # Karaganda region: allowed

    # Somebody else's target in another region: an unlimited editor and an admin may.
    theirs = store.save_plan(plan(place="KZKZY"), other)
    with pytest.raises(NotAuthorized):
        store.withdraw_plan(theirs, editor)
    store.withdraw_plan(mine, other)
    store.save_plan(plan(place="KZKZY", baseline_value=3.3), admin_user)
    assert set(store.plans()["place"]) == {"karkaraly_district", "KZKZY"}

    store.set_editor_places("aigerim", ["karkaraly_district"])
    assert not store.may_edit_place(editor, "KZKAR")
    with pytest.raises(ValueError, match="unknown places"):
        store.set_editor_places("aigerim", ["Atlantis"])
    with pytest.raises(ValueError):
        store.set_editor_places("nobody", ["KZKAR"])
    store.set_editor_places("aigerim", [])
    assert store.may_edit_place(editor, "KZKZY")


def test_two_editors_writing_the_same_target_at_once_stay_consistent(store_url):
    first = fast_store(store_url)
    second = fast_store(store_url)  # another engine: another process or replica
    users = [first.create_user("aigerim", PASSWORD), first.create_user("bolat", PASSWORD)]
    rounds = 4
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def write(store, user, n: int) -> None:
        try:
            barrier.wait(timeout=60)
            for i in range(rounds):
                value = float(n * 10 + i)
                store.save_plan(plan(baseline_value=value, planned=((2030, value),)), user)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [
        threading.Thread(target=write, args=(s, u, n))
        for n, (s, u) in enumerate(zip((first, second), users, strict=True))
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    assert errors == []
    history = first.plans(include_history=True)
    assert sorted(history["version"]) == list(range(1, 2 * rounds + 1))
    assert list(history["status"]).count("active") == 1
    # Every version kept exactly the values its own writer gave it.
    values = first.plan_values(plan_ids=history["plan_id"]).set_index("plan_id")["value"]
    for row in history.itertuples():
        assert values[row.plan_id] == row.baseline_value
    assert sorted(history["baseline_value"]) == sorted(
        float(n * 10 + i) for n in range(2) for i in range(rounds)
    )
    first.dispose()
    second.dispose()


def test_a_correction_made_from_an_old_version_is_refused(store_url):
    first = fast_store(store_url)
    second = fast_store(store_url)
    aigerim = first.create_user("aigerim", PASSWORD)
    bolat = first.create_user("bolat", PASSWORD)
    start = first.save_plan(plan(), aigerim)
    # Both open version 1; Bolat saves first, so Aigerim's correction would undo his.
    newer = second.save_plan(replace(plan(), baseline_value=3.3), bolat, replaces=start)
    with pytest.raises(PlanConflict):
        first.save_plan(replace(plan(), baseline_value=3.4), aigerim, replaces=start)
    shown = first.plans()
    assert list(shown["plan_id"]) == [newer] and list(shown["baseline_value"]) == [3.3]
    assert len(first.plans(include_history=True)) == 2
    first.dispose()
    second.dispose()


OLD_TABLES = ("users", "login_failures", "findings", "uploads", "upload_rows")


def test_a_store_made_before_plans_gets_the_new_tables_and_keeps_its_rows(store_url):
    engine = make_engine(store_url)  # creates a SQLite file's folder, as open_store does
    old = [store_schema.metadata.tables[name] for name in OLD_TABLES]
    store_schema.metadata.create_all(engine, tables=old)
    assert "plan_targets" not in sa.inspect(engine).get_table_names()
    engine.dispose()
    before = fast_store(store_url)
    before.create_user("aigerim", PASSWORD)
    before.dispose()

    store = open_store(store_url)
    names = set(sa.inspect(store.engine).get_table_names())
    assert {"plan_files", "plan_targets", "plan_values", "editor_places"} <= names
    user = store.user("aigerim")
    assert user is not None and store.editor_places("aigerim") == frozenset()
    store._hasher = fast_store(store_url)._hasher
    assert store.save_plan(plan(), user) > 0
    store.dispose()


def test_admin_sets_and_lifts_an_editors_places(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'admin.sqlite3'}"
    store = fast_store(url)
    store.create_user("aigerim", PASSWORD)
    assert admin.main(["--store", url, "set-places", "aigerim", "KZKAR", "karkaraly_district"]) == 0
    assert store.editor_places("aigerim") == frozenset({"KZKAR", "karkaraly_district"})
    assert admin.main(["--store", url, "list-users"]) == 0
    out = capsys.readouterr().out
    assert "KZKAR karkaraly_district" in out
    assert admin.main(["--store", url, "set-places", "aigerim", "KZXXX"]) == 1
    assert "unknown places" in capsys.readouterr().err
    assert admin.main(["--store", url, "set-places", "aigerim"]) == 0
    assert store.editor_places("aigerim") == frozenset()
    store.dispose()
