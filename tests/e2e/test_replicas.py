"""Past one machine, proven: two replicas of the app behind Debian's nginx, configured with the
site file of docs/DEPLOY.md (deploy/nginx-sdgdash.conf: sticky sessions by cookie, the websocket,
gzip, the maps' boundary files served precompressed), with one PostgreSQL store.

An editor's finding written through one replica is seen through the other; then one replica is
stopped mid-run: the session on the other carries on on its open websocket, and a session of the
stopped one reconnects through nginx to the other and shows its page again. The figures go to
artifacts/replicas.json (quoted in docs/DEPLOY.md)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from sdgdash.geo import published
from sdgdash.headless import streamlit_command
from sdgdash.i18n import t
from sdgdash.store import open_store
from tests.conftest import REPO
from tests.e2e.conftest import SHOTS, outside_requests, wait_for_app

pytestmark = pytest.mark.e2e

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SITE = REPO / "deploy" / "nginx-sdgdash.conf"
COOKIE = "sdgdash_replica"
PASSWORD = "replica test password"
TIMEOUT_MS = 120_000
MAP_PATHS = "path.choroplethlocation"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"{what} exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"{what} not healthy within {seconds:.0f} s")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def nginx_config(root: Path, listen: int, replicas: list[int]) -> Path:
    """deploy/nginx-sdgdash.conf filled in for localhost, inside a main config of its own
    (pid, logs and temp files under ``root``; the access log names each request's replica)."""
    servers = "\n    ".join(
        f"server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in replicas
    )
    site = (
        SITE.read_text(encoding="utf-8")
        .replace("@REPLICAS@", servers)
        .replace("@LISTEN@", f"127.0.0.1:{listen}")
        .replace("@SERVER_NAME@", "localhost")
        .replace("@STATIC@", str(published.STATIC_DIR))
    )
    assert "@" not in "".join(line.split("#")[0] for line in site.splitlines())
    (root / "sdgdash.conf").write_text(site, encoding="utf-8")
    temp = " ".join(
        f"{kind}_temp_path {root / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi")
    )
    main = f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
daemon off;
pid {root / "nginx.pid"};
error_log {root / "error.log"} warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format replica '$cookie_{COOKIE} $upstream_addr $status "$request"';
    access_log {root / "access.log"} replica;
    {temp} scgi_temp_path {root / "scgi"};
    include {root / "sdgdash.conf"};
}}
"""
    conf = root / "nginx.conf"
    conf.write_text(main, encoding="utf-8")
    return conf


@pytest.fixture(scope="module")
def cluster(pg_database: str, tmp_path_factory) -> Iterator[dict]:
    """Two replicas on one PostgreSQL store behind nginx; yields their URLs and processes."""
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: run scripts/test.sh, which installs Debian's nginx")
    store = open_store(pg_database)
    store.create_user("replica_editor", PASSWORD)
    store.dispose()
    root = tmp_path_factory.mktemp("nginx")
    logs = REPO / "artifacts"
    logs.mkdir(exist_ok=True)
    replicas: dict[str, dict] = {}
    procs: list[subprocess.Popen] = []
    try:
        for name in ("a", "b"):
            port = _free_port()
            log = (logs / f"replica-{name}.log").open("w")  # noqa: SIM115 - lives with the process
            proc = subprocess.Popen(
                streamlit_command(sys.executable, "dashboard.py", port),
                cwd=REPO,
                env={**os.environ, "SDGDASH_STORE_URL": pg_database},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            procs.append(proc)
            replicas[name] = {"port": port, "url": f"http://127.0.0.1:{port}", "proc": proc}
        for name, r in replicas.items():
            _wait_healthy(r["url"], r["proc"], f"replica {name}")
        listen = _free_port()
        conf = nginx_config(root, listen, [r["port"] for r in replicas.values()])
        check = subprocess.run(
            [NGINX, "-t", "-c", str(conf), "-p", str(root)], capture_output=True, text=True
        )
        assert check.returncode == 0, check.stderr
        proxy = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(root)])
        procs.append(proxy)
        url = f"http://127.0.0.1:{listen}"
        _wait_healthy(url, proxy, "nginx")
        version = subprocess.run([NGINX, "-v"], capture_output=True, text=True).stderr.strip()
        yield {"url": url, "replicas": replicas, "log": root / "access.log", "nginx": version}
    finally:
        for proc in reversed(procs):
            _stop(proc)


def _replica_of(cluster: dict, key: str) -> str:
    """Which replica nginx sends the affinity cookie ``key`` to (from its access log)."""
    req = urllib.request.Request(
        cluster["url"] + "/_stcore/health", headers={"Cookie": f"{COOKIE}={key}"}
    )
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.read() == b"ok"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # nginx logs a request just after answering it
        for line in reversed(cluster["log"].read_text(encoding="utf-8").splitlines()):
            if line.startswith(key + " "):
                port = int(line.split()[1].rsplit(":", 1)[1])
                return next(n for n, r in cluster["replicas"].items() if r["port"] == port)
        time.sleep(0.05)
    raise AssertionError(f"no access log line for {key}")


def _keys(cluster: dict) -> dict[str, list[str]]:
    """Affinity cookie values that nginx sends to each replica (two each)."""
    found: dict[str, list[str]] = {"a": [], "b": []}
    for i in range(200):
        key = f"k{i}"
        found[_replica_of(cluster, key)].append(key)
        if all(len(v) >= 2 for v in found.values()):
            return found
    raise AssertionError(f"nginx sent 200 keys to one replica: {found}")


def _context(browser, cluster: dict, key: str | None):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    if key:
        ctx.add_cookies([{"name": COOKIE, "value": key, "url": cluster["url"]}])
    page = ctx.new_page()
    page.requests_seen = []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requests_seen.append(r.url))
    page.sockets = []  # type: ignore[attr-defined]
    page.on("websocket", lambda ws: page.sockets.append(ws.url))
    return ctx, page


def _transferred(page, url: str) -> int:
    """Bytes a fresh browser downloads for ``url`` (bodies as sent, so compressed, + headers)."""
    done: list = []
    page.on("requestfinished", lambda r: done.append(r))
    page.goto(url, timeout=TIMEOUT_MS)
    wait_for_app(page, TIMEOUT_MS)
    page.wait_for_selector(MAP_PATHS, timeout=TIMEOUT_MS)
    total = 0
    for req in done:
        if req.url.startswith("http"):
            sizes = req.sizes()
            total += max(sizes["responseBodySize"], 0) + max(sizes["responseHeadersSize"], 0)
    return total


def _open_page(page, label: str) -> None:
    """Open a page through the sidebar navigation (same session, same websocket)."""
    page.locator("[data-testid='stSidebarNavLink']").filter(has_text=label).first.click()
    wait_for_app(page, TIMEOUT_MS)


def test_two_replicas_behind_nginx_share_the_store_and_survive_one_stopping(
    cluster, browser
) -> None:
    figures: dict = {"nginx": cluster["nginx"]}
    keys = _keys(cluster)
    base = cluster["url"]

    # The boundary files come from nginx itself, precompressed and cached for a year.
    name = sorted(published.GEO_DIR.glob("regions_2022.*.json"))[0].name
    req = urllib.request.Request(
        f"{base}/app/static/geo/{name}", headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(req, timeout=10) as r:
        body = r.read()
        assert r.headers["Content-Encoding"] == "gzip"
        assert "immutable" in r.headers["Cache-Control"]
    assert body == (published.GEO_DIR / (name + ".gz")).read_bytes()
    figures["geo_2022_bytes_on_the_wire"] = len(body)

    # A first visit through nginx (gzip) against one straight to a replica (Streamlit: none).
    contexts = []
    try:
        ctx, pg = _context(browser, cluster, keys["b"][1])
        contexts.append(ctx)
        figures["first_visit_map_via_nginx_bytes"] = _transferred(pg, f"{base}/map?lang=en")
        ctx, pg = _context(browser, cluster, None)
        contexts.append(ctx)
        direct = cluster["replicas"]["b"]["url"]
        figures["first_visit_map_direct_bytes"] = _transferred(pg, f"{direct}/map?lang=en")

        ctx_a, page_a = _context(browser, cluster, keys["a"][0])
        ctx_b, page_b = _context(browser, cluster, keys["b"][0])
        ctx_c, page_c = _context(browser, cluster, keys["a"][1])
        contexts += [ctx_a, ctx_b, ctx_c]
        text = f"Replica test finding {uuid.uuid4().hex[:8]}: heating in Karkaraly"

        page_b.goto(f"{base}/region?lang=en&region=KZKAR", timeout=TIMEOUT_MS)
        wait_for_app(page_b, TIMEOUT_MS)
        assert page_b.get_by_text(text).count() == 0

        # Write a finding through replica a.
        page_a.goto(f"{base}/findings?lang=en&region=KZKAR", timeout=TIMEOUT_MS)
        wait_for_app(page_a, TIMEOUT_MS)
        side = page_a.locator("[data-testid='stSidebar']")
        side.get_by_text(t("auth_heading", "en")).click()  # the compact "Editor login"
        side.get_by_label("Username").fill("replica_editor")
        side.get_by_label("Password", exact=True).fill(PASSWORD)
        side.get_by_role("button", name="Log in").click()
        wait_for_app(page_a, TIMEOUT_MS)
        side.get_by_text("Logged in as replica_editor (editor)").wait_for(timeout=TIMEOUT_MS)
        form = page_a.locator("[data-testid='stForm']").filter(has_text="Finding text")
        for part, value in (("year", "2024"), ("month", "03"), ("day", "14")):
            form.get_by_role("spinbutton", name=f"{part}, Date").click()
            page_a.keyboard.type(value)
        form.get_by_label("Finding text").fill(text)
        form.get_by_label("Source (minutes, report, link)").fill("Seminar minutes, Karaganda")
        form.get_by_role("button", name="Save").click()
        wait_for_app(page_a, TIMEOUT_MS)
        page_a.get_by_text("Finding saved (no.").wait_for(timeout=TIMEOUT_MS)
        saved = time.monotonic()

        # Seen through replica b, in the session that was open before the write.
        _open_page(page_b, "Seminar findings")
        page_b.get_by_text(text).first.wait_for(timeout=TIMEOUT_MS)
        figures["finding_seen_on_the_other_replica_s"] = round(time.monotonic() - saved, 2)
        page_b.screenshot(path=str(SHOTS / "replicas-finding-on-b.png"), full_page=True)

        # A session on replica a, then replica a stops mid-run.
        page_c.goto(f"{base}/map?lang=en&ind=1.2.1&year=2023", timeout=TIMEOUT_MS)
        wait_for_app(page_c, TIMEOUT_MS)
        page_c.wait_for_selector(MAP_PATHS, timeout=TIMEOUT_MS)
        sockets_b = list(page_b.sockets)
        _stop(cluster["replicas"]["a"]["proc"])
        stopped = time.monotonic()

        # The session on b carries on, on the websocket it had.
        _open_page(page_b, "Indicator map")
        page_b.wait_for_selector(MAP_PATHS, timeout=TIMEOUT_MS)
        figures["page_change_on_b_after_a_stopped_s"] = round(time.monotonic() - stopped, 2)
        assert page_b.sockets == sockets_b, "no reconnect: the same websocket carries on"
        assert page_b.locator("[data-testid='stException']").count() == 0

        # The session of a reconnects through nginx to b and shows its view again (the view is
        # in the URL; a login or unsaved widget state of the lost session is not carried over).
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while len(page_c.sockets) < 2 and time.monotonic() < deadline:
            page_c.wait_for_timeout(200)  # the frontend opens a new websocket, through nginx
        wait_for_app(page_c, TIMEOUT_MS)
        page_c.wait_for_selector(MAP_PATHS, timeout=TIMEOUT_MS)
        figures["session_of_a_back_on_b_s"] = round(time.monotonic() - stopped, 2)
        assert len(page_c.sockets) >= 2
        assert "ind=1.2.1" in page_c.url and "year=2023" in page_c.url
        page_c.screenshot(path=str(SHOTS / "replicas-c-reconnected.png"), full_page=True)
        upstreams = cluster["log"].read_text(encoding="utf-8")
        port_b = cluster["replicas"]["b"]["port"]
        assert any(
            line.startswith(keys["a"][1] + " ") and f":{port_b}" in line
            for line in upstreams.splitlines()
        ), "nginx moved the stopped replica's visitor to the other"
        for page in (page_a, page_b, page_c):
            assert outside_requests(page.requests_seen) == []
    finally:
        for ctx in contexts:
            ctx.close()
        out = REPO / "artifacts" / "replicas.json"
        out.write_text(json.dumps(figures, indent=2), encoding="utf-8")
        print("\nreplicas:", json.dumps(figures))
