"""A region view as slides: its goal scores and distance to 2030; and the region profile document
(goal scores, the indicator table as the page shows it, then the distance to 2030) (pure)."""

from __future__ import annotations

import pandas as pd

from sdgdash.data.source import Data
from sdgdash.features.deck import pptx
from sdgdash.features.deck.parts import footer, profile_slides
from sdgdash.features.distance import slides as distance_slides
from sdgdash.features.index.slides import source_files
from sdgdash.features.index.view import index_result, latest_year
from sdgdash.features.plans import slides as plan_slides
from sdgdash.features.plans import view as plans_view
from sdgdash.features.region.view import region_from_params
from sdgdash.i18n import t


def title(data: Data, params: dict[str, str], lang: str) -> str:
    """The region's name."""
    return data.labels().region_name(region_from_params(params), lang)


def slides(data: Data, title: str, params: dict[str, str], lang: str) -> list[pptx.Slide]:
    """The region's goal scores; when the view chose one (``pind``), a series against its plan
    line or national stand-in, as the region page draws it; then its distance to 2030 by goal
    and by indicator."""
    ref_area = region_from_params(params)
    out: list[pptx.Slide] = [goal_scores_slide(data, title, ref_area, lang)]
    sel = plans_view.selection_from_key(params.get("pind", ""))
    if sel is not None:
        store = data.upload_store()
        row = plans_view.selection_status(data, store, ref_area, sel)
        if row is not None:
            out.append(plan_slides.line_slide(data, store, ref_area, row, lang))
    return [*out, *distance_slides.region_slides(data, ref_area, lang)]


def goal_scores_slide(data: Data, title: str, ref_area: str, lang: str) -> pptx.ChartSlide:
    """A region's goal scores (latest index year) as a native bar chart."""
    labels = data.labels()
    year = latest_year(data)
    result = index_result(data, year)
    goals = result.goals[result.goals["ref_area"] == ref_area].sort_values("goal")
    goals = goals[goals["score"].notna()]
    return pptx.ChartSlide(
        title,
        "bar",
        [f"{g}. {labels.goal_short(g, lang)}" for g in goals["goal"]],
        [(t("score", lang), goals["score"].round(1).tolist())],
        footer(data, lang, files=source_files(data, lang)),
        axis_title=f"{t('score', lang)} (0–100), {year}",
    )


def region_document(data: Data, ref_area: str, lang: str, table: pd.DataFrame) -> pptx.Document:
    """A region profile as slides: goal scores, then the indicator table (``table`` as the page
    shows it) in parts."""
    name = data.labels().region_name(ref_area, lang)
    year = latest_year(data)
    specs: list[pptx.Slide] = [
        goal_scores_slide(
            data, t("slide_goal_scores", lang, region=name, year=year), ref_area, lang
        ),
        *profile_slides(
            data, table, lang, lambda part: t("slide_profile_table", lang, region=name, part=part)
        ),
        *distance_slides.region_slides(data, ref_area, lang, full=True),
    ]
    return pptx.Document(name, [t("app_title", lang)], specs)
