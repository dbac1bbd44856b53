"""Shared test fixtures: repository paths and the real source data beside the repository."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

# The store fixtures (throwaway PostgreSQL server, a store per backend) for every test level.
pytest_plugins = ["tests.store_fixtures", "tests.refresh_fixtures"]

REPO = Path(__file__).resolve().parent.parent
E2E = REPO / "tests" / "e2e"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--e2e",
        action="store_true",
        help="also run the browser and load tests (tests/e2e; scripts/test.sh and CI pass it)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Browser tests carry the ``e2e`` marker and run only with ``--e2e``: plain ``pytest`` runs the
    core and AppTest levels in minutes; the README's test command runs everything."""
    chosen, left = [], []
    for item in items:
        if E2E in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)
            if not config.getoption("--e2e"):
                left.append(item)
                continue
        chosen.append(item)
    if left:
        config.hook.pytest_deselected(items=left)
    # Browser files first: they are the longest units, and parallel workers (scripts/test.sh)
    # finish together when the long ones start early and the short core tests fill the gaps.
    items[:] = [i for i in chosen if E2E in Path(i.path).parents] + [
        i for i in chosen if E2E not in Path(i.path).parents
    ]


SHARED_SOURCES = REPO.parent / "shared" / "sources"
KAZSTAT = SHARED_SOURCES / "kazstat-sdg-data"


@pytest.fixture(scope="session")
def repo() -> Path:
    """The repository root."""
    return REPO


@pytest.fixture(scope="session")
def kazstat_source() -> Path:
    """The national SDG platform's data repository (read-only), or skip when it is not beside us."""
    if not KAZSTAT.is_dir():
        pytest.skip("../shared/sources/kazstat-sdg-data is not beside the repository")
    return KAZSTAT


def benchmark_module() -> ModuleType:
    """scripts/benchmark.py as a module (a script, not a package: loaded from its path once)."""
    name = "sdgdash_benchmark"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / "benchmark.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
