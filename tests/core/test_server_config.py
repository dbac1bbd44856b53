"""The server settings the app ships with (.streamlit/config.toml): offline, compressed, and no
full garbage collection after every rerun (docs/PERFORMANCE.md, issue 18)."""

from __future__ import annotations

import tomllib

from tests.conftest import REPO

CONFIG = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_no_usage_statistics_leave_the_machine() -> None:
    assert CONFIG["browser"]["gatherUsageStats"] is False


def test_the_websocket_is_compressed_and_the_boundaries_are_static_files() -> None:
    assert CONFIG["server"]["enableWebsocketCompression"] is True
    assert CONFIG["server"]["enableStaticServing"] is True


def test_a_rerun_does_not_end_with_a_full_garbage_collection() -> None:
    # Streamlit's default gc.collect(2) after each run walked the whole heap (data, layouts,
    # plotly): ~140 of the ~185 ms of server CPU a map year change cost.
    assert CONFIG["runner"]["postScriptGC"] is False
