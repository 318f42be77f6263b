"""Score ``pac draft`` like an extractor: recall and precision per kind of fact against reviewed encodings.

For each organisation with a reviewed declaration and its notice (the evaluation suite's own notices; the
five seeds when ``../shared/seeds`` is beside the repository), the notice is drafted and the facts of both
declarations are compared as sets (retention as a multiset):

- rights: the right keys; controller: legal name, register number, e-mail and phone values, authority name;
- retention: (period, limit) of every rule with a period; recipients: the names of named recipients (equal
  after case folding and without legal form and parentheses, or one containing the other);
- transfer tools: the tool keys (on recipients or general); bases: (section, basis) of every purpose with
  a basis, a drafted one matching a reviewed one of the same basis whose provenance shares a section heading.

The drafter was written looking at DEVELOPMENT; the others are UNSEEN. Run:
``.venv/bin/python benchmarks/draft_score.py`` (``--json`` for machine-readable output).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pac import load  # noqa: E402
from pac.commands.draft import render  # noqa: E402
from pac.model import Organisation  # noqa: E402

DEVELOPMENT = ("we4u", "we-do-better", "canal-desk")
KINDS = ("rights", "controller", "retention", "recipients", "transfer_tools", "bases")
_FORM = re.compile(r"(?i)\b(b\.?v\.?|n\.?v\.?|ltd\.?|llc|inc\.?|gmbh|limited|ireland|\(.*?\))|[.,]")


def references() -> dict[str, Path]:
    """Organisation id -> reviewed declaration, for every one whose notice text is here."""
    found = {p.stem: p for p in sorted((ROOT / "policies").glob("*.yaml"))}
    found |= {p.parent.name: p for p in sorted(ROOT.glob("evaluation/*/declaration.yaml"))}
    return {org: path for org, path in found.items()
            if _notice(organisation := load([path])[0]).is_file() and organisation.notice.language in ("nl", "en")}


def _notice(organisation: Organisation) -> Path:
    return Path(organisation.notice.location.file).parent / organisation.notice.text_file


def _name(text: str) -> str:
    return " ".join(_FORM.sub(" ", text.casefold()).split())


def _sections(provenances) -> set[str]:
    return {part.strip().casefold() for p in provenances if p.section for part in p.section.split(">")}


def facts(organisation: Organisation) -> dict[str, Counter]:
    """The facts of one declaration, per kind."""
    c, notice = organisation.controller, organisation.notice
    controller = set()
    if c:
        controller |= {("name", _name(c.legal_name))} if c.legal_name else set()
        controller |= {("register", re.sub(r"\D", "", c.registration.number))} if c.registration else set()
        controller |= {(k.channel, k.value.casefold()) for k in c.contacts if k.channel in ("email", "phone")}
        controller |= {("authority", c.supervisory_authority.name.casefold())} if c.supervisory_authority else set()
    tools = {t.tool for r in organisation.recipients for t in r.transfer_tools} | {t.tool for t in organisation.transfer_tools}
    return {
        "rights": Counter({r.right for r in notice.rights}),
        "controller": Counter(controller),
        "retention": Counter((r.period.text, r.limit) for a in organisation.activities for r in a.retention if r.period),
        "recipients": Counter({_name(r.name) for r in organisation.recipients if r.named}),
        "transfer_tools": Counter(tools),
        "bases": Counter((frozenset(_sections(p.provenance + (p.legal_basis.provenance or ()))), p.legal_basis.basis)
                         for p in organisation.purposes if p.legal_basis),
    }


def _matches(kind: str, drafted, reviewed) -> bool:
    if kind == "recipients":
        return drafted == reviewed or (min(len(drafted), len(reviewed)) >= 4 and (drafted in reviewed or reviewed in drafted))
    if kind == "bases":
        return drafted[1] == reviewed[1] and bool(drafted[0] & reviewed[0])
    return drafted == reviewed


def score(drafted: Counter, reviewed: Counter, kind: str) -> tuple[int, int, int]:
    """(reviewed facts found, drafted facts that are right, drafted facts): a greedy one-to-one matching."""
    left = list(reviewed.elements())
    right = 0
    for fact in drafted.elements():
        match = next((i for i, other in enumerate(left) if _matches(kind, fact, other)), None)
        if match is not None:
            left.pop(match)
            right += 1
    return right, right, sum(drafted.values())


def run() -> dict[str, dict[str, dict[str, list[int]]]]:
    """Per split and kind: [found, reviewed, right, drafted] summed over the split's organisations."""
    totals: dict[str, dict[str, list[int]]] = {"development": {}, "unseen": {}}
    per_org = {}
    with tempfile.TemporaryDirectory() as folder:
        for org, path in references().items():
            (reviewed,) = load([path])
            notice = _notice(reviewed)
            output = Path(folder) / f"{org}.yaml"
            output.write_text(render(notice.read_text(encoding="utf-8"), notice, org, reviewed.notice.language or "nl",
                                     output), encoding="utf-8")
            (drafted,) = load([output])
            split = "development" if org in DEVELOPMENT else "unseen"
            mine, theirs = facts(drafted), facts(reviewed)
            per_org[org] = {}
            for kind in KINDS:
                found, right, count = score(mine[kind], theirs[kind], kind)
                row = totals[split].setdefault(kind, [0, 0, 0, 0])
                for i, value in enumerate((found, sum(theirs[kind].values()), right, count)):
                    row[i] += value
                per_org[org][kind] = [found, sum(theirs[kind].values()), right, count]
    return {"splits": totals, "organisations": per_org}


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def main() -> None:
    result = run()
    if "--json" in sys.argv:
        print(json.dumps(result, indent=2, sort_keys=True))
        return
    orgs = result["organisations"]
    for split, kinds in result["splits"].items():
        members = [o for o in orgs if (o in DEVELOPMENT) == (split == "development")]
        print(f"{split}: {', '.join(members)}")
        for kind in KINDS:
            found, reviewed, right, drafted = kinds.get(kind, [0, 0, 0, 0])
            print(f"  {kind:15} recall {_percent(found, reviewed)} ({found}/{reviewed})  "
                  f"precision {_percent(right, drafted)} ({right}/{drafted})")


if __name__ == "__main__":
    main()
