"""sdgdash: the SDG localization dashboard for Kazakhstan's regions."""

from __future__ import annotations

__version__ = "0.1.0"
