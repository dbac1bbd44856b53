"""DuckDB over the built Parquet files: one in-memory database, one cursor per query."""

from __future__ import annotations

from pathlib import Path

import duckdb

from sdgdash.config import Settings
from sdgdash.location import RemoteDataError, RemoteDir, as_location, prepare

# Table name -> Parquet file under the data directory. Names are fixed here, never user input.
TABLES: dict[str, str] = {
    "observations": "observations.parquet",
    "indicators": "indicators.parquet",
    "goals": "goals.parquet",
    "codes": "codes.parquet",
    "regions": "regions.parquet",
}
# Identifiers come from TABLES (constants), never from input; the path is bound at execute time.
_CREATE = {t: 'CREATE TABLE "' + t + '" AS SELECT * FROM read_parquet(?)' for t in TABLES}  # noqa: S608


class DataMissingError(RuntimeError):
    """The built data files are not where the settings say."""


def connect(settings: Settings) -> duckdb.DuckDBPyConnection:
    """Load every built table into an in-memory DuckDB database and return its connection.

    The data directory may be a local folder or a URI (s3://, gs://, https://, file://): DuckDB
    reads the Parquet files from there once, at start; nothing is written back.
    """
    con = duckdb.connect(":memory:")
    base = as_location(settings.data_dir)
    if isinstance(base, RemoteDir):
        try:
            prepare(con, base.uri)
        except RemoteDataError as exc:
            raise DataMissingError(str(exc)) from exc
    for table, filename in TABLES.items():
        path = base / filename
        if isinstance(path, Path) and not path.exists():
            raise DataMissingError(f"{path} not found: run `python -m sdgdash.ingest` first")
        try:
            # The table name comes from TABLES (a constant); the path is a bound parameter.
            con.execute(_CREATE[table], [str(path)]).fetchall()
        except duckdb.IOException as exc:
            raise DataMissingError(f"{path}: {str(exc).splitlines()[0]}") from exc
    return con
