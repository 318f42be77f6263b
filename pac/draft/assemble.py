"""The draft declaration of one notice, assembled from what each module finds in its sentences."""

from __future__ import annotations

import re
from datetime import date

from . import bases, retention
from .controller import controller
from .cookies import cookies
from .recipients import recipients
from .rights import rights, scope
from .statements import automated_decisions, children
from .text import Sentence, provenance, sentences, slug
from .transfers import general

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
    scope(declaration["notice"].get("rights", []), activities)
    named = recipients(items, owner.get("legal_name"))
    for recipient in named:
        recipient["id"] = slug(recipient["name"], taken)
    if named:
        declaration["recipients"] = [{"id": r.pop("id"), **r} for r in named]
    tools = general(items, {tool["tool"] for r in named for tool in r.get("transfer_tools", ())})
    if tools:
        declaration["transfer_tools"] = tools
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
    """One activity per top heading under which the notice lists purposes or states a basis or a retention rule."""
    by_heading: dict[str, list[Sentence]] = {}
    for sentence in items:
        if sentence.activity:
            by_heading.setdefault(sentence.activity, []).append(sentence)
    found = []
    tied = {heading: bases.ties(under, heading) for heading, under in by_heading.items()}
    purposes_of = bases.restated({heading: purposes for heading, (purposes, _) in tied.items()})
    for heading, under in by_heading.items():
        rules = [rule for s in under for rule in retention.rules(s)]
        purposes, collective = purposes_of[heading], tied[heading][1]
        if not (rules or collective or purposes):
            continue
        activity: dict = {"id": slug(heading, taken), "name": heading[:200], "term": heading[:200]}
        if purposes:
            activity["purposes"] = [_purpose(tie, taken) for tie in purposes]
        if collective:
            activity["collective_legal_bases"] = [
                {"basis": tie.basis, "provenance": provenance(tie.where, tie.start, tie.end)} for tie in collective]
        if rules:
            for rule in rules:
                rule["provenance"]["note"] = (f"Review: attached to the activity '{heading[:80]}' as a whole; the "
                                              "sentence may cover only some of its purposes or data.")
            activity["retention"] = rules
        activity["provenance"] = provenance(under[0])
        found.append(activity)
    return found


def _purpose(tie: bases.Tie, taken: set[str]) -> dict:
    """A purpose and its basis; stated twice (a summary's row and a section of its own), with both places."""
    purpose: dict = {"id": slug(tie.name, taken), "name": tie.name[:200]}
    places = (tie,) + ((tie.restated,) if tie.restated else ())
    if tie.basis:
        where = [provenance(t.where, t.start, t.end, note=t.note) for t in places]
        purpose["legal_basis"] = {"basis": tie.basis, "provenance": where[0] if len(where) == 1 else where}
    stated = [provenance(t.purpose) for t in places]
    purpose["provenance"] = stated[0] if len(stated) == 1 else stated
    return purpose
