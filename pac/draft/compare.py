"""What a draft of a notice and a declaration say differently, per kind of fact (used by ``pac draft --against``
and by the score in ``benchmarks/draft_score.py``)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..model import Organisation

KINDS = ("rights", "controller", "retention", "recipients", "transfer_tools", "bases")
_FORM = re.compile(r"(?i)\b(b\.?v\.?|n\.?v\.?|ltd\.?|llc|inc\.?|gmbh|limited|ireland|\(.*?\))|[.,]")


def _name(text: str) -> str:
    return " ".join(_FORM.sub(" ", text.casefold()).split())


def _sections(provenances: Any) -> set[str]:
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


def matches(kind: str, drafted, reviewed) -> bool:
    if kind == "recipients":
        return drafted == reviewed or (min(len(drafted), len(reviewed)) >= 4 and (drafted in reviewed or reviewed in drafted))
    if kind == "bases":
        return drafted[1] == reviewed[1] and bool(drafted[0] & reviewed[0])
    return drafted == reviewed




def unmatched(mine: Counter, theirs: Counter, kind: str) -> list[Any]:
    """The facts of ``mine`` that no fact of ``theirs`` matches, one to one."""
    left, missing = list(theirs.elements()), []
    for fact in mine.elements():
        match = next((i for i, other in enumerate(left) if matches(kind, fact, other)), None)
        if match is None:
            missing.append(fact)
        else:
            left.pop(match)
    return missing
