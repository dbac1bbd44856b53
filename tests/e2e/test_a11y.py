"""Browser: accessibility. axe-core's WCAG 2.1 A/AA rules on every page in every language, in normal
and presentation mode (each page in its view below, without an error shown), with every chart
named and its values linked; the document language follows the chosen one through switches and
navigation; the map page works by keyboard alone."""

from __future__ import annotations

import contextlib
import json
from collections import Counter

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from sdgdash.i18n import LANGS
from sdgdash.pages import PAGES
from tests.conftest import REPO
from tests.e2e.conftest import SHOTS, outside_requests, settled, wait_for_app

pytestmark = pytest.mark.e2e

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
REPORTS = REPO / "artifacts" / "a11y"

# The view each page is checked in: one with its charts, tables and chosen region drawn (every
# page of the registry is checked; a page not named here opens in its default view).
VIEWS = {
    "goal": "goal=7&region=KZKAR",  # goal 7: text on the yellow banner
    "map": "ind=11.6.1&pilots=1&region=KZKAR",
    "region": "region=KZKAR",
    "tag": "tag=household_waste",
    "compare": "regions=KZKAR,KZKZY,KZAKM",
}
# Figures that show no values (where a region or territory lies): they need a name, not a values
# table.
NO_VALUES = {"locator", "terr_map"}

RUN_AXE = """async (tags) => {
    const r = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                       resultTypes: ["violations"]});
    return r.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => ({target: n.target.map(String).join(" "),
                                  html: n.html.slice(0, 160),
                                  summary: (n.failureSummary || "").slice(0, 200)}))}));
}"""

# Every plotly chart and 3D map: its accessible name, and whether the element right after it (or
# after a map's box) holds its values (an expander with the table, or a link to a table on the page that exists).
CHARTS = """() => Array.from(document.querySelectorAll(
        "[data-testid='stPlotlyChart'], [data-testid='stDeckGlJsonChart']")).map(c => {
    const box = c.closest('.stElementContainer');
    const key = ((box && box.className.match(/st-key-([\\w-]+)/)) || [null, "?"])[1];
    // A map sits in a box of its own (sdgdash.ui.render: sized to the country on a phone).
    const mapBox = c.closest("[data-testid='stLayoutWrapper']:has(> [class*='st-key-sdgmap_'])");
    const next = (mapBox || box) && (mapBox || box).nextElementSibling;
    const link = next && next.querySelector("a[href^='#']");
    const table = next && next.querySelector("[data-testid='stExpander'] table");
    const target = link && document.getElementById(link.getAttribute('href').slice(1));
    return {key, name: c.getAttribute('aria-label') || "", values: Boolean(table || target)};
})"""

OPEN_EXPANDERS = """() => { document.querySelectorAll("[data-testid='stExpander'] details")
    .forEach(d => { d.open = true; });
    return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))); }"""


def axe_violations(pg, source: str) -> list[dict]:
    """The WCAG 2 A/AA violations axe-core finds on the page as it is now."""
    if not pg.evaluate("() => typeof window.axe !== 'undefined'"):
        pg.add_script_tag(content=source)
    return pg.evaluate(RUN_AXE, WCAG_TAGS)


def html_lang(pg, expected: str, timeout: float = 10_000) -> str:
    """The document's declared language once it is ``expected`` (or whatever it is at timeout)."""
    with contextlib.suppress(PlaywrightTimeout):
        pg.wait_for_function(
            "(lang) => document.documentElement.lang === lang", arg=expected, timeout=timeout
        )
    return pg.evaluate("() => document.documentElement.lang")


def describe(violations: list[dict], limit: int = 4) -> str:
    """Rule id, impact, target selectors and a short HTML excerpt of each violation."""
    lines = []
    for v in violations:
        lines.append(f"  {v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']}")
        for n in v["nodes"][:limit]:
            lines.append(f"    {n['target']}\n      {n['html']}\n      {n['summary']}")
    return "\n".join(lines)


def chart_problems(pg) -> list[str]:
    """Charts without an accessible name, or (showing values) without their values under them."""
    out = []
    for c in pg.evaluate(CHARTS):
        if not c["name"]:
            out.append(f"chart {c['key']} has no accessible name (alt)")
        if c["key"] not in NO_VALUES and not c["values"]:
            out.append(f"chart {c['key']} has no values table or link right under it")
    return out


def _scan_every_page(server: str, page, source: str, mode: str, lang: str) -> None:
    """Load every page in ``lang``, check <html lang>, the charts' names and values, open every
    expander and run axe; fail once, listing everything found."""
    extra = "&present=1" if mode == "present" else ""
    failures, report = [], {}
    for p in PAGES:
        where = f"{p.id}/{lang}/{mode}"
        path = "" if p.id == PAGES[0].id else p.id
        view = f"&{VIEWS[p.id]}" if p.id in VIEWS else ""
        page.goto(f"{server}/{path}?lang={lang}{view}{extra}")
        wait_for_app(page)
        page.wait_for_selector("h1", timeout=30_000)
        settled(page)
        for error in ("stException", "stAlertContentError"):
            if page.locator(f"[data-testid='{error}']").count():
                failures.append(f"{where}: shows an error ({error})")
        declared = html_lang(page, lang)
        if declared != lang:
            failures.append(f"{where}: <html lang={declared!r}>, expected {lang!r}")
        failures += [f"{where}: {x}" for x in chart_problems(page)]
        page.evaluate(OPEN_EXPANDERS)
        found = axe_violations(page, source)
        report[where] = {"lang": declared, "violations": found}
        if found:
            failures.append(f"{where}:\n{describe(found)}")
            page.screenshot(path=str(SHOTS / f"a11y-{p.id}-{lang}-{mode}.png"), full_page=True)
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"axe-{mode}-{lang}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    totals = Counter()
    for entry in report.values():
        totals.update({v["id"]: len(v["nodes"]) for v in entry["violations"]})
    assert not failures, f"axe WCAG 2.1 A/AA violations by rule (nodes): {dict(totals)}\n" + (
        "\n".join(failures)
    )
    assert outside_requests(page.requests_seen) == []


# One test per language; presentation mode is in test_a11y_present.py (a file per worker).
@pytest.mark.parametrize("lang", LANGS)
def test_axe_every_page_every_language(server, page, axe_source, lang: str) -> None:
    _scan_every_page(server, page, axe_source, "normal", lang)


def test_document_language_follows_switch_and_navigation(server, page) -> None:
    page.goto(f"{server}/?lang=kk")
    wait_for_app(page)
    assert html_lang(page, "kk") == "kk"
    page.locator(".st-key-lang").get_by_role("radio", name="Русский").click()
    page.wait_for_function("() => location.search.includes('lang=ru')", timeout=30_000)
    wait_for_app(page)
    assert html_lang(page, "ru") == "ru"
    # To another page through the navigation, then another switch there.
    page.locator("[data-testid='stSidebarNavLink']").nth(2).click()
    page.wait_for_url("**/map?**", timeout=30_000)
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().strip() == "Карта показателей"
    assert html_lang(page, "ru") == "ru"
    page.locator(".st-key-lang").get_by_role("radio", name="English").click()
    page.wait_for_function("() => location.search.includes('lang=en')", timeout=30_000)
    wait_for_app(page)
    assert html_lang(page, "en") == "en"
    page.locator("[data-testid='stSidebarNavLink']").nth(1).click()
    page.wait_for_url("**/goal?**", timeout=30_000)
    wait_for_app(page)
    assert html_lang(page, "en") == "en"
    assert outside_requests(page.requests_seen) == []


# Marks every element the keyboard should reach (visible, enabled, in the tab order) with its
# number, and the group it belongs to: the options of a radio group or a segmented control are
# one tab stop (the arrow keys move within it, as WAI-ARIA's radio group pattern says).
MARK_TABBABLE = """() => {
    const all = Array.from(document.querySelectorAll(
        "a[href], button, input, select, textarea, summary, [tabindex]"))
      .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length
                   && getComputedStyle(e).visibility !== 'hidden'
                   // Streamlit's hover toolbar over a table (search, fullscreen, its own CSV):
                   // shown only while the pointer is over the table; our labelled downloads
                   // and the values table carry the same (README, Accessibility: known limits).
                   && !e.closest("[data-testid='stElementToolbar']"));
    return all.map((e, i) => {
        e.dataset.sdgTab = String(i);
        const group = e.closest("[role='radiogroup'], [data-testid='stButtonGroup']");
        if (group && !group.dataset.sdgGroup) { group.dataset.sdgGroup = "g" + i; }
        const label = (e.getAttribute('aria-label') || e.innerText || e.value || e.tagName);
        return {i, group: group ? group.dataset.sdgGroup : "e" + i,
                label: label.trim().slice(0, 50)};
    });
}"""
FOCUSED = """() => { const e = document.activeElement;
    return e && e.dataset && e.dataset.sdgTab !== undefined ? Number(e.dataset.sdgTab) : -1; }"""


def tab_to(pg, selector: str, limit: int = 150) -> None:
    """Press Tab until the focused element matches ``selector`` (fail after ``limit`` presses)."""
    for _ in range(limit):
        if pg.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
        pg.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {selector}")


def test_map_page_by_keyboard_alone(server, page) -> None:
    page.goto(f"{server}/map?lang=en&ind=1.2.1&year=2023")
    wait_for_app(page)
    page.wait_for_selector("path.choroplethlocation", timeout=30_000)

    # Every control, link and download is reached by Tab, in one pass through the page.
    targets = page.evaluate(MARK_TABBABLE)
    reached = set()
    for _ in range(len(targets) + 60):  # the data grid's canvas takes a few extra stops
        page.keyboard.press("Tab")
        reached.add(page.evaluate(FOCUSED))
    groups_reached = {t["group"] for t in targets if t["i"] in reached}
    missed = [t["label"] for t in targets if t["group"] not in groups_reached]
    assert not missed, f"not reachable by Tab: {missed}"
    labels = {t["label"] for t in targets}
    assert {"Year", "Region", "Values of this map: in the table below"} <= labels
    assert any("(CSV)" in x for x in labels) and any("Excel" in x for x in labels)

    # The year slider: one step back with the arrow key redraws the map for 2022.
    tab_to(page, ".st-key-map_year input[type='range']")
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => location.search.includes('year=2022')", timeout=30_000)
    wait_for_app(page)
    page.wait_for_function(
        """() => Array.from(document.querySelectorAll('.st-key-map_map .gtitle'))
                   .some(t => t.textContent.includes('2022'))""",
        timeout=30_000,
    )

    # The region: type in the box, Enter picks it; its panel and profile link appear.
    tab_to(page, ".st-key-map_region input")
    page.keyboard.type("Karag")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('region=KZKAR')", timeout=30_000)
    wait_for_app(page)
    assert page.get_by_text("Region profile: Karaganda region").first.is_visible()

    # The link under the map takes the reader to the values table.
    tab_to(page, "a[href='#sdg-values']")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#sdg-values'", timeout=10_000)

    # Both downloads start from the keyboard.
    for ext in ("csv", "xlsx"):
        tab_to(page, f"[class*='st-key-dl_sdg_1-2-1_2022_en'][class*='_{ext}'] button")
        with page.expect_download(timeout=60_000) as dl:
            page.keyboard.press("Enter")
        assert dl.value.suggested_filename == f"sdg_1-2-1_2022_en.{ext}"
    page.screenshot(path=str(SHOTS / "a11y-map-keyboard.png"), full_page=True)
    assert outside_requests(page.requests_seen) == []
