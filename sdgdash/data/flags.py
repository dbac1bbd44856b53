"""Observation rows that are kept but not used: conflicting duplicates and placeholder values.

``data/observations.parquet`` keeps every source value. Two nullable columns flag the ones the
app must not draw, rank, score or compare (docs/DATA_MODEL.md):

- ``conflict_of``: a second, different value for the same key (the first row is used);
- ``placeholder``: a value listed in ``data/curated/placeholder_values.csv`` as standing for
  "could not be computed" (e.g. 0.0 for a region whose borders changed), holding the reason key.

The map lists flagged rows under "not drawn" with their reason; downloads keep them with the
flag columns.
"""

from __future__ import annotations

import pandas as pd

CONFLICT_COLUMN = "conflict_of"
PLACEHOLDER_COLUMN = "placeholder"
FLAG_COLUMNS: tuple[str, ...] = (CONFLICT_COLUMN, PLACEHOLDER_COLUMN)
# The map's reason key (i18n ``reason_<key>``) for a conflicting duplicate.
CONFLICT_REASON = "conflicting_duplicate"

# Reason keys of data/curated/placeholder_values.csv (column ``reason``); the map shows
# i18n ``reason_placeholder_<key>`` for each.
BORDER_CHANGE = "border_change"
CONTRADICTED = "contradicted"
PLACEHOLDER_REASONS: tuple[str, ...] = (BORDER_CHANGE, CONTRADICTED)

# SQL condition for rows that are used (constant text, no input).
SQL_USABLE = "conflict_of IS NULL AND placeholder IS NULL"


def flagged(obs: pd.DataFrame) -> pd.Series:
    """True for rows with any flag set (a column missing from ``obs`` flags nothing)."""
    mask = pd.Series(False, index=obs.index)
    for column in FLAG_COLUMNS:
        if column in obs.columns:
            mask |= obs[column].notna()
    return mask


def usable(obs: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``obs`` that are neither conflicting duplicates nor placeholders."""
    return obs[~flagged(obs)]


def reasons(obs: pd.DataFrame) -> pd.Series:
    """The map's reason key per row: ``placeholder_<reason>`` for a placeholder value (it wins),
    ``conflicting_duplicate`` for a conflicting duplicate, None for a row without a flag."""
    out = pd.Series([None] * len(obs), index=obs.index, dtype=object)
    if CONFLICT_COLUMN in obs.columns:
        out[obs[CONFLICT_COLUMN].notna()] = CONFLICT_REASON
    if PLACEHOLDER_COLUMN in obs.columns:
        held = obs[PLACEHOLDER_COLUMN].notna()
        out[held] = "placeholder_" + obs.loc[held, PLACEHOLDER_COLUMN].astype(str)
    return out
