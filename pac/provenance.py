"""Provenance: every place a declaration says "the notice states this", and whether the notice does."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any, Iterator

from .model import Organisation, Provenance

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u201c": '"', "\u201d": '"',
                         "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u00a0": " "})


def normalise(text: str) -> str:
    """Text as quotes are compared: Unicode-normalised, case-folded, white space collapsed, quote marks straight."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip().casefold()


def iter_provenance(element: Any) -> Iterator[Provenance]:
    """Every provenance in ``element`` and below it, each once, in declaration order."""
    seen: set[int] = set()

    def walk(node: Any) -> Iterator[Provenance]:
        if isinstance(node, Provenance):
            if id(node) not in seen:
                seen.add(id(node))
                yield node
        elif isinstance(node, tuple):
            for item in node:
                yield from walk(item)
        elif dataclasses.is_dataclass(node) and not isinstance(node, type):
            for field in dataclasses.fields(node):
                if field.name != "purposes" or not isinstance(node, Organisation):  # purposes are in activities
                    yield from walk(getattr(node, field.name))

    yield from walk(element)


def missing_quotes(organisation: Organisation, notice: str) -> list[Provenance]:
    """The provenances whose quote does not occur in the notice's text."""
    text = normalise(notice)
    return [p for p in iter_provenance(organisation) if p.quote and normalise(p.quote) not in text]
