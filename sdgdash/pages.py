"""The app's pages, in one place: navigation, sidebar tools, the seminar deck and the tests read
this registry (a new page is one line here plus its script in ``app_pages/``)."""

from __future__ import annotations

from dataclasses import dataclass

from sdgdash.data.catalog import SELECTION_COLUMNS


@dataclass(frozen=True)
class Page:
    """One page: its URL path (and ``app_pages/<id>.py``), name, icon and view parameters."""

    id: str
    title_key: str  # catalog key of its name in the navigation
    icon: str
    widget_prefixes: tuple[str, ...] = ()  # session keys of its widgets (cleared by a deck step)
    # URL parameters that make up one of its views (besides ``lang``); a page with none cannot
    # be put in a seminar deck.
    view_params: frozenset[str] = frozenset()

    @property
    def script(self) -> str:
        """The page script, relative to the repository root."""
        return f"app_pages/{self.id}.py"

    @property
    def deckable(self) -> bool:
        """True when a view of this page can be added to a seminar deck."""
        return bool(self.view_params)


# In navigation order; the first is the default page (served at "/").
PAGES: tuple[Page, ...] = (
    Page(
        "overview",
        "nav_overview",
        ":material/dashboard:",
        ("ov_", "overview_"),
        frozenset({"ind", "year"}),
    ),
    Page(
        "goal",
        "goal_nav",
        ":material/flag_circle:",
        ("goal_",),
        frozenset({"goal", "region", "ind", "tag"}),
    ),
    Page(
        "map",
        "nav_map",
        ":material/map:",
        ("map_",),
        frozenset(
            {
                "goal",
                "ind",
                "year",
                "from",
                "chg",
                "cls",
                "pal",
                "pilots",
                "labels",
                "mode",
                "region",
                "years",
            }
            | set(SELECTION_COLUMNS)
        ),
    ),
    Page(
        "region",
        "nav_region",
        ":material/location_city:",
        ("reg_",),
        frozenset({"region", "goals", "pind", "dind"}),
    ),
    Page("tag", "tag_nav", ":material/label:", ("tag_",), frozenset({"tag", "indicator"})),
    Page(
        "compare",
        "nav_compare",
        ":material/compare_arrows:",
        ("cmp_",),
        frozenset({"regions", "ind", "goals"}),
    ),
    Page(
        "plans",
        "nav_plans",
        ":material/track_changes:",
        ("plan_",),
        frozenset({"place", "ind", "sel", "sort"}),
    ),
    Page("index", "nav_index", ":material/leaderboard:", ("idx_",), frozenset({"iyear"})),
    Page("findings", "nav_findings", ":material/forum:", ("find_",)),
    Page(
        "territory",
        "nav_territory",
        ":material/flag:",
        ("terr_",),
        frozenset({"territory", "goal"}),
    ),
    Page("seminar", "nav_seminar", ":material/slideshow:", ("deck_",)),
)
BY_ID: dict[str, Page] = {p.id: p for p in PAGES}
DEFAULT_PAGE = PAGES[0].id


def page(page_id: str) -> Page:
    """The page with ``page_id`` (KeyError for an unknown page)."""
    return BY_ID[page_id]


def script(page_id: str) -> str:
    """``app_pages/<page_id>.py``, for st.page_link / st.switch_page."""
    return BY_ID[page_id].script
