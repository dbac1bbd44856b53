"""The seam to the editable store and the login for local data uploads.

The store (``sdgdash.store``) and the login (``sdgdash.ui.auth``) are built separately; until
they are present the territory page reads without them: no local data, and uploads can be
checked but not stored. Pages call :func:`get_upload_store` and :func:`current_user` only.
"""

from __future__ import annotations

import importlib
from typing import Any

import streamlit as st

from sdgdash.localdata import UploadStore
from sdgdash.ui import cached


def _module(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


@st.cache_resource
def _open_store(url: str) -> UploadStore | None:
    module = _module("sdgdash.store")
    if module is None:
        return None
    return module.Store(url)


def get_upload_store() -> UploadStore | None:
    """The editable store for uploads, or None when ``sdgdash.store`` is not installed."""
    return _open_store(cached.settings().store_url)


def current_user() -> Any | None:
    """The logged-in editor from ``sdgdash.ui.auth``, or None (nobody, or no login module)."""
    auth = _module("sdgdash.ui.auth")
    return auth.current_user() if auth is not None else None
