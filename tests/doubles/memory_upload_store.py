"""TEST DOUBLE: an in-memory UploadStore for tests only (the real store is sdgdash.store).

It implements the ``sdgdash.localdata.UploadStore`` protocol with the behaviour and the column
names of the real store (uploads listed with an ``id`` column; rows with upload_id and
indicator_id beside the values) that the territory page relies on (a new version is active, the previous one kept as replaced; withdrawn uploads
kept but inactive), so the page's side of the upload round trip is tested before the real
store is merged. It holds only what a test puts in it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from sdgdash.features.localdata.uploads import UPLOAD_COLUMNS


class MemoryUploadStore:
    """Uploads in a list; versions per (territory, indicator)."""

    def __init__(self) -> None:
        self._uploads: list[dict[str, Any]] = []
        self._rows: dict[int, pd.DataFrame] = {}
        self._files: dict[int, tuple[str, bytes]] = {}

    def save_upload(self, territory_id, indicator_id, filename, content, rows, user) -> int:
        missing = [c for c in UPLOAD_COLUMNS if c not in rows.columns]
        if missing:
            raise ValueError(f"rows lack columns {missing}")
        upload_id = len(self._uploads) + 1
        version = 1
        for u in self._uploads:
            if (u["territory_id"], u["indicator_id"]) == (territory_id, indicator_id):
                version = max(version, u["version"] + 1)
                if u["status"] == "active":
                    u["status"] = "replaced"
        self._uploads.append(
            {
                "id": upload_id,
                "territory_id": territory_id,
                "indicator_id": indicator_id,
                "version": version,
                "status": "active",
                "filename": filename,
                "uploaded_by": str(user),
                "uploaded_at": dt.datetime(2026, 1, 1, 12, 0) + dt.timedelta(minutes=upload_id),
                "n_rows": len(rows),
            }
        )
        self._rows[upload_id] = rows[list(UPLOAD_COLUMNS)].copy()
        self._files[upload_id] = (filename, bytes(content))
        return upload_id

    def withdraw_upload(self, upload_id, user) -> None:
        for u in self._uploads:
            if u["id"] == upload_id:
                u["status"] = "withdrawn"
                return
        raise KeyError(upload_id)

    def uploads(self, territory_id=None, include_history=False) -> pd.DataFrame:
        rows = [
            u
            for u in self._uploads
            if (territory_id is None or u["territory_id"] == territory_id)
            and (include_history or u["status"] == "active")
        ]
        return pd.DataFrame(rows, columns=list(self._uploads[0]) if self._uploads else ["id"])

    def upload_rows(self, territory_id, indicator_id=None) -> pd.DataFrame:
        parts = [
            self._rows[u["id"]].assign(upload_id=u["id"], indicator_id=u["indicator_id"])
            for u in self._uploads
            if u["territory_id"] == territory_id
            and u["status"] == "active"
            and (indicator_id is None or u["indicator_id"] == indicator_id)
        ]
        if not parts:
            return pd.DataFrame(columns=["indicator_id", *UPLOAD_COLUMNS])
        return pd.concat(parts, ignore_index=True)

    def upload_file(self, upload_id) -> tuple[str, bytes]:
        return self._files[upload_id]
