"""The located YAML reader: YAML 1.2 values, positions, and every hostile construct refused with a place."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pac import yamlio

from pac.errors import InvalidInput
from pac.yamlio import Limits, LocDict, LocList, parse, read_file


def errors(data: bytes, limits: Limits = Limits()) -> list[tuple[str, int, int, str]]:
    with pytest.raises(InvalidInput) as raised:
        parse(data, "x.yaml", limits)
    return [(e.kind, e.location.line, e.location.column, e.message) for e in raised.value.errors]


def test_yaml_1_2_core_scalars_keep_norway_and_dates_as_strings():
    value = parse(b"country: NO\nanswer: yes\nswitch: on\nwhen: 2023-08-21\nsexagesimal: 1:30\n"
                  b"n: 0777\nhex: 0x1F\nt: true\nnothing: ~\nempty:\nquoted: 'true'\nf: 1.5\n", "x.yaml")
    assert value == {"country": "NO", "answer": "yes", "switch": "on", "when": "2023-08-21", "sexagesimal": "1:30",
                     "n": 777, "hex": 31, "t": True, "nothing": None, "empty": None, "quoted": "true", "f": 1.5}


def test_keys_are_always_strings():
    assert parse(b"1: a\ntrue: b\nnull: c\n", "x.yaml") == {"1": "a", "true": "b", "null": "c"}


def test_positions_are_one_based_for_mappings_keys_values_and_items():
    value = parse(b"top:\n  key: value\n  list:\n    - first\n    - {inner: 1}\n", "x.yaml")
    assert isinstance(value, LocDict) and value.pos == (1, 1)
    top = value["top"]
    assert top.key_pos("key") == (2, 3) and top.value_pos("key") == (2, 8)
    items = top["list"]
    assert isinstance(items, LocList) and items.locs == [(4, 7), (5, 7)]
    assert items[1].value_pos("inner") == (5, 15)


def test_duplicate_keys_at_any_depth_are_all_reported_at_the_second_key():
    found = errors(b"a: 1\nb:\n  - c: 1\n    d: 2\n    c: 3\na: 4\n")
    assert found == [("duplicate-key", 5, 5, "duplicate key 'c' (first defined at line 3)"),
                     ("duplicate-key", 6, 1, "duplicate key 'a' (first defined at line 1)")]


def test_merge_keys_cannot_smuggle_a_second_value():
    found = errors(b"base: &b {role: processor}\nrecipient:\n  <<: *b\n  role: controller\n")
    assert [f[:3] for f in found] == [("merge-key", 3, 3)]


@pytest.mark.parametrize("document, tag", [
    (b"a: !!python/object:os.system {}\n", "!!python/object:os.system"),
    (b"a: !!python/name:os.system\n", "!!python/name:os.system"),
    (b"a: !!python/object/apply:os.system ['echo hi']\n", "!!python/object/apply:os.system"),
    (b"a: !!binary aGVsbG8=\n", "!!binary"),
    (b"a: !!timestamp 2020-01-01\n", "!!timestamp"),
    (b"a: !custom value\n", "!custom"),
    (b"a: !!set {x}\n", "!!set"),
])
def test_unsafe_and_unknown_tags_are_refused(document: bytes, tag: str):
    (found,) = errors(document)
    assert found[:3] == ("tag", 1, 4) and tag in found[3]


def test_core_tags_are_applied():
    assert parse(b"a: !!str 123\nb: !!int '12'\nc: !!bool 'true'\n", "x.yaml") == {"a": "123", "b": 12, "c": True}
    assert errors(b"a: !!int twelve\n")[0][:3] == ("tag", 1, 4)


def test_alias_bomb_is_refused_quickly():
    levels = [b"l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]".encode() for i in range(1, 10)]
    found = errors(b"\n".join(levels) + b"\n")
    assert found[0][0] == "alias" and "more than 100000 nodes" in found[0][3]


def test_modest_aliases_are_allowed():
    value = parse(b"p: &p {section: A, quote: q}\nitems: [*p, *p]\n", "x.yaml")
    assert value["items"] == [{"section": "A", "quote": "q"}] * 2


def test_recursive_alias_is_refused():
    assert errors(b"&a [*a]\n")[0][0] == "alias"


class _LookAheadLimitParser(yaml.SafeLoader):
    """libyaml 0.2.5 as PyYAML 6.0.4 bundles it: the scanner reads ahead and stops at 1000 levels itself."""

    def fetch_flow_collection_start(self, token_class):  # type: ignore[no-untyped-def]
        if self.flow_level >= 1000:
            raise yaml.scanner.ScannerError("while increasing flow level", self.get_mark(),
                                            "exceeded maximum nesting depth", self.get_mark())
        super().fetch_flow_collection_start(token_class)


@pytest.mark.parametrize("parser", [None, yaml.SafeLoader, _LookAheadLimitParser],
                         ids=["installed-libyaml", "no-look-ahead-limit", "libyaml-look-ahead-limit"])
def test_very_deep_nesting_is_refused_without_crashing_whichever_limit_trips_first(parser, monkeypatch):
    # libyaml's recursive composer segfaults on this; the event reader refuses it with pac's own error, whether
    # pac's count (64) or the parser's look-ahead limit (PyYAML 6.0.4: 1000) is reached first.
    if parser is not None:
        monkeypatch.setattr(yamlio, "_Parser", parser)
    depth = 2_000 if parser is _LookAheadLimitParser else 100_000
    [(kind, line, column, message)] = errors(b"[" * depth + b"]" * depth)
    assert (kind, line, message) == ("depth", 1, "nesting is deeper than 64 levels")
    assert column >= 65


def test_long_scalar_is_refused():
    found = errors(b"a: " + b"x" * 200, Limits(max_scalar_chars=100))
    assert found[0][:3] == ("size", 1, 4)


def test_more_than_one_document_is_refused():
    assert errors(b"a: 1\n---\nb: 2\n")[0][:3] == ("multi-document", 2, 1)


def test_tabs_get_a_hint():
    with pytest.raises(InvalidInput) as raised:
        parse(b"a:\n\tb: 1\n", "x.yaml")
    assert raised.value.errors[0].hint == "YAML indentation must use spaces, not tabs"


@pytest.mark.parametrize("data, line, column", [(b"a: \xff\xfe\n", 1, 4), (b"a: b\x00c\n", 1, 5)])
def test_undecodable_bytes_are_located(data: bytes, line: int, column: int):
    assert errors(data)[0][:3] == ("encoding", line, column)


def test_utf16_bom_utf8_bom_and_crlf_are_read():
    assert parse("a: ünï\n".encode("utf-16"), "x.yaml") == {"a": "ünï"}
    assert parse(b"\xef\xbb\xbfa: 1\r\nb: 2\r\n", "x.yaml") == {"a": 1, "b": 2}


def test_empty_document_is_none():
    assert parse(b"", "x.yaml") is None
    assert parse(b"# only a comment\n", "x.yaml") is None


def test_file_size_limit_is_checked_before_reading(tmp_path: Path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * 1000 + b"\n")
    with pytest.raises(InvalidInput) as raised:
        read_file(path, limits=Limits(max_bytes=100))
    (error,) = raised.value.errors
    assert error.kind == "size" and "--max-file-size" in error.hint


def test_unreadable_path_is_a_located_error(tmp_path: Path):
    with pytest.raises(InvalidInput) as raised:
        read_file(tmp_path)  # a folder, not a file
    assert raised.value.errors[0].kind == "file"


def test_committed_yaml_reads_the_same_with_the_pure_python_parser(monkeypatch):
    """A declaration must not depend on how PyYAML was built: libyaml reads '{section: Wie zijn wij?}', PyYAML's
    pure-Python parser does not, so the committed YAML quotes such values and both parsers give the same values."""
    root = Path(__file__).resolve().parents[1]
    committed = [(p.read_bytes(), str(p)) for folder in ("policies", "evaluation", "benchmarks", "checks", "pac", "graphs")
                 for p in sorted((root / folder).rglob("*.yaml"))]
    assert len(committed) > 100
    with_libyaml = [parse(data, name) for data, name in committed]
    monkeypatch.setattr(yamlio, "_Parser", yaml.SafeLoader)
    assert [parse(data, name) for data, name in committed] == with_libyaml


def test_a_question_mark_in_a_flow_mapping_gets_a_hint_from_the_pure_python_parser(monkeypatch):
    monkeypatch.setattr(yamlio, "_Parser", yaml.SafeLoader)
    with pytest.raises(InvalidInput) as raised:
        parse("notice:\n  provenance: {section: Wie zijn wij?, quote: wij}\n".encode(), "x.yaml")
    [error] = raised.value.errors
    assert (error.location.line, error.hint.split(":")[0]) == (2, 'put the value in double quotes ("Wie zijn wij?")')
    assert parse(b'notice: {section: "Wie zijn wij?", quote: wij}\n', "x.yaml") == {
        "notice": {"section": "Wie zijn wij?", "quote": "wij"}}


def test_the_hint_reads_the_line_in_the_files_own_encoding(monkeypatch):
    """The line the hint looks at is found as the parser counts lines, in a UTF-16 file too."""
    monkeypatch.setattr(yamlio, "_Parser", yaml.SafeLoader)
    data = "a:\n  b: {c: Wie?, d: 1}\n".encode("utf-16")
    with pytest.raises(InvalidInput) as raised:
        parse(data, "x.yaml")
    assert raised.value.errors[0].hint.startswith("put the value in double quotes")
