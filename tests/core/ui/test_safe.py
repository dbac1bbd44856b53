"""User text as Markdown shown literally: no link of any GFM kind, no markup, nothing lost."""

from __future__ import annotations

import re
import string

import pytest

from sdgdash.ui.safe import WORD_JOINER, literal

# The text-level autolink rules of GitHub-flavoured Markdown as remark-gfm applies them after
# escapes are resolved (mdast-util-gfm-autolink-literal): bare www./http(s):// addresses and
# e-mail addresses (with or without mailto:/xmpp:).
GFM_LINKS = [
    re.compile(r"(https?://|www(?=\.))([-.\w]+)", re.IGNORECASE),
    re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)"),
    re.compile(r"(mailto|xmpp):", re.IGNORECASE),
]

PLANTED = [
    "https://evil.example",
    "see www.evil.example/login now",
    "WWW.EVIL.EXAMPLE",
    "HtTpS://evil.example/?a=b&c=d",
    "mallory@evil.example",
    "mailto:mallory@evil.example",
    "xmpp:mallory@evil.example",
    "[click](https://evil.example)",
    "<https://evil.example>",
    "![x](https://evil.example/x.png)",
    '<a href="https://evil.example">x</a>',
    "[ref]\n\n[ref]: https://evil.example",
    ":red[red] :material/home: :smile: $x^2$ **bold** _it_ `code` ~~del~~",
    "# heading\n- item\n1. item\n> quote\n    code\n===\n",
    "&lt;script&gt; &amp; &#58;",
    "a\x00b\x1bc",
]


def _resolved(markdown: str) -> str:
    """The text a Markdown parser sees after it resolved the backslash escapes."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


@pytest.mark.parametrize("text", PLANTED)
def test_no_autolink_pattern_survives(text: str) -> None:
    for pattern in GFM_LINKS:
        assert not pattern.search(_resolved(literal(text))), (text, pattern)


@pytest.mark.parametrize("text", PLANTED)
def test_every_markdown_mark_is_escaped(text: str) -> None:
    out = literal(text)
    # Outside escapes, no ASCII punctuation is left for Markdown to act on.
    bare = re.sub(r"\\[!-/:-@\[-`{-~]", "", out)
    assert not set(bare) & set(string.punctuation), out
    assert "\n" not in out and "](" not in out


@pytest.mark.parametrize("text", PLANTED)
def test_the_reader_sees_the_text_as_written(text: str) -> None:
    seen = _resolved(literal(text)).replace(WORD_JOINER, "")
    want = " ".join(re.sub(r"[\x00-\x08\x0b-\x1f]", "", text).split())
    assert seen == want
