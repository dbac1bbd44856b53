"""Named, parameterised queries over the DuckDB tables; each returns a DataFrame."""

from __future__ import annotations

import duckdb
import pandas as pd

from sdgdash.data.catalog import DISAGGREGATIONS, SELECTION_COLUMNS
from sdgdash.data.flags import SQL_USABLE
from sdgdash.data.models import Selection

Con = duckdb.DuckDBPyConnection

# "col = ?" for every selection column, in catalog order; the values are bound.
_SEL_WHERE = " AND ".join(f"{c} = ?" for c in SELECTION_COLUMNS)
_SEL_COLS = ", ".join(SELECTION_COLUMNS)


def _df(con: Con, sql: str, params: list | None = None) -> pd.DataFrame:
    """Run ``sql`` with bound ``params`` on a fresh cursor and return a DataFrame."""
    cur = con.cursor()
    try:
        return cur.execute(sql, params or []).df()
    finally:
        cur.close()


def _sel_params(sel: Selection) -> list[str]:
    return [sel.indicator_id, *sel.key().values()]


def table(con: Con, name: str) -> pd.DataFrame:
    """A whole small table (goals, indicators, codes, regions) as a DataFrame."""
    sql = {
        "goals": "SELECT * FROM goals ORDER BY goal",
        "indicators": "SELECT * FROM indicators ORDER BY goal, sort_key",
        "codes": "SELECT * FROM codes ORDER BY dimension, code",
        "regions": "SELECT * FROM regions ORDER BY ref_area",
    }[name]
    return _df(con, sql)


def goal_summary(con: Con) -> pd.DataFrame:
    """Per goal: indicators, indicators with data, with regional data, and the latest year."""
    return _df(
        con,
        """
        SELECT g.goal,
               count(i.indicator_id) AS n_indicators,
               count(i.indicator_id) FILTER (WHERE i.has_data) AS n_with_data,
               count(i.indicator_id) FILTER (WHERE i.has_regional_data) AS n_regional,
               max(i.last_year) AS last_year
        FROM goals g LEFT JOIN indicators i USING (goal)
        GROUP BY g.goal ORDER BY g.goal
        """,
    )


def regional_indicators(con: Con) -> pd.DataFrame:
    """Indicators that have at least one regional value, in natural order."""
    return _df(
        con,
        """
        SELECT indicator_id, goal, sort_key, first_year, last_year
        FROM indicators WHERE has_regional_data ORDER BY goal, sort_key
        """,
    )


def breakdowns(con: Con) -> pd.DataFrame:
    """(indicator_id, dimension): the disaggregations (sex, age, urban/rural...) in which an
    indicator has regional values, so a picker can say so before it is chosen."""
    # The column names come from the catalog's constant tuple, never from user input.
    template = (
        "SELECT DISTINCT indicator_id, '{dim}' AS dimension FROM observations "
        "WHERE ref_area <> '' AND {dim} <> ''"
    )
    parts = [template.format(dim=dim) for dim in DISAGGREGATIONS]
    sql = " UNION ALL ".join(parts) + " ORDER BY indicator_id, dimension"
    return _df(con, sql)


def selection_options(con: Con, indicator_id: str) -> pd.DataFrame:
    """Every series/unit/disaggregation combination of an indicator that has regional values.

    One row per combination with the number of regional rows, regions, and the years covered.
    """
    return _df(
        con,
        f"""
        SELECT {_SEL_COLS},
               count(*) AS n_rows,
               count(DISTINCT ref_area) AS n_regions,
               min(year) AS first_year, max(year) AS last_year,
               list(DISTINCT year ORDER BY year) AS years
        FROM observations
        WHERE indicator_id = ? AND ref_area <> ''
        GROUP BY ALL
        ORDER BY {_SEL_COLS}
        """,  # noqa: S608 - only constant column names are interpolated
        [indicator_id],
    )


def all_selection_options(con: Con) -> pd.DataFrame:
    """:func:`selection_options` for every indicator with regional data at once (column
    ``indicator_id`` added)."""
    return _df(
        con,
        f"""
        SELECT indicator_id, {_SEL_COLS},
               count(*) AS n_rows,
               count(DISTINCT ref_area) AS n_regions,
               min(year) AS first_year, max(year) AS last_year,
               list(DISTINCT year ORDER BY year) AS years
        FROM observations
        WHERE ref_area <> ''
          AND indicator_id IN (SELECT indicator_id FROM indicators WHERE has_regional_data)
        GROUP BY ALL
        ORDER BY indicator_id, {_SEL_COLS}
        """,  # noqa: S608 - only constant column names are interpolated
    )


def map_frame(con: Con, sel: Selection, year: int) -> pd.DataFrame:
    """The regional values of one selection in one year, with where each came from.

    Flagged rows (``conflict_of``: a second, different source value for the same key;
    ``placeholder``: a curated placeholder value, see :mod:`sdgdash.flags`) are included so the
    page can list them; every other query leaves them out.
    """
    return _df(
        con,
        f"""
        SELECT ref_area, value, year, unit, series, source_file, source_row, conflict_of,
               placeholder
        FROM observations
        WHERE indicator_id = ? AND {_SEL_WHERE} AND year = ? AND ref_area <> ''
        ORDER BY ref_area, source_row
        """,  # noqa: S608 - only constant column names are interpolated
        [*_sel_params(sel), int(year)],
    )


def national_series(con: Con, sel: Selection) -> pd.DataFrame:
    """The national values (empty REF_AREA) of one selection over the years."""
    return _df(
        con,
        f"""
        SELECT year, value, source_file, source_row
        FROM observations
        WHERE indicator_id = ? AND {_SEL_WHERE} AND ref_area = '' AND {SQL_USABLE}
        ORDER BY year
        """,  # noqa: S608 - only constant column names are interpolated
        _sel_params(sel),
    )


def regional_series(con: Con, sel: Selection, ref_areas: list[str] | None = None) -> pd.DataFrame:
    """Values of one selection over the years for all regions, or for the given region codes."""
    params: list = _sel_params(sel)
    extra = ""
    if ref_areas is not None:
        extra = "AND list_contains(?, ref_area)"
        params.append(list(ref_areas))
    return _df(
        con,
        f"""
        SELECT year, ref_area, value, source_file, source_row
        FROM observations
        WHERE indicator_id = ? AND {_SEL_WHERE} AND ref_area <> '' AND {SQL_USABLE} {extra}
        ORDER BY ref_area, year
        """,  # noqa: S608 - only constant SQL fragments are interpolated
        params,
    )


def coverage(con: Con) -> pd.DataFrame:
    """For every indicator and region code: the latest year with a value and the number of rows."""
    return _df(
        con,
        """
        SELECT indicator_id, ref_area, max(year) AS last_year, count(*) AS n_rows
        FROM observations
        GROUP BY indicator_id, ref_area
        ORDER BY indicator_id, ref_area
        """,
    )


def region_latest(con: Con, ref_area: str) -> pd.DataFrame:
    """For one region: the latest value of every selection that has one, with its source."""
    return _df(
        con,
        f"""
        SELECT indicator_id, {_SEL_COLS}, latest.year, latest.value, latest.source_file,
               latest.source_row
        FROM (
            -- one pass with max_by instead of a window sort: the latest year's row per selection
            SELECT indicator_id, {_SEL_COLS},
                   max_by({{'year': year, 'value': value, 'source_file': source_file,
                            'source_row': source_row}}, (year, -source_row)) AS latest
            FROM observations
            WHERE ref_area = ? AND {SQL_USABLE}
            GROUP BY ALL
        )
        ORDER BY indicator_id, {_SEL_COLS}
        """,  # noqa: S608 - only constant column names are interpolated
        [ref_area],
    )


def observations_for(con: Con, indicator_id: str) -> pd.DataFrame:
    """All rows of one indicator (national and regional), for downloads."""
    return _df(
        con,
        "SELECT * FROM observations WHERE indicator_id = ? ORDER BY source_row",
        [indicator_id],
    )


def all_observations(con: Con) -> pd.DataFrame:
    """The whole observations table (for the bulk download, when asked for: views read only
    what they need with :func:`selection_rows` and the other queries)."""
    return _df(con, "SELECT * FROM observations ORDER BY indicator_id, source_row")


def selection_rows(con: Con, selections: list[Selection]) -> pd.DataFrame:
    """Every row (all columns, flagged rows too) of the given selections, national and
    regional, in the order of :func:`all_observations`; the selections are one bound list."""
    keys = [sel.as_dict() for sel in selections]
    if not keys:
        return _df(con, "SELECT * FROM observations WHERE false")
    on = " AND ".join(f"o.{c} = k.{c}" for c in ("indicator_id", *SELECTION_COLUMNS))
    ids = sorted({k["indicator_id"] for k in keys})
    # A constant IN list (one placeholder per id) lets DuckDB skip the Parquet row groups of
    # other indicators before the join.
    marks = ", ".join("?" * len(ids))
    return _df(
        con,
        f"""
        SELECT o.* FROM observations o
        SEMI JOIN (SELECT DISTINCT unnest(?, recursive := true)) k ON {on}
        WHERE o.indicator_id IN ({marks})
        ORDER BY o.indicator_id, o.source_row
        """,  # noqa: S608 - only constant SQL and placeholders are interpolated
        [keys, *ids],
    )


def indicator_codes(con: Con) -> pd.DataFrame:
    """Per indicator of the catalogue that has data: the distinct series, units and codes of each
    disaggregation its rows use (lists), sorted by indicator."""
    lists = ", ".join(f"list(DISTINCT {c}) AS {c}" for c in SELECTION_COLUMNS)
    return _df(
        con,
        f"""
        SELECT indicator_id, {lists}
        FROM observations
        WHERE indicator_id IN (SELECT indicator_id FROM indicators)
        GROUP BY indicator_id
        ORDER BY indicator_id
        """,  # noqa: S608 - only constant column names are interpolated
    )


def observation_count(con: Con) -> int:
    """Number of rows in the observations table."""
    return int(_df(con, "SELECT count(*) AS n FROM observations")["n"].iloc[0])


def goal_indicators(con: Con, goal: int) -> pd.DataFrame:
    """The indicators of one goal with their target, reporting status and data flags."""
    return _df(
        con,
        """
        SELECT indicator_id, goal, target, sort_key, reporting_status, has_data,
               has_regional_data, first_year, last_year
        FROM indicators WHERE goal = ? ORDER BY sort_key
        """,
        [int(goal)],
    )


def goal_observations(con: Con, goal: int) -> pd.DataFrame:
    """Every value of one goal's indicators (national and regional), flagged rows left out."""
    return _df(
        con,
        f"""
        SELECT indicator_id, year, ref_area, {_SEL_COLS}, value, source_file, source_row
        FROM observations
        WHERE goal = ? AND {SQL_USABLE}
          AND indicator_id IN (SELECT indicator_id FROM indicators WHERE goal = ?)
        ORDER BY indicator_id, ref_area, year, source_row
        """,  # noqa: S608 - only constant column names are interpolated
        [int(goal), int(goal)],
    )
