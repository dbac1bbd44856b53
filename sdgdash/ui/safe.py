"""Text shown safely in Streamlit's Markdown elements (pure): ``literal`` for text people wrote
(findings, upload and deck names, e-mail addresses, error messages): never markup, never a link;
``md_escape`` for curated data text (labels, event and tag sources): no markup, addresses stay
links.

``st.markdown`` / ``st.caption`` / ``st.error`` / ``st.toast`` read their text as GitHub-flavoured
Markdown. Escaping every ASCII punctuation mark stops its syntax (emphasis, ``[..](..)`` links,
``<..>`` autolinks, HTML, Streamlit's ``:color[..]`` directives and ``:material/..:`` icons), but
not GFM's *literal* autolinks: a bare ``www.host``, ``scheme://host`` or ``name@host`` becomes
a link after the escapes are resolved. :func:`literal` therefore also puts an invisible word
joiner (U+2060) between ``www`` and its dot and before every ``:`` and ``@``, which none of
those patterns allows. Where a block of user text is shown, ``st.text`` (no Markdown at all)
is the element to use; :func:`literal` is for text inside captions, headings and messages.
"""

from __future__ import annotations

import re
import string
import unicodedata

WORD_JOINER = "\u2060"
_ESCAPE = str.maketrans({c: "\\" + c for c in string.punctuation})
_BREAK_AUTOLINK = re.compile(r"(?<=www)(?=\.)|(?=[:@])", re.IGNORECASE)
_LINE_BREAKS = re.compile(r"\s*[\r\n\t\f\v]+\s*")
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+-.!|~$:"})


def literal(text: object) -> str:
    """Markdown that renders as exactly ``text`` (on one line, control characters dropped),
    never as a link or markup, whoever wrote it."""
    s = "".join(ch for ch in str(text) if ch in "\t\n\r" or unicodedata.category(ch) != "Cc")
    s = _LINE_BREAKS.sub(" ", s).strip(" ")
    s = _BREAK_AUTOLINK.sub(WORD_JOINER, s)
    return s.translate(_ESCAPE)


def md_escape(text: str) -> str:
    """Escape Markdown (and Streamlit's :directives:) so curated data text is shown literally;
    bare addresses in it stay links. Text a person wrote goes through :func:`literal`."""
    return str(text).translate(_MD_SPECIAL)
