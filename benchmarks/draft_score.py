"""Score ``pac draft`` like an extractor: recall and precision per kind of fact against reviewed encodings.

For each organisation with a reviewed declaration and its notice (the evaluation suite's own notices, the
notices written for development in ``draft-development/``, and the five seeds when ``../shared/seeds`` is
beside the repository), the notice is drafted and the facts of both
declarations are compared as multisets (one fact per element: two recipients whose names become equal count twice),
rights, controller details and cookies as sets:

- rights: the right keys (withdrawal of consent once per notice, from ``notice.rights`` or a purpose's withdrawal
  route: see the README on withdrawal); controller: legal name, register number, e-mail and phone values, authority name;
- retention: (period, limit) of every rule with a period; recipients: the names of named recipients (equal
  after case folding and without legal form and parentheses, or one containing the other as whole words);
- transfer tools: the tool keys (on recipients or general); bases: every purpose with a basis, a drafted one
  matching a reviewed one of the same basis whose provenance shares a section heading (not a generic one such
  as 'Doelen'), points at the same statement (a quote of one lies within a quote of the other) and names the
  same purpose: their purposes' quotes overlap, or on both sides the basis's statement ties that purpose alone
  (a lead-in over a list of purposes does not say which item a drafted basis belongs to), so that a basis counts
  only on its own purpose;
- cookies: each tracker as its category (as the notice classifies it) and its provider's name (matched as
  recipients are), or no provider where the notice names none ('functional cookies', its own session cookie);
  a table's several cookies of one provider and category are one fact; the tracker's own name ('_ga') and its
  consent are not compared.

Each split also shows its ``quoted share``: the part of the notices' text that lies within a quote of the drafts
(a provenance quote is a few words, not a copy of the notice).

The drafter was written looking at DEVELOPMENT; the others are UNSEEN. Run:
``.venv/bin/python benchmarks/draft_score.py`` (``--json`` for machine-readable output;
``--development`` drafts only the development notices and prints each one's row and the facts it misses or
adds, for work on the drafter without looking at the unseen ones).
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pac import load  # noqa: E402
from pac.commands.draft import render  # noqa: E402
from pac.draft.compare import KINDS, facts, unmatched  # noqa: E402
from pac.model import Organisation  # noqa: E402
from pac.provenance import iter_provenance  # noqa: E402
from seed_notices import seed_notices  # noqa: E402

DEVELOPMENT = frozenset({"we4u", "we-do-better", "canal-desk"} | {
    p.name for p in (ROOT / "benchmarks/draft-development").iterdir() if p.is_dir()})
"""The seeds We4U and We Do Better, the evaluation suite's canal-desk, and every notice written for the drafter's
development (``benchmarks/draft-development/``)."""


def _notice(organisation: Organisation) -> Path:
    """The notice text: the declaration's own ``text_file``, or the seed's from ``policies/notices.txt``."""
    if organisation.notice.text_file is None:
        return seed_notices().get(organisation.id, ROOT / "missing")
    return Path(organisation.notice.location.file).parent / organisation.notice.text_file


def references(development_only: bool = False) -> dict[str, Path]:
    """Organisation id -> reviewed declaration, for every one whose notice text is here (only the development ones
    with ``development_only``: the others are not even read)."""
    found = {p.stem: p for p in sorted((ROOT / "policies").glob("*.yaml"))}
    found |= {p.parent.name: p for p in sorted(ROOT.glob("evaluation/*/declaration.yaml"))}
    assert not DEVELOPMENT & (found.keys() - {"we4u", "we-do-better"}) - {"canal-desk"}, "a development notice hides one"
    found |= {p.parent.name: p for p in sorted(ROOT.glob("benchmarks/draft-development/*/declaration.yaml"))}
    return {org: path for org, path in found.items() if (org in DEVELOPMENT or not development_only)
            and _notice(organisation := load([path])[0]).is_file() and organisation.notice.language in ("nl", "en")}


def quoted(text: str, quotes: Iterable[str]) -> int:
    """How many characters of the notice ``text`` lie within one of ``quotes``."""
    covered = bytearray(len(text))
    for quote in set(quotes):
        start = text.find(quote)
        while quote and start >= 0:
            covered[start:start + len(quote)] = b"\x01" * len(quote)
            start = text.find(quote, start + 1)
    return sum(covered)


def score(drafted: Counter, reviewed: Counter, kind: str) -> tuple[int, int, int]:
    """(reviewed facts found, drafted facts that are right, drafted facts): a greedy one-to-one matching."""
    right = sum(drafted.values()) - len(unmatched(drafted, reviewed, kind))
    return right, right, sum(drafted.values())


def run(development_only: bool = False) -> dict[str, dict]:
    """Per split and kind: [found, reviewed, right, drafted] summed over the split's organisations; per
    organisation the same, and (development only) the facts missed and added."""
    totals: dict[str, dict[str, list[int]]] = {"development": {}, "unseen": {}}
    per_org: dict[str, dict] = {}
    differences: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as folder:
        for org, path in references(development_only).items():
            (reviewed,) = load([path])
            notice = _notice(reviewed)
            output = Path(folder) / f"{org}.yaml"
            text = notice.read_text(encoding="utf-8")
            output.write_text(render(text, notice, org, reviewed.notice.language or "nl", output), encoding="utf-8")
            (drafted,) = load([output])
            split = "development" if org in DEVELOPMENT else "unseen"
            share = [quoted(text, (p.quote for p in iter_provenance(drafted) if p.quote)), len(text)]
            totals[split]["quoted share"] = [a + b for a, b in zip(totals[split].get("quoted share", (0, 0)), share)]
            mine, theirs = facts(drafted), facts(reviewed)
            per_org[org] = {}
            for kind in KINDS:
                found, right, count = score(mine[kind], theirs[kind], kind)
                row = totals[split].setdefault(kind, [0, 0, 0, 0])
                for i, value in enumerate((found, sum(theirs[kind].values()), right, count)):
                    row[i] += value
                per_org[org][kind] = [found, sum(theirs[kind].values()), right, count]
                if split == "development":
                    differences.setdefault(org, {})[kind] = (unmatched(theirs[kind], mine[kind], kind),
                                                             unmatched(mine[kind], theirs[kind], kind))
            per_org[org]["quoted share"] = share
    return {"splits": totals, "organisations": per_org, "differences": differences}


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def _rows(kinds: dict[str, list[int]], indent: str) -> None:
    for kind in KINDS:
        found, reviewed, right, drafted = kinds.get(kind, [0, 0, 0, 0])
        print(f"{indent}{kind:15} recall {_percent(found, reviewed)} ({found}/{reviewed})  "
              f"precision {_percent(right, drafted)} ({right}/{drafted})")
    covered, total = kinds.get("quoted share", [0, 0])
    print(f"{indent}{'quoted share':15} {_percent(covered, total)} of the notice text lies within a quote of the draft "
          f"({covered}/{total} characters)")


def main() -> None:
    development_only = "--development" in sys.argv
    result = run(development_only)
    if "--json" in sys.argv:
        print(json.dumps({k: v for k, v in result.items() if k != "differences"}, indent=2, sort_keys=True, default=list))
        return
    orgs = result["organisations"]
    for split, kinds in result["splits"].items():
        members = [o for o in orgs if (o in DEVELOPMENT) == (split == "development")]
        if development_only and split != "development":
            continue
        print(f"{split}: {', '.join(members)}")
        _rows(kinds, "  ")
    for org, kinds in result["differences"].items() if development_only else ():
        print(f"\n{org}:")
        _rows(result["organisations"][org], "  ")
        for kind, (missed, added) in kinds.items():
            for label, items in (("missed", missed), ("added", added)):
                if items:
                    print(f"    {kind} {label}: {sorted(map(str, items))}")


if __name__ == "__main__":
    main()
