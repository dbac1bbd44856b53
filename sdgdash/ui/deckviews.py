"""What a deck view shows, as data: its title and its slide (chart values, map image, footer)."""

from __future__ import annotations

import textwrap

import pandas as pd

from sdgdash import mapview, selection, slides
from sdgdash.catalog import FEATURED_INDICATOR, SELECTION_COLUMNS
from sdgdash.i18n import fmt_number, t
from sdgdash.maps import CLASSINGS, PALETTES
from sdgdash.models import Selection
from sdgdash.seminar import Deck, View
from sdgdash.ui import cached

PROFILE_ROWS_PER_SLIDE = 10


def _commit() -> str:
    return str(cached.build_info().get("source", {}).get("commit", ""))[:10]


def footer(lang: str, indicator_ids: list[str] | tuple[str, ...] = (), files: str = "") -> str:
    """Source footer: indicator(s), source organisation, data file(s) and the data build commit."""
    labels = cached.labels()
    parts = []
    for ind in indicator_ids[:2]:
        info = labels.indicators.get(ind, {})
        org = next(
            (
                info.get(f"source_org_{c}")
                for c in (lang, "ru", "en")
                if isinstance(info.get(f"source_org_{c}"), str) and info.get(f"source_org_{c}")
            ),
            "",
        )
        parts.append(
            " · ".join(x for x in (labels.indicator_label(ind, lang, width=120), org) if x)
        )
    if len(indicator_ids) > 2:
        parts.append(t("source_many", lang, n=len(indicator_ids)))
    if files:
        parts.append(files)
    line = t("source_line", lang, file="; ".join(parts) or "—")
    return f"{line} · {t('slide_build', lang)} {_commit()}"


def _selection(params: dict[str, str]) -> tuple[Selection, list[int], int]:
    """The selection and year a map/overview URL opens, resolved as the pages resolve them."""
    ids = cached.regional_indicators()["indicator_id"].tolist()
    ind = params.get("ind") if params.get("ind") in ids else FEATURED_INDICATOR
    options = cached.selection_options(ind)
    head = selection.headline(options, ind)
    wanted = {c: params.get(c, getattr(head, c)) for c in SELECTION_COLUMNS}
    sel = selection.resolve(options, ind, wanted)
    years = selection.years_of(options, sel)
    raw = params.get("year", "")
    year = int(raw) if raw.isdigit() and int(raw) in years else years[-1]
    return sel, years, year


def _regions(raw: str | None, default: list[str]) -> list[str]:
    known = set(cached.labels().regions)
    codes = [c for c in (raw or "").split(",") if c in known]
    return codes or default


def _index_year(params: dict[str, str]) -> int:
    years = cached.index_years()
    raw = params.get("iyear", "")
    return int(raw) if raw.isdigit() and int(raw) in years else years[-1]


def view_title(page: str, params: dict[str, str], lang: str) -> str:
    """A slide title for a view, in ``lang``, from what the view shows."""
    labels = cached.labels()
    if page in ("map", "overview"):
        sel, _, year = _selection(params)
        return f"{labels.indicator_label(sel.indicator_id, lang)}, {year}"
    if page == "region":
        return labels.region_name(params.get("region", "KZKAR"), lang)
    if page == "compare":
        codes = _regions(params.get("regions"), ["KZKAR", "KZKZY"])
        names = ", ".join(labels.region_name(c, lang) for c in codes)
        ind = params.get("ind", FEATURED_INDICATOR)
        return f"{names}: {labels.indicator_label(ind, lang)}"
    if page == "index":
        return t("slide_index_title", lang, year=_index_year(params))
    return t(f"nav_{page}", lang) if page else ""


def map_slide(title: str, params: dict[str, str], lang: str) -> slides.ImageSlide:
    """A map view as an image with the app's classes and palette."""
    labels = cached.labels()
    sel, _, year = _selection(params)
    better = cached.higher_is_better(sel)
    national = mapview.national_value(cached.national_series(sel), year)
    view = mapview.split(
        cached.map_frame(sel, year), sel, year, labels.region_kinds(), national, better
    )
    cls = params.get("cls") if params.get("cls") in CLASSINGS else "continuous"
    pal = params.get("pal") if params.get("pal") in PALETTES else PALETTES[0]
    unit = labels.code_label("unit", sel.unit, lang)
    png = slides.map_png(
        view.drawn,
        cached.geojson(view.layout),
        names={c: labels.region_name(c, lang) for c in labels.regions},
        unit_label=unit,
        lang=lang,
        higher_is_better=better,
        palette=pal,
        classes=cls,
        better_label=t("better", lang),
        no_data_label=t("no_data", lang),
    )
    caption = labels.selection_label(sel, lang)
    if national is not None:
        caption += f" · {t('national_value', lang)}: {fmt_number(national, lang)} {unit}"
    files = ", ".join(sorted(set(view.drawn["source_file"])))
    return slides.ImageSlide(title, png, footer(lang, [sel.indicator_id], files), caption)


def goal_scores_slide(title: str, ref_area: str, lang: str) -> slides.ChartSlide:
    """A region's goal scores (latest index year) as a native bar chart."""
    labels = cached.labels()
    year = cached.index_years()[-1]
    result = cached.index_result(year)
    goals = result.goals[result.goals["ref_area"] == ref_area].sort_values("goal")
    goals = goals[goals["score"].notna()]
    return slides.ChartSlide(
        title,
        "bar",
        [f"{g}. {labels.goal_short(g, lang)}" for g in goals["goal"]],
        [(t("score", lang), goals["score"].round(1).tolist())],
        footer(lang, files=t("slide_index_source", lang, n=len(cached.index_table()))),
        axis_title=f"{t('score', lang)} (0–100), {year}",
    )


def compare_slide(title: str, params: dict[str, str], lang: str) -> slides.ChartSlide:
    """The compared regions' lines (and Kazakhstan's) as a native line chart."""
    labels = cached.labels()
    codes = _regions(params.get("regions"), ["KZKAR", "KZKZY"])[:4]
    by_id = {s.indicator_id: s for s in cached.headlines()}
    ind = params.get("ind") if params.get("ind") in by_id else FEATURED_INDICATOR
    sel = by_id[ind]
    regional = cached.regional_series(sel)
    regional = regional[regional["ref_area"].isin(codes)]
    national = cached.national_series(sel)
    years = sorted(set(regional["year"]) | set(national["year"]))
    series = []
    for code in codes:
        mine = regional[regional["ref_area"] == code].set_index("year")["value"]
        series.append((labels.region_name(code, lang), [_at(mine, y) for y in years]))
    nat = national.set_index("year")["value"]
    if len(nat):
        series.append((t("national", lang), [_at(nat, y) for y in years]))
    return slides.ChartSlide(
        title,
        "line",
        [str(y) for y in years],
        series,
        footer(lang, [ind], f"data/indicator_{ind.replace('.', '-')}.csv"),
        axis_title=labels.code_label("unit", sel.unit, lang),
    )


def _at(values: pd.Series, year: int) -> float | None:
    if year not in values.index:
        return None
    v = values.loc[year]
    v = v.iloc[0] if isinstance(v, pd.Series) else v
    return None if pd.isna(v) else float(v)


def index_slide(title: str, params: dict[str, str], lang: str) -> slides.ChartSlide:
    """The regions ranked by the index as a native bar chart (withheld regions left out)."""
    labels = cached.labels()
    year = _index_year(params)
    idx = cached.index_result(year).index
    idx = idx[~idx["withheld"]].sort_values(["rank", "ref_area"])
    return slides.ChartSlide(
        title,
        "bar",
        [f"{int(r.rank)}. {labels.region_name(r.ref_area, lang)}" for r in idx.itertuples()],
        [(t("index", lang), [round(float(v), 1) for v in idx["index"]])],
        footer(lang, files=t("slide_index_source", lang, n=len(cached.index_table()))),
        axis_title=f"{t('index', lang)} (0–100), {year}",
    )


def slide_for(view: View, lang: str) -> list[slides.Slide]:
    """The slide(s) of one deck view."""
    title = view.title or view_title(view.page, view.params, lang)
    p = view.params
    if view.page in ("map", "overview"):
        return [map_slide(title, p, lang)]
    if view.page == "region":
        return [goal_scores_slide(title, p.get("region", "KZKAR"), lang)]
    if view.page == "compare":
        return [compare_slide(title, p, lang)]
    if view.page == "index":
        return [index_slide(title, p, lang)]
    raise ValueError(f"no slide for page {view.page!r}")


def deck_document(deck: Deck, lang: str, base_url: str = "") -> slides.Document:
    """The deck as slides: a title slide (with the views' links), then the slide(s) of each view."""
    specs = [s for view in deck.views for s in slide_for(view, lang)]
    subtitle = [t("app_title", lang)]
    if base_url:
        subtitle += [view.url(base_url, lang) for view in deck.views[:6]]
    return slides.Document(deck.title or t("deck_default_title", lang), subtitle, specs)


def region_document(ref_area: str, lang: str, table: pd.DataFrame) -> slides.Document:
    """A region profile as slides: goal scores, then the indicator table (``table`` as the page
    shows it) in parts."""
    labels = cached.labels()
    name = labels.region_name(ref_area, lang)
    year = cached.index_years()[-1]
    specs: list[slides.Slide] = [
        goal_scores_slide(t("slide_goal_scores", lang, region=name, year=year), ref_area, lang)
    ]
    cols = [t(k, lang) for k in ("indicator", "value", "unit", "year", "rank", "national_value")]
    rows = [
        [
            textwrap.shorten(str(r[cols[0]]), 110),
            fmt_number(r[cols[1]], lang),
            str(r[cols[2]]),
            str(r[cols[3]]),
            str(r[cols[4]]),
            fmt_number(r[cols[5]], lang),
        ]
        for r in table.to_dict("records")
    ]
    ids = [str(r).split(" ", 1)[0] for r in table[cols[0]]]
    per = PROFILE_ROWS_PER_SLIDE
    parts = -(-len(rows) // per)
    for n in range(parts):
        chunk = slice(n * per, (n + 1) * per)
        specs.append(
            slides.TableSlide(
                t("slide_profile_table", lang, region=name, part=f"{n + 1}/{parts}"),
                cols,
                rows[chunk],
                footer(lang, ids[chunk]),
            )
        )
    return slides.Document(name, [t("app_title", lang)], specs)
