"""The app's :class:`~sdgdash.data.source.Data`: the plain :class:`Source` behind Streamlit's
caches (the only place with caches). Pages pass this module itself as ``data`` to the features'
view functions, and call its functions directly for the tables they show."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st

from sdgdash.config import Settings
from sdgdash.data import tags
from sdgdash.data.events import Event
from sdgdash.data.labels import Labels
from sdgdash.data.models import Selection
from sdgdash.data.source import DERIVED, PER_VIEW, STORE_DERIVED, Source, derived_name
from sdgdash.data.territories import Territory
from sdgdash.exports import tables as exports
from sdgdash.ui import auth

T = TypeVar("T")
_TTL = 3600


@st.cache_resource
def source() -> Source:
    """The data of this process (settings from the environment, read once)."""
    return Source(Settings.from_env())


def settings() -> Settings:
    """Settings from the environment, read once per process."""
    return source().settings


# Shared, read-only objects: one per process.


@st.cache_resource
def labels() -> Labels:
    """Display names for goals, indicators, regions and codes."""
    return source().labels()


@st.cache_resource
def geojson(layout: str) -> dict:
    """One boundary layout as a d3-wound FeatureCollection."""
    return source().geojson(layout)


@st.cache_resource
def geojson_url(layout: str) -> str | None:
    """Where the browser fetches one layout (static/geo/), or None when it is not published."""
    return source().geojson_url(layout)


@st.cache_resource
def pilots() -> dict:
    """Pilot territories (GLocal) as GeoJSON."""
    return source().pilots()


@st.cache_resource
def build_info() -> dict:
    """The data build's report (source commit, counts)."""
    return source().build_info()


@st.cache_resource
def refresh_report() -> dict:
    """What the last data update changed (refresh_report.json; {} when there is none)."""
    return source().refresh_report()


def headlines() -> list[Selection]:
    """The headline selection of every regional indicator, in natural order."""
    return source().headlines()


@st.cache_resource
def directions() -> pd.DataFrame:
    """The curated direction table, validated once."""
    return source().directions()


@st.cache_resource
def progress_directions() -> pd.DataFrame:
    """Directions for progress over time (regional and national-only tables)."""
    return source().progress_directions()


def higher_is_better(sel: Selection) -> bool | None:
    """True / False when the curated table says which way is better, None when neutral."""
    return source().higher_is_better(sel)


@st.cache_resource
def headline_directions() -> dict[str, bool | None]:
    """indicator_id -> direction of its headline selection."""
    return source().headline_directions()


@st.cache_resource
def targets() -> pd.DataFrame:
    """The curated 2030 targets, validated once."""
    return source().targets()


@st.cache_resource
def index_table() -> pd.DataFrame:
    """The curated indicator table of the regional SDG index, validated once."""
    return source().index_table()


@st.cache_resource
def end_values() -> pd.DataFrame:
    """The curated 2030 end values of the distance to 2030, validated once."""
    return source().end_values()


@st.cache_resource
def tag_vocabulary() -> tags.Vocabulary:
    """The problem tags and their links, validated once."""
    return source().tag_vocabulary()


@st.cache_resource
def events() -> tuple[Event, ...]:
    """The dated localization events, validated once."""
    return source().events()


@st.cache_resource
def territories() -> dict[str, Territory]:
    """The pilot territories, checked against regions and geometry."""
    return source().territories()


@st.cache_resource(max_entries=8)
def selection_observations(selections: tuple[Selection, ...]) -> pd.DataFrame:
    """Every row of the given selections (read-only, shared; the derived results that read it
    are cached themselves)."""
    return source().selection_observations(selections)


@st.cache_resource
def indicator_codes() -> pd.DataFrame:
    """Per indicator: the series, units and disaggregation codes its rows use (read-only)."""
    return source().indicator_codes()


@st.cache_resource(max_entries=20)
def goal_observations(goal: int) -> pd.DataFrame:
    """Every value of one goal (read-only, shared)."""
    return source().goal_observations(goal)


# Query results, copied per caller by st.cache_data.


@st.cache_data(max_entries=4, ttl=_TTL)
def indicators() -> pd.DataFrame:
    """The indicators table."""
    return source().indicators()


@st.cache_resource
def codes() -> pd.DataFrame:
    """Code labels of every dimension (read-only, shared)."""
    return source().codes()


@st.cache_data(max_entries=4, ttl=_TTL)
def regional_indicators() -> pd.DataFrame:
    """Indicators with regional values."""
    return source().regional_indicators()


@st.cache_data(max_entries=8, ttl=_TTL)
def goal_summary() -> pd.DataFrame:
    """Indicator counts per goal."""
    return source().goal_summary()


@st.cache_data(max_entries=8, ttl=_TTL)
def observation_count() -> int:
    """Number of rows in the observations table."""
    return source().observation_count()


@st.cache_data(max_entries=4, ttl=_TTL)
def breakdowns() -> pd.DataFrame:
    """(indicator_id, dimension): the disaggregations with regional values per indicator."""
    return source().breakdowns()


@st.cache_data(max_entries=256, ttl=_TTL)
def selection_options(indicator_id: str) -> pd.DataFrame:
    """Valid series/unit/disaggregation combinations of one indicator (regional rows only)."""
    return source().selection_options(indicator_id)


@st.cache_data(max_entries=512, ttl=_TTL)
def map_frame(sel: Selection, year: int) -> pd.DataFrame:
    """Regional values of one selection and year."""
    return source().map_frame(sel, year)


@st.cache_data(max_entries=256, ttl=_TTL)
def national_series(sel: Selection) -> pd.DataFrame:
    """National values of one selection."""
    return source().national_series(sel)


@st.cache_data(max_entries=256, ttl=_TTL)
def regional_series(sel: Selection) -> pd.DataFrame:
    """All regional values of one selection over the years."""
    return source().regional_series(sel)


@st.cache_data(max_entries=64, ttl=_TTL)
def indicator_observations(indicator_id: str) -> pd.DataFrame:
    """Every row of one indicator (national and regional)."""
    return source().indicator_observations(indicator_id)


@st.cache_data(max_entries=20, ttl=_TTL)
def goal_indicators(goal: int) -> pd.DataFrame:
    """The indicators of one goal with reporting status and data flags."""
    return source().goal_indicators(goal)


@st.cache_data(max_entries=8, ttl=_TTL)
def territory_names(lang: str) -> dict[str, str]:
    """Territory id -> name in ``lang`` as the territory page shows it."""
    return source().territory_names(lang)


def upload_store():
    """The editable store (local data of territories), as the login uses it."""
    return auth.store()


# Results derived by the features (sdgdash.data.source.derived): one per process and arguments.


@st.cache_resource(max_entries=512, show_spinner=False)
def _remembered(name: str, args: tuple) -> object:
    return DERIVED[name](_THIS, *args)


@st.cache_resource(max_entries=1024, show_spinner=False)
def _remembered_view(name: str, args: tuple) -> object:
    return DERIVED[name](_THIS, *args)


def remember(fn: Callable[..., T], args: tuple) -> T:
    """A derived result, computed once per process (shared: never modified by callers). Results
    per view (``@per_view``: map views and figures) have their own cache, so a seminar going
    through many maps never pushes the profiles or the index out of theirs."""
    name = derived_name(fn)
    if name in PER_VIEW:
        return _remembered_view(name, args)  # type: ignore[return-value]
    return _remembered(name, args)  # type: ignore[return-value]


# Results derived from the data and the editable store (sdgdash.data.source.store_derived).


@st.cache_data(max_entries=128, ttl=_TTL, show_spinner=False)
def _from_store(name: str, args: tuple, url: str, revision: tuple) -> object:
    return STORE_DERIVED[name](_THIS, auth.store_for(url), *args)


def from_store(fn: Callable[..., T], *args) -> T:
    """``fn(data, store, *args)`` over the app's store, cached until the next plan write: the
    store's revision is part of the key (a write in another process counts too) and
    :func:`clear_store_results` empties the cache after a write here. Without a readable
    store, ``fn`` runs with none (no plans)."""
    try:
        store = auth.store()
        revision = store.plan_revision()
    except auth.STORE_ERRORS:
        return fn(_THIS, None, *args)
    url = Settings.from_env().store_url
    return _from_store(derived_name(fn), args, url, revision)  # type: ignore[return-value]


def clear_store_results() -> None:
    """Forget every cached result derived from the store (after a plan target is written)."""
    _from_store.clear()


@st.cache_data(max_entries=3, ttl=_TTL, show_spinner=False)
def bulk_files(lang: str, metadata: pd.DataFrame) -> tuple[bytes, bytes]:
    """(CSV, XLSX) of every observation with names in ``lang`` (built on request, ~10 s for the
    XLSX, then kept per language)."""
    # Read here, when asked for, and not kept: only the two files are cached.
    frame = exports.bulk_frame(source().all_observations(), labels(), lang)
    return exports.csv_bytes(frame), exports.xlsx_bytes(frame, metadata)


def _this_module():
    import sys

    return sys.modules[__name__]


_THIS = _this_module()
