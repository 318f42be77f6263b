"""Located input errors: every problem pac finds in its input, as ``FILE:LINE:COL: error: message``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

_PLANE_ENDS = "".join(f"{chr(plane * 0x10000 + 0xFFFE)}-{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f"  # C0 and C1 controls (escape sequences, bells, line breaks)
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"  # format characters: soft hyphen, Arabic marks
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"  # zero-width characters, bidi marks and overrides
    "\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"  # more format characters (Unicode category Cf)
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff"  # lone surrogates (from undecodable bytes)
    "\ufdd0-\ufdef" + _PLANE_ENDS + "]"  # noncharacters (U+FFFE ...): not for interchange, refused by XML
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str) -> str:
    """Escape control, line-break, bidi, zero-width and other format characters, surrogates and
    noncharacters, so that untrusted text can neither drive a terminal, forge extra output lines, hide
    or reorder what is shown, nor break an XML or Graphviz label."""
    if text.isprintable():  # every character escaped is of a category isprintable refuses (C*, Zl, Zp): most text
        return text
    return _CONTROL.sub(_escape, text)


def problem(message: str, hint: str = "", prefix: str = "pac: error") -> str:
    """The text pac prints for a problem that has no place in an input file (an option, an output): one
    escaped line, as the names in it come from the user, and the hint on the next."""
    return printable(f"{prefix}: {message}") + (f"\n  hint: {printable(hint)}" if hint else "")


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
