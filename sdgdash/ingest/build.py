"""Orchestrate the build: read the source, make the tables, write them and swap data/ atomically."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from sdgdash.geo.layouts import PILOT_FILE
from sdgdash.ingest import (
    curated_checks,
    labels,
    metadata,
    observations,
    placeholders,
    refresh,
    regions,
    report,
    sanity,
    view_checks,
)
from sdgdash.ingest.identity import (
    LICENCE_NAMES,
    SourceIdentity,
    built_at,
    licence,
    read_identity,
)
from sdgdash.ingest.opensdg import (
    DIMENSIONS,
    LANGUAGES,
    BuildError,
    Translator,
    load_translations,
    natural_key,
)
from sdgdash.ingest.problems import Problems

REFRESH_MD = "REFRESH_REPORT.md"
REFRESH_JSON = "refresh_report.json"
_STR = pa.string()
_LANG_STEMS = [f"{stem}_{lang}" for stem in metadata.TRANSLATED_FIELDS for lang in LANGUAGES]

SCHEMAS: dict[str, pa.Schema] = {
    "observations": pa.schema(
        [
            ("indicator_id", _STR),
            ("goal", pa.int8()),
            ("target", _STR),
            ("year", pa.int16()),
            ("ref_area", _STR),
            *[(name, _STR) for name in DIMENSIONS.values()],
            ("value", pa.float64()),
            ("source_file", _STR),
            ("source_row", pa.int32()),
            ("conflict_of", pa.int32()),
            ("placeholder", _STR),
        ]
    ),
    "indicators": pa.schema(
        [
            ("indicator_id", _STR),
            ("goal", pa.int8()),
            ("target", _STR),
            ("sort_key", pa.int32()),
            *[(f"name_global_{lang}", _STR) for lang in LANGUAGES],
            *[(f"name_national_{lang}", _STR) for lang in LANGUAGES],
            *[(f"graph_title_{lang}", _STR) for lang in LANGUAGES],
            ("unit", _STR),
            ("reporting_status", _STR),
            ("un_tier", _STR),
            ("custodian", _STR),
            *[
                (f"{stem}_{lang}", _STR)
                for stem in (
                    "source_org",
                    "source_data",
                    "definition",
                    "calculation",
                    "limitations",
                    "national_description",
                )
                for lang in LANGUAGES
            ],
            ("has_data", pa.bool_()),
            ("has_regional_data", pa.bool_()),
            ("n_obs", pa.int32()),
            ("first_year", pa.int16()),
            ("last_year", pa.int16()),
        ]
    ),
    "goals": pa.schema(
        [
            ("goal", pa.int8()),
            *[(f"short_{lang}", _STR) for lang in LANGUAGES],
            *[(f"title_{lang}", _STR) for lang in LANGUAGES],
            ("colour", _STR),
        ]
    ),
    "codes": pa.schema(
        [("dimension", _STR), ("code", _STR), *[(f"label_{lang}", _STR) for lang in LANGUAGES]]
    ),
    "regions": pa.schema(
        [
            ("ref_area", _STR),
            *[(f"name_{lang}", _STR) for lang in LANGUAGES],
            ("kind", _STR),
            ("parent", _STR),
            ("iso_3166_2", _STR),
            ("boundary_2022", _STR),
            ("boundary_2018", _STR),
            ("boundary_2014", _STR),
            ("note", _STR),
        ]
    ),
}

DECISIONS: list[str] = [
    "Rows are read with Python's csv module as UTF-8 (a leading byte order mark is removed and "
    "counted); undecodable bytes stop the build.",
    "Blank lines are dropped ('blank line').",
    "A header named 'Units' is read as UNIT_MEASURE when the file has no UNIT_MEASURE column; "
    "every row of such a file is counted as repaired.",
    "A row one field short of the header is repaired only when inserting one empty code field at "
    "exactly one position gives a valid year, a number in Value and only known codes (e.g. "
    "4-c-1-2 'Year,PT,value' rows are national rows missing the empty REF_AREA field; 8-6-1 line "
    "1199 '2023,PT,KZSHY,U,18.8' misses the empty SEX field). Other short rows are dropped.",
    "Trailing empty fields beyond the header are removed; a non-empty extra field stops the build.",
    "Columns outside the Open SDG schema (empty names, GeoCode) are not loaded; each is listed per "
    "file with its count of non-empty values and examples.",
    "Rows with an empty Value are dropped ('empty value'); a Value that is not a plain decimal "
    "number is dropped ('non-numeric value') with the raw text kept as an example.",
    "Rows with the same indicator, year, REF_AREA, series, unit and disaggregations: the first in "
    "file order is kept; later equal values are dropped as 'exact duplicate', rows with a different value are "
    "kept and flagged (column conflict_of = the first row's line), so no source value is lost; "
    "the app draws the first row and lists the flagged one with its reason.",
    "Codes without a label in translations (e.g. REF_AREA KZUKK, KZDMB, KZAYB, KZAP) are kept and "
    "listed under unknown codes; codes.parquet and regions.parquet label them with the code.",
    "indicator_id comes from indicator_number in indicator-config/<slug>.yml, else from the file "
    "name. Translation keys are resolved per language with fallback ru -> en -> kk (counted); "
    "plain text is used for all languages.",
    "A code with a space inside that matches exactly one known code once the space is removed is "
    "repaired (9-1-2 '_L_KZ_090102_1 I' -> '_L_KZ_090102_1I'); other unlabelled codes such as "
    "'_L_KZ_010502_1AKZZAP' (1-5-2) or SEX 'R' (8-7-1) are kept as they are and listed.",
    "8-6-1 line 1199 (KZSHY urban 2023 = 18.8) is kept as written although KZSHY's 2023 total is "
    "6.5; the value is not changed, only the missing empty SEX field restored.",
    "Conflicting duplicates are source errors that cannot be resolved from the file (e.g. "
    "17-3-1-3 lines 70-75 repeat KZATY 2018-2023 with other values, probably KZZAP's, GeoCode "
    "does not tell them apart); every duplicate is listed per file under 'duplicates' "
    "with the line and value of the first row.",
    "Values listed in data/curated/placeholder_values.csv (with a rationale per row) are kept as "
    "written and flagged (column placeholder = the curated reason): the platform writes 0.0 where "
    "a value cannot be computed, e.g. 8.1.1 (index against 2005) and 9.2.1 (2010 prices) for "
    "KZALM, KZKAR and KZVOS in 2022-2023 after their June 2022 split. The app neither draws nor "
    "ranks, scores or compares them and lists them beside the map with the reason. A curated row "
    "flags only source rows with exactly its value; a year of its range without a source row, a "
    "source row with another value (the platform replaced the placeholder) or the same value in "
    "a later year is reported as a warning, and the source value is used as published. A "
    "malformed curated row stops the build.",
    "Every problem of a run is collected before anything is swapped: malformed files and lines, "
    "curated rows against the new data (sdgdash/ingest/curated_checks.py), every page's default "
    "view built from the new data (sdgdash/ingest/view_checks.py) and the sanity gates "
    "(sdgdash/ingest/sanity.py). Blocking problems (the app would break or show a wrong number) "
    "leave the previous data/ in place; warnings are listed below and the data is swapped in.",
    "Kazakh and English texts the platform gives only in Russian (its kk or en file lacks the "
    "key, repeats the Russian text, or the English has Cyrillic letters) are filled from "
    "data/curated/code_labels.csv (codes) and data/curated/indicator_names.csv (indicator names), "
    "each row with its source and rationale; a curated text never replaces a text the platform "
    "gives (such a row, or one whose code or indicator is not in the data, is reported and unused). Filled texts are counted by source below.",
    "Region names: 'г_Алматы' style names become 'г.Алматы' like the other city names in "
    "REF_AREA.yml; any other '_' becomes a space (counted).",
    "An unparsable Year, a non-empty field beyond the header, a missing Year/Value header or an "
    "empty file is a blocking problem; every such line of every file is listed in one run.",
]

GEODATA_FILES_NOTE = "geodata/ built by sdgdash.ingest.geodata.build_geodata"


def _sort_observations(frame: pd.DataFrame) -> pd.DataFrame:
    """Sort by natural indicator order, then file and line."""
    order = {i: n for n, i in enumerate(sorted(set(frame["indicator_id"]), key=natural_key))}
    key = frame["indicator_id"].map(order)
    return (
        frame.assign(_k=key)
        .sort_values(["_k", "source_file", "source_row"], kind="stable")
        .drop(columns="_k")
        .reset_index(drop=True)
    )


def _empty_like(frame: pd.DataFrame, schema: pa.Schema) -> pd.DataFrame:
    """``frame`` with every column of ``schema`` (a table with no rows has none of them)."""
    return frame if len(frame) else frame.reindex(columns=schema.names)


def build_tables(
    source: Path,
    curated_dir: Path,
    problems: Problems | None = None,
    identity: SourceIdentity | None = None,
) -> tuple[dict[str, pd.DataFrame] | None, dict[str, Any]]:
    """Read the source repository and return the output tables and the build report.

    With ``problems``, every problem found is recorded there and the tables are returned
    whenever they can be built (None when the source has no indicator files); the caller
    decides. Without, a BuildError listing every blocking problem is raised at the end (the
    tables are complete when it returns).
    """
    raise_at_end = problems is None
    problems = Problems() if problems is None else problems
    identity = identity or SourceIdentity()
    build_report: dict[str, Any] = {"source": _source_section(source, identity)}
    if source.is_dir() and build_report["source"]["licence_file"] is None:
        problems.warn(
            "source identity",
            f"no LICENSE file in the source folder: the data's licence is unknown ({', '.join(LICENCE_NAMES)} looked for)",
        )
    curated = regions.read_curated(curated_dir / "regions.csv", problems)
    placeholder_path = curated_dir / placeholders.FILE
    placeholder_entries = placeholders.read_table(placeholder_path, problems)
    if not sanity.check_layout(source, problems):
        # Read what can be read, so one run also names broken translations and metadata.
        if source.is_dir():
            load_translations(source, problems)
            for slug in metadata.scan_meta(source)[0]:
                metadata.indicator_ids(source, [slug], problems)
        if raise_at_end:
            raise BuildError(problems.render(), problems)
        return None, build_report
    translations = load_translations(source, problems)
    translator = Translator(translations)
    known = observations.known_codes(translations)

    meta_slugs, skipped_meta = metadata.scan_meta(source)
    data_dir = source / "data"
    data_slugs = {
        p.stem.removeprefix("indicator_") for p in data_dir.glob("indicator_*.csv") if p.is_file()
    }
    all_slugs = sorted(set(meta_slugs) | data_slugs)
    ids, id_notes = metadata.indicator_ids(source, all_slugs, problems)

    obs, files, skipped_data = observations.read_observations(source, ids, known, problems)
    obs, placeholder_summary = placeholders.apply(obs, placeholder_entries, files, placeholder_path)
    obs = _sort_observations(obs)
    indicators = metadata.build_indicators(
        source, all_slugs, ids, data_slugs, obs, translator, problems
    )
    indicators = _empty_like(indicators, SCHEMAS["indicators"])
    goals = metadata.build_goals(translator)
    codes, codes_info = metadata.build_codes(translations, obs)
    # A malformed label row blocks; rows the new data has no use for are warned about by
    # curated_checks (the report's "unused"), so an update that retires a code or translates
    # it upstream still swaps in.
    indicator_labels: dict[str, Any] = {}
    code_labels: dict[str, Any] = {}
    try:
        indicators, indicator_labels = labels.apply_indicators(indicators, curated_dir)
    except BuildError as exc:
        problems.from_error("curated tables", exc, strip=str(curated_dir.parent), folder="curated")
    try:
        codes, code_labels = labels.apply_codes(codes, curated_dir)
    except BuildError as exc:
        problems.from_error("curated tables", exc, strip=str(curated_dir.parent), folder="curated")
    unit_codes = set(codes.loc[codes["dimension"] == "unit", "code"])
    codes_info["indicator_units_without_code"] = sorted(
        set(indicators["unit"].dropna()) - unit_codes - {""}
    )
    region_frame, regions_info = regions.build_regions(translations, set(obs["ref_area"]), curated)
    region_frame = _empty_like(region_frame, SCHEMAS["regions"])

    build_report.update(
        {
            "totals": report.totals(files),
            "decisions": DECISIONS,
            "skipped": skipped_data + skipped_meta,
            "unknown_codes": report.unknown_codes(obs, known),
            "placeholders": {
                "file": f"curated/{placeholders.FILE}",
                "entries": placeholder_summary,
            },
            "files": files,
            "metadata": {
                "indicators": len(indicators),
                "meta_entries": len(meta_slugs) + len(skipped_meta),
                "meta_without_data": sorted(
                    set(meta_slugs) - data_slugs, key=lambda s: natural_key(ids[s])
                ),
                "data_without_meta": sorted(
                    data_slugs - set(meta_slugs), key=lambda s: natural_key(ids[s])
                ),
                "indicator_id_notes": id_notes,
                "translation_fallbacks": translator.fallbacks,
                "unresolved_keys": dict(sorted(translator.unresolved.items())),
                "codes": codes_info,
            },
            "regions": regions_info,
            "curated_labels": {"codes": code_labels, "indicators": indicator_labels},
        }
    )
    build_report["sanity"] = sanity.check_tables(obs, build_report, known, set(curated), problems)
    tables = {
        "observations": obs,
        "indicators": indicators,
        "goals": goals,
        "codes": codes,
        "regions": region_frame,
    }
    if raise_at_end and problems.blocking:
        raise BuildError(problems.render(), problems)
    return tables, build_report


def _source_section(source: Path, identity: SourceIdentity) -> dict[str, Any]:
    """The report's source section: identity, and the licence file named after the source."""
    path, title = licence(source)
    out: dict[str, Any] = identity.to_dict()
    out["folder"] = source.name
    out["licence_file"] = f"LICENSE.{identity.slug(source.name)}.txt" if path is not None else None
    out["licence_source"] = path.name if path is not None else None
    out["licence"] = (
        f"{title or 'licence text'}, see {out['licence_file']}"
        if path is not None
        else "unknown: the source copy has no LICENSE file"
    )
    return out


def write_parquet(frame: pd.DataFrame, schema: pa.Schema, path: Path) -> None:
    """Write a frame with an explicit schema, no pandas metadata, zstd; bytes depend only on data."""
    arrays = []
    for column in schema:
        series = frame[column.name]
        values = [None if pd.isna(v) else v for v in series.tolist()]
        arrays.append(pa.array(values, type=column.type))
    table = pa.Table.from_arrays(arrays, schema=schema)
    pq.write_table(table, path, compression="zstd", compression_level=9, store_schema=False)


def write_tables(
    tables: dict[str, pd.DataFrame], source: Path, out_dir: Path, build_report: dict[str, Any]
) -> None:
    """Write the Parquet tables and the source's licence into out_dir (curated/ is there)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        write_parquet(frame, SCHEMAS[name], out_dir / f"{name}.parquet")
    path, _ = licence(source)
    if path is not None:
        shutil.copyfile(path, out_dir / build_report["source"]["licence_file"])


def _write_json(path: Path, content: dict[str, Any]) -> None:
    """One report as JSON (the build report without its copy of the refresh diff)."""
    kept = {k: v for k, v in content.items() if k != "refresh"}
    path.write_text(report.to_json(kept), encoding="utf-8")


def write_reports(
    build_report: dict[str, Any], refresh_report: dict[str, Any], out_dir: Path
) -> None:
    """Write build_report.json, BUILD_REPORT.md, the refresh report and README.md."""
    # The diff has its own files; the build report keeps what this build read and found.
    kept = {k: v for k, v in build_report.items() if k != "refresh"}
    (out_dir / "build_report.json").write_text(report.to_json(kept), encoding="utf-8")
    (out_dir / "BUILD_REPORT.md").write_text(report.to_markdown(build_report), encoding="utf-8")
    (out_dir / REFRESH_JSON).write_text(report.to_json(refresh_report), encoding="utf-8")
    (out_dir / REFRESH_MD).write_text(refresh.to_markdown(refresh_report), encoding="utf-8")
    curated = sorted(p.name for p in (out_dir / "curated").glob("*") if p.is_file())
    (out_dir / "README.md").write_text(report.data_readme(build_report, curated), encoding="utf-8")


def _build_geodata(sources_root: Path, out_dir: Path, geo_report: dict[str, Any]) -> None:
    """Run the geodata builder, imported lazily so the tables build without it."""
    try:
        from sdgdash.ingest.geodata import build_geodata
    except ImportError as exc:
        raise BuildError(f"geodata builder unavailable ({exc}); use --skip-geodata") from exc
    try:
        build_geodata(sources_root, out_dir, geo_report)
    except BuildError:
        raise
    except Exception as exc:
        raise BuildError(f"geodata build failed: {type(exc).__name__}: {exc}") from exc


def _swap(pairs: list[tuple[Path, Path]], holder: Path) -> None:
    """Move each new dir into place, keeping the old ones in holder until all succeeded."""
    done: list[tuple[Path, Path | None]] = []
    try:
        for new, target in pairs:
            old: Path | None = None
            if target.exists():
                old = holder / target.name
                target.rename(old)
            try:
                new.rename(target)
            except OSError:
                if old is not None:
                    old.rename(target)
                raise
            done.append((target, old))
    except OSError:
        for target, old in reversed(done):
            shutil.rmtree(target)
            if old is not None:
                old.rename(target)
        raise


def _pilots(geodata_dir: Path) -> dict | None:
    """The pilot territories' GeoJSON of a geodata folder, or None when absent or unreadable."""
    try:
        return json.loads((geodata_dir / PILOT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def build(
    source: Path,
    data_dir: Path,
    geodata_dir: Path,
    sources_root: Path | None = None,
    skip_geodata: bool = False,
    *,
    source_name: str | None = None,
    source_commit: str | None = None,
    source_date: str | None = None,
    check_app: bool = True,
) -> dict[str, Any]:
    """Build data/ (and geodata/) in a temporary dir beside them, check them, swap them in.

    Every problem of the run is collected (sdgdash.ingest.problems); when any is blocking, the
    previous data/ and geodata/ stay as they were and BuildError lists them all (its
    ``problems``; its ``refresh`` holds the diff against the current data). Before the swap the
    curated tables are checked against the new data (curated_checks) and, with ``check_app``,
    every page's default view is built from it (view_checks); ``check_app=False`` is for
    builds of toy sources in tests, which have no real regions. Returns the build report (with
    ``refresh``, the diff report, and ``problems``).
    """
    data_dir = data_dir.resolve()
    geodata_dir = geodata_dir.resolve()
    curated_dir = data_dir / "curated"
    problems = Problems()
    identity = read_identity(source, problems, source_name, source_commit, source_date)
    tables, build_report = build_tables(source, curated_dir, problems, identity)
    build_report["built_at"] = built_at()
    previous = refresh.read_previous(data_dir)
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}.build-", dir=data_dir.parent))
    try:
        new_data = work / "data"
        if curated_dir.is_dir():
            shutil.copytree(curated_dir, new_data / "curated")
        else:
            (new_data / "curated").mkdir(parents=True)
        pairs = [(new_data, data_dir)]
        checks_geodata = geodata_dir
        if skip_geodata:
            build_report["geodata"] = {"skipped": True}
        else:
            geo_report: dict[str, Any] = {}
            new_geo = work / "geodata"
            new_geo.mkdir()
            try:
                _build_geodata(sources_root or source.parent, new_geo, geo_report)
                pairs.append((new_geo, geodata_dir))
                checks_geodata = new_geo
            except BuildError as exc:
                problems.from_error("geodata", exc)
            build_report["geodata"] = geo_report
        diff: dict[str, Any] = {}
        if tables is not None:
            write_tables(tables, source, new_data, build_report)
            context = curated_checks.CheckContext(
                new_data / "curated", tables, build_report, _pilots(checks_geodata), problems
            )
            curated_checks.run(context, require_all=check_app)
            diff = refresh.diff(previous, tables, build_report, problems)
            if check_app:
                # The pages read both reports (source version, what the update changed);
                # write_reports rewrites them with every problem once the checks are done.
                _write_json(new_data / "build_report.json", build_report)
                _write_json(new_data / REFRESH_JSON, diff)
                build_report["pages"] = view_checks.run(new_data, checks_geodata, problems)
        build_report["problems"] = problems.to_list()
        build_report["problem_counts"] = problems.counts()
        build_report["refresh"] = diff
        if problems.blocking:
            error = BuildError(problems.render(), problems)
            error.refresh = diff  # type: ignore[attr-defined]
            raise error
        write_reports(build_report, diff, new_data)
        holder = work / "old"
        holder.mkdir()
        _swap(pairs, holder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return build_report
