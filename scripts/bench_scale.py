"""A replica at 1x, 100x and 1000x today's rows: start-up time, memory and every page, for
scripts/benchmark.py (the entry point).

Run from the repository root::

    .venv/bin/python scripts/benchmark.py --only scale --scales 1,100,1000

What "1000x" means here: ``data/observations.parquet`` with every real row kept and copied under
``factor - 1`` indicator ids that the catalogue does not list (``1.2.1#0001``, ...), sorted by
indicator, in a temporary data folder beside links to the other built files. The app's views
then show exactly what they show at 1x (the same indicators, selections, years and values),
while every scan of the table, every lookup and the replica's memory face ``factor`` times the
rows. (The query table of the benchmark, part ``queries``, grows the rows of each view instead:
districts x months under the same keys.) The generated files live in a temp dir and are deleted
at the end of the run.
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bench_map as bm

ID_MARK = "#"  # sorts below "." and digits: "1.2.1#0001" comes right after "1.2.1"
EXCEPTION = "[data-testid='stException']"


def scaled_observations(src: Path, out: Path, factor: int) -> dict[str, Any]:
    """Write ``out``: the rows of ``src`` and ``factor - 1`` copies of each under indicator ids
    the catalogue does not list, sorted by indicator id (then copy, then source row)."""
    import duckdb

    t0 = time.perf_counter()
    con = duckdb.connect()
    try:
        con.execute("SET threads = 2").fetchall()
        con.execute("SET enable_progress_bar = false").fetchall()
        con.execute("SELECT setseed(0.42)").fetchall()
        # Copies get a log-normal noise on the value (sigma 0.05, Box-Muller), so the file is
        # about as large as real data of that size rather than runs of identical values.
        rel = con.sql(
            f"""
            SELECT o.* REPLACE (
                       CASE WHEN k = 0 THEN o.indicator_id
                            ELSE o.indicator_id || '{ID_MARK}' || lpad(k::VARCHAR, 4, '0')
                       END AS indicator_id,
                       CASE WHEN k = 0 THEN o.value
                            ELSE o.value * exp(0.05 * sqrt(-2 * ln(1 - random()))
                                               * cos(2 * pi() * random()))
                       END AS value)
            FROM read_parquet($src) o, range($factor) r(k)
            ORDER BY o.indicator_id, k, o.source_row
            """,  # noqa: S608 - ID_MARK is a constant
            params={"src": str(src), "factor": int(factor)},
        )
        rel.write_parquet(str(out), compression="zstd")
        rows = con.execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchall()[0][0]
    finally:
        con.close()
    return {"rows": rows, "bytes": out.stat().st_size, "generate_s": time.perf_counter() - t0}


def scaled_data_dir(data: Path, root: Path, factor: int) -> tuple[Path, dict[str, Any]]:
    """A data folder under ``root``: links to every built file of ``data`` except the
    observations, which are :func:`scaled_observations` (``factor`` 1: a link to the real file).
    A folder left by an earlier run (``--scale-dir``) is used as it is."""
    out = root / f"data-{factor}x"
    done = out / "observations.parquet"
    if done.exists() and (out / "indicators.parquet").exists():
        import pyarrow.parquet as pq

        rows = pq.ParquetFile(done).metadata.num_rows
        return out, {"rows": rows, "bytes": done.stat().st_size, "generate_s": 0.0, "reused": True}
    out.mkdir(parents=True)
    for item in data.iterdir():
        if item.name != "observations.parquet":
            (out / item.name).symlink_to(item.resolve(), target_is_directory=item.is_dir())
    target = out / "observations.parquet"
    if factor == 1:
        import pyarrow.parquet as pq

        target.symlink_to((data / "observations.parquet").resolve())
        rows = pq.ParquetFile(target).metadata.num_rows
        return out, {"rows": rows, "bytes": target.stat().st_size, "generate_s": 0.0}
    return out, scaled_observations(data / "observations.parquet", target, factor)


class PeakRss:
    """Samples a process tree's resident memory every 0.25 s; keeps the peak."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, bm.rss_tree(self.pid))
            self._stop.wait(0.25)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def measure_replica(
    browser, data_dir: Path, pages: list[dict], page_url: Callable, log: Path
) -> dict[str, Any]:
    """Start a replica over ``data_dir``: seconds to healthy and to the overview's map painted,
    resident memory then, every page opened (no exception, seconds each), memory after."""
    rss_tree = bm.rss_tree
    server = bm.StreamlitServer(
        "dashboard.py", bm.REPO, log, env={"SDGDASH_DATA_DIR": str(data_dir)}
    )
    out: dict[str, Any] = {"pages": {}}
    t0 = time.monotonic()
    try:
        server.start()
        out["health_s"] = time.monotonic() - t0
        with PeakRss(server.proc.pid) as peak:
            ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ru-RU")
            page = ctx.new_page()
            page.goto(server.url + "/?lang=ru", timeout=bm.PAGE_TIMEOUT_MS * 4)
            page.wait_for_selector(bm.MAP_PATHS, timeout=bm.PAGE_TIMEOUT_MS * 4)
            out["first_paint_s"] = time.monotonic() - t0
            out["rss_first_page"] = rss_tree(server.proc.pid)
            ctx.close()
            for pg in pages:
                ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ru-RU")
                page = ctx.new_page()
                t1 = time.monotonic()
                try:
                    page.goto(server.url + page_url(pg), timeout=bm.PAGE_TIMEOUT_MS * 4)
                    page.wait_for_selector("h1", timeout=bm.PAGE_TIMEOUT_MS * 4)
                    page.wait_for_function(_SETTLED, timeout=bm.PAGE_TIMEOUT_MS * 4, polling=200)
                    errors = page.locator(EXCEPTION).count()
                    out["pages"][pg["url_path"]] = {
                        "s": time.monotonic() - t1,
                        "exceptions": errors,
                    }
                except Exception as exc:  # noqa: BLE001 - reported
                    out["pages"][pg["url_path"]] = {"error": f"{type(exc).__name__}"}
                finally:
                    ctx.close()
            out["rss_after_pages"] = rss_tree(server.proc.pid)
        out["rss_peak"] = peak.peak
    finally:
        server.close()
    out["pages_ok"] = all(
        "error" not in p and not p.get("exceptions") for p in out["pages"].values()
    )
    return out


_SETTLED = """() => {
    const app = document.querySelector("[data-testid='stApp']");
    return app && app.dataset.testScriptState !== "running"
        && !document.querySelector("[data-testid='stStatusWidget']")
        && document.querySelectorAll("[data-testid='stSkeleton']").length === 0;
}"""


def run_scale(
    scales: list[int], pages: list[dict], page_url: Callable, keep: Path | None = None
) -> dict[str, Any]:
    """A replica at each scale: generation, start-up, memory, every page. The data folders are
    made in a temp dir and deleted, or kept in (and reused from) ``keep``."""
    chromium = bm.check_chromium()
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {}
    with (
        sync_playwright() as p,
        tempfile.TemporaryDirectory(prefix="sdgdash-bench-scale-") as tmp,
    ):
        root = keep or Path(tmp)
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=bm.CHROMIUM_ARGS)
        try:
            for factor in scales:
                print(f"  replica at {factor}x: generating", flush=True)
                data_dir, gen = scaled_data_dir(bm.REPO / "data", root, factor)
                print(f"  replica at {factor}x: start and every page", flush=True)
                try:
                    res = measure_replica(
                        browser,
                        data_dir,
                        pages,
                        page_url,
                        bm.REPO / "artifacts" / f"bench-scale-{factor}x.log",
                    )
                except Exception as exc:  # noqa: BLE001 - reported, the other scales still run
                    res = {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0]}"}
                out[f"{factor}x"] = {**gen, **res}
                obs = data_dir / "observations.parquet"
                if keep is None and not obs.is_symlink():
                    obs.unlink()
        finally:
            browser.close()
    return out


def scale_report(scale: dict[str, Any]) -> list[str]:
    """Table 10: a replica at each scale."""
    lines = [
        "",
        "10. One replica at 1x, 100x, 1000x rows (observations as a Parquet view; extra rows under "
        "unlisted indicator ids, so the views are those of 1x)",
    ]
    rows = []
    for name, s in scale.items():
        if "error" in s:
            rows.append([name, "-", "-", "-", "-", "-", "-", s["error"][:50]])
            continue
        times = [p["s"] for p in s["pages"].values() if "s" in p]
        slowest = max(s["pages"], key=lambda k: s["pages"][k].get("s", 0)) if times else "-"
        rows.append(
            [
                f"{name} ({s['rows']:,} rows)" if s.get("rows") else name,
                f"{s['bytes'] / 1e6:,.0f}",
                f"{s['health_s']:.1f}",
                f"{s['first_paint_s']:.1f}",
                f"{s['rss_first_page'] / 1e6:,.0f} / {s['rss_after_pages'] / 1e6:,.0f} / "
                f"{s['rss_peak'] / 1e6:,.0f}",
                f"{statistics.median(times):.1f} / {max(times):.1f} ({slowest})" if times else "-",
                "yes" if s["pages_ok"] else "no",
                ", ".join(k for k, p in s["pages"].items() if "error" in p or p.get("exceptions")),
            ]
        )
    lines.append(
        bm.table(
            [
                "size",
                "Parquet MB",
                "healthy s",
                "first map s",
                "RSS MB first page / all pages / peak",
                "page s median / max",
                "every page works",
                "failed",
            ],
            rows,
        )
    )
    return lines
