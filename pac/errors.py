"""Located input errors: every problem pac finds in its input, as ``FILE:LINE:COL: error: message``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """Escape control, line-break and bidi characters so untrusted text can neither drive
    a terminal nor forge extra output lines."""
    return _CONTROL.sub(_escape, text)


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in an input file; ``line`` and ``column`` are 1-based (0 = the whole file)."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class LocatedError:
    """One problem in the input: where, what kind, what is wrong and what to do about it."""

    location: Location
    kind: str
    message: str
    hint: str = ""

    def format(self) -> str:
        text = printable(f"{self.location}: error: {self.message}")
        if self.hint:
            text += "\n  hint: " + printable(self.hint)
        return text

    def __str__(self) -> str:
        return self.format()


class InvalidInput(Exception):
    """Raised with every problem found in the input at once, sorted by location."""

    def __init__(self, errors: Iterable[LocatedError]):
        self.errors: tuple[LocatedError, ...] = tuple(sorted(errors, key=lambda e: (e.location, e.message)))
        super().__init__("\n".join(e.format() for e in self.errors))
