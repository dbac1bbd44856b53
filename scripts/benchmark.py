"""Benchmark sdgdash: payload bytes, query latency at 1x/100x/1000x, browser latency, load.

Run from the repository root (the one entry point; ``scripts/bench_map.py`` holds the map parts)::

    .venv/bin/python scripts/benchmark.py --quick     # about 8 minutes on 2 cores
    .venv/bin/python scripts/benchmark.py             # full run, about 25 minutes
    .venv/bin/python scripts/benchmark.py --only queries,load --sessions 20 --load-seconds 180

Parts (``--only`` takes a comma-separated subset):

- ``map``: the map views (scripts/bench_map.py): figure bytes vs the national platform's
  1,765,029-byte layer, server build time, year change -> repaint vs a trivial Streamlit app.
- ``pages``: every page registered in dashboard.py (discovered, not listed here): the bytes one
  page run sends over the websocket and the plotly figures in it, vs the platform layer.
- ``queries``: the app's main queries (sdgdash/queries.py and the index inputs) over Parquet with
  DuckDB and the same queries written in plain pandas, at today's size and at 100x and 1000x
  synthetic size (generated in a temp dir from the real rows: districts x months with
  multiplicative noise; deleted afterwards, never committed).
- ``coldstart``: process start -> first map painted in Chromium, and a fresh browser context ->
  first map painted, next to the same for a trivial Streamlit app started in the same run.
- ``load``: N concurrent Chromium contexts (default 20) walking through every page via the
  navigation for a few minutes: p50/p95 per page, errors, server and browser memory over time.

It prints tables, asserts nothing about time, and writes every number as JSON to
``artifacts/benchmark-<UTC time>.json`` (or ``--out``). Everything stays on this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import bench_map as bm  # noqa: E402 - needs the path set above
import bench_scale  # noqa: E402
import bench_wire  # noqa: E402

from sdgdash.data.catalog import SELECTION_COLUMNS  # noqa: E402
from sdgdash.data.flags import FLAG_COLUMNS  # noqa: E402
from sdgdash.features.region import view as region_view  # noqa: E402

PLATFORM = bm.PLATFORM_GEOJSON_BYTES
SETTLED_JS = """() => {
    if (!document.querySelector("[data-testid='stApp']")) return false;
    if (document.querySelector("[data-testid='stStatusWidget']")) return false;
    if (document.querySelectorAll("[data-testid='stSkeleton']").length) return false;
    return document.querySelectorAll("[data-stale='true']").length === 0;
}"""

# A navigation is over when the URL is the page's, its title (h1) replaced the previous page's,
# and nothing is running or stale.
PAGE_DONE_JS = (
    """([href, before]) => {
    const path = location.pathname.replace(/\\/$/, "") || "/";
    const want = href === "/" ? ["/", "/overview"] : [href];
    if (!want.some((w) => path === w || (w !== "/" && path.endsWith(w)))) return false;
    const h1 = document.querySelector("h1");
    if (!h1 || h1.innerText === before) return false;
    return ("""
    + SETTLED_JS
    + """)();
}"""
)

# --------------------------------------------------------------------------------------------
# pages: discovered from dashboard.py


def discover_pages() -> list[dict[str, str]]:
    """The app's pages from the page registry (sdgdash.pages), the first the default page: stem,
    url path, default flag. Raises when there is none to find."""
    from sdgdash.pages import PAGES

    if not PAGES:
        raise RuntimeError("sdgdash.pages lists no pages: cannot find the app's pages")
    return [{"stem": p.id, "url_path": p.id, "default": i == 0} for i, p in enumerate(PAGES)]


def page_url(page: dict[str, str], lang: str = "ru") -> str:
    return "/" + ("" if page["default"] else page["url_path"]) + "?" + urlencode({"lang": lang})


def finished(frames: list, start: int = 0) -> int:
    """How many ``script_finished`` messages (end of a page run) are in ``frames[start:]``."""
    return sum(1 for f in frames[start:] if bm.message_kind(f[1]) == "script_finished")


def measure_page(browser, url: str, server: bm.StreamlitServer | None = None) -> dict[str, Any]:
    """Open ``url`` in a fresh context; websocket bytes until the page is drawn and quiet (with
    ``server``: also on the wire, and the server's CPU time for the page run)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ru-RU")
    try:
        page = context.new_page()
        rec = bm.Recorder(page)
        before = bm._wire_before(server)
        page.goto(url, timeout=bm.PAGE_TIMEOUT_MS)
        page.wait_for_selector("h1", timeout=bm.PAGE_TIMEOUT_MS)
        deadline = time.monotonic() + bm.PAGE_TIMEOUT_MS / 1000
        while not finished(rec.frames) and time.monotonic() < deadline:
            page.wait_for_timeout(100)  # the server's script_finished: the page run is over
        page.wait_for_function(SETTLED_JS, timeout=bm.PAGE_TIMEOUT_MS, polling=100)
        bm.wait_settled(page, rec)
        http = rec.http_bytes()
        return {
            **bm._wire_since(server, before),
            "http_static_bytes": http["static"],
            "ws_bytes": rec.ws_bytes(),
            "ws": bm.ws_breakdown(rec.frames),
            "map_paths": page.locator(bm.MAP_PATHS).count(),
            "outside_requests": rec.outside,
        }
    finally:
        context.close()


def run_pages(reps: int, app_args: tuple[str, ...] = (), log: str = "pages") -> dict[str, Any]:
    """Websocket bytes of one page run (defaults) for every page, and the figures in it; the
    bytes on the wire and the server's CPU time per page run."""
    chromium = bm.check_chromium()
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {}
    server = bm.StreamlitServer(
        "dashboard.py", REPO, REPO / "artifacts" / f"bench-{log}.log", app_args, wire=True
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=bm.CHROMIUM_ARGS)
        try:
            with bm.running(server):
                measure_page(browser, server.url + "/?lang=ru")  # the first session reroutes
                for page in discover_pages():  # warm caches: page runs, not first computations
                    measure_page(browser, server.url + page_url(page))
                for page in discover_pages():
                    url = page_url(page)
                    print(f"  page {page['url_path']}", flush=True)
                    runs = []
                    for _ in range(reps):
                        runs.append(
                            bm.with_server(
                                server,
                                lambda u, q=url: measure_page(browser, u + q, server),
                            )
                        )
                    good = [r for r in runs if "error" not in r]
                    if not good:
                        out[page["url_path"]] = {"url": url, "error": runs[-1]["error"]}
                        continue
                    r = good[-1]
                    out[page["url_path"]] = {
                        "url": url,
                        "ws_bytes": statistics.median(g["ws_bytes"] for g in good),
                        "wire_ws_bytes": statistics.median(g["wire"]["ws_down"] for g in good),
                        "wire_http_bytes": statistics.median(g["wire"]["http_down"] for g in good),
                        "server_cpu_ms": statistics.median(g["server_cpu_ms"] for g in good),
                        "figures_bytes": sum(r["ws"]["plotly_specs"]),
                        "figures": len(r["ws"]["plotly_specs"]),
                        "map_paths": r["map_paths"],
                        "http_static_bytes": r["http_static_bytes"],
                        "by_kind": dict(list(r["ws"]["by_kind"].items())[:4]),
                        "outside_requests": [u for g in good for u in g["outside_requests"]],
                    }
        finally:
            browser.close()
    return out


# --------------------------------------------------------------------------------------------
# queries at 1x, 100x, 1000x: DuckDB over Parquet vs plain pandas


def generate(scale: int, tmp: Path) -> dict[str, Any]:
    """observations.parquet at about ``scale`` times today's rows, in ``tmp``.

    Every real row is expanded to districts x 12 months (districts = round(scale / 12), at least
    1; scale 1 is the real file unchanged). Region code, selection and year stay as they are, so
    the app's queries keep their meaning and return proportionally more rows; ``district`` and
    ``month`` are new columns, and the value gets a multiplicative log-normal noise
    (sigma 0.05) from a seeded generator.
    """
    import duckdb

    src = REPO / "data" / "observations.parquet"
    if scale == 1:
        return {"path": src, "factor": 1, "rows": None}
    districts = max(1, round(scale / 12))
    path = tmp / f"observations_{scale}x.parquet"
    con = duckdb.connect()
    con.execute("SET threads = 2").fetchall()
    con.execute("SELECT setseed(0.42)").fetchall()
    rel = con.read_parquet(str(src))
    rel.create_view("src")
    # Box-Muller normal from two uniforms; constant SQL, the file path is our own temp path.
    con.execute(
        """
        CREATE VIEW expanded AS
        SELECT s.* REPLACE (
                   s.value * exp(0.05 * sqrt(-2 * ln(1 - random()))
                                 * cos(2 * pi() * random())) AS value),
               d.district::SMALLINT AS district, m.month::TINYINT AS month
        FROM src s, range(?) d(district), range(1, 13) m(month)
        """.replace("?", str(int(districts)))
    ).fetchall()
    con.execute(
        "COPY expanded TO '" + str(path).replace("'", "''") + "' (FORMAT parquet)"
    ).fetchall()
    rows = con.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchall()[0][0]
    con.close()
    return {"path": path, "factor": districts * 12, "rows": rows, "bytes": path.stat().st_size}


PANDAS_COLUMNS = [*region_view.KEEP, *FLAG_COLUMNS]  # what the app's profiles read, flags too


def load_pandas(path: Path):
    """The observations as a pandas frame, string columns as categoricals (as a pandas app
    holding tens of millions of rows would; plain strings do not fit in memory at 1000x)."""
    import pyarrow.parquet as pq

    strings = [
        c for c in PANDAS_COLUMNS if c not in ("goal", "year", "value", "source_row", "conflict_of")
    ]
    table = pq.read_table(path, columns=PANDAS_COLUMNS, read_dictionary=strings)
    return table.to_pandas()


def pandas_queries(df, index_table):
    """The same queries in plain pandas; each entry: name -> callable(args) -> DataFrame."""
    import pandas as pd

    from sdgdash.features.index.scoring import REGION_UNITS

    sel_cols = list(SELECTION_COLUMNS)

    # Rows without a flag (sdgdash.flags): no conflicting duplicate, no placeholder value.
    usable = df["conflict_of"].isna() & df["placeholder"].isna()

    def sel_mask(sel):
        m = df["indicator_id"] == sel.indicator_id
        for c, v in sel.key().items():
            m &= df[c] == v
        return m

    def map_frame(sel, year):
        m = sel_mask(sel) & (df["year"] == year) & (df["ref_area"] != "")
        cols = ["ref_area", "value", "year", "unit", "series", "source_file", "source_row"]
        flags = ["conflict_of", "placeholder"]
        return df.loc[m, [*cols, *flags]].sort_values(["ref_area", "source_row"])

    def national_series(sel):
        m = sel_mask(sel) & (df["ref_area"] == "") & usable
        return df.loc[m, ["year", "value", "source_file", "source_row"]].sort_values("year")

    def regional_series(sel, areas):
        m = sel_mask(sel) & df["ref_area"].isin(areas) & usable
        cols = ["year", "ref_area", "value", "source_file", "source_row"]
        return df.loc[m, cols].sort_values(["ref_area", "year"])

    def region_latest(area):
        sub = df[(df["ref_area"] == area) & usable]
        keys = ["indicator_id", *sel_cols]
        sub = sub.sort_values("year", ascending=False, kind="stable")
        return sub.drop_duplicates(keys).sort_values(keys)

    def coverage():
        return (
            df.groupby(["indicator_id", "ref_area"], observed=True)
            .agg(last_year=("year", "max"), n_rows=("year", "size"))
            .reset_index()
        )

    regional_ids = set(
        pd.read_parquet(REPO / "data" / "indicators.parquet").query("has_regional_data")[
            "indicator_id"
        ]
    )

    def all_selection_options():
        sub = df[(df["ref_area"] != "") & df["indicator_id"].isin(regional_ids)]
        return (
            sub.groupby(["indicator_id", *sel_cols], observed=True)
            .agg(
                n_rows=("year", "size"),
                n_regions=("ref_area", "nunique"),
                first_year=("year", "min"),
                last_year=("year", "max"),
                years=("year", lambda s: sorted(s.unique())),
            )
            .reset_index()
        )

    def index_inputs():
        keys = ["indicator_id", *sel_cols]
        sub = df[usable & df["ref_area"].isin(REGION_UNITS) & df["value"].notna()]
        wanted = index_table[keys].astype(str).assign(_order=range(len(index_table)))
        cols = ["indicator_id", "goal", "ref_area", "year", "value", "source_file", "source_row"]
        merged = sub[[*keys, *cols[1:]]].astype({c: str for c in keys}).merge(wanted, on=keys)
        return merged.sort_values(["_order", "ref_area", "year"], kind="stable")[cols]

    del pd
    return {
        "map_frame": map_frame,
        "national_series": national_series,
        "compare_series": regional_series,
        "region_latest": region_latest,
        "coverage": coverage,
        "all_selection_options": all_selection_options,
        "index_inputs": index_inputs,
    }


def duckdb_queries(con, index_table):
    """The app's own queries (sdgdash.queries) on a DuckDB view over the Parquet file."""
    from sdgdash.data import queries
    from sdgdash.features.index.scoring import REGION_UNITS

    keys = ["indicator_id", *SELECTION_COLUMNS]
    wanted = index_table[keys].astype(str).assign(_order=range(len(index_table)))
    con.register("index_wanted_df", wanted)
    con.execute("CREATE TABLE index_wanted AS SELECT * FROM index_wanted_df").fetchall()
    con.unregister("index_wanted_df")
    on = " AND ".join(f"o.{k} = w.{k}" for k in keys)

    def index_inputs():
        # scoring.index_values' filter and join, in SQL; the region list is bound.
        return queries._df(
            con,
            f"""
            SELECT o.indicator_id, o.goal, o.ref_area, o.year, o.value, o.source_file, o.source_row
            FROM observations o JOIN index_wanted w ON {on}
            WHERE o.conflict_of IS NULL AND o.placeholder IS NULL AND o.value IS NOT NULL
              AND list_contains(?, o.ref_area)
            ORDER BY w._order, o.ref_area, o.year
            """,  # noqa: S608 - only constant column names are interpolated
            [sorted(REGION_UNITS)],
        )

    return {
        "map_frame": lambda sel, year: queries.map_frame(con, sel, year),
        "national_series": lambda sel: queries.national_series(con, sel),
        "compare_series": lambda sel, areas: queries.regional_series(con, sel, areas),
        "region_latest": lambda area: queries.region_latest(con, area),
        "coverage": lambda: queries.coverage(con),
        "all_selection_options": lambda: queries.all_selection_options(con),
        "index_inputs": index_inputs,
    }


def query_args() -> dict[str, tuple]:
    """Real arguments: the featured indicator's headline selection, its latest year, regions."""
    from sdgdash.config import Settings
    from sdgdash.data import queries, selection
    from sdgdash.data.db import connect

    con = connect(Settings.from_env())
    options = queries.selection_options(con, "1.2.1")
    sel = selection.headline(options, "1.2.1")
    year = selection.years_of(options, sel)[-1]
    return {
        "map_frame": (sel, year),
        "national_series": (sel,),
        "compare_series": (sel, ["KZKAR", "KZKZY", "KZAST", "KZALA"]),
        "region_latest": ("KZKAR",),
        "coverage": (),
        "all_selection_options": (),
        "index_inputs": (),
    }


def timed(fn, args, reps: int) -> tuple[list[float], int]:
    times, rows = [], 0
    for _ in range(reps):
        t0 = time.perf_counter()
        out = fn(*args)
        times.append((time.perf_counter() - t0) * 1000)
        rows = len(out)
    return times, rows


def run_queries(scales: list[int], reps: dict[int, int]) -> dict[str, Any]:
    """Every query at every scale, DuckDB then pandas, medians over repetitions."""
    import gc

    import duckdb
    import psutil

    from sdgdash.config import Settings
    from sdgdash.data.index_table import load_index_table

    index_table = load_index_table(
        Settings.from_env().data_dir / "curated" / "index_indicators.csv"
    )
    args = query_args()
    proc = psutil.Process()
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="sdgdash-bench-data-") as tmp:
        for scale in scales:
            print(f"  queries at {scale}x: generating", flush=True)
            t0 = time.perf_counter()
            gen = generate(scale, Path(tmp))
            gen_s = time.perf_counter() - t0
            con = duckdb.connect(":memory:")
            con.execute("SET threads = 2").fetchall()
            con.execute("SET parquet_metadata_cache = true").fetchall()  # as sdgdash.data.db
            con.read_parquet(str(gen["path"])).create_view("observations")
            # The catalogue the app's queries join with (a few hundred rows).
            con.read_parquet(str(REPO / "data" / "indicators.parquet")).create_view("indicators")
            rows = con.execute("SELECT count(*) FROM observations").fetchall()[0][0]
            dq = duckdb_queries(con, index_table)
            n = reps[scale]
            res: dict[str, Any] = {
                "factor": round(rows / 45_503, 1),
                "rows": rows,
                "parquet_bytes": Path(gen["path"]).stat().st_size,
                "generate_s": round(gen_s, 1),
                "reps": n,
                "queries": {},
            }
            print(f"  queries at {scale}x: {rows:,} rows; DuckDB", flush=True)
            for name, fn in dq.items():
                timed(fn, args[name], 1)  # warm-up (Parquet metadata, plan)
                times, nrows = timed(fn, args[name], n)
                res["queries"][name] = {"duckdb_ms": statistics.median(times), "duckdb_rows": nrows}
            con.close()
            print(f"  queries at {scale}x: pandas", flush=True)
            gc.collect()
            rss0 = proc.memory_info().rss
            t0 = time.perf_counter()
            df = load_pandas(gen["path"])
            res["pandas_load_s"] = round(time.perf_counter() - t0, 2)
            res["pandas_frame_bytes"] = int(df.memory_usage(deep=True).sum())
            pq_ = pandas_queries(df, index_table)
            for name, fn in pq_.items():
                times, nrows = timed(fn, args[name], n)
                q = res["queries"][name]
                q["pandas_ms"] = statistics.median(times)
                q["pandas_rows"] = nrows
                q["ratio"] = q["pandas_ms"] / q["duckdb_ms"] if q["duckdb_ms"] else None
                q["same_rows"] = nrows == q["duckdb_rows"]
            res["pandas_rss_growth_bytes"] = proc.memory_info().rss - rss0
            del df, pq_
            gc.collect()
            out[f"{scale}x"] = res
            if gen["path"] != REPO / "data" / "observations.parquet":
                Path(gen["path"]).unlink()
    return out


# --------------------------------------------------------------------------------------------
# cold start and first paint: the app vs a trivial Streamlit app, same run


def run_coldstart(reps: int) -> dict[str, Any]:
    chromium = bm.check_chromium()
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {"app": [], "trivial": [], "app_warm": [], "trivial_warm": []}
    log = REPO / "artifacts" / "bench-coldstart.log"
    with sync_playwright() as p, tempfile.TemporaryDirectory(prefix="sdgdash-bench-") as tmp:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=bm.CHROMIUM_ARGS)
        app = Path(tmp) / "trivial_app.py"
        app.write_text(bm.BASELINE_APP, encoding="utf-8")
        kinds = {
            "app": ("dashboard.py", REPO, "/?lang=ru", bm.MAP_PATHS),
            "trivial": (app.name, Path(tmp), "/", "[data-testid='stMarkdown']"),
        }
        try:
            for i in range(reps):
                for kind, (script, cwd, path, ready) in kinds.items():
                    print(f"  cold start {kind} {i + 1}/{reps}", flush=True)
                    server = bm.StreamlitServer(script, cwd, log)
                    t0 = time.monotonic()
                    try:
                        server.start()
                        health = time.monotonic() - t0
                        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
                        page = ctx.new_page()
                        page.goto(server.url + path, timeout=bm.PAGE_TIMEOUT_MS)
                        page.wait_for_selector(ready, timeout=bm.PAGE_TIMEOUT_MS)
                        painted = time.monotonic() - t0
                        ctx.close()
                        out[kind].append({"health_s": health, "first_paint_s": painted})
                        # A fresh browser context (empty cache) against the now warm server.
                        for _ in range(2):
                            ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
                            page = ctx.new_page()
                            t1 = time.monotonic()
                            page.goto(server.url + path, timeout=bm.PAGE_TIMEOUT_MS)
                            page.wait_for_selector(ready, timeout=bm.PAGE_TIMEOUT_MS)
                            out[kind + "_warm"].append((time.monotonic() - t1) * 1000)
                            ctx.close()
                    finally:
                        server.stop()
        finally:
            browser.close()
    summary = {}
    for kind in ("app", "trivial"):
        summary[kind] = {
            "health_s": statistics.median(r["health_s"] for r in out[kind]),
            "first_paint_s": statistics.median(r["first_paint_s"] for r in out[kind]),
            "warm_first_paint_ms": statistics.median(out[kind + "_warm"]),
        }
    out["summary"] = summary
    return out


# --------------------------------------------------------------------------------------------
# load: N concurrent browser sessions


rss_tree = bm.rss_tree


STEP_TIMEOUT_MS = 180_000


# A script_finished message is a few dozen bytes; bigger frames (figures, tables) are never one,
# so they are not decoded (decoding every frame of 20 sessions starves the event loop that
# drives the browsers, and the harness would measure itself).
SMALL_FRAME = 512


def _count_ends(ends: list[int], data: bytes | str) -> None:
    """Count a frame that ends a page run (``ends[0]`` is the count so far)."""
    raw = data if isinstance(data, bytes) else data.encode()
    if len(raw) <= SMALL_FRAME and bm.message_kind(raw) == "script_finished":
        ends[0] += 1


async def _run_over(page, ends: list[int], mark: int) -> None:
    """Wait for a page run to end after ``mark`` runs had ended, and for a settled page."""
    deadline = time.monotonic() + STEP_TIMEOUT_MS / 1000
    while ends[0] <= mark:
        if time.monotonic() > deadline:
            raise TimeoutError("no script_finished")
        await asyncio.sleep(0.05)
    await page.wait_for_function(SETTLED_JS, timeout=STEP_TIMEOUT_MS, polling=100)


def _think(rounds: int | None) -> float:
    """The mean reading time of a session: none for a warm-up walk of ``rounds`` rounds."""
    return THINK_S if rounds is None else 0.0


async def _session(
    browser, base: str, pages, deadline: float, rec: dict, sid: int, rounds: int | None = None
) -> None:
    """One visitor: the overview, then every page in a random order, again and again until the
    deadline (or ``rounds`` times)."""
    rng = random.Random(sid)
    ctx = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await ctx.new_page()
    ends = [0]
    page.on("websocket", lambda ws: ws.on("framereceived", lambda d: _count_ends(ends, d)))
    page.on(
        "request",
        lambda r: (
            rec["outside"].append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))
            else None
        ),
    )
    try:
        t0 = time.monotonic()
        await page.goto(base + "/?lang=ru", timeout=STEP_TIMEOUT_MS)
        await page.wait_for_selector("h1", timeout=STEP_TIMEOUT_MS)
        await _run_over(page, ends, 0)
        rec["lat"].setdefault("(first load)", []).append((time.monotonic() - t0) * 1000)
        current = "overview"
        done = 0
        while time.monotonic() < deadline and (rounds is None or done < rounds):
            done += 1
            await asyncio.sleep(0)  # never spin without yielding to the browsers' event loop
            order = pages[:]
            rng.shuffle(order)
            for pg in order:
                if time.monotonic() >= deadline:
                    break
                name = pg["url_path"]
                if name == current:
                    continue
                href = "/" if pg["default"] else "/" + name
                link = page.locator(f"[data-testid='stSidebarNavLink'][href$='{href}']").first
                try:
                    before = await page.locator("h1").first.inner_text(timeout=STEP_TIMEOUT_MS)
                    mark = ends[0]
                    t0 = time.monotonic()
                    if await link.count():
                        await link.click(timeout=STEP_TIMEOUT_MS)
                    else:  # navigation collapsed or missing: open the URL
                        await page.goto(base + page_url(pg), timeout=STEP_TIMEOUT_MS)
                    await page.wait_for_function(
                        PAGE_DONE_JS, arg=[href, before], timeout=STEP_TIMEOUT_MS, polling=100
                    )
                    await _run_over(page, ends, mark)
                    rec["lat"].setdefault(name, []).append((time.monotonic() - t0) * 1000)
                    current = name
                    if await page.locator("[data-testid='stException']").count():
                        rec["errors"].append(f"{name}: exception shown")
                except Exception as exc:  # noqa: BLE001 - counted and reported
                    rec["errors"].append(f"{name}: {type(exc).__name__}")
                    current = ""
                await page.wait_for_timeout(rng.uniform(500, 1500) * _think(rounds))  # reading
    finally:
        await ctx.close()


async def _ws_session(
    base: str, pages, deadline: float, rec: dict, sid: int, rounds: int | None = None
) -> None:
    """One visitor as a websocket client that speaks Streamlit's protocol (no browser): it asks
    for the overview, then every page in a random order, like :func:`_session`, and times each
    page run from the request to the server's ``script_finished``. It draws nothing, so the
    time is the server's (and the network's) alone and 20 of them cost the machine little."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.asyncio.client import connect

    rng = random.Random(sid)
    url = base.replace("http://", "ws://") + "/_stcore/stream"
    async with connect(url, subprotocols=["streamlit"], max_size=None) as ws:
        hashes: dict[str, str] = {}

        async def page_run(page_hash: str) -> None:
            msg = BackMsg()
            msg.rerun_script.query_string = "lang=ru"
            msg.rerun_script.page_script_hash = page_hash
            await ws.send(msg.SerializeToString())
            while True:
                raw = await asyncio.wait_for(ws.recv(), STEP_TIMEOUT_MS / 1000)
                fwd = ForwardMsg.FromString(raw)
                kind = fwd.WhichOneof("type")
                if kind == "navigation":
                    hashes.update(
                        {p.url_pathname: p.page_script_hash for p in fwd.navigation.app_pages}
                    )
                elif kind == "delta" and fwd.delta.new_element.WhichOneof("type") == "exception":
                    rec["errors"].append("exception shown")
                elif kind == "script_finished":
                    return

        t0 = time.monotonic()
        await page_run("")
        rec["lat"].setdefault("(first load)", []).append((time.monotonic() - t0) * 1000)
        done = 0
        while time.monotonic() < deadline and (rounds is None or done < rounds):
            done += 1
            order = [pg for pg in pages if not pg["default"]]
            rng.shuffle(order)
            for pg in [*order, *(pg for pg in pages if pg["default"])]:
                if time.monotonic() >= deadline:
                    break
                name = pg["url_path"]
                try:
                    t0 = time.monotonic()
                    await page_run(hashes["" if pg["default"] else name])
                    rec["lat"].setdefault(name, []).append((time.monotonic() - t0) * 1000)
                except Exception as exc:  # noqa: BLE001 - counted and reported
                    rec["errors"].append(f"{name}: {type(exc).__name__}")
                await asyncio.sleep(rng.uniform(0.5, 1.5) * _think(rounds))  # a person reading


async def _load(
    base: str,
    sessions: int,
    seconds: float,
    server_pid: int,
    rounds: int | None = None,
    clients: str = "browsers",
) -> dict[str, Any]:
    if clients == "ws":
        return await _ws_load(base, sessions, seconds, server_pid, rounds)
    from playwright.async_api import async_playwright

    pages = discover_pages()
    rec: dict[str, Any] = {"lat": {}, "errors": [], "outside": []}
    mem: list[tuple[float, int, int, float]] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=bm.check_chromium(), headless=True, args=bm.CHROMIUM_ARGS
        )
        stop = threading.Event()
        start = time.monotonic()

        def sample() -> None:
            import psutil

            me = psutil.Process()
            while not stop.is_set():
                chrome = 0
                for c in me.children(recursive=True):
                    try:
                        if "chrom" in c.name().lower() or "headless" in c.name().lower():
                            chrome += c.memory_info().rss
                    except psutil.Error:
                        pass
                mem.append(
                    (time.monotonic() - start, rss_tree(server_pid), chrome, os.getloadavg()[0])
                )
                stop.wait(2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        deadline = time.monotonic() + seconds
        try:
            tasks = []
            for i in range(sessions):
                tasks.append(
                    asyncio.create_task(_session(browser, base, pages, deadline, rec, i, rounds))
                )
                await asyncio.sleep(0.5)  # people arrive over ~10 s, not in one instant
            results = await asyncio.gather(*tasks, return_exceptions=True)
            for r in results:
                if isinstance(r, Exception):
                    rec["errors"].append(f"session: {type(r).__name__}")
        finally:
            stop.set()
            sampler.join()
            await browser.close()
    elapsed = time.monotonic() - start
    return {"elapsed_s": elapsed, **rec, "memory": mem}


async def _ws_load(
    base: str, sessions: int, seconds: float, server_pid: int, rounds: int | None = None
) -> dict[str, Any]:
    """:func:`_load` with protocol-level sessions (:func:`_ws_session`) instead of browsers."""
    pages = discover_pages()
    rec: dict[str, Any] = {"lat": {}, "errors": [], "outside": []}
    mem: list[tuple[float, int, int, float]] = []
    start = time.monotonic()
    deadline = start + seconds

    async def sample() -> None:
        while time.monotonic() < deadline:
            mem.append((time.monotonic() - start, rss_tree(server_pid), 0, os.getloadavg()[0]))
            await asyncio.sleep(2)

    sampler = asyncio.create_task(sample())
    tasks = []
    for i in range(sessions):
        tasks.append(asyncio.create_task(_ws_session(base, pages, deadline, rec, i, rounds)))
        await asyncio.sleep(0.5)  # people arrive over ~10 s, not in one instant
    for r in await asyncio.gather(*tasks, return_exceptions=True):
        if isinstance(r, Exception):
            rec["errors"].append(f"session: {type(r).__name__}")
    sampler.cancel()
    return {"elapsed_s": time.monotonic() - start, **rec, "memory": mem}


def run_load(
    sessions: int, seconds: float, pin: bool = False, clients: str = "browsers"
) -> dict[str, Any]:
    """``sessions`` concurrent browser sessions for ``seconds`` against one server: page view
    latencies, errors, memory, and the server's CPU time per page view. With ``pin`` (2 CPUs or
    more) the server runs on CPU 0 and this harness with the browsers on the others, so the
    server's share is measured apart from the browsers'. ``clients`` "ws": the sessions are
    protocol-level websocket clients (:func:`_ws_session`), not Chromium."""
    log = REPO / "artifacts" / "bench-load.log"
    cpus = sorted(os.sched_getaffinity(0))
    pinned = pin and len(cpus) >= 2
    server = bm.StreamlitServer("dashboard.py", REPO, log, cpus={cpus[0]} if pinned else None)
    try:
        if pinned:  # browsers started from here inherit the harness's CPUs
            os.sched_setaffinity(0, set(cpus[1:]))
        with bm.running(server):
            # One visitor opens every page once: the caches are warm, as after a seminar's first
            # minutes, so the run measures page views rather than first computations.
            asyncio.run(
                _load(server.url, 1, STEP_TIMEOUT_MS / 1000, server.proc.pid, 1, clients=clients)
            )
            idle = rss_tree(server.proc.pid)
            cpu0 = server.cpu_s()
            raw = asyncio.run(
                _load(server.url, sessions, seconds, server.proc.pid, clients=clients)
            )
            cpu_s = server.cpu_s() - cpu0
            after = rss_tree(server.proc.pid)
            time.sleep(5)
            settled = rss_tree(server.proc.pid)
    finally:
        if pinned:
            os.sched_setaffinity(0, set(cpus))
    lat = raw["lat"]
    all_ms = [x for v in lat.values() for x in v]
    changes = [x for k, v in lat.items() if k != "(first load)" for x in v]
    per_page = {
        k: {"n": len(v), "p50_ms": statistics.median(v), "p95_ms": bm.p95(v)}
        for k, v in lat.items()
    }
    mem = raw["memory"]
    return {
        "sessions": sessions,
        "seconds": raw["elapsed_s"],
        "mode": (
            "websocket clients speaking Streamlit's protocol (no browser)"
            if clients == "ws"
            else "Chromium contexts (one browser process, one renderer per session)"
        ),
        "clients": clients,
        "think_s": THINK_S,
        "pinned": {"server": [cpus[0]], "browsers": cpus[1:]} if pinned else None,
        "server_cpu_s": cpu_s,
        "server_cpu_ms_per_view": cpu_s * 1000 / len(all_ms) if all_ms else None,
        "page_views": len(all_ms),
        "p50_ms": statistics.median(all_ms) if all_ms else None,
        "p95_ms": bm.p95(all_ms),
        "page_changes": len(changes),
        "p50_change_ms": statistics.median(changes) if changes else None,
        "p95_change_ms": bm.p95(changes),
        "per_page": per_page,
        "errors": raw["errors"],
        "outside_requests": raw["outside"][:20],
        "server_rss_idle": idle,
        "server_rss_max": max((m[1] for m in mem), default=0),
        "server_rss_end": after,
        "server_rss_5s_after": settled,
        "browser_rss_max": max((m[2] for m in mem), default=0),
        "load_average_median": statistics.median(m[3] for m in mem) if mem else None,
        "memory_series": mem,
    }


# Mean pause between page views in a session (0.5-1.5 times it, see _session); --think.
THINK_S = 1.0


def run_loads(
    sessions: list[int], seconds: float, pin: bool, clients: str = "browsers"
) -> dict[str, Any]:
    """The load run for each number of sessions (the smallest first: the single-session figure
    the others are compared with); the p95 page change of the largest against the smallest, and
    how many sessions one server core serves within twice the single-session p95."""
    runs = {}
    for n in sorted(set(sessions)):
        print(f"  load: {n} sessions ({clients}) for {seconds:.0f} s", flush=True)
        runs[str(n)] = run_load(n, seconds, pin, clients)
    ordered = [runs[str(n)] for n in sorted(set(sessions))]
    first, last = ordered[0], ordered[-1]
    out: dict[str, Any] = {
        "runs": runs,
        "single": first["sessions"],
        "most": last["sessions"],
        "clients": clients,
    }
    if first.get("p95_change_ms") and last.get("p95_change_ms"):
        out["p95_ratio"] = last["p95_change_ms"] / first["p95_change_ms"]
        limit = 2 * first["p95_change_ms"]
        within = [r["sessions"] for r in ordered if (r.get("p95_change_ms") or 0) <= limit]
        out["sessions_within_2x"] = max(within) if within else None
    # A model for one core: a session asks for a page view every (think + page time) seconds and
    # each costs the server its CPU time per view; one core saturates at their ratio.
    cpu = first.get("server_cpu_ms_per_view")
    if cpu and first.get("p50_change_ms"):
        cycle_ms = THINK_S * 1000 + first["p50_change_ms"]
        out["sessions_per_core_model"] = cycle_ms / cpu
    return out


# --------------------------------------------------------------------------------------------
# report


def mb(n: float | None) -> str:
    return "-" if n is None else f"{n / 1e6:,.0f}"


def load_report(ld: dict[str, Any]) -> list[str]:
    """The lines of one load run."""
    lines: list[str] = []
    lines += [
        "",
        f"8. Load: {ld['sessions']} concurrent sessions ({ld['mode']}, reading {ld.get('think_s', 1.0):g} s per page on average) for {ld['seconds']:.0f} s: "
        f"{ld['page_views']} page views, p50 {bm.ms(ld['p50_ms'])} ms, p95 {bm.ms(ld['p95_ms'])} ms, "
        f"errors {len(ld['errors'])}, outside requests {len(ld['outside_requests'])}",
        f"  page changes (first loads apart): p50 {bm.ms(ld.get('p50_change_ms'))} ms, "
        f"p95 {bm.ms(ld.get('p95_change_ms'))} ms; server CPU "
        f"{bm.ms(ld.get('server_cpu_ms_per_view'))} ms per page view"
        + (
            f" (server pinned to CPU {ld['pinned']['server']}, clients to {ld['pinned']['browsers']})"
            if ld.get("pinned")
            else " (server and browsers share the CPUs)"
        ),
    ]
    rows = [
        [k, str(v["n"]), bm.ms(v["p50_ms"]), bm.ms(v["p95_ms"])] for k, v in ld["per_page"].items()
    ]
    lines.append(bm.table(["page (navigation click -> page settled)", "N", "p50", "p95"], rows))
    lines.append(
        f"  server RSS MB: idle {mb(ld['server_rss_idle'])}, max {mb(ld['server_rss_max'])}, "
        f"end {mb(ld['server_rss_end'])}, 5 s after {mb(ld['server_rss_5s_after'])}; "
        f"Chromium (all {ld['sessions']} sessions) max {mb(ld['browser_rss_max'])} MB; "
        f"machine load average (1 min, median) {ld['load_average_median']:.1f} "
        f"on {os.cpu_count()} CPUs"
    )
    series = ld["memory_series"]
    if series:
        step = max(1, len(series) // 8)
        lines.append(
            "  server RSS over time: "
            + ", ".join(f"{t:.0f}s {mb(r)}" for t, r, *_ in series[::step])
        )
    if ld["errors"]:
        counts: dict[str, int] = {}
        for e in ld["errors"]:
            counts[e] = counts.get(e, 0) + 1
        lines.append("  errors: " + ", ".join(f"{k} x{v}" for k, v in counts.items()))
    return lines


def report(result: dict[str, Any]) -> str:
    lines = []
    m = result["machine"]
    if result.get("map"):
        lines.append(bm.report({"machine": m, **result["map"]}))
    else:
        lines.append(f"sdgdash benchmark  {m['date']}")
        lines.append(f"machine: {m['nproc']} CPUs, Python {m['python']}, {m['platform']}")
    la = result.get("loadavg", {})
    lines.append(
        f"machine load average (1 min) at start {la.get('start', 0):.1f}, at end "
        f"{la.get('end', 0):.1f}: other processes share the CPUs; compare ratios, not ms"
    )
    if result.get("pages"):
        lines += [
            "",
            f"5. Every page (discovered in dashboard.py), one page run with defaults, kB; "
            f"platform layer = {PLATFORM:,} bytes",
        ]
        rows = []
        for name, r in result["pages"].items():
            if "error" in r:
                rows.append([name, r["url"], "error", r["error"][:40], "", "", ""])
                continue
            rows.append(
                [
                    name,
                    r["url"],
                    bm.kb(r["ws_bytes"]),
                    f"{r['figures']} / {bm.kb(r['figures_bytes'])}",
                    str(r["map_paths"]),
                    f"{r['ws_bytes'] / PLATFORM:.1%}",
                    str(len(r["outside_requests"])),
                ]
            )
        lines.append(
            bm.table(
                [
                    "page",
                    "URL",
                    "WS page run",
                    "figures / kB",
                    "map shapes",
                    "WS/platform",
                    "outside",
                ],
                rows,
            )
        )
    if result.get("queries"):
        lines += [
            "",
            "6. Query latency, median ms: DuckDB over Parquet vs the same query in pandas",
        ]
        rows = []
        for scale, r in result["queries"].items():
            for name, q in r["queries"].items():
                rows.append(
                    [
                        f"{scale} ({r['rows']:,} rows)",
                        name,
                        str(r["reps"]),
                        f"{q['duckdb_ms']:,.1f}",
                        f"{q['pandas_ms']:,.1f}",
                        f"{q['ratio']:.1f}" if q.get("ratio") else "-",
                        f"{q['duckdb_rows']:,}"
                        + ("" if q["same_rows"] else f" vs {q['pandas_rows']:,}"),
                    ]
                )
        lines.append(
            bm.table(["size", "query", "N", "DuckDB", "pandas", "pandas/DuckDB", "rows"], rows)
        )
        for scale, r in result["queries"].items():
            lines.append(
                f"  {scale}: Parquet {mb(r['parquet_bytes'])} MB (generated in {r['generate_s']} s); "
                f"pandas load {r['pandas_load_s']} s, frame {mb(r['pandas_frame_bytes'])} MB, "
                f"RSS +{mb(r['pandas_rss_growth_bytes'])} MB"
            )
    if result.get("coldstart"):
        s = result["coldstart"]["summary"]
        a, t = s["app"], s["trivial"]
        lines += [
            "",
            "7. Cold start (process start -> first paint) and first paint on a warm server",
        ]
        lines.append(
            bm.table(
                ["", "server healthy s", "first map/text painted s", "warm server, new browser ms"],
                [
                    [
                        "sdgdash (overview map)",
                        f"{a['health_s']:.1f}",
                        f"{a['first_paint_s']:.1f}",
                        bm.ms(a["warm_first_paint_ms"]),
                    ],
                    [
                        "trivial app (text)",
                        f"{t['health_s']:.1f}",
                        f"{t['first_paint_s']:.1f}",
                        bm.ms(t["warm_first_paint_ms"]),
                    ],
                    [
                        "ratio",
                        f"{a['health_s'] / t['health_s']:.2f}",
                        f"{a['first_paint_s'] / t['first_paint_s']:.2f}",
                        f"{a['warm_first_paint_ms'] / t['warm_first_paint_ms']:.2f}",
                    ],
                ],
            )
        )
    if result.get("wire"):
        lines += bench_wire.wire_report(result["wire"])
    if result.get("scale"):
        lines += bench_scale.scale_report(result["scale"])
    if result.get("load"):
        loads = result["load"]
        for ld in loads.get("runs", {}).values():
            lines += load_report(ld)
        if loads.get("p95_ratio") is not None:
            lines.append(
                f"  p95 page change with {loads['most']} sessions / with {loads['single']}: "
                f"{loads['p95_ratio']:.2f}; most sessions within 2x the single-session p95: "
                f"{loads.get('sessions_within_2x')}"
            )
        if loads.get("sessions_per_core_model"):
            lines.append(
                f"  sessions one server core serves (model: (think {THINK_S:.1f} s + page p50) / "
                f"server CPU per view): {loads['sessions_per_core_model']:.1f}"
            )
    lines += bench_wire.goals_report(result)
    return "\n".join(lines)


PARTS = ("map", "pages", "queries", "coldstart", "wire", "scale", "load")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions, shorter load run")
    ap.add_argument("--only", help="comma-separated parts: " + ",".join(PARTS))
    ap.add_argument("--out", type=Path, help="JSON file (default artifacts/benchmark-<time>.json)")
    ap.add_argument(
        "--sessions",
        default="1,20",
        help="concurrent sessions of the load runs, comma-separated (the smallest is the "
        "single-session reference; default 1,20)",
    )
    ap.add_argument(
        "--clients",
        choices=("ws", "browsers"),
        default="ws",
        help="who the load run's sessions are: websocket clients that speak Streamlit's "
        "protocol and draw nothing (ws, default: the server's own figures) or Chromium pages "
        "(browsers: what people wait for, browsers included)",
    )
    ap.add_argument(
        "--think",
        type=float,
        default=THINK_S,
        help="mean seconds a session reads a page before the next (default 1: a fast walk "
        "through every page; 10 or more is a seminar's pace)",
    )
    ap.add_argument(
        "--no-pin",
        action="store_true",
        help="let the server and the browsers share the CPUs in the load run (default: the "
        "server on CPU 0, the browsers on the others)",
    )
    ap.add_argument("--load-seconds", type=float, help="load run length (180; quick 60)")
    ap.add_argument("--scales", default="1,100,1000", help="query sizes (multiples of today)")
    ap.add_argument("--ports", help="port range for the servers, e.g. 8561-8569")
    ap.add_argument(
        "--scale-dir",
        type=Path,
        help="keep the scaled data folders of part scale here (and reuse them next time) "
        "instead of a temp dir; never inside the repository",
    )
    args = ap.parse_args(argv)
    parts = set((args.only or ",".join(PARTS)).split(","))
    unknown = parts - set(PARTS)
    if unknown:
        ap.error(f"unknown parts: {sorted(unknown)}")
    if args.scale_dir and (
        args.scale_dir.resolve() == REPO or REPO in args.scale_dir.resolve().parents
    ):
        ap.error("--scale-dir must be outside the repository (the data are synthetic)")
    if args.ports:
        lo, hi = (int(x) for x in args.ports.split("-"))
        bm.PORT_RANGE = range(lo, hi + 1)
    # Stopped from outside: unwind, so every server and browser this run started is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    os.chdir(REPO)
    (REPO / "artifacts").mkdir(exist_ok=True)
    if parts - {"queries"}:
        bm.check_chromium()
    result: dict[str, Any] = {"machine": bm.machine(), "args": vars(args) | {"out": str(args.out)}}
    result["loadavg"] = {"start": os.getloadavg()[0]}
    out = args.out or REPO / "artifacts" / (
        "benchmark-" + time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + ".json"
    )

    def step(part: str, fn) -> None:
        """Run one part; an error is recorded (and printed) and the other parts still run."""
        if part not in parts:
            return
        print(part, flush=True)
        try:
            result[part] = fn()
        except Exception as exc:  # noqa: BLE001 - reported in the output and JSON
            result.setdefault("errors", {})[part] = f"{type(exc).__name__}: {exc}"
            print(f"  {part} failed: {type(exc).__name__}: {exc}", flush=True)
        out.write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")

    def run_map() -> dict[str, Any]:
        server = bm.ServerSide()
        srv = {c.name: bm.measure_server(server, c, 5 if args.quick else 30) for c in bm.CASES}
        return {
            "server": srv,
            "browser": bm.run_browser(list(bm.CASES), 3 if args.quick else 5, REPO / "artifacts"),
        }

    scales = [int(x) for x in args.scales.split(",")]
    reps = {x: (3 if args.quick else 10) if x < 1000 else (1 if args.quick else 3) for x in scales}
    seconds = args.load_seconds or (60 if args.quick else 180)
    step("map", run_map)
    step("pages", lambda: run_pages(1 if args.quick else 3))
    step("queries", lambda: run_queries(scales, reps))
    step("coldstart", lambda: run_coldstart(1 if args.quick else 3))
    step(
        "wire",
        lambda: bench_wire.run_wire(
            3 if args.quick else 5, discover_pages(), page_url, measure_page
        ),
    )
    step(
        "scale",
        lambda: bench_scale.run_scale(scales, discover_pages(), page_url, args.scale_dir),
    )
    sessions = [int(x) for x in args.sessions.split(",")]
    globals()["THINK_S"] = args.think  # the sessions' reading time, for this run
    step("load", lambda: run_loads(sessions, seconds, not args.no_pin, args.clients))
    result["loadavg"]["end"] = os.getloadavg()[0]
    print()
    print(report(result))
    for part, err in result.get("errors", {}).items():
        print(f"{part}: {err}")
    out.write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
