"""Session defaults and URL (query parameter) state: parse, validate, notice, write back."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import streamlit as st

from sdgdash.i18n import DEFAULT_LANG, is_lang, t

T = TypeVar("T")
_NOTICES = "_url_notices"
MAX_PARAM_LEN = 200


def init_session() -> None:
    """Defaults for session state, in one place."""
    st.session_state.setdefault("lang", DEFAULT_LANG)
    st.session_state.setdefault(_NOTICES, [])


def _notice(name: str) -> None:
    notices = st.session_state.setdefault(_NOTICES, [])
    if name not in notices:
        notices.append(name)


def _sync_lang_to_url() -> None:
    st.query_params["lang"] = st.session_state["lang"]


def current_lang() -> str:
    """The language from the URL (or the session), validated; a bad value gives a notice."""
    init_session()
    raw = st.query_params.get("lang")
    if raw:  # empty means "not given", as for every other parameter (see param)
        if is_lang(raw):
            st.session_state["lang"] = raw
        else:
            _notice("lang")
    lang = st.session_state["lang"]
    st.query_params["lang"] = lang
    return lang


def lang_on_change() -> Callable[[], None]:
    """Callback for the language widget: write the new language to the URL before the rerun."""
    return _sync_lang_to_url


def param(name: str, parse: Callable[[str], T | None], default: T) -> T:
    """Read query parameter ``name`` with ``parse``; junk or overlong values give ``default`` + notice."""
    raw = st.query_params.get(name)
    if raw is None or raw == "":
        return default
    value = parse(raw) if len(raw) <= MAX_PARAM_LEN else None
    if value is None:
        _notice(name)
        return default
    return value


def choice(options: Iterable[T]) -> Callable[[str], T | None]:
    """A parser that accepts only one of ``options`` (compared as strings)."""
    by_text = {str(o): o for o in options}
    return by_text.get


def integer(lo: int, hi: int) -> Callable[[str], int | None]:
    """A parser for an integer within [lo, hi]."""

    def parse(raw: str) -> int | None:
        try:
            value = int(raw)
        except ValueError:
            return None
        return value if lo <= value <= hi else None

    return parse


def set_params(**values: object) -> None:
    """Write the view's selection to the URL (None or "" removes a parameter)."""
    for name, value in values.items():
        if value is None or value == "":
            if name in st.query_params:
                del st.query_params[name]
        elif st.query_params.get(name) != str(value):
            st.query_params[name] = str(value)


def notice_area():
    """A place at the top of a page for the URL notices, filled by :func:`show_notices` at the end
    (parameters are read while the page renders, after the top has been drawn)."""
    return st.container()


def show_notices(lang: str, where=None) -> None:
    """Show (once) a notice for each URL parameter that was not understood."""
    box = where if where is not None else st
    for name in st.session_state.get(_NOTICES, []):
        box.warning(t("notice_bad_param", lang, name=name[:40]), icon="⚠️")
    st.session_state[_NOTICES] = []


def seed(key: str, name: str, parse: Callable[[str], T | None], default: T) -> None:
    """Give widget ``key`` its first value from URL parameter ``name`` (once per session view)."""
    if key not in st.session_state:
        st.session_state[key] = param(name, parse, default)


def keep_valid(key: str, options: list, default: object) -> None:
    """After an upstream choice changed, reset widget ``key`` when its value is no longer offered."""
    if st.session_state.get(key) not in options:
        st.session_state[key] = default


def keep_valid_list(key: str, options: list) -> None:
    """After an upstream choice changed, drop from multiselect ``key`` the values no longer
    offered."""
    current = st.session_state.get(key) or []
    if any(v not in options for v in current):
        st.session_state[key] = [v for v in current if v in options]


def lang() -> str:
    """The language of this run, as the entry script (dashboard.py) chose it."""
    return st.session_state.get("lang") or current_lang()


def int_list(allowed: Iterable[int]) -> Callable[[str], list[int] | None]:
    """A parser for a comma-separated list of integers, each one of ``allowed``."""
    ok = set(allowed)

    def parse(raw: str) -> list[int] | None:
        try:
            out = sorted({int(x) for x in raw.split(",") if x.strip()})
        except ValueError:
            return None
        return out if set(out) <= ok else None

    return parse
