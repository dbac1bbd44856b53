"""DuckDB over the built Parquet files: one in-memory database, one cursor per query."""

from __future__ import annotations

from pathlib import Path

import duckdb

from sdgdash.config import Settings

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
    """Load every built table into an in-memory DuckDB database and return its connection."""
    con = duckdb.connect(":memory:")
    for table, filename in TABLES.items():
        path = Path(settings.data_dir) / filename
        if not path.exists() and not str(path).startswith(("s3://", "http://", "https://")):
            raise DataMissingError(f"{path} not found: run `python -m sdgdash.ingest` first")
        # The table name comes from TABLES (a constant); the path is a bound parameter.
        con.execute(_CREATE[table], [str(path)])
    return con
