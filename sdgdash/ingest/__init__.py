"""Build data/ and geodata/ from an Open SDG data repository (`python -m sdgdash.ingest`)."""

from __future__ import annotations

from sdgdash.ingest.build import build, build_tables
from sdgdash.ingest.opensdg import BuildError

__all__ = ["BuildError", "build", "build_tables"]
