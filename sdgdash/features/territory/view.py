"""A pilot territory's page as data: the territory a URL opens, its region's context table and
the local data uploaded for it beside the region's and Kazakhstan's values (pure)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sdgdash.data.catalog import natural_key
from sdgdash.data.models import Selection
from sdgdash.data.source import Data
from sdgdash.data.territories import DEFAULT_TERRITORY, Territory
from sdgdash.data.uploads import UploadStore
from sdgdash.exports.tables import ExportMeta
from sdgdash.features.index.view import region_ratings
from sdgdash.features.localdata import uploads as localdata
from sdgdash.features.region.view import profile_table, region_profile
from sdgdash.i18n import t


def query_from_params(data: Data, params: dict[str, str]) -> tuple[Territory, int]:
    """(territory, goal or 0 = all goals) a territory URL opens (``territory``, ``goal``), as the
    page resolves them; a territory with priority goals shows those (goal 0)."""
    terrs = data.territories()
    tid = params.get("territory", "")
    if tid not in terrs:
        tid = DEFAULT_TERRITORY if DEFAULT_TERRITORY in terrs else next(iter(terrs))
    terr = terrs[tid]
    raw = params.get("goal", "")
    goal = int(raw) if raw.isdigit() and int(raw) in context_goals(data, terr) else 0
    return terr, 0 if terr.priority_goals else goal


def context_goals(data: Data, terr: Territory) -> list[int]:
    """The goals with values in the territory's parent region (the page's goal choices)."""
    profile = region_profile(data, terr.parent_ref_area)
    return sorted(int(g) for g in profile["goal"].unique()) if len(profile) else []


def context_rows(
    data: Data, terr: Territory, goal: int, lang: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(profile rows, table in ``lang``) of the parent region for the territory's priority goals,
    else for ``goal`` (0 = all goals); what :func:`context` shows."""
    profile = region_profile(data, terr.parent_ref_area)
    if terr.priority_goals:
        shown = profile[profile["goal"].isin(terr.priority_goals)]
    else:
        shown = profile[profile["goal"] == goal] if goal else profile
    if not len(shown):
        return shown, pd.DataFrame()
    ratings = region_ratings(data, terr.parent_ref_area)
    return shown, profile_table(data, shown, lang, ratings)


def selection_label(data: Data, row: dict, indicator_id: str, lang: str) -> str:
    labels = data.labels()
    sel = Selection.from_mapping(indicator_id, row)
    text = labels.selection_label(sel, lang, with_unit=False)
    return text or t("terr_total", lang)


@dataclass(frozen=True)
class LocalIndicator:
    """One indicator's uploaded values beside the region's and Kazakhstan's: the table shown,
    the three series of its chart and the selection they follow."""

    indicator_id: str
    table: pd.DataFrame
    series: pd.DataFrame
    first: dict


def local_indicators(data: Data, terr: Territory, lang: str) -> list[LocalIndicator]:
    """Every indicator with active uploads of ``terr`` (from ``data.upload_store()``), beside
    the parent region's and Kazakhstan's values, as the territory page shows them."""
    labels = data.labels()
    store = data.upload_store()
    active = store.uploads(terr.territory_id) if store is not None else pd.DataFrame()
    active = localdata.with_upload_id(active)
    indicators = sorted(set(active["indicator_id"]), key=natural_key) if len(active) else []
    per_indicator = {ind: _upload_rows(store, terr.territory_id, ind) for ind in indicators}
    per_indicator = {ind: rows for ind, rows in per_indicator.items() if len(rows)}
    region = labels.region_name(terr.parent_ref_area, lang)
    out = []
    for ind, mine in per_indicator.items():
        obs = data.indicator_observations(ind)
        both = localdata.side_by_side(mine, obs, terr.parent_ref_area)
        table = pd.DataFrame(
            {
                t("indicator", lang): ind,
                t("terr_col_selection", lang): [
                    selection_label(data, r, ind, lang) for r in both.to_dict("records")
                ],
                t("unit", lang): [labels.code_label("unit", u, lang) for u in both["unit"]],
                t("year", lang): both["year"],
                f"{t('terr_col_territory', lang)}: {terr.name(lang)}": both["value"],
                f"{t('terr_col_region', lang)}: {region}": both["region_value"],
                t("terr_col_national", lang): both["national_value"],
                t("terr_col_upload_source", lang): _upload_source(active, ind),
                t("terr_col_region_source", lang): both["region_source"].fillna(""),
                t("terr_col_national_source", lang): both["national_source"].fillna(""),
            }
        )

        first = both.iloc[0].to_dict()
        series = localdata.series_of_three(mine, obs, terr.parent_ref_area, first)
        out.append(LocalIndicator(ind, table, series, first))
    return out


def series_sources(table: pd.DataFrame, lang: str) -> list[str]:
    """The uploads and data files behind one indicator's local table (file names, no lines)."""
    uploads = [str(s) for s in table[t("terr_col_upload_source", lang)].unique() if s]
    files = {
        str(s).rsplit(":", 1)[0]
        for col in ("terr_col_region_source", "terr_col_national_source")
        for s in table[t(col, lang)]
        if s
    }
    return [*uploads, *sorted(files)]


def _upload_source(active: pd.DataFrame, indicator_id: str) -> str:
    """Which upload (id and file name) the territory's values of an indicator come from."""
    mine = active[active["indicator_id"] == indicator_id]
    return "; ".join(
        f"#{r['upload_id']} {r.get('filename', '')}".strip() for r in mine.to_dict("records")
    )


def _upload_rows(store: UploadStore, territory_id: str, indicator_id: str) -> pd.DataFrame:
    """The active rows of one indicator, every selection column present ("" = total)."""
    rows = store.upload_rows(territory_id, indicator_id).copy()
    for c in localdata.SELECTION_KEYS:
        rows[c] = rows[c].fillna("").astype(str) if c in rows else ""
    return rows.assign(indicator_id=indicator_id)


def export_meta(
    data: Data, terr: Territory, context_table: pd.DataFrame, local_table: pd.DataFrame, lang: str
) -> ExportMeta:
    """What the territory profile download holds, for its metadata sheet."""
    col = t("indicator", lang)
    ids = [str(x).split(" ", 1)[0] for x in context_table.get(col, [])]
    ids += [str(x) for x in local_table.get(col, [])]
    region = data.labels().region_name(terr.parent_ref_area, lang)
    return ExportMeta(
        f"{terr.name(lang)} ({t('terr_kind_' + terr.kind, lang)}, {region})",
        tuple(dict.fromkeys(ids)),
        regions=(terr.parent_ref_area,),
        notes=(t("terr_context_note", lang), f"{t('terr_source', lang)}: {terr.source(lang)}"),
    )


def profile_csv(context_table: pd.DataFrame, local_table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Context and local data in one CSV, each row saying which section it belongs to."""
    col = t("terr_col_section", lang)
    parts = []
    if len(context_table):
        parts.append(context_table.assign(**{col: t("terr_section_context", lang)}))
    if len(local_table):
        parts.append(local_table.assign(**{col: t("terr_section_local", lang)}))
    if not parts:
        return pd.DataFrame(columns=[col])
    frame = pd.concat(parts, ignore_index=True)
    return frame[[col, *[c for c in frame.columns if c != col]]]
