"""Provenance: every place a declaration says "the notice states this", and whether the notice does."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections import defaultdict
from functools import cache
from typing import Any, Iterator

from .model import Organisation, Provenance

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u201c": '"', "\u201d": '"',
                         "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u00a0": " "})


def normalise(text: str) -> str:
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


class NoticeText:
    """A notice's text, normalised and indexed by word, so that many quotes are found in it fast: a quote's
    interior words are whole words of the text wherever the quote occurs, so a quote with an interior word the
    text lacks is not in it, and otherwise only the places of its rarest interior word need a look (searching
    the whole text for each quote grows with quotes x text)."""

    def __init__(self, notice: str):
        self.text = normalise(notice)
        self.places: defaultdict[str, list[int]] = defaultdict(list)
        start = 0
        for word in self.text.split(" "):
            self.places[word].append(start)
            start += len(word) + 1

    def __contains__(self, quote: str) -> bool:
        wanted = normalise(quote)
        words = wanted.split(" ")
        if len(words) < 3:  # no interior word: search the text
            return wanted in self.text
        rarest: list[int] = []
        offset = rarest_offset = len(words[0]) + 1  # where words[1] starts in the quote
        for word in words[1:-1]:
            places = self.places.get(word)
            if not places:
                return False
            if not rarest or len(places) < len(rarest):
                rarest, rarest_offset = places, offset
            offset += len(word) + 1
        return any(self.text.startswith(wanted, place - rarest_offset) for place in rarest if place >= rarest_offset)


def missing_quotes(organisation: Organisation, notice: str) -> list[Provenance]:
    """The provenances whose quote does not occur in the notice's text (each distinct quote is looked up once)."""
    text = NoticeText(notice)
    present: dict[str, bool] = {}
    missing = []
    for provenance in iter_provenance(organisation):
        quote = provenance.quote
        if quote:
            if quote not in present:
                present[quote] = quote in text
            if not present[quote]:
                missing.append(provenance)
    return missing
