"""The editable store on SQLite and PostgreSQL: accounts, throttling, findings, uploads,
concurrent writers and a write that fails half-way."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import threading
from datetime import date, datetime, timedelta

import pandas as pd
import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from sdgdash.config import Settings
from sdgdash.store import FindingInput, InvalidInput, NotAuthorized, Store, User, open_store
from sdgdash.store import schema as store_schema
from tests.conftest import REPO

PASSWORD = "correct horse battery"
# Cheap hashing parameters keep the tests fast; the app uses argon2-cffi's defaults.
FAST = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}


def finding(**over) -> FindingInput:
    base = {
        "finding_date": date(2022, 10, 12),
        "text": "Household waste is not collected in winter.",
        "source": "Seminar minutes, Karaganda, 12 Oct 2022",
        "ref_area": "KZKAR",
        "tags": ("household_waste",),
        "priority_goals": (11, 12),
    }
    base.update(over)
    return FindingInput(**base)


def fast_store(url: str, now=None) -> Store:
    store = open_store(url)
    store._hasher = PasswordHasher(**FAST)
    if now is not None:
        store._now = now
    return store


@pytest.fixture
def store(store_url) -> Store:
    s = fast_store(store_url)
    yield s
    s.dispose()


@pytest.fixture
def editor(store) -> User:
    return store.create_user("aigerim", PASSWORD)


def test_default_store_file_is_created_outside_data(tmp_path):
    home = tmp_path / "home"
    url = Settings.from_env({"HOME": str(home)}).store_url
    assert "/.local/share/sdgdash/" in url and "/data/" not in url
    target = tmp_path / "new" / "dir" / "store.sqlite3"
    store = open_store(f"sqlite:///{target}")
    assert target.exists()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    store.dispose()


def test_findings_create_list_filter_withdraw(store, editor):
    first = store.add_finding(finding(), editor)
    second = store.add_finding(
        finding(
            ref_area=None,
            territory_id="karkaraly_district",
            finding_date=date(2024, 6, 20),
            tags=("heating_supply", "electricity_supply"),
            priority_goals=(7,),
            event_id="glocal-launch-2024",
        ),
        editor,
    )
    listed = store.findings()
    assert list(listed["id"]) == [second, first]  # newest first
    row = listed.iloc[1]
    assert (row["ref_area"], row["text"], row["created_by"]) == (
        "KZKAR",
        "Household waste is not collected in winter.",
        "aigerim",
    )
    assert row["tags"] == ["household_waste"] and row["priority_goals"] == [11, 12]
    assert isinstance(row["created_at"], datetime)
    assert list(store.findings(ref_area="KZKAR")["id"]) == [first]
    assert list(store.findings(territory_id="karkaraly_district")["id"]) == [second]
    assert list(store.findings(tag="heating_supply")["id"]) == [second]
    assert list(store.findings(goal=12)["id"]) == [first]
    assert store.findings(goal=1).empty
    assert store.findings().iloc[0]["event_id"] == "glocal-launch-2024"
    assert listed.iloc[0]["ref_area"] is None and listed.iloc[1]["territory_id"] is None
    assert listed.iloc[1]["event_id"] is None

    other = store.create_user("bolat", PASSWORD)
    with pytest.raises(NotAuthorized):
        store.withdraw_finding(first, other)  # not the author
    store.withdraw_finding(first, editor)
    assert list(store.findings()["id"]) == [second]
    with store.engine.connect() as conn:
        kept = conn.execute(
            sa.select(store_schema.findings).where(store_schema.findings.c.id == first)
        ).one()
    assert kept.withdrawn and kept.withdrawn_by == "aigerim" and kept.withdrawn_at is not None
    admin = store.create_user("admin1", PASSWORD, role="admin")
    store.withdraw_finding(second, admin)
    assert store.findings().empty


def test_no_write_without_a_login(store, editor):
    with pytest.raises(NotAuthorized):
        store.add_finding(finding(), None)
    ghost = User("ghost", "editor", "password")
    with pytest.raises(NotAuthorized):
        store.add_finding(finding(), ghost)
    store.set_disabled("aigerim")
    with pytest.raises(NotAuthorized):
        store.add_finding(finding(), editor)
    assert store.authenticate("aigerim", PASSWORD) is None
    rows = pd.DataFrame({"year": [2020], "series": ["S"], "unit": ["U"], "value": [1.0]})
    with pytest.raises(NotAuthorized):
        store.save_upload("karkaraly_district", "6.1.1", "a.csv", b"x", rows, None)
    assert store.findings().empty and store.uploads(include_history=True).empty


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ref_area": "KZXXX"}, "ref_area"),
        ({"ref_area": None, "territory_id": "atlantis"}, "territory_id"),
        ({"ref_area": None}, "place"),
        ({"territory_id": "karkaraly_district"}, "place"),
        ({"finding_date": date(2014, 12, 31)}, "finding_date"),
        ({"finding_date": date.today() + timedelta(days=1)}, "finding_date"),
        ({"tags": ("Not A Slug!",)}, "tags"),
        ({"priority_goals": (0,)}, "priority_goals"),
        ({"priority_goals": (18,)}, "priority_goals"),
        ({"text": "   "}, "text"),
        ({"text": "x" * 4001}, "text"),
        ({"source": ""}, "source"),
        ({"source": "s" * 501}, "source"),
        ({"event_id": "e" * 101}, "event_id"),
    ],
)
def test_bad_input_is_rejected_per_field(store, editor, change, field):
    with pytest.raises(InvalidInput) as err:
        store.add_finding(finding(**change), editor)
    assert [e.field for e in err.value.errors] == [field]
    for lang in ("kk", "ru", "en"):
        assert err.value.errors[0].message(lang).strip()
    assert store.findings().empty


def test_wrong_passwords_are_throttled_across_processes(store_url):
    clock = {"now": datetime(2026, 3, 1, 9, 0)}
    a = fast_store(store_url, now=lambda: clock["now"])
    # A second Store on the same database stands for another process or replica.
    b = fast_store(store_url, now=lambda: clock["now"])
    a.create_user("aigerim", PASSWORD)
    assert a.authenticate("aigerim", PASSWORD).username == "aigerim"
    for _ in range(5):
        assert a.authenticate("aigerim", "wrong password") is None
    assert b.login_locked("aigerim")
    assert b.authenticate("aigerim", PASSWORD) is None  # locked even with the right one
    clock["now"] += timedelta(minutes=14)
    assert b.authenticate("aigerim", PASSWORD) is None
    clock["now"] += timedelta(minutes=2)
    assert not b.login_locked("aigerim")
    assert b.authenticate("aigerim", PASSWORD).role == "editor"
    # Unknown names are throttled the same way (no hint which names exist).
    for _ in range(5):
        assert b.authenticate("nobody", "x") is None
    assert a.login_locked("nobody")
    a.dispose()
    b.dispose()


def test_a_lock_set_by_another_process_holds_here(store_url, tmp_path):
    store = fast_store(store_url)
    store.create_user("aigerim", PASSWORD)
    script = (
        "import sys\n"
        "from sdgdash.store import open_store\n"
        "s = open_store(sys.argv[1])\n"
        "assert all(s.authenticate('aigerim', 'wrong') is None for _ in range(5))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, store_url],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert store.login_locked("aigerim")
    assert store.authenticate("aigerim", PASSWORD) is None
    store.dispose()


def test_passwords_are_salted_argon2(store):
    store.create_user("one", PASSWORD)
    store.create_user("two", PASSWORD)
    with store.engine.connect() as conn:
        hashes = conn.execute(sa.select(store_schema.users.c.password_hash)).scalars().all()
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert hashes[0] != hashes[1] and PASSWORD not in hashes[0]
    with pytest.raises(ValueError):
        store.create_user("short", "tooshort")
    store.set_password("one", "another good password")
    assert store.authenticate("one", PASSWORD) is None
    assert store.authenticate("one", "another good password") is not None


def test_oidc_editors_are_allowed_by_email(store):
    store.allow_oidc("Official@Akimat.kz")
    assert store.oidc_user("official@akimat.kz").auth == "oidc"
    assert store.oidc_user("someone@else.kz") is None
    assert store.authenticate("official@akimat.kz", "") is None  # no password login


def rows_of(*values: float, sex: str | None = None) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "year": [2020 + i for i in range(len(values))],
            "series": "SH_H2O_SAFE",
            "unit": "PERCENT",
            "value": list(values),
        }
    )
    if sex:
        frame["sex"] = sex
    return frame


def test_uploads_replace_keep_history_and_withdraw(store, editor):
    first = store.save_upload(
        "karkaraly_district", "6.1.1", "v1.csv", b"Year,Value\n2020,81.5\n", rows_of(81.5), editor
    )
    original = "Year,sex,Value\r\n2020,F,90\r\n".encode("cp1251")
    second = store.save_upload(
        "karkaraly_district", "6.1.1", "../v2.csv", original, rows_of(90.0, 91.0, sex="F"), editor
    )
    history = store.uploads("karkaraly_district", include_history=True)
    assert list(history["id"]) == [second, first]
    assert list(history["status"]) == ["active", "replaced"]
    assert list(history["version"]) == [2, 1]
    assert history.iloc[0]["size"] == len(original)
    assert list(store.uploads()["id"]) == [second]
    assert store.upload_file(second) == ("v2.csv", original)
    assert store.upload_file(first) == ("v1.csv", b"Year,Value\n2020,81.5\n")

    active = store.upload_rows("karkaraly_district")
    expected = pd.DataFrame(
        {
            "upload_id": [second, second],
            "territory_id": "karkaraly_district",
            "indicator_id": "6.1.1",
            "version": [2, 2],
            "year": [2020, 2021],
            "series": "SH_H2O_SAFE",
            "unit": "PERCENT",
            "value": [90.0, 91.0],
            "sex": ["F", "F"],
        }
    ).astype({"upload_id": "int64", "version": "int64", "year": "int64", "sex": object})
    pd.testing.assert_frame_equal(active, expected, check_dtype=False)

    store.save_upload("kamystybas_village", "6.1.1", "k.csv", b"k", rows_of(50.0), editor)
    assert len(store.upload_rows("kamystybas_village", "6.1.1")) == 1
    assert store.upload_rows("kamystybas_village", "1.1.1").empty

    store.withdraw_upload(second, editor)
    assert store.upload_rows("karkaraly_district").empty
    statuses = store.uploads("karkaraly_district", include_history=True)
    assert list(statuses["status"]) == ["withdrawn", "replaced"]
    assert statuses.iloc[0]["withdrawn_by"] == "aigerim"
    third = store.save_upload("karkaraly_district", "6.1.1", "v3.csv", b"3", rows_of(1.0), editor)
    assert store.uploads("karkaraly_district").iloc[0]["version"] == 3
    assert list(store.upload_rows("karkaraly_district")["upload_id"]) == [third]
    with pytest.raises(ValueError):
        store.save_upload("atlantis", "6.1.1", "x.csv", b"x", rows_of(1.0), editor)


def _fail_after_first_insert(engine):
    """Raise right after the first INSERT a transaction runs (a crash mid-write)."""
    seen = {"n": 0}

    @sa.event.listens_for(engine, "after_cursor_execute")
    def boom(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT"):
            seen["n"] += 1
            if seen["n"] == 1:
                raise RuntimeError("injected failure after the first insert")

    return boom


def test_a_write_failing_half_way_leaves_the_store_unchanged(store, editor):
    kept = store.save_upload("karkaraly_district", "6.1.1", "v1.csv", b"1", rows_of(1.0), editor)
    store.add_finding(finding(), editor)
    before = (store.uploads(include_history=True), store.upload_rows("karkaraly_district"))
    findings_before = store.findings()

    hook = _fail_after_first_insert(store.engine)
    with pytest.raises(RuntimeError, match="injected"):
        # The previous version was already marked replaced when the new one was inserted.
        store.save_upload("karkaraly_district", "6.1.1", "v2.csv", b"2", rows_of(2.0), editor)
    sa.event.remove(store.engine, "after_cursor_execute", hook)
    hook = _fail_after_first_insert(store.engine)
    with pytest.raises(RuntimeError, match="injected"):
        store.add_finding(finding(text="lost?"), editor)
    sa.event.remove(store.engine, "after_cursor_execute", hook)

    pd.testing.assert_frame_equal(store.uploads(include_history=True), before[0])
    pd.testing.assert_frame_equal(store.upload_rows("karkaraly_district"), before[1])
    pd.testing.assert_frame_equal(store.findings(), findings_before)
    assert list(store.uploads()["id"]) == [kept]

    # A bad row (not a number) found after the upload row was inserted: nothing stored either.
    bad = rows_of(3.0)
    bad["value"] = ["three"]
    with pytest.raises(ValueError):
        store.save_upload("karkaraly_district", "6.1.1", "v3.csv", b"3", bad, editor)
    pd.testing.assert_frame_equal(store.uploads(include_history=True), before[0])


WRITERS, EACH = 10, 5


def _write_findings(url: str, worker: int, barrier) -> None:
    store = fast_store(url)
    user = store.user("aigerim")
    barrier.wait(timeout=60)
    for i in range(EACH):
        store.add_finding(finding(text=f"writer {worker} finding {i}"), user)
    store.dispose()


def test_ten_processes_writing_at_once_lose_nothing(store, editor, store_url):
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(WRITERS)
    procs = [
        ctx.Process(target=_write_findings, args=(store_url, n, barrier)) for n in range(WRITERS)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0] * WRITERS
    texts = set(store.findings()["text"])
    assert texts == {f"writer {w} finding {i}" for w in range(WRITERS) for i in range(EACH)}


def test_ten_threads_writing_at_once_lose_nothing(store, editor):
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            barrier.wait(timeout=60)
            for i in range(EACH):
                store.add_finding(finding(text=f"thread {worker} finding {i}"), editor)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    assert errors == []
    assert len(store.findings()) == WRITERS * EACH


def test_concurrent_uploads_keep_one_active_version(store, editor):
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def upload(n: int) -> None:
        try:
            barrier.wait(timeout=60)
            store.save_upload(
                "karkaraly_district", "6.1.1", f"{n}.csv", b"%d" % n, rows_of(float(n)), editor
            )
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=upload, args=(n,)) for n in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    assert errors == []
    history = store.uploads(include_history=True)
    assert sorted(history["version"]) == [1, 2, 3, 4]
    assert list(history["status"]).count("active") == 1


# --- hostile input and crashes (issue 12) ------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"text": "before\x00after"}, "text"),  # PostgreSQL text cannot hold NUL at all
        ({"text": "bell\x07"}, "text"),
        ({"source": "minutes\x00"}, "source"),
        ({"source": "two\nlines"}, "source"),  # a source is one line
        ({"event_id": "seminar\x00"}, "event_id"),
    ],
)
def test_control_characters_are_refused_with_a_message(store, editor, change, field):
    with pytest.raises(InvalidInput) as err:
        store.add_finding(finding(**change), editor)
    assert [e.field for e in err.value.errors] == [field]
    for lang in ("kk", "ru", "en"):
        assert err.value.errors[0].message(lang).strip()
    assert store.findings().empty
    # Line breaks and tabs are text, not control characters, in a finding's text.
    store.add_finding(finding(text="line one\nline two\twith a tab\r\n"), editor)
    assert store.findings()["text"].tolist() == ["line one\nline two\twith a tab"]


def test_nul_in_names_and_file_names_never_reaches_the_database(store, editor):
    assert store.authenticate("aigerim\x00", PASSWORD) is None
    assert store.authenticate("aigerim", PASSWORD) is not None  # no failure was counted
    assert store.user("aigerim\x00") is None
    with pytest.raises(ValueError):
        store.allow_oidc("official\x00@akimat.kz")
    upload = store.save_upload(
        "karkaraly_district", "6.1.1", "v\x001.csv", b"1", rows_of(1.0), editor
    )
    assert store.upload_file(upload)[0] == "v1.csv"
    with pytest.raises(ValueError):
        store.save_upload("karkaraly_district", "6.1\x00", "a.csv", b"1", rows_of(1.0), editor)


KILLED_WRITER = """
import sys, time
from pathlib import Path
from sdgdash.store import open_store, store as module
import pandas as pd

url, marker = sys.argv[1], Path(sys.argv[2])
s = open_store(url)
real = module._row_records


def stall(upload_id, rows):
    # The transaction has marked version 1 replaced and inserted version 2: stop here.
    marker.write_text(str(upload_id))
    time.sleep(300)
    return real(upload_id, rows)


module._row_records = stall
rows = pd.DataFrame({"year": [2021], "series": ["SH_H2O_SAFE"], "unit": ["PERCENT"], "value": [2.0]})
s.save_upload("karkaraly_district", "6.1.1", "v2.csv", b"2", rows, s.user("aigerim"))
"""


def test_a_writer_killed_mid_write_leaves_nothing_half_written(store, editor, store_url, tmp_path):
    # The server process stopped (SIGKILL) in the middle of an upload's transaction.
    import signal
    import time

    kept = store.save_upload("karkaraly_district", "6.1.1", "v1.csv", b"1", rows_of(1.0), editor)
    before = (store.uploads(include_history=True), store.upload_rows("karkaraly_district"))
    marker = tmp_path / "mid-write"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, store_url, str(marker)],
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "the writer never reached the middle of its write"
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stderr.close()
    assert int(marker.read_text()) > kept  # it had inserted the new version, uncommitted

    pd.testing.assert_frame_equal(store.uploads(include_history=True), before[0])
    pd.testing.assert_frame_equal(store.upload_rows("karkaraly_district"), before[1])
    assert list(store.uploads()["id"]) == [kept]  # version 1 is still the active one
    # The store is not left locked: the next write goes through at once.
    third = store.save_upload("karkaraly_district", "6.1.1", "v3.csv", b"3", rows_of(3.0), editor)
    assert list(store.uploads()["id"]) == [third]
    assert list(store.uploads(include_history=True)["version"]) == [2, 1]
