"""Fixed vocabularies: languages, disaggregation columns, region kinds, layouts."""

from __future__ import annotations

# Disaggregation columns of data/observations.parquet, in display order.
DISAGGREGATIONS: tuple[str, ...] = (
    "sex",
    "age",
    "urbanisation",
    "education_lev",
    "income_wealth_quantile",
    "activity",
    "composite_breakdown",
)

# Columns that, with indicator_id and year, identify one observation.
SELECTION_COLUMNS: tuple[str, ...] = ("series", "unit", *DISAGGREGATIONS)

# Open SDG's source header name -> observation column name, in output order.
DIMENSIONS: dict[str, str] = {
    "SERIES": "series",
    "UNIT_MEASURE": "unit",
    "SEX": "sex",
    "AGE": "age",
    "URBANISATION": "urbanisation",
    "EDUCATION_LEV": "education_lev",
    "INCOME_WEALTH_QUANTILE": "income_wealth_quantile",
    "ACTIVITY": "activity",
    "COMPOSITE_BREAKDOWN": "composite_breakdown",
}

GOALS: tuple[int, ...] = tuple(range(1, 18))

# Featured on the overview: share of population with income below the subsistence minimum.
FEATURED_INDICATOR = "1.2.1"


def natural_key(indicator_id: str) -> tuple:
    """Sort key that puts 2.1.1 before 11.1.1 and 4.a.1 after 4.7.1."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in indicator_id.split("."))
