"""Data locations: local paths and URIs read through DuckDB, with clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdgdash.config import Settings
from sdgdash.data import directions as direction
from sdgdash.data.db import DataMissingError, connect
from sdgdash.geo import layouts as geo
from sdgdash.location import RemoteDataError, RemoteDir, as_location, scheme_of
from tests.conftest import REPO


def test_as_location_keeps_uris_intact() -> None:
    loc = as_location("s3://bucket/sdgdash/data")
    assert isinstance(loc, RemoteDir)
    assert str(loc / "curated" / "x.csv") == "s3://bucket/sdgdash/data/curated/x.csv"
    assert (loc / "observations.parquet").name == "observations.parquet"
    assert as_location("/srv/data") == Path("/srv/data")
    assert as_location("relative/data") == Path("relative/data")
    assert scheme_of("HTTPS://host/x") == "https" and scheme_of("C://x") is None


def test_settings_from_env_with_uri() -> None:
    s = Settings.from_env({"SDGDASH_DATA_DIR": "gs://b/d/", "SDGDASH_GEODATA_DIR": "/g"})
    assert s.data_dir == RemoteDir("gs://b/d") and s.geodata_dir == Path("/g")


def test_file_uri_reads_everything_through_duckdb() -> None:
    data = RemoteDir(f"file://{REPO / 'data'}")
    geodata = RemoteDir(f"file://{REPO / 'geodata'}")
    con = connect(Settings(data_dir=data, geodata_dir=geodata, store_url=""))
    local = connect(Settings.from_env({}))
    q = "SELECT count(*), sum(value) FROM observations"
    assert con.execute(q).fetchall() == local.execute(q).fetchall()
    assert geo.layout_geojson(geodata, "2022") == geo.layout_geojson(REPO / "geodata", "2022")
    assert len(geo.load_layout(geodata, "2018")) == len(geo.load_layout(REPO / "geodata", "2018"))
    csv = data / "curated" / "indicator_direction.csv"
    local_csv = REPO / "data" / "curated" / "indicator_direction.csv"
    assert direction.load_directions(csv).equals(direction.load_directions(local_csv))


def test_remote_is_read_only() -> None:
    with pytest.raises(PermissionError):
        RemoteDir("file:///tmp/x").open("w")


def test_missing_remote_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataMissingError, match=r"observations\.parquet"):
        connect(Settings(RemoteDir(f"file://{tmp_path}"), tmp_path, ""))
    with pytest.raises(RemoteDataError, match="not-there.geojson"):
        RemoteDir(f"file://{tmp_path}/not-there.geojson").read_bytes()


def test_object_store_without_httpfs_says_how_to_fix() -> None:
    import duckdb

    con = duckdb.connect()
    installed = con.execute(
        "SELECT installed FROM duckdb_extensions() WHERE extension_name = 'httpfs'"
    ).fetchall()
    if installed and installed[0][0]:
        pytest.skip("httpfs is installed here; the message is for machines without it")
    with pytest.raises(DataMissingError, match="httpfs.*docs/DEPLOY.md"):
        connect(Settings(RemoteDir("s3://bucket/data"), Path("/g"), ""))
