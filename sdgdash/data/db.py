"""DuckDB over the built Parquet files: one in-memory database, one cursor per query.

The observations are a view over their Parquet file, read by each query as it runs (only the
row groups and columns it needs): nothing the size of the data is loaded at start, so a replica
starts in the same time and memory at 1000 times today's rows (docs/PERFORMANCE.md). The small
tables (goals, indicators, codes, regions: a few hundred rows) are copied into memory once.
"""

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
# Read where they lie, query by query; the other tables are loaded into memory.
VIEWS: frozenset[str] = frozenset({"observations"})
# Identifiers come from TABLES (constants), never from input; the path is bound at execute time.
_CREATE = {t: 'CREATE TABLE "' + t + '" AS SELECT * FROM read_parquet(?)' for t in TABLES}  # noqa: S608


class DataMissingError(RuntimeError):
    """The built data files are not where the settings say."""


def connect(settings: Settings) -> duckdb.DuckDBPyConnection:
    """A DuckDB database over the built tables: views over the large Parquet files
    (:data:`VIEWS`), the small tables loaded into memory.

    The data directory may be a local folder or a URI (s3://, gs://, https://, file://): DuckDB
    reads the Parquet files from there (remote blocks are kept in DuckDB's external file cache);
    nothing is written back.
    """
    con = duckdb.connect(":memory:")
    # Each query over a view reads the file's footer again unless it is kept.
    con.execute("SET parquet_metadata_cache = true").fetchall()
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
            if table in VIEWS:
                # The relational API quotes the path itself: no SQL is built from it.
                con.read_parquet(str(path)).create_view(table)
            else:
                # The table name comes from TABLES (a constant); the path is a bound parameter.
                con.execute(_CREATE[table], [str(path)]).fetchall()
        except duckdb.IOException as exc:
            raise DataMissingError(f"{path}: {str(exc).splitlines()[0]}") from exc
    return con
