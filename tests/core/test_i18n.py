"""The gettext catalogs (complete, consistent, used) and the Babel formats of sdgdash.i18n."""

from __future__ import annotations

import ast
import datetime as dt
import re
import shutil
import string
import subprocess
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from sdgdash import i18n
from sdgdash.i18n import LANGS, fmt_date, fmt_number, fmt_period, plotly_separators, t, tn
from tests.conftest import REPO

LOCALE = REPO / "sdgdash" / "locale"
TEMPLATE = LOCALE / "sdgdash.pot"
CODE = [REPO / "dashboard.py", *sorted((REPO / "sdgdash").rglob("*.py"))]
CODE += sorted((REPO / "app_pages").glob("*.py"))
NNBSP, THIN = "\u202f", "\u2009"  # CLDR's narrow no-break space and thin space


def _read(path: Path):
    with path.open("rb") as fh:
        return read_po(fh)


def _entries(path: Path) -> dict:
    """msgctxt -> message of a catalog file (the header left out)."""
    return {m.context: m for m in _read(path) if m.id}


def _forms(value) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, tuple | list) else (value,)


def _fields(text: str) -> set[str]:
    """The str.format fields of ``text`` (a malformed brace raises ValueError)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


# --- the catalog files -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_header_names_the_language_and_its_cldr_plural_forms(lang) -> None:
    catalog = _read(i18n.catalog_path(lang))
    assert str(catalog.locale) == lang
    assert catalog.plural_forms == get_plural(lang).plural_forms
    assert catalog.num_plurals == {"kk": 2, "ru": 3, "en": 2}[lang]
    assert not catalog.fuzzy


@pytest.mark.parametrize("path", [TEMPLATE, *(i18n.catalog_path(lang) for lang in LANGS)])
def test_every_entry_has_one_key_as_msgctxt(path) -> None:
    text = path.read_text(encoding="utf-8")
    keys = re.findall(r'^msgctxt "([^"]*)"$', text, flags=re.MULTILINE)
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", k) for k in keys)
    assert len(keys) == text.count("\nmsgid ") - 1, "every msgid but the header's has a msgctxt"
    assert "\n#~ " not in text, "no obsolete entries"


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_exactly_the_template_entries(lang) -> None:
    template = {k: m.id for k, m in _entries(TEMPLATE).items()}
    catalog = {k: m.id for k, m in _entries(i18n.catalog_path(lang)).items()}
    assert catalog == template


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_is_translated_in_every_plural_form_and_none_is_fuzzy(lang) -> None:
    catalog = _read(i18n.catalog_path(lang))
    for key, m in _entries(i18n.catalog_path(lang)).items():
        assert not m.fuzzy, key
        forms = _forms(m.string)
        assert all(f.strip() for f in forms), key
        expected = catalog.num_plurals if m.pluralizable else 1
        assert len(forms) == expected, key


def test_english_catalog_repeats_the_msgid() -> None:
    for key, m in _entries(i18n.catalog_path("en")).items():
        assert _forms(m.string) == _forms(m.id), key


def test_placeholders_are_the_same_in_every_language_and_form() -> None:
    template = _entries(TEMPLATE)
    for lang in LANGS:
        for key, m in _entries(i18n.catalog_path(lang)).items():
            want = set().union(*(_fields(x) for x in _forms(template[key].id)))
            for form in _forms(m.string):
                assert _fields(form) == want, (lang, key, form)
            assert ("python-brace-format" in m.flags) == bool(want), (lang, key)


def test_a_count_followed_by_a_word_is_a_plural_entry() -> None:
    """ "5 показателей" needs plural forms; "Выводов: {n}" (a label, then the count) does not."""
    for key, m in _entries(i18n.catalog_path("ru")).items():
        if not m.pluralizable:
            # A noun after the count ("{n} показателей"), not a preposition ("вид {n} в ...").
            assert not re.search(r"\{n\} [а-яё]{3,}", m.string), (key, m.string)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) not installed")
@pytest.mark.parametrize("lang", LANGS)
def test_gnu_msgfmt_accepts_the_catalog(lang, tmp_path) -> None:
    out = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "x.mo"), str(i18n.catalog_path(lang))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr


# --- the catalog against the code --------------------------------------------------------------


def _key_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _calls() -> list[tuple[str, str, str]]:
    """(function, key, file) of every t("key", ...) / tn("key", ...) with a literal key."""
    found = []
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name, first = _key_name(node), node.args[0]
            if (
                name in ("t", "tn")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                found.append((name, first.value, str(path.relative_to(REPO))))
    return found


def _references() -> tuple[set[str], set[str]]:
    """Every string constant in the code (a key may be passed around before t() gets it), and
    the prefixes of keys built in a t()/tn() argument (f"goal_status_{bucket}", "reason_" + x)."""
    constants: set[str] = set()
    prefixes: set[str] = set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            if not (isinstance(node, ast.Call) and node.args and _key_name(node) in ("t", "tn")):
                continue
            for part in ast.walk(node.args[0]):
                if isinstance(part, ast.JoinedStr) and isinstance(part.values[0], ast.Constant):
                    prefixes.add(str(part.values[0].value))
                elif isinstance(part, ast.BinOp) and isinstance(part.left, ast.Constant):
                    prefixes.add(str(part.left.value))
    return constants, prefixes


def test_every_key_the_code_asks_for_is_in_the_catalog_with_the_right_shape() -> None:
    entries = _entries(TEMPLATE)
    calls = _calls()
    assert len(calls) > 300, "the scan finds the t() calls"
    for func, key, where in calls:
        assert key in entries, (key, where)
        assert entries[key].pluralizable == (func == "tn"), (func, key, where)


def test_every_key_in_the_catalog_is_used_by_the_code() -> None:
    constants, prefixes = _references()
    unused = sorted(
        key
        for key in _entries(TEMPLATE)
        if key not in constants and not any(key.startswith(p) for p in prefixes)
    )
    assert unused == []


# --- strings at run time -----------------------------------------------------------------------


def test_t_formats_and_falls_back_to_russian_for_an_unknown_language() -> None:
    assert t("rank_of", "en", rank=2, n=20) == "2 of 20"
    assert t("rank_of", "kk", rank=2, n=20) == "20 ішінен 2"
    assert t("rank_of", "xx", rank=2, n=20) == "2 из 20"
    assert t("nav_map", "kk") == "Көрсеткіштер картасы"


def test_a_missing_key_is_an_error_not_a_fallback() -> None:
    with pytest.raises(KeyError, match="no_such_key"):
        t("no_such_key", "en")
    with pytest.raises(KeyError, match="no_such_key"):
        tn("no_such_key", 2, "ru")
    assert i18n.has("nav_map") and not i18n.has("no_such_key")


def test_plural_and_singular_strings_are_not_confused() -> None:
    with pytest.raises(TypeError, match="tn"):
        t("ld_problems", "en")
    with pytest.raises(TypeError, match="no plural forms"):
        tn("nav_map", 2, "en")


@pytest.mark.parametrize(
    ("lang", "n", "text"),
    [
        ("ru", 1, "Файл не принят: 1 проблема. Ничего не сохранено."),
        ("ru", 2, "Файл не принят: 2 проблемы. Ничего не сохранено."),
        ("ru", 5, "Файл не принят: 5 проблем. Ничего не сохранено."),
        ("ru", 11, "Файл не принят: 11 проблем. Ничего не сохранено."),
        ("ru", 21, "Файл не принят: 21 проблема. Ничего не сохранено."),
        ("ru", 22, "Файл не принят: 22 проблемы. Ничего не сохранено."),
        ("en", 1, "File not accepted: 1 problem. Nothing was stored."),
        ("en", 2, "File not accepted: 2 problems. Nothing was stored."),
        ("en", 5, "File not accepted: 5 problems. Nothing was stored."),
        ("en", 21, "File not accepted: 21 problems. Nothing was stored."),
        ("kk", 1, "Файл қабылданбады: 1 мәселе. Ештеңе сақталған жоқ."),
        ("kk", 2, "Файл қабылданбады: 2 мәселе. Ештеңе сақталған жоқ."),
        ("kk", 5, "Файл қабылданбады: 5 мәселе. Ештеңе сақталған жоқ."),
        ("kk", 21, "Файл қабылданбады: 21 мәселе. Ештеңе сақталған жоқ."),
    ],
)
def test_tn_picks_the_plural_form_of_the_count(lang, n, text) -> None:
    assert tn("ld_problems", n, lang) == text


@pytest.mark.parametrize(
    ("n", "ru", "kk", "en"),
    [
        (1, "1 показатель", "1 көрсеткіш", "1 indicator"),
        (2, "2 показателя", "2 көрсеткіш", "2 indicators"),
        (5, "5 показателей", "5 көрсеткіш", "5 indicators"),
        (21, "21 показатель", "21 көрсеткіш", "21 indicators"),
    ],
)
def test_goal_caption_counts_indicators_with_the_right_noun(n, ru, kk, en) -> None:
    got = {lang: tn("goal_caption", n, lang, n_data=1, n_regional=0) for lang in LANGS}
    assert got["ru"].startswith(ru + " · 1 с данными")
    assert got["kk"].startswith(kk + " · 1 деректері бар")
    assert got["en"].startswith(en + " · 1 with data")


def test_the_count_of_a_plural_can_differ_from_its_n_placeholder() -> None:
    assert tn("drawn_count", 21, "ru", n=20, total=21) == "На карте 20 из 21 значения"
    assert tn("drawn_count", 25, "ru", n=20, total=25) == "На карте 20 из 25 значений"
    assert tn("auth_locked", 1, "en", minutes=1).endswith("Try again in 1 minute.")
    assert tn("auth_locked", 15, "ru", minutes=15).endswith("Повторите через 15 минут.")
    assert (
        t("store_err_text", "ru", n=2000) == "Текст не должен быть пустым и длиннее 2000 символов."
    )
    assert tn("exp_bulk_text", 1234, "ru", n=fmt_number(1234, "ru")).startswith(
        "Все 1\xa0234 наблюдения:"
    )


def test_a_fuzzy_or_empty_translation_shows_the_english(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "sdgdash.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 '
        '&& (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        '#, fuzzy\nmsgctxt "a"\nmsgid "Map"\nmsgstr "Карта?"\n\n'
        'msgctxt "b"\nmsgid "{n} file"\nmsgid_plural "{n} files"\n'
        'msgstr[0] "{n} файл"\nmsgstr[1] ""\nmsgstr[2] "{n} файлов"\n\n'
        'msgctxt "c"\nmsgid "Year"\nmsgstr "Год"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.messages.cache_clear()
    try:
        assert t("a", "ru") == "Map"
        assert [tn("b", n, "ru") for n in (1, 2, 5, 21)] == [
            "1 file",
            "2 files",
            "5 files",
            "21 files",
        ]
        assert t("c", "ru") == "Год"
    finally:
        i18n.messages.cache_clear()


def test_catalogs_are_compiled_once_per_process() -> None:
    i18n.messages.cache_clear()
    t("nav_map", "ru")
    t("nav_overview", "ru")
    info = i18n.messages.cache_info()
    assert (info.misses, info.hits) == (1, 1)


# --- numbers and dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "lang", "digits", "want"),
    [
        (1234.5, "ru", None, "1\xa0234,5"),
        (1234.5, "kk", None, "1\xa0234,5"),
        (1234.5, "en", None, "1,234.5"),
        (1234567.891, "ru", 1, "1\xa0234\xa0567,9"),
        (1234567.891, "en", 0, "1,234,568"),
        (0.0131, "en", None, "0.0131"),
        (0.0131, "kk", None, "0,0131"),
        (-2.5, "ru", 2, "-2,50"),
        (12, "xx", None, "12"),
        (None, "en", None, "–"),
        (float("nan"), "ru", None, "–"),
    ],
)
def test_fmt_number(value, lang, digits, want) -> None:
    assert fmt_number(value, lang, digits) == want


@pytest.mark.parametrize(("lang", "want"), [("ru", ",\xa0"), ("kk", ",\xa0"), ("en", ".,")])
def test_charts_use_the_separators_of_fmt_number(lang, want) -> None:
    assert plotly_separators(lang) == want
    assert fmt_number(1234.5, lang) == f"1{want[1]}234{want[0]}5"


@pytest.mark.parametrize(
    ("lang", "precision", "want"),
    [
        ("ru", "day", f"15 марта 2022{NNBSP}г."),
        ("kk", "day", f"2022{NNBSP}ж. 15 наурыз"),
        ("en", "day", "15 March 2022"),
        ("ru", "month", f"март 2022{NNBSP}г."),
        ("kk", "month", f"2022{NNBSP}ж. наурыз"),
        ("en", "month", "March 2022"),
        ("ru", "year", "2022"),
        ("kk", "year", "2022"),
        ("en", "year", "2022"),
    ],
)
def test_fmt_date_by_babel_per_language(lang, precision, want) -> None:
    assert fmt_date(dt.date(2022, 3, 15), lang, precision) == want


def test_fmt_date_names_every_month_in_the_genitive_in_russian() -> None:
    ru = " ".join(fmt_date(dt.date(2022, m, 1), "ru").split()[1] for m in range(1, 13))
    assert ru == "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
    kk = " ".join(fmt_date(dt.date(2022, m, 1), "kk").split()[-1] for m in range(1, 13))
    assert (
        kk == "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан"
    )


@pytest.mark.parametrize(
    ("start", "end", "lang", "precision", "want"),
    [
        ((2022, 3, 13), (2022, 3, 15), "ru", "day", f"13–15 марта 2022{NNBSP}г."),
        ((2022, 3, 13), (2022, 4, 15), "kk", "day", f"2022{NNBSP}ж. 13 наурыз – 15 сәуір"),
        ((2022, 3, 13), (2022, 4, 15), "en", "day", f"13 March{THIN}–{THIN}15 April 2022"),
        ((2022, 3, 1), (2022, 4, 1), "ru", "month", f"март – апрель 2022{NNBSP}г."),
        ((2021, 1, 1), (2023, 1, 1), "en", "year", "2021–2023"),
        ((2022, 3, 1), (2022, 3, 20), "en", "month", "March 2022"),
        ((2022, 3, 13), None, "ru", "day", f"13 марта 2022{NNBSP}г."),
    ],
)
def test_fmt_period_shares_what_both_ends_have(start, end, lang, precision, want) -> None:
    end_date = dt.date(*end) if end else None
    assert fmt_period(dt.date(*start), end_date, lang, precision) == want


def test_an_unknown_precision_is_refused() -> None:
    with pytest.raises(ValueError, match="precision"):
        fmt_date(dt.date(2022, 3, 15), "en", "week")
