"""Browser: an editor uploads a plan file for Karaganda region with one bad row (refused, the
problem named with its row and column), fixes it, stores it, and sees actual vs plan on the
region page. The file is the repository's EXAMPLE file (not real planned values)."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from sdgdash.data.models import Selection
from sdgdash.features.plans import view as plans_view
from sdgdash.i18n import t, tn
from sdgdash.store import open_store
from tests.conftest import REPO
from tests.e2e.conftest import SHOTS, outside_requests, settled, wait_for_app

pytestmark = pytest.mark.e2e

PASSWORD = "plan editor password"
EXAMPLE = (REPO / "examples" / "plan_targets_example_KZKAR.csv").read_bytes()


def with_bad_row(content: bytes) -> tuple[bytes, int]:
    """The file with the baseline value of its third target made a word; (file, file row)."""
    lines = content.decode("utf-8").splitlines()
    column = lines[0].split(",").index("BASELINE_VALUE")
    cells = lines[3].split(",")
    cells[column] = "abc"
    lines[3] = ",".join(cells)
    return ("\n".join(lines) + "\n").encode("utf-8"), 4


def grid_rows(page, key: str) -> list[list[str]]:
    """The cells of a dataframe (its accessible table) by widget key."""
    table = page.locator(f".st-key-{key} table").first
    table.wait_for(state="attached", timeout=30_000)
    return [
        [c.strip() for c in row.locator("th, td").all_text_contents()]
        for row in table.locator("tr").all()
    ]


@pytest.fixture
def planner(e2e_store_url):
    """An editor limited to Karaganda region; afterwards no target of this test stays in force
    (the other browser tests expect the shipped empty plan store)."""
    store = open_store(e2e_store_url)
    if store.user("e2e_planner") is None:
        store.create_user("e2e_planner", PASSWORD)
    store.set_editor_places("e2e_planner", ["KZKAR"])
    yield
    user = store.user("e2e_planner")
    for plan_id in store.plans(place="KZKAR")["plan_id"]:
        store.withdraw_plan(int(plan_id), user)
    store.dispose()


def test_editor_uploads_a_plan_file_fixes_a_bad_row_and_sees_actual_vs_plan(server, page, planner):
    page.goto(f"{server}/plans?lang=en&place=KZKAR")
    wait_for_app(page)
    main = page.locator("[data-testid='stMain']")
    # A visitor sees the plans, not the forms.
    assert t("plan_login", "en") in main.inner_text()
    assert page.locator("[data-testid='stFileUploaderDropzoneInput']").count() == 0
    side = page.locator("[data-testid='stSidebar']")
    side.get_by_text(t("auth_heading", "en")).click()  # the compact "Editor login"
    side.get_by_label("Username").fill("e2e_planner")
    side.get_by_label("Password", exact=True).fill(PASSWORD)
    side.get_by_role("button", name="Log in").click()
    wait_for_app(page)
    # As an editor would: on only once the sidebar says who is logged in (the password check
    # takes a moment; a click before it ends would race the login's run).
    side.get_by_text("Logged in as e2e_planner (").wait_for(timeout=30_000)

    bad, row = with_bad_row(EXAMPLE)
    files = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    files.set_input_files(files=[{"name": "karaganda.csv", "mimeType": "text/csv", "buffer": bad}])
    wait_for_app(page)
    page.get_by_text(tn("plan_file_problems", 1, "en", n=1)).wait_for(timeout=30_000)
    problems = grid_rows(page, "plan_problems")
    assert problems[0] == [
        t("ld_col_row", "en"),
        t("ld_col_column", "en"),
        t("ld_col_problem", "en"),
    ]
    assert problems[1:] == [[str(row), "BASELINE_VALUE", t("ld_non_numeric", "en", value="abc")]]
    assert page.get_by_role("button", name=t("plan_file_store", "en")).count() == 0
    page.locator(".st-key-plan_problems").scroll_into_view_if_needed()
    settled(page)
    page.screenshot(path=str(SHOTS / "plans-upload-refused-en.png"))

    files.set_input_files(
        files=[{"name": "karaganda.csv", "mimeType": "text/csv", "buffer": EXAMPLE}]
    )
    wait_for_app(page)
    page.get_by_text(tn("plan_file_ok", 5, "en", n=5)).wait_for(timeout=30_000)
    page.get_by_role("button", name=t("plan_file_store", "en")).click()
    wait_for_app(page)
    page.get_by_text("Stored: targets №").wait_for(timeout=30_000)

    # The region page now shows the regional plans beside the national stand-ins.
    pind = plans_view.selection_key(Selection("11.6.1", unit="PT"))
    page.goto(f"{server}/region?lang=en&region=KZKAR&pind={quote(pind)}")
    wait_for_app(page)
    page.get_by_text(t("plan_region_heading", "en"), exact=True).wait_for(timeout=60_000)
    rows = grid_rows(page, "reg_plan_table")
    header, body = rows[0], rows[1:]
    basis = header.index(t("plan_col_basis", "en"))
    indicator = header.index(t("indicator", "en"))
    regional = t("plan_basis_regional_plan", "en")
    planned = {r[indicator].split(" ", 1)[0] for r in body if r[basis] == regional}
    assert planned == {"1.2.1", "3.1.2", "11.3.1", "11.6.1", "17.8.1"}
    stand_ins = [r for r in body if r[basis] == t("plan_basis_end_2030", "en")]
    assert stand_ins and not any(r[indicator].startswith("1.2.1 ") for r in stand_ins)
    # 11.6.1 (household waste collection) drawn against its plan line, its status in words:
    # 91 % in 2023 against the EXAMPLE line 82 (2021) -> 95 (2025), i.e. 88.5 in 2023.
    chart = page.locator(".st-key-reg_plan_chart .js-plotly-plot")
    chart.wait_for(timeout=30_000)
    assert t("plan_line_regional", "en") in chart.inner_text()
    assert "Karaganda region: actual" in chart.inner_text()
    sentence = t(
        "plan_status_line",
        "en",
        status=t("plan_status_ahead_of_plan", "en").capitalize(),
        year=2023,
        actual="91",
        expected="88.5",
        gap="+2.5",
        basis=regional,
    )
    page.get_by_text(sentence).wait_for(timeout=30_000)
    chart.scroll_into_view_if_needed()
    settled(page)
    page.screenshot(path=str(SHOTS / "plans-region-actual-vs-plan-en.png"))
    assert outside_requests(page.requests_seen) == []
