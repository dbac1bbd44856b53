"""Where read-only data lives: a local folder, or an object-store/web URI read through DuckDB.

``SDGDASH_DATA_DIR`` and ``SDGDASH_GEODATA_DIR`` may be a path or a URI such as
``s3://bucket/sdgdash/data``, ``gs://...``, ``https://host/sdgdash/data`` or ``file:///srv/data``.
A URI becomes a :class:`RemoteDir`, which behaves like the few ``pathlib.Path`` operations the
app uses (``/``, ``name``, ``read_bytes``, ``read_text``, ``open`` for reading, ``exists``), and
reads every file with DuckDB (``read_blob``), so one mechanism serves Parquet, GeoJSON and CSV.

s3://, gs:// and http(s):// need DuckDB's ``httpfs`` extension installed ahead of time: the app
never downloads an extension at run time (``autoinstall_known_extensions`` is off). See
docs/DEPLOY.md for how to install it on a machine without network access.
"""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path, PurePosixPath

import duckdb

URI_SCHEMES: tuple[str, ...] = ("s3", "s3a", "gs", "gcs", "r2", "http", "https", "file")
# Schemes DuckDB reads only with the httpfs extension.
HTTPFS_SCHEMES: tuple[str, ...] = ("s3", "s3a", "gs", "gcs", "r2", "http", "https")
EXTENSION_DIR_ENV = "SDGDASH_DUCKDB_EXTENSION_DIR"


class RemoteDataError(RuntimeError):
    """A URI data location cannot be read (missing extension, missing file, no access)."""


def scheme_of(text: str) -> str | None:
    """The URI scheme of ``text`` when it is one of :data:`URI_SCHEMES`, else None."""
    head, sep, _ = str(text).partition("://")
    return head.lower() if sep and head.lower() in URI_SCHEMES else None


def prepare(con: duckdb.DuckDBPyConnection, uri: str) -> None:
    """Make ``con`` able to read ``uri``: no extension downloads; httpfs loaded when needed."""
    con.execute("SET autoinstall_known_extensions = false").fetchall()
    ext_dir = os.environ.get(EXTENSION_DIR_ENV)
    if ext_dir:
        con.execute("SET extension_directory = ?", [ext_dir]).fetchall()
    if scheme_of(uri) in HTTPFS_SCHEMES:
        try:
            con.execute("LOAD httpfs").fetchall()
        except duckdb.Error as exc:
            raise RemoteDataError(
                f"reading {uri} needs DuckDB's httpfs extension, which is not installed "
                f"({str(exc).splitlines()[0]}); install it ahead of time, see docs/DEPLOY.md"
            ) from exc


class RemoteDir:
    """A file or folder under a URI; ``/`` joins with '/', reads go through DuckDB."""

    _lock = threading.Lock()
    _con: duckdb.DuckDBPyConnection | None = None
    _prepared: set[str] = set()

    def __init__(self, uri: str) -> None:
        self.uri = str(uri).rstrip("/")

    def __truediv__(self, name: str | os.PathLike) -> RemoteDir:
        return RemoteDir(self.uri + "/" + str(name).lstrip("/"))

    def __str__(self) -> str:
        return self.uri

    def __repr__(self) -> str:
        return f"RemoteDir({self.uri!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RemoteDir) and other.uri == self.uri

    def __hash__(self) -> int:
        return hash(self.uri)

    @property
    def name(self) -> str:
        return PurePosixPath(self.uri.split("://", 1)[1]).name

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix

    @classmethod
    def _cursor(cls, uri: str) -> duckdb.DuckDBPyConnection:
        with cls._lock:
            if cls._con is None:
                cls._con = duckdb.connect(":memory:")
            scheme = scheme_of(uri) or ""
            if scheme not in cls._prepared:
                prepare(cls._con, uri)
                cls._prepared.add(scheme)
            return cls._con.cursor()

    def read_bytes(self) -> bytes:
        """The file's bytes, read with DuckDB's read_blob (the URI is a bound parameter)."""
        cur = self._cursor(self.uri)
        try:
            rows = cur.execute("SELECT content FROM read_blob(?)", [self.uri]).fetchall()
        except duckdb.Error as exc:
            raise RemoteDataError(f"{self.uri}: {str(exc).splitlines()[0]}") from exc
        finally:
            cur.close()
        if not rows:
            raise RemoteDataError(f"{self.uri}: file not found")
        return bytes(rows[0][0])

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.read_bytes().decode(encoding)

    def open(self, mode: str = "r", encoding: str | None = None, newline: str | None = None):
        """Read-only file object (the data is read-only: writing is refused)."""
        if any(c in mode for c in "wax+"):
            raise PermissionError(f"{self.uri}: read-only data location")
        data = self.read_bytes()
        if "b" in mode:
            return io.BytesIO(data)
        return io.StringIO(data.decode(encoding or "utf-8"), newline=newline)

    def exists(self) -> bool:
        try:
            self.read_bytes()
        except RemoteDataError:
            return False
        return True

    def is_file(self) -> bool:
        return self.exists()


Location = Path | RemoteDir


def as_location(value: str | os.PathLike | RemoteDir) -> Location:
    """A RemoteDir for a URI, a Path for anything else (RemoteDir and Path pass through)."""
    if isinstance(value, RemoteDir | Path):
        return value
    return RemoteDir(str(value)) if scheme_of(str(value)) else Path(value)
