"""The findings on the five example notices are pinned, so that any change to the encodings or the checks
shows up in review as a diff; and ``policies/FINDINGS.md`` agrees with them.

After an intended change, rewrite both with ``PAC_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py``
and review the diff.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

from pac import Engine, load
from pac.checking import SEVERITIES, Finding
from pac.engine import GDPR_APPLIES_FROM
from pac.model import Organisation
from pac.reports.text import markdown
from seed_notices import seed_notices

ROOT = Path(__file__).parents[1]
GOLDEN = ROOT / "tests" / "fixtures" / "golden-findings.tsv"
REVIEW = ROOT / "policies" / "FINDINGS.md"
AS_OF = date(2026, 11, 22)
UPDATE = os.environ.get("PAC_UPDATE_GOLDEN") == "1"


@cache
def organisations() -> tuple[Organisation, ...]:
    return load([ROOT / "policies"])


@cache
def findings(org_id: str, as_of: date) -> tuple[Finding, ...]:
    (organisation,) = [o for o in organisations() if o.id == org_id]
    return tuple(Engine.from_plugins().evaluate(organisation, as_of, notice=seed_notices()[org_id]).all_findings())


def notice_date(organisation: Organisation) -> date | None:
    """The date the notice says it was last updated; the GDPR's first day when that is earlier."""
    updated = organisation.notice.last_updated if organisation.notice else None
    return max(updated, GDPR_APPLIES_FROM) if updated else None


def golden() -> str:
    rows = sorted(f"{f.organisation}\t{f.check}\t{','.join(f.subjects)}\t{f.severity}"
                  for org in organisations() for f in findings(org.id, AS_OF))
    return f"# organisation\tcheck\tsubjects (one root cause)\tseverity (as of {AS_OF})\n" + "\n".join(rows) + "\n"


def counts(found: tuple[Finding, ...]) -> str:
    tally = Counter(f.severity for f in found)
    return " / ".join(str(tally[s]) for s in SEVERITIES)


def summary() -> str:
    lines = [f"| organisation | notice last updated | as of {AS_OF}: errors / warnings / info | as of the notice's date |",
             "|---|---|---|---|"]
    for org in organisations():
        updated = org.notice.last_updated if org.notice else None
        own = notice_date(org)
        lines.append(f"| [{markdown(org.name)}](#{org.id}) | {updated or 'not dated'} | {counts(findings(org.id, AS_OF))} | "
                     + (f"{counts(findings(org.id, own))} (as of {own})" if own else "—") + " |")
    return "\n".join(lines)


def table(found: list[Finding]) -> str:
    lines = ["| severity | check | subjects | finding | law |", "|---|---|---|---|---|"]
    lines += [f"| {f.severity} | `{f.check}` | {', '.join(f'`{s}`' for s in f.subjects)} | {markdown(f.message)} | {markdown(', '.join(f.articles))} |"
              for f in found]
    return "\n".join(lines)


def organisation_block(organisation: Organisation) -> str:
    now = list(findings(organisation.id, AS_OF))
    text = f"**As of {AS_OF}** ({counts(tuple(now))} errors / warnings / info):\n\n{table(now)}"
    own = notice_date(organisation)
    if own is None:
        return text + "\n\nThe notice is not dated, so it cannot be evaluated as of its own date."
    then = list(findings(organisation.id, own))
    key = lambda f: (f.check, f.subject, f.message)  # noqa: E731
    only_now, only_then = [f for f in now if key(f) not in set(map(key, then))], [f for f in then if key(f) not in set(map(key, now))]
    text += f"\n\n**As of {own}**, the notice's own date"
    if own != organisation.notice.last_updated:
        text += f" ({organisation.notice.last_updated}, before the GDPR applied; evaluated on its first day)"
    text += f": {counts(tuple(then))} errors / warnings / info."
    if only_then:
        text += f" Found then but not now:\n\n{table(only_then)}"
    if only_now:
        text += f"\n\nFound now but not then:\n\n{table(only_now)}"
    return text


def blocks() -> dict[str, str]:
    return {"summary": summary(), **{org.id: organisation_block(org) for org in organisations()}}


def _block(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- BEGIN generated: {re.escape(name)} -->\n)(.*?)(\n<!-- END generated: {re.escape(name)} -->)",
                      re.S)


def test_findings_on_the_example_notices_are_pinned():
    if UPDATE:
        GOLDEN.write_text(golden(), encoding="utf-8")
    assert golden() == GOLDEN.read_text(encoding="utf-8")


def test_findings_review_agrees_with_pac():
    text = REVIEW.read_text(encoding="utf-8")
    for name, content in blocks().items():
        pattern = _block(name)
        assert pattern.search(text), f"FINDINGS.md has no generated block {name!r}"
        if UPDATE:
            text = pattern.sub(lambda m: m[1] + content + m[3], text)
        else:
            assert pattern.search(text)[2] == content, f"FINDINGS.md, block {name!r}, differs from what pac finds"
    if UPDATE:
        REVIEW.write_text(text, encoding="utf-8")


def test_the_same_declaration_is_judged_on_its_date():
    """WeHelpen's Mailchimp relies on the Privacy Shield: valid on 2018-05-25, invalid from 2020-07-16."""
    (wehelpen,) = [o for o in organisations() if o.id == "wehelpen"]
    def errors(as_of: date) -> set[str]:
        return {f.subject for f in findings("wehelpen", as_of) if f.check == "transfer-tool-valid" and f.severity == "error"}
    assert "recipients/mailchimp" not in errors(notice_date(wehelpen))
    assert "recipients/mailchimp" in errors(AS_OF)
