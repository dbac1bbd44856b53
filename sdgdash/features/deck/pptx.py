"""Slides -> a PowerPoint file (python-pptx): native charts, map images, a source footer (pure)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")  # no display; set before pyplot is imported
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.colors import LinearSegmentedColormap, Normalize  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from plotly.colors import get_colorscale, sample_colorscale, unlabel_rgb  # noqa: E402
from pptx import Presentation  # noqa: E402
from pptx.chart.data import CategoryChartData  # noqa: E402
from pptx.chart.xlsx import CategoryWorkbookWriter  # noqa: E402
from pptx.dml.color import RGBColor  # noqa: E402
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION  # noqa: E402
from pptx.util import Emu, Inches, Pt  # noqa: E402

from sdgdash.geo.choropleth import NO_DATA_COLOUR, class_edges, classify, colour_spec
from sdgdash.geo.labelling import LabelPoint, label_points, wrapped_name
from sdgdash.i18n import fmt_number  # noqa: E402

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
FONT = "DejaVu Sans"  # has Cyrillic and the Kazakh letters
_BLUE = RGBColor(0x00, 0x68, 0x9D)
_GREY = RGBColor(0x55, 0x55, 0x55)
_LINE_COLOURS = ["0072B2", "E69F00", "009E73", "CC79A7", "555555"]  # as the app's compare lines


@dataclass(frozen=True)
class ChartSlide:
    """A native, editable chart: ``kind`` "bar" (horizontal), "stacked" (horizontal, stacked) or
    "line", one list per series; ``colours`` (hex) of the series in order, theme colours if empty;
    ``number_format`` of the bars' value labels."""

    title: str
    kind: str
    categories: list[str]
    series: list[tuple[str, list[float | None]]]
    footer: str
    axis_title: str = ""
    colours: tuple[str, ...] = ()
    number_format: str = "0.0"


@dataclass(frozen=True)
class ImageSlide:
    """A picture (PNG bytes, or a function that draws them when the file is built: a deck's
    slides can be counted without drawing its maps), e.g. a map, with a caption."""

    title: str
    png: bytes | Callable[[], bytes]
    footer: str
    caption: str = ""

    def image(self) -> bytes:
        """The PNG bytes (drawn now when they were deferred)."""
        return self.png() if callable(self.png) else self.png


@dataclass(frozen=True)
class TableSlide:
    """A native table of text cells, with a note under it (e.g. which rows a summary shows)."""

    title: str
    columns: list[str]
    rows: list[list[str]]
    footer: str
    note: str = ""


Slide = ChartSlide | ImageSlide | TableSlide


@dataclass(frozen=True)
class Document:
    """A title slide (title, subtitle lines) and the slides after it."""

    title: str
    subtitle: list[str] = field(default_factory=list)
    slides: list[Slide] = field(default_factory=list)


# Control characters no reader sees (python-pptx would spell them out as "_x0000_").
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text: object) -> str:
    return _CONTROL.sub("", str(text))


class _TextWorkbookWriter(CategoryWorkbookWriter):
    """python-pptx's writer of a chart's embedded workbook (what PowerPoint's "Edit data"
    opens), with labels written as text: XlsxWriter would make a label starting with "=" a
    formula."""

    @contextmanager
    def _open_worksheet(self, xlsx_file):
        from xlsxwriter import Workbook

        workbook = Workbook(xlsx_file, {"in_memory": True, "strings_to_formulas": False})
        worksheet = workbook.add_worksheet()
        yield workbook, worksheet
        workbook.close()


class _ChartData(CategoryChartData):
    """Chart data whose embedded workbook holds its labels as text (see _TextWorkbookWriter)."""

    @property
    def _workbook_writer(self):
        return _TextWorkbookWriter(self)


def _text(frame, text: str, size: int, bold: bool = False, colour: RGBColor | None = None) -> None:
    tf = frame.text_frame
    tf.word_wrap = True
    lines = _clean(text).split("\n")
    for n, line in enumerate(lines):
        p = tf.paragraphs[0] if n == 0 else tf.add_paragraph()
        run = p.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.name = FONT
        if colour is not None:
            run.font.color.rgb = colour


def _frame(slide, title: str, footer: str) -> None:
    box = slide.shapes.add_textbox(Inches(0.4), Inches(0.2), WIDTH - Inches(0.8), Inches(1.0))
    box.name = "Title"
    _text(box, title, 26 if len(title) < 90 else 20, bold=True, colour=_BLUE)
    foot = slide.shapes.add_textbox(
        Inches(0.4), HEIGHT - Inches(0.6), WIDTH - Inches(0.8), Inches(0.5)
    )
    foot.name = "Footer"
    _text(foot, footer, 10, colour=_GREY)


_BODY = (Inches(0.4), Inches(1.25), WIDTH - Inches(0.8), HEIGHT - Inches(1.95))


def _chart(slide, spec: ChartSlide) -> None:
    data = _ChartData()
    data.categories = [_clean(c) if isinstance(c, str) else c for c in spec.categories]
    for name, values in spec.series:
        data.add_series(
            _clean(name), [None if v is None or pd.isna(v) else float(v) for v in values]
        )
    kind = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "stacked": XL_CHART_TYPE.BAR_STACKED}.get(
        spec.kind, XL_CHART_TYPE.LINE_MARKERS
    )
    gframe = slide.shapes.add_chart(kind, *_BODY, data)
    gframe.name = "Chart"
    chart = gframe.chart
    chart.font.size = Pt(12)
    chart.font.name = FONT
    chart.has_legend = len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    if spec.kind in ("bar", "stacked"):
        chart.category_axis.reverse_order = True  # first category on top, as in the app
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.data_labels.number_format = spec.number_format
        plot.data_labels.number_format_is_linked = False
        plot.gap_width = 60
        if spec.kind == "stacked":
            plot.overlap = 100
        for s, colour in zip(chart.series, spec.colours, strict=False):
            s.format.fill.solid()
            s.format.fill.fore_color.rgb = RGBColor.from_string(colour.lstrip("#").upper())
            s.format.line.color.rgb = RGBColor(0x88, 0x88, 0x88)
    else:
        for n, s in enumerate(chart.series):
            colour = RGBColor.from_string(_LINE_COLOURS[n % len(_LINE_COLOURS)])
            s.format.line.color.rgb = colour
            s.format.line.width = Pt(2.5)
            s.marker.format.fill.solid()
            s.marker.format.fill.fore_color.rgb = colour
            s.smooth = False
    if spec.axis_title:
        axis = chart.value_axis
        axis.has_title = True
        axis.axis_title.text_frame.text = _clean(spec.axis_title)
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(12)


def _image(slide, spec: ImageSlide) -> None:
    left, top, width, height = _BODY
    if spec.caption:
        height -= Inches(0.4)
        cap = slide.shapes.add_textbox(left, top + height, width, Inches(0.4))
        cap.name = "Caption"
        _text(cap, spec.caption, 12, colour=_GREY)
    pic = slide.shapes.add_picture(io.BytesIO(spec.image()), left, top, height=height)
    if pic.width > width:  # keep the aspect ratio inside the body box
        ratio = width / pic.width
        pic.width, pic.height = int(width), int(pic.height * ratio)
    pic.left = int(left + (width - pic.width) / 2)
    pic.name = "Map"


def _table(slide, spec: TableSlide) -> None:
    left, top, width, _ = _BODY
    rows = len(spec.rows) + 1
    shape = slide.shapes.add_table(
        rows, len(spec.columns), left, top, width, Emu(Inches(0.42) * rows)
    )
    shape.name = "Table"
    table = shape.table
    for c, name in enumerate(spec.columns):
        cell = table.cell(0, c)
        cell.text = _clean(name)
    for r, row in enumerate(spec.rows, 1):
        for c, value in enumerate(row):
            table.cell(r, c).text = _clean(value)
    for r in range(rows):
        for c in range(len(spec.columns)):
            for p in table.cell(r, c).text_frame.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(11)
                    run.font.name = FONT
    table.columns[0].width = int(width * 0.45)
    rest = (width - table.columns[0].width) // max(len(spec.columns) - 1, 1)
    for c in range(1, len(spec.columns)):
        table.columns[c].width = int(rest)
    if spec.note:
        # Under the footer's line: the table's rows take at most the body's height.
        note = slide.shapes.add_textbox(left, HEIGHT - Inches(1.05), width, Inches(0.45))
        note.name = "Note"
        _text(note, spec.note, 12, colour=_GREY)


def build(doc: Document) -> bytes:
    """The PowerPoint file (16:9) of ``doc``: its title slide, then one slide per spec."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    blank = prs.slide_layouts[6]
    first = prs.slides.add_slide(blank)
    box = first.shapes.add_textbox(Inches(0.8), Inches(2.3), WIDTH - Inches(1.6), Inches(1.6))
    box.name = "Title"
    _text(box, doc.title, 36, bold=True, colour=_BLUE)
    if doc.subtitle:
        sub = first.shapes.add_textbox(Inches(0.8), Inches(4.1), WIDTH - Inches(1.6), Inches(2.5))
        sub.name = "Subtitle"
        _text(sub, "\n".join(doc.subtitle), 16, colour=_GREY)
    for spec in doc.slides:
        slide = prs.slides.add_slide(blank)
        _frame(slide, spec.title, spec.footer)
        if isinstance(spec, ChartSlide):
            _chart(slide, spec)
        elif isinstance(spec, ImageSlide):
            _image(slide, spec)
        else:
            _table(slide, spec)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def _hex(colour: str) -> str:
    if colour.startswith("#"):
        return colour
    r, g, b = (int(float(x)) for x in unlabel_rgb(colour))
    return f"#{r:02x}{g:02x}{b:02x}"


def map_colours(
    values: pd.Series,
    palette: str,
    higher_is_better: bool | None,
    classes: str,
    centre: float | None = None,
) -> tuple[list[str], list[tuple[str, str]] | list[str]]:
    """(colour of each value, legend) with the app's scales (sdgdash.geo.choropleth): for
    classes the legend is (colour, range) pairs in class order; for continuous it is the colour
    ramp, symmetric around ``centre`` when given (a change map: no change in the middle)."""
    vals = values.astype(float)
    if centre is None and classes != "continuous" and vals.nunique() >= 2:
        edges = class_edges(vals, classes)
        n = len(edges) - 1
        steps, _ = colour_spec(palette, higher_is_better, n)
        colours = [_hex(steps[2 * i][1]) for i in range(n)]
        idx = classify(vals, edges)
        return [colours[i] for i in idx], list(zip(colours, _ranges(edges), strict=True))
    name, reverse = colour_spec(palette, higher_is_better)
    lo, hi = _range(vals, centre)
    pos = [(v - lo) / (hi - lo) if hi > lo else 0.5 for v in vals]
    scale = get_colorscale(name)
    if reverse:
        pos = [1 - p for p in pos]
    ramp = [_hex(c) for c in sample_colorscale(scale, [i / 10 for i in range(11)])]
    if reverse:
        ramp = ramp[::-1]
    return [_hex(c) for c in sample_colorscale(scale, pos)], ramp


def _range(vals: pd.Series, centre: float | None) -> tuple[float, float]:
    """The continuous scale's ends: the values' range, or symmetric around ``centre``."""
    if centre is None:
        return float(vals.min()), float(vals.max())
    reach = float((vals - centre).abs().max()) or 1.0
    return centre - reach, centre + reach


def _ranges(edges: list[float]) -> list[str]:
    from sdgdash.geo.choropleth import _digits

    d = _digits(edges)
    return [f"{a:.{d}f} – {b:.{d}f}" for a, b in zip(edges, edges[1:], strict=False)]


def map_png(
    drawn: pd.DataFrame,
    geojson: dict,
    *,
    names: dict[str, str],
    unit_label: str,
    lang: str,
    higher_is_better: bool | None = None,
    palette: str = "RdYlBu",
    classes: str = "continuous",
    better_label: str = "",
    no_data_label: str = "",
    centre: float | None = None,
    labels: bool = True,
    label_at: dict[str, LabelPoint] | None = None,
) -> bytes:
    """The app's choropleth as a PNG, drawn locally with geopandas + matplotlib (no tiles, no
    network): same colours and classes, units without a value in grey; ``centre``: a continuous
    scale symmetric around it (the change map); with ``labels`` each region's name and value
    written where the app writes them (a small city beside its dot; ``label_at``: the layout's
    :func:`sdgdash.geo.labelling.label_points`, computed here when not given)."""
    plt.rcParams["font.family"] = FONT
    gdf = gpd.GeoDataFrame.from_features(geojson["features"], crs="EPSG:4326")
    lon, lat = gdf.geometry.union_all().centroid.coords[0]
    crs = f"+proj=laea +lon_0={lon:.2f} +lat_0={lat:.2f} +datum=WGS84 +units=m"
    gdf = gdf.to_crs(crs)
    values = drawn.set_index("ref_area")["value"]
    gdf["value"] = gdf["ref_area"].map(values)
    has = gdf["value"].notna()
    fig, ax = plt.subplots(figsize=(12, 6.6), dpi=150)
    ax.set_axis_off()
    if (~has).any():
        gdf[~has].plot(ax=ax, color=NO_DATA_COLOUR, edgecolor="white", linewidth=0.8)
    if has.any():
        colours, legend = map_colours(
            gdf.loc[has, "value"], palette, higher_is_better, classes, centre
        )
        gdf[has].plot(ax=ax, color=colours, edgecolor="white", linewidth=0.8)
        if labels:
            at = label_at if label_at is not None else label_points(geojson)
            _map_labels(ax, gdf[has], at, names, lang, crs)
        title = unit_label
        if better_label and higher_is_better is not None:
            title += f"\n{'▲' if higher_is_better else '▼'} {better_label}"
        if legend and isinstance(legend[0], tuple):
            handles = [Patch(facecolor=c, edgecolor="#999999", label=r) for c, r in legend]
            if higher_is_better is not None:
                handles = handles[::-1]  # better end on top, as on the app's colour bar
            if (~has).any() and no_data_label:
                handles.append(Patch(facecolor=NO_DATA_COLOUR, label=no_data_label))
            ax.legend(
                handles=handles,
                title=title,
                loc="center left",
                bbox_to_anchor=(1.0, 0.5),
                fontsize=10,
                title_fontsize=10,
                frameon=False,
            )
        else:
            cmap = LinearSegmentedColormap.from_list("app", legend)
            vals = gdf.loc[has, "value"].astype(float)
            sm = plt.cm.ScalarMappable(cmap=cmap, norm=Normalize(*_range(vals, centre)))
            bar = fig.colorbar(sm, ax=ax, fraction=0.03, pad=0.01)
            bar.set_label(title, fontsize=10)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", facecolor="white")
    plt.close(fig)
    return buf.getvalue()


def _map_labels(ax, drawn, label_at: dict[str, LabelPoint], names, lang: str, crs: str) -> None:
    """Each drawn region's name and value at its label point (projected like the map)."""
    codes = [c for c in drawn["ref_area"] if c in label_at]
    points = gpd.GeoSeries(
        gpd.points_from_xy([label_at[c].lon for c in codes], [label_at[c].lat for c in codes]),
        crs="EPSG:4326",
    ).to_crs(crs)
    values = dict(zip(drawn["ref_area"], drawn["value"], strict=True))
    for code, pt in zip(codes, points, strict=True):
        small = label_at[code].small
        text = "\n".join([*wrapped_name(names.get(code, code)), fmt_number(values[code], lang)])
        if small:
            ax.scatter([pt.x], [pt.y], s=14, color="#111111", edgecolors="white", zorder=5)
        ax.annotate(
            text,
            (pt.x, pt.y),
            xytext=(5, 0) if small else (0, 0),
            textcoords="offset points",
            ha="left" if small else "center",
            va="center",
            fontsize=7.5,
            color="#111111",
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
            zorder=6,
        )


def locator_png(
    geojson: dict, parent: str, feature: dict, *, names: dict[str, str], territory_name: str
) -> bytes:
    """The territory page's locator map as a PNG, drawn locally (no tiles, no network): the
    parent region shaded, its neighbours outlined and named, the territory on top (a filled
    outline for a district, a star for a settlement)."""
    from shapely.geometry import shape

    from sdgdash.geo.choropleth import subset
    from sdgdash.geo.locator import (
        NEIGHBOUR_COLOUR,
        PARENT_COLOUR,
        TERRITORY_COLOUR,
        label_point,
        neighbours,
    )

    plt.rcParams["font.family"] = FONT
    codes = [parent, *neighbours(geojson, parent)]
    part = subset(geojson, codes)
    regions = gpd.GeoDataFrame.from_features(part["features"], crs="EPSG:4326")
    lon, lat = regions.loc[regions["ref_area"] == parent].geometry.union_all().centroid.coords[0]
    crs = f"+proj=laea +lon_0={lon:.2f} +lat_0={lat:.2f} +datum=WGS84 +units=m"
    terr = shape(feature["geometry"])
    # Region names where the territory is not (the parent's name would sit under it).
    clear = terr.buffer(0.3)
    label_at = []
    for code, geom in zip(regions["ref_area"], regions.geometry, strict=True):
        free = geom.difference(clear) if code == parent else geom
        label_at.append(label_point(free if not free.is_empty else geom))
    points = gpd.GeoSeries(label_at, crs="EPSG:4326").to_crs(crs)
    regions = regions.to_crs(crs)
    terr_xy = gpd.GeoSeries([terr], crs="EPSG:4326").to_crs(crs)
    fig, ax = plt.subplots(figsize=(12, 6.6), dpi=150)
    ax.set_axis_off()
    is_parent = regions["ref_area"] == parent
    regions[~is_parent].plot(ax=ax, color=NEIGHBOUR_COLOUR, edgecolor="#888888", linewidth=0.8)
    regions[is_parent].plot(ax=ax, color="#b3d4e6", edgecolor=PARENT_COLOUR, linewidth=1.6)
    for code, pt in zip(regions["ref_area"], points, strict=True):
        mine = code == parent
        ax.annotate(
            names.get(code, code),
            (pt.x, pt.y),
            ha="center",
            va="center",
            fontsize=13 if mine else 10,
            fontweight="bold" if mine else "normal",
            color="#0b3d5c" if mine else "#666666",
        )
    if terr.geom_type in ("Polygon", "MultiPolygon"):
        terr_xy.plot(ax=ax, color=TERRITORY_COLOUR, alpha=0.35, edgecolor="none")
        terr_xy.boundary.plot(ax=ax, color=TERRITORY_COLOUR, linewidth=2.2)
        west, _, east, north = terr_xy.total_bounds
        where, offset = ((west + east) / 2, north), 6
    else:
        pt = terr_xy.iloc[0] if terr.geom_type == "Point" else terr_xy.iloc[0].centroid
        ax.scatter(
            [pt.x], [pt.y], marker="*", s=520, color=TERRITORY_COLOUR, edgecolors="white", zorder=5
        )
        where, offset = (pt.x, pt.y), 14
    ax.annotate(
        territory_name,
        where,
        xytext=(0, offset),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=13,
        fontweight="bold",
        color="#111111",
        bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8},
        zorder=6,
    )
    ax.set_aspect("equal")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", facecolor="white")
    plt.close(fig)
    return buf.getvalue()
