"""A content-addressed cache of validated declarations, so that a re-run on the same files skips parsing.

An entry is the result of :func:`pac.loader.load_files` (organisations and errors) on a set of files,
stored under the SHA-256 of everything that result depends on: the bytes of each file and the name
locations show it by, the input limits, pac's version and the source of the package (its code, schema
and packaged reference data), the reference data in use (overrides included) and the Python version.
An entry whose key differs from the one asked for is never used; a missing, truncated or unreadable
one is a miss. Entries are written to a temporary file and renamed into place, so concurrent runs
never see a half-written entry.

Entries are pickles, and unpickling runs code, so an entry is read only when its HMAC-SHA256 verifies
under a secret key of this user's, kept outside every repository (``$XDG_CACHE_HOME/pac/cache-key``, else
``~/.cache/pac/cache-key``, mode 0600). A cache folder committed to a repository, copied from another
machine or written by anyone without the key is a miss, never code that runs; without a key (no home
folder, a read-only one) the cache is off.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Iterable, Sequence

from . import __version__
from .errors import LocatedError
from .loader import display, load_files
from .model import Organisation
from .reference import Reference
from .yamlio import Limits, gc_paused, read_regular

FORMAT = b"pac-model-cache 1\n"
KEEP = 16
"""The entries kept in one folder (the newest): enough for a few policy folders and versions."""

Loaded = tuple[tuple[Organisation, ...], list[LocatedError]]


class ModelCache:
    """The cache in ``folder`` (made on first write, with a ``.gitignore`` and a ``CACHEDIR.TAG``)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def load_files(self, files: Sequence[Path], *, unread: Iterable[LocatedError] = (), limits: Limits,
                   reference: Reference) -> Loaded:
        """:func:`pac.loader.load_files`, from the cache when an entry has the key of these inputs."""
        unread = tuple(unread)
        key = None if unread else _key(files, limits, reference)  # a folder that could not be read: no entry
        if key is not None:
            found = self._read(key)
            if found is not None:
                return found
        loaded = load_files(files, unread=unread, limits=limits, reference=reference)
        if key is not None and not loaded[1]:  # a run on invalid input writes nothing
            self._write(key, loaded)
        return loaded

    def _read(self, key: bytes) -> Loaded | None:
        secret = user_secret()
        try:
            data = (self.folder / key.hex()).read_bytes()
        except OSError:
            return None
        header = FORMAT + key
        start = len(header) + MAC_BYTES
        if secret is None or not data.startswith(header):
            return None
        body = memoryview(data)[start:]
        if not hmac.compare_digest(data[len(header):start], _mac(secret, key, body)):
            return None  # not written by this user's pac: never unpickled
        try:
            with gc_paused():  # hundreds of thousands of acyclic objects
                loaded = pickle.loads(body)
        except Exception:  # a damaged entry is a miss, never an error
            return None
        return loaded

    def _write(self, key: bytes, loaded: Loaded) -> None:
        secret = user_secret()
        if secret is None:
            return
        try:
            self._prepare()
            with gc_paused():
                data = pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".entry-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(FORMAT + key + _mac(secret, key, data) + data)
                os.replace(temporary, self.folder / key.hex())
            except BaseException:
                os.unlink(temporary)
                raise
            self._prune()
        except (OSError, pickle.PicklingError):  # a read-only or full disk: the run goes on without a cache
            pass

    def _prepare(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", "# written by pac: a cache of validated declarations\n*\n"),
                           ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                                            "# a cache of validated declarations, written by pac\n")):
            if not (self.folder / name).exists():
                (self.folder / name).write_text(text, encoding="utf-8")

    def _prune(self) -> None:
        entries = []
        for entry in os.scandir(self.folder):
            if len(entry.name) == 64 and not entry.name.startswith("."):
                try:
                    entries.append((entry.stat().st_mtime_ns, entry.path))
                except OSError:  # removed by a concurrent run
                    continue
        for _, path in sorted(entries, reverse=True)[KEEP:]:
            try:
                os.unlink(path)
            except OSError:
                pass


MAC_BYTES = 32
SECRET_BYTES = 32


def user_secret() -> bytes | None:
    """This user's cache key, made on first use; None when there is no place for it outside the repository."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no home folder
        return None
    path = base / "pac" / "cache-key"
    for _ in range(2):
        try:
            secret = path.read_bytes()
            return secret if len(secret) == SECRET_BYTES else None
        except FileNotFoundError:
            pass
        except OSError:
            return None
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another run made it first: read that one
            continue
        except OSError:
            return None
        with os.fdopen(handle, "wb") as out:
            out.write(os.urandom(SECRET_BYTES))
    return None


def _mac(secret: bytes, key: bytes, body: bytes | memoryview) -> bytes:
    mac = hmac.new(secret, key, hashlib.sha256)
    mac.update(body)
    return mac.digest()


def _key(files: Sequence[Path], limits: Limits, reference: Reference) -> bytes | None:
    """The SHA-256 of everything the validated model of ``files`` depends on; None when a file cannot be read
    (the loader then reports it)."""
    key = hashlib.sha256(FORMAT)
    for part in (__version__, _package_digest(), reference.digest, sys.version, repr(limits)):
        key.update(part.encode("utf-8") + b"\0")
    for path in files:
        try:
            data = read_regular(path, limits.max_bytes)
        except OSError:
            return None
        key.update(display(path).encode("utf-8", "surrogateescape") + b"\0")
        key.update(hashlib.sha256(data).digest())
    return key.digest()


@cache
def _package_digest() -> str:
    """The SHA-256 of pac's own files (code, schema, packaged reference data): a change to pac, even one
    that keeps its version number, never reuses an entry of the old code."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".json", ".yaml") and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
