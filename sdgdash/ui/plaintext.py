"""User text as Markdown that Streamlit shows literally: no link, no markup, one line (pure).

``st.markdown`` / ``st.caption`` / ``st.error`` / ``st.toast`` read their text as GitHub-flavoured
Markdown. Escaping every ASCII punctuation mark stops its syntax (emphasis, ``[..](..)`` links,
``<..>`` autolinks, HTML, Streamlit's ``:color[..]`` directives and ``:material/..:`` icons), but
not GFM's *literal* autolinks: a bare ``www.host``, ``scheme://host`` or ``name@host`` becomes
a link after the escapes are resolved. :func:`literal` therefore also puts an invisible word
joiner (U+2060) between ``www`` and its dot and before every ``:`` and ``@``, which none of
those patterns allows. Where a block of user text is shown, ``st.text`` (no Markdown at all)
is the element to use; this is for text inside captions, headings and messages.
"""

from __future__ import annotations

import re
import string
import unicodedata

WORD_JOINER = "\u2060"
_ESCAPE = str.maketrans({c: "\\" + c for c in string.punctuation})
_BREAK_AUTOLINK = re.compile(r"(?<=www)(?=\.)|(?=[:@])", re.IGNORECASE)
_LINE_BREAKS = re.compile(r"\s*[\r\n\t\f\v]+\s*")


def literal(text: object) -> str:
    """Markdown that renders as exactly ``text`` (on one line, control characters dropped),
    never as a link or markup, whoever wrote it."""
    s = "".join(ch for ch in str(text) if ch in "\t\n\r" or unicodedata.category(ch) != "Cc")
    s = _LINE_BREAKS.sub(" ", s).strip(" ")
    s = _BREAK_AUTOLINK.sub(WORD_JOINER, s)
    return s.translate(_ESCAPE)
