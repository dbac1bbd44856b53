"""Interface strings from the gettext catalogs in sdgdash/locale, and numbers and dates per
language formatted by Babel (CLDR)."""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import math
import numbers
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from babel import Locale
from babel.dates import format_date, format_skeleton, parse_pattern
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

LANGS: tuple[str, ...] = ("kk", "ru", "en")  # the interface languages, in switch order
DEFAULT_LANG = "ru"
LANG_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}

DOMAIN = "sdgdash"
LOCALE_DIR = Path(__file__).parent / "locale"
# The Babel locale of each interface language. British English writes dates day-month-year
# ("15 March 2022"), as the English texts do; its numbers are those of "en" (1,234.5).
BABEL_LOCALES: Mapping[str, str] = MappingProxyType({"kk": "kk", "ru": "ru", "en": "en_GB"})
PRECISIONS: tuple[str, ...] = ("day", "month", "year")


def catalog_path(lang: str) -> Path:
    """The .po file a translator edits for ``lang``."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@dataclass(frozen=True)
class Messages:
    """One language's compiled catalog: key (msgctxt) -> forms (one, or one per plural form)."""

    texts: Mapping[str, tuple[str, ...]]
    plural: Callable[[int], int]  # the catalog's Plural-Forms rule: count -> form index
    english: frozenset[str]  # keys without a usable translation, shown in English (n != 1 rule)


@functools.lru_cache(maxsize=len(LANGS))
def messages(lang: str) -> Messages:
    """``lang``'s catalog, compiled once per process at first use. As msgfmt does, a fuzzy or
    empty translation is left out and the English msgid shown instead (tests forbid both)."""
    with catalog_path(lang).open("rb") as fh:
        catalog = read_po(fh, domain=DOMAIN)
    texts: dict[str, tuple[str, ...]] = {}
    english: set[str] = set()
    for message in catalog:
        if not message.id or not message.context:
            continue  # the header; every string of sdgdash has its key as msgctxt
        forms = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if message.fuzzy or not all(forms):
            forms = message.id if isinstance(message.id, tuple | list) else (message.id,)
            english.add(message.context)
        texts[message.context] = tuple(forms)
    return Messages(
        texts=MappingProxyType(texts),
        plural=gettext.c2py(catalog.plural_expr),
        english=frozenset(english),
    )


def _lang(lang: str) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def _forms(key: str, lang: str) -> tuple[str, ...]:
    try:
        return messages(lang).texts[key]
    except KeyError:
        raise KeyError(f"no interface string {key!r} in {catalog_path(lang)}") from None


def has(key: str) -> bool:
    """Whether the catalogs define ``key``."""
    return key in messages(DEFAULT_LANG).texts


def t(key: str, lang: str, /, **kwargs: object) -> str:
    """The interface string ``key`` in ``lang`` (Russian for an unknown language), formatted with
    ``kwargs``. A plural string takes its form from the count ``n=`` (see :func:`tn`)."""
    lang = _lang(lang)
    forms = _forms(key, lang)
    if len(forms) > 1:
        count = kwargs.pop("n", None)
        if not isinstance(count, int) or isinstance(count, bool):
            raise TypeError(f"{key!r} has plural forms: call tn({key!r}, count, lang, ...)")
        return tn(key, count, lang, **kwargs)
    text = forms[0]
    return text.format(**kwargs) if kwargs else text


def tn(key: str, n: int, lang: str, /, **kwargs: object) -> str:
    """The plural string ``key`` in the form ``lang`` uses for the count ``n`` (1 показатель,
    2 показателя, 5 показателей), formatted with ``kwargs``; ``{n}`` is ``n`` unless given."""
    lang = _lang(lang)
    forms = _forms(key, lang)
    if len(forms) < 2:
        raise TypeError(f"{key!r} has no plural forms: call t({key!r}, lang, ...)")
    catalog = messages(lang)
    index = int(n != 1) if key in catalog.english else catalog.plural(n)
    kwargs.setdefault("n", n)
    return forms[min(index, len(forms) - 1)].format(**kwargs)


def babel_locale(lang: str) -> str:
    """The Babel (CLDR) locale that formats numbers and dates for ``lang``."""
    return BABEL_LOCALES[_lang(lang)]


def fmt_number(value: float | int | None, lang: str, digits: int | None = None) -> str:
    """Format a number the way readers of ``lang`` expect (1 234,5 in kk/ru, 1,234.5 in en)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if digits is None:
        # Show the value as the source gives it: up to 6 decimals, no trailing zeros.
        pattern = "#,##0.######"
    else:
        pattern = "#,##0." + "0" * digits if digits > 0 else "#,##0"
    return _decimal(value, pattern, babel_locale(lang))


@functools.lru_cache(maxsize=65_536)
def _decimal(value: float | int, pattern: str, locale: str) -> str:
    """Babel's ``format_decimal``, remembered: a table cell's text is asked for on every rerun
    of its page, and Babel parses the pattern and the locale's rules each time (~0.07 ms a
    cell, a tenth of a region page's server time before this cache)."""
    return format_decimal(value, format=pattern, locale=locale)


def table_digits(values: Iterable[object]) -> int:
    """How many decimals a table column shows, from the size of its numbers: 3 below 1, 2 below
    100, 1 from 100 (so 5.513589 reads 5.51 and 123456.3608 reads 123456.4); a column of whole
    numbers shows none. Shown as the most, trailing zeros dropped (5.3 stays 5.3)."""
    finite = [
        abs(float(v))
        for v in values
        if isinstance(v, numbers.Real) and not isinstance(v, bool) and math.isfinite(float(v))
    ]
    if not finite or all(float(v).is_integer() for v in finite):
        return 0
    top = max(finite)
    return 3 if top < 1 else 2 if top < 100 else 1


def table_number(value: object, lang: str, digits: int) -> str:
    """One table cell: the number rounded to at most ``digits`` decimals, in ``lang``'s marks
    (1 234,5 in kk and ru with a no-break space; 1,234.5 in en); "—" when missing."""
    if value is None or isinstance(value, str):
        return value or "—"
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(number):
        return "—"
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    return _decimal(number, pattern, babel_locale(lang))


def plotly_separators(lang: str) -> str:
    """Plotly's ``separators`` (decimal mark, then thousands) for ``lang``, as fmt_number uses."""
    locale = babel_locale(lang)
    return get_decimal_symbol(locale) + get_group_symbol(locale)


def _check_precision(precision: str) -> None:
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {PRECISIONS}, not {precision!r}")


def fmt_date(value: dt.date, lang: str, precision: str = "day") -> str:
    """A date to the ``precision`` the source gives ("day", "month" or "year"), in ``lang``'s
    CLDR long form: "15 марта 2022 г.", "2022 ж. 15 наурыз", "15 March 2022"; "март 2022 г."."""
    _check_precision(precision)
    locale = babel_locale(lang)
    if precision == "day":
        return format_date(value, "long", locale=locale)
    return format_skeleton("yMMMM" if precision == "month" else "y", value, locale=locale)


# CLDR interval skeletons per precision; their month is abbreviated ("мар."), widened to full
# names so a period reads like a single date of fmt_date.
_INTERVAL_SKELETONS = {"day": "yMMMd", "month": "yMMM", "year": "y"}
_ABBREVIATED_MONTH = re.compile(r"(?<![ML])(MMM|LLL)(?![ML])")


def _full_months(pattern: str) -> str:
    # Quoted parts ('г'.) are literal text, left as they are.
    parts = re.split(r"('(?:[^']|'')*')", pattern)
    return "".join(
        part if part.startswith("'") else _ABBREVIATED_MONTH.sub(lambda m: m[0] + m[0][0], part)
        for part in parts
    )


def fmt_period(start: dt.date, end: dt.date | None, lang: str, precision: str = "day") -> str:
    """A date or period sharing what the two ends have in common, by CLDR's interval formats:
    "13–15 марта 2022 г.", "2022 ж. 13 наурыз – 15 сәуір", "30 December 2021 – 2 January 2022"."""
    _check_precision(precision)
    if end is None or end == start:
        return fmt_date(start, lang, precision)
    locale = Locale.parse(babel_locale(lang))
    formats = locale.interval_formats[_INTERVAL_SKELETONS[precision]]
    for field, differs in (
        ("y", start.year != end.year),
        ("M", (start.year, start.month) != (end.year, end.month)),
        ("d", start != end),
    ):
        if differs and field in formats:
            first, second = (parse_pattern(_full_months(p)) for p in formats[field])
            return first.apply(start, locale) + second.apply(end, locale)
    return fmt_date(start, lang, precision)  # the same day, month or year at this precision


def is_lang(value: object) -> bool:
    """True when ``value`` is one of the supported language codes."""
    return isinstance(value, str) and value in LANGS
