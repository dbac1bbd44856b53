"""maps.titled: the title and source sit on top of the figure, escaped, without eating the plot."""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from sdgdash.figures import MODEBAR_CHARS, SOURCE_LINE_PX, TITLE_LINE_PX, title_lines, titled


def test_title_and_source_go_on_top_and_a_fixed_height_grows() -> None:
    fig = go.Figure(go.Bar(x=[1], y=["a"]), layout={"height": 200, "margin": {"t": 30}})
    titled(fig, "Goal 5: <b>women</b> & men", "Source: data/indicator_5-5-2.csv")
    title = fig.layout.title
    assert title.text == "<b>Goal 5: &lt;b&gt;women&lt;/b&gt; &amp; men</b>"  # text, not markup
    assert title.subtitle.text == "Source: data/indicator_5-5-2.csv"
    assert (title.yref, title.y, title.yanchor, title.automargin) == ("container", 1, "top", True)
    assert fig.layout.height == 200 + TITLE_LINE_PX + SOURCE_LINE_PX
    assert fig.layout.margin.t == 30


def test_no_title_no_change_and_auto_height_stays_auto() -> None:
    fig = go.Figure(go.Bar(x=[1], y=["a"]))
    titled(fig, "", "")
    assert fig.layout.title.text is None and fig.layout.height is None
    titled(fig, "A long title " * 20, "src", width=40)
    assert fig.layout.height is None
    # One title line; the rest open the subtitle (plotly cuts off a multi-line title's top).
    assert "<br>" not in fig.layout.title.text
    assert fig.layout.title.subtitle.text.count("font-size:15px") >= 5
    assert fig.layout.title.subtitle.text.endswith("<br>src")


def test_presentation_scale_grows_every_title_line() -> None:
    fig = go.Figure(go.Bar(x=[1], y=["a"]), layout={"height": 100})
    titled(fig, "word " * 30, "src", width=50, scale=1.5)
    assert fig.layout.title.font.size == 22
    assert "font-size:22px" in fig.layout.title.subtitle.text
    n = len(title_lines("word " * 30, 50))
    assert n == 4  # a short first line (the toolbar's corner), then lines of 50
    assert fig.layout.height == 100 + round((n * TITLE_LINE_PX + SOURCE_LINE_PX) * 1.5)


def test_first_title_line_leaves_the_toolbar_corner_free_and_no_word_is_lost() -> None:
    title = "1.2.1 Доля населения, имеющего доходы ниже величины прожиточного минимума, 2022"
    lines = title_lines(title, 60)
    assert len(lines[0]) <= 60 - MODEBAR_CHARS
    assert all(len(x) <= 60 for x in lines)
    assert " ".join(lines) == title


def test_subplot_titles_get_room_under_the_source_line() -> None:
    fig = make_subplots(rows=2, cols=1, subplot_titles=["first", "second"])
    fig.update_layout(height=300)
    titled(fig, "Title", "Source")
    assert fig.layout.title.pad.b > 12  # the first subplot's title is not under the source
    assert fig.layout.height == 300 + TITLE_LINE_PX + SOURCE_LINE_PX + 22
