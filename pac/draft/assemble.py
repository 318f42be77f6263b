"""The draft declaration of one notice, assembled from what each module finds in its sentences."""

from __future__ import annotations

import re
from datetime import date

from . import bases, retention
from .controller import controller
from .cookies import cookies
from .recipients import recipients, transfer_tools
from .rights import rights
from .statements import automated_decisions, children
from .text import Sentence, provenance, sentences, slug

MARKER = "drafted by pac draft from the notice text; not reviewed by a person"
"""The value of ``notice.draft`` in every draft."""

_MONTHS = {m: i + 1 for i, m in enumerate("januari februari maart april mei juni juli augustus september oktober november december".split())}
_MONTHS |= {m: i + 1 for i, m in enumerate("january february march april may june july august september october november december".split())}
_UPDATED = re.compile(r"(?i)(aangepast|bijgewerkt|gewijzigd|updated|herzien)\D{0,12}(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4})")


def draft(text: str, organisation: str, language: str, text_file: str | None) -> dict:
    """The draft declaration (a YAML-ready mapping) of the notice ``text``, whose copy is at ``text_file``
    (relative to the declaration; None when it lies outside the declaration's repository)."""
    items = sentences(text)
    declaration: dict = {"pac": 1, "organisation": organisation}
    owner = controller(items)
    if owner:
        declaration["controller"] = owner
    declaration["notice"] = _notice(text, items, language, text_file)
    taken: set[str] = set()
    activities = _activities(items, taken)
    if activities:
        declaration["activities"] = activities
    named, _ = recipients(items, owner.get("legal_name"))
    for recipient in named:
        recipient["id"] = slug(recipient["name"], taken)
    if named:
        declaration["recipients"] = [{"id": r.pop("id"), **r} for r in named]
    claimed = {tool["tool"] for r in named for tool in r.get("transfer_tools", ())}
    general = [tool for s in items for tool in transfer_tools(s) if tool["tool"] not in claimed]
    if general:
        declaration["transfer_tools"] = list({tool["tool"]: tool for tool in reversed(general)}.values())[::-1]
    trackers = cookies(items, taken)
    if trackers:
        declaration["cookies"] = trackers
    return declaration


def _notice(text: str, items: list[Sentence], language: str, text_file: str | None) -> dict:
    notice: dict = {}
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if 0 < len(first) <= 120:
        notice["title"] = first
    if text_file is not None:
        notice["text_file"] = text_file
    notice["language"] = language
    match = _UPDATED.search(text)
    if match:
        try:
            notice["last_updated"] = date(int(match.group(4)), _MONTHS[match.group(3).casefold()], int(match.group(2))).isoformat()
        except ValueError:
            pass
    stated = rights(items)
    if stated:
        notice["rights"] = stated
    for key, found in (("automated_decision_making", automated_decisions(items)), ("children", children(items))):
        if found:
            notice[key] = found
    notice["draft"] = MARKER
    return notice


def _activities(items: list[Sentence], taken: set[str]) -> list[dict]:
    """One activity per top heading under which the notice states a basis or a retention rule."""
    by_heading: dict[str, list[Sentence]] = {}
    for sentence in items:
        if sentence.activity:
            by_heading.setdefault(sentence.activity, []).append(sentence)
    found = []
    for heading, under in by_heading.items():
        rules = [rule for s in under for rule in retention.rules(s)]
        if not (rules or any(bases.stated(s) or bases.parenthesised(s) for s in under)):
            continue
        activity: dict = {"id": slug(heading, taken), "name": heading[:200], "term": heading[:200]}
        purposes = _purposes(under, heading, taken)
        if purposes:
            activity["purposes"] = purposes
        if rules:
            for rule in rules:
                rule["provenance"]["note"] = (f"Review: attached to the activity '{heading[:80]}' as a whole; the "
                                              "sentence may cover only some of its purposes or data.")
            activity["retention"] = rules
        activity["provenance"] = provenance(under[0])
        found.append(activity)
    return found


def _purposes(under: list[Sentence], heading: str, taken: set[str]) -> list[dict]:
    """The purposes of one activity with the basis the layout ties to each."""
    found: list[dict] = []
    used: set[int] = set()
    for purpose_item, basis_item in bases.numbered_pairs(under):
        used |= {id(purpose_item), id(basis_item)}
        tied = bases.parenthesised(basis_item)
        if not tied:
            single = bases.basis_of(basis_item.text)
            tied = [(single[0], None, single[1])] if single else []
        for basis, words, match in tied:
            name = f"{purpose_item.text[:150]}" + (f" ({words})" if words else "")
            found.append(_purpose(name, taken, purpose_item, basis, provenance(
                basis_item, match.start(), match.end(),
                note=f"Review: tied to purpose {purpose_item.number} by the numbering of parallel lists"
                     + (f" and to '{words}' by the parentheses." if words else "."))))
    for sentence in under:
        if id(sentence) in used:
            continue
        for basis, words, match in bases.parenthesised(sentence):
            used.add(id(sentence))
            found.append(_purpose(words, taken, sentence, basis, provenance(sentence, match.start(), match.end())))
    loose = [(s, basis, match) for s in under if id(s) not in used for basis, match in bases.stated(s)]
    distinct = {basis for _, basis, _ in loose}
    for sentence, basis, match in loose:
        if basis in {p["legal_basis"]["basis"] for p in found if p.get("section_activity") == heading}:
            continue
        note = None if len(distinct) == 1 else (
            f"Review: the section '{heading[:80]}' states {len(distinct)} bases; which purpose each serves is not "
            "tied by the layout, so this purpose is named after the section.")
        purpose = _purpose(heading if len(distinct) == 1 else f"{heading} ({basis.replace('_', ' ')})", taken,
                           sentence, basis, provenance(sentence, match.start(), match.end(), note=note))
        purpose["section_activity"] = heading
        found.append(purpose)
    for purpose in found:
        purpose.pop("section_activity", None)
    return found


def _purpose(name: str, taken: set[str], sentence: Sentence, basis: str, basis_provenance: dict) -> dict:
    return {"id": slug(name, taken), "name": name[:200],
            "legal_basis": {"basis": basis, "provenance": basis_provenance}, "provenance": provenance(sentence)}
