"""Schema validation: the published schema, located messages, and the fast gate agreeing with jsonschema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

import fastjsonschema
import jsonschema
import pytest
from jsonschema import Draft202012Validator, FormatChecker

from pac import validation
from pac.errors import LocatedError
from pac.validation import _gate, _validator, schema
from pac.yamlio import parse

POLICIES = Path(__file__).resolve().parent.parent / "policies"


def walk(node: Any, path: str = "$") -> Iterator[tuple[str, dict]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}/{index}")


def test_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_property_has_a_description():
    """Editors show a property's description, or that of the definition it refers to."""
    definitions = schema()["$defs"]

    def described(spec: dict) -> bool:
        return "description" in spec or "description" in definitions.get(spec.get("$ref", "").rpartition("/")[2], {})

    missing = [f"{path}/{name}" for path, node in walk(schema()) if "/if" not in path  # conditions declare nothing
               for name, spec in node.get("properties", {}).items() if not described(spec)]
    assert missing == []


def test_every_object_is_closed():
    """Unknown keys are errors everywhere (fail closed), not silently dropped."""
    open_objects = [path for path, node in walk(schema()) if node.get("type") == "object"
                    and node.get("additionalProperties") is not False]
    assert open_objects == []


def keywords(node: Any) -> set[str]:
    """The keywords used by a schema and its subschemas (property names are not keywords)."""
    if not isinstance(node, dict):
        return set()
    found = set(node)
    for key, value in node.items():
        if key in ("properties", "$defs"):
            found |= {k for sub in value.values() for k in keywords(sub)}
        elif key in ("items", "not", "if", "then", "else", "additionalProperties"):
            found |= keywords(value)
        elif key in ("oneOf", "anyOf", "allOf"):
            found |= {k for sub in value for k in keywords(sub)}
    return found


def test_only_keywords_shared_by_draft_7_and_2020_12_are_used():
    """The fast gate compiles the schema as draft 7; that is sound only for keywords both drafts share."""
    shared = {"$schema", "$id", "$ref", "$defs", "title", "description", "type", "properties", "required",
              "additionalProperties", "items", "enum", "const", "pattern", "format", "minLength", "maxLength",
              "minimum", "maximum", "minItems", "uniqueItems", "oneOf", "anyOf", "allOf", "not", "if", "then", "else"}
    assert keywords(schema()) - shared == set()


def _documents() -> Iterator[tuple[str, Any]]:
    for path in sorted((Path(__file__).parent / "fixtures" / "constructs").rglob("*.yaml")):
        yield path.name, parse(path.read_bytes(), str(path))


MUTATIONS: list[Callable[[dict], None]] = [
    lambda d: d.update(extra=1),
    lambda d: d.update(pac=2),
    lambda d: d.update(pac=True),
    lambda d: d.update(organisation="Not An Id"),
    lambda d: d.setdefault("notice", {}).update(last_updated="2023-02-30"),
    lambda d: d.setdefault("notice", {}).update(last_updated=20230221),
    lambda d: d.update(recipients=[{"id": "x", "name": "x", "named": True, "role": "processor", "parent": "y",
                                    "provenance": {"fact": "f"}}]),
    lambda d: d.update(recipients=[{"id": "x", "name": "x", "named": True, "role": "sub_processor",
                                    "provenance": {"section": "s", "quote": "q", "fact": "f"}}]),
    lambda d: d.update(cookies=[{"id": "c", "name": "c", "type": "cookie", "category": "analytics", "duration": "forever",
                                 "provenance": {"section": "s", "quote": "q"}}]),
    lambda d: d.update(activities=[{"id": "a", "name": "a", "retention": [{"period": "P1Y", "until": "contract_end",
                                    "provenance": {"section": "s", "quote": "q"}}], "provenance": {"section": "s", "quote": "q"}}]),
    lambda d: d.update(data_categories=[{"id": "c", "name": "c", "special": "healthy", "provenance": {"section": "s", "quote": "q"}}]),
]


@pytest.mark.parametrize("mutation", range(len(MUTATIONS)))
def test_fast_gate_and_jsonschema_agree(mutation: int):
    for name, document in _documents():
        assert _validator("declaration").is_valid(document), name
        _gate("declaration")(document)  # valid fixtures pass the gate too
        mutated = json.loads(json.dumps(document))
        MUTATIONS[mutation](mutated)
        with pytest.raises(fastjsonschema.JsonSchemaValueException):
            _gate("declaration")(mutated)
        assert not _validator("declaration").is_valid(mutated)


def where(errors: list[LocatedError]) -> list[tuple[int, int, str]]:
    return [(e.location.line, e.location.column, e.message) for e in errors]


def test_unknown_key_is_located_at_the_key_with_a_suggestion(errors_of):
    (error,) = errors_of("""\
        controller:
          legal_name: X B.V.
          contry: NL
          provenance: {section: A, quote: b}
        """)
    assert where([error]) == [(5, 3, "$.controller.contry: unknown key 'contry'")]
    assert error.hint == "did you mean 'country'?"
    assert error.location.file.endswith("demo.yaml")


def test_wrong_type_says_what_was_found_and_how_to_fix_it(errors_of):
    (error,) = errors_of("""\
        controller:
          registration: {register: KvK, number: 81818793, provenance: {section: A, quote: b}}
          provenance: {section: A, quote: b}
        """)
    assert where([error]) == [(4, 41, "$.controller.registration.number: expected a string, found the number 81818793")]
    assert "quote the value" in error.hint


def test_bad_enum_suggests_the_closest_value(errors_of):
    (error,) = errors_of("""\
        activities:
          - id: a
            name: A
            purposes:
              - {id: p, name: P, legal_basis: consnet, provenance: {section: A, quote: b}}
            provenance: {section: A, quote: b}
        """)
    assert where([error]) == [(7, 39, '$.activities[0].purposes[0].legal_basis: "consnet" is not one of the allowed values')]
    assert error.hint == "did you mean 'consent'?"


@pytest.mark.parametrize("value, message", [
    ("XX", '"XX" is not one of the allowed values'),
    ("EL", '"EL" is not one of the allowed values'),
    ("nl", '"nl" is not one of the allowed values'),
    ("false", "expected a string, found true or false"),
])
def test_bad_country_is_refused(errors_of, value: str, message: str):
    (error,) = errors_of(f"controller: {{country: {value}, provenance: {{section: A, quote: b}}}}\n")
    assert error.message == f"$.controller.country: {message}"
    assert (error.location.line, error.location.column) == (3, 23)


@pytest.mark.parametrize("value, message", [
    ("2023-02-30", '"2023-02-30" is not a valid date (YYYY-MM-DD)'),
    ("21-08-2023", '"21-08-2023" is not in the expected form'),
    ("'21 augustus 2023'", '"21 augustus 2023" is not in the expected form'),
])
def test_bad_dates_are_refused(errors_of, value: str, message: str):
    (error,) = errors_of(f"notice:\n  last_updated: {value}\n")
    assert where([error]) == [(4, 17, f"$.notice.last_updated: {message}")]


@pytest.mark.parametrize("age, message", [(30, "30 is more than 21, the maximum"), (-1, "-1 is less than 0, the minimum")])
def test_a_number_out_of_range_is_refused_in_pacs_words(errors_of, age: int, message: str):
    (error,) = errors_of(f"notice:\n  children: {{minimum_age: {age}, provenance: {{section: A, quote: b}}}}\n")
    assert where([error]) == [(4, 27, f"$.notice.children.minimum_age: {message}")]


@pytest.fixture
def lax_date_rules(monkeypatch):
    """Both validator libraries as some of their versions are: any string passes as a date (fastjsonschema
    before 2.22 let 2023-02-30 through; jsonschema checks only the formats it is given)."""
    compile_schema = fastjsonschema.compile
    monkeypatch.setattr(fastjsonschema, "compile", lambda definition, formats=None, **options: compile_schema(
        definition, formats={"date": "^.*$", **(formats or {})}, **options))
    lax = FormatChecker(())
    lax.checks("date")(lambda value: True)
    monkeypatch.setattr(jsonschema, "FormatChecker", lambda *formats: lax)  # imported when the gate rejects
    _gate.cache_clear(), _validator.cache_clear()
    yield
    _gate.cache_clear(), _validator.cache_clear()


def test_an_impossible_date_is_refused_whatever_date_rule_the_libraries_have(lax_date_rules, errors_of):
    (error,) = errors_of("notice:\n  last_updated: 2023-02-30\n")
    assert where([error]) == [(4, 17, '$.notice.last_updated: "2023-02-30" is not a valid date (YYYY-MM-DD)')]


@pytest.mark.parametrize("value", ["7 years", "P", "PT", "P1Y2", "p7y", "P1.5Y", "7Y"])
def test_bad_durations_are_refused(errors_of, value: str):
    (error,) = errors_of(f"""\
        activities:
          - id: a
            name: A
            retention: [{{period: "{value}", limit: at_most, provenance: {{section: A, quote: b}}}}]
            provenance: {{section: A, quote: b}}
        """)
    assert error.message.startswith("$.activities[0].retention[0].period:")
    assert "ISO 8601" in error.hint


def test_dutch_legal_basis_term_is_mapped_in_the_hint(errors_of):
    (error,) = errors_of("""\
        activities:
          - id: a
            name: A
            purposes: [{id: p, name: P, legal_basis: gerechtvaardigd belang, provenance: {section: A, quote: b}}]
            provenance: {section: A, quote: b}
        """)
    assert error.hint == "the notice's term 'gerechtvaardigd belang' is written 'legitimate_interests' in a declaration"


def test_retention_forms_are_exclusive(errors_of):
    (error,) = errors_of("""\
        activities:
          - id: a
            name: A
            retention: [{period: P1Y, limit: at_most, until: account_deletion, provenance: {section: A, quote: b}}]
            provenance: {section: A, quote: b}
        """)
    assert error.message == "$.activities[0].retention[0]: these keys do not form one of the allowed combinations"
    assert "retention rule" in error.hint


def test_provenance_needs_a_quote_or_a_fact(errors_of):
    (error,) = errors_of("data_subjects: [{id: s, name: S, provenance: {section: A}}]\n")
    assert error.message == "$.data_subjects[0].provenance: these keys do not form one of the allowed combinations"


def test_sub_processor_needs_a_parent_and_only_it_may_have_one(errors_of):
    found = errors_of("""\
        recipients:
          - {id: a, name: A, named: true, role: sub_processor, provenance: {section: A, quote: b}}
          - {id: b, name: B, named: true, role: processor, parent: a, provenance: {section: A, quote: b}}
        """)
    assert [e.message for e in found] == ["$.recipients[0]: missing required key 'parent'",
                                          "$.recipients[1]: key 'parent' is not allowed here"]


def test_every_error_of_a_file_is_reported_at_once(errors_of):
    found = errors_of("""\
        colour: red
        controller: {country: XX, provenance: {section: A, quote: b}}
        notice: {last_updated: 2023-13-01}
        """)
    assert [e.location.line for e in found] == [3, 4, 5]


def test_missing_format_version_is_reported(write):
    from pac.errors import InvalidInput
    from pac.loader import load

    with pytest.raises(InvalidInput) as raised:
        load([write("organisation: demo\n")])
    assert raised.value.errors[0].message == "$: missing required key 'pac'"


def test_non_mapping_and_empty_files_are_refused(write):
    from pac.errors import InvalidInput
    from pac.loader import load

    for text, message in [("", "the file is empty"), ("- a\n- b\n", "the top level of a declaration must be a mapping")]:
        with pytest.raises(InvalidInput) as raised:
            load([write(text)])
        assert raised.value.errors[0].message == message


def test_packaged_schema_file_is_what_pac_schema_prints(capsys):
    from pac.cli import main

    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads((Path(__file__).parents[1] / "pac/schema/declaration.schema.json").read_text())


def test_valid_declarations_are_validated_without_importing_jsonschema(tmp_path):
    """jsonschema describes what is wrong; valid input passes the compiled gate alone (importing jsonschema takes
    longer than validating a large organisation's valid input costs beyond the gate)."""
    script = ("import sys; from pac.loader import load; load([sys.argv[1]]); "
              "assert 'jsonschema' not in sys.modules, 'jsonschema imported'")
    subprocess.run([sys.executable, "-c", script, str(POLICIES / "we4u.yaml")], check=True)


def test_the_gate_compiles_plain_code_without_a_dict_of_locals_per_list_item():
    """fastjsonschema's code names each list item with ``.format(**locals())``; pac's gate uses f-strings instead
    (a fifth of the time valid input takes) and plain exceptions (a fifth of the code to compile)."""
    gate = _gate("declaration")
    functions = [f for f in gate.func.__globals__.values() if getattr(f, "__name__", "").startswith("validate")]
    assert functions and not any("locals" in f.__code__.co_names for f in functions)
    document = parse(b"pac: 1\norganisation: x\nactivities:\n  - {id: a, name: A}\n", "x.yaml")
    with pytest.raises(fastjsonschema.JsonSchemaValueException) as rejected:
        gate(document)
    assert rejected.value.definition is None  # no copy of the schema in every exception


def test_when_jsonschema_finds_nothing_the_gate_says_what_it_rejected(monkeypatch):
    """The two validators never disagree on the fixtures; should they, the document is refused all the same, with
    fastjsonschema's detailed message."""
    monkeypatch.setattr(validation, "_validator", lambda name: Draft202012Validator({}))
    document = parse(b"pac: 1\norganisation: x\nactivities:\n  - {id: a, name: A}\n", "x.yaml")
    (error,) = validation.schema_errors(document, "x.yaml")
    assert (error.location.line, error.message) == (1, "data.activities[0] must contain ['provenance'] properties")


FORBIDDING = {"type": "object", "properties": {"not": {"type": "string"}}, "anyOf": [
    {"required": ["quote"], "not": {"required": ["fact"]}},
    {"required": ["fact"], "not": {"anyOf": [{"required": ["quote"]}, {"required": ["section"]}]}}]}
"""``not`` forbidding keys on a mapping (a property named ``not`` among its properties, which is no keyword)."""


def test_the_gate_forbids_keys_on_a_mapping_without_raising_when_they_are_absent():
    """On a value known to be a mapping, ``"not": {"required": [k]}`` (which fastjsonschema compiles as a check that
    raises whenever ``k`` is absent, as on most valid input) is compiled as ``"properties": {k: false}``."""
    form = validation._gate_form(FORBIDDING)
    assert form["properties"] == FORBIDDING["properties"]
    assert [{key: branch[key] for key in sorted(branch)} for branch in form["anyOf"]] == [
        {"allOf": [{"properties": {"fact": False}}], "required": ["quote"]},
        {"allOf": [{"properties": {"quote": False, "section": False}}], "required": ["fact"]}]
    values = [{"quote": "q"}, {"fact": "f"}, {"quote": "q", "fact": "f"}, {"fact": "f", "section": "s"}, {},
              {"quote": "q", "not": 1}, {"quote": "q", "not": "x"}, [], "text", None]
    for value in values:  # the same verdicts as the schema as written
        assert Draft202012Validator(form).is_valid(value) == Draft202012Validator(FORBIDDING).is_valid(value), value
    # where the value may be something else than a mapping, `not` stays: it also fails there (a list has no keys)
    anything = {"not": {"required": ["fact"]}}
    assert validation._gate_form(anything) == anything


def test_the_gate_checks_a_valid_provenance_without_an_exception(monkeypatch):
    """(A list of provenances is still first tried as one: "must be object".)"""
    raised = []
    original = fastjsonschema.JsonSchemaValueException.__init__

    def counted(self: Any, *args: Any, **kwargs: Any) -> None:
        raised.append(args[0])
        original(self, *args, **kwargs)

    document = parse(POLICIES.joinpath("we4u.yaml").read_bytes(), "we4u.yaml")
    monkeypatch.setattr(fastjsonschema.JsonSchemaValueException, "__init__", counted)
    _gate("declaration")(document)
    assert raised and not [message for message in raised if "provenance" in message and "must be object" not in message]
