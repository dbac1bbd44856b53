"""The benchmark finds the app's pages in the page registry (a load run without them measures
nothing)."""

from __future__ import annotations

from tests.app.conftest import PAGES
from tests.conftest import benchmark_module


def test_benchmark_discovers_every_page_with_the_overview_first() -> None:
    module = benchmark_module()
    pages = module.discover_pages()
    assert sorted(p["stem"] for p in pages) == sorted(p.split("/")[1][:-3] for p in PAGES)
    assert pages[0]["stem"] == "overview"
    assert [p["default"] for p in pages] == [True] + [False] * (len(PAGES) - 1)
    assert module.page_url(pages[0]) == "/?lang=ru"
    assert module.page_url(next(p for p in pages if p["stem"] == "map"), "kk") == "/map?lang=kk"
