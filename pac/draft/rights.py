"""The data-subject rights the notice states, as nouns, verbs or list items, in Dutch or English."""

from __future__ import annotations

import re

from .text import Sentence, provenance

RIGHTS = {
    "access": r"inzage|inzien|in te zien|\baccess\b|kopie van (je|uw|jouw)",
    "rectification": r"rectific|aanpass|wijzigen|wijziging|correctie|corrigeren|verbeter|\brectif|\bcorrect(ed|ion|ing)?\b(?!e)",
    "erasure": r"verwijder|\bwissen|vergetelheid|\berase|\berasure|\bdelet|to be forgotten",
    "restriction": r"beperk|restrict",
    "portability": r"overdraag|overdracht|over te (kunnen )?dragen|dataportab|portab|meenemen",
    "objection": r"bezwaar|\bobject(?!ive)",
    "withdraw_consent": r"(toestemming|consent)\b.{0,80}?(intrek|in te trekken|trekt? .{0,20}in\b|withdraw)|"
                        r"(intrek|withdraw).{0,40}?(toestemming|consent)",
    "complaint": r"(klacht|complaint).{0,120}?(autoriteit|authority|toezichthouder|supervis|commissioner|\bAP\b|GBA)|"
                 r"(autoriteit persoonsgegevens|supervisory authority).{0,80}?(klacht|complaint)",
}
_PATTERNS = {right: re.compile(pattern, re.IGNORECASE) for right, pattern in RIGHTS.items()}
_RIGHTS_SECTION = re.compile(r"(?i)recht|rights")
_RIGHTS_SENTENCE = re.compile(r"(?i)\brecht(en)?\b|\bright(s)?\b|\bverzoek|\brequest")
_NOT_A_RIGHT = re.compile(r"(?i)\b(wij|we) (bewaren|verwijderen|delete|keep)\b|\bcookies? (verwijder|delet)")


def rights(items: list[Sentence]) -> list[dict]:
    """One right element per right the notice states, with every place it states it (first five)."""
    stated: dict[str, list[dict]] = {}
    for sentence in items:
        in_section = bool(_RIGHTS_SECTION.search(sentence.section))
        for right, pattern in _PATTERNS.items():
            match = pattern.search(sentence.text)
            if not match:
                continue
            scoped = right in ("withdraw_consent", "complaint") or (
                (in_section or _RIGHTS_SENTENCE.search(sentence.text)) and not _NOT_A_RIGHT.search(sentence.text))
            if scoped:
                places = stated.setdefault(right, [])
                if len(places) < 5:
                    places.append(provenance(sentence, match.start(), match.end()))
    return [{"right": right, "provenance": places[0] if len(places) == 1 else places}
            for right, places in stated.items()]
