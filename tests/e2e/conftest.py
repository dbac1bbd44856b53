"""Browser fixtures: `streamlit run` on a free local port and Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from sdgdash.headless import CHROMIUM, CHROMIUM_ARGS, is_outside, streamlit_command
from tests.conftest import REPO

SHOTS = REPO / "artifacts" / "screenshots"
# Pinned in tests/e2e/axe/package-lock.json; scripts/test.sh runs `npm ci --prefix tests/e2e/axe`.
AXE_JS = REPO / "tests" / "e2e" / "axe" / "node_modules" / "axe-core" / "axe.min.js"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def e2e_store_url(tmp_path_factory) -> str:
    """The store the browser-tested server writes to (a temp file, never the user's store)."""
    return f"sqlite:///{tmp_path_factory.mktemp('e2e-store') / 'store.sqlite3'}"


@pytest.fixture(scope="session")
def server(e2e_store_url) -> Iterator[str]:
    """Start the app like a user would and wait for its health endpoint."""
    port = _free_port()
    SHOTS.mkdir(parents=True, exist_ok=True)
    # One server (and log) per pytest-xdist worker.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    log = (REPO / "artifacts" / f"streamlit-e2e-{worker}.log").open("w")  # noqa: SIM115
    proc = subprocess.Popen(
        streamlit_command(sys.executable, "dashboard.py", port),
        cwd=REPO,
        env={**os.environ, "SDGDASH_STORE_URL": e2e_store_url},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.terminate()
        pytest.fail("streamlit did not become healthy within 60 s")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (no browser download)."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(f"{CHROMIUM} is missing: run scripts/test.sh, which installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_ARGS))
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every request it makes, for the offline check."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ru-RU")
    pg = context.new_page()
    pg.requests_seen = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests_seen.append(r.url))
    yield pg
    context.close()


def outside_requests(urls: list[str]) -> list[str]:
    """Requests to any host that is not this machine (data: and blob: URLs are local)."""
    return [u for u in urls if is_outside(u)]


def wait_for_app(pg, timeout: float = 60_000) -> None:
    """Wait until Streamlit has finished running the script (the app says so on its root element:
    connected, script not running, no status widget, no skeleton) and what it drew has settled."""
    pg.wait_for_selector(
        "[data-testid='stApp'][data-test-connection-state='CONNECTED']",
        state="attached",
        timeout=timeout,
    )
    pg.wait_for_function(
        """() => {
            const app = document.querySelector("[data-testid='stApp']");
            // "notRunning": a run has ended (before the first one the app says "initial").
            // No element is stale from the previous run or still fading back in: axe and
            // screenshots would otherwise see colours halfway through the fade.
            return app && app.dataset.testScriptState === "notRunning"
                && !document.querySelector("[data-testid='stStatusWidget']")
                && document.querySelectorAll("[data-testid='stSkeleton']").length === 0
                && !document.querySelector("[data-stale='true']")
                && Array.from(document.querySelectorAll("[data-testid='stElementContainer']"))
                     .every(e => { const o = Number(getComputedStyle(e).opacity);
                                   return o === 0 || o === 1; });
        }""",
        timeout=timeout,
    )
    settled(pg, timeout)


def settled(pg, timeout: float = 30_000) -> None:
    """Wait until every plotly chart on the page is drawn, the fonts are loaded and the browser
    has painted twice since (instead of sleeping a fixed time before a screenshot)."""
    pg.wait_for_function(
        """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
                 .every(p => p._fullLayout && p.querySelector('.main-svg'))""",
        timeout=timeout,
    )
    pg.evaluate(
        """() => document.fonts.ready.then(() => new Promise(r =>
               requestAnimationFrame(() => requestAnimationFrame(() => r(true)))))"""
    )


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, installed from the npm registry by scripts/test.sh (never a CDN)."""
    if not AXE_JS.exists():
        pytest.fail(
            f"{AXE_JS} is missing: run `npm ci --prefix tests/e2e/axe` (scripts/test.sh does)"
        )
    return AXE_JS.read_text(encoding="utf-8")
