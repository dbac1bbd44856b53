"""The seam to local data uploaded for territories: what view functions read from the editable
store (implemented by ``sdgdash.store.Store``; a test double in tests/doubles)."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

import pandas as pd


@runtime_checkable
class UploadStore(Protocol):
    """The editable store's side of local data (implemented by ``sdgdash.store.Store``)."""

    def save_upload(
        self,
        territory_id: str,
        indicator_id: str,
        filename: str,
        content: bytes,
        rows: pd.DataFrame,
        user: Any,
    ) -> Any:
        """Store a validated upload as the active version (the previous one kept as replaced);
        return its upload id."""
        ...

    def withdraw_upload(self, upload_id: Any, user: Any) -> None:
        """Withdraw an upload (kept, no longer active)."""
        ...

    def uploads(
        self, territory_id: str | None = None, include_history: bool = False
    ) -> pd.DataFrame:
        """Uploads (active only, or every version with ``include_history``), one row each with at
        least upload_id, indicator_id and status ("active" / "replaced" / "withdrawn"); the page
        lists every column the store gives (file name, version, who, when)."""
        ...

    def upload_rows(self, territory_id: str, indicator_id: str | None = None) -> pd.DataFrame:
        """Rows of the active uploads: year, series, unit, value and the disaggregation columns."""
        ...

    def upload_file(self, upload_id: Any) -> tuple[str, bytes]:
        """The original file of an upload: (file name, bytes)."""
        ...
