"""Browser: every page in kk, ru and en on a laptop (1366x768), a projector (1920x1080,
presentation mode) and a phone (390x844), each without an error, a chart where the page draws one
and no request leaving this machine: a full-page screenshot of each in
artifacts/screenshots/screens/ to look at, and what can be checked by a machine: nothing wider
than the screen, no label, button or link cut with an ellipsis, names and values written on the
maps (Kyzylorda's 1.2.1 for 2022 readable without hovering), the compared regions' columns on a
laptop's screen, the deck's slide count before export. One server and one tab per screen size."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdgdash.config import Settings
from sdgdash.data.source import Source
from sdgdash.features.deck import document
from sdgdash.features.deck.model import Deck, make_view, to_json
from sdgdash.features.map import view as mapview
from sdgdash.geo import labelling
from sdgdash.i18n import LANGS, fmt_number, t
from sdgdash.pages import PAGES
from tests.e2e.conftest import SHOTS, outside_requests, settled, wait_for_app

pytestmark = pytest.mark.e2e

OUT = SHOTS / "screens"
SIZES = {"laptop": (1366, 768), "projector": (1920, 1080), "phone": (390, 844)}
# The view each page opens with: the task T1 on the map, four regions on the compare
# page (the widest comparison), pages with their own defaults otherwise.
VIEWS = {
    "overview": "",
    "goal": "goal=11",
    "map": "ind=1.2.1&year=2022",
    "region": "region=KZKZY",
    "tag": "tag=household_waste",
    "compare": "regions=KZKAR,KZKZY,KZALA,KZSEV",
    "plans": "place=KZKAR",
    "index": "",
    "findings": "",
    "territory": "territory=karkaraly_district",
    "seminar": "",
}
MAP_PAGES = {"overview", "map", "tag"}
# Pages whose default view draws a chart (the index lists values; the findings page has no chart
# while the test store is empty; the seminar page shows a deck's slides).
CHART_PAGES = MAP_PAGES | {"goal", "region", "compare", "plans", "territory"}
DATA = Source(Settings.from_env({}))

# Elements whose text must never be cut: buttons, links, expander and widget labels, metric
# labels, tabs, headings, rows of choices (a select box's value may be cut: its list and tooltip
# say it whole).
CLIPPED_JS = """() => {
  const sel = ['button', 'a', 'summary', '[data-testid="stWidgetLabel"]',
    '[data-testid="stMetricLabel"]', '[role="tab"]', 'h1', 'h2', 'h3'].join(',');
  const main = document.querySelector('[data-testid="stAppViewContainer"]');
  const out = [];
  for (const el of main.querySelectorAll(sel)) {
    for (const e of [el, ...el.querySelectorAll('*')]) {
      const cs = getComputedStyle(e);
      if (cs.textOverflow !== 'ellipsis' || !e.checkVisibility()) continue;
      const r = e.getBoundingClientRect();  // on screen (not in a collapsed sidebar)
      if (r.width === 0 || r.right <= 0 || r.left >= window.innerWidth) continue;
      if (e.scrollWidth > e.clientWidth + 1 && e.textContent.trim()) {
        out.push(e.textContent.trim().slice(0, 80));
      }
    }
  }
  // A row of choices (segmented control) cut at its right edge.
  const body = document.querySelector('[data-testid="stMain"]');
  for (const g of body.querySelectorAll('[data-testid="stButtonGroup"]')) {
    if (g.checkVisibility() && g.scrollWidth > g.clientWidth + 1) out.push(g.textContent.trim());
    // ... or running past the column that holds it (the column clips it).
    const col = g.closest('[data-testid="stColumn"]');
    const btns = g.querySelectorAll('button');
    const last = btns[btns.length - 1];
    if (col && last && last.checkVisibility()
        && last.getBoundingClientRect().right > col.getBoundingClientRect().right + 1) {
      out.push(g.textContent.trim());
    }
  }
  return [...new Set(out)];
}"""

OVERFLOW_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return {doc: document.documentElement.scrollWidth, main: main.scrollWidth,
          mainClient: main.clientWidth, width: window.innerWidth};
}"""

# Every text written on the first map of the page (the labels trace), as plotly holds it, and
# how many of them the browser drew.
MAP_LABELS_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const trace = (gd.data || []).filter(t => t.name === 'labels');
  return {texts: trace.flatMap(t => t.text || []),
          drawn: gd.querySelectorAll('.scattergeo text').length};
}"""

COMPARE_JS = """() => {
  const box = document.querySelector('.st-key-sdg_cmp_table');
  const ths = Array.from(box.querySelectorAll('thead th')).map(th => {
    const r = th.getBoundingClientRect();
    return [th.textContent.trim(), Math.round(r.left), Math.round(r.right)];
  });
  const table = box.querySelector('table');
  return {ths, scroll: table.parentElement.scrollWidth, client: table.parentElement.clientWidth};
}"""


@pytest.fixture(scope="module")
def tabs(browser):
    """One tab per screen size, reused by every page in every language."""
    made = {}
    for name, (w, h) in SIZES.items():
        context = browser.new_context(viewport={"width": w, "height": h}, locale="ru-RU")
        page = context.new_page()
        page.requests_seen = []  # type: ignore[attr-defined]
        page.on("request", lambda r, pg=page: pg.requests_seen.append(r.url))
        made[name] = page
    yield made
    for page in made.values():
        page.context.close()


@pytest.fixture(scope="module")
def deck_file(tmp_path_factory) -> Path:
    """A deck of three views (map, comparison, pilot territory) to load on the seminar page."""
    views = (
        ("map", {"ind": "1.2.1", "year": "2022"}),
        ("compare", {"regions": "KZKAR,KZKZY"}),
        ("territory", {"territory": "karkaraly_district"}),
    )
    deck = Deck(
        "Seminar",
        tuple(make_view(p, q, document.view_title(DATA, p, q, "ru")) for p, q in views),
    )
    path = tmp_path_factory.mktemp("deck") / "deck.json"
    path.write_bytes(to_json(deck))
    return path


def _url(server: str, page_id: str, lang: str, size: str) -> str:
    params = "&".join(x for x in (VIEWS[page_id], f"lang={lang}") if x)
    if size == "projector":
        params += "&present=1"
    path = "" if page_id == PAGES[0].id else page_id
    return f"{server}/{path}?{params}"


def _full_page(page, path: Path) -> None:
    """A screenshot of the whole page: Streamlit scrolls inside its main block, so the window is
    made as tall as the page for the picture."""
    w, h = page.viewport_size["width"], page.viewport_size["height"]
    tall = page.evaluate(
        """() => Math.max(...Array.from(document.querySelectorAll(
             '[data-testid="stMain"], [data-testid="stSidebarContent"]')).map(e => e.scrollHeight))"""
    )
    page.set_viewport_size({"width": w, "height": min(max(h, tall), 16_000)})
    settled(page)
    page.screenshot(path=str(path), full_page=True, type="jpeg", quality=80)
    page.set_viewport_size({"width": w, "height": h})


def _expected_t1(lang: str) -> str:
    """Kyzylorda's 1.2.1 value for 2022 as the map writes it (issue 14's task T1)."""
    query = mapview.query_from_params(DATA, {"ind": "1.2.1", "year": "2022"})
    view = mapview.map_view(DATA, query.selection, query.year)
    value = view.drawn.set_index("ref_area")["value"]["KZKZY"]
    name = "<br>".join(labelling.wrapped_name(DATA.labels().region_name("KZKZY", lang)))
    return f"{name}<br><b>{fmt_number(value, lang)}</b>"


# One file per screen size (this one, test_screens_projector.py, test_screens_phone.py), so that
# the two test workers share the 99 page loads.
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_id", [p.id for p in PAGES])
def test_screen(server, tabs, deck_file, page_id: str, lang: str) -> None:
    check_screen(server, tabs, deck_file, page_id, lang, "laptop")


def check_screen(server: str, tabs, deck_file: Path, page_id: str, lang: str, size: str) -> None:
    """Open ``page_id`` in ``lang`` on the ``size`` screen, run every check, save the picture."""
    page = tabs[size]
    page.goto(_url(server, page_id, lang, size))
    wait_for_app(page)
    page.wait_for_selector("h1", timeout=30_000)
    if page_id == "seminar":
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(deck_file)
        wait_for_app(page)
        total = t("ux_deck_slides_total", lang, n=5, views=3).split(":")[0]
        page.get_by_text(total).first.wait_for(timeout=30_000)
    if page_id in CHART_PAGES:
        page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    settled(page)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0

    width = SIZES[size][0]
    overflow = page.evaluate(OVERFLOW_JS)
    assert overflow["doc"] <= width, overflow
    assert overflow["main"] <= overflow["mainClient"] + 1, overflow
    assert page.evaluate(CLIPPED_JS) == []

    if page_id in MAP_PAGES:
        labels = page.evaluate(MAP_LABELS_JS)
        assert len(labels["texts"]) >= 16 and labels["drawn"] >= 16, labels
        if page_id == "map":
            assert _expected_t1(lang) in labels["texts"]
    if page_id == "compare" and size == "laptop":
        table = page.evaluate(COMPARE_JS)
        assert len(table["ths"]) == 1 + 4 + 3, table  # indicator, 4 regions, KZ, unit, year
        assert all(right <= width for _, _, right in table["ths"]), table
        assert table["scroll"] <= table["client"] + 1, table

    OUT.mkdir(parents=True, exist_ok=True)
    _full_page(page, OUT / f"{size}-{page_id}-{lang}.jpg")
    assert outside_requests(page.requests_seen) == []
