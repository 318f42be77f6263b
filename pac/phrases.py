"""What findings say, in every language of pac's outputs: a finding's message (and a transfer verdict's reason) is
a :class:`Phrase`, its English text, so that everything that reads a message reads English, that also carries
its key in the phrase book (:mod:`pac.phrasebook`) and the values filled in, so that a report can say it in
Dutch::

    yield ctx.finding(say("processor-unnamed", name=recipient.name))

A value is a plain string (a name, a quote, a date, a citation: the same in every language), a number, a
phrase (said in the same language), a :class:`Term` (a word of pac's reference data, with its Dutch) or a tuple
of these, joined as the field's format spec says: ``{names}`` "a, b", ``{names:or}`` "a, b or c",
``{names:list_and}`` "a, b and c", ``{names:;}`` "a; b" (the joins of the phrase book's ``_joins``). A check may still write a plain ``str``: it is
shown as written, in English, and marked so.

Phrases cross process boundaries as plain data (:func:`to_data`, :func:`from_data`), and pickle as themselves.
"""

from __future__ import annotations

import string
from datetime import date
from typing import Any, Mapping

from .duration import Duration
from .phrasebook import phrasebook

Value = Any
"""``str``, ``int``, :class:`Phrase`, :class:`Term` or a tuple of them."""


class Term(str):
    """A word or name of pac's reference data in English (the ``str`` itself) with its Dutch, where the data give
    one: a country, a transfer tool, a special category."""

    nl: str

    def __new__(cls, en: str, nl: str | None = None) -> Term:
        term = super().__new__(cls, en)
        term.nl = nl or en
        return term

    def __reduce__(self) -> tuple:
        return Term, (str(self), self.nl)

    def said(self, lang: str) -> str:
        return self.nl if lang == "nl" else str(self)


class Phrase(str):
    """A sentence of the phrase book in English (the ``str`` itself), with its key and values to say it in
    another language (:meth:`said`)."""

    key: str
    values: Mapping[str, Value]

    def __new__(cls, key: str, values: Mapping[str, Value]) -> Phrase:
        values = {name: _value(value) for name, value in values.items()}
        phrase = super().__new__(cls, _fill("en", key, values))
        phrase.key, phrase.values = key, values
        return phrase

    def __reduce__(self) -> tuple:
        return Phrase, (self.key, dict(self.values))

    def said(self, lang: str) -> str:
        """The phrase in ``lang``, its values too."""
        return str(self) if lang == "en" else _fill(lang, self.key, self.values)


def say(key: str, /, **values: Value) -> Phrase:
    """The phrase ``key`` of the phrase book with ``values`` filled in (a ``KeyError`` for an unknown key)."""
    return Phrase(key, values)


def said(value: Value, lang: str) -> str:
    """``value`` in ``lang``: a phrase or term in that language, anything else as written."""
    return value.said(lang) if isinstance(value, (Phrase, Term)) else str(value)


def sayable(value: Any) -> bool:
    """Whether ``value`` can be said in every language (a phrase or a term), rather than only as written."""
    return isinstance(value, (Phrase, Term))


def word(group: str, value: str) -> Phrase:
    """One value of the declaration's vocabulary in words, e.g. ``word("role", "sub_processor")``."""
    return Phrase(f"{group}.{value}", {})


def _value(value: Any) -> Value:
    if isinstance(value, (list, tuple)):
        return tuple(_value(v) for v in value)
    if isinstance(value, (str, int)):
        return value
    if isinstance(value, (date, Duration)):  # ISO 8601, as written in every language
        return str(value)
    raise TypeError(f"a phrase's value must be a string, a number, a phrase, a term or a tuple, not {value!r}")


class _Formatter(string.Formatter):
    """``str.format`` that says phrases and terms in one language and joins tuples as the field's spec says."""

    def __init__(self, lang: str):
        self.lang, self.joins = lang, phrasebook(lang)["_joins"]

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if isinstance(value, tuple):
            return tuple(self.convert_field(v, conversion) for v in value)
        return super().convert_field(said(value, self.lang) if sayable(value) else value, conversion)

    def format_field(self, value: Any, format_spec: str) -> Any:
        if not isinstance(value, tuple):
            return super().format_field(value, format_spec)
        between, last = self.joins[format_spec]
        items = [str(v) for v in value]
        return between.join(items[:-1]) + last + items[-1] if len(items) > 1 else "".join(items)


_FORMATTERS: dict[str, _Formatter] = {}


def _fill(lang: str, key: str, values: Mapping[str, Value]) -> str:
    formatter = _FORMATTERS.get(lang) or _FORMATTERS.setdefault(lang, _Formatter(lang))
    return formatter.vformat(phrasebook(lang)[key], (), values)


def to_data(value: Value) -> Any:
    """``value`` as plain data (JSON): a phrase as ``{"say": key, "with": values}``, a term as
    ``{"term": en, "nl": nl}``, a tuple as a list."""
    if isinstance(value, Phrase):
        return {"say": value.key, "with": {name: to_data(v) for name, v in value.values.items()}}
    if isinstance(value, Term):
        return {"term": str(value), "nl": value.nl}
    if isinstance(value, tuple):
        return [to_data(v) for v in value]
    return value


def from_data(data: Any) -> Value:
    """The value :func:`to_data` gave ``data`` for."""
    if isinstance(data, dict):
        if "say" in data:
            return Phrase(data["say"], {name: from_data(v) for name, v in data["with"].items()})
        return Term(data["term"], data["nl"])
    if isinstance(data, list):
        return tuple(from_data(v) for v in data)
    return data
