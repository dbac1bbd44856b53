"""Text written by people (data labels, findings, uploads) made safe to show: never markup,
never a link (pure)."""

from __future__ import annotations

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+-.!|~$:"})


def md_escape(text: str) -> str:
    """Escape Markdown (and Streamlit's :directives:) so data text is shown literally."""
    return str(text).translate(_MD_SPECIAL)
