"""A content-addressed cache of validated declarations, so that a re-run on the same files skips parsing.

An entry is the result of :func:`pac.loader.load_files` (organisations and errors) on a set of files,
stored under the SHA-256 of everything that result depends on: the bytes of each file and the name
locations show it by, the input limits, pac's version and the source of the package (its code, schema
and packaged reference data), the reference data in use (overrides included) and the Python version.
An entry whose key differs from the one asked for is never used; a missing, truncated or unreadable
one is a miss. Entries are written to a temporary file and renamed into place, so concurrent runs
never see a half-written entry. The folder holds only what pac wrote there: like pytest's cache, its
entries are pickles, to be kept where only the user writes.
"""

from __future__ import annotations

import hashlib
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
        try:
            data = (self.folder / key.hex()).read_bytes()
        except OSError:
            return None
        header = FORMAT + key
        if not data.startswith(header):
            return None
        try:
            with gc_paused():  # hundreds of thousands of acyclic objects
                loaded = pickle.loads(memoryview(data)[len(header):])
        except Exception:  # a damaged entry is a miss, never an error
            return None
        return loaded

    def _write(self, key: bytes, loaded: Loaded) -> None:
        try:
            self._prepare()
            with gc_paused():
                data = pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".entry-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(FORMAT + key + data)
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
