"""The distance figures as words and tables in one language, for the pages, downloads and slides
(pure): arrival years, rank ranges, why a figure is missing, and the display tables."""

from __future__ import annotations

import math

import pandas as pd

from sdgdash.data.labels import Labels
from sdgdash.features.distance import change, endvalues, pace
from sdgdash.features.distance.ranks import rank_label
from sdgdash.features.distance.view import (
    IndicatorDetail,
    RegionDistance,
    RegionPeers,
    source_file,
)
from sdgdash.figures import by_year
from sdgdash.i18n import fmt_number, t


def _missing(x: object) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def sig(x: object, digits: int = 3) -> float | None:
    """``x`` rounded to ``digits`` significant digits (a derived figure, not a source value)."""
    if _missing(x):
        return None
    x = float(x)  # type: ignore[arg-type]
    if x == 0:
        return 0.0
    return round(x, max(0, digits - 1 - int(math.floor(math.log10(abs(x))))))


def score1(x: object) -> float | None:
    """A score or distance to one decimal."""
    return None if _missing(x) else round(float(x), 1)  # type: ignore[arg-type]


def arrival(row: pd.Series | dict, lang: str) -> str:
    """ "in 2041", "already reached", "moving away", ... or "—"."""
    status = row["arrival_status"]
    if _missing(status) or not status:
        return "—"
    if status == pace.ARRIVES:
        return t("dist_arrival_arrives", lang, year=int(row["arrival_year"]))
    return t(f"dist_arrival_{status}", lang)


def rank_text(best: object, worst: object, n: object, lang: str) -> str:
    """ "5–14 of 20" (a range where values lie within noise), or "—"."""
    if _missing(best) or _missing(worst) or _missing(n):
        return "—"
    return t("dist_rank_range", lang, label=rank_label(int(best), int(worst)), n=int(n))


def reason(key: str, lang: str) -> str:
    """The words of a reason key (``dist_reason_<key>``)."""
    return t(f"dist_reason_{key}", lang)


def note(row: pd.Series | dict, lang: str) -> str:
    """The series note and why each missing figure is missing, in one line."""
    parts = []
    if row.get("series_note"):
        parts.append(t(f"dist_note_{row['series_note']}", lang))
    no_score = _missing(row["score"]) and bool(row.get("score_reason"))
    no_pace = _missing(row["pace_observed"]) and bool(row.get("pace_reason"))
    if no_score and no_pace and row["score_reason"] == row["pace_reason"]:
        parts.append(t("dist_missing_all", lang, why=reason(row["score_reason"], lang)))
    else:
        if no_score:
            parts.append(t("dist_missing_score", lang, why=reason(row["score_reason"], lang)))
        if no_pace:
            parts.append(t("dist_missing_pace", lang, why=reason(row["pace_reason"], lang)))
        elif _missing(row["arrival_status"]) and row.get("arrival_reason"):
            why = row["arrival_reason"]
            if not (no_score and why == row["score_reason"]):
                parts.append(t("dist_missing_arrival", lang, why=reason(why, lang)))
        elif _missing(row["pace_needed"]) and row.get("needed_reason"):
            parts.append(t("dist_missing_needed", lang, why=reason(row["needed_reason"], lang)))
    return " ".join(p if p.endswith(".") else f"{p}." for p in parts)


def end_kind(kind: str, lang: str) -> str:
    """Where an end value comes from, in a few words."""
    return t(f"dist_end_kind_{kind}", lang)


def end_sentence(rule: endvalues.EndRule, labels: Labels, lang: str) -> str:
    """One sentence on the end value's origin (or why there is none), with its document."""
    names = {code: labels.region_name(code, lang) for code in labels.regions}
    text = endvalues.describe(rule, lang, names)
    if rule.kind in (endvalues.TARGET, endvalues.TARGET_RELATIVE, endvalues.CURATED):
        text += " " + t("dist_end_document", lang, source=rule.source)
    elif rule.kind == endvalues.INDEX:
        text += " " + t("dist_end_document", lang, source=rule.rationale)
    return text


# --- tables ------------------------------------------------------------------------------------


def indicator_table(
    labels: Labels, rows: pd.DataFrame, lang: str, full: bool = False
) -> pd.DataFrame:
    """A region's (or any area's) indicator rows as the page shows them; ``full`` adds what a
    download needs to redo every figure (end value's document, pace window, noise)."""
    out = []
    for r in rows.to_dict("records"):
        row = {
            t("goal", lang): int(r["goal"]),
            t("indicator", lang): labels.indicator_label(r["indicator_id"], lang),
            t("year", lang): None if _missing(r["year"]) else int(r["year"]),
            t("value", lang): None if _missing(r["value"]) else float(r["value"]),
            t("unit", lang): labels.code_label("unit", r["unit"], lang),
            t("dist_score", lang): score1(r["score"]),
            t("dist_distance", lang): score1(r["distance"]),
            t("dist_lower", lang): sig(r["lower"], 4),
            t("dist_end_value", lang): sig(r["end_value"], 4),
            t("dist_end_kind_col", lang): end_kind(r["end_kind"], lang),
        }
        if "national_score" in r:
            row[t("dist_national_score", lang)] = score1(r["national_score"])
        row |= {
            t("dist_pace_observed", lang): sig(r["pace_observed"]),
            t("dist_pace_needed", lang): sig(r["pace_needed"]),
            t("dist_projected_2030", lang): sig(r["projected_2030"], 4),
            t("dist_arrival", lang): arrival(r, lang),
        }
        if "rank_best" in r:
            row[t("dist_rank_all", lang)] = rank_text(
                r["rank_best"], r["rank_worst"], r["n_ranked"], lang
            )
            row[t("dist_peer_mean", lang)] = sig(r["peer_mean"], 4)
            row[t("dist_rank_among_peers", lang)] = rank_text(
                r["peer_rank_best"], r["peer_rank_worst"], r["n_peer_ranked"], lang
            )
        row[t("national_value", lang)] = (
            None if _missing(r["national_value"]) else float(r["national_value"])
        )
        row[t("dist_note_col", lang)] = note(r, lang)
        if full:
            row |= {
                t("dist_end_source", lang): r["end_source"] or "",
                t("dist_end_rationale", lang): r["end_rationale"] or "",
                t("dist_pace_window_col", lang): _window(r),
                t("dist_noise_col", lang): sig(r.get("noise"), 3),
            }
        row[t("source", lang)] = "" if _missing(r["source_file"]) else r["source_file"]
        row[t("source_row", lang)] = None if _missing(r["source_row"]) else int(r["source_row"])
        out.append(row)
    return pd.DataFrame(out)


def _window(r: dict) -> str:
    if _missing(r["pace_from"]) or _missing(r["pace_to"]):
        return ""
    return f"{int(r['pace_from'])}–{int(r['pace_to'])} ({int(r['n_points'])})"


def goal_table(labels: Labels, block: RegionDistance, lang: str) -> pd.DataFrame:
    """A region's goal scores beside Kazakhstan's and its peers' mean."""
    rows = []
    for r in block.goals.to_dict("records"):
        rows.append(
            {
                t("goal", lang): f"{int(r['goal'])}. {labels.goal_short(int(r['goal']), lang)}",
                t("dist_score", lang): score1(r["score"]),
                t("dist_distance", lang): score1(r["distance"]),
                t("dist_n_indicators", lang): int(r["n_indicators"]),
                t("dist_national_score", lang): score1(r["national_score"]),
                t("dist_peer_score", lang): score1(r["peer_score"]),
            }
        )
    return pd.DataFrame(rows)


def peers_table(labels: Labels, found: RegionPeers, lang: str) -> pd.DataFrame:
    """The peers, nearest first: how far apart the profiles are and on how many indicators."""
    return pd.DataFrame(
        {
            t("region", lang): [labels.region_name(c, lang) for c in found.peers["ref_area"]],
            t("dist_peer_difference", lang): [
                round(float(d) * 100, 1) for d in found.peers["distance"]
            ],
            t("dist_peer_common", lang): [int(n) for n in found.peers["n_common"]],
        }
    )


def basis_table(labels: Labels, found: RegionPeers, lang: str) -> pd.DataFrame:
    """The indicators and years the peer profiles rest on."""
    return pd.DataFrame(
        {
            t("indicator", lang): [
                labels.indicator_label(i, lang) for i in found.basis["indicator_id"]
            ],
            t("year", lang): [int(y) for y in found.basis["year"]],
            t("dist_n_regions", lang): [int(n) for n in found.basis["n_regions"]],
        }
    )


def compare_table(labels: Labels, rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The compared regions' figures on one indicator, one row per region."""
    out = []
    for r in rows.to_dict("records"):
        out.append(
            {
                t("region", lang): labels.region_name(r["ref_area"], lang),
                t("year", lang): None if _missing(r["year"]) else int(r["year"]),
                t("value", lang): None if _missing(r["value"]) else float(r["value"]),
                t("dist_score", lang): score1(r["score"]),
                t("dist_distance", lang): score1(r["distance"]),
                t("dist_pace_observed", lang): sig(r["pace_observed"]),
                t("dist_pace_needed", lang): sig(r["pace_needed"]),
                t("dist_arrival", lang): arrival(r, lang),
                t("dist_rank_all", lang): rank_text(
                    r["rank_best"], r["rank_worst"], r["n_ranked"], lang
                ),
                t("dist_peer_mean", lang): sig(r["peer_mean"], 4),
                t("national_value", lang): (
                    None if _missing(r["national_value"]) else float(r["national_value"])
                ),
                t("dist_note_col", lang): note(r, lang),
            }
        )
    return pd.DataFrame(out)


def goal_regions_table(labels: Labels, frame: pd.DataFrame, goal: int, lang: str) -> pd.DataFrame:
    """One goal's score for Kazakhstan and every region."""
    return pd.DataFrame(
        {
            t("region", lang): [labels.region_name(c, lang) for c in frame["ref_area"]],
            "ref_area": list(frame["ref_area"]),
            t("dist_score", lang): [score1(v) for v in frame["score"]],
            t("dist_distance", lang): [score1(v) for v in frame["distance"]],
            t("dist_n_indicators", lang): list(frame["n_indicators"]),
            t("goal", lang): goal,
        }
    )


def goal_matrix_table(labels: Labels, matrix: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Areas x goals of scores with the areas named (Kazakhstan first, then by name)."""
    regions = sorted((c for c in matrix.index if c), key=lambda c: labels.region_name(c, lang))
    matrix = matrix.reindex([c for c in matrix.index if not c] + regions)
    out = pd.DataFrame({t("region", lang): [labels.region_name(c, lang) for c in matrix.index]})
    out["ref_area"] = list(matrix.index)
    for goal in matrix.columns:
        out[f"{t('goal', lang)} {int(goal)}"] = [score1(v) for v in matrix[goal]]
    return out


def change_table(
    labels: Labels, view: change.ChangeView, indicator_id: str, unit: str, lang: str
) -> pd.DataFrame:
    """The compared regions by change a year in the good direction (fastest movers first), then
    the regions left out with the reason."""
    ranked = view.changes.sort_values(["mover_rank", "ref_area"], kind="stable", na_position="last")
    file = source_file(indicator_id)
    rows = []
    for r in ranked.to_dict("records"):
        rows.append(
            {
                t("region", lang): labels.region_name(r["ref_area"], lang),
                "ref_area": r["ref_area"],
                str(view.year_a): r["value_a"],
                str(view.year_b): r["value_b"],
                t("unit", lang): unit,
                t("dist_change_abs", lang): sig(r["change"], 4),
                t("dist_change_pct", lang): sig(r["change_pct"], 3),
                t("dist_change_per_year", lang): sig(r["change_per_year"], 3),
                t("dist_change_outcome", lang): t(f"dist_change_{r['outcome']}", lang),
                t("dist_mover_rank", lang): None
                if _missing(r["mover_rank"])
                else int(r["mover_rank"]),
                t("reason", lang): "",
                t("source", lang): file,
                t("dist_source_rows", lang): f"{r['source_row_a']}, {r['source_row_b']}",
            }
        )
    for r in view.left_out.to_dict("records"):
        rows.append(
            {
                t("region", lang): labels.region_name(r["ref_area"], lang),
                "ref_area": r["ref_area"],
                str(view.year_a): r["value_a"],
                str(view.year_b): r["value_b"],
                t("unit", lang): unit,
                t("dist_change_abs", lang): None,
                t("dist_change_pct", lang): None,
                t("dist_change_per_year", lang): None,
                t("dist_change_outcome", lang): "",
                t("dist_mover_rank", lang): None,
                t("reason", lang): t(f"dist_left_{r['reason']}", lang),
                t("source", lang): file,
                t("dist_source_rows", lang): "",
            }
        )
    out = pd.DataFrame(rows)
    if len(out):
        out[t("dist_mover_rank", lang)] = out[t("dist_mover_rank", lang)].astype("Int64")
    return out


def method_notes(lang: str) -> tuple[str, ...]:
    """The method in sentences, for the metadata sheet of a download."""
    return (
        t("dist_method_score", lang),
        t("dist_method_pace", lang),
        t("dist_method_ranks", lang),
        t("dist_method_doc", lang),
    )


def change_notes(lang: str) -> tuple[str, ...]:
    """The change view's method in sentences, for the metadata sheet."""
    return (t("dist_method_change", lang), t("dist_method_movers", lang))


def number(x: object, lang: str, digits: int | None = None) -> str:
    """A figure for a sentence or a metric ("—" when missing)."""
    return "—" if _missing(x) else fmt_number(float(x), lang, digits)  # type: ignore[arg-type]


def detail_values(detail: IndicatorDetail, region_name: str, lang: str) -> pd.DataFrame:
    """The indicator chart's values by year: the region, Kazakhstan, the peers' lowest, mean and
    highest, the projection at the observed pace and the 2030 end value."""
    band = detail.band
    peers = band[band["n_peers"] > 0]
    parts = [
        band[["year", "value"]].assign(series="region"),
        band[["year", "national"]].rename(columns={"national": "value"}).assign(series="national"),
        peers[["year", "peer_min"]].rename(columns={"peer_min": "value"}).assign(series="low"),
        peers[["year", "peer_mean"]].rename(columns={"peer_mean": "value"}).assign(series="mean"),
        peers[["year", "peer_max"]].rename(columns={"peer_max": "value"}).assign(series="high"),
        detail.projection[["year", "value"]].assign(series="projection"),
    ]
    row = detail.row
    if pd.notna(row["end_value"]):
        year = int(row["end_year"]) if pd.notna(row["end_year"]) else 2030
        parts.append(pd.DataFrame({"year": [year], "value": [row["end_value"]], "series": "end"}))
    long = pd.concat(parts, ignore_index=True).dropna(subset=["value"])
    peer_range = t("dist_peer_range", lang)
    return by_year(
        long,
        {
            "region": region_name,
            "national": t("national", lang),
            "low": f"{peer_range}: {t('a11y_col_low', lang)}",
            "mean": t("dist_peer_mean", lang),
            "high": f"{peer_range}: {t('a11y_col_high', lang)}",
            "projection": t("dist_projection", lang),
            "end": t("dist_end_value_short", lang),
        },
        lang,
    )


def goal_regions_values(frame: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The goal chart's values: every region's (and Kazakhstan's) score and its indicators."""
    shown = frame.dropna(subset=["score"])
    return pd.DataFrame(
        {
            t("region", lang): [names.get(c, c) for c in shown["ref_area"]],
            t("dist_score", lang): shown["score"].round(1).to_numpy(),
            t("kpi_indicators", lang): shown["n_indicators"].astype("int64").to_numpy(),
        }
    )
