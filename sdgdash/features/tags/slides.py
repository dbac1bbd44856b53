"""A tag view as slides: the tag's indicator on the map and the regions ranked, or its linked
targets and indicators when none has regional data (pure; the page's view functions)."""

from __future__ import annotations

import textwrap

from sdgdash.data.source import Data
from sdgdash.data.tags import LINKS_FILE, TAGS_FILE
from sdgdash.features.deck import pptx
from sdgdash.features.deck.parts import first_rows, footer, table_slides
from sdgdash.features.map.slides import map_image
from sdgdash.features.map.view import MapView
from sdgdash.features.tags.charts import ranking_frame
from sdgdash.features.tags.view import links_table, query_from_params, tag_map
from sdgdash.i18n import fmt_number, t


def title(data: Data, params: dict[str, str], lang: str) -> str:
    """The tag, and the indicator and year on its map."""
    query = query_from_params(data, params)
    name = data.tag_vocabulary().name(query.tag, lang)
    if query.indicator is None:
        return name
    view = tag_map(data, query.indicator)
    label = data.labels().indicator_label(query.indicator, lang, width=80)
    return f"{name}: {label}, {view.year}"


def slides(data: Data, title: str, params: dict[str, str], lang: str) -> list[pptx.Slide]:
    """The tag's regional indicator as a map and the regions ranked; a tag without regional data
    gives its linked targets and indicators as a table."""
    query = query_from_params(data, params)
    if query.indicator is not None:
        view = tag_map(data, query.indicator)
        return [
            map_image(data, title, view, lang),
            ranked_slide(data, t("slide_ranked", lang, title=title), view, lang),
        ]
    links = links_table(data, query.tag, lang)
    cols = [t(k, lang) for k in ("indicator", "tag_col_ref", "tag_col_regional", "tag_col_years")]
    cells = [[textwrap.shorten(str(r[c]), 110) for c in cols] for r in links.to_dict("records")]
    files = f"data/curated/{TAGS_FILE}, data/curated/{LINKS_FILE}"
    return table_slides(
        lambda part: t("slide_tag_links", lang, title=title, part=part),
        cols,
        cells,
        lambda keep: footer(data, lang, files=files),
        first_rows(len(cells), lang),
        lang,
    )


def ranked_slide(data: Data, title: str, view: MapView, lang: str) -> pptx.ChartSlide:
    """The tag page's "across the regions" bars as a native bar chart, rank 1 on top."""
    labels = data.labels()
    sel = view.selection
    ranked = ranking_frame(view).sort_values(["rank", "ref_area"])
    unit = labels.code_label("unit", sel.unit, lang)
    axis = f"{unit}, {view.year}" if unit else str(view.year)
    if view.national is not None:
        axis += f" · {t('national_value', lang)}: {fmt_number(view.national, lang)}"
    return pptx.ChartSlide(
        title,
        "bar",
        [f"{r.rank}. {labels.region_name(r.ref_area, lang)}" for r in ranked.itertuples()],
        [(unit or t("value", lang), [float(v) for v in ranked["value"]])],
        footer(data, lang, [sel.indicator_id], ", ".join(sorted(set(ranked["source_file"])))),
        axis_title=axis,
        number_format="General",
    )
