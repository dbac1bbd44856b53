"""A region's (or pilot territory's) brief from the same view functions as its pages: the index
and goal scores of the region page, the plan status of the plans page, the trends of the region
profile, the events and findings of the region and territory pages, the territory's local data
(pure: data and store in, :class:`~sdgdash.features.brief.model.BriefModel` out)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pandas as pd

from sdgdash.data import events as ev
from sdgdash.data.models import Selection
from sdgdash.data.source import Data
from sdgdash.features.brief.model import (
    BriefModel,
    ChangeRow,
    FindingRow,
    GoalScore,
    Headline,
    LocalRow,
    SourceBook,
    TagRow,
    gap_rows,
    platform_source,
)
from sdgdash.features.distance import view as distance_view
from sdgdash.features.distance.display import score1
from sdgdash.features.findings import view as findings_view
from sdgdash.features.index import view as index_view
from sdgdash.features.plans import view as plans_view
from sdgdash.features.territory import view as territory_view
from sdgdash.i18n import t

N_CHANGES = 3  # improvements and deteriorations listed each
N_FINDINGS = 5  # the most recent findings


def _build(data: Data) -> dict:
    return dict(data.build_info().get("source", {}))


def index_source(data: Data, book: SourceBook, year: int, lang: str) -> int:
    """Cite the regional SDG index of ``year``: how it is computed and from which data."""
    build = _build(data)
    repo = str(build.get("repository") or "").rstrip("/")
    commit = str(build.get("commit") or "")
    url = f"{repo}/tree/{commit}/data" if repo and commit else repo
    return book.cite(t("brief_src_index", lang, year=year, commit=commit[:10]), url)


def distance_source(data: Data, book: SourceBook, lang: str) -> int:
    """Cite the distance-to-2030 scores: the method and the data they come from."""
    build = _build(data)
    repo = str(build.get("repository") or "").rstrip("/")
    commit = str(build.get("commit") or "")
    url = f"{repo}/tree/{commit}/data" if repo and commit else repo
    return book.cite(t("brief_src_distance", lang, commit=commit[:10]), url)


def headline(data: Data, region: str, lang: str, book: SourceBook, scope: str = "") -> Headline:
    """The region page's index line (latest scoring year) and its distance-to-2030 goal scores
    beside Kazakhstan's and the mean of its peer regions (the page's "distance to 2030" block)."""
    year = index_view.latest_year(data)
    result = index_view.index_result(data, year)
    labels = data.labels()
    ref = index_source(data, book, year, lang)
    scores: tuple[GoalScore, ...] = ()
    peers_label = ""
    if distance_view.is_region(region):
        block = distance_view.region_distance(data, region)
        dist_ref = distance_source(data, book, lang)
        scores = tuple(
            GoalScore(
                int(g["goal"]),
                labels.goal_short(int(g["goal"]), lang),
                score1(g["score"]),
                score1(g["national_score"]),
                score1(g["peer_score"]),
                (dist_ref,),
            )
            for g in block.goals.sort_values("goal").to_dict("records")
        )
        peers_label = ", ".join(labels.region_name(c, lang) for c in block.peers.codes)
    row = result.index[result.index["ref_area"] == region]
    ranked = len(row) and not bool(row.iloc[0]["withheld"]) and pd.notna(row.iloc[0]["rank"])
    return Headline(
        year=year,
        index_score=round(float(row.iloc[0]["index"]), 1) if ranked else None,
        rank=int(row.iloc[0]["rank"]) if ranked else None,
        n_ranked=int(result.index["rank"].notna().sum()),
        peers_label=peers_label,
        goals=scores,
        sources=(ref,),
        scope=scope,
    )


def behind(
    data: Data, store: Any, place: str, lang: str, book: SourceBook
) -> tuple[pd.DataFrame, tuple]:
    """(status table, the five rows furthest behind) from the plans page's table of the place;
    a pilot territory's own targets are ranked with its region's (rows of the region say so)."""
    status = plans_view.place_status(data, store, place)
    region = plans_view.parent_region(data, place)
    if region != place:
        status = pd.concat([status, plans_view.place_status(data, store, region)])
    rows = gap_rows(status, data.labels(), lang, book, _build(data), data.targets())
    if region != place:
        # gap_rows keeps furthest_behind's order: name the region on the region's rows.
        name = plans_view.place_name(data, region, lang)
        where = plans_view.furthest_behind(status, len(rows))["place"]
        rows = tuple(
            replace(r, label=f"{r.label} ({name})") if p == region else r
            for r, p in zip(rows, where, strict=True)
        )
    return status, rows


def changes(
    data: Data, region: str, lang: str, book: SourceBook
) -> tuple[tuple[ChangeRow, ...], tuple[ChangeRow, ...]]:
    """(fastest improvements, fastest deteriorations) of the region: the trends of the region
    profile (index scores of the latest scoring year), ranked by the change of the indicator's
    score per year since its base year; each row gives the base and the latest value."""
    year = index_view.latest_year(data)
    scores = index_view.index_result(data, year).scores
    mine = scores[(scores["ref_area"] == region) & scores["observed"].notna()]
    values = index_view.index_values(data)
    values = values[values["ref_area"] == region]
    rows_at = {
        (r.indicator_id, int(r.year)): f"{r.source_file}:{r.source_row}"
        for r in values.itertuples()
    }
    labels = data.labels()
    table = data.index_table().set_index("indicator_id")
    build = _build(data)

    def row(r) -> ChangeRow:
        ind = str(r.indicator_id)
        sel = Selection.from_mapping(ind, table.loc[ind].to_dict())
        label = labels.indicator_label(ind, lang)
        detail = labels.selection_label(sel, lang, with_unit=False)
        if detail and detail != t("total", lang):
            label += f" — {detail}"
        refs = tuple(
            ref
            for ref in (
                platform_source(book, rows_at.get((ind, int(y)), ""), build, lang, ind)
                for y in (r.base_year, r.value_year)
            )
            if ref is not None
        )
        return ChangeRow(
            ind,
            label,
            labels.code_label("unit", sel.unit, lang),
            int(r.base_year),
            float(r.base_value),
            int(r.value_year),
            float(r.value),
            refs,
        )

    ordered = mine.sort_values(["observed", "indicator_id"], kind="stable")
    up = ordered[ordered["observed"] > 0].iloc[::-1].head(N_CHANGES)
    down = ordered[ordered["observed"] < 0].head(N_CHANGES)
    return tuple(row(r) for r in up.itertuples()), tuple(row(r) for r in down.itertuples())


def tags(
    data: Data, place: str, findings: pd.DataFrame, lang: str, book: SourceBook
) -> tuple[TagRow, ...]:
    """The problem tags of a place: those of the events that concern it (the region and
    territory pages' timelines), of a pilot territory's own entry, and of its findings."""
    vocabulary = data.tag_vocabulary()
    region = plans_view.parent_region(data, place)
    events = ev.for_region(data.events(), region)
    if place != region:
        events = [*events, *(e for e in ev.for_territory(data.events(), place) if e not in events)]
    notes: dict[str, list[str]] = {}
    refs: dict[str, list[int]] = {}
    for e in events:
        for tag in e.tags:
            notes.setdefault(tag, []).append(f"{e.title(lang)} ({ev.date_label(e, lang)})")
            refs.setdefault(tag, []).append(book.cite(e.source(lang)))
    terr = data.territories().get(place)
    if terr is not None:
        for tag in terr.tags:
            notes.setdefault(tag, []).append(terr.programme(lang))
            refs.setdefault(tag, []).append(book.cite(terr.source(lang)))
    counted: dict[str, int] = {}
    for found in findings["tags"] if len(findings) else []:
        for tag in found:
            counted[tag] = counted.get(tag, 0) + 1
    for tag, n in counted.items():
        notes.setdefault(tag, []).append(t("brief_tag_findings", lang, n=n))
        refs.setdefault(tag, [])
    known = set(vocabulary.tag_ids())
    return tuple(
        TagRow(
            tag, vocabulary.name(tag, lang), "; ".join(notes[tag]), tuple(dict.fromkeys(refs[tag]))
        )
        for tag in sorted(notes, key=lambda x: vocabulary.name(x, lang) if x in known else x)
        if tag in known
    )


def place_findings(data: Data, store: Any, place: str) -> pd.DataFrame:
    """The findings in force of a region (with its pilot territories) or of one territory, newest
    first, as the region and territory pages read them (empty without a store)."""
    if store is None or not hasattr(store, "findings"):
        return pd.DataFrame(columns=["id", "finding_date", "event_id", "tags", "text", "source"])
    parents = {
        f["properties"]["id"]: f["properties"].get("parent_ref_area")
        for f in data.pilots()["features"]
    }
    frame = store.findings()
    if plans_view.place_kind(data, place) == plans_view.TERRITORY:
        return findings_view.for_place(frame, parents, territory_id=place)
    return findings_view.for_place(frame, parents, ref_area=place)


def finding_rows(
    data: Data, findings: pd.DataFrame, lang: str, book: SourceBook
) -> tuple[FindingRow, ...]:
    """The most recent findings, each citing its own source as the editor recorded it."""
    titles = {e.event_id: e.title(lang) for e in data.events()}
    out = []
    for r in findings.head(N_FINDINGS).to_dict("records"):
        event = r.get("event_id") or ""
        ref = book.cite(t("brief_src_finding", lang, id=int(r["id"]), source=str(r["source"])))
        out.append(FindingRow(r["finding_date"], titles.get(event, event), str(r["text"]), (ref,)))
    return tuple(out)


def local_rows(data: Data, place: str, lang: str, book: SourceBook) -> tuple[LocalRow, ...]:
    """A pilot territory's local data as its page shows it (territory view's tables): the latest
    year of each uploaded series beside its region's and Kazakhstan's values."""
    terr = data.territories().get(place)
    if terr is None:
        return ()
    labels = data.labels()
    build = _build(data)
    mine = f"{t('terr_col_territory', lang)}: {terr.name(lang)}"
    region = f"{t('terr_col_region', lang)}: {labels.region_name(terr.parent_ref_area, lang)}"
    out = []
    for item in territory_view.local_indicators(data, terr, lang):
        table = item.table
        sel_col, year_col = t("terr_col_selection", lang), t("year", lang)
        latest = table.sort_values(year_col).groupby(sel_col, sort=False).tail(1)
        for r in latest.to_dict("records"):
            upload = t("brief_src_upload", lang, name=terr.name(lang))
            upload += f" {r[t('terr_col_upload_source', lang)]}"
            refs = [book.cite(upload)]
            for col in ("terr_col_region_source", "terr_col_national_source"):
                ref = platform_source(book, str(r[t(col, lang)]), build, lang, item.indicator_id)
                if ref is not None:
                    refs.append(ref)
            label = labels.indicator_label(item.indicator_id, lang)
            out.append(
                LocalRow(
                    item.indicator_id,
                    f"{label} — {r[sel_col]}",
                    str(r[t("unit", lang)]),
                    int(r[year_col]),
                    float(r[mine]),
                    None if pd.isna(r[region]) else float(r[region]),
                    None
                    if pd.isna(r[t("terr_col_national", lang)])
                    else float(r[t("terr_col_national", lang)]),
                    tuple(refs),
                )
            )
    return tuple(out)


def build_brief(
    data: Data, store: Any, place: str, lang: str, today: dt.date | None = None
) -> BriefModel:
    """The brief of a region or pilot territory in ``lang``, every number with its source."""
    kind = plans_view.place_kind(data, place) or plans_view.REGION
    region = plans_view.parent_region(data, place)
    labels = data.labels()
    name = plans_view.place_name(data, place, lang)
    parent = labels.region_name(region, lang) if region != place else ""
    book = SourceBook()
    scope = t("brief_scope_region", lang, region=parent) if parent else ""
    head = headline(data, region, lang, book, scope)
    _, behind_rows = behind(data, store, place, lang, book)
    up, down = changes(data, region, lang, book)
    found = place_findings(data, store, place)
    changes_note = t("brief_changes_note", lang)
    if parent:
        changes_note = f"{scope} {changes_note}"
    return BriefModel(
        lang=lang,
        place=place,
        place_kind=kind,
        place_name=name,
        parent_name=parent,
        generated_on=today or dt.date.today(),
        data_commit=str(_build(data).get("commit") or ""),
        headline=head,
        furthest_behind=behind_rows,
        improvements=up,
        deteriorations=down,
        changes_scope=changes_note,
        tags=tags(data, place, found, lang, book),
        findings=finding_rows(data, found, lang, book),
        local_data=local_rows(data, place, lang, book) if kind == plans_view.TERRITORY else (),
        sources=book.sources(),
    )
