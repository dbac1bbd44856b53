"""Command line: `python -m sdgdash.ingest` rebuilds data/ (and geodata/) from the Open SDG source."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sdgdash.geo import published
from sdgdash.ingest.build import build
from sdgdash.ingest.opensdg import BuildError
from sdgdash.ingest.problems import Problem, Problems
from sdgdash.ingest.refresh import summary_lines

REPO_ROOT = Path(__file__).resolve().parents[2]


def _path(value: str | None, default: Path) -> Path:
    """Resolve an option: relative paths against the repository root, not the cwd."""
    if value is None:
        return default
    path = Path(value)
    return path if path.is_absolute() else REPO_ROOT / path


def _print_refresh(diff: dict[str, Any], out) -> None:
    """The refresh summary (what changed against the current data), if there is one."""
    if diff:
        print("\nWhat changed:", file=out)
        for line in summary_lines(diff):
            print(f"  {line}", file=out)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the build and return the exit code (2 when the build is refused)."""
    parser = argparse.ArgumentParser(prog="python -m sdgdash.ingest", description=__doc__)
    parser.add_argument(
        "--source", help="Open SDG data repository (default ../shared/sources/kazstat-sdg-data)"
    )
    parser.add_argument(
        "--sources-root", help="folder with boundary sources (default ../shared/sources)"
    )
    parser.add_argument("--data-dir", help="output data folder (default data)")
    parser.add_argument("--geodata-dir", help="output geodata folder (default geodata)")
    parser.add_argument("--skip-geodata", action="store_true", help="leave geodata/ as it is")
    parser.add_argument(
        "--source-name",
        help="the source repository's name or URL, when the folder has no git remote or SOURCE.txt",
    )
    parser.add_argument(
        "--source-commit", help="the commit the source folder was taken from (7-40 hex digits)"
    )
    parser.add_argument("--source-date", help="that commit's date (YYYY-MM-DD, ISO 8601)")
    parser.add_argument(
        "--static-dir", help="where the maps' layouts are published (default static/geo)"
    )
    args = parser.parse_args(argv)
    sources_root = _path(args.sources_root, REPO_ROOT.parent / "shared" / "sources")
    source = _path(args.source, sources_root / "kazstat-sdg-data")
    data_dir = _path(args.data_dir, REPO_ROOT / "data")
    try:
        result = build(
            source=source,
            data_dir=data_dir,
            geodata_dir=_path(args.geodata_dir, REPO_ROOT / "geodata"),
            sources_root=sources_root,
            skip_geodata=args.skip_geodata,
            source_name=args.source_name,
            source_commit=args.source_commit,
            source_date=args.source_date,
        )
    except BuildError as exc:
        problems = exc.problems
        if problems is None:  # an error raised outside the collecting run
            print(f"build failed: {exc}", file=sys.stderr)
        else:
            print(problems.render(), file=sys.stderr, end="")
            _print_refresh(getattr(exc, "refresh", {}), sys.stderr)
            print(
                f"\nBuild refused: {problems.summary_line()}. Nothing was swapped: {data_dir} "
                "is as it was.",
                file=sys.stderr,
            )
        return 2
    if not args.skip_geodata:
        # The browser fetches each layout once from static/geo/ (sdgdash.geo.published).
        geodata = _path(args.geodata_dir, REPO_ROOT / "geodata")
        published.publish(geodata, _path(args.static_dir, published.GEO_DIR))
    problems = Problems([Problem(**p) for p in result.get("problems", [])])
    if problems.items:
        print(problems.render(), end="")
    t = result["totals"]
    print(
        f"rows read {t['rows_read']}, kept {t['rows_kept']}, repaired {t['rows_repaired']}, "
        f"dropped {t['rows_dropped']}; regional kept {t['regional_rows_kept']}"
        f"/{t['regional_rows_read']}"
    )
    _print_refresh(result.get("refresh", {}), sys.stdout)
    print(
        f"\nBuild swapped in: {data_dir} ({problems.summary_line()}; see BUILD_REPORT.md and "
        "REFRESH_REPORT.md there)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
