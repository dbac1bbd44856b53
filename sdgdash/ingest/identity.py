"""Which source a build read: repository, commit and date, and the licence file to copy.

Each field comes from the first of: the command line (``--source-name``, ``--source-commit``,
``--source-date``), the source folder's own git metadata (``git`` when installed, else the files
under ``.git``), and the ``SOURCE.txt`` the copy was made with. A field that none of them gives
stays None; the report then says "unknown source version" instead of a made-up word.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from sdgdash.ingest.problems import Problems

UNKNOWN_VERSION = "unknown source version"
CLI = "command line"
GIT = "git"
SOURCE_TXT = "SOURCE.txt"

_SHA = re.compile(r"^[0-9a-f]{7,40}$")
_FULL_SHA = re.compile(r"^[0-9a-f]{40}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SLUG_BAD = re.compile(r"[^A-Za-z0-9._-]+")
LICENCE_NAMES: tuple[str, ...] = (
    "LICENSE",
    "LICENSE.md",
    "LICENSE.txt",
    "LICENCE",
    "LICENCE.md",
    "LICENCE.txt",
    "COPYING",
)
# The folders a build reads: local changes elsewhere (a README) do not change the data.
READ_PATHS: tuple[str, ...] = ("data", "meta", "indicator-config", "translations")


@dataclass(frozen=True)
class SourceIdentity:
    """The repository, commit and commit date of a source folder, each with where it came from."""

    repository: str | None = None
    commit: str | None = None
    date: str | None = None
    origins: dict[str, str] = field(default_factory=dict)  # field -> CLI, GIT or SOURCE_TXT

    @property
    def known(self) -> bool:
        """True when the commit is known (the version of the data is then traceable)."""
        return self.commit is not None

    def version(self) -> str:
        """``repository @ commit (date)``, or "unknown source version" without a commit."""
        if not self.known:
            return UNKNOWN_VERSION
        text = f"{self.repository or 'repository not named'} @ {self.commit}"
        return f"{text} ({self.date})" if self.date else text

    def slug(self, fallback: str) -> str:
        """A file-name-safe name of the source: ``owner-name`` of the repository, else
        ``fallback`` (the source folder's name)."""
        parts = [p for p in re.split(r"[/:]", (self.repository or "").removesuffix(".git")) if p]
        name = "-".join(parts[-2:]) if len(parts) >= 2 else fallback
        return _SLUG_BAD.sub("-", name).strip("-.") or "source"

    def to_dict(self) -> dict[str, object]:
        """The identity for build_report.json (None where unknown)."""
        return {
            "repository": self.repository,
            "commit": self.commit,
            "date": self.date,
            "version": self.version(),
            "origins": dict(sorted(self.origins.items())),
        }


def strip_credentials(url: str) -> str:
    """A remote URL without user name or password (never written to a report)."""
    return re.sub(r"^([a-z][a-z0-9+.-]*://)[^/@]*@", r"\1", url.strip(), flags=re.I)


def repository_url(text: str) -> str:
    """The repository as an address a user can open: ``git@host:o/n.git``, ``host/o/n`` and
    ``https://user:token@host/o/n.git`` all become ``https://host/o/n``; other text is kept."""
    text = strip_credentials(text)
    ssh = re.match(r"^[\w.-]+@([\w.-]+):(.+)$", text)
    if ssh:
        text = f"https://{ssh.group(1)}/{ssh.group(2)}"
    elif re.match(r"^[\w-]+(\.[\w-]+)+/\S+$", text):  # host.tld/path, no scheme
        text = f"https://{text}"
    if re.match(r"^https?://", text):
        text = text.removesuffix("/").removesuffix(".git")
    return text


# --- SOURCE.txt ------------------------------------------------------------------------------


def from_source_txt(source: Path) -> dict[str, str]:
    """Repository, commit and date named in SOURCE.txt (the fields it has)."""
    path = source / "SOURCE.txt"
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    out: dict[str, str] = {}
    repo = re.search(r"^Repository:\s*(\S+)", text, re.M)
    if repo:
        out["repository"] = repository_url(repo.group(1))
    # "Commit: <sha> (<date>)" as the copy was recorded, or a separate "Date:" line.
    commit = re.search(r"^Commit:\s*([0-9a-f]{7,40})\b(?:\s*\(([^)]*)\))?", text, re.M)
    date = re.search(r"^Date:\s*(.+)$", text, re.M)
    if commit:
        out["commit"] = commit.group(1)
    for found in (commit.group(2) if commit else None, date.group(1) if date else None):
        if found and _DATE.match(found.strip()) and "date" not in out:
            out["date"] = found.strip()
    return out


# --- git -------------------------------------------------------------------------------------


def _git_dir(source: Path) -> Path | None:
    """The source folder's own git directory (not one of a folder around it), or None."""
    dot = source / ".git"
    if dot.is_dir():
        return dot
    if dot.is_file():  # a worktree or submodule: "gitdir: <path>"
        match = re.match(r"gitdir:\s*(.+)", dot.read_text(encoding="utf-8", errors="replace"))
        if match:
            path = Path(match.group(1).strip())
            path = path if path.is_absolute() else (source / path)
            return path if path.is_dir() else None
    return None


def _run_git(source: Path, *args: str) -> str | None:
    """Output of one read-only git command in ``source``, or None when git is missing or fails.

    No pager, no fsmonitor hook and a time limit: a copied repository's config runs nothing.
    """
    git = shutil.which("git")
    if git is None:
        return None
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        done = subprocess.run(  # noqa: S603 - fixed argv, no shell
            [git, "--no-pager", "-c", "core.fsmonitor=false", "-C", str(source), *args],
            capture_output=True,
            text=True,
            timeout=20,
            env=env,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _common_dir(git_dir: Path) -> Path:
    """The directory with refs, objects and config (a worktree's git dir points to it)."""
    common = git_dir / "commondir"
    if common.is_file():
        path = Path(common.read_text(encoding="utf-8").strip())
        return path if path.is_absolute() else (git_dir / path).resolve()
    return git_dir


def _read_head(git_dir: Path) -> str | None:
    """The commit HEAD points to, from HEAD, refs/ and packed-refs."""
    head = git_dir / "HEAD"
    if not head.is_file():
        return None
    text = head.read_text(encoding="utf-8", errors="replace").strip()
    if _FULL_SHA.match(text):
        return text
    if not text.startswith("ref:"):
        return None
    ref = text.removeprefix("ref:").strip()
    for base in (git_dir, _common_dir(git_dir)):
        loose = base / ref
        if loose.is_file():
            sha = loose.read_text(encoding="utf-8", errors="replace").strip()
            return sha if _FULL_SHA.match(sha) else None
    packed = _common_dir(git_dir) / "packed-refs"
    if packed.is_file():
        for line in packed.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[1] == ref and _FULL_SHA.match(parts[0]):
                return parts[0]
    return None


def _commit_date(git_dir: Path, sha: str) -> str | None:
    """The committer date of a loose commit object (a packed one gives None)."""
    path = _common_dir(git_dir) / "objects" / sha[:2] / sha[2:]
    if not path.is_file():
        return None
    try:
        raw = zlib.decompress(path.read_bytes())
    except zlib.error:
        return None
    match = re.search(rb"^committer .* (\d+) ([+-]\d{4})$", raw, re.M)
    if not match:
        return None
    offset = match.group(2).decode()
    sign = 1 if offset[0] == "+" else -1
    tz = dt.timezone(sign * dt.timedelta(hours=int(offset[1:3]), minutes=int(offset[3:])))
    return dt.datetime.fromtimestamp(int(match.group(1)), tz).isoformat()


def _origin_url(git_dir: Path) -> str | None:
    """The ``origin`` remote's URL from the git config file."""
    config = _common_dir(git_dir) / "config"
    if not config.is_file():
        return None
    section = None
    for line in config.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == '[remote "origin"]' and re.match(r"url\s*=", line):
            return repository_url(line.split("=", 1)[1])
    return None


def from_git(source: Path, problems: Problems | None = None) -> dict[str, str]:
    """Repository, commit and date from the source folder's own git metadata (if it has any).

    Uses ``git`` when installed (and warns about local changes to the folders the build reads),
    else reads HEAD, refs, packed-refs, the loose commit object and the config file.
    """
    git_dir = _git_dir(source)
    if git_dir is None:
        return {}
    out: dict[str, str] = {}
    log = _run_git(source, "log", "-1", "--format=%H%n%cI")
    if log and _FULL_SHA.match(log.split("\n")[0]):
        sha, date = (log.split("\n") + [""])[:2]
        out["commit"] = sha
        if date.strip():
            out["date"] = date.strip()
        url = _run_git(source, "config", "--get", "remote.origin.url")
        if url and url.strip():
            out["repository"] = repository_url(url)
        status = _run_git(source, "status", "--porcelain", "--", *READ_PATHS)
        if status and status.strip() and problems is not None:
            changed = status.strip().splitlines()
            problems.warn(
                "source identity",
                f"the source folder has {len(changed)} uncommitted change(s) in "
                f"{', '.join(READ_PATHS)} (e.g. {changed[0].strip()}): the data read is not "
                f"exactly commit {sha[:10]}",
            )
        return out
    sha = _read_head(git_dir)
    if sha:
        out["commit"] = sha
        date = _commit_date(git_dir, sha)
        if date:
            out["date"] = date
    url = _origin_url(git_dir)
    if url:
        out["repository"] = url
    return out


# --- all together ----------------------------------------------------------------------------


def read_identity(
    source: Path,
    problems: Problems,
    name: str | None = None,
    commit: str | None = None,
    date: str | None = None,
) -> SourceIdentity:
    """The identity of ``source``: command line, then git metadata, then SOURCE.txt, per field.

    A malformed command-line value is a blocking problem; an unknown commit or repository is a
    warning (the app then shows "unknown source version").
    """
    given: dict[str, str] = {}
    if name:
        given["repository"] = repository_url(name)
    if commit:
        if _SHA.match(commit.strip().lower()):
            given["commit"] = commit.strip().lower()
        else:
            problems.block(
                "source identity", f"--source-commit {commit!r} is not a commit hash (7-40 hex)"
            )
    if date:
        try:
            dt.date.fromisoformat(date.strip()[:10])
            given["date"] = date.strip()
        except ValueError:
            problems.block(
                "source identity", f"--source-date {date!r} is not a date (YYYY-MM-DD ...)"
            )
    fields: dict[str, str] = {}
    origins: dict[str, str] = {}
    candidates = (
        (CLI, given),
        (GIT, from_git(source, problems)),
        (SOURCE_TXT, from_source_txt(source)),
    )
    for origin, found in candidates:
        for key, value in found.items():
            if key not in fields:
                fields[key] = value
                origins[key] = origin
    # A date read from elsewhere than the commit would describe another version.
    if "date" in fields and origins.get("date") != origins.get("commit"):
        fields.pop("date")
        origins.pop("date")
    identity = SourceIdentity(
        fields.get("repository"), fields.get("commit"), fields.get("date"), origins
    )
    if not identity.known:
        problems.warn(
            "source identity",
            "the source version is not known (no .git folder in the source, no 'Commit:' line "
            "in SOURCE.txt, no --source-commit): the report and the app say "
            f"'{UNKNOWN_VERSION}'; give --source-name, --source-commit and --source-date",
        )
    elif identity.repository is None:
        problems.warn(
            "source identity",
            "the source repository is not named (no git remote 'origin', no 'Repository:' line "
            "in SOURCE.txt): give --source-name",
        )
    return identity


def licence(source: Path) -> tuple[Path | None, str | None]:
    """(the source's licence file, its first non-empty line as the licence's title) or Nones."""
    for name in LICENCE_NAMES:
        path = source / name
        if path.is_file():
            for line in path.read_text(encoding="utf-8-sig", errors="replace").splitlines():
                if line.strip():
                    return path, line.strip().lstrip("#").strip()[:120]
            return path, None
    return None, None


def built_at() -> str:
    """The build time in UTC (ISO 8601, seconds), or ``SOURCE_DATE_EPOCH`` when set, so that a
    rebuild of the same input can be byte-identical (reproducible-builds.org convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = (
        dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        if epoch.isdigit()
        else dt.datetime.now(dt.UTC)
    )
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")
