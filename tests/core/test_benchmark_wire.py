"""The benchmark's byte counter sees what crosses the wire, and its goals table compares each
figure with its target."""

from __future__ import annotations

import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.conftest import benchmark_module

BODY = b"x" * 5000


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.send_response(200)
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args: object) -> None:
        pass


def test_wire_counter_counts_http_and_websocket_connections_apart() -> None:
    bm = benchmark_module().bm
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    counter = bm.WireCounter()
    counter.target = server.server_address[1]
    try:
        port = counter.start()
        before = counter.snapshot()
        for path in ("/page", "/_stcore/stream"):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
                assert r.read() == BODY
        got = counter.since(before)
        for kind in ("http", "ws"):
            # the body, the status line and headers; the request itself goes up
            assert len(BODY) < got[f"{kind}_down"] < len(BODY) + 400, got
            assert 0 < got[f"{kind}_up"] < 400, got
    finally:
        counter.stop()
        server.shutdown()


def _result(change_wire: float, page_wire: float, ratio: float) -> dict:
    base = {"median_ms": 100.0, "wire_ws_bytes_per_change_median": 900.0}
    change = {
        "median_ms": 100.0 * ratio,
        "wire_ws_bytes_per_change_median": change_wire,
        "server_cpu_ms_per_change_median": 40.0,
        # back through the years just drawn (cached): faster than the first time
        "back": {"median_ms": 100.0 * ratio / 2, "server_cpu_ms_per_change_median": 60.0},
    }
    return {
        "map": {
            "server": {"case": {"geojson_bytes_total": 0}},
            "browser": {"baseline": base, "cases": {"case": {"change": change}}},
        },
        "pages": {"map": {"wire_ws_bytes": page_wire}, "index": {"wire_ws_bytes": 1000.0}},
    }


def test_goals_compare_figures_with_targets() -> None:
    wire = benchmark_module().bench_wire
    rows = {r[0]: r for r in wire.goals(_result(12_000, 70_000, 1.2))}
    assert rows["year change, bytes on the wire (largest selection)"][4] == "yes"
    assert rows["page run, bytes on the wire (largest page)"][1] == "70.0 kB (map)"
    assert rows["page run, bytes on the wire (largest page)"][4] == "no"
    assert rows["year change repaint / trivial round trip (median, slowest selection)"][4] == "yes"
    assert rows["server CPU per year change (median, costliest selection)"][4] == "yes"
    assert rows["boundary bytes inside a map figure (geometry by URL)"][4] == "yes"
    back = "year change back to a year shown before (cached)"
    assert rows[f"{back}: server CPU"][1:] == ["60 ms (case)", "<= 50 ms", "-", "no"]
    assert rows[f"{back}: repaint / trivial round trip"][1] == "0.60x (case)"
    at_target = _result(12_000, 50_000, 1.5)
    at_target["map"]["browser"]["cases"]["case"]["change"]["back"][
        "server_cpu_ms_per_change_median"
    ] = (
        (0.1 + 0.2 - 0.3 + 0.05) * 1000  # 50.000000000000004: CPU clock ticks summed as floats
    )
    near = {r[0]: r for r in wire.goals(at_target)}
    assert near[f"{back}: server CPU"][1:] == ["50 ms (case)", "<= 50 ms", "-", "yes"]
    assert near["year change repaint / trivial round trip (median, slowest selection)"][4] == "yes"
    slow = {r[0]: r for r in wire.goals(_result(16_000, 50_000, 2.0))}
    assert slow["year change, bytes on the wire (largest selection)"][4] == "no"
    assert slow["year change repaint / trivial round trip (median, slowest selection)"][4] == "no"
    empty = wire.goals({})
    assert all(r[4] == "-" for r in empty), "nothing measured, nothing claimed"
