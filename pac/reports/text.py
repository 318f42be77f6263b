"""Text as the report formats need it: docstrings as paragraphs, and untrusted strings made inert.

Names, quotes and messages come from the YAML and may hold anything; every renderer puts them on
one :func:`line` (no line break, control or bidi character left) and then applies its format's own
escaping (HTML by Jinja2's autoescape, JSON by :mod:`json`, Markdown and SARIF messages here).
"""

from __future__ import annotations

import re

from ..errors import printable

_WHITESPACE = re.compile(r"\s+")
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~&$#])")
_SARIF_BRACKET = re.compile(r"(\\*)([\[\]])")


def paragraphs(text: str) -> list[str]:
    """A docstring's paragraphs (split at blank lines), each on one line."""
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]


def line(text: str) -> str:
    """Untrusted ``text`` on one line: each run of whitespace (line breaks included) becomes one space,
    and every other control or bidi character is shown escaped (:func:`~pac.errors.printable`)."""
    return printable(_WHITESPACE.sub(" ", text))


def markdown(text: str) -> str:
    """``text`` as literal inline Markdown (GitHub-flavoured): no emphasis, link, code, HTML, table cell
    break, math or line break can come out of it. It must not start a line (the reports never let it)."""
    return _MARKDOWN.sub(r"\\\1", line(text))


def sarif(text: str) -> str:
    """``text`` as a SARIF plain-text message, whose ``[text](target)`` would be an embedded link
    (SARIF 2.1.0 §3.11.6): brackets, and backslashes before them, are escaped with a backslash."""
    return _SARIF_BRACKET.sub(lambda m: m[1] * 2 + "\\" + m[2], line(text))
