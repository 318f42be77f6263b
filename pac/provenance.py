"""Provenance: every place a declaration says "the notice states this", and whether the notice does."""

from __future__ import annotations

import dataclasses
import unicodedata
from functools import cache
from typing import Any, Iterable, Iterator

import ahocorasick

from .model import Organisation, Provenance

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u201c": '"', "\u201d": '"',
                         "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u00a0": " "})


def quote_form(text: str) -> str:
    """Text as quotes are compared: Unicode-normalised, case-folded, white space collapsed, quote marks straight."""
    if not text.isascii():  # (both are the identity on ASCII)
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.split()).casefold()


@cache
def _fields(cls: type) -> tuple[str, ...]:
    """The fields of a model class that may hold provenance (an organisation's purposes are in its activities)."""
    return tuple(f.name for f in dataclasses.fields(cls) if not (cls is Organisation and f.name == "purposes"))


def iter_provenance(element: Any) -> Iterator[Provenance]:
    """Every provenance in ``element`` and below it, each once, in declaration order."""
    found: list[Provenance] = []
    seen: set[int] = set()

    def walk(node: Any) -> None:
        if type(node) is tuple:
            for item in node:
                walk(item)
        elif isinstance(node, Provenance):
            if id(node) not in seen:
                seen.add(id(node))
                found.append(node)
        elif hasattr(node, "__dataclass_fields__"):
            for name in _fields(type(node)):
                walk(getattr(node, name))

    walk(element)
    return iter(found)


def found_in(notice: str, quotes: Iterable[str]) -> set[str]:
    """The ``quotes`` that occur in ``notice`` (both compared normalised). All of them are searched for at once,
    in one pass over the text (Aho-Corasick); searching the text once per quote grows with quotes x text."""
    wanted = {quote: quote_form(quote) for quote in quotes}
    patterns = {pattern for pattern in wanted.values() if pattern}
    seen: set[str] = set()
    if patterns:
        automaton = ahocorasick.Automaton()
        for pattern in patterns:
            automaton.add_word(pattern, pattern)
        automaton.make_automaton()
        for _, pattern in automaton.iter(quote_form(notice)):
            seen.add(pattern)
            if len(seen) == len(patterns):
                break
    return {quote for quote, pattern in wanted.items() if not pattern or pattern in seen}


def missing_quotes(organisation: Organisation, notice: str) -> list[Provenance]:
    """The provenances whose quote does not occur in the notice's text."""
    provenances = [p for p in iter_provenance(organisation) if p.quote]
    found = found_in(notice, {p.quote for p in provenances})
    return [p for p in provenances if p.quote not in found]
