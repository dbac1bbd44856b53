"""Boundary layouts as static files the browser fetches once and keeps: ``static/geo/``.

A plotly choropleth accepts a GeoJSON URL instead of the shapes. The app's maps reference
``app/static/geo/regions_<layout>.<hash>.json`` (served by Streamlit's static file serving,
``server.enableStaticServing``), so a figure carries values and names but no coordinates, a year
change does not send the boundaries again, and plotly.js fetches each layout once per page
(``window.PlotlyGeoAssets``) while the browser's cache keeps it across visits. The content hash in
the name means a file never changes under its name: a reverse proxy may cache it for ever.

The files are written by ``python -m sdgdash.ingest`` (after a geodata build) or by
``python -m sdgdash.geo.published`` for a geodata folder published elsewhere; the app never writes
them. When the file for the layout the app reads is missing (new geodata, not yet published), the
maps embed the shapes as before and the log says which command publishes them.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import os
import sys
import tempfile
from pathlib import Path

from sdgdash.config import REPO_ROOT
from sdgdash.geo import layouts
from sdgdash.location import Location, as_location

# Streamlit serves <folder of dashboard.py>/static/ under app/static/ (server.enableStaticServing).
STATIC_DIR = REPO_ROOT / "static"
GEO_DIR = STATIC_DIR / "geo"
# Relative to the page, so it works under a reverse proxy's path prefix (server.baseUrlPath):
# every page of the app lives one level below the app's root (/, /map, /sdg/map).
URL_PREFIX = "app/static/geo/"
HASH_CHARS = 12
FILE_GLOB = "regions_*.json"
GZ_GLOB = "regions_*.json.gz"  # precompressed copies for a proxy's gzip_static (docs/DEPLOY.md)

_log = logging.getLogger(__name__)


def layout_bytes(geojson_d3: dict) -> bytes:
    """The published form of a d3-wound layout: compact JSON, UTF-8 (the bytes are hashed)."""
    return json.dumps(geojson_d3, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def file_name(layout: str, content: bytes) -> str:
    """``regions_<layout>.<first 12 hex digits of the content's SHA-256>.json``."""
    return f"regions_{layout}.{hashlib.sha256(content).hexdigest()[:HASH_CHARS]}.json"


def url_for(layout: str, geojson_d3: dict, geo_dir: Path = GEO_DIR) -> str | None:
    """The URL of the published copy of ``geojson_d3``, or None when no identical copy is
    published (the caller then embeds the shapes)."""
    content = layout_bytes(geojson_d3)
    name = file_name(layout, content)
    path = geo_dir / name
    try:
        same = path.read_bytes() == content
    except OSError:
        same = False
    if not same:
        _log.warning(
            "static/geo/%s is not published: maps of layout %s embed their shapes; run "
            "`python -m sdgdash.geo.published` (see docs/DEPLOY.md)",
            name,
            layout,
        )
        return None
    return URL_PREFIX + name


def _write(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` atomically (unless it is there already), world-readable:
    it is served to every visitor like the other static assets."""
    if path.exists() and path.read_bytes() == content:
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".publish-", suffix=path.suffix)
    with os.fdopen(fd, "wb") as f:
        f.write(content)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def publish(geodata_dir: Location, geo_dir: Path = GEO_DIR) -> list[Path]:
    """Write every layout of ``geodata_dir`` (wound for d3) to ``geo_dir`` under its hashed name,
    with a gzip copy beside it (``.json.gz``, for a proxy's gzip_static), each file atomically;
    remove published layouts that are no longer current. Returns the .json files."""
    geo_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for layout in layouts.LAYOUTS:
        content = layout_bytes(layouts.for_d3(layouts.layout_geojson(geodata_dir, layout)))
        path = geo_dir / file_name(layout, content)
        _write(path, content)
        # mtime 0 and no file name in the header: the same layout always gives the same bytes.
        _write(path.with_name(path.name + ".gz"), gzip.compress(content, 9, mtime=0))
        written.append(path)
    keep = set(written) | {p.with_name(p.name + ".gz") for p in written}
    for old in [*geo_dir.glob(FILE_GLOB), *geo_dir.glob(GZ_GLOB)]:
        if old not in keep:
            old.unlink()
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: publish the layouts of a geodata folder (default: the settings' one)."""
    from sdgdash.config import Settings

    parser = argparse.ArgumentParser(prog="python -m sdgdash.geo.published", description=__doc__)
    parser.add_argument("--geodata-dir", help="geodata folder or URI (default SDGDASH_GEODATA_DIR)")
    parser.add_argument("--out", type=Path, default=GEO_DIR, help="default static/geo")
    args = parser.parse_args(argv)
    geodata = args.geodata_dir or Settings.from_env().geodata_dir
    for path in publish(as_location(geodata), args.out):
        print(f"{path} {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
