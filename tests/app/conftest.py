"""AppTest fixtures: a fresh app per test, with Streamlit's caches cleared."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import streamlit as st
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from sdgdash.pages import PAGES as REGISTRY
from sdgdash.store import open_store
from tests.conftest import REPO

APP = str(REPO / "dashboard.py")
PAGES = [p.script for p in REGISTRY]


@pytest.fixture(autouse=True)
def _store_in_tmp(tmp_path, monkeypatch) -> str:
    """Every page test writes to its own store file, never the user's default store."""
    url = f"sqlite:///{tmp_path / 'store' / 'store.sqlite3'}"
    monkeypatch.setenv("SDGDASH_STORE_URL", url)
    return url


@pytest.fixture(autouse=True)
def _clear_caches():
    st.cache_data.clear()
    yield
    st.cache_data.clear()


@pytest.fixture
def store(_store_in_tmp):
    """The page tests' store, opened directly (a cheap password hash keeps the tests fast)."""
    s = open_store(_store_in_tmp)
    s._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield s
    s.dispose()


@pytest.fixture
def app() -> Callable[..., AppTest]:
    """Factory: ``app(page, lang=..., **query_params)`` -> an AppTest that has run once."""

    def make(page: str | None = None, **params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for name, value in params.items():
            at.query_params[name] = value
        if page:
            # Open the page's URL directly, as a shared link does.
            at.switch_page(page)
        at.run()
        return at

    return make
