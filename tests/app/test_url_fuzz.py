"""Junk in every URL parameter of every page: no exception, no SQL error, defaults with a notice.

The parameters are discovered, not listed: each page in ``PAGES`` is run with its defaults and
every key it writes to the URL (plus ``lang``) is fuzzed. For each parameter a sample of the junk
values below is tried (chosen with a seed from the page and parameter, so runs are repeatable and
the samples over all parameters cover the whole list); ``SDGDASH_FUZZ_ALL=1`` tries them all.

A value either is accepted as valid (the page writes it back to the URL unchanged), or the page
falls back to the value it uses by default and shows the notice that names the parameter. An
empty value means "not given": default, no notice.
"""

from __future__ import annotations

import os
import random
import time

import pytest
from streamlit.testing.v1 import AppTest

from sdgdash.i18n import DEFAULT_LANG, t
from tests.app.conftest import APP, PAGES

JUNK: list[str] = [
    "",
    "x" * 10_000,
    "😀🇰🇿" * 3,
    "\u202eالرياض\u202c",  # RTL override + Arabic
    "1.2\u200b.1",  # zero-width space inside a plausible value
    "a\x00b",
    "' OR 1=1 --",
    "1; DROP TABLE observations",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "-1",
    "99999999999999999999999",
    "1e308",
    "NaN",
    "[1, 2]",
    "{'a': 1}",
    "true",
    "1.5",
    "%00%27",
    "Қазақстан Республикасы",
    ",,,,",
]
PER_PARAM = 3
SQL_ERROR_MARKERS = (
    "Catalog Error",
    "Parser Error",
    "Binder Error",
    "Conversion Error",
    "Invalid Input Error",
    "syntax error",
    "duckdb",
    "Traceback",
    "sqlite3",
    "psycopg",
)


def run(page: str, params: dict[str, str | list[str]]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page(page)
    at.run()
    return at


def shown_text(at: AppTest) -> str:
    """All the text the page shows (and any exception text)."""
    parts = []
    for kind in ("markdown", "text", "caption", "error", "warning", "info", "success", "title"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [str(e.value) + " " + "".join(e.stack_trace) for e in at.exception]
    return "\n".join(parts)


def sample(page: str, name: str) -> list[str]:
    if os.environ.get("SDGDASH_FUZZ_ALL"):
        return JUNK
    return random.Random(f"{page}:{name}").sample(JUNK, PER_PARAM)


def written(at: AppTest, name: str) -> str | None:
    value = at.query_params.get(name)
    if isinstance(value, list):
        return value[-1] if value else None
    return value


@pytest.mark.parametrize("page", PAGES)
def test_junk_url_parameters(page: str) -> None:
    started = time.perf_counter()
    base = run(page, {"lang": "en"})
    assert not base.exception, f"{page} fails with its defaults"
    defaults = {k: written(base, k) for k in base.query_params}
    names = sorted(set(defaults) | {"lang"})
    assert len(names) >= 1
    failures: list[str] = []
    runs = 0
    for name in names:
        values: list[str | list[str]] = list(sample(page, name))
        values.append(["1", "' OR 1=1 --"])  # a repeated parameter: ?name=1&name=...
        for value in values:
            params = {"lang": "en", name: value} if name != "lang" else {"lang": value}
            at = run(page, params)
            runs += 1
            label = f"{page} ?{name}={str(value)[:30]!r}"
            text = shown_text(at)
            if at.exception:
                failures.append(f"{label}: exception {at.exception[0].value}")
                continue
            if at.error:
                failures.append(f"{label}: error shown {at.error[0].value[:80]}")
            if any(m.lower() in text.lower() for m in SQL_ERROR_MARKERS):
                failures.append(f"{label}: SQL/driver error text shown")
            raw = value[-1] if isinstance(value, list) else value
            # The page's own copy-link script is HTML too: look for the junk value itself.
            if "<script>" in raw and raw in "".join(str(h.body) for h in at.get("html")):
                failures.append(f"{label}: raw HTML rendered")
            now = written(at, name)
            default = DEFAULT_LANG if name == "lang" else defaults.get(name)
            lang = written(at, "lang") or "ru"
            notice = t("notice_bad_param", lang, name=name[:40])
            noticed = any(w.value == notice for w in at.warning)
            if raw == "":
                ok = now in (default, None) and not noticed
                if not ok:
                    failures.append(f"{label}: empty value not read as 'not given' ({now!r})")
            elif now == raw and not noticed:
                pass  # a valid value, accepted and kept in the URL
            elif now != default:
                failures.append(f"{label}: fell back to {now!r}, not the default")
            elif not noticed:
                failures.append(f"{label}: default used but no notice names {name!r}")
    elapsed = time.perf_counter() - started
    print(f"{page}: {len(names)} parameters, {runs} runs in {elapsed:.1f} s")
    assert not failures, "\n".join(failures)
