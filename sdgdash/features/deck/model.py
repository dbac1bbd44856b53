"""A seminar deck: a title and an ordered list of views (page + URL parameters + title), as JSON (pure)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from sdgdash.pages import DEFAULT_PAGE, PAGES

FORMAT = "sdgdash-deck"
VERSION = 1
MAX_BYTES = 64_000
MAX_VIEWS = 40
MAX_TEXT = 300
MAX_VALUE = 200
# A deck file is an object > "views" list > view object > "params" object: deeper is not a deck
# (and 60,000 "[" would exhaust Python's recursion limit in the JSON parser).
MAX_DEPTH = 6
# What would make a title or a parameter an address outside the app or a script: any URL with a
# scheme and "//", javascript: / vbscript: / data:<type>/ / mailto:, "www.", a
# protocol-relative "//host" and a Windows share "\\host". A deck links only to the app's pages.
_OUTSIDE = re.compile(
    r"[a-z][a-z0-9+.\-]*\s*:\s*//|\b(?:java|vb)script\s*:|\bdata\s*:\s*[a-z]+/|\bmailto\s*:"
    r"|\bwww\.|^\s*//|\\\\",
    re.IGNORECASE,
)
# Bidirectional overrides and isolates can make a title read differently from what it holds.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Page -> the URL parameters that make up its view (besides ``lang``), from the page registry;
# a page without view parameters cannot be put in a deck.
PAGE_PARAMS: dict[str, frozenset[str]] = {p.id: p.view_params for p in PAGES if p.deckable}
# Parameters that belong to the app, not to a view: never stored in a deck.
APP_PARAMS = frozenset({"lang", "present", "deck"})


class DeckError(ValueError):
    """A deck file or view that cannot be used; the message says why."""


@dataclass(frozen=True)
class View:
    """One step of a deck: a page, the URL parameters of its view, and a slide title."""

    page: str
    params: dict[str, str] = field(default_factory=dict)
    title: str = ""

    def query(self, lang: str, **extra: str) -> dict[str, str]:
        """The URL parameters that open this view in ``lang`` (plus ``extra``)."""
        return {**self.params, "lang": lang, **extra}

    def url(self, base: str, lang: str) -> str:
        """The shareable address of this view under ``base`` (the app's root URL)."""
        path = "" if self.page == DEFAULT_PAGE else self.page  # the default page lives at "/"
        return f"{base.rstrip('/')}/{path}?{urlencode(self.query(lang))}"


@dataclass(frozen=True)
class Deck:
    """A title and an ordered tuple of views."""

    title: str = ""
    views: tuple[View, ...] = ()

    def add(self, view: View) -> Deck:
        """A deck with ``view`` appended."""
        if len(self.views) >= MAX_VIEWS:
            raise DeckError(f"a deck holds at most {MAX_VIEWS} views")
        return replace(self, views=(*self.views, view))

    def remove(self, i: int) -> Deck:
        """A deck without view ``i``."""
        return replace(self, views=self.views[:i] + self.views[i + 1 :])

    def move(self, i: int, step: int) -> Deck:
        """A deck with view ``i`` moved by ``step`` places (kept within the list)."""
        j = min(max(i + step, 0), len(self.views) - 1)
        views = list(self.views)
        views.insert(j, views.pop(i))
        return replace(self, views=tuple(views))

    def with_title(self, title: str) -> Deck:
        """A deck titled ``title`` (checked like a loaded file's title)."""
        return replace(self, title=_text(title, "title"))

    def retitle(self, i: int, title: str) -> Deck:
        """A deck whose view ``i`` has ``title``."""
        views = list(self.views)
        views[i] = replace(views[i], title=_text(title, "title"))
        return replace(self, views=tuple(views))


def make_view(page: str, params: dict[str, object], title: str) -> View:
    """A checked view of ``page`` from the current URL parameters (app parameters dropped)."""
    clean = {k: str(v) for k, v in params.items() if k not in APP_PARAMS and v not in (None, "")}
    return _check_view(page, clean, title)


def _text(value: object, what: str, limit: int = MAX_TEXT) -> str:
    """``value`` when it is one line of plain text within ``limit`` that names no address."""
    if not isinstance(value, str):
        raise DeckError(f"{what} must be text")
    if len(value) > limit:
        raise DeckError(f"{what} is longer than {limit} characters")
    if any(unicodedata.category(ch) == "Cc" or ch in _BIDI for ch in value):
        raise DeckError(f"{what} holds a control character (titles are one line of plain text)")
    if _OUTSIDE.search(value):
        raise DeckError(
            f"{what} holds an address or a script (a deck links only to pages of the app)"
        )
    return value


def _depth(text: str) -> int:
    """How deep ``[`` and ``{`` nest in JSON ``text`` (brackets inside strings do not count)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _check_view(page: object, params: object, title: object) -> View:
    if page not in PAGE_PARAMS:
        raise DeckError(f"unknown page {str(page)[:40]!r}")
    if not isinstance(params, dict):
        raise DeckError("a view's params must be an object")
    unknown = sorted(set(params) - PAGE_PARAMS[page])
    if unknown:
        raise DeckError(f"page {page!r} has no parameter {str(unknown[0])[:40]!r}")
    for name, value in params.items():
        _text(value, f"parameter {name!r}", MAX_VALUE)
    return View(page, dict(params), _text(title, "title"))


def to_json(deck: Deck) -> bytes:
    """The deck as a small UTF-8 JSON file."""
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "title": deck.title,
        "views": [{"page": v.page, "params": v.params, "title": v.title} for v in deck.views],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def from_json(data: bytes | str) -> Deck:
    """Read and check a deck file; anything unexpected raises :class:`DeckError` naming it."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_BYTES:
        raise DeckError(f"the file is larger than {MAX_BYTES // 1000} kB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DeckError("not a JSON file (not UTF-8 text)") from None
    if _depth(text) > MAX_DEPTH:
        raise DeckError(f"not a deck: nested deeper than {MAX_DEPTH} levels")
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as err:  # JSONDecodeError is a ValueError
        raise DeckError(f"not a JSON file ({err.__class__.__name__})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise DeckError(f"not a {FORMAT} file")
    if doc.get("version") != VERSION:
        raise DeckError(f"unsupported version {str(doc.get('version'))[:10]!r}")
    views = doc.get("views")
    if not isinstance(views, list):
        raise DeckError("'views' must be a list")
    if len(views) > MAX_VIEWS:
        raise DeckError(f"a deck holds at most {MAX_VIEWS} views")
    checked = []
    for n, v in enumerate(views, 1):
        if not isinstance(v, dict):
            raise DeckError(f"view {n} is not an object")
        try:
            checked.append(_check_view(v.get("page"), v.get("params", {}), v.get("title", "")))
        except DeckError as err:
            raise DeckError(f"view {n}: {err}") from None
    return Deck(_text(doc.get("title", ""), "title"), tuple(checked))
