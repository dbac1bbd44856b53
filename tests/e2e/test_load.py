"""Browser load: 20 concurrent Chromium sessions click through every page for 90 seconds against
one server: no errors, nothing outside this machine, server memory bounded. The figures go to
artifacts/load-test.json (the benchmark, scripts/benchmark.py --only load, reports the same run
at any length)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import REPO, benchmark_module

# Alone: scripts/test.sh runs it after the two-worker part, with the machine to itself.
pytestmark = [pytest.mark.e2e, pytest.mark.alone]

SESSIONS = 20
SECONDS = 90
# The server's resident memory may grow by this much under the load (session state and the
# caches' working set); an unbounded leak per page view would pass it within the minute.
MAX_GROWTH_BYTES = 600 * 2**20


def test_twenty_sessions_click_through_every_page(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SDGDASH_STORE_URL", f"sqlite:///{tmp_path / 'load.db'}")
    # In a thread of its own: the browser fixtures of the other tests keep an event loop running
    # in this one, and the load run starts its own (asyncio.run).
    with ThreadPoolExecutor(max_workers=1) as pool:
        result = pool.submit(benchmark_module().run_load, SESSIONS, SECONDS).result()
    figures = {k: v for k, v in result.items() if k != "memory_series"}
    out = REPO / "artifacts" / "load-test.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")
    print(
        f"\nload: {SESSIONS} sessions, {result['page_views']} page views in "
        f"{result['seconds']:.0f} s, p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms, "
        f"errors {len(result['errors'])}, server RSS {result['server_rss_idle'] >> 20} -> "
        f"max {result['server_rss_max'] >> 20} MB"
    )
    assert result["errors"] == []
    assert result["outside_requests"] == []
    assert result["per_page"]["(first load)"]["n"] == SESSIONS  # every session got its page
    assert result["page_views"] > SESSIONS  # and went on to other pages
    assert result["server_rss_max"] - result["server_rss_idle"] < MAX_GROWTH_BYTES
