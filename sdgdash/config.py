"""Runtime settings read from the environment (one frozen dataclass, no module state)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sdgdash.location import Location, as_location

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Where the app finds its built data and geometry, and where editable state is stored.

    The data and geometry are read-only; either may be a folder or a URI (see sdgdash.location).
    """

    data_dir: Location  # a local Path, or a RemoteDir for an s3://, gs://, https://, file:// URI
    geodata_dir: Location
    store_url: str

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        """Build settings from ``SDGDASH_*`` environment variables, defaulting to the repository."""
        env = dict(os.environ if env is None else env)
        data_dir = as_location(env.get("SDGDASH_DATA_DIR") or REPO_ROOT / "data")
        geodata_dir = as_location(env.get("SDGDASH_GEODATA_DIR") or REPO_ROOT / "geodata")
        default_store = Path.home() / ".local" / "share" / "sdgdash" / "store.sqlite3"
        store_url = env.get("SDGDASH_STORE_URL") or f"sqlite:///{default_store}"
        return cls(data_dir=data_dir, geodata_dir=geodata_dir, store_url=store_url)
