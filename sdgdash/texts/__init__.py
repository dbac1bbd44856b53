"""Interface strings per feature: each module here defines ``STRINGS = {key: {lang: text}}``.

``sdgdash.i18n`` merges every module of this package into one table, so a feature adds its
strings in its own file; a key defined twice is an error at import (tests/core/test_views.py).
"""

from __future__ import annotations

import importlib
import pkgutil


def feature_strings() -> dict[str, dict[str, dict[str, str]]]:
    """Module name -> that module's STRINGS, for every module in this package (sorted by name)."""
    found: dict[str, dict[str, dict[str, str]]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found[info.name] = module.STRINGS
    return found
