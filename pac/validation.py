"""JSON Schema validation of parsed declarations, with every violation located in the YAML."""

from __future__ import annotations

import difflib
import json
import re
from datetime import date
from functools import cache, partial
from importlib.resources import files
from itertools import islice
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

import fastjsonschema
from fastjsonschema.draft07 import CodeGeneratorDraft07

from .errors import LocatedError, Location
from .yamlio import LocDict, LocList, Pos

if TYPE_CHECKING:  # pragma: no cover
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

TermLookup = Callable[[str], "str | None"]
"""Maps a source-language term (e.g. Dutch 'gerechtvaardigd belang') to an enum key, or None."""


@cache
def schema(name: str = "declaration") -> dict[str, Any]:
    """A JSON Schema packaged with pac (``declaration``, ``waivers``, ``findings``)."""
    return json.loads((files("pac") / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))


MAX_ERRORS = 100
"""Schema errors reported per file at most: describing every error of a file that is wrong throughout
(or hostile: a million unknown keys) would take minutes and help nobody."""

_DOLLAR = re.compile(r"(?<!\\)\$")


def _end_anchored(node: Any) -> Any:
    """``node`` with every ``pattern``'s ``$`` written ``\\Z``: in JSON Schema (ECMA-262) ``$`` matches only
    at the end of the string, in Python also before a final newline (so ``"mailchimp\\n"`` would pass as an id)."""
    if isinstance(node, dict):
        return {key: _DOLLAR.sub(r"\\Z", value) if key == "pattern" and isinstance(value, str) else _end_anchored(value)
                for key, value in node.items()}
    if isinstance(node, list):
        return [_end_anchored(item) for item in node]
    return node


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def is_date(value: Any) -> bool:
    """The ``date`` format (RFC 3339 full-date: YYYY-MM-DD, a day in the calendar), one rule for both
    validators: how strictly each library checks a date on its own differs between their versions."""
    if not isinstance(value, str):
        return True
    try:
        return bool(_DATE.fullmatch(value)) and bool(date.fromisoformat(value))
    except ValueError:
        return False


@cache
def _validator(name: str) -> Draft202012Validator:
    """The published 2020-12 validator, which describes what is wrong; imported only when the gate rejects (it takes
    longer to import than valid input takes to validate)."""
    from jsonschema import Draft202012Validator, FormatChecker

    formats = FormatChecker(())
    formats.checks("date")(is_date)
    return Draft202012Validator(_end_anchored(schema(name)), format_checker=formats)


def _draft7(name: str) -> dict[str, Any]:
    """The schema as draft 7, which fastjsonschema compiles.

    The schemas use only keywords whose meaning is the same in drafts 7 and 2020-12, so the
    draft-7 compiler accepts exactly what the published 2020-12 schema accepts; the tests hold
    the two validators to that on every fixture."""
    return {**schema(name), "$schema": "http://json-schema.org/draft-07/schema#"}


_FORMATS = {"date": is_date}

_SCHEMA_MAPS = ("properties", "$defs", "definitions", "patternProperties")
"""Keywords whose value maps names to schemas (of other values than the one the keyword applies to)."""
_SAME_VALUE = ("anyOf", "allOf", "oneOf", "if", "then", "else")
"""Keywords whose schemas apply to the same value as the schema holding them."""


def _forbidden(node: Any) -> list[str] | None:
    """The keys that ``{"not": node}`` forbids when ``node`` only requires one of them (``{"required": [k]}``, or an
    ``anyOf`` of such); None for any other ``node``."""
    if isinstance(node, dict) and set(node) <= {"required", "description"} and len(node.get("required", ())) == 1:
        return list(node["required"])
    if isinstance(node, dict) and set(node) <= {"anyOf", "description"} and "anyOf" in node:
        keys = [_forbidden(branch) for branch in node["anyOf"]]
        return None if None in keys else [key for branch in keys for key in branch]  # type: ignore[union-attr]
    return None


def _gate_form(node: Any, is_object: bool = False) -> Any:
    """``node`` with the same verdicts, in a form fastjsonschema compiles to code that raises no exception on valid
    input where it can: on a value known to be a mapping, ``"not": {"required": ["fact"]}`` (compiled as a check
    that raises, and so passes, whenever the key is absent, as it is on most valid input) becomes
    ``"properties": {"fact": false}``, which fails only when the key is there."""
    if isinstance(node, list):
        return [_gate_form(item) for item in node]
    if not isinstance(node, dict):
        return node
    is_object = is_object or node.get("type") == "object"
    form: dict[str, Any] = {}
    for key, value in node.items():
        keys = _forbidden(value) if key == "not" and is_object else None
        if keys is not None:
            form.setdefault("allOf", []).append({"properties": dict.fromkeys(keys, False)})
        elif key in _SCHEMA_MAPS and isinstance(value, dict):
            form[key] = {name: _gate_form(sub) for name, sub in value.items()}
        elif key in _SAME_VALUE:
            same = [_gate_form(sub, is_object) for sub in value] if isinstance(value, list) else _gate_form(value, is_object)
            form[key] = [*form.get(key, []), *same] if key == "allOf" else same
        elif key in ("items", "additionalProperties", "not"):
            form[key] = _gate_form(value)
        else:
            form[key] = value
    return form


class _Verdict(CodeGeneratorDraft07):
    """fastjsonschema's code generator with plain exceptions (no copy of the failing value and of its schema in the
    code: a fifth of the code to compile, and cheaper exceptions, which valid input raises too, in ``anyOf``s)."""

    def __init__(self, definition: dict[str, Any]):
        super().__init__(definition, formats=_FORMATS, detailed_exceptions=False)

    def exc(self, msg: str, *args: Any, append_to_msg: str | None = None, rule: str | None = None) -> None:
        # fastjsonschema 2.22 names the detailed exceptions' own argument in its message for const (a KeyError here)
        super().exc(msg.replace("{definition_rule}", "{const}"), *args, append_to_msg=append_to_msg, rule=rule)


@cache
def _gate(name: str) -> Callable[[Any], Any]:
    """A compiled validator for the common case of valid input (about 8x faster than jsonschema): it says only
    whether the document is valid (:func:`_gate_message` says why not)."""
    generator = _Verdict(_gate_form(_draft7(name)))
    code = _NAMED_BY_LOCALS.sub(r'f"\1"', generator.func_code)
    state = generator.global_state
    exec(code, state)  # as fastjsonschema.compile does, with the code above
    root = _FIRST_FUNCTION.search(code).group(1)  # type: ignore[union-attr]
    return partial(state[root], custom_formats=_FORMATS)


_NAMED_BY_LOCALS = re.compile(r'"((?:\\.|[^"\\{}]|\{[A-Za-z_]\w*\})*)"\.format\(\*\*locals\(\)\)')
"""fastjsonschema names each list item it validates (for its error messages) with ``"[{data_x}]".format(**locals())``:
a dict of every local variable per item, a fifth of the time valid input takes. The same string as an f-string
names the same variables without that dict."""
_FIRST_FUNCTION = re.compile(r"^def (\w+)\(", re.MULTILINE)
"""The validation function of the schema itself, which fastjsonschema writes first."""


def _gate_message(name: str, data: Any) -> str:
    """fastjsonschema's detailed message on a document the gate rejects (compiled only then)."""
    try:
        fastjsonschema.compile(_draft7(name), formats=_FORMATS)(data)
    except fastjsonschema.JsonSchemaValueException as rejected:
        return rejected.message
    return "the document does not match the schema"  # pragma: no cover - the two compilations agree


def json_path(path: Iterable[str | int]) -> str:
    """``$.activities[2].purposes[0]`` for the path ``('activities', 2, 'purposes', 0)``."""
    return "$" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)


def _position(root: Any, path: Iterable[str | int]) -> Pos:
    """The position of the value at ``path``, or of the nearest located value above it."""
    node, pos = root, getattr(root, "pos", (1, 1))
    for step in path:
        if isinstance(node, LocDict) and step in node.locs:
            pos = node.value_pos(step)  # type: ignore[arg-type]
        elif isinstance(node, LocList) and isinstance(step, int) and step < len(node.locs):
            pos = node.locs[step]
        else:
            break
        node = node[step]
    return pos


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, (dict, list)) else type(value).__name__
    return text if len(text) <= 60 else text[:57] + "..."


_TYPE_NAMES = {"string": "a string", "integer": "a whole number", "boolean": "true or false", "object": "a mapping",
               "array": "a list", "number": "a number", "null": "null"}


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value}"
    return f"the string {_show(value)}"


def _suggest(value: Any, allowed: Iterable[Any], terms: TermLookup | None) -> str:
    if not isinstance(value, str):
        return ""
    if terms:
        key = terms(value)
        if key:
            return f"the notice's term {value!r} is written {key!r} in a declaration"
    close = difflib.get_close_matches(value, [a for a in allowed if isinstance(a, str)], n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""


def _branch_error(error: ValidationError) -> ValidationError | None:
    """For a failed oneOf/anyOf, the error of the branch that fits the value's type best."""
    from jsonschema.exceptions import best_match

    fitting = [e for e in error.context or () if not (e.validator == "type" and not e.relative_path)]
    return best_match(fitting) if fitting else None


class _Describer:
    """Turns jsonschema errors into located errors for one file."""

    def __init__(self, root: Any, file: str, terms: TermLookup | None):
        self.root, self.file, self.terms = root, file, terms

    def error(self, path: Iterable[str | int], pos: Pos, message: str, hint: str = "") -> LocatedError:
        return LocatedError(Location(self.file, pos[0], pos[1]), "schema", f"{json_path(path)}: {message}", hint)

    def describe(self, error: ValidationError) -> Iterator[LocatedError]:
        path = list(error.absolute_path)
        value, kind, spec = error.instance, error.validator, error.validator_value
        pos = _position(self.root, path)
        if kind == "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            for key in (k for k in value if k not in allowed):  # in document order
                key_pos = value.key_pos(key) if isinstance(value, LocDict) else pos
                hint = _suggest(key, allowed, None) or f"allowed keys here: {', '.join(allowed)}"
                yield self.error(path + [key], key_pos, f"unknown key {key!r}", hint)
        elif kind == "required":
            missing = [k for k in spec if k not in value]
            yield self.error(path, pos, f"missing required key {missing[0]!r}" if len(missing) == 1
                             else f"missing required keys {', '.join(map(repr, missing))}",
                             error.schema.get("description", ""))
        elif kind == "type":
            yield self.error(path, pos, f"expected {_TYPE_NAMES.get(spec, spec)}, found {_type_name(value)}",
                             _type_hint(value, spec))
        elif kind == "enum":
            yield self.error(path, pos, f"{_show(value)} is not one of the allowed values",
                             _suggest(value, spec, self.terms) or _enum_hint(error, spec))
        elif kind == "const":
            yield self.error(path, pos, f"{_show(value)} must be {_show(spec)}", error.schema.get("description", ""))
        elif kind == "pattern" or kind == "format":
            yield self.error(path, pos, f"{_show(value)} is not {_pattern_name(error)}", error.schema.get("description", ""))
        elif kind in ("oneOf", "anyOf"):
            branch = _branch_error(error)
            if branch is not None and (branch.relative_path or branch.validator not in ("required", "not")):
                yield from self.describe(branch)
            else:
                yield self.error(path, pos, "these keys do not form one of the allowed combinations",
                                 error.schema.get("description", ""))
        elif kind == "not":
            forbidden = spec.get("required", []) if isinstance(spec, dict) else []
            yield self.error(path, pos, f"key {forbidden[0]!r} is not allowed here" if forbidden else "this is not allowed here",
                             error.parent.schema.get("description", "") if error.parent else "")
        elif kind == "uniqueItems":
            yield self.error(path, pos, "the list holds the same entry twice", "remove the repeated entry")
        elif kind == "minLength":
            yield self.error(path, pos, "the value is empty" if spec == 1 else f"the value is shorter than {spec} characters",
                             error.schema.get("description", ""))
        elif kind == "maxLength":
            yield self.error(path, pos, f"the value is longer than {spec} characters", error.schema.get("description", ""))
        elif kind == "minItems":
            yield self.error(path, pos, "the list is empty", error.schema.get("description", ""))
        elif kind in ("minimum", "maximum"):
            yield self.error(path, pos, f"{_show(value)} is {'less' if kind == 'minimum' else 'more'} than {spec}, the {kind}",
                             error.schema.get("description", ""))
        else:
            yield self.error(path, pos, error.message, error.schema.get("description", ""))


def _type_hint(value: Any, expected: str) -> str:
    if expected == "string" and isinstance(value, (bool, int, float)):
        return "quote the value to make it a string, e.g. \"NO\" or \"56029837\""
    if expected == "string" and value is None:
        return "give a value, or leave the key out when the notice does not state it"
    return ""


def _enum_hint(error: ValidationError, allowed: list[Any]) -> str:
    description = error.schema.get("description", "")
    if len(allowed) > 30:
        return description
    return f"allowed: {', '.join(map(str, allowed))}"


def _pattern_name(error: ValidationError) -> str:
    if error.validator == "format":
        return f"a valid {error.validator_value} (YYYY-MM-DD)" if error.validator_value == "date" else f"a valid {error.validator_value}"
    return "in the expected form"


_VALUE_CHECKS = ("type", "const", "enum", "pattern", "format", "minLength", "maxLength")
"""Checks on one value, most telling first: a value of the wrong type needs no word on its pattern."""


def _most_specific(errors: Iterable[ValidationError]) -> list[ValidationError]:
    """Drop value checks that a more telling check on the same value already reports."""
    kept: dict[object, ValidationError] = {}
    for index, error in enumerate(errors):
        if error.validator not in _VALUE_CHECKS:
            kept[index] = error
            continue
        key = tuple(error.absolute_path)
        current = kept.get(key)
        if current is None or _VALUE_CHECKS.index(error.validator) < _VALUE_CHECKS.index(current.validator):
            kept[key] = error
    return list(kept.values())


def schema_errors(data: Any, file: str, name: str = "declaration", terms: TermLookup | None = None) -> list[LocatedError]:
    """Every schema violation in ``data`` (parsed from ``file``) as a located error, in document order."""
    try:
        _gate(name)(data)
        return []
    except fastjsonschema.JsonSchemaValueException:
        pass
    describer = _Describer(data, file, terms)
    raw = list(islice(_validator(name).iter_errors(data), MAX_ERRORS + 1))
    found = {}
    for located in (e for error in _most_specific(raw[:MAX_ERRORS]) for e in describer.describe(error)):
        found.setdefault((located.location, located.message), located)
        if len(found) > MAX_ERRORS:
            break
    if not found:  # the validators disagree: never accept what either rejects
        found[None] = LocatedError(Location(file, *getattr(data, "pos", (1, 1))), "schema", _gate_message(name, data))
    errors = sorted(found.values(), key=lambda e: e.location)
    if len(raw) > MAX_ERRORS or len(errors) > MAX_ERRORS:
        errors = errors[:MAX_ERRORS]
        errors.append(LocatedError(errors[-1].location, "schema", f"more schema errors follow; pac reports {MAX_ERRORS} per file",
                                   "fix these and validate again"))
    return errors
