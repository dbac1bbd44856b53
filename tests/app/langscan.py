"""Find text of the wrong language in a rendered page (used by test_language_scan.py).

Every string a page sends to the browser is collected from the AppTest element tree: the string
fields of each element's protobuf (titles, markdown, captions, labels, help, options, metric
values, button and link labels, placeholders), the strings inside JSON fields (a plotly figure's
titles, axis labels, legend names and hover texts; a pydeck map), and a table's column names and
text cells. Then:

* English page: any Cyrillic letter is a leak.
* Kazakh page: Kazakh is written in Cyrillic too, and single letters do not tell it from Russian
  (Kazakh has all 33 Russian letters; texts without ә, ғ, қ, ң, ө, ұ, ү, һ, і are common). So the
  Kazakh page is compared with the Russian rendering of the same page: a piece of text (a string
  split at separators such as ":", "·", ",", "(", "—") with three or more Cyrillic letters that
  appears verbatim on the Russian page is Russian text on the Kazakh page. Words that are the same
  in both languages are allowed by name (:data:`SAME_IN_KK_AND_RU`). A second check catches Russian
  sentences that the Russian page does not show verbatim: two or more distinct Russian function
  words ("и", "на", "для", ...) that Kazakh does not use.

Names and codes pass by construction: codes and file names have no Cyrillic letters, and the
names of regions and territories are written differently in Kazakh and Russian (Қарағанды облысы,
Карагандинская область).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

import pandas as pd
from google.protobuf.message import Message

from sdgdash.i18n import LANG_NAMES

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_CYRILLIC_LETTERS = re.compile(r"[\u0400-\u04FF]")
SEPARATORS = re.compile(r"\s*(?:[·|—–:;,()\[\]«»\"“”„\n/]|\s-\s|\.\s)\s*")
WORD = re.compile(r"[\u0400-\u04FF]+")
# Russian function words Kazakh does not use (a Kazakh sentence has none of them).
RUSSIAN_WORDS: frozenset[str] = frozenset(
    {"и", "на", "для", "по", "от", "или", "что", "это", "из", "при", "без", "не", "также", "как"}
)
# The same word in Kazakh and Russian (international words, names, abbreviations), compared as
# pieces of text are (see :func:`segments`, lower case). Each is the Kazakh word as well.
SAME_IN_KK_AND_RU: frozenset[str] = frozenset(
    {
        "индустриализация",  # goal 9's Kazakh short name begins with it
        "индекс",
        "карта",
        "контекст",
        "коммит",
        "миссия",  # the "Миссия 2030" game
        "мвт",  # megawatt, the same abbreviation
        "астана",  # the capital's name
        "геометрия",
        "балл",  # a score's points, the same word
        "палитра",
        "лицензия",  # a licence, the same loanword
        "парламент",
        "рейтинг",
        "семинар",
        "тег",
        "файл",
        "фото",
        "щбкз",
    }
)
# Each language's own name in the language switch is written in that language on every page.
LANGUAGE_NAMES: frozenset[str] = frozenset(LANG_NAMES.values())
# Element types whose text is not shown (our scripts and styles).
SKIP_TYPES: frozenset[str] = frozenset({"html"})


def _strings_in_json(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings_in_json(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings_in_json(v)


def proto_strings(message: Message) -> Iterator[str]:
    """Every string field of a protobuf message, recursively; JSON strings are opened."""
    for field, value in message.ListFields():
        values = value if field.is_repeated else [value]
        for v in values:
            if isinstance(v, Message):
                yield from proto_strings(v)
            elif isinstance(v, str):
                text = v.strip()
                if text[:1] in "{[" and len(text) > 1:
                    try:
                        yield from _strings_in_json(json.loads(text))
                        continue
                    except ValueError:
                        pass
                yield v


def frame_strings(frame: pd.DataFrame) -> Iterator[str]:
    """A table's column names and text cells."""
    yield from (str(c) for c in frame.columns)
    for column in frame.columns:
        for v in frame[column].tolist():
            if isinstance(v, str):
                yield v


def page_strings(at) -> list[str]:
    """All strings of a rendered AppTest page (main area and sidebar)."""
    out: list[str] = []

    def walk(node) -> None:
        kind = getattr(node, "type", "")
        if kind in SKIP_TYPES:
            return
        if kind in ("dataframe", "table"):
            out.extend(frame_strings(node.value))
            out.extend(s for s in proto_strings(node.proto) if not isinstance(s, bytes))
            return
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message):
            out.extend(proto_strings(proto))
        children = getattr(node, "children", None)
        if children:
            for child in children.values() if isinstance(children, dict) else children:
                walk(child)

    walk(at._tree)
    return [s for s in out if s and s.strip()]


def segments(text: str) -> list[str]:
    """The pieces of a string between separators, in lower case, each with three or more
    Cyrillic letters and only its Cyrillic words ("Коммит 72277878d1" -> "коммит"); Markdown's
    escapes and line breaks removed first."""
    # safe.literal's escapes (backslashes, a word joiner before ":" that stops autolinks).
    plain = text.replace("\\", "").replace("\u2060", "").replace("<br>", " ")
    out = []
    for piece in SEPARATORS.split(plain):
        words = [w for w in piece.split() if CYRILLIC.search(w)]
        joined = " ".join(words).strip(" .!?*").lower()
        if len(_CYRILLIC_LETTERS.findall(joined)) >= 3:
            out.append(joined)
    return out


def english_leaks(strings: Iterable[str]) -> list[str]:
    """Strings of an English page that have Cyrillic letters (the language switch's names of
    Kazakh and Russian aside)."""
    return sorted({s for s in strings if CYRILLIC.search(s) and s not in LANGUAGE_NAMES})


def russian_words(text: str) -> set[str]:
    """The Russian function words in ``text``."""
    return {w for w in WORD.findall(text.lower()) if w in RUSSIAN_WORDS}


def kazakh_leaks(kk: Iterable[str], ru: Iterable[str]) -> list[str]:
    """Strings of a Kazakh page that carry Russian text: a piece also shown on the Russian page
    (not a word the two languages share), or two or more Russian function words."""
    ru_pieces = {p for s in ru for p in segments(s)} - SAME_IN_KK_AND_RU
    leaks = set()
    for s in kk:
        if not CYRILLIC.search(s) or s in LANGUAGE_NAMES:
            continue
        if any(p in ru_pieces for p in segments(s)) or len(russian_words(s)) >= 2:
            leaks.add(s)
    return sorted(leaks)
