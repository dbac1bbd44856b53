"""A seminar deck as a PowerPoint document: each view's title and slides, built by the feature
that owns the view's page from the same view functions as the page (pure)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from sdgdash import pages
from sdgdash.data.source import Data
from sdgdash.features.compare import slides as compare_slides
from sdgdash.features.deck import pptx
from sdgdash.features.deck.model import Deck, View
from sdgdash.features.deck.parts import footer
from sdgdash.features.goal import slides as goal_slides
from sdgdash.features.index import slides as index_slides
from sdgdash.features.map import slides as map_slides
from sdgdash.features.plans import slides as plan_slides
from sdgdash.features.region import slides as region_slides
from sdgdash.features.tags import slides as tag_slides
from sdgdash.features.territory import slides as territory_slides
from sdgdash.i18n import t


class ViewSlides(NamedTuple):
    """How one page's view becomes slides: its title, and its slides under a title."""

    title: Callable[[Data, dict[str, str], str], str]
    slides: Callable[[Data, str, dict[str, str], str], list[pptx.Slide]]


# Every deckable page of sdgdash.pages (a test keeps the two in step).
VIEW_SLIDES: dict[str, ViewSlides] = {
    "overview": ViewSlides(map_slides.title, map_slides.slides),
    "map": ViewSlides(map_slides.title, map_slides.slides),
    "region": ViewSlides(region_slides.title, region_slides.slides),
    "compare": ViewSlides(compare_slides.title, compare_slides.slides),
    "plans": ViewSlides(plan_slides.title, plan_slides.slides),
    "index": ViewSlides(index_slides.title, index_slides.slides),
    "goal": ViewSlides(goal_slides.title, goal_slides.slides),
    "tag": ViewSlides(tag_slides.title, tag_slides.slides),
    "territory": ViewSlides(territory_slides.title, territory_slides.slides),
}


def page_name(page: str, lang: str) -> str:
    """The name of a page as its navigation link shows it."""
    return t(pages.page(page).title_key, lang) if page in pages.BY_ID else page


def view_title(data: Data, page: str, params: dict[str, str], lang: str) -> str:
    """A slide title for a view of ``page``, in ``lang``, from what the view shows."""
    if page in VIEW_SLIDES:
        return VIEW_SLIDES[page].title(data, params, lang)
    return page_name(page, lang) if page else ""


def slide_for(data: Data, view: View, lang: str) -> list[pptx.Slide]:
    """The slide(s) of one deck view (a view without data gives one slide saying so)."""
    if view.page not in VIEW_SLIDES:
        raise ValueError(f"no slide for page {view.page!r}")
    title = view.title or view_title(data, view.page, view.params, lang)
    specs = VIEW_SLIDES[view.page].slides(data, title, view.params, lang)
    if not specs:
        name = page_name(view.page, lang)
        specs = [pptx.TableSlide(title, [name], [[t("slide_no_data", lang)]], footer(data, lang))]
    return specs


def slide_counts(data: Data, deck: Deck, lang: str) -> list[int]:
    """How many slides each view of ``deck`` becomes (maps are not drawn to count them)."""
    return [len(slide_for(data, view, lang)) for view in deck.views]


def deck_document(data: Data, deck: Deck, lang: str, base_url: str = "") -> pptx.Document:
    """The deck as slides: a title slide (with the views' links), then the slide(s) of each view."""
    specs = [s for view in deck.views for s in slide_for(data, view, lang)]
    subtitle = [t("app_title", lang)]
    if base_url:
        subtitle += [view.url(base_url, lang) for view in deck.views[:6]]
    return pptx.Document(deck.title or t("deck_default_title", lang), subtitle, specs)
