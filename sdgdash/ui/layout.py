"""Page layout that works on a laptop, a projector and a phone: the filter bar at the top of a
page's body (reachable without the sidebar, which a phone collapses) and the app's CSS for
narrow screens (Streamlit cannot know the screen's width: CSS media queries decide)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

# Phones (Streamlit stacks columns below 640 px). What changes there:
# - the page uses the whole width, with small side margins;
# - a chart's title is written above it as text that wraps (the title inside the figure, which
#   its PNG keeps, cannot wrap and would be cut on the right);
# - the plotly toolbar is hidden (it covers the figure's top on a small screen).
# Everywhere: headings break long words rather than leave the page, a button's or a metric's
# label wraps rather than being cut with an ellipsis, a multiselect's chosen values
# wrap onto more lines instead of scrolling out of sight, and the comparison table keeps its
# header in view while it scrolls.
_CSS = """<style>
[data-testid="stElementContainer"]:has(.sdg-narrow-title) { display: none; }
h1, h2, h3 { overflow-wrap: anywhere; }
[data-testid="stMain"] [data-testid="stPageLink"] p { white-space: normal; }
[data-testid="stMultiSelectTagsContainer"] {
  flex-wrap: wrap; row-gap: 0.2rem; height: auto !important; max-height: none !important; }
[data-testid="stMultiSelect"] div:has(> [data-testid="stMultiSelectTagsContainer"]) {
  height: auto !important; max-height: none !important; min-height: 2.5rem; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * { white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMain"] [data-testid^="stBaseButton"] p,
[data-testid="stMain"] [data-testid="stPopover"] button p { white-space: normal;
  overflow: visible; text-overflow: clip; }
.sdg-goal-banner { color: #fff; line-height: 1.45; padding: 0.6rem 0.9rem;
  border-radius: 0.25rem; }
.sdg-goal-banner b { font-size: 1.25em; }
.st-key-sdg_cmp_table thead th { position: sticky; top: 0; z-index: 2; background: #fff; }
/* The indicator's name stays in view while the regions' columns scroll sideways (a phone). */
.st-key-sdg_cmp_table th:first-child, .st-key-sdg_cmp_table td:first-child {
  position: sticky; left: 0; z-index: 1; background: #fff; }
.st-key-sdg_cmp_table thead th:first-child { z-index: 3; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] {
    padding-left: 0.8rem !important; padding-right: 0.8rem !important; }
  h1 { font-size: 1.75rem !important; }
  h2, h3 { font-size: 1.3rem !important; }
  [data-testid="stElementContainer"]:has(.sdg-narrow-title) { display: block; }
  .sdg-narrow-title { display: block; font-weight: 600; font-size: 0.95rem; line-height: 1.3;
    margin: 0 0 0.1rem 0; color: #262730; }
  .sdg-narrow-title .sdg-narrow-source { display: block; font-weight: 400; font-size: 0.75rem;
    color: #555; margin-top: 0.15rem; }
  [data-testid="stPlotlyChart"] .gtitle, [data-testid="stPlotlyChart"] .gtitle-subtitle {
    display: none; }
  [data-testid="stPlotlyChart"] .modebar-container { display: none; }
  [data-testid="stLayoutWrapper"]:has(> [class*="st-key-sdgmap_"]) {
    flex-basis: calc((100vw - 1.6rem) * 0.52 + 150px) !important;
    height: calc((100vw - 1.6rem) * 0.52 + 150px) !important; }
  /* Figures side by side: two per row, not one under the other. */
  [class*="st-key-sdg_metrics"] [data-testid="stColumn"] {
    min-width: calc(50% - 0.5rem) !important; flex: 1 1 calc(50% - 0.5rem) !important; }
  /* The events' time axis needs a wide screen; the same events follow as cards. */
  .st-key-overview_timeline { display: none; }
  .st-key-sdg_cmp_table td:first-child { min-width: 9rem; max-width: 42vw; }
  /* On a phone's map the values stay and the region names go (they would overlap): a tap
     on a region still names it. */
  [class*="st-key-sdgmap_"] .scattergeo text tspan.line:not(:last-child) { display: none; }
}
</style>"""


def page_css() -> None:
    """The app's layout CSS (once per run, from the entry script)."""
    st.html(_CSS)


def metric_row(n: int, key: str = "metrics") -> list:
    """``n`` columns for headline figures: one row on a laptop, two per row on a phone."""
    return list(st.container(key=f"sdg_{key}").columns(n))


def filter_bar(spec: int | Sequence[float], key: str = "filters") -> list:
    """Columns at the top of a page's body for its pickers: visible on every screen (a phone
    hides the sidebar), one row on a laptop, stacked on a phone."""
    bar = st.container(key=f"sdg_{key}")
    return list(bar.columns(spec, gap="small", vertical_alignment="bottom"))
