"""Problem tags: a curated vocabulary (data/curated/tags.csv) linked to SDG targets and
indicators (data/curated/tag_links.csv), validated against the indicators table (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sdgdash.data.curated import LeftOut, fail, new_id, read_rows, texts
from sdgdash.i18n import DEFAULT_LANG, LANGS
from sdgdash.location import as_location

TAGS_FILE = "tags.csv"
LINKS_FILE = "tag_links.csv"
ORIGINS = ("seminar_2022", "data")
KINDS = ("target", "indicator")
_SLUG = re.compile(r"^[a-z][a-z0-9_]{1,40}$")


@dataclass(frozen=True)
class Tag:
    """One problem tag with its names and description in kk / ru / en and where it comes from."""

    tag_id: str
    order: int
    origin: str  # "seminar_2022": raised at the 2022 field seminars; "data": what the data covers
    names: dict[str, str]
    descriptions: dict[str, str]
    sources: dict[str, str]  # where the tag comes from, per language (file path included)

    def source(self, lang: str) -> str:
        """The source in ``lang``."""
        return self.sources.get(lang) or self.sources[DEFAULT_LANG]


@dataclass(frozen=True)
class TagLink:
    """A tag linked to an SDG target ("11.6") or an indicator ("11.6.1"), with the reason."""

    tag_id: str
    kind: str
    ref: str
    rationales: dict[str, str]


@dataclass(frozen=True)
class Vocabulary:
    """The validated tags and links, with lookups both ways."""

    tags: tuple[Tag, ...]
    links: tuple[TagLink, ...]
    # Links to an indicator or target the data lacks: left out, listed so a page can say so.
    left_out: tuple[LeftOut, ...] = ()

    def left_out_of(self, tag_id: str) -> list[LeftOut]:
        """The tag's links left out because the data lacks their indicator or target."""
        return [lo for lo in self.left_out if lo.owner == tag_id]

    def tag_ids(self) -> list[str]:
        """Tag ids in display order."""
        return [t.tag_id for t in self.tags]

    def tag(self, tag_id: str) -> Tag:
        """One tag by id (KeyError when unknown)."""
        for tag in self.tags:
            if tag.tag_id == tag_id:
                return tag
        raise KeyError(tag_id)

    def name(self, tag_id: str, lang: str) -> str:
        """The tag's name in ``lang``."""
        names = self.tag(tag_id).names
        return names.get(lang) or names[DEFAULT_LANG]

    def labels(self, lang: str) -> dict[str, str]:
        """tag_id -> name in ``lang``, in display order."""
        return {t.tag_id: self.name(t.tag_id, lang) for t in self.tags}

    def seminar_tags(self) -> list[str]:
        """The problems raised at the 2022 field seminars, in display order."""
        return [t.tag_id for t in self.tags if t.origin == "seminar_2022"]

    def links_of(self, tag_id: str, kind: str) -> list[TagLink]:
        """The tag's links of one kind, in file order."""
        return [lk for lk in self.links if lk.tag_id == tag_id and lk.kind == kind]

    def indicators_of(self, tag_id: str) -> list[str]:
        """Indicator ids linked to the tag, in file order."""
        return [lk.ref for lk in self.links_of(tag_id, "indicator")]

    def targets_of(self, tag_id: str) -> list[str]:
        """SDG targets linked to the tag, in file order."""
        return [lk.ref for lk in self.links_of(tag_id, "target")]

    def tags_of(self, indicator_id: str) -> list[str]:
        """Tags linked to an indicator, in display order."""
        linked = {
            lk.tag_id for lk in self.links if lk.kind == "indicator" and lk.ref == indicator_id
        }
        return [t for t in self.tag_ids() if t in linked]

    def tag_names_of(self, indicator_id: str, lang: str) -> list[str]:
        """Names of the indicator's tags in ``lang``."""
        return [self.name(t, lang) for t in self.tags_of(indicator_id)]


def _load_tags(path: Path) -> list[Tag]:
    required = ["tag_id", "order", "origin"]
    required += [f"{s}_{lang}" for s in ("name", "description", "source") for lang in LANGS]
    tags: list[Tag] = []
    seen: set[str] = set()
    for line, row in read_rows(path, required):
        tag_id = new_id(path, line, row["tag_id"], seen, _SLUG, "tag_id")
        try:
            order = int(row["order"])
        except ValueError:
            raise fail(path, line, f"order {row['order']!r} is not an integer") from None
        if row["origin"] not in ORIGINS:
            raise fail(path, line, f"origin {row['origin']!r} is not one of {', '.join(ORIGINS)}")
        tags.append(
            Tag(
                tag_id,
                order,
                row["origin"],
                texts(path, line, row, "name"),
                texts(path, line, row, "description"),
                texts(path, line, row, "source"),
            )
        )
    if not tags:
        raise fail(path, 1, "no tags")
    return sorted(tags, key=lambda t: (t.order, t.tag_id))


def _load_links(
    path: Path, tag_ids: set[str], indicator_ids: set[str], targets: set[str]
) -> tuple[list[TagLink], list[TagLink], list[LeftOut]]:
    """(links kept, every well-formed link, links left out): a link to an indicator or target the
    data lacks (retired or renamed upstream) is left out, not an error, so a data refresh cannot
    break the pages; a malformed row still is one."""
    required = ["tag_id", "kind", "ref", *(f"rationale_{lang}" for lang in LANGS)]
    links: list[TagLink] = []
    every: list[TagLink] = []
    left_out: list[LeftOut] = []
    seen: set[tuple[str, str, str]] = set()
    for line, row in read_rows(path, required):
        tag_id, kind, ref = row["tag_id"], row["kind"], row["ref"]
        if tag_id not in tag_ids:
            raise fail(path, line, f"unknown tag {tag_id!r}")
        if kind not in KINDS:
            raise fail(path, line, f"kind {kind!r} is not one of {', '.join(KINDS)}")
        if (tag_id, kind, ref) in seen:
            raise fail(path, line, f"duplicate link {tag_id} -> {kind} {ref}")
        seen.add((tag_id, kind, ref))
        link = TagLink(tag_id, kind, ref, texts(path, line, row, "rationale"))
        every.append(link)
        if kind == "indicator" and ref not in indicator_ids:
            left_out.append(LeftOut(path.name, line, ref, "unknown_indicator", tag_id))
        elif kind == "target" and ref not in targets:
            left_out.append(LeftOut(path.name, line, ref, "unknown_target", tag_id))
        else:
            links.append(link)
    return links, every, left_out


def load_vocabulary(
    curated_dir: Path, indicator_ids: Iterable[str], targets: Iterable[str]
) -> Vocabulary:
    """Read and validate tags.csv and tag_links.csv against the known indicators and targets.

    Raises :class:`sdgdash.data.curated.CuratedFileError` naming the file and line of the first problem;
    every tag needs at least one linked indicator in the file. Links to an indicator or target
    the data lacks are left out and listed in ``Vocabulary.left_out``.
    """
    curated_dir = as_location(curated_dir)
    tags = _load_tags(curated_dir / TAGS_FILE)
    links_path = curated_dir / LINKS_FILE
    links, every, left_out = _load_links(
        links_path, {t.tag_id for t in tags}, set(indicator_ids), set(targets)
    )
    linked = {lk.tag_id for lk in every if lk.kind == "indicator"}
    for tag in tags:
        if tag.tag_id not in linked:
            raise fail(links_path, 1, f"tag {tag.tag_id!r} has no linked indicator")
    return Vocabulary(tuple(tags), tuple(links), tuple(left_out))
