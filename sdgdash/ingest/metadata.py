"""Build the indicators, goals and codes tables from meta/, indicator-config/ and translations/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from sdgdash.ingest.opensdg import (
    DIMENSIONS,
    FALLBACK_ORDER,
    LANGUAGES,
    BuildError,
    Translator,
    natural_key,
    read_yaml,
    slug_to_id,
)
from sdgdash.ingest.problems import Problems

SDG_COLOURS: dict[int, str] = {
    1: "#E5243B",
    2: "#DDA63A",
    3: "#4C9F38",
    4: "#C5192D",
    5: "#FF3A21",
    6: "#26BDE2",
    7: "#FCC30B",
    8: "#A21942",
    9: "#FD6925",
    10: "#DD1367",
    11: "#FD9D24",
    12: "#BF8B2E",
    13: "#3F7E44",
    14: "#0A97D9",
    15: "#56C02B",
    16: "#00689D",
    17: "#19486A",
}

# indicators.parquet column stem -> (meta/ or indicator-config/ field, where it is read from)
TRANSLATED_FIELDS: dict[str, tuple[str, str]] = {
    "name_global": ("indicator_name", "config"),
    "name_national": ("indicator_available", "meta"),
    "graph_title": ("graph_title", "config"),
    "source_org": ("source_implementation_1", "meta"),
    "source_data": ("source_data_1", "meta"),
    "definition": ("computation_definitions", "meta"),
    "calculation": ("computation_calculations", "meta"),
    "limitations": ("comments_limitations", "meta"),
    "national_description": ("national_indicator_description", "meta"),
}


def _yaml_dict(
    path: Path, problems: Problems | None = None, source: Path | None = None
) -> dict[str, Any]:
    """Read a YAML mapping, or an empty dict when the file is absent or not a mapping.

    With ``problems``, an unreadable file is recorded there (blocking, named relative to
    ``source``) and read as empty, so the run goes on to find the other problems.
    """
    if not path.is_file():
        return {}
    try:
        data = read_yaml(path)
    except BuildError as exc:
        if problems is None:
            raise
        problems.from_error("metadata", exc, strip=str(source or ""))
        return {}
    return data if isinstance(data, dict) else {}


def scan_meta(source: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Return the indicator slugs in meta/ and the entries skipped there with reasons."""
    slugs: list[str] = []
    skipped: list[dict[str, str]] = []
    meta = source / "meta"
    for path in sorted(meta.iterdir()) if meta.is_dir() else []:
        rel = f"meta/{path.name}"
        if path.is_dir():
            skipped.append(
                {"path": rel, "reason": "subfolder (not indicator metadata read by Open SDG)"}
            )
        elif path.suffix != ".yml":
            skipped.append({"path": rel, "reason": f"not a YAML metadata file ({path.suffix})"})
        else:
            slugs.append(path.stem)
    return slugs, skipped


def indicator_ids(
    source: Path, slugs: list[str], problems: Problems | None = None
) -> tuple[dict[str, str], list[str]]:
    """Map file slugs to dotted ids via indicator_number, else the slug; list disagreements."""
    ids: dict[str, str] = {}
    notes: list[str] = []
    for slug in slugs:
        config = _yaml_dict(source / "indicator-config" / f"{slug}.yml", problems, source)
        number = config.get("indicator_number")
        derived = slug_to_id(slug)
        ids[slug] = str(number).strip() if number not in (None, "") else derived
        if ids[slug] != derived:
            notes.append(f"{slug}: indicator_number {ids[slug]} differs from the file name")
    return ids, notes


def unit_code(value: Any) -> str:
    """Return the code of `UNIT_MEASURE.X`; other texts (`data.млн.тенге`) lose the `data.` prefix."""
    text = " ".join(str(value or "").split())
    for prefix in ("UNIT_MEASURE.", "data."):
        if text.startswith(prefix):
            return text.removeprefix(prefix)
    return text


def build_indicators(
    source: Path,
    slugs: list[str],
    ids: dict[str, str],
    data_slugs: set[str],
    observations: pd.DataFrame,
    translator: Translator,
    problems: Problems | None = None,
) -> pd.DataFrame:
    """One row per indicator in meta/ or data/, metadata resolved for kk/ru/en."""
    stats = observations.groupby("indicator_id").agg(
        n_obs=("value", "size"), first_year=("year", "min"), last_year=("year", "max")
    )
    regional = set(observations.loc[observations["ref_area"] != "", "indicator_id"])
    ordered = sorted(slugs, key=lambda s: natural_key(ids[s]))
    rows: list[dict[str, Any]] = []
    for rank, slug in enumerate(ordered, start=1):
        meta = _yaml_dict(source / "meta" / f"{slug}.yml", problems, source)
        config = _yaml_dict(source / "indicator-config" / f"{slug}.yml", problems, source)
        indicator_id = ids[slug]
        parts = indicator_id.split(".")
        row: dict[str, Any] = {
            "indicator_id": indicator_id,
            "goal": int(parts[0]),
            "target": ".".join(parts[:2]),
            "sort_key": rank,
        }
        for stem, (field, where) in TRANSLATED_FIELDS.items():
            texts = translator.resolve((meta if where == "meta" else config).get(field))
            for lang in LANGUAGES:
                row[f"{stem}_{lang}"] = texts[lang]
        row["unit"] = unit_code(config.get("computation_units"))
        row["reporting_status"] = str(config.get("reporting_status") or "")
        row["un_tier"] = str(meta.get("un_designated_tier") or "").strip()
        row["custodian"] = translator.resolve(meta.get("un_custodian_agency"))["en"]
        has = indicator_id in stats.index
        row["has_data"] = slug in data_slugs and has
        row["has_regional_data"] = indicator_id in regional
        row["n_obs"] = int(stats.at[indicator_id, "n_obs"]) if has else 0
        row["first_year"] = int(stats.at[indicator_id, "first_year"]) if has else None
        row["last_year"] = int(stats.at[indicator_id, "last_year"]) if has else None
        rows.append(row)
    return pd.DataFrame(rows)


def build_goals(translator: Translator) -> pd.DataFrame:
    """One row per goal 1..17 with short and full titles and the official colour."""
    rows = []
    for goal, colour in SDG_COLOURS.items():
        short = translator.resolve(f"global_goals.{goal}-short")
        title = translator.resolve(f"global_goals.{goal}-title")
        row: dict[str, Any] = {"goal": goal}
        row.update({f"short_{lang}": short[lang] for lang in LANGUAGES})
        row.update({f"title_{lang}": title[lang] for lang in LANGUAGES})
        row["colour"] = colour
        rows.append(row)
    return pd.DataFrame(rows)


def build_codes(
    translations: dict[str, dict[str, dict[str, str]]],
    observations: pd.DataFrame,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Codes per dimension with kk/ru/en labels; codes used but unlabelled get label = code."""
    rows: list[dict[str, Any]] = []
    fallbacks = {lang: 0 for lang in LANGUAGES}
    unlabelled: dict[str, list[str]] = {}
    for header, dimension in DIMENSIONS.items():
        labels = {lang: translations.get(lang, {}).get(header, {}) for lang in LANGUAGES}
        codes = {c for lang in LANGUAGES for c in labels[lang] if c != header}
        used = set(observations[dimension]) - {""}
        for code in sorted(codes | used):
            row: dict[str, Any] = {"dimension": dimension, "code": code}
            for lang in LANGUAGES:
                text = labels[lang].get(code)
                if text is None:
                    text = next(
                        (labels[o][code] for o in FALLBACK_ORDER if code in labels[o]), None
                    )
                    if text is not None:
                        fallbacks[lang] += 1
                row[f"label_{lang}"] = code if text is None else text.strip()
            if code not in codes:
                unlabelled.setdefault(dimension, []).append(code)
            rows.append(row)
    info = {"label_fallbacks": fallbacks, "codes_without_label": unlabelled}
    columns = ["dimension", "code", *(f"label_{lang}" for lang in LANGUAGES)]
    return pd.DataFrame(rows, columns=columns), info
