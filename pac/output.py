"""Writing outputs safely: atomically, one run at a time per folder, and never over an input file."""

from __future__ import annotations

import fcntl
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator


class OutputError(Exception):
    """An output that pac refuses to write (it would replace an input file)."""


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` so that concurrent runs write their sets one after the other."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".pac.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_atomic(path: Path, content: str | bytes, inputs: Iterable[Path] = ()) -> Path:
    """Write ``content`` to ``path`` through a temporary file and a rename, so that a reader (or a crash)
    sees the old file or the new one, never half of one. Refuses to replace any of ``inputs``."""
    target = path.resolve()
    if any(target == Path(source).resolve() for source in inputs):
        raise OutputError(f"refusing to write {path}: it is one of the input files")
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return path
