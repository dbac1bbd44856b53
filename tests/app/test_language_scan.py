"""Every page in Kazakh and English shows no text of the wrong language (see langscan.py for how
Russian is told from Kazakh): labels from the platform or the curated tables, interface strings
from the catalogs, names and codes allowed."""

from __future__ import annotations

import pytest

from sdgdash.pages import PAGES
from tests.app.langscan import english_leaks, kazakh_leaks, page_strings, segments

# Every page's default view, and views that showed Russian-only labels before (series of 1.5.2
# and 15.2.1, a women-only selection of 8.5.2, another region).
VIEWS: list[tuple[str, dict[str, str]]] = [(p.script, {}) for p in PAGES] + [
    ("app_pages/map.py", {"ind": "1.5.2"}),
    ("app_pages/map.py", {"ind": "15.2.1"}),
    ("app_pages/map.py", {"ind": "8.5.2", "sex": "F"}),
    ("app_pages/region.py", {"region": "KZKZY"}),
    ("app_pages/goal.py", {"goal": "16"}),
]


def _id(view: tuple[str, dict[str, str]]) -> str:
    page, params = view
    name = page.removeprefix("app_pages/").removesuffix(".py")
    return name + "".join(f"-{k}={v}" for k, v in params.items())


@pytest.mark.parametrize("view", VIEWS, ids=_id)
def test_no_text_of_the_wrong_language(app, view: tuple[str, dict[str, str]]) -> None:
    page, params = view
    ru = page_strings(app(page, lang="ru", **params))
    kk = page_strings(app(page, lang="kk", **params))
    en = page_strings(app(page, lang="en", **params))
    assert min(len(ru), len(kk), len(en)) >= 10  # the pages did render
    assert kazakh_leaks(kk, ru) == []
    assert english_leaks(en) == []


def test_the_scan_tells_russian_from_kazakh() -> None:
    ru = ["Серия: природного характера", "Карагандинская область", "Рейтинг (CSV)", "5,2"]
    kk = [
        "Қатар: природного характера",  # a Russian label inside a Kazakh string
        "Доля частных расходов домашних хозяйств от общих расходов на здравоохранение",
        "Қарағанды облысы",
        "Рейтинг (CSV)",  # the same word in both languages
        "5,2",
    ]
    assert kazakh_leaks(kk, ru) == [
        "Доля частных расходов домашних хозяйств от общих расходов на здравоохранение",
        "Қатар: природного характера",
    ]
    assert english_leaks(["Karaganda region", "Source: data/indicator_1-2-1.csv", "Всего"]) == [
        "Всего"
    ]
    assert segments("Жынысы: әйелдер · 2023") == ["жынысы", "әйелдер"]


def test_streamlit_texts_script_has_every_text_and_no_tag() -> None:
    """The script that puts Streamlit's own texts in the page's language: every text has a
    Kazakh and Russian translation, and the script has no "<" (DOMPurify would drop it)."""
    from sdgdash.ui import builtin_texts

    for lang in ("kk", "ru"):
        cfg = builtin_texts.config(lang)
        assert set(cfg["pairs"]) == set(builtin_texts.TEXTS)
        assert all(cfg["pairs"][en] != en for en in cfg["pairs"]), lang
        assert "{size}" in cfg["perFileText"]
        body = builtin_texts.script(lang).removeprefix("<script>").removesuffix("</script>")
        assert "<" not in body
    assert builtin_texts.config("en")["pairs"] == {}  # English restores the originals
