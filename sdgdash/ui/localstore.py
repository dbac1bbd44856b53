"""The seam to the editable store and the login for local data uploads.

The store (``sdgdash.store``) and the login (``sdgdash.ui.auth``) are built separately; until
they are present the territory page reads without them: no local data, and uploads can be
checked but not stored. Pages call :func:`get_upload_store` and :func:`login` only.
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
    return module.open_store(url) if module is not None else None


def get_upload_store() -> UploadStore | None:
    """The editable store for uploads, or None when ``sdgdash.store`` is not installed."""
    auth = _module("sdgdash.ui.auth")
    if auth is not None and hasattr(auth, "store"):
        return auth.store()  # the login's store: one engine per URL and process
    return _open_store(cached.settings().store_url)


def login(lang: str) -> Any | None:
    """The logged-in editor (with the login box in the sidebar), or None without a login module."""
    auth = _module("sdgdash.ui.auth")
    return auth.login_box(lang) if auth is not None else None
