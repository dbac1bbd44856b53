"""The app's data: DuckDB over the built Parquet files, the curated tables, labels, and the
:class:`~sdgdash.data.source.Data` every view function reads."""
