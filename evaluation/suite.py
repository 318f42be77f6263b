"""The legal evaluation suite: what a careful privacy lawyer expects pac to report, compared with what it reports.

Each organisation is a folder ``evaluation/<id>/`` with an ``expectations.yaml`` (the format is in
``evaluation/README.md``), and one ``expectations-<label>.yaml`` for each further evaluation date (e.g. on the other
side of a change in law). :func:`evaluate` runs pac's catalogue on its declaration and scores the
findings against the expectations:

- **recall**: expected findings caught at their expected severity (by severity);
- **precision**: reported errors and warnings that are expected or triaged as legitimate;
- **unexpected**: reported errors and warnings that are neither (to be triaged);
- **forbidden**: findings, at any severity, against a must-not-raise item;
- **repeated**: one root cause reported twice (two findings of one check resting on the same
  evidence, or on the same element of the declaration with the same words).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable

import yaml

from pac import Engine, load
from pac.checking import SEVERITIES, Finding
from pac.model import SUBJECTS

HERE = Path(__file__).parent
EXPECTATIONS = "expectations.yaml"
FURTHER = "expectations-*.yaml"
"""Expectations of the same organisation on another evaluation date."""
REPORTED = ("error", "warning")
"""The severities precision is measured on: what a run fails on, or asks a lawyer to look at."""


class FormatError(ValueError):
    """An expectations file that does not follow the format of ``evaluation/README.md``."""


@dataclass(frozen=True)
class Entry:
    """One row of an expectations file: a check on a subject (``subject: null`` for every subject)."""

    kind: str  # expected, must_not_raise or triaged
    check: str
    subject: str | None
    severity: str | None
    article: str | None
    meaning: str | None
    reasoning: str
    known: str | None  # an open issue that tracks why pac does not meet this entry yet
    line: int

    def matches(self, finding: Finding) -> bool:
        return finding.check == self.check and (self.subject is None or self.subject in finding.subjects)

    def __str__(self) -> str:
        where = f"{self.check} on {self.subject or 'any subject'}"
        return f"{where} ({self.severity})" if self.severity else where


_FIELDS = {"expected": {"check", "subject", "severity", "article", "meaning", "reasoning", "known"},
           "must_not_raise": {"check", "subject", "reasoning", "known"},
           "triaged": {"check", "subject", "severity", "reasoning"}}
_REQUIRED = {"expected": {"check", "subject", "severity", "article", "meaning", "reasoning"},
             "must_not_raise": {"check", "reasoning"},
             "triaged": {"check", "subject", "severity", "reasoning"}}


class _Loader(yaml.SafeLoader):
    """A YAML loader that records the line of every mapping (for messages that point at the row)."""


def _mapping(loader: _Loader, node: yaml.MappingNode) -> dict[str, Any]:
    value = loader.construct_mapping(node, deep=True)
    value["__line__"] = node.start_mark.line + 1
    return value


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@dataclass(frozen=True)
class Organisation:
    """One organisation of the suite: its declaration, the notice, the date and the lawyer's expectations."""

    folder: Path
    id: str
    declaration: Path
    notice: Path | None
    as_of: date
    entries: tuple[Entry, ...]
    scope: frozenset[str] | None = None
    """The checks the expectations are written for (None: all); findings of other checks are not scored."""
    file: str = EXPECTATIONS
    """The expectations file: expectations.yaml, or expectations-<label>.yaml for a further date."""

    @property
    def name(self) -> str:
        """The organisation id, with the evaluation date when its folder holds expectations for several dates."""
        return self.id if self.file == EXPECTATIONS else f"{self.id}@{self.as_of}"

    @classmethod
    def read(cls, folder: Path, file: str = EXPECTATIONS) -> Organisation:
        path = folder / file
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)

        def fail(line: int, message: str) -> FormatError:
            return FormatError(f"{path}:{line}:1: error: {message} (hint: see evaluation/README.md)")

        if not isinstance(data, dict):
            raise fail(1, "an expectations file is a mapping")
        unknown = set(data) - {"organisation", "declaration", "notice", "as_of", "scope", *_FIELDS, "__line__"}
        if unknown:
            raise fail(1, f"unknown key(s) {', '.join(sorted(unknown))}")
        for key in ("organisation", "declaration", "as_of"):
            if key not in data:
                raise fail(1, f"{key!r} is missing")
        if not isinstance(data["as_of"], date):
            raise fail(1, "'as_of' must be a date (YYYY-MM-DD)")
        scope = data.get("scope")
        if scope is not None and not (isinstance(scope, list) and scope and all(isinstance(c, str) for c in scope)):
            raise fail(1, "'scope' must be a non-empty list of check ids")
        entries = []
        for kind in _FIELDS:
            for row in data.get(kind) or ():
                line = row.get("__line__", 1) if isinstance(row, dict) else 1
                if not isinstance(row, dict):
                    raise fail(line, f"every row of {kind!r} is a mapping")
                keys = set(row) - {"__line__"}
                if keys - _FIELDS[kind]:
                    raise fail(line, f"{kind} row: unknown key(s) {', '.join(sorted(keys - _FIELDS[kind]))}")
                if _REQUIRED[kind] - keys:
                    raise fail(line, f"{kind} row: missing {', '.join(sorted(_REQUIRED[kind] - keys))}")
                if "severity" in row and row["severity"] not in SEVERITIES:
                    raise fail(line, f"severity must be one of {', '.join(SEVERITIES)}")
                entries.append(Entry(kind, row["check"], row.get("subject"), row.get("severity"), row.get("article"),
                                     row.get("meaning"), row["reasoning"], row.get("known"), line))
        notice = folder / data["notice"] if data.get("notice") else None
        return cls(folder, data["organisation"], folder / data["declaration"], notice, data["as_of"], tuple(entries),
                   frozenset(scope) if scope else None, file)

    def kind(self, kind: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == kind)


@dataclass
class Score:
    """How pac's findings on one organisation compare with the expectations."""

    organisation: Organisation
    findings: tuple[Finding, ...]
    caught: list[Entry] = field(default_factory=list)
    missed: list[tuple[Entry, tuple[Finding, ...]]] = field(default_factory=list)  # with findings at another severity
    forbidden: list[tuple[Entry, Finding]] = field(default_factory=list)
    legitimate: list[Finding] = field(default_factory=list)
    unexpected: list[Finding] = field(default_factory=list)
    repeated: list[tuple[Finding, Finding]] = field(default_factory=list)

    @cached_property
    def reported(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity in REPORTED and not f.waived)

    def problems(self, known: bool) -> list[str]:
        """What fails the suite: on entries marked ``known`` (an open issue) or on the others."""
        org = self.organisation.name
        out = [f"{org}: missed expected {e}" + (f"; pac reports it as {', '.join(f.severity for f in fs)}" if fs else "")
               for e, fs in self.missed if bool(e.known) == known]
        out += [f"{org}: must not raise {e}, but pac reports: {f.severity} {f.message}"
                for e, f in self.forbidden if bool(e.known) == known]
        if not known:
            out += [f"{org}: untriaged {f.severity} {f.check} on {f.subject}: {f.message}" for f in self.unexpected]
            out += [f"{org}: one root cause reported twice by {a.check}: on {a.subject} and on {b.subject}"
                    for a, b in self.repeated]
        return out

    def stale_known(self) -> list[Entry]:
        """Entries marked ``known`` that pac now meets: the marker must go."""
        failing = {id(e) for e, _ in self.missed} | {id(e) for e, _ in self.forbidden}
        return [e for e in self.organisation.entries if e.known and id(e) not in failing]


def discover(root: Path = HERE) -> list[Organisation]:
    """Every organisation of the suite on each of its evaluation dates, by folder name and file."""
    files = [*root.glob(f"*/{EXPECTATIONS}"), *root.glob(f"*/{FURTHER}")]
    return sorted((Organisation.read(p.parent, p.name) for p in files), key=lambda o: (o.folder.name, o.as_of))


def evaluate(organisation: Organisation, engine: Engine | None = None) -> Score:
    """Run pac's catalogue on the organisation's declaration and score its findings."""
    engine = engine or Engine.from_plugins()
    (model,) = [o for o in load([organisation.declaration]) if o.id == organisation.id]
    known = {s.subject for kind in SUBJECTS for s in model.subjects(kind)}
    for entry in organisation.entries:
        if entry.subject is not None and entry.subject not in known:  # a row about nothing would pass vacuously
            raise FormatError(f"{organisation.folder / EXPECTATIONS}:{entry.line}:1: error: {entry.kind} row names "
                              f"subject {entry.subject!r}, which {organisation.id} does not have "
                              "(hint: subjects are named as in pac's findings, e.g. purposes/<id>)")
    findings = tuple(engine.evaluate(model, organisation.as_of, notice=organisation.notice).all_findings())
    return score(organisation, findings)


def score(organisation: Organisation, findings: Iterable[Finding]) -> Score:
    scope = organisation.scope
    result = Score(organisation, tuple(f for f in findings if scope is None or f.check in scope))
    for entry in organisation.kind("expected"):
        matching = tuple(f for f in result.findings if entry.matches(f))
        if any(f.severity == entry.severity for f in matching):
            result.caught.append(entry)
        else:
            result.missed.append((entry, matching))
    for entry in organisation.kind("must_not_raise"):
        result.forbidden += [(entry, f) for f in result.findings if entry.matches(f) and not f.waived]
    accepted = [e for e in organisation.entries if e.kind in ("expected", "triaged")]
    forbidden = {id(f) for _, f in result.forbidden}
    for finding in result.reported:
        if any(e.matches(finding) and e.severity == finding.severity for e in accepted):
            result.legitimate.append(finding)
        elif id(finding) not in forbidden:  # a forbidden finding is reported as such, not as untriaged
            result.unexpected.append(finding)
    result.repeated = _repeated(result.findings)
    return result


def _repeated(findings: Iterable[Finding]) -> list[tuple[Finding, Finding]]:
    """Pairs of findings of one check with one root cause: the same evidence in the notice, or the same
    element of the declaration and the same words."""
    first: dict[tuple, Finding] = {}
    pairs = []
    for finding in findings:
        keys = [(finding.check, "at", finding.location, finding.message)]
        if finding.evidence:
            keys.append((finding.check, "evidence", finding.evidence))
        seen = next((first[k] for k in keys if k in first), None)
        if seen is not None and seen.subject != finding.subject:
            pairs.append((seen, finding))
        for key in keys:
            first.setdefault(key, finding)
    return pairs


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "0/0 (-)"


def render(scores: list[Score]) -> str:
    """The evaluation as text: a line per organisation, the totals, then everything to look at."""
    lines = ["organisation                     recall (error / warning / info)       precision (errors+warnings)"]
    total_expected: Counter[str] = Counter()
    total_caught: Counter[str] = Counter()
    reported = legitimate = 0
    for s in scores:
        expected = Counter(e.severity for e in s.organisation.kind("expected"))
        caught = Counter(e.severity for e in s.caught)
        total_expected.update(expected)
        total_caught.update(caught)
        reported += len(s.reported)
        legitimate += len(s.legitimate)
        recall = " / ".join(f"{caught[k]}/{expected[k]}" for k in SEVERITIES)
        lines.append(f"{s.organisation.name:<32} {recall:<37} {_ratio(len(s.legitimate), len(s.reported))}")
    recall = " / ".join(f"{total_caught[k]}/{total_expected[k]}" for k in SEVERITIES)
    lines.append(f"{'TOTAL':<32} {recall:<37} {_ratio(legitimate, reported)}")
    lines.append(f"recall: {_ratio(sum(total_caught.values()), sum(total_expected.values()))}; "
                 f"precision: {_ratio(legitimate, reported)}")
    for title, known in (("To look at", False), ("Known (marked with an open issue)", True)):
        problems = [p for s in scores for p in s.problems(known)]
        lines += ["", f"{title}: {len(problems)}"] + [f"  {p}" for p in problems]
    stale = [f"{s.organisation.name}: {e} is marked known ({e.known}) but pac now meets it" for s in scores
             for e in s.stale_known()]
    if stale:
        lines += ["", f"Stale 'known' markers: {len(stale)}"] + [f"  {p}" for p in stale]
    return "\n".join(lines) + "\n"
