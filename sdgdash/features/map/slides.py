"""A map or overview view as a slide: the map as an image, with the classes and palette of its URL
(pure; the view comes from :func:`sdgdash.features.map.view.map_view`, as on the page)."""

from __future__ import annotations

import functools

from sdgdash.data.source import Data
from sdgdash.features.deck import pptx
from sdgdash.features.deck.parts import footer
from sdgdash.features.distance import slides as distance_slides
from sdgdash.features.distance.view import CHANGE_MODE
from sdgdash.features.map.view import MapView, label_points, map_view, query_from_params
from sdgdash.geo.choropleth import CLASSINGS, PALETTES
from sdgdash.i18n import fmt_number, t


def title(data: Data, params: dict[str, str], lang: str) -> str:
    """A map view's title: the indicator and the year."""
    query = query_from_params(data, params)
    if params.get("mode") == CHANGE_MODE:
        return distance_slides.change_title(data, query, params, lang)
    return f"{data.labels().indicator_label(query.selection.indicator_id, lang)}, {query.year}"


def slides(data: Data, title: str, params: dict[str, str], lang: str) -> list[pptx.Slide]:
    """The map of the URL's selection and year with its classes (``cls``) and palette (``pal``);
    in change mode (``mode=change``) the change between ``from`` and ``year`` and its movers."""
    query = query_from_params(data, params)
    if params.get("mode") == CHANGE_MODE:
        return distance_slides.change_slides(data, title, query, params, lang)
    cls = params.get("cls") if params.get("cls") in CLASSINGS else CLASSINGS[0]
    pal = params.get("pal") if params.get("pal") in PALETTES else PALETTES[0]
    view = map_view(data, query.selection, query.year)
    return [map_image(data, title, view, lang, cls, pal, params.get("labels") != "0")]


def map_image(
    data: Data,
    title: str,
    view: MapView,
    lang: str,
    classes: str = CLASSINGS[0],
    palette: str = PALETTES[0],
    names_and_values: bool = True,
) -> pptx.ImageSlide:
    """One map view as an image slide with the app's classes and palette and, as on the app's
    map, each region's name and value written on it (the picture is drawn when the file is
    built)."""
    labels = data.labels()
    sel = view.selection
    unit = labels.code_label("unit", sel.unit, lang)
    png = functools.partial(
        pptx.map_png,
        view.drawn,
        data.geojson(view.layout),
        names={c: labels.region_name(c, lang) for c in labels.regions},
        unit_label=unit,
        lang=lang,
        higher_is_better=view.higher_is_better,
        palette=palette,
        classes=classes,
        better_label=t("better", lang),
        no_data_label=t("no_data", lang),
        labels=names_and_values,
        label_at=label_points(data, view.layout),
    )
    caption = labels.selection_label(sel, lang)
    if view.national is not None:
        caption += f" · {t('national_value', lang)}: {fmt_number(view.national, lang)} {unit}"
    files = ", ".join(sorted(set(view.drawn["source_file"])))
    return pptx.ImageSlide(title, png, footer(data, lang, [sel.indicator_id], files), caption)
