"""Editor login: the store per URL, a password form in the sidebar (throttled by the store),
Streamlit's OIDC login when ``[auth]`` is configured, and the logged-in user of the session."""

from __future__ import annotations

import streamlit as st

from sdgdash.config import Settings
from sdgdash.i18n import t, tn
from sdgdash.store import STORE_ERRORS, Store, User, open_store
from sdgdash.ui.safe import literal

_USER = "_auth_user"


@st.cache_resource(max_entries=4)
def store_for(url: str) -> Store:
    """One store (engine and connection pool) per URL and process, shared by all sessions."""
    return open_store(url, Settings.from_env())


def store() -> Store:
    """The store named by ``SDGDASH_STORE_URL`` now (read per run, so a test can point it away)."""
    return store_for(Settings.from_env().store_url)


def oidc_configured() -> bool:
    """Whether secrets.toml has an ``[auth]`` section and Authlib is there for ``st.login()``."""
    try:
        from streamlit.auth_util import is_authlib_installed

        return bool(st.secrets.load_if_toml_exists() and st.secrets.get("auth")) and (
            is_authlib_installed()
        )
    except Exception:  # no or unreadable secrets: no identity provider
        return False


def _oidc_email() -> str | None:
    try:
        if st.user.get("is_logged_in"):
            return st.user.get("email")
    except Exception:  # st.user without configured auth
        return None
    return None


def current_user() -> User | None:
    """The editor of this session: a password login, or an allowed identity-provider e-mail."""
    user = st.session_state.get(_USER)
    if isinstance(user, User):
        return user
    if oidc_configured():
        try:
            return store().oidc_user(_oidc_email())
        except STORE_ERRORS:
            return None
    return None


def _role(user: User, lang: str) -> str:
    return t(f"auth_role_{user.role}", lang)


def _logout() -> None:
    st.session_state.pop(_USER, None)


def login_box(lang: str) -> User | None:
    """Sidebar: who is logged in with a logout button, or a closed "Editor login" expander with
    the login form (most visitors read and never log in). Returns the user."""
    user = current_user()
    if user is not None:
        box = st.sidebar.container(border=True)
        box.caption(t("auth_signed_in", lang, name=literal(user.username), role=_role(user, lang)))
        if user.auth == "oidc":
            if box.button(t("auth_logout", lang), key="auth_logout_oidc"):
                st.logout()
        else:
            box.button(t("auth_logout", lang), key="auth_logout", on_click=_logout)
        return user
    # Its content is always sent (no rerun to open it), so a failed login's message shows in the
    # expander the editor just used, which the browser keeps open.
    box = st.sidebar.expander(t("auth_heading", lang), icon=":material/login:")
    email = _oidc_email() if oidc_configured() else None
    if email:
        box.warning(t("auth_oidc_not_editor", lang, email=literal(email[:200])))
    elif oidc_configured() and box.button(t("auth_oidc_login", lang), key="auth_oidc"):
        st.login()
    with box.form("auth_form", clear_on_submit=True, border=False):
        username = st.text_input(t("auth_username", lang), key="auth_username", max_chars=64)
        password = st.text_input(
            t("auth_password", lang), type="password", key="auth_password", max_chars=200
        )
        submitted = st.form_submit_button(t("auth_submit", lang))
    if submitted:
        return _try_login(box, username.strip(), password, lang)
    return None


def _try_login(box, username: str, password: str, lang: str) -> User | None:
    """Check the password; messages are fixed strings (never the typed text, never HTML)."""
    try:
        the_store = store()
        minutes = int(the_store.failure_window.total_seconds() // 60)
        if the_store.login_locked(username):
            box.error(tn("auth_locked", minutes, lang, minutes=minutes))
            return None
        user = the_store.authenticate(username, password)
        locked = user is None and the_store.login_locked(username)
    except STORE_ERRORS:
        box.error(t("auth_store_error", lang))
        return None
    if user is None:
        box.error(
            tn("auth_locked", minutes, lang, minutes=minutes) if locked else t("auth_wrong", lang)
        )
        return None
    st.session_state[_USER] = user
    st.rerun()
    return user
