"""Safe, located YAML: libyaml's event stream turned into plain values that remember where they came from.

Why not ``yaml.safe_load``: it silently keeps the last of two duplicate keys, reads the country
code ``NO`` as ``False`` (YAML 1.1), turns dates into objects, forgets every line number, and
libyaml's recursive composer crashes the interpreter on deeply nested input. Reading the C
parser's events in one loop avoids all of that and is faster than ``CSafeLoader`` itself.

Mappings become :class:`LocDict` and sequences :class:`LocList`; both carry 1-based positions
for themselves, their keys and their values. Scalars follow the YAML 1.2 core schema: only
``true``/``false`` are booleans, only ``null``/``~``/empty is null, dates stay strings.
"""

from __future__ import annotations

import gc
import math
import os
import re
import stat
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml
from yaml import events as ev

from .errors import InvalidInput, LocatedError, Location

# libyaml's C parser when PyYAML was built with it (the locked wheels are), else PyYAML's pure-Python one. One
# difference matters here: the pure one ends an unquoted value at a '?' inside { } or [ ] ("{section: Wie zijn wij?}"),
# which libyaml reads as YAML 1.2 allows; its error says to quote the value, and the committed YAML is read by both
# (tests/test_yamlio.py).
try:
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

Pos = tuple[int, int]
"""A 1-based (line, column) pair."""


class LocDict(dict):
    """A YAML mapping: ``pos`` is where it starts, ``locs[key]`` is (key line, key column, value line, value column)."""

    __slots__ = ("pos", "locs")
    pos: Pos
    locs: dict[str, tuple[int, int, int, int]]

    def key_pos(self, key: str) -> Pos:
        kl, kc, _, _ = self.locs[key]
        return kl, kc

    def value_pos(self, key: str) -> Pos:
        _, _, vl, vc = self.locs[key]
        return vl, vc


class LocList(list):
    """A YAML sequence: ``pos`` is where it starts, ``locs[i]`` is where item ``i`` starts."""

    __slots__ = ("pos", "locs")
    pos: Pos
    locs: list[Pos]


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep hostile input from exhausting time or memory."""

    max_bytes: int = 32 * 1024 * 1024
    """About twice the benchmarks' largest organisation (10,000 activities: 15 MB, loaded in about 330 MB of memory)."""
    max_depth: int = 64
    max_nodes: int = 3_000_000
    """Values (keys included) in one file: the bytes alone do not bound memory (``[1,1,1,...]`` costs about 100
    bytes of memory per 2 bytes of file). Three times the benchmarks' largest organisation (1.0 million)."""
    max_scalar_chars: int = 100_000
    max_alias_nodes: int = 100_000


DEFAULT_LIMITS = Limits()

_INT = re.compile(r"[-+]?[0-9]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INFINITIES = (".inf", ".Inf", ".INF")
_SPECIAL_FLOATS = {**{i: math.inf for i in _INFINITIES}, **{"+" + i: math.inf for i in _INFINITIES},
                   **{"-" + i: -math.inf for i in _INFINITIES}, ".nan": math.nan, ".NaN": math.nan, ".NAN": math.nan}
"""The core schema's spellings of infinity and not-a-number, and no others (``.iNf`` is a string)."""

_TAG = "tag:yaml.org,2002:"
_CORE_TAGS = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq"))


MAX_NUMBER_DIGITS = 1000
"""The longest integer pac reads: far beyond any count or age, and far below what Python can print
(``sys.get_int_max_str_digits()``; a hex number of 1000 digits has about 1200 decimal ones)."""


def _plain(value: str) -> Any:
    """Resolve an untagged plain scalar with the YAML 1.2 core schema."""
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    first = value[0]
    if first.isdigit() or first in "+-.":
        if _INT.match(value) or _HEX.match(value) or _OCT.match(value):
            if len(value) > MAX_NUMBER_DIGITS:  # int() refuses such numbers, and printing one would fail
                raise ValueError(f"a number of {len(value)} digits is too long to read")
            return int(value) if _INT.match(value) else int(value, 16) if _HEX.match(value) else int(value[2:], 8)
        if _FLOAT.match(value):
            return float(value)
        special = _SPECIAL_FLOATS.get(value)
        if special is not None:
            return special
    return value


def reads_as_string(text: str) -> bool:
    """Whether ``text`` written as a plain (unquoted) scalar reads back as this same string under the YAML 1.2 core
    schema pac reads with (``1e3`` is a number there, ``0o17`` an integer, ``null`` nothing)."""
    try:
        return bool(text) and _plain(text) == text
    except ValueError:  # a number too long to read: a number all the same
        return False


class Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, which quotes what YAML 1.1 would read otherwise, also quoting every string that YAML 1.2
    (pac's reader) would read as something else: ``1e3``, ``0o17``, ``+.inf``, ``09876543``."""


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None if reads_as_string(value) else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _string)


def dump(data: Any) -> str:
    """``data`` as YAML that pac reads back as the same values, keys in their order, lines up to 120 characters."""
    return yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=120)


def _tagged(tag: str, value: str) -> Any:
    """Apply an explicit core tag (``!!str``, ``!!int`` ...) to a scalar."""
    kind = tag[len(_TAG):]
    if kind == "str":
        return value
    resolved = _plain(value)
    expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}[kind]
    if not isinstance(resolved, expected) or (kind == "int" and isinstance(resolved, bool)):
        raise ValueError(f"{value!r} is not a valid !!{kind}")
    return float(resolved) if kind == "float" else resolved


_SCALAR, _ALIAS, _DOCUMENT = ev.ScalarEvent, ev.AliasEvent, ev.DocumentStartEvent
_STARTS = {ev.MappingStartEvent: True, ev.SequenceStartEvent: False}  # the container an event opens: a mapping?
_ENDS = (ev.MappingEndEvent, ev.SequenceEndEvent)
_WORDS: dict[str, Any] = {**dict.fromkeys(_NULLS), **dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}
_NUMBER_START = frozenset("0123456789+-.")
"""What a plain scalar that the core schema reads as a number begins with: any other is a string or a word."""


class _Reader:
    """Turns one file's events into located values, collecting every problem on the way."""

    def __init__(self, path: str, limits: Limits):
        self.path = path
        self.limits = limits
        self.errors: list[LocatedError] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (value, node count)
        self.open_anchors: set[str] = set()
        self.alias_nodes = 0

    def error(self, pos: Pos, kind: str, message: str, hint: str = "") -> None:
        self.errors.append(LocatedError(Location(self.path, pos[0], pos[1]), kind, message, hint))

    def fatal(self, pos: Pos, kind: str, message: str, hint: str = "") -> InvalidInput:
        self.error(pos, kind, message, hint)
        return InvalidInput(self.errors)

    def read(self, data: bytes) -> Any:
        """The document's value. One loop over the events, the open container's state in local variables (this is
        pac's hottest loop: a million events in a large organisation); the enclosing ones wait on ``stack``."""
        max_nodes, max_depth, max_chars = self.limits.max_nodes, self.limits.max_depth, self.limits.max_scalar_chars
        anchors = self.anchors
        stack: list[tuple[Any, ...]] = []
        root: Any = None
        # the open container: its value and locations, whether a mapping, its pending key (None: a key comes next)
        # and the key's position, whether that key was rejected (its value is dropped, the first one stays), its
        # anchor, and the node count when it opened (of its own nodes and aliases' expansions, for its anchor)
        container: Any = None
        locs: Any = None
        is_map = skip = False
        key: Any = None
        key_line = key_col = opened = 0
        anchor: str | None = None
        documents = nodes = expanded = 0
        get_event = _Parser(data).get_event
        try:
            while True:
                event = get_event()
                if event is None:
                    break
                kind = type(event)
                if kind is _SCALAR:
                    mark = event.start_mark
                    line, col = mark.line + 1, mark.column + 1
                    nodes += 1
                    if nodes > max_nodes:
                        raise self.too_many((line, col))
                    value = event.value
                    if len(value) > max_chars:
                        raise self.fatal((line, col), "size", f"a value of {len(value)} characters is longer than the "
                                         f"limit of {max_chars}", "shorten it: provenance quotes need only a few words")
                    tag = event.tag
                    if tag is not None and tag != "!":
                        value = self.tagged(tag, value, (line, col))
                    elif (is_map and key is None) or event.style or not event.implicit[0]:
                        pass  # a key, quoted, block or tagged "!": a string
                    elif value in _WORDS:
                        value = _WORDS[value]
                    elif value[0] in _NUMBER_START:
                        try:
                            value = _plain(value)
                        except ValueError as exc:
                            raise self.fatal((line, col), "size", str(exc),
                                             "quote it if it is text; no pac value is such a number") from None
                    if event.anchor is not None:
                        anchors[event.anchor] = (value, 1)
                    expanded += 1
                elif kind in _STARTS:
                    mark = event.start_mark
                    pos = (mark.line + 1, mark.column + 1)
                    nodes += 1
                    if nodes > max_nodes:
                        raise self.too_many(pos)
                    opens_map = _STARTS[kind]
                    self.check_tag(event.tag, pos, "map" if opens_map else "seq")
                    if len(stack) >= max_depth:
                        raise self.depth_error(pos)
                    stack.append((container, locs, is_map, key, key_line, key_col, skip, anchor, opened))
                    container = LocDict() if opens_map else LocList()
                    container.locs = locs = {} if opens_map else []
                    container.pos = pos
                    is_map, key, skip, anchor = opens_map, None, False, event.anchor
                    expanded += 1
                    opened = expanded
                    if anchor is not None:
                        self.open_anchors.add(anchor)
                    continue
                elif kind in _ENDS:
                    value = container
                    if anchor is not None:
                        self.open_anchors.discard(anchor)
                        anchors[anchor] = (value, expanded - opened + 1)
                    if is_map and key is not None:  # pragma: no cover - libyaml pairs keys and values
                        raise self.fatal(value.pos, "yaml", "mapping key without a value")
                    container, locs, is_map, key, key_line, key_col, skip, anchor, opened = stack.pop()
                    line, col = value.pos
                elif kind is _ALIAS:
                    mark = event.start_mark
                    line, col = mark.line + 1, mark.column + 1
                    value, size = self.alias(event.anchor, (line, col))
                    expanded += size
                elif kind is _DOCUMENT:
                    documents += 1
                    if documents > 1:
                        mark = event.start_mark
                        raise self.fatal((mark.line + 1, mark.column + 1), "multi-document",
                                         "the file holds more than one YAML document",
                                         "put one declaration in each file (remove the '---' separator)")
                    continue
                else:  # stream start/end, document end
                    continue
                # attach the value that just ended, at (line, col), to the open container
                if container is None:
                    root = value
                elif not is_map:
                    container.append(value)
                    locs.append((line, col))
                elif key is None:  # the value is a key
                    if type(value) is not str:
                        raise self.fatal((line, col), "yaml", "a mapping key must be a plain string, not a mapping or list")
                    if value == "<<":
                        self.error((line, col), "merge-key", "YAML merge keys (<<) are not supported",
                                   "merge keys hide which value wins and can smuggle duplicate keys; write the keys out")
                        skip = True
                    elif value in container:
                        self.error((line, col), "duplicate-key", f"duplicate key {value!r} (first defined at line "
                                   f"{locs[value][0]})", "YAML keeps only one of the two values; remove or rename one of them")
                        skip = True
                    key, key_line, key_col = value, line, col
                else:
                    if skip:  # reported with the key; the first value stays so that later errors remain meaningful
                        skip = False
                    else:
                        container[key] = value
                        locs[key] = (key_line, key_col, line, col)
                    key = None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            pos = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            if "nesting" in f"{exc.problem} {exc.context}":  # libyaml >= 0.2.5 scans ahead and has its own limit
                raise self.depth_error(pos) from None
            raise self.fatal(pos, "yaml", f"YAML syntax: {exc.problem or exc.context}", _syntax_hint(data, mark)) from None
        except yaml.reader.ReaderError as exc:
            raise self.fatal(_position_of(data, exc.position), "encoding", f"not readable text: {_reader_problem(exc)}",
                             "save the file as UTF-8 text; pac reads only YAML text files") from None
        except yaml.YAMLError as exc:  # e.g. libyaml's own errors without a mark
            raise self.fatal((0, 0), "yaml", f"YAML error: {exc}") from None
        if self.errors:
            raise InvalidInput(self.errors)
        return root

    def too_many(self, pos: Pos) -> InvalidInput:
        return self.fatal(pos, "size", f"the file holds more than {self.limits.max_nodes} values",
                          "split it into several files in one folder")

    def depth_error(self, pos: Pos) -> InvalidInput:
        """Nesting beyond pac's limit, whether pac's own count or libyaml's look-ahead trips first."""
        return self.fatal(pos, "depth", f"nesting is deeper than {self.limits.max_depth} levels",
                          "a pac declaration needs fewer than ten levels; flatten the structure")

    def check_tag(self, tag: str | None, pos: Pos, expected: str) -> None:
        if tag is None or tag == "!":
            return
        if tag != _TAG + expected:
            raise self.fatal(pos, "tag", f"unsupported YAML tag {_short_tag(tag)}",
                             "pac reads plain YAML only (no Python objects or custom types); remove the tag")

    def tagged(self, tag: str, value: str, pos: Pos) -> Any:
        """A scalar with an explicit tag: a core one (``!!str``, ``!!int`` ...) applied, any other refused."""
        if tag not in _CORE_TAGS or tag in (_TAG + "map", _TAG + "seq"):
            raise self.fatal(pos, "tag", f"unsupported YAML tag {_short_tag(tag)}",
                             "pac reads plain YAML only (no Python objects or custom types); remove the tag")
        try:
            return _tagged(tag, value)
        except ValueError as exc:
            raise self.fatal(pos, "tag", str(exc)) from None

    def alias(self, anchor: str, pos: Pos) -> tuple[Any, int]:
        if anchor in self.open_anchors:
            raise self.fatal(pos, "alias", f"alias *{anchor} refers to a node that contains it (a cycle)",
                             "write the data out instead of using a recursive alias")
        if anchor not in self.anchors:  # pragma: no cover - libyaml rejects undefined aliases itself
            raise self.fatal(pos, "alias", f"alias *{anchor} has no anchor")
        value, size = self.anchors[anchor]
        self.alias_nodes += size
        if self.alias_nodes > self.limits.max_alias_nodes:
            raise self.fatal(pos, "alias", f"YAML aliases expand to more than {self.limits.max_alias_nodes} nodes",
                             "this looks like an alias bomb; write the data out or refer to elements by id")
        return value, size


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


def _syntax_hint(data: bytes, mark: yaml.Mark | None) -> str:
    lines = _LINE_BREAK.split(_text(data))
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    column = mark.column if mark else 0
    if "\t" in line[: column + 1]:
        return "YAML indentation must use spaces, not tabs"
    if line[column: column + 1] == "?" and ("{" in line[:column] or "[" in line[:column]):
        return ('put the value in double quotes ("Wie zijn wij?"): inside { } or [ ] an unquoted "?" ends the value '
                "for PyYAML's pure-Python parser, which this Python has instead of libyaml")
    return "check the indentation and quoting around this position"


def _reader_problem(exc: yaml.reader.ReaderError) -> str:
    if not isinstance(exc.character, int):
        return exc.reason
    # libyaml reports the offending byte for malformed UTF-8, the decoded character otherwise
    return f"{exc.reason} (byte 0x{exc.character:02x})" if "octet" in exc.reason else f"{exc.reason} (U+{exc.character:04X})"


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks, as libyaml counts them


def _text(data: bytes, end: int | None = None) -> str:
    """``data`` up to byte ``end`` as the parser reads it: in its BOM's encoding (else UTF-8), without the BOM,
    undecodable bytes replaced; split by :data:`_LINE_BREAK`, its lines are the lines of the parser's marks."""
    bom, encoding = next(((b, e) for b, e in _BOMS if data.startswith(b)), (b"", "utf-8"))
    return data[len(bom):end].decode(encoding, errors="replace")


def _position_of(data: bytes, offset: int) -> Pos:
    """1-based line and column (in characters, like libyaml's marks) of a byte offset in ``data``,
    for reader errors, which give no mark."""
    lines = _LINE_BREAK.split(_text(data, offset))
    return len(lines), len(lines[-1]) + 1


def _too_big(path: str, size: int, limits: Limits) -> InvalidInput:
    return InvalidInput([LocatedError(Location(path), "size", f"the file is {size} bytes, more than the limit of "
                                      f"{limits.max_bytes}", "split it into several files in one folder, "
                                      "or raise the limit with --max-file-size")])


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects (it would only cost time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse one YAML document into located values; raise :class:`InvalidInput` with every problem found."""
    if len(data) > limits.max_bytes:
        raise _too_big(path, len(data), limits)
    with gc_paused():
        return _Reader(path, limits).read(data)


class NotRegularFile(OSError):
    """The path is a named pipe, device or socket, which pac never reads."""


class FileTooLarge(OSError):
    """The file is larger than the limit; ``size`` says how large."""

    def __init__(self, size: int):
        super().__init__(f"{size} bytes")
        self.size = size


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file at ``path``, checked on the open file itself (no race), opened non-blocking so
    that a named pipe cannot make pac wait for a writer. Raises :class:`NotRegularFile`, :class:`FileTooLarge`, or
    another ``OSError``."""
    with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):  # (a folder is refused by open itself)
            raise NotRegularFile("not a regular file but a named pipe, device or socket")
        if info.st_size > max_bytes:
            raise FileTooLarge(info.st_size)
        data = handle.read(info.st_size + 1)  # sized to the file, not to the limit (a buffer of the limit per file)
        if len(data) > info.st_size:  # it grew since: read on, up to the limit
            data += handle.read(max_bytes + 1 - len(data))
        if len(data) > max_bytes:
            raise FileTooLarge(len(data))
        return data


def read_file(path: Path, display: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Read and parse a YAML file, refusing oversized, unreadable or non-regular files with a located error."""
    name = display or str(path)
    try:
        data = read_regular(path, limits.max_bytes)
    except NotRegularFile as exc:
        raise InvalidInput([LocatedError(Location(name), "file", str(exc),
                                         "pac reads declarations from regular files only")]) from None
    except FileTooLarge as exc:
        raise _too_big(name, exc.size, limits) from None
    except OSError as exc:
        raise InvalidInput([LocatedError(Location(name), "file", f"cannot read the file: {exc.strerror or exc}",
                                         "check that the file exists and that you may read it")]) from None
    return parse(data, name, limits)
