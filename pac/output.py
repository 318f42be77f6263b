"""Writing outputs safely: atomically, never over an input, and a report folder as one unit.

A file output is replaced through a temporary file and a rename; a stream or device (``-``, a pipe, a
terminal, ``/dev/null``) is written through, never unlinked. A report folder is written as a sibling
staging folder that then takes the folder's place in one rename, so a reader or an interrupted run
finds either the old report set or the new one, never a mix.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .errors import problem

STDOUT = "-"
"""The output name that means standard output."""


class OutputError(Exception):
    """An output that pac refuses to write or cannot write: ``message`` says which and why, ``hint`` what to do."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint

    def format(self, prefix: str = "pac: error") -> str:
        """The error as pac prints it (:func:`pac.errors.problem`)."""
        return problem(self.message, self.hint, prefix)


_WRITABLE = "give a path in a folder you may write to, or change the folder's permissions"
_HINTS = {errno.EROFS: "the file system is read-only: give a path on a writable one",
          errno.ENOSPC: "the disk is full: free some space, or give a path on another disk",
          errno.EDQUOT: "your disk quota is used up: free some space, or give a path on another disk"}


def _cannot(what: str, error: OSError, hint: str = "") -> OutputError:
    """The error for ``what`` that pac cannot write because of ``error``, with what to do about it."""
    return OutputError(f"cannot write {what}: {error.strerror or error}", hint or _HINTS.get(error.errno, _WRITABLE))


def _same(path: Path, inputs: Iterable[Path]) -> bool:
    """Whether ``path`` is one of ``inputs``: the same file by name, link or hard link."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    for source in inputs:
        try:
            other = os.stat(source)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) == (other.st_dev, other.st_ino):
            return True
    return False


def _encoded(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def write_atomic(path: Path, content: str | bytes, inputs: Iterable[Path] = ()) -> Path:
    """Write ``content`` to the regular file ``path`` through a temporary file and a rename, so that a reader
    (or a crash) sees the old file or the new one, never half of one. A symbolic link is followed (the link
    stays). Refuses to replace any of ``inputs`` and anything that is not a regular file."""
    target = Path(os.path.realpath(path))
    if _same(target, inputs):
        raise OutputError(f"refusing to write {path}: it is one of the input files")
    if os.path.lexists(target) and not target.is_file():
        raise OutputError(f"refusing to write {path}: it is a folder or a special file, not a regular file")
    data = _encoded(content)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise _cannot(path, error) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException as error:
        os.unlink(temporary)
        if isinstance(error, OSError):  # a full disk, say: the old file stays as it was
            raise _cannot(path, error) from None
        raise
    return path


def write_output(name: str | Path, content: str | bytes, inputs: Iterable[Path] = ()) -> None:
    """Write a command's ``-o`` output: ``-`` is standard output; a pipe, terminal or device (also through a
    link such as ``/proc/self/fd/1``) is written through as it is; a regular file (or a new one) atomically.
    Raises :class:`OutputError` for a folder or an input of the run."""
    if str(name) == STDOUT:  # a document: UTF-8 as in a file, whatever the terminal's encoding
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text stream without bytes underneath (a test's capture)
            sys.stdout.write(content if isinstance(content, str) else content.decode("utf-8", errors="replace"))
            return
        sys.stdout.flush()
        _write_stream(buffer, _encoded(content))
        return
    path = Path(name)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise _cannot(name, error) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"{name} is a folder; give the name of a file to write")
    if mode is not None and (not stat.S_ISREG(mode) or _is_stream_name(path)):
        if _same(path, inputs):
            raise OutputError(f"refusing to write {name}: it is one of the input files")
        try:
            with open(path, "ab", buffering=0) as stream:  # a stream or device: written through, never unlinked
                _write_stream(stream, _encoded(content))
        except OSError as error:
            raise _cannot(name, error) from None
        return
    write_atomic(path, content, inputs)


def _is_stream_name(path: Path) -> bool:
    """``/dev/stdout``, ``/proc/self/fd/1`` and the like: a name for an open stream, whatever it leads to."""
    return Path(os.path.abspath(path)).parts[1:2] in (("dev",), ("proc",))


def _write_stream(stream: BinaryIO, data: bytes) -> None:
    stream.write(data)
    stream.flush()


# -- the report folder --------------------------------------------------------------------------------

_STAGING = ".pac-staging"
"""Infix of a staging folder's name: ``.<folder>.pac-staging.<pid>.<random>`` beside the report folder."""


@contextmanager
def _parent_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on the folder holding ``folder``, so that concurrent runs swap one after the other
    (the report folder itself is replaced, so it cannot hold the lock)."""
    descriptor = os.open(folder.parent, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def _exchange(new: Path, old: Path) -> None:
    """Swap the folders ``new`` and ``old`` in one step (Linux ``renameat2(RENAME_EXCHANGE)``); where the
    system cannot, move ``old`` aside and ``new`` in its place, a window of one rename."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None) if sys.platform == "linux" else None
    if renameat2 is not None:
        at_cwd, exchange = -100, 2
        if renameat2(at_cwd, os.fsencode(new), at_cwd, os.fsencode(old), exchange) == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise OSError(code, os.strerror(code), str(old))
    aside = new.with_name(new.name + ".old")
    os.rename(old, aside)
    os.rename(new, old)
    os.rename(aside, new)


def _stale_staging(folder: Path) -> Iterator[Path]:
    """Staging folders of ``folder`` left by runs that were killed (their process is gone)."""
    prefix = f".{folder.name}{_STAGING}."
    for entry in folder.parent.iterdir() if folder.parent.is_dir() else ():
        if not entry.name.startswith(prefix):
            continue
        pid = entry.name[len(prefix):].partition(".")[0]
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            yield entry
        except (ValueError, OSError):
            continue


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@contextmanager
def terminate_interrupts() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP (``kill``, a closed terminal) interrupt the run as Ctrl-C does, so
    that its clean-up runs; a handler someone else installed stays."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGHUP)}
    for number, handler in previous.items():
        if handler == signal.SIG_DFL:
            signal.signal(number, _interrupt)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


class ReportFolder:
    """A report folder written as a unit: :meth:`stage` makes an empty sibling folder to write the new set
    into, :meth:`commit` puts it in the folder's place, :meth:`discard` drops it.

    Files of the old folder that the new set does not write (a ``.gitignore``, a waiver file kept there)
    are carried over as hard links; one that a report would replace and that is an input of the run is
    refused, and so is a folder holding sub-folders (it is no folder of reports)."""

    def __init__(self, folder: Path, inputs: Iterable[Path] = ()):
        self.given = folder
        self.folder = Path(os.path.realpath(folder))  # a link to the report folder stays a link
        self.inputs = tuple(inputs)
        self.staging: Path | None = None

    def check(self) -> None:
        """Refuse a folder that cannot be a report folder, before any work is done."""
        folder, given = self.folder, self.given
        if os.path.lexists(folder) and not folder.is_dir():
            raise OutputError(f"the report folder {given} is a file; give a folder")
        if Path.cwd().resolve().is_relative_to(folder):
            raise OutputError(f"the report folder {given} holds the working folder; pac replaces the report folder "
                              "as a whole, so give the reports a folder of their own")
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            entries = list(os.scandir(folder)) if folder.is_dir() else []
        except OSError as error:
            raise _cannot(f"the report folder {given}", error) from None
        nested = sorted(e.name for e in entries if e.is_dir(follow_symlinks=False))
        if nested:
            raise OutputError(f"the report folder {given} holds the folder {nested[0]}; pac replaces the report folder "
                              "as a whole, so give the reports a folder of their own")
        if not os.access(folder.parent, os.W_OK | os.X_OK):
            raise OutputError(f"cannot write the report folder {given}: its parent folder {folder.parent} is not "
                              "writable (pac writes the new reports beside it, then swaps them in)",
                              "give a report folder in a folder you may write to, or change that folder's permissions")

    def stage(self) -> Path:
        """The empty staging folder the new report set is written into."""
        self.check()
        try:
            self.staging = Path(tempfile.mkdtemp(dir=self.folder.parent,
                                                 prefix=f".{self.folder.name}{_STAGING}.{os.getpid()}."))
        except OSError as error:
            raise _cannot(f"the report folder {self.given}", error) from None
        os.chmod(self.staging, 0o755)
        return self.staging

    def commit(self) -> None:
        """Put the staged set in the report folder's place (one rename), then remove the old set."""
        staging = self.staging
        if staging is None:
            raise RuntimeError("nothing staged")
        try:
            with _parent_lock(self.folder):
                for stale in _stale_staging(self.folder):
                    shutil.rmtree(stale, ignore_errors=True)
                if self.folder.is_dir():
                    self._carry_over(staging)
                    _exchange(staging, self.folder)
                else:
                    os.rename(staging, self.folder)
                    self.staging = None
                    return
        except OSError as error:
            self.discard()
            raise _cannot(f"the report folder {self.given}", error) from None
        shutil.rmtree(staging, ignore_errors=True)  # the old set, now at the staging name
        self.staging = None

    def _carry_over(self, staging: Path) -> None:
        written = {entry.name for entry in os.scandir(staging)}
        for entry in os.scandir(self.folder):
            if entry.is_dir(follow_symlinks=False):
                raise OutputError(f"the report folder {self.given} holds the folder {entry.name}; give the reports "
                                  "a folder of their own")
            if entry.name in written:
                if _same(Path(entry.path), self.inputs):
                    raise OutputError(f"refusing to write {self.given / entry.name}: it is one of the input files")
                continue
            if entry.is_symlink():
                os.symlink(os.readlink(entry.path), staging / entry.name)
            else:
                os.link(entry.path, staging / entry.name, follow_symlinks=False)

    def discard(self) -> None:
        """Drop the staged set (an interrupted or failed run): the report folder stays as it was."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
