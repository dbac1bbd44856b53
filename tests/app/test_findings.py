"""Findings page and block: read without login, the login form (wrong and throttled passwords),
the editor flow, and user text shown as text (never as markup)."""

from __future__ import annotations

import json
from datetime import date

from sdgdash.i18n import t, tn
from sdgdash.store import FindingInput
from sdgdash.ui.safe import literal

PASSWORD = "correct horse battery"
NASTY = '<script>document.title="pwned"</script> <b>bold?</b> **stars** :red[red]'


def _texts(at) -> list[str]:
    return [e.value for e in at.text]


def _markup(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for e in at.error] + [e.value for e in at.success]
    return "\n".join(parts)


def login(at, username: str, password: str, lang: str = "en"):
    """Fill and submit the sidebar login form."""
    at.sidebar.text_input(key="auth_username").input(username)
    at.sidebar.text_input(key="auth_password").input(password)
    submit = next(b for b in at.sidebar.button if b.label == t("auth_submit", lang))
    return submit.click().run()


def test_reading_needs_no_login_and_shows_no_form(app, store):
    editor = store.create_user("aigerim", PASSWORD)
    store.add_finding(
        FindingInput(
            date(2022, 10, 12),
            "Waste is not collected.",
            "minutes",
            ref_area="KZKAR",
            priority_goals=(11, 12),
        ),
        editor,
    )
    at = app("app_pages/findings.py", lang="en")
    assert not at.exception
    assert "Waste is not collected." in _texts(at)
    assert t("findings_login_to_add", "en") in [i.value for i in at.info]
    assert not at.text_area and not any(b.key and "fnd_in" in b.key for b in at.selectbox)
    chart = at.get("plotly_chart")  # the priority-SDG chart, one bar per goal named
    assert len(chart) == 1
    bars = json.loads(chart[0].proto.spec)["data"]
    assert [(b["name"][:3], b["x"]) for b in bars] == [("11.", [1]), ("12.", [1])]
    assert [b.label for b in at.button if b.label == t("findings_save", "en")] == []


def test_wrong_passwords_are_refused_then_throttled(app, store):
    store.create_user("aigerim", PASSWORD)
    at = app("app_pages/findings.py", lang="en")
    for attempt in range(5):
        at = login(at, "aigerim", "not the password")
        assert not at.exception
        expected = (
            tn("auth_locked", 15, "en", minutes=15) if attempt == 4 else t("auth_wrong", "en")
        )
        assert [e.value for e in at.sidebar.error] == [expected]
        # AppTest needs a plain run between two clicks of the same form button.
        at = at.run()
    at = login(at, "aigerim", PASSWORD)  # locked: even the right password is refused
    assert [e.value for e in at.sidebar.error] == [tn("auth_locked", 15, "en", minutes=15)]
    assert not at.text_area


def test_one_wrong_password_says_so(app, store):
    store.create_user("aigerim", PASSWORD)
    at = login(app("app_pages/findings.py", lang="ru"), "aigerim", "wrong", "ru")
    assert [e.value for e in at.sidebar.error] == [t("auth_wrong", "ru")]


def test_editor_adds_a_finding_seen_on_the_findings_and_region_pages(app, store):
    store.create_user("aigerim", PASSWORD)
    at = login(app("app_pages/findings.py", lang="en"), "aigerim", PASSWORD).run()
    assert not at.exception
    assert at.text_area(key="fnd_in_text")
    at.selectbox(key="fnd_in_place").set_value("KZKAR")
    at.date_input(key="fnd_in_date").set_value(date(2022, 10, 12))
    at.selectbox(key="fnd_in_event").set_value("2022_shymkent_karaganda_mission2030")
    at.multiselect(key="fnd_in_tags").set_value(["household_waste", "heating_supply"])
    at.multiselect(key="fnd_in_goals").set_value([11, 7])
    at.text_area(key="fnd_in_text").input(NASTY)
    at.text_input(key="fnd_in_src").input("Seminar minutes <i>12 Oct</i>")
    save = next(b for b in at.button if b.label == t("findings_save", "en"))
    at = save.click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [t("findings_saved", "en", id=1)]
    stored = store.findings()
    assert list(stored["text"]) == [NASTY] and stored.iloc[0]["created_by"] == "aigerim"
    assert stored.iloc[0]["tags"] == ["heating_supply", "household_waste"]
    # Shown literally as text; no Markdown/HTML element carries the raw markup.
    assert NASTY in _texts(at)
    assert "<script>" not in _markup(at) and "<i>" not in _markup(at)
    assert "pwned" not in _markup(at)

    region = app("app_pages/region.py", lang="en", region="KZKAR")
    assert not region.exception
    assert NASTY in _texts(region)
    assert "<script>" not in _markup(region)
    elsewhere = app("app_pages/region.py", lang="en", region="KZAKM")
    assert NASTY not in _texts(elsewhere)


def test_bad_input_is_reported_per_field_and_nothing_stored(app, store):
    store.create_user("aigerim", PASSWORD)
    at = login(app("app_pages/findings.py", lang="kk"), "aigerim", PASSWORD, "kk").run()
    # Tags are chosen from the vocabulary here; a bad tag is rejected in tests/core/test_store.py.
    save = next(b for b in at.button if b.label == t("findings_save", "kk"))
    at = save.click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert errors[0] == t("findings_not_saved", "kk")
    assert len(errors) == 4  # date, text, source (+ the heading line)
    assert store.findings().empty


def test_filters_come_from_the_url_and_withdraw(app, store):
    editor = store.create_user("aigerim", PASSWORD)
    for area, goals, text in [
        ("KZKAR", (7,), "heating_supply"),
        ("KZAKM", (11,), "household_waste"),
    ]:
        store.add_finding(
            FindingInput(date(2022, 10, 12), text, "minutes", ref_area=area, priority_goals=goals),
            editor,
        )
    at = app("app_pages/findings.py", lang="en", goal="7")
    assert "heating_supply" in _texts(at) and "household_waste" not in _texts(at)
    at = app("app_pages/findings.py", lang="en", region="KZAKM")
    assert _texts(at) == ["household_waste"]
    at = app("app_pages/findings.py", lang="en", goal="99")
    assert not at.exception and {"heating_supply", "household_waste"} <= set(_texts(at))
    assert any("goal" in w.value for w in at.warning)

    at = login(app("app_pages/findings.py", lang="en"), "aigerim", PASSWORD).run()
    at.selectbox(key="fnd_withdraw_id").set_value(2)
    withdraw = next(b for b in at.button if b.label == t("findings_withdraw_button", "en"))
    at = withdraw.click().run()
    assert not at.exception
    assert "household_waste" not in _texts(at)
    assert list(store.findings()["text"]) == ["heating_supply"]


AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-long-random-cookie-secret-for-tests-only",
    "client_id": "sdgdash",
    "client_secret": "unused",
    "server_metadata_url": "http://localhost:9/.well-known/openid-configuration",
}


def _oidc_app(user: dict):
    """The findings page with [auth] configured and a seeded identity-provider user (Authlib is
    a pinned dependency, so Streamlit's own check that it is installed runs for real)."""
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = user
    at.query_params["lang"] = "en"
    at.switch_page("app_pages/findings.py")
    return at.run()


def test_no_secrets_means_no_identity_provider_and_no_crash(app):
    at = app("app_pages/findings.py", lang="en")
    assert not at.exception
    assert not [b for b in at.sidebar.button if b.label == t("auth_oidc_login", "en")]


def test_oidc_user_edits_only_when_allowed(store):
    person = {"email": "official@akimat.kz", "is_logged_in": True}
    at = _oidc_app(person)
    assert not at.exception
    assert [w.value for w in at.sidebar.warning] == [
        t("auth_oidc_not_editor", "en", email=literal("official@akimat.kz"))
    ]
    assert not at.text_area  # logged in with the provider, but not an editor

    store.allow_oidc("official@akimat.kz")
    at = _oidc_app(person)
    assert not at.exception
    assert at.text_area(key="fnd_in_text")
    assert t("auth_signed_in", "en", name=literal("official@akimat.kz"), role="editor") in [
        c.value for c in at.sidebar.caption
    ]

    anonymous = _oidc_app({"is_logged_in": False})
    assert [b.label for b in anonymous.sidebar.button if b.key == "auth_oidc"] == [
        t("auth_oidc_login", "en")
    ]


def test_pages_survive_an_unreachable_store(app, monkeypatch):
    # Nothing listens on port 9: the store cannot be opened, the pages say so and carry on.
    monkeypatch.setenv("SDGDASH_STORE_URL", "postgresql://nobody@127.0.0.1:9/none")
    for page, params in [
        ("app_pages/findings.py", {}),
        ("app_pages/region.py", {"region": "KZKAR"}),
    ]:
        at = app(page, lang="en", **params)
        assert not at.exception
        assert t("auth_store_error", "en") in [w.value for w in at.warning]
    at = login(app("app_pages/findings.py", lang="en"), "aigerim", PASSWORD)
    assert [e.value for e in at.sidebar.error] == [t("auth_store_error", "en")]


PLANTED_SOURCE = "https://evil.example/login and www.evil.example"
GFM_LINKS = [
    r"(?i)(https?://|www(?=\.))[-.\w]+",  # bare addresses, linked by remark-gfm
    r"[-.\w+]+@[-\w]+(\.[-\w]+)+",  # e-mail addresses
]


def _curated_addresses() -> set[str]:
    """The addresses of the curated event sources (data/curated/events.csv, checked http(s)
    addresses of published reports): the only links the pages are meant to show."""
    import csv

    from tests.conftest import REPO

    with (REPO / "data" / "curated" / "events.csv").open(encoding="utf-8") as fh:
        return {u for row in csv.DictReader(fh) for u in row["source_url"].split(";") if u}


def _linkable(at) -> list[str]:
    """Markdown bodies that a GFM renderer would turn into a link (escapes resolved first),
    other than the links to the curated events' published sources."""
    import re

    curated = _curated_addresses()
    bodies = [m.value for m in at.markdown] + [c.value for c in at.caption]
    bodies += [e.value for e in at.error] + [w.value for w in at.warning]
    found = []
    for body in bodies:
        for url in curated:  # a curated citation's link, as tags.ui.source_caption writes it
            body = re.sub(r"\[[^\]]*\]\(" + re.escape(url) + r"\)", "", body)
        text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", body)
        if "](" in body or any(re.search(p, text) for p in GFM_LINKS):
            found.append(body)
    return found


def test_planted_addresses_are_never_links(app, store):
    # Issue 12: a source, event or author that is an address renders as text, not as a link.
    author = store.create_user("mallory@evil.example", PASSWORD)
    store.add_finding(
        FindingInput(
            date(2022, 10, 12),
            "Visit https://evil.example now",
            PLANTED_SOURCE,
            ref_area="KZKAR",
            event_id="www.evil.example",
            priority_goals=(6,),
        ),
        author,
    )
    for page, params in (
        ("app_pages/findings.py", {}),
        ("app_pages/region.py", {"region": "KZKAR"}),
    ):
        at = app(page, lang="en", **params)
        assert not at.exception
        assert "Visit https://evil.example now" in _texts(at)  # the text itself, as text
        captions = " ".join(c.value for c in at.caption)
        assert "evil" in captions  # the source line is there ...
        assert _linkable(at) == []  # ... and nothing on the page can become a link
