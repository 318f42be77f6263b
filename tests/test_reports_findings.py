"""findings.json and its published JSON Schema (Draft 2020-12)."""

from __future__ import annotations

import json
from typing import Any, Iterator

import pytest
from jsonschema import Draft202012Validator

from pac.reports import findings
from pac.validation import schema
from reports_support import findings_errors, sample_run

SCHEMA = schema("findings")


@pytest.fixture
def document() -> dict:
    return json.loads(findings.render(sample_run()))


def test_the_schema_is_draft_2020_12():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


def fields(node: Any, path: str = "$") -> Iterator[tuple[str, dict]]:
    """Every property, $defs entry, array item and alternative of the schema, with its path."""
    if not isinstance(node, dict):
        return
    for key in ("properties", "$defs"):
        for name, child in node.get(key, {}).items():
            yield f"{path}.{name}", child
            yield from fields(child, f"{path}.{name}")
    if isinstance(node.get("items"), dict):
        yield f"{path}[]", node["items"]
        yield from fields(node["items"], f"{path}[]")
    for index, child in enumerate(node.get("oneOf", ())):
        yield f"{path}|{index}", child
        yield from fields(child, f"{path}|{index}")


def test_every_field_is_described():
    described = [(path, "description" in child or "$ref" in child) for path, child in fields(SCHEMA)]
    assert len(described) > 30
    assert [path for path, ok in described if not ok] == []


def test_findings_json_matches_its_schema(document: dict):
    assert document["findings"] and findings_errors(document) == []


@pytest.mark.parametrize("spoil", [
    lambda d: d["findings"][0].update(severity="fatal"),
    lambda d: d["findings"][0].update(waived=True),  # waived, but no waiver
    lambda d: d["findings"][1].update(waived=False),  # a waiver, but not waived
    lambda d: d["findings"][0]["location"].update(line=-1),
    lambda d: d["findings"][0].update(extra="undocumented"),
    lambda d: d["organisations"][0]["sha256"].append("not a digest"),
    lambda d: d.update(as_of="2025-02-30"),
], ids=["severity", "waived-without-waiver", "waiver-not-waived", "line", "extra-field", "digest", "date"])
def test_the_schema_refuses_malformed_documents(document: dict, spoil):
    spoil(document)
    assert findings_errors(document)
