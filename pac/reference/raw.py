"""The reference data before typing: its sections, the packaged files, and how overrides merge in.

Every packaged file and every override is one mapping from section names to section data. Rows
sections hold lists of mappings keyed by ``id``, merged into a mapping from id to row (a row with
a known id replaces it in place, a new id is added at the end); ``nl_aliases`` is a mapping
(entries replace or add); ``dpf_certified`` a list of names (added); a record section is
replaced whole. A top-level ``src``/``ver`` pair cites every row of that mapping that gives none
itself (the country list uses this), except source rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from ..yamlio import parse
from .fields import ReferenceDataError, shown

Raw = Mapping[str, Any]

ROWS, ALIASES, NAMES, RECORD = "rows", "aliases", "names", "record"

SECTIONS: Mapping[str, str] = MappingProxyType({
    "sources": ROWS,
    "countries": ROWS,
    "eea": ROWS,
    "not_eea": ROWS,
    "adequacy": ROWS,
    "dpf_certified": NAMES,
    "transfer_tools": ROWS,
    "scc_versions": ROWS,
    "legal_bases": ROWS,
    "nl_aliases": ALIASES,
    "art9_conditions": ROWS,
    "special_categories": ROWS,
    "criminal_data": RECORD,
    "art9_national_notes": ROWS,
    "notice_items": ROWS,
    "notice_rules": ROWS,
    "retention": ROWS,
    "consent_age_rule": RECORD,
    "consent_ages": ROWS,
    "obligations": ROWS,
    "national_rules": ROWS,
    "recipients": ROWS,
})

FILES = ("sources.yaml", "countries.yaml", "eea.yaml", "adequacy.yaml", "transfer_tools.yaml", "scc_versions.yaml",
         "legal_bases.yaml", "art9.yaml", "notice_items.yaml", "retention.yaml", "consent_ages.yaml",
         "obligations.yaml", "national.yaml", "recipients.yaml")

_CITATION_DEFAULTS = ("src", "ver")
_EMPTY: dict[str, Any] = {ROWS: {}, ALIASES: {}, NAMES: (), RECORD: {}}


def packaged() -> Raw:
    """Read and merge the packaged data files."""
    folder = files("pac.reference") / "data"
    raw: Raw = {section: _EMPTY[shape] for section, shape in SECTIONS.items()}
    for name in FILES:
        raw = merge(raw, parse((folder / name).read_bytes(), f"pac/reference/data/{name}"))
    return raw


def merge(raw: Raw, override: Any) -> Raw:
    """``raw`` with one override mapping merged in (a new mapping; neither input changes)."""
    if not isinstance(override, Mapping):
        raise ReferenceDataError("<top level>", None, None, "expected a mapping of section names to section "
                                 f"data, such as {{'retention': [...]}}, got {shown(override)}")
    defaults = {key: override[key] for key in _CITATION_DEFAULTS if key in override}
    merged = dict(raw)
    for section, data in override.items():
        if section in _CITATION_DEFAULTS:
            continue
        shape = SECTIONS.get(section)
        if shape is None:
            raise ReferenceDataError(str(section), None, None,
                                     f"unknown section; expected one of {', '.join(sorted(SECTIONS))}")
        cited = section != "sources"  # sources are what citations point at; they cite nothing themselves
        merged[section] = _MERGERS[shape](section, raw[section], data, defaults if cited else {})
    return merged


def _rows(section: str, base: Mapping[str, Mapping[str, Any]], data: Any,
          defaults: Mapping[str, Any]) -> Mapping[str, Mapping[str, Any]]:
    if not isinstance(data, list | tuple):
        raise ReferenceDataError(section, None, None,
                                 f"expected a list of rows, each a mapping with an 'id', got {shown(data)}")
    rows = dict(base)
    seen: set[str] = set()
    for index, row in enumerate(data):
        if not isinstance(row, Mapping):
            raise ReferenceDataError(section, None, f"[{index}]", f"expected a mapping with an 'id', got {shown(row)}")
        row_id = row.get("id")
        if not isinstance(row_id, str) or not row_id.strip():
            raise ReferenceDataError(section, None, f"[{index}].id",
                                     f"expected a non-empty string (quote ids such as \"2021\"), got {shown(row_id)}")
        if row_id in seen:
            raise ReferenceDataError(section, row_id, "id", "the same id appears twice in one mapping")
        seen.add(row_id)
        rows[row_id] = {**defaults, **row}
    return rows


def _aliases(section: str, base: Mapping[str, Any], data: Any, defaults: Mapping[str, Any]) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ReferenceDataError(section, None, None, f"expected a mapping of terms to keys, got {shown(data)}")
    return {**base, **data}


def _names(section: str, base: tuple[Any, ...], data: Any, defaults: Mapping[str, Any]) -> tuple[Any, ...]:
    if not isinstance(data, list | tuple):
        raise ReferenceDataError(section, None, None, f"expected a list of names, got {shown(data)}")
    for index, name in enumerate(data):
        if not isinstance(name, str) or not name.strip():
            raise ReferenceDataError(section, None, f"[{index}]", f"expected a non-empty name, got {shown(name)}")
    return tuple(dict.fromkeys([*base, *data]))


def _record(section: str, base: Mapping[str, Any], data: Any, defaults: Mapping[str, Any]) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ReferenceDataError(section, None, None, f"expected a mapping, got {shown(data)}")
    return {**defaults, **data}


_Merger = Callable[[str, Any, Any, Mapping[str, Any]], Any]
_MERGERS: Mapping[str, _Merger] = {ROWS: _rows, ALIASES: _aliases, NAMES: _names, RECORD: _record}
