"""Headless Chromium for the browser tests and the benchmark: where it is, how it is started, and
which hosts count as this machine (the app must never reach anything else)."""

from __future__ import annotations

import os
from urllib.parse import urlparse

CHROMIUM = os.environ.get("SDGDASH_CHROMIUM", "/usr/bin/chromium")
# No sandbox (containers), no GPU, and none of Chromium's own background traffic (updates, sync,
# safe browsing), so every request seen comes from the page.
CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--disable-quic",
)
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
# Schemes that never leave the browser.
LOCAL_SCHEMES = frozenset({"data", "blob", "about", "chrome-extension"})


def streamlit_command(python: str, script: str, port: int, *extra: str) -> list[str]:
    """``streamlit run`` on 127.0.0.1:``port``, headless and without usage statistics."""
    return [
        python,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        *extra,
    ]


def is_outside(url: str) -> bool:
    """Whether ``url`` addresses a host other than this machine."""
    parsed = urlparse(url)
    if parsed.scheme in LOCAL_SCHEMES:
        return False
    return parsed.hostname not in LOCAL_HOSTS
