"""Typed reading of raw reference rows, with errors that name the section, row and field."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from ..duration import Duration
from .rows import Citation, says_unverified

T = TypeVar("T")


class ReferenceDataError(ValueError):
    """Reference data (packaged or an override) that is not what pac expects there."""

    def __init__(self, section: str, row: str | None, field: str | None, problem: str):
        self.section = section
        self.row = row
        self.field = field
        where = f"reference data section {section!r}"
        if row is not None:
            where += f", row {row!r}"
        if field is not None:
            where += f", field {field!r}"
        super().__init__(f"{where}: {problem}")


def shown(value: Any, limit: int = 80) -> str:
    """A value's repr for an error message, cut short when long."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass(frozen=True, slots=True)
class Kind(Generic[T]):
    """What a field must hold: ``expected`` describes it, ``convert`` raises ValueError or TypeError otherwise."""

    expected: str
    convert: Callable[[Any], T]


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TypeError
    return value


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        raise TypeError
    return value if isinstance(value, date) else date.fromisoformat(_text(value))


def _duration(value: Any) -> Duration:
    return value if isinstance(value, Duration) else Duration.parse(_text(value))


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError
    return value


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise TypeError
    return tuple(_text(item) for item in value)


_PROVISION = r"Art\. \d+(?:\([0-9a-z]+\))*(?:-\([a-z]\))?(?: (?:first|second|third) subparagraph)?"
_ARTICLE = re.compile(rf"GDPR {_PROVISION}(?:, {_PROVISION})*\Z")


def _article(value: Any) -> str:
    text = _text(value)
    if not _ARTICLE.match(text):
        raise ValueError
    return text


TEXT = Kind("a non-empty string", _text)
TEXTS = Kind("a list of non-empty strings", _texts)
DATE = Kind("an ISO 8601 date such as 2020-07-16", _date)
DURATION = Kind("an ISO 8601 duration such as P7Y, P1M or PT72H", _duration)
INTEGER = Kind("an integer", _integer)
BOOLEAN = Kind("true or false", _boolean)
ARTICLE = Kind('a GDPR citation such as "GDPR Art. 46(2)(c)" or "GDPR Art. 46(2)(b), Art. 47"', _article)


def member(allowed: Collection[str], what: str) -> Kind[str]:
    """A string that must be one of ``allowed`` (``what`` names them in the error)."""

    def convert(value: Any) -> str:
        if value not in allowed:
            raise ValueError
        return value

    listed = ", ".join(sorted(allowed)) if len(allowed) <= 30 else f"{len(allowed)} known values"
    return Kind(f"{what} ({listed})", convert)


def members(allowed: Collection[str], what: str) -> Kind[tuple[str, ...]]:
    """A list whose items must each be one of ``allowed``."""
    one = member(allowed, what)
    return Kind(f"a list of {one.expected}", lambda value: tuple(one.convert(item) for item in _texts(value)))


class Fields:
    """One raw row being read. Each getter records the field as known, so that :meth:`finish`
    can reject misspelt or unexpected fields; every error names section, row and field."""

    def __init__(self, section: str, row: Mapping[str, Any], sources: Collection[str], row_id: str | None,
                 prefix: str = ""):
        self.section = section
        self.row = row
        self.sources = sources
        self.row_id = row_id
        self.prefix = prefix
        self.known: set[str] = {"id"} if row_id is not None and not prefix else set()

    @property
    def id(self) -> str:
        """The id of the row being read."""
        if self.row_id is None:
            raise self.error("id", "is missing")
        return self.row_id

    def error(self, name: str, problem: str) -> ReferenceDataError:
        return ReferenceDataError(self.section, self.row_id, self.prefix + name, problem)

    def optional(self, name: str, kind: Kind[T]) -> T | None:
        """The field converted by ``kind``, or None when it is absent or null."""
        self.known.add(name)
        value = self.row.get(name)
        if value is None:
            return None
        try:
            return kind.convert(value)
        except (ValueError, TypeError):
            raise self.error(name, f"expected {kind.expected}, got {shown(value)}") from None

    def required(self, name: str, kind: Kind[T]) -> T:
        """The field converted by ``kind``; an error when it is absent or null."""
        value = self.optional(name, kind)
        if value is None:
            raise self.error(name, f"is missing; expected {kind.expected}")
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        """A boolean field that may be left out."""
        value = self.optional(name, BOOLEAN)
        return default if value is None else value

    def texts(self, name: str) -> tuple[str, ...]:
        """A list of strings that may be left out."""
        return self.optional(name, TEXTS) or ()

    def id_in(self, allowed: Collection[str], what: str) -> str:
        """The row's id, which must be one of ``allowed`` (e.g. a known country code)."""
        row_id = self.row_id
        if row_id is None or row_id not in allowed:
            raise self.error("id", f"expected {what}, got {shown(row_id)}")
        return row_id

    def each(self, name: str, build: Callable[[Fields], T]) -> tuple[T, ...]:
        """Build every mapping of a list field (absent = empty) with ``build``."""
        self.known.add(name)
        items = self.row.get(name)
        if items is None:
            return ()
        if not isinstance(items, list | tuple):
            raise self.error(name, f"expected a list of mappings, got {shown(items)}")
        return tuple(self._build(f"{name}[{index}]", item, build) for index, item in enumerate(items))

    def one(self, name: str, build: Callable[[Fields], T]) -> T | None:
        """Build a mapping field (absent = None) with ``build``."""
        self.known.add(name)
        item = self.row.get(name)
        return None if item is None else self._build(name, item, build)

    def read(self, build: Callable[[Fields], T]) -> T:
        """``build`` applied to this row, then :meth:`finish`."""
        built = build(self)
        self.finish()
        return built

    def _build(self, name: str, item: Any, build: Callable[[Fields], T]) -> T:
        if not isinstance(item, Mapping):
            raise self.error(name, f"expected a mapping, got {shown(item)}")
        return Fields(self.section, item, self.sources, self.row_id, f"{self.prefix}{name}.").read(build)

    def citation(self) -> Citation:
        """The row's ``src``, ``ver`` and ``unverified_fields``."""
        sources = self.optional("src", members(self.sources, "ids of sources in the 'sources' section"))
        if sources is None:
            raise self.error("src", "is missing; expected a list of source ids such as [S01]")
        verification = self.required("ver", TEXT)
        if not sources and not says_unverified(verification):
            raise self.error("src", "is empty; a row without sources must say 'unverified' in its ver")
        unverified = self.texts("unverified_fields")
        stray = [name for name in unverified if name not in self.row]
        if stray:
            raise self.error("unverified_fields", f"names {stray[0]!r}, which is not a field of this row")
        return Citation(sources, verification, unverified)

    def finish(self) -> None:
        """Reject fields that no getter asked for (typically a misspelt field name)."""
        unknown = sorted(set(self.row) - self.known)
        if unknown:
            raise self.error(unknown[0], f"unknown field; expected one of {', '.join(sorted(self.known))}")
