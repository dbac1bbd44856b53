"""A comparison view as a slide: the compared regions' lines and Kazakhstan's as a native line
chart (pure; the same :func:`sdgdash.features.compare.view.lines` as the page's chart)."""

from __future__ import annotations

import pandas as pd

from sdgdash.data.source import Data
from sdgdash.features.compare.view import lines, query_from_params
from sdgdash.features.deck import pptx
from sdgdash.features.deck.parts import footer
from sdgdash.i18n import t


def title(data: Data, params: dict[str, str], lang: str) -> str:
    """The compared regions and the indicator."""
    labels = data.labels()
    codes, ind = query_from_params(data, params)
    names = ", ".join(labels.region_name(c, lang) for c in codes)
    return f"{names}: {labels.indicator_label(ind, lang)}"


def slides(data: Data, title: str, params: dict[str, str], lang: str) -> list[pptx.Slide]:
    """The indicator over the years for each compared region and Kazakhstan."""
    labels = data.labels()
    codes, ind = query_from_params(data, params)
    view = lines(data, codes, ind)
    years = sorted(set(view.regional["year"]) | set(view.national["year"]))
    series = []
    for code in codes:
        mine = view.regional[view.regional["ref_area"] == code].set_index("year")["value"]
        series.append((labels.region_name(code, lang), [_at(mine, y) for y in years]))
    nat = view.national.set_index("year")["value"]
    if len(nat):
        series.append((t("national", lang), [_at(nat, y) for y in years]))
    return [
        pptx.ChartSlide(
            title,
            "line",
            [str(y) for y in years],
            series,
            footer(data, lang, [ind], view.source_file),
            axis_title=labels.code_label("unit", view.selection.unit, lang),
        )
    ]


def _at(values: pd.Series, year: int) -> float | None:
    if year not in values.index:
        return None
    v = values.loc[year]
    v = v.iloc[0] if isinstance(v, pd.Series) else v
    return None if pd.isna(v) else float(v)
