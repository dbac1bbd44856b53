"""Every problem one build run finds, blocking or warning, with its file and line, grouped.

A build collects problems instead of stopping at the first one, so a source with 98 bad files
is reported in one run. Blocking problems (the app would break or show a wrong number) leave the
previous data/ in place; warnings (a curated row that no longer matches anything, an indicator
that lost its regional data, a new indicator without a direction) are reported and the new data
is swapped in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

BLOCKING = "blocking"
WARNING = "warning"
SEVERITIES: tuple[str, ...] = (BLOCKING, WARNING)

# Groups in the order the summary prints them (others follow in the order first seen).
GROUP_ORDER: tuple[str, ...] = (
    "source identity",
    "source layout",
    "translations",
    "metadata",
    "data files",
    "sanity",
    "curated tables",
    "refresh",
    "pages",
    "geodata",
)

# A reader's error message: "<file>: line <n>: <message>" (ingest, direction, targets, index)
# or "<file> line <n>: <message>" (sdgdash.data.curated, territories).
_LOCATED = re.compile(r"^(?P<file>[^\n]+?):? line (?P<line>\d+): (?P<message>.*)$", re.S)


@dataclass(frozen=True)
class Problem:
    """One finding of a build: how serious, which part of the build, where, what."""

    severity: str  # BLOCKING or WARNING
    group: str  # the part of the build that found it (GROUP_ORDER)
    file: str  # the file to open: relative to the source folder, or curated/<name>; "" for none
    line: int | None  # the line in that file (the header is line 1), None when not one line
    message: str

    def location(self) -> str:
        """``file: line n``, ``file`` or ""."""
        if self.file and self.line is not None:
            return f"{self.file}: line {self.line}"
        return self.file

    def text(self) -> str:
        """The problem as one line: location and message."""
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


@dataclass
class Problems:
    """The problems of one build run, in the order found."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self, severity: str, group: str, message: str, file: str = "", line: int | None = None
    ) -> Problem:
        """Record one problem and return it."""
        if severity not in SEVERITIES:
            raise ValueError(f"severity {severity!r} is not one of {SEVERITIES}")
        problem = Problem(severity, group, file, line, message)
        if problem not in self.items:  # a file read twice reports its problem once
            self.items.append(problem)
        return problem

    def block(self, group: str, message: str, file: str = "", line: int | None = None) -> Problem:
        """Record a problem that stops the swap."""
        return self.add(BLOCKING, group, message, file, line)

    def warn(self, group: str, message: str, file: str = "", line: int | None = None) -> Problem:
        """Record a problem that is reported but does not stop the swap."""
        return self.add(WARNING, group, message, file, line)

    def from_error(
        self,
        group: str,
        error: Exception,
        severity: str = BLOCKING,
        strip: str = "",
        folder: str = "",
    ) -> Problem:
        """Record an exception whose message names a file and line (the readers' forms) with
        that file and line; ``strip`` is a path prefix to remove, ``folder`` is put before a
        bare file name (``curated`` -> ``curated/tag_links.csv``)."""
        text = str(error)
        if strip and text.startswith(strip):
            text = text[len(strip) :].lstrip("/")
        match = _LOCATED.match(text)
        if not match:
            return self.add(severity, group, text)
        file = match["file"]
        if folder and "/" not in file:
            file = f"{folder}/{file}"
        return self.add(severity, group, match["message"], file, int(match["line"]))

    @property
    def blocking(self) -> list[Problem]:
        """The problems that stop the swap."""
        return [p for p in self.items if p.severity == BLOCKING]

    @property
    def warnings(self) -> list[Problem]:
        """The problems reported without stopping the swap."""
        return [p for p in self.items if p.severity == WARNING]

    def counts(self) -> dict[str, Any]:
        """Counts by severity and by severity and group."""
        by_group: dict[str, dict[str, int]] = {}
        for severity in SEVERITIES:
            groups = Counter(p.group for p in self.items if p.severity == severity)
            by_group[severity] = {g: groups[g] for g in _ordered(groups)}
        return {
            BLOCKING: len(self.blocking),
            WARNING: len(self.warnings),
            "by_group": by_group,
        }

    def to_list(self) -> list[dict[str, Any]]:
        """Every problem as a plain dict (for build_report.json)."""
        return [asdict(p) for p in self.items]

    def render(self, markdown: bool = False) -> str:
        """Every problem grouped by severity and group, with counts; one line each."""
        lines: list[str] = []
        for severity, title in ((BLOCKING, "Blocking problems"), (WARNING, "Warnings")):
            found = [p for p in self.items if p.severity == severity]
            if not found:
                continue
            head = f"{title}: {len(found)}"
            lines += [f"### {head}", ""] if markdown else [head]
            groups = Counter(p.group for p in found)
            for group in _ordered(groups):
                sub = f"{group} ({groups[group]})"
                lines += ["", f"#### {sub}", ""] if markdown else [f"  {sub}"]
                for p in found:
                    if p.group != group:
                        continue
                    if not markdown:
                        lines.append(f"    - {p.text()}")
                    elif p.location():
                        lines.append(f"- `{p.location()}`: {_md(p.message)}")
                    else:
                        lines.append(f"- {_md(p.message)}")
            lines.append("")
        return "\n".join(lines).rstrip() + "\n" if lines else ""

    def summary_line(self) -> str:
        """One line: how many blocking problems and warnings."""
        return f"{len(self.blocking)} blocking problem(s), {len(self.warnings)} warning(s)"


def _ordered(groups: Counter[str]) -> list[str]:
    """Group names in GROUP_ORDER, then the others as first seen."""
    known = [g for g in GROUP_ORDER if g in groups]
    return known + [g for g in groups if g not in GROUP_ORDER]


def _md(text: str) -> str:
    """Keep Markdown from reading a source's text as markup (a file name with _ or *, a |)."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("|", "\\|")
