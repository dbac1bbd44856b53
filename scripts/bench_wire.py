"""Bytes on the wire with Streamlit's websocket compression off and on, and the issue's goals
next to their targets, for scripts/benchmark.py (the entry point).

Run from the repository root::

    .venv/bin/python scripts/benchmark.py --only wire      # this part alone

Both servers are the app behind a byte-counting forwarder (``bench_map.WireCounter``): what a
browser with an empty cache downloads on its first visit to the map, what each page run sends
over the websocket, and what a year change sends, with ``server.enableWebsocketCompression``
false and true, and the server's CPU time per year change for each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import bench_map as bm

MAP_URL = "/map?lang=ru&ind=1.2.1&year=2023"


def measure_setting(browser, compress: bool, reps: int, pages, page_url, measure_page) -> dict:
    """One server with compression ``compress``: first visit, every page run, year changes."""
    args = ("--server.enableWebsocketCompression", "true" if compress else "false")
    log = bm.REPO / "artifacts" / f"bench-wire-{'on' if compress else 'off'}.log"
    server = bm.StreamlitServer("dashboard.py", bm.REPO, log, args, wire=True)
    out: dict[str, Any] = {"pages": {}}
    with bm.running(server):
        bm.measure_load(browser, server.url + "/?lang=ru", wait_map=True)  # first session
        for page in pages:  # warm the caches: page runs, not first computations
            measure_page(browser, server.url + page_url(page))
        out["first_visit"] = bm.with_server(
            server, lambda u: bm.measure_load(browser, u + MAP_URL, True, server)
        )
        for page in pages:
            r = bm.with_server(
                server, lambda u, p=page: measure_page(browser, u + page_url(p), server)
            )
            out["pages"][page["url_path"]] = {
                "ws_bytes": r.get("ws_bytes"),
                "wire_ws_bytes": r.get("wire", {}).get("ws_down"),
                "error": r.get("error"),
            }
        out["change"] = bm.with_server(
            server,
            lambda u: bm.measure_latency(
                browser,
                u + MAP_URL,
                bm.MAP_SIGNATURE_JS,
                reps,
                bm.MAP_PATHS,
                "plotly_chart",
                server,
            ),
        )
    return out


def run_wire(reps: int, pages: list[dict], page_url: Callable, measure_page: Callable) -> dict:
    """Compression off, then on: the same measurements on two servers."""
    chromium = bm.check_chromium()
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=bm.CHROMIUM_ARGS)
        try:
            for compress in (False, True):
                print(f"  websocket compression {'on' if compress else 'off'}", flush=True)
                out["on" if compress else "off"] = measure_setting(
                    browser, compress, reps, pages, page_url, measure_page
                )
        finally:
            browser.close()
    return out


def _max_page(pages: dict[str, dict], key: str) -> tuple[str, float | None]:
    good = {k: v[key] for k, v in pages.items() if v.get(key) is not None}
    if not good:
        return "-", None
    name = max(good, key=good.get)
    return name, good[name]


def wire_report(wire: dict[str, Any]) -> list[str]:
    """Table 9: compression off vs on."""
    lines = [
        "",
        "9. Websocket compression (server.enableWebsocketCompression), bytes on the wire, kB",
    ]
    rows = []
    for setting in ("off", "on"):
        w = wire.get(setting)
        if not w:
            continue
        first = w.get("first_visit", {}).get("wire", {})
        page, biggest = _max_page(w["pages"], "wire_ws_bytes")
        change = w.get("change", {})
        rows.append(
            [
                setting,
                bm.kb(first.get("http_down")),
                bm.kb(first.get("ws_down")),
                f"{bm.kb(biggest)} ({page})",
                bm.kb(change.get("ws_bytes_per_change_median")),
                bm.kb(change.get("wire_ws_bytes_per_change_median")),
                bm.ms(change.get("server_cpu_ms_per_change_median")),
                bm.ms(change.get("median_ms")),
            ]
        )
    lines.append(
        bm.table(
            [
                "compression",
                "1st visit HTTP",
                "1st visit WS",
                "largest page run WS",
                "change payload",
                "change wire",
                "CPU ms/change",
                "repaint ms",
            ],
            rows,
        )
    )
    for setting in ("off", "on"):
        w = wire.get(setting)
        if w:
            per_page = ", ".join(
                f"{k} {bm.kb(v.get('wire_ws_bytes'))}" for k, v in w["pages"].items()
            )
            lines.append(f"  page runs on the wire, compression {setting}: {per_page}")
    return lines


# --------------------------------------------------------------------------------------------
# the goals of issue 18, next to their targets and the trivial app


def _fmt(x: float | None, unit: str) -> str:
    if x is None:
        return "-"
    if unit == "kB":
        return f"{x / 1000:,.1f} kB"
    if unit == "ms":
        return f"{x:,.0f} ms"
    if unit == "x":
        return f"{x:.2f}x"
    if unit == "s":
        return f"{x:,.1f} s"
    return f"{x:,.1f}{unit}"


def goals(result: dict[str, Any]) -> list[list[str]]:
    """Rows: goal, figure, target, trivial app, met (yes / no / - when not measured)."""
    m = (result.get("map") or {}).get("browser") or {}
    base = m.get("baseline", {})
    base_load = m.get("baseline_load", {})
    cases = m.get("cases", {})
    pages = result.get("pages") or {}
    rows: list[list[str]] = []

    def row(goal: str, figure, unit: str, target: float | None, base_fig, where: str = "") -> None:
        # compared as printed: 50.0000001 ms of CPU (clock ticks summed as floats) is 50 ms
        shown = round(figure, 2 if unit == "x" else 0) if figure is not None else None
        met = "-" if shown is None or target is None else ("yes" if shown <= target else "no")
        tgt = "measured" if target is None else f"<= {_fmt(target, unit)}"
        fig = _fmt(figure, unit) + (f" ({where})" if where and figure is not None else "")
        rows.append([goal, fig, tgt, _fmt(base_fig, unit), met])

    page_wire = {k: v.get("wire_ws_bytes") for k, v in pages.items() if "error" not in v}
    page_wire = {k: v for k, v in page_wire.items() if v is not None}
    worst_page = max(page_wire, key=page_wire.get) if page_wire else ""
    row(
        "page run, bytes on the wire (largest page)",
        page_wire.get(worst_page),
        "kB",
        60_000,
        base_load.get("wire", {}).get("ws_down"),
        worst_page,
    )
    change_wire = {
        k: v["change"].get("wire_ws_bytes_per_change_median")
        for k, v in cases.items()
        if v.get("change", {}).get("wire_ws_bytes_per_change_median") is not None
    }
    worst = max(change_wire, key=change_wire.get) if change_wire else ""
    row(
        "year change, bytes on the wire (largest selection)",
        change_wire.get(worst),
        "kB",
        15_000,
        base.get("wire_ws_bytes_per_change_median"),
        worst,
    )
    server = (result.get("map") or {}).get("server") or {}
    shapes = [s.get("geojson_bytes_total") for s in server.values()]
    row(
        "boundary bytes inside a map figure (geometry by URL)",
        max(shapes) if shapes else None,
        "kB",
        0,
        None,
    )
    # The year changes to years not drawn before, then back through them (cached): the repaint
    # against the trivial app's round trip and the server's CPU, each for its worst selection.
    first = {k: v.get("change") or {} for k, v in cases.items()}
    back = "year change back to a year shown before (cached)"
    passes = (
        (
            first,
            "year change repaint / trivial round trip (median, slowest selection)",
            "server CPU per year change (median, costliest selection)",
        ),
        (
            {k: v.get("back") or {} for k, v in first.items()},
            f"{back}: repaint / trivial round trip",
            f"{back}: server CPU",
        ),
    )
    for changes, repaint_goal, cpu_goal in passes:
        ratios = {
            k: v["median_ms"] / base["median_ms"]
            for k, v in changes.items()
            if v.get("median_ms") and base.get("median_ms")
        }
        worst = max(ratios, key=ratios.get) if ratios else ""
        trivial = 1.0 if base.get("median_ms") else None
        row(repaint_goal, ratios.get(worst), "x", 1.5, trivial, worst)
        cpu = {
            k: v["server_cpu_ms_per_change_median"]
            for k, v in changes.items()
            if v.get("server_cpu_ms_per_change_median") is not None
        }
        worst = max(cpu, key=cpu.get) if cpu else ""
        row(cpu_goal, cpu.get(worst), "ms", 50, base.get("server_cpu_ms_per_change_median"), worst)
    wire = result.get("wire") or {}
    for setting in ("off", "on"):
        w = wire.get(setting, {})
        first = w.get("first_visit", {}).get("wire", {})
        total = (first.get("http_down") or 0) + (first.get("ws_down") or 0) if first else None
        row(
            f"first visit to the map on the wire, websocket compression {setting}",
            total,
            "kB",
            None,
            (base_load.get("wire", {}).get("http_down") or 0)
            + (base_load.get("wire", {}).get("ws_down") or 0)
            if base_load.get("wire")
            else None,
        )
        row(
            f"year change on the wire, websocket compression {setting}",
            w.get("change", {}).get("wire_ws_bytes_per_change_median"),
            "kB",
            15_000,
            base.get("wire_ws_bytes_per_change_median"),
        )
    loads = result.get("load") or {}
    runs = loads.get("runs", {})
    most = runs.get(str(loads.get("most")), {})
    row(
        f"p95 page change, {loads.get('most', '-')} sessions / {loads.get('single', '-')} session",
        loads.get("p95_ratio"),
        "x",
        2.0,
        None,
    )
    row(
        "server CPU per page view under load",
        most.get("server_cpu_ms_per_view"),
        "ms",
        None,
        None,
    )
    rows.append(
        [
            "sessions one server core serves within 2x the single-session p95",
            str(loads.get("sessions_within_2x", "-"))
            + (
                f" measured; model {loads['sessions_per_core_model']:.1f}"
                if loads.get("sessions_per_core_model")
                else ""
            ),
            "reported",
            "-",
            "-",
        ]
    )
    scale = result.get("scale") or {}
    for name, sc in scale.items():
        if "error" in sc:
            rows.append([f"replica at {name}", sc["error"][:60], "every page works", "-", "no"])
            continue
        rows.append(
            [
                f"replica at {name}: start-up to first map / RSS after every page",
                f"{_fmt(sc.get('first_paint_s'), 's')} / {sc.get('rss_after_pages', 0) / 1e6:,.0f} MB",
                "every page works",
                "-",
                "yes" if sc.get("pages_ok") else "no",
            ]
        )
    return rows


def goals_report(result: dict[str, Any]) -> list[str]:
    """Table 0: each goal's figure next to its target and the trivial app's, in this run."""
    lines = [
        "",
        "Goals (issue 18): this run's figure, the target and the trivial Streamlit app's figure",
    ]
    lines.append(bm.table(["goal", "figure", "target", "trivial app", "met"], goals(result)))
    return lines
