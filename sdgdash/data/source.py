"""The app's data, as one object every view function takes: built tables, curated tables and
boundaries of one data folder (plain Python, no Streamlit).

Feature code is written against :class:`Data` and never opens files itself. Two things provide
it: :class:`Source` (plain; used by the data build's checks, the benchmark, documents and tests)
and :mod:`sdgdash.ui.cached` (the same functions behind Streamlit's caches, for the app).
Results derived by features (an index, a goal's status table) are marked with :func:`derived`,
so each provider keeps them in its own cache.
"""

from __future__ import annotations

import functools
import json
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Protocol, TypeVar

import duckdb
import pandas as pd

from sdgdash.config import Settings
from sdgdash.data import directions as direction_table
from sdgdash.data import events as events_table
from sdgdash.data import queries, selection, tags
from sdgdash.data import targets as target_table
from sdgdash.data import territories as territory_table
from sdgdash.data.db import connect
from sdgdash.data.end_values import load_end_values
from sdgdash.data.index_table import load_index_table
from sdgdash.data.labels import Labels
from sdgdash.data.models import Selection
from sdgdash.data.uploads import UploadStore
from sdgdash.geo import layouts, published

T = TypeVar("T")
DERIVED: dict[str, Callable[..., Any]] = {}  # name -> function, filled at import by @derived
STORE_DERIVED: dict[str, Callable[..., Any]] = {}  # filled at import by @store_derived
# Names of derived results kept per view (one per selection, year, language...: many, each
# cheap to rebuild), cached apart so that they never push out the costly whole-data ones.
PER_VIEW: set[str] = set()


class Data(Protocol):
    """What view functions read. Every frame returned is shared: never modify it in place."""

    def labels(self) -> Labels: ...
    def geojson(self, layout: str) -> dict: ...
    def geojson_url(self, layout: str) -> str | None: ...
    def pilots(self) -> dict: ...
    def build_info(self) -> dict: ...
    def refresh_report(self) -> dict: ...
    def indicators(self) -> pd.DataFrame: ...
    def codes(self) -> pd.DataFrame: ...
    def regional_indicators(self) -> pd.DataFrame: ...
    def goal_summary(self) -> pd.DataFrame: ...
    def observation_count(self) -> int: ...
    def selection_options(self, indicator_id: str) -> pd.DataFrame: ...
    def breakdowns(self) -> pd.DataFrame: ...
    def map_frame(self, sel: Selection, year: int) -> pd.DataFrame: ...
    def national_series(self, sel: Selection) -> pd.DataFrame: ...
    def regional_series(self, sel: Selection) -> pd.DataFrame: ...
    def indicator_observations(self, indicator_id: str) -> pd.DataFrame: ...
    def selection_observations(self, selections: tuple[Selection, ...]) -> pd.DataFrame: ...
    def indicator_codes(self) -> pd.DataFrame: ...
    def goal_indicators(self, goal: int) -> pd.DataFrame: ...
    def goal_observations(self, goal: int) -> pd.DataFrame: ...
    def headlines(self) -> list[Selection]: ...
    def directions(self) -> pd.DataFrame: ...
    def progress_directions(self) -> pd.DataFrame: ...
    def higher_is_better(self, sel: Selection) -> bool | None: ...
    def headline_directions(self) -> dict[str, bool | None]: ...
    def targets(self) -> pd.DataFrame: ...
    def index_table(self) -> pd.DataFrame: ...
    def end_values(self) -> pd.DataFrame: ...
    def tag_vocabulary(self) -> tags.Vocabulary: ...
    def events(self) -> tuple[events_table.Event, ...]: ...
    def territories(self) -> dict[str, territory_table.Territory]: ...
    def territory_names(self, lang: str) -> dict[str, str]: ...
    def upload_store(self) -> UploadStore | None: ...
    def remember(self, fn: Callable[..., T], args: tuple) -> T: ...


def derived(fn: Callable[..., T]) -> Callable[..., T]:
    """Mark ``fn(data, *args)`` (hashable args) as a derived result: calls go through
    ``data.remember``, so the app computes it once per process and a plain :class:`Source` once
    per instance. The result is shared: callers never modify it."""
    name = f"{fn.__module__}.{fn.__qualname__}"
    DERIVED[name] = fn

    @functools.wraps(fn)
    def call(data: Data, *args: Hashable) -> T:
        return data.remember(fn, args)

    call.compute = fn  # type: ignore[attr-defined]  # the uncached function, for tests
    return call


def per_view(fn: Callable[..., T]) -> Callable[..., T]:
    """:func:`derived`, for a result computed per view (a map of one selection and year, its
    figure): the app keeps these in a cache of their own (``sdgdash.ui.cached``)."""
    call = derived(fn)
    PER_VIEW.add(derived_name(fn))
    return call


def store_derived(fn: Callable[..., T]) -> Callable[..., T]:
    """Mark ``fn(data, store, *args)`` (hashable args) as a result derived from the data and the
    editable store (plan targets). It stays a plain function for documents and tests; the app
    caches it per store revision and clears it on every write (``sdgdash.ui.cached.from_store``)."""
    STORE_DERIVED[derived_name(fn)] = fn
    return fn


def derived_name(fn: Callable[..., Any]) -> str:
    """The registry name of a :func:`derived` function."""
    return f"{fn.__module__}.{fn.__qualname__}"


def once(method: Callable[[Any], T]) -> Callable[[Any], T]:
    """Cache a parameterless :class:`Source` method per instance (tables read once)."""
    attr = f"_once_{method.__name__}"

    @functools.wraps(method)
    def wrapper(self: Any) -> T:
        if attr not in self.__dict__:
            self.__dict__[attr] = method(self)
        return self.__dict__[attr]

    return wrapper


class Source:
    """:class:`Data` read from one data folder (``Settings``), with no Streamlit involved."""

    MAX_REMEMBERED = 512

    def __init__(
        self, settings: Settings | None = None, uploads: UploadStore | None = None
    ) -> None:
        self.settings = settings or Settings.from_env()
        self._uploads = uploads
        self._remembered: OrderedDict[tuple, Any] = OrderedDict()

    def upload_store(self) -> UploadStore | None:
        """The store of territories' local data given to this source (None: no local data)."""
        return self._uploads

    # --- tables -----------------------------------------------------------------------------

    @functools.cached_property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """One DuckDB database over the Parquet files; every query takes its own cursor."""
        return connect(self.settings)

    @once
    def labels(self) -> Labels:
        """Display names of goals, indicators, regions and codes."""
        con = self.connection
        return Labels.from_tables(
            queries.table(con, "goals"),
            queries.table(con, "indicators"),
            queries.table(con, "regions"),
            queries.table(con, "codes"),
        )

    def geojson(self, layout: str) -> dict:
        """One boundary layout as a d3-wound FeatureCollection."""
        cache = self._geojson_cache()
        if layout not in cache:  # read and wound once (setdefault would redo it every call)
            cache[layout] = layouts.for_d3(
                layouts.layout_geojson(self.settings.geodata_dir, layout)
            )
        return cache[layout]

    @once
    def _geojson_cache(self) -> dict[str, dict]:
        return {}

    def geojson_url(self, layout: str) -> str | None:
        """Where the browser fetches :meth:`geojson` of ``layout`` from the app's own host
        (static/geo/, see :mod:`sdgdash.geo.published`), or None when it is not published."""
        urls = self._geojson_urls()
        if layout not in urls:
            urls[layout] = published.url_for(layout, self.geojson(layout))
        return urls[layout]

    @once
    def _geojson_urls(self) -> dict[str, str | None]:
        return {}

    @once
    def pilots(self) -> dict:
        """Pilot territories (GLocal) as GeoJSON."""
        path = self.settings.geodata_dir / layouts.PILOT_FILE
        return json.loads(path.read_text(encoding="utf-8"))

    @once
    def build_info(self) -> dict:
        """The data build's report (source, counts)."""
        path = self.settings.data_dir / "build_report.json"
        return json.loads(path.read_text(encoding="utf-8"))

    @once
    def refresh_report(self) -> dict:
        """What the last data update changed (refresh_report.json); {} when the data folder has
        none (built before refresh reports existed)."""
        path = self.settings.data_dir / "refresh_report.json"
        if not path.is_file():
            return {}
        return json.loads(path.read_text(encoding="utf-8"))

    @once
    def indicators(self) -> pd.DataFrame:
        """The indicators table."""
        return queries.table(self.connection, "indicators")

    @once
    def codes(self) -> pd.DataFrame:
        """Code labels of every dimension (data/codes.parquet)."""
        return queries.table(self.connection, "codes")

    @once
    def regional_indicators(self) -> pd.DataFrame:
        """Indicators with regional values, in natural order."""
        return queries.regional_indicators(self.connection)

    @once
    def goal_summary(self) -> pd.DataFrame:
        """Indicator counts per goal."""
        return queries.goal_summary(self.connection)

    @once
    def observation_count(self) -> int:
        """Rows in the observations table."""
        return queries.observation_count(self.connection)

    def selection_options(self, indicator_id: str) -> pd.DataFrame:
        """Valid series / unit / disaggregation combinations of one indicator (regional rows)."""
        return queries.selection_options(self.connection, indicator_id)

    def breakdowns(self) -> pd.DataFrame:
        """(indicator_id, dimension): the disaggregations with regional values per indicator."""
        return queries.breakdowns(self.connection)

    def map_frame(self, sel: Selection, year: int) -> pd.DataFrame:
        """Regional values of one selection and year."""
        return queries.map_frame(self.connection, sel, year)

    def national_series(self, sel: Selection) -> pd.DataFrame:
        """National values of one selection."""
        return queries.national_series(self.connection, sel)

    def regional_series(self, sel: Selection) -> pd.DataFrame:
        """Every regional value of one selection over the years."""
        return queries.regional_series(self.connection, sel)

    def indicator_observations(self, indicator_id: str) -> pd.DataFrame:
        """Every row of one indicator (national and regional)."""
        return queries.observations_for(self.connection, indicator_id)

    def all_observations(self) -> pd.DataFrame:
        """Every observation as one frame, read when asked for (the bulk download; views read
        only the rows they need)."""
        return queries.all_observations(self.connection)

    def selection_observations(self, selections: tuple[Selection, ...]) -> pd.DataFrame:
        """Every row of the given selections (national and regional, flagged rows too), in the
        order of :meth:`all_observations`."""
        return queries.selection_rows(self.connection, list(selections))

    def indicator_codes(self) -> pd.DataFrame:
        """Per indicator with data: the series, units and disaggregation codes its rows use."""
        return queries.indicator_codes(self.connection)

    def goal_indicators(self, goal: int) -> pd.DataFrame:
        """The indicators of one goal with reporting status and data flags."""
        return queries.goal_indicators(self.connection, goal)

    def goal_observations(self, goal: int) -> pd.DataFrame:
        """Every value of one goal's indicators."""
        return queries.goal_observations(self.connection, goal)

    @once
    def headlines(self) -> list[Selection]:
        """The headline selection of every regional indicator, in natural order."""
        options = queries.all_selection_options(self.connection)
        groups = dict(tuple(options.groupby("indicator_id")))
        out = []
        for ind in self.regional_indicators()["indicator_id"]:
            sel = selection.headline(groups[ind].drop(columns="indicator_id"), ind)
            if sel is not None:
                out.append(sel)
        return out

    # --- curated tables -----------------------------------------------------------------------

    @property
    def curated_dir(self):
        """data/curated/ of this data folder."""
        return self.settings.data_dir / "curated"

    def _curated(self, name: str):
        return self.curated_dir / name

    @once
    def directions(self) -> pd.DataFrame:
        """The curated direction table of regional indicators."""
        return direction_table.load_directions(self._curated("indicator_direction.csv"))

    @once
    def progress_directions(self) -> pd.DataFrame:
        """Directions for progress over time: the regional table plus the national-only one."""
        national = direction_table.load_directions(
            self._curated("indicator_direction_national.csv")
        )
        return pd.concat([self.directions(), national], ignore_index=True)

    def higher_is_better(self, sel: Selection) -> bool | None:
        """True / False when the curated table says which way is better, None when neutral."""
        return direction_table.direction_for(
            self.directions(), sel.indicator_id, sel.series, sel.unit
        )

    @once
    def headline_directions(self) -> dict[str, bool | None]:
        """indicator_id -> higher is better (True/False) or neutral (None), for the headlines."""
        return {sel.indicator_id: self.higher_is_better(sel) for sel in self.headlines()}

    @once
    def targets(self) -> pd.DataFrame:
        """The curated 2030 targets."""
        return target_table.load_targets(self._curated("indicator_targets.csv"))

    @once
    def index_table(self) -> pd.DataFrame:
        """The curated indicator table of the regional SDG index."""
        return load_index_table(self._curated("index_indicators.csv"))

    @once
    def end_values(self) -> pd.DataFrame:
        """The curated 2030 end values of the distance to 2030 (and recorded refusals)."""
        return load_end_values(self._curated("end_values.csv"))

    @once
    def tag_vocabulary(self) -> tags.Vocabulary:
        """The problem tags and their links."""
        inds = self.indicators()
        return tags.load_vocabulary(self.curated_dir, inds["indicator_id"], inds["target"])

    @once
    def events(self) -> tuple[events_table.Event, ...]:
        """The dated localization events."""
        territories = [f["properties"]["id"] for f in self.pilots()["features"]]
        return events_table.load_events(
            self.curated_dir,
            self.labels().regions,
            territories,
            self.tag_vocabulary().tag_ids(),
        )

    @once
    def territories(self) -> dict[str, territory_table.Territory]:
        """The territories of territories.csv, checked against regions and geometry."""
        known = set(self.labels().regions) & set(layouts.ALL_UNITS)
        path = self._curated(territory_table.TERRITORIES_FILE)
        return territory_table.load_territories(path, self.pilots(), known)

    def territory_names(self, lang: str) -> dict[str, str]:
        """Territory id -> name in ``lang`` as the territory page shows it (territories.csv,
        else, for a territory only in the geodata or a file that does not load, the geodata)."""
        names = {
            f["properties"]["id"]: f["properties"].get(f"name_{lang}") or f["properties"]["id"]
            for f in self.pilots()["features"]
        }
        try:
            listed = self.territories()
        except territory_table.TerritoryError:
            return names
        return names | {tid: terr.name(lang) for tid, terr in listed.items()}

    # --- derived results ------------------------------------------------------------------------

    def remember(self, fn: Callable[..., T], args: tuple) -> T:
        """``fn(self, *args)``, computed once per instance (bounded, least recently used out)."""
        key = (derived_name(fn), args)
        if key in self._remembered:
            self._remembered.move_to_end(key)
            return self._remembered[key]
        value = fn(self, *args)
        self._remembered[key] = value
        if len(self._remembered) > self.MAX_REMEMBERED:
            self._remembered.popitem(last=False)
        return value
