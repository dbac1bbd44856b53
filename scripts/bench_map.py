"""Map view measurements for scripts/benchmark.py (the entry point): bytes sent to the browser,
server build time, browser repaint time.

Run from the repository root::

    .venv/bin/python scripts/benchmark.py --only map          # this part alone

It prints numbers and asserts nothing about time: machines differ and are shared, so the browser
latency is reported next to a trivial Streamlit app's round trip measured in the same run.
Everything runs on localhost: `streamlit run` on free local ports and Debian's Chromium
(``/usr/bin/chromium``, or ``SDGDASH_CHROMIUM``) driven by Playwright, with every request that is
not to this machine sent to a closed local port. See docs/PERFORMANCE.md for what each number means.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlparse

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: make `sdgdash` importable from the repo root
    sys.path.insert(0, str(REPO))

from sdgdash import headless  # noqa: E402 - after the sys.path line above

# The national platform ships one 1,765,029-byte GeoJSON map layer per indicator (stated in the
# issue that asked for this benchmark); the map view's payload is compared against it.
PLATFORM_GEOJSON_BYTES = 1_765_029
# sdgdash.headless's flags plus a proxy on a closed local port: Chromium never sends loopback
# traffic through a proxy, so anything not addressed to this machine fails at once.
CHROMIUM_ARGS = [*headless.CHROMIUM_ARGS, "--proxy-server=http://127.0.0.1:9"]
CHROMIUM = headless.CHROMIUM
HEALTH_TIMEOUT_S = 90
PAGE_TIMEOUT_MS = 90_000
QUIET_S = 1.0  # no websocket frame for this long = the run is over

MAP_PATHS = "path.choroplethlocation"
# The focusable part of a slider: a visually hidden range input (react-aria, Streamlit 1.67) or,
# in older releases, an element with role="slider".
SLIDER_THUMB = (
    "[data-testid='stSlider'] input[type='range'], [data-testid='stSlider'] [role='slider']"
)
# What the user sees of a map: the fill of every region path (changes when a new figure is drawn).
MAP_SIGNATURE_JS = f"""() => {{
    const ps = Array.from(document.querySelectorAll("{MAP_PATHS}"));
    return ps.length + ":" + ps.map(p => p.style.fill || p.getAttribute("fill") || "").join("|");
}}"""
BASELINE_SIGNATURE_JS = """() => {
    const el = Array.from(document.querySelectorAll("[data-testid='stMarkdown']"))
        .find(e => e.innerText.includes("value:"));
    return el ? el.innerText : "";
}"""
BASELINE_APP = textwrap.dedent(
    """\
    import streamlit as st

    n = st.select_slider("n", options=list(range(60)), value=50, key="n")
    st.markdown(f"value: {n}")
    """
)


@dataclass(frozen=True)
class Case:
    """One real selection: the page URL it is opened with and the selection it resolves to."""

    name: str
    page: str  # "map" or "overview"
    indicator_id: str
    year: int | None  # None: the page's default (latest year)
    picks: dict[str, str] = field(default_factory=dict)  # selection columns given in the URL

    def url_params(self) -> dict[str, str]:
        """Query parameters that open this view (nothing for the overview page's default)."""
        if self.page == "overview":
            return {"lang": "ru"}
        params = {"lang": "ru", "ind": self.indicator_id, **self.picks}
        if self.year is not None:
            params["year"] = str(self.year)
        return params


CASES: tuple[Case, ...] = (
    Case("1.2.1 2023 (20 units)", "map", "1.2.1", 2023),
    Case("1.2.1 2016 (17 units)", "map", "1.2.1", 2016),
    Case("3.2.1 2016 both sexes (16 units)", "map", "3.2.1", 2016, {"sex": "_T"}),
    Case("11.6.2 2023 (city-heavy)", "map", "11.6.2", 2023),
    Case("8.5.2 2023 women", "map", "8.5.2", 2023, {"sex": "F"}),
    Case("overview default (1.2.1)", "overview", "1.2.1", None),
)


# --------------------------------------------------------------------------------------------
# statistics and formatting


def median(xs: list[float]) -> float | None:
    """Median, or None for no values."""
    return statistics.median(xs) if xs else None


def p95(xs: list[float]) -> float | None:
    """95th percentile by linear interpolation (with 5 values this is close to the maximum)."""
    if not xs:
        return None
    s = sorted(xs)
    k = (len(s) - 1) * 0.95
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def kb(n: float | None) -> str:
    """Bytes as kB (1000 bytes) with one decimal."""
    return "-" if n is None else f"{n / 1000:,.1f}"


def ms(x: float | None) -> str:
    """Milliseconds with no decimals."""
    return "-" if x is None else f"{x:,.0f}"


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A plain fixed-width text table (first column left-aligned, the rest right-aligned)."""
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def line(r: list[str]) -> str:
        cells = [
            str(c).ljust(w) if i == 0 else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), sep, *(line(r) for r in rows)])


# --------------------------------------------------------------------------------------------
# 1 + 2: the figure built server-side, exactly as the page builds it, without Streamlit caches


class ServerSide:
    """The app's data and map functions without Streamlit's caches (sdgdash.data.source.Source,
    features.map: the very functions the pages call)."""

    def __init__(self) -> None:
        from sdgdash.config import Settings
        from sdgdash.data.source import Source

        self.data = Source(Settings.from_env())
        self.data.labels()  # read once, like the cache resources

    def resolve(self, case: Case):
        """The selection and year the page resolves the case's URL to (as the pickers do)."""
        from sdgdash.features.map import view as mapview

        params = {"ind": case.indicator_id, "year": str(case.year or "")}
        if case.page != "overview":
            params.update(case.picks)
        query = mapview.query_from_params(self.data, params)
        return query.selection, query.year

    def build(self, case: Case) -> tuple[Any, Any, dict[str, float]]:
        """The page's map: map_view (queries + layout rule) then map_figure and to_json, as the
        map page draws it; returns timings (ms)."""
        from sdgdash.features.map import view as mapview
        from sdgdash.features.map.charts import map_figure

        sel, year = self.resolve(case)
        t0 = time.perf_counter()
        view = mapview.map_view(self.data, sel, year)
        t1 = time.perf_counter()
        fig = map_figure(self.data, view, "ru")
        t2 = time.perf_counter()
        fig_json = fig.to_json()
        t3 = time.perf_counter()
        timings = {
            "query": (t1 - t0) * 1000,
            "split_build": (t2 - t1) * 1000,
            "to_json": (t3 - t2) * 1000,
            "total": (t3 - t0) * 1000,
        }
        return view, (fig, fig_json), timings


def measure_server(server: ServerSide, case: Case, reps: int) -> dict[str, Any]:
    """Size of the figure JSON (and how much of it is boundary geometry) and build times."""
    view, (fig, fig_json), _ = server.build(case)  # warm-up: imports, first geojson read
    shapes = [getattr(tr, "geojson", None) for tr in fig.data]
    # A trace carries its shapes (a dict) or the URL of the published layout (a string).
    geo_bytes = [len(json.dumps(g, separators=(",", ":"))) for g in shapes if isinstance(g, dict)]
    geo_urls = sorted({g for g in shapes if isinstance(g, str)})
    runs = [server.build(case)[2] for _ in range(reps)]
    total = [r["total"] for r in runs]
    return {
        "layout": view.layout,
        "units_drawn": len(view.drawn),
        "values_not_drawn": len(view.not_drawn),
        "traces": len(fig.data),
        "figure_json_bytes": len(fig_json.encode("utf-8")),
        "geojson_copies": len(geo_bytes),
        "geojson_bytes_total": sum(geo_bytes),
        "geojson_urls": geo_urls,
        "reps": reps,
        "total_ms_median": median(total),
        "total_ms_p95": p95(total),
        "query_ms_median": median([r["query"] for r in runs]),
        "split_build_ms_median": median([r["split_build"] for r in runs]),
        "to_json_ms_median": median([r["to_json"] for r in runs]),
    }


# --------------------------------------------------------------------------------------------
# servers and browser


# Ports the servers may use (benchmark.py --ports); None: any free port the system gives.
PORT_RANGE: range | None = None


def free_port() -> int:
    """A free TCP port on 127.0.0.1 (from PORT_RANGE when set)."""
    for port in PORT_RANGE or [0]:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError(f"no free port in {PORT_RANGE}")


class WireCounter:
    """A TCP forwarder on a free local port in front of a server, counting the bytes that cross
    it each way as they are on the wire (after HTTP gzip or websocket deflate, with framing and
    headers). The browser talks to the forwarder; a connection whose first request is the
    websocket (``/_stcore/stream``) counts as websocket, any other as HTTP."""

    def __init__(self) -> None:
        self.target = 0  # the server's port (set again when the server restarts)
        self.port = 0
        self.counts = {"ws_down": 0, "ws_up": 0, "http_down": 0, "http_up": 0}
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> int:
        """Listen on a free port (once); return it."""
        if self._thread is not None:
            return self.port
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            server = loop.run_until_complete(
                asyncio.start_server(self._handle, "127.0.0.1", free_port())
            )
            self.port = server.sockets[0].getsockname()[1]
            ready.set()
            try:
                loop.run_forever()
            finally:
                server.close()
                loop.close()

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        ready.wait(10)
        return self.port

    def stop(self) -> None:
        """Stop listening."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(5)
        self._loop = self._thread = None

    def snapshot(self) -> dict[str, int]:
        """The counts so far (bytes down = server to browser, up = browser to server)."""
        with self._lock:
            return dict(self.counts)

    def since(self, before: dict[str, int]) -> dict[str, int]:
        """Bytes counted since ``before`` (a :meth:`snapshot`)."""
        now = self.snapshot()
        return {k: now[k] - before.get(k, 0) for k in now}

    def _add(self, key: str, n: int) -> None:
        with self._lock:
            self.counts[key] += n

    async def _handle(self, reader, writer) -> None:
        try:
            first = await reader.read(65536)
            if not first:
                return
            kind = "ws" if b"/_stcore/stream" in first.split(b"\r\n", 1)[0] else "http"
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target)
        except OSError:
            writer.close()
            return
        self._add(f"{kind}_up", len(first))
        up_writer.write(first)

        async def pump(src, dst, key: str) -> None:
            try:
                while data := await src.read(65536):
                    self._add(key, len(data))
                    dst.write(data)
                    await dst.drain()
            except (OSError, asyncio.IncompleteReadError):
                pass
            finally:
                with contextlib.suppress(OSError, RuntimeError):
                    dst.close()

        await asyncio.gather(
            pump(reader, up_writer, f"{kind}_up"), pump(up_reader, writer, f"{kind}_down")
        )


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children so far, in seconds (0 if gone)."""
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0.0
    for p in procs:
        with contextlib.suppress(psutil.Error):
            t = p.cpu_times()
            total += t.user + t.system
    return total


def rss_tree(pid: int) -> int:
    """Resident memory of a process and its children, bytes."""
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for q in procs:
        with contextlib.suppress(psutil.Error):
            total += q.memory_info().rss
    return total


class StreamlitServer:
    """`streamlit run script` on a free local port (headless, no usage stats), restartable.

    The file watcher is off so other people's edits to the working tree during a run cannot
    trigger "source changed" messages that would count as map traffic. On a shared machine a
    server can be stopped from outside mid-run; :meth:`ensure` starts a new one and counts it.
    With ``wire``, the browser reaches it through a :class:`WireCounter` (``url`` is the
    counter's), so the bytes on the wire can be read; ``args`` are more ``streamlit run`` options;
    ``cpus`` pins the server (every thread it starts) to those CPUs.
    """

    def __init__(
        self,
        script: str,
        cwd: Path,
        log_path: Path,
        args: tuple[str, ...] = (),
        wire: bool = False,
        env: dict[str, str] | None = None,
        cpus: set[int] | None = None,
    ) -> None:
        self.script, self.cwd, self.log_path = script, cwd, log_path
        self.args, self.env, self.cpus = args, env, cpus
        self.wire = WireCounter() if wire else None
        self.proc: subprocess.Popen | None = None
        self.url = ""
        self.direct = ""
        self.starts = 0

    def start(self) -> None:
        """Start the server and wait for its health endpoint."""
        port = free_port()
        cmd = headless.streamlit_command(
            sys.executable,
            self.script,
            port,
            "--server.fileWatcherType",
            "none",
            "--server.runOnSave",
            "false",
            *self.args,
        )
        self.direct = f"http://127.0.0.1:{port}"
        self.url = self.direct
        if self.wire is not None:
            self.wire.target = port
            self.url = f"http://127.0.0.1:{self.wire.start()}"
        env = None if self.env is None else {**os.environ, **self.env}
        cpus = self.cpus
        pin = (lambda: os.sched_setaffinity(0, cpus)) if cpus else None
        with self.log_path.open("a") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(
                cmd, cwd=self.cwd, stdout=log, stderr=subprocess.STDOUT, env=env, preexec_fn=pin
            )
        self.starts += 1
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while not self.healthy():
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"streamlit exited with {self.proc.returncode}; see {self.log_path}"
                )
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"streamlit not healthy after {HEALTH_TIMEOUT_S} s; see {self.log_path}"
                )
            time.sleep(0.3)

    def healthy(self) -> bool:
        """True when the process runs and answers /_stcore/health."""
        if self.proc is None or self.proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(self.direct + "/_stcore/health", timeout=2) as r:
                return r.read() == b"ok"
        except OSError:
            return False

    def cpu_s(self) -> float:
        """CPU seconds the server (and its children) used so far."""
        return cpu_seconds(self.proc.pid) if self.proc is not None else 0.0

    def ensure(self) -> bool:
        """Make sure a healthy server runs; True when one had to be (re)started."""
        if self.healthy():
            return False
        self.stop()
        self.start()
        return True

    def stop(self) -> None:
        """Stop the server this object started (only that process)."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None

    def close(self) -> None:
        """Stop the server and its wire counter."""
        self.stop()
        if self.wire is not None:
            self.wire.stop()


@contextmanager
def running(server: StreamlitServer) -> Iterator[StreamlitServer]:
    """Start ``server`` and stop it whatever happens."""
    try:
        server.start()
        yield server
    finally:
        server.close()


def with_server(server: StreamlitServer, measure, warm=None, attempts: int = 3) -> dict[str, Any]:
    """``measure(url)`` against a healthy server; retried when the server died under it.

    A failure while the server stays healthy is a real one: it is returned as {"error": ...}
    so the other selections are still measured.
    """
    last = ""
    for _ in range(attempts):
        if server.ensure() and warm is not None:
            warm(server.url)
        try:
            return measure(server.url)
        except Exception as exc:  # noqa: BLE001 - reported in the results
            last = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            if server.healthy():
                return {"error": last}
    return {"error": f"server kept dying; last error {last}"}


def check_chromium() -> str:
    """The Chromium executable, or exit with a clear message."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    found = shutil.which("chromium")
    if found:
        return found
    sys.exit(
        f"error: {CHROMIUM} is missing. Install Debian's Chromium (scripts/test.sh does: "
        "apt-get install chromium) or set SDGDASH_CHROMIUM to a Chromium executable."
    )


def _is_static(path: str) -> bool:
    return (
        path.startswith("/static/")
        or path.endswith(
            (".js", ".css", ".woff", ".woff2", ".ttf", ".svg", ".png", ".ico", ".html")
        )
        or path in ("", "/", "/map", "/overview")
    )


class Recorder:
    """Records what one page receives: HTTP responses and websocket frames, in order."""

    def __init__(self, page) -> None:
        self.requests: list = []
        self.outside: list[str] = []
        self.frames: list[tuple[float, bytes]] = []
        self.sent_bytes = 0
        page.on("requestfinished", self._on_request_done)
        page.on("requestfailed", self._on_request_done)
        page.on("request", self._check_local)
        page.on("websocket", self._on_ws)

    def _on_request_done(self, request) -> None:
        self.requests.append(request)

    def _check_local(self, request) -> None:
        if headless.is_outside(request.url):
            self.outside.append(request.url)

    def _on_ws(self, ws) -> None:
        if headless.is_outside(ws.url):
            self.outside.append(ws.url)
        ws.on("framereceived", self._on_frame)
        ws.on("framesent", self._on_sent)

    def _on_frame(self, payload: bytes | str) -> None:
        data = payload.encode("utf-8") if isinstance(payload, str) else bytes(payload)
        self.frames.append((time.monotonic(), data))

    def _on_sent(self, payload: bytes | str) -> None:
        self.sent_bytes += len(payload)

    def ws_bytes(self, start: int = 0) -> int:
        """Payload bytes of the frames received since frame number ``start``."""
        return sum(len(d) for _, d in self.frames[start:])

    def http_bytes(self) -> dict[str, int]:
        """Response bytes as transferred (body after compression, plus headers), by kind."""
        out = {"static": 0, "other": 0, "count": 0}
        for req in self.requests:
            if urlparse(req.url).scheme not in ("http", "https"):
                continue
            try:
                sizes = req.sizes()
            except Exception:  # failed request without a response
                continue
            n = sizes.get("responseBodySize", 0) + sizes.get("responseHeadersSize", 0)
            out["static" if _is_static(urlparse(req.url).path) else "other"] += max(n, 0)
            out["count"] += 1
        return out


def message_kind(data: bytes) -> str:
    """What a websocket frame carries: the element type of a new element, else the message type."""
    try:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = ForwardMsg.FromString(data)
    except Exception:  # noqa: BLE001 - not a ForwardMsg (should not happen): count it anyway
        return "undecoded"
    kind = msg.WhichOneof("type") or "none"
    if kind == "delta":
        kind = msg.delta.WhichOneof("type") or "delta"
        if kind == "new_element":
            kind = msg.delta.new_element.WhichOneof("type") or "element"
    return kind


def ws_breakdown(frames: list[tuple[float, bytes]]) -> dict[str, Any]:
    """Split websocket payload bytes by what Streamlit sent (plotly figures, tables, other)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    by_kind: dict[str, int] = {}
    plotly_specs: list[int] = []
    for _, data in frames:
        kind = message_kind(data)
        if kind == "plotly_chart":
            spec = ForwardMsg.FromString(data).delta.new_element.plotly_chart.spec
            plotly_specs.append(len(spec.encode("utf-8")))
        by_kind[kind] = by_kind.get(kind, 0) + len(data)
    return {
        "by_kind": dict(sorted(by_kind.items(), key=lambda kv: -kv[1])),
        "plotly_specs": plotly_specs,
    }


def wait_settled(page, rec: Recorder, timeout_s: float = PAGE_TIMEOUT_MS / 1000) -> None:
    """Wait until the app shows no running indicator and no websocket frame came for QUIET_S."""
    page.wait_for_selector("[data-testid='stApp']", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_function(
        """() => !document.querySelector("[data-testid='stStatusWidget']")
                 && document.querySelectorAll("[data-testid='stSkeleton']").length === 0""",
        timeout=PAGE_TIMEOUT_MS,
    )
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        last = rec.frames[-1][0] if rec.frames else 0.0
        if time.monotonic() - last >= QUIET_S:
            return
        page.wait_for_timeout(100)
    raise TimeoutError("the page kept receiving websocket frames")


def _wire_before(server: StreamlitServer | None) -> tuple[dict[str, int] | None, float]:
    """What the wire counter and the server's CPU clock say now (to subtract later)."""
    if server is None:
        return None, 0.0
    return (server.wire.snapshot() if server.wire else None), server.cpu_s()


def _wire_since(
    server: StreamlitServer | None, before: tuple[dict[str, int] | None, float]
) -> dict[str, Any]:
    """Bytes on the wire and server CPU ms since ``before`` (empty without a server)."""
    if server is None:
        return {}
    out: dict[str, Any] = {"server_cpu_ms": (server.cpu_s() - before[1]) * 1000}
    if server.wire is not None and before[0] is not None:
        out["wire"] = server.wire.since(before[0])
    return out


def measure_load(
    browser, url: str, wait_map: bool, server: StreamlitServer | None = None
) -> dict[str, Any]:
    """Open ``url`` in a fresh context (empty cache); bytes received until the run is over
    (with ``server``: also as counted on the wire, and the server's CPU time)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ru-RU")
    try:
        page = context.new_page()
        rec = Recorder(page)
        before = _wire_before(server)
        page.goto(url, timeout=PAGE_TIMEOUT_MS)
        if wait_map:
            page.wait_for_selector(MAP_PATHS, timeout=PAGE_TIMEOUT_MS)
        wait_settled(page, rec)
        http = rec.http_bytes()
        return {
            **_wire_since(server, before),
            "http_static_bytes": http["static"],
            "http_other_bytes": http["other"],
            "http_responses": http["count"],
            "ws_bytes": rec.ws_bytes(),
            "ws_frames": len(rec.frames),
            "ws_sent_bytes": rec.sent_bytes,
            "ws": ws_breakdown(rec.frames),
            "map_paths": page.locator(MAP_PATHS).count(),
            "outside_requests": rec.outside,
        }
    finally:
        context.close()


def measure_latency(
    browser,
    url: str,
    signature_js: str,
    reps: int,
    ready_selector: str,
    content_kind: str,
    server: StreamlitServer | None = None,
    back: bool = False,
) -> dict[str, Any]:
    """Press ArrowLeft on the (first) select_slider ``reps`` times; time each until repaint.
    With ``back``, then press ArrowRight as often, back through the years just shown (what the
    server cached for them is warm): those changes are reported under ``"back"``.

    The clock starts in the page right before the key press and stops on the first animation
    frame where ``signature_js`` (what is drawn) differs from before the press. With ``server``,
    each change's bytes on the wire and the server's CPU time are recorded too.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ru-RU")
    try:
        page = context.new_page()
        rec = Recorder(page)
        page.goto(url, timeout=PAGE_TIMEOUT_MS)
        page.wait_for_selector(ready_selector, state="attached", timeout=PAGE_TIMEOUT_MS)
        wait_settled(page, rec)
        thumb = page.locator(SLIDER_THUMB).first
        steps = (signature_js, reps, content_kind, server)
        out = _year_steps(page, rec, thumb, "ArrowLeft", *steps)
        if back:
            out["back"] = _year_steps(page, rec, thumb, "ArrowRight", *steps)
        out["outside_requests"] = rec.outside
        return out
    finally:
        context.close()


def _year_steps(
    page, rec, thumb, key: str, signature_js: str, reps: int, content_kind: str, server
) -> dict[str, Any]:
    """``reps`` presses of ``key`` on the slider ``thumb``, each timed until the repaint."""
    times, change_bytes, first_frame, figure_in, errors = [], [], [], [], []
    wire_ws, cpu_ms = [], []
    for _ in range(reps):
        before = page.evaluate(signature_js)
        start = len(rec.frames)
        counted = _wire_before(server)
        thumb.focus()
        page.evaluate("() => { window.__bench_t0 = performance.now(); }")
        pressed = time.monotonic()
        page.keyboard.press(key)
        try:
            page.wait_for_function(
                f"""(before) => {{
                    const now = ({signature_js})();
                    if (now && now !== before) {{
                        window.__bench_t1 = performance.now();
                        return true;
                    }}
                    return false;
                }}""",
                arg=before,
                polling="raf",
                timeout=PAGE_TIMEOUT_MS,
            )
        except Exception as exc:  # noqa: BLE001 - reported, the run goes on
            errors.append(f"no repaint: {type(exc).__name__}")
            wait_settled(page, rec)
            continue
        times.append(page.evaluate("() => window.__bench_t1 - window.__bench_t0"))
        wait_settled(page, rec)
        change_bytes.append(rec.ws_bytes(start))
        spent = _wire_since(server, counted)
        if "wire" in spent:
            wire_ws.append(spent["wire"]["ws_down"])
        if spent:
            cpu_ms.append(spent["server_cpu_ms"])
        frames = rec.frames[start:]
        if frames:
            first_frame.append((frames[0][0] - pressed) * 1000)
        arrived = [t for t, d in frames if message_kind(d) == content_kind]
        if arrived:
            figure_in.append((arrived[0] - pressed) * 1000)
    return {
        "reps": reps,
        "key": key,
        "times_ms": times,
        "median_ms": median(times),
        "p95_ms": p95(times),
        # Python-side clock, so a few ms late: when the server's first reply and the new
        # figure (or the baseline's text) reached the browser.
        "first_frame_ms_median": median(first_frame),
        "content_received_ms_median": median(figure_in),
        "ws_bytes_per_change_median": median(change_bytes),
        "wire_ws_bytes_per_change_median": median(wire_ws),
        "server_cpu_ms_per_change": cpu_ms,
        "server_cpu_ms_per_change_median": median(cpu_ms),
        "errors": errors,
    }


def run_browser(
    cases: list[Case], reps: int, log_dir: Path, app_args: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Load bytes and change latency for every case, and the trivial app's round trip
    (``app_args``: more ``streamlit run`` options for the app, e.g. websocket compression)."""
    chromium = check_chromium()
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {"cases": {}}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            out["chromium"] = browser.version
            with tempfile.TemporaryDirectory(prefix="sdgdash-bench-") as tmp:
                app = Path(tmp) / "trivial_app.py"
                app.write_text(BASELINE_APP, encoding="utf-8")
                trivial = StreamlitServer(
                    app.name, Path(tmp), log_dir / "bench-trivial.log", wire=True
                )
                with running(trivial):
                    print("  trivial app: load and round trips", flush=True)
                    out["baseline_load"] = with_server(
                        trivial, lambda url: measure_load(browser, url, False, trivial)
                    )
                    out["baseline"] = with_server(
                        trivial,
                        lambda url: measure_latency(
                            browser,
                            url,
                            BASELINE_SIGNATURE_JS,
                            reps * 2,
                            SLIDER_THUMB,
                            "markdown",
                            trivial,
                        ),
                    )
                out["baseline_server_starts"] = trivial.starts

            def warm(url: str) -> None:
                # The first session of a fresh server reroutes through dashboard.py (see
                # state.page_lang); open the app once so measured loads are ordinary ones.
                measure_load(browser, url + "/?lang=ru", wait_map=True)

            app_server = StreamlitServer(
                "dashboard.py", REPO, log_dir / "bench-streamlit.log", app_args, wire=True
            )
            with running(app_server):
                warm(app_server.url)
                for case in cases:
                    path = ("/map" if case.page == "map" else "/") + "?"
                    query = urlencode(case.url_params())
                    print(f"  {case.name}: load and year changes", flush=True)
                    out["cases"][case.name] = {
                        "url": path + query,
                        "load": with_server(
                            app_server,
                            lambda url, q=path + query: measure_load(
                                browser, url + q, True, app_server
                            ),
                            warm,
                        ),
                        "change": with_server(
                            app_server,
                            lambda url, q=path + query: measure_latency(
                                browser,
                                url + q,
                                MAP_SIGNATURE_JS,
                                reps,
                                MAP_PATHS,
                                "plotly_chart",
                                app_server,
                                back=True,
                            ),
                            warm,
                        ),
                    }
            out["app_server_starts"] = app_server.starts
        finally:
            browser.close()
    return out


# --------------------------------------------------------------------------------------------
# report


def machine() -> dict[str, Any]:
    """Where and when the numbers were taken."""
    import plotly
    import streamlit

    def git(*args: str) -> str:
        try:
            r = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=10)
            return r.stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "streamlit": streamlit.__version__,
        "plotly": plotly.__version__,
        "git_commit": git("rev-parse", "--short", "HEAD"),
        "git_dirty": bool(git("status", "--porcelain")),
    }


def report(result: dict[str, Any]) -> str:
    """The plain-text tables printed at the end."""
    m = result["machine"]
    browser = result.get("browser") or {}
    lines = [
        f"sdgdash benchmark  {m['date']}",
        f"machine: {m['nproc']} CPUs, Python {m['python']}, {m['platform']}",
        f"streamlit {m['streamlit']}, plotly {m['plotly']}, "
        f"chromium {browser.get('chromium', '-')}, git {m['git_commit']}{' (uncommitted changes)' if m['git_dirty'] else ''}",
        "",
        "1. Bytes sent to the browser (kB = 1000 bytes; platform layer = "
        f"{PLATFORM_GEOJSON_BYTES:,} bytes per indicator)",
    ]
    rows = []
    for name, s in result["server"].items():
        b = browser.get("cases", {}).get(name, {})
        load = b.get("load", {})
        ws = load.get("ws_bytes")
        plotly_ws = sum(load.get("ws", {}).get("plotly_specs", [])) if load else None
        per_copy = s["geojson_bytes_total"] / max(s["geojson_copies"], 1)
        wire = load.get("wire", {})
        rows.append(
            [
                name,
                f"{s['layout']}/{s['units_drawn']}",
                kb(s["figure_json_bytes"]),
                f"{s['geojson_copies']}x {kb(per_copy)}"
                if s["geojson_copies"]
                else ("URL" if s.get("geojson_urls") else "0"),
                kb(ws),
                kb(plotly_ws),
                kb(wire.get("ws_down")),
                kb(wire.get("http_down")),
                kb(load.get("http_static_bytes")),
                kb(load.get("http_other_bytes")),
                f"{s['figure_json_bytes'] / PLATFORM_GEOJSON_BYTES:.1%}",
                "-" if ws is None else f"{ws / PLATFORM_GEOJSON_BYTES:.1%}",
            ]
        )
    lines.append(
        table(
            [
                "selection",
                "layout/units",
                "fig JSON",
                "geojson in fig",
                "WS page run",
                "WS figures",
                "wire WS",
                "wire HTTP",
                "HTTP static",
                "HTTP other",
                "fig/platform",
                "WS/platform",
            ],
            rows,
        )
    )
    lines += ["", "2. Server time to build the figure (query + split + choropleth + to_json), ms"]
    rows = [
        [
            name,
            str(s["reps"]),
            ms(s["total_ms_median"]),
            ms(s["total_ms_p95"]),
            ms(s["query_ms_median"]),
            ms(s["split_build_ms_median"]),
            ms(s["to_json_ms_median"]),
        ]
        for name, s in result["server"].items()
    ]
    lines.append(table(["selection", "N", "median", "p95", "query", "split+fig", "to_json"], rows))
    if browser:
        base = browser.get("baseline", {})
        lines += [
            "",
            "3. Browser: year changed on the slider (ArrowLeft: a year not drawn before; then"
            " ArrowRight back through them, cached) -> map repainted, ms",
            "4. Baseline: the same on a trivial Streamlit app (select_slider -> text), same run",
        ]
        rows = [
            [
                "trivial app (baseline)",
                str(len(base.get("times_ms", []))),
                ms(base.get("median_ms")),
                ms(base.get("p95_ms")),
                "1.00",
                ms(base.get("first_frame_ms_median")),
                ms(base.get("content_received_ms_median")),
                kb(base.get("ws_bytes_per_change_median")),
                kb(base.get("wire_ws_bytes_per_change_median")),
                ms(base.get("server_cpu_ms_per_change_median")),
            ]
        ]
        errors = [f"baseline: {base['error']}"] if "error" in base else []
        errors += [f"baseline: {e}" for e in base.get("errors", [])]
        for name, b in browser["cases"].items():
            # each year once (first time this server draws it), then back (drawn before)
            for label, c in (
                (name, b.get("change", {})),
                ("  back, cached", b.get("change", {}).get("back")),
            ):
                if c is None:
                    continue
                ratio = (
                    f"{c['median_ms'] / base['median_ms']:.2f}"
                    if c.get("median_ms") and base.get("median_ms")
                    else "-"
                )
                rows.append(
                    [
                        label,
                        str(len(c.get("times_ms", []))),
                        ms(c.get("median_ms")),
                        ms(c.get("p95_ms")),
                        ratio,
                        ms(c.get("first_frame_ms_median")),
                        ms(c.get("content_received_ms_median")),
                        kb(c.get("ws_bytes_per_change_median")),
                        kb(c.get("wire_ws_bytes_per_change_median")),
                        ms(c.get("server_cpu_ms_per_change_median")),
                    ]
                )
            for part in ("load", "change"):
                if "error" in b.get(part, {}):
                    errors.append(f"{name} {part}: {b[part]['error']}")
            change = b.get("change", {})
            for part in (change, change.get("back") or {}):
                errors += [f"{name}: {e}" for e in part.get("errors", [])]
        lines.append(
            table(
                [
                    "selection",
                    "N",
                    "median",
                    "p95",
                    "x baseline",
                    "1st reply",
                    "fig in",
                    "WS kB/change",
                    "wire kB/change",
                    "server CPU ms/change",
                ],
                rows,
            )
        )
        lines += ["", "WS page run by message (kB): plotly figure specs, then the largest kinds"]
        for name, b in browser["cases"].items():
            ws = b.get("load", {}).get("ws", {})
            specs = " + ".join(kb(n) for n in ws.get("plotly_specs", []))
            kinds = ", ".join(f"{k} {kb(v)}" for k, v in list(ws.get("by_kind", {}).items())[:4])
            lines.append(f"  {name}: figures {specs or '-'}; {kinds}")
        outside = [
            u
            for b in [base, browser.get("baseline_load", {}), *browser["cases"].values()]
            for part in (b, b.get("load", {}), b.get("change", {}))
            for u in part.get("outside_requests", [])
        ]
        lines.append(f"requests outside localhost: {len(outside)} {outside[:3] if outside else ''}")
        starts = browser.get("app_server_starts", 1), browser.get("baseline_server_starts", 1)
        if max(starts) > 1:
            lines.append(f"servers restarted after being stopped from outside: {starts}")
        if errors:
            lines.append("errors: " + "; ".join(errors))
    return "\n".join(lines)
