"""Provenance: every place a declaration says "the notice states this", and whether the notice does."""

from __future__ import annotations

import dataclasses
import typing
import unicodedata
from functools import cache
from operator import attrgetter, itemgetter
from typing import Any, Iterable, Iterator

import ahocorasick

from .duration import Duration
from .errors import Location
from .model import Organisation, Provenance

_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u201b", "'"), ("\u201c", '"'), ("\u201d", '"'),
           ("\u201e", '"'), ("\u00ab", '"'), ("\u00bb", '"'), ("\u00a0", " "))
"""Curly quotes and guillemets as straight ones, a no-break space as a space."""


def quote_form(text: str) -> str:
    """Text as quotes are compared: Unicode-normalised, case-folded, white space collapsed, quote marks straight."""
    if not text.isascii():  # (both are the identity on ASCII)
        text = unicodedata.normalize("NFKC", text)
        for curly, straight in _QUOTES:  # str.replace is ~100x faster than str.translate on a notice of megabytes
            if curly in text:
                text = text.replace(curly, straight)
    return " ".join(text.split()).casefold()


_LEAF, _TUPLE, _PROVENANCE = (), "tuple", "provenance"
_EMPTY = (Location, Duration)
"""Model classes that hold no provenance."""


def _may_hold_provenance(hint: Any) -> bool:
    """Whether a field of this type hint can hold a provenance: a model class (or a tuple or union of them), but not
    a string, number, date, location, duration or dict (an index, which the walk does not enter)."""
    if typing.get_origin(hint) is dict:
        return False
    arguments = typing.get_args(hint)
    if arguments:
        return any(_may_hold_provenance(a) for a in arguments)
    return dataclasses.is_dataclass(hint) and hint not in _EMPTY


@cache
def _plan(cls: type) -> Any:
    """How :func:`iter_provenance` walks a value of type ``cls``: a tuple, a provenance, a model class (the getter of
    its fields that can hold provenance: an organisation's purposes are in its activities), or nothing (a leaf)."""
    if cls is tuple:
        return _TUPLE
    if issubclass(cls, Provenance):
        return _PROVENANCE
    if not dataclasses.is_dataclass(cls) or cls in _EMPTY:
        return _LEAF
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)
             if _may_hold_provenance(hints[f.name]) and not (cls is Organisation and f.name == "purposes")]
    if not names:
        return _LEAF
    getter = attrgetter(*names)
    return getter if len(names) > 1 else lambda value: (getter(value),)


def iter_provenance(element: Any) -> Iterator[Provenance]:
    """Every provenance in ``element`` and below it, each once, in declaration order."""
    found: dict[int, Provenance] = {}  # by id, in the order met

    def walk(values: Iterable[Any]) -> None:
        for value in values:
            plan = _plan(type(value))
            if plan is _LEAF:
                continue
            if plan is _TUPLE:
                walk(value)
            elif plan is _PROVENANCE:
                found.setdefault(id(value), value)
            else:
                walk(plan(value))

    walk((element,))
    return iter(found.values())


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
        seen.update(map(itemgetter(1), automaton.iter(quote_form(notice))))  # (no Python code per match)
    return {quote for quote, pattern in wanted.items() if not pattern or pattern in seen}


def missing_quotes(organisation: Organisation, notice: str) -> list[Provenance]:
    """The provenances whose quote does not occur in the notice's text."""
    provenances = [p for p in iter_provenance(organisation) if p.quote]
    found = found_in(notice, {p.quote for p in provenances})
    return [p for p in provenances if p.quote not in found]
