"""An index view as a slide: the regions ranked by the regional SDG index (pure)."""

from __future__ import annotations

from sdgdash.data.source import Data
from sdgdash.features.deck import pptx
from sdgdash.features.deck.parts import footer
from sdgdash.features.index.view import from_params, index_result
from sdgdash.i18n import t, tn


def source_files(data: Data, lang: str) -> str:
    """The footer's source of every index figure: the curated indicator table."""
    return tn("slide_index_source", len(data.index_table()), lang)


def title(data: Data, params: dict[str, str], lang: str) -> str:
    """The index and its scoring year."""
    return t("slide_index_title", lang, year=from_params(data, params))


def slides(data: Data, title: str, params: dict[str, str], lang: str) -> list[pptx.Slide]:
    """The regions ranked by the index as a native bar chart (withheld regions left out)."""
    labels = data.labels()
    year = from_params(data, params)
    idx = index_result(data, year).index
    idx = idx[~idx["withheld"]].sort_values(["rank", "ref_area"])
    return [
        pptx.ChartSlide(
            title,
            "bar",
            [f"{int(r.rank)}. {labels.region_name(r.ref_area, lang)}" for r in idx.itertuples()],
            [(t("index", lang), [round(float(v), 1) for v in idx["index"]])],
            footer(data, lang, files=source_files(data, lang)),
            axis_title=f"{t('index', lang)} (0–100), {year}",
        )
    ]
