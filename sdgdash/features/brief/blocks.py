"""A brief as a sequence of blocks (title, headings, paragraphs, tables, the sources list) with
every number already written out in the brief's language; both writers lay out these blocks, so
the DOCX and the PDF say exactly the same (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from sdgdash.features.brief.model import BriefModel, ChangeRow
from sdgdash.features.plans.status import shown
from sdgdash.i18n import fmt_number, t

# The sections in order; ``Heading.section`` names them for tests and the lead's page checks.
SECTIONS: tuple[str, ...] = (
    "headline",
    "behind",
    "improvements",
    "deteriorations",
    "tags",
    "findings",
    "local",
    "sources",
)


@dataclass(frozen=True)
class Title:
    """The document's title and the line under it."""

    text: str
    subtitle: str


@dataclass(frozen=True)
class Heading:
    """A section heading."""

    section: str
    text: str


@dataclass(frozen=True)
class Para:
    """A paragraph of running text."""

    text: str


@dataclass(frozen=True)
class Table:
    """A table with a header row; ``widths`` are relative column widths."""

    section: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]


Block = Title | Heading | Para | Table


def num(value: float | None, lang: str) -> str:
    """A value as the pages write it (kk/ru 1 234,5; en 1,234.5; missing: a dash)."""
    return fmt_number(value, lang)


def signed(value: float | None, lang: str) -> str:
    """A difference with its sign (+0,2 / -0,2; 0 unsigned), rounded to 6 decimals as shown."""
    if value is None:
        return fmt_number(None, lang)
    value = round(value, 6) + 0.0  # -0.0 -> 0.0
    text = fmt_number(value, lang)
    return f"+{text}" if value > 0 else text


def _mark(basis: str, lang: str) -> str:
    """After a stand-in's plan line: what it leads to (no mark for a regional plan)."""
    if basis == "regional_plan":
        return ""
    key = "brief_mark_2030" if basis == "national_2030" else "brief_mark_end"
    return f" ({t(key, lang)})"


def refs(sources: tuple[int, ...]) -> str:
    """Source numbers as cited in a table: [1] [3]."""
    return " ".join(f"[{n}]" for n in sources)


def _changes(section: str, rows: tuple[ChangeRow, ...], lang: str) -> list[Block]:
    if not rows:
        return [Para(t(f"brief_none_{section}", lang))]
    header = (
        t("indicator", lang),
        t("unit", lang),
        t("brief_col_from", lang),
        t("brief_col_to", lang),
        t("brief_col_change", lang),
        t("source", lang),
    )
    body = tuple(
        (
            r.label,
            r.unit,
            f"{r.from_year}: {num(r.from_value, lang)}",
            f"{r.to_year}: {num(r.to_value, lang)}",
            signed(r.change, lang),
            refs(r.sources),
        )
        for r in rows
    )
    return [Table(section, header, body, (5, 1.6, 1.6, 1.6, 1.4, 1.5))]


def brief_blocks(model: BriefModel) -> list[Block]:
    """The brief's content in order: title, then each section with its heading."""
    lang = model.lang
    subtitle = t("brief_generated", lang, date=model.generated_on.isoformat())
    if model.data_commit:
        subtitle += " " + t("brief_data_commit", lang, commit=model.data_commit[:7])
    title = t("brief_title", lang, name=model.place_name)
    if model.parent_name:
        title += f" ({model.parent_name})"
    out: list[Block] = [Title(title, subtitle)]

    h = model.headline
    out.append(Heading("headline", t("brief_h_headline", lang)))
    if h.scope:
        out.append(Para(h.scope))
    if h.index_score is not None and h.rank is not None:
        # One decimal, as the region page writes the index line.
        line = t(
            "index_rank_line",
            lang,
            year=h.year,
            value=fmt_number(h.index_score, lang, 1),
            rank=h.rank,
            n=h.n_ranked,
        )
        out.append(Para(f"{line} {refs(h.sources)}".strip()))
    else:
        out.append(Para(t("brief_no_index", lang)))
    if h.goals:
        out.append(Para(t("brief_goals_note", lang)))
        if h.peers_label:
            out.append(Para(t("brief_peers", lang, names=h.peers_label)))
        # A region without peers (none chosen) gets no peers column.
        peers = any(g.peers is not None for g in h.goals)
        header = (
            t("goal", lang),
            model.parent_name or model.place_name,
            t("national", lang),
            *((t("brief_col_peers", lang),) if peers else ()),
            t("source", lang),
        )
        body = tuple(
            (
                f"{g.goal}. {g.name}",
                fmt_number(g.region, lang, 1),
                fmt_number(g.country, lang, 1),
                *((fmt_number(g.peers, lang, 1),) if peers else ()),
                refs(g.sources),
            )
            for g in h.goals
        )
        widths = (5, 1.6, 1.6, 1.6, 1.5) if peers else (5.8, 1.8, 1.8, 1.6)
        out.append(Table("headline", header, body, widths))

    out.append(Heading("behind", t("brief_h_behind", lang)))
    if model.furthest_behind:
        out.append(Para(t("brief_behind_note", lang)))
        header = (
            t("indicator", lang),
            t("year", lang),
            t("brief_col_actual", lang),
            t("brief_col_expected", lang),
            t("brief_col_gap", lang),
            t("brief_col_final", lang),
            t("source", lang),
        )
        body = tuple(
            (
                f"{r.label}, {r.unit}" if r.unit else r.label,
                str(r.year) if r.year is not None else "–",
                num(r.actual, lang),
                num(shown(r.expected, r.actual, r.baseline_value), lang) + _mark(r.basis, lang),
                signed(shown(r.gap, r.actual, r.baseline_value), lang),
                # A regional plan's end value is shown as typed; a national one is computed.
                f"{r.final_year}: "
                + num(
                    r.final_value
                    if r.basis == "regional_plan"
                    else shown(r.final_value, r.actual, r.baseline_value),
                    lang,
                ),
                refs(r.sources),
            )
            for r in model.furthest_behind
        )
        out.append(Table("behind", header, body, (4.4, 1, 1.4, 1.8, 1.3, 1.6, 1.5)))
    else:
        out.append(Para(t("brief_none_behind", lang)))

    out.append(Heading("improvements", t("brief_h_improvements", lang)))
    if model.changes_scope:
        out.append(Para(model.changes_scope))
    out += _changes("improvements", model.improvements, lang)
    out.append(Heading("deteriorations", t("brief_h_deteriorations", lang)))
    out += _changes("deteriorations", model.deteriorations, lang)

    out.append(Heading("tags", t("brief_h_tags", lang)))
    if model.tags:
        body = tuple((r.name, r.note, refs(r.sources)) for r in model.tags)
        header = (t("brief_col_tag", lang), t("brief_col_note", lang), t("source", lang))
        out.append(Table("tags", header, body, (2.5, 6, 1.5)))
    else:
        out.append(Para(t("brief_none_tags", lang)))

    out.append(Heading("findings", t("brief_h_findings", lang)))
    if model.findings:
        header = (
            t("brief_col_date", lang),
            t("brief_col_event", lang),
            t("brief_col_finding", lang),
            t("source", lang),
        )
        body = tuple(
            (r.date.isoformat(), r.event or "–", r.text, refs(r.sources)) for r in model.findings
        )
        out.append(Table("findings", header, body, (1.6, 2.2, 6, 1.5)))
    else:
        out.append(Para(t("brief_none_findings", lang)))

    if model.place_kind == "territory":
        out.append(Heading("local", t("brief_h_local", lang)))
        if model.local_data:
            header = (
                t("indicator", lang),
                t("year", lang),
                model.place_name,
                model.parent_name or t("region", lang),
                t("national", lang),
                t("source", lang),
            )
            body = tuple(
                (
                    f"{r.label}, {r.unit}" if r.unit else r.label,
                    str(r.year),
                    num(r.value, lang),
                    num(r.region_value, lang),
                    num(r.national_value, lang),
                    refs(r.sources),
                )
                for r in model.local_data
            )
            out.append(Table("local", header, body, (4.4, 1, 1.6, 1.6, 1.6, 1.5)))
        else:
            out.append(Para(t("brief_none_local", lang)))

    out.append(Heading("sources", t("brief_h_sources", lang)))
    for s in model.sources:
        out.append(Para(f"[{s.ref}] {s.text}" + (f" {s.url}" if s.url else "")))
    if not model.sources:
        out.append(Para(t("brief_none_sources", lang)))
    return out
