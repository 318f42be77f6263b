"""Property-based tests (hypothesis): generated declarations load; mutated ones load or fail with located
errors, never anything else; plain scalars resolve as the YAML 1.2 core schema says; and every output
shows untrusted strings as inert text.

The runs are deterministic (``derandomize=True``, no example database) and bounded (``max_examples``),
so that they take a few seconds in every test run and fail the same way on every machine.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pac import diagram
from pac.engine import Engine
from pac.errors import InvalidInput, printable
from pac.loader import display, load
from pac.pytest.items import describe
from pac.reports import findings, html, markdown, sarif
from pac.results import OrganisationRecord, Run
from pac.yamlio import parse
from reports_support import UNPRINTABLE, parse as parse_html

FUZZ = settings(derandomize=True, database=None, deadline=None, max_examples=60,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
AS_OF = date(2024, 6, 1)
KINDS = {"yaml", "encoding", "tag", "depth", "size", "alias", "multi-document", "merge-key", "duplicate-key", "file",
         "schema", "reference", "duplicate-id", "conflict", "organisation"}
"""Every kind of located error the loader reports."""

# -- generated declarations -------------------------------------------------------------------------

NASTY = ["<script>", "</b>", "]]>", "<!--", "\x1b[2J", "\x07", "\x00", "\n", "\r", "\t", "\u202e", "\u2028", "\x85",
         "|", "[a](javascript:x)", "`", "*", "_", "#", "\\", '"', "'", "{", "}", "&amp;", "$", "NO", "yes", "~", ": ",
         "- ", "&a", "*a", "!!python/name:os.system", "%", "@here"]
hostile_text = st.lists(st.one_of(st.sampled_from(NASTY), st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=8)),
                min_size=1, max_size=6).map("".join).filter(lambda s: len(s) <= 100)
ids = st.builds(str.__add__, st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789"),
                st.text("abcdefghijklmnopqrstuvwxyz0123456789_.-", max_size=11))
COUNTRIES = ["NL", "NO", "DE", "US", "IN", "GB", "CH", "JP"]


def provenance(draw: st.DrawFn) -> dict[str, str]:
    return {"section": draw(hostile_text), "quote": draw(hostile_text)}


@st.composite
def declarations(draw: st.DrawFn) -> dict[str, Any]:
    """A valid declaration of organisation ``demo`` whose every name, quote and section is hostile text."""
    categories = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    doc: dict[str, Any] = {"pac": 1, "organisation": "demo",
                           "controller": {"legal_name": draw(hostile_text), "country": draw(st.sampled_from(COUNTRIES)),
                                          "provenance": provenance(draw)},
                           "data_categories": [{"id": c, "name": draw(hostile_text), "provenance": provenance(draw)} for c in categories]}
    activity_ids = draw(st.lists(ids, min_size=1, max_size=2, unique=True))
    purpose_ids = iter(draw(st.lists(ids, min_size=4, max_size=4, unique=True)))
    doc["activities"] = [{
        "id": a, "name": draw(hostile_text), "categories": categories,
        "purposes": [{"id": next(purpose_ids), "name": draw(hostile_text), "provenance": provenance(draw),
                      **({"legal_basis": draw(st.sampled_from(["consent", "contract", "legitimate_interests"]))}
                         if draw(st.booleans()) else {})} for _ in range(draw(st.integers(1, 2)))],
        "provenance": provenance(draw)} for a in activity_ids]
    recipients = draw(st.lists(ids, max_size=3, unique=True))
    doc["recipients"] = [{"id": r, "name": draw(hostile_text), "named": draw(st.booleans()), "role": "processor",
                          "country": draw(st.sampled_from(COUNTRIES)), "categories": categories[:1],
                          "provenance": provenance(draw)} for r in recipients]
    if len(recipients) > 1:  # a sub-processor under the first processor
        doc["recipients"][-1].update(role="sub_processor", parent=recipients[0])
    if draw(st.booleans()):
        doc["notice"] = {"title": draw(hostile_text), "last_updated": draw(st.dates(date(2018, 5, 25), date(2030, 1, 1))).isoformat(),
                         "provenance": provenance(draw)}
    return doc


_SURROGATE_PAIR = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})")


def from_json(text: str) -> str:
    """JSON text as YAML: the same, except that a character beyond U+FFFF, which JSON escapes as a UTF-16
    surrogate pair, is written as YAML's ``\\U`` escape (libyaml reads no surrogate pairs)."""
    def astral(pair: re.Match[str]) -> str:
        high, low = int(pair[1], 16), int(pair[2], 16)
        return f"\\U{0x10000 + (high - 0xD800) * 0x400 + (low - 0xDC00):08x}"

    return _SURROGATE_PAIR.sub(astral, text)


def block(value: Any, indent: str = "") -> str:
    """``value`` in YAML block style, every string double-quoted."""
    if isinstance(value, dict):
        return "".join(f"{indent}{key}:{_nested(item, indent)}" for key, item in value.items())
    return "".join(f"{indent}-{_nested(item, indent)}" for item in value)


def _nested(item: Any, indent: str) -> str:
    if isinstance(item, (dict, list)) and item:
        return "\n" + block(item, indent + "  ")
    return f" {from_json(json.dumps(item))}\n"


EMITTERS = {"flow": lambda doc: from_json(json.dumps(doc)) + "\n", "block": block}


def load_text(data: bytes) -> tuple[Any, Path]:
    """Load ``data`` as ``demo.yaml`` in a fresh folder: the organisations, or the InvalidInput raised."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.yaml"
        path.write_bytes(data)
        try:
            return load([path]), path
        except InvalidInput as invalid:
            return invalid, path


@FUZZ
@given(doc=declarations(), style=st.sampled_from(sorted(EMITTERS)))
def test_valid_declarations_load_with_every_string_intact(doc: dict[str, Any], style: str):
    loaded, _ = load_text(EMITTERS[style](doc).encode("utf-8"))
    assert not isinstance(loaded, InvalidInput), str(loaded)
    (organisation,) = loaded
    assert organisation.name == doc["controller"]["legal_name"]
    assert [c.name for c in organisation.data_categories] == [c["name"] for c in doc["data_categories"]]
    assert [(r.name, r.country) for r in organisation.recipients] == [(r["name"], r["country"]) for r in doc["recipients"]]
    assert organisation.controller.provenance[0].quote == doc["controller"]["provenance"]["quote"]


# -- mutated declarations ---------------------------------------------------------------------------

def _paths(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """The path of every value below ``value``."""
    items = list(value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ())
    return [path + (key,) for key, _ in items] + [p for key, item in items for p in _paths(item, path + (key,))]


def _ids(doc: dict[str, Any]) -> list[str]:
    return [v for p in _paths(doc) if p[-1] == "id" for v in [_at(doc, p)]]


def _at(doc: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


REPLACEMENTS = [1, -1, 1.5, 10**30, True, False, None, "NO", "", [], {}, "unknown", "x" * 301, "2023-02-30",
                [[[[]]]], {"unknown": 1}, "sub_processor", "P1Y"]
"""Values of the wrong type, form or size, and references to nothing."""


@st.composite
def changed_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A generated declaration with one to three values replaced, deleted, or set to an id (another's, or none's)."""
    doc = draw(declarations())
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(doc)
        references = [p for p in paths if p[-1] in ("id", "parent") or "categories" in p[-2:]]
        *parent, last = draw(st.sampled_from(draw(st.sampled_from([paths, references or paths]))))
        container, ids = _at(doc, tuple(parent)), _ids(doc)
        operation = draw(st.sampled_from(["replace", "delete", "same id", "no such id"]))
        if operation == "delete" and isinstance(container, dict):
            del container[last]
        elif operation == "same id" and ids:
            container[last] = draw(st.sampled_from(ids))
        elif operation == "no such id":
            container[last] = "nowhere"
        else:
            container[last] = draw(st.sampled_from(REPLACEMENTS))
    return doc


TOKENS = [b"&a ", b"*a", b"<<: ", b"!!python/object/apply:os.system ", b"!x ", b"? ", b"---\n", b"...\n",
          b"%YAML 1.1\n", b"[" * 70, b"{", b"}", b"]", b"\t", b'"', b"'", b"|\n", b">-\n", b"#", b"\r", b"\r\n",
          b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xc3", b"\x1b[2J", b"- ", b": ", b"~", b"NO", b"0x", b"9" * 5000,
          b"\xe2\x80\xa8", b"@", b"`", b"organisation: other\n", b"pac: 1\n", b"x" * 300]
LINES = [b"---\n", b"<<: {pac: 2}\n", b"pac: 1\n", b"anchor: &a [*a]\n", b"x: !!python/name:os.system\n",
         b"x: &b [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(b"x%d: &b [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n" % i
                                                              for i in range(6)),
         b"deep: " + b"[" * 100 + b"]" * 100 + b"\n", b"long: " + b"x" * 100_001 + b"\n", b"? [a]\n: 1\n",
         b"number: " + b"9" * 5000 + b"\n"]
"""Whole lines that make a document hostile wherever they go at the top level."""


@st.composite
def mutations(draw: st.DrawFn) -> bytes:
    """A generated declaration, maybe with changed values, then with one to three edits of its bytes."""
    changed = draw(st.booleans())
    doc = draw(changed_documents() if changed else declarations())
    data = bytearray(EMITTERS[draw(st.sampled_from(sorted(EMITTERS)))](doc).encode("utf-8"))
    for _ in range(draw(st.integers(0, 2) if changed else st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        operation = draw(st.sampled_from(["delete", "insert", "token", "line", "repeat", "truncate"]))
        if operation == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif operation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif operation == "token":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif operation == "line":  # at the start of a line: the top level in block style
            start = data.rfind(b"\n", 0, at) + 1
            data[start:start] = draw(st.sampled_from(LINES))
        elif operation == "repeat":  # the line around ``at`` twice: a duplicate key or item
            start, end = data.rfind(b"\n", 0, at) + 1, data.find(b"\n", at)
            line = data[start:end + 1 if end >= 0 else len(data)]
            data[start:start] = line if line.endswith(b"\n") else line + b"\n"
        else:
            del data[at:]
    return bytes(data)


@settings(FUZZ, max_examples=400)
@given(data=mutations())
def test_mutated_declarations_load_or_fail_with_located_errors(data: bytes):
    loaded, path = load_text(data)
    if not isinstance(loaded, InvalidInput):
        event("loaded")
        return
    lines = len(re.split(rb"\r\n|\r|\n", data))
    for error in loaded.errors:
        event(f"error: {error.kind}")
        assert error.kind in KINDS and error.message
        assert error.location.file == display(path)
        assert 0 <= error.location.line <= lines + 1 and error.location.column >= 0  # (+1: the end of the file)
        assert error.location.line or not error.location.column  # line 0 (the whole file) has no column
        shown = error.format()
        assert shown.startswith(f"{printable(display(path))}:{error.location.line}:{error.location.column}: error: ")
        assert not UNPRINTABLE.search(shown) and shown.count("\n") == bool(error.hint)


# -- plain scalars ----------------------------------------------------------------------------------

def core_schema(value: str) -> Any:
    """The YAML 1.2.2 core schema's resolution of an untagged plain scalar (§10.3.2), written from its table."""
    if re.fullmatch(r"null|Null|NULL|~|", value):
        return None
    if re.fullmatch(r"true|True|TRUE|false|False|FALSE", value):
        return value[0] in "tT"
    if re.fullmatch(r"[-+]?[0-9]+", value):
        return int(value)
    if re.fullmatch(r"0o[0-7]+", value):
        return int(value[2:], 8)
    if re.fullmatch(r"0x[0-9a-fA-F]+", value):
        return int(value[2:], 16)
    if re.fullmatch(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", value):
        return float(value)
    if re.fullmatch(r"[-+]?(\.inf|\.Inf|\.INF)", value):
        return -math.inf if value[0] == "-" else math.inf
    if re.fullmatch(r"\.nan|\.NaN|\.NAN", value):
        return math.nan
    return value


SCALAR_PIECES = ["+", "-", ".", "0", "1", "7", "9", "a", "e", "E", "x", "o", "_", ":", "~", "inf", "Inf", "INF",
                 "iNf", "nan", "NaN", "nAn", "true", "True", "tRUE", "false", "null", "Null", "nULL", "yes", "NO"]
"""Pieces of the core schema's numbers, booleans and nulls, and of near misses (a YAML 1.1 boolean, odd case)."""


@settings(FUZZ, max_examples=300)
@given(value=st.lists(st.sampled_from(SCALAR_PIECES), min_size=1, max_size=4).map("".join))
def test_plain_scalars_resolve_as_the_yaml_1_2_core_schema_says(value: str):
    try:
        resolved = parse(f"a: {value}\n".encode(), "x.yaml")["a"]
    except InvalidInput:
        return  # not a plain scalar in this position (e.g. "-" alone starts a list)
    expected = core_schema(value)
    assert type(resolved) is type(expected)
    assert resolved == expected or (isinstance(expected, float) and math.isnan(expected) and math.isnan(resolved))


# -- outputs ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_plugins()


@settings(FUZZ, max_examples=25)
@given(doc=declarations())
def test_every_output_shows_untrusted_strings_as_inert_text(engine: Engine, doc: dict[str, Any]):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.yaml"
        path.write_text(block(doc), encoding="utf-8")
        (organisation,) = load([path])
        found = engine.evaluate(organisation, AS_OF).all_findings()
        run = Run(AS_OF, "0", engine.checks, (OrganisationRecord.of(organisation),), tuple(found), ())
        outputs = {"json": findings.render(run), "sarif": sarif.render(run), "md": markdown.render(run),
                   "html": html.page(run, {organisation.id: html.Drawing(missing="not drawn")}),
                   "dot": diagram.diagram(organisation, engine.reference, AS_OF, findings=found).source,
                   "terminal": "\n".join(describe(f) for f in found)}
    for name, output in outputs.items():
        assert not UNPRINTABLE.search(output), name

    assert json.loads(outputs["json"])["organisations"][0]["name"] == doc["controller"]["legal_name"]
    for result in json.loads(outputs["sarif"])["runs"][0]["results"]:
        message = result["message"]["text"]
        assert "\n" not in message and not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", message)

    assert set(re.findall(r"(?<!\\)</?([a-zA-Z!][\w-]*)", outputs["md"])) <= {"details", "summary"}
    rows = [line for line in outputs["md"].splitlines() if line.startswith("|")]
    assert len({len(re.findall(r"(?<!\\)\|", row)) for row in rows}) == 1

    document = parse_html(outputs["html"])[0]
    elements = list(document.iter())
    assert not {e.tag for e in elements} & {"iframe", "object", "embed", "svg", "b", "base"}
    assert [s.text() for s in document.iter("script")] == [html.SCRIPT]  # pac's own script only
    assert [f.attrs["class"] for f in document.iter("form")] == ["filters"]
    assert not [a for e in elements for a in e.attrs if a.startswith("on")]

    expected_lines = sum(4 + max(len(f.evidence), 1) for f in found)
    assert len(outputs["terminal"].splitlines()) == expected_lines
    if shutil.which("dot"):
        canon = subprocess.run(["dot", "-Tcanon"], input=outputs["dot"], capture_output=True, text=True, timeout=60)
        assert canon.returncode == 0 and not canon.stderr, canon.stderr
