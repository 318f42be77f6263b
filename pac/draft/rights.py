"""The data-subject rights the notice states, as nouns, verbs or list items, in Dutch or English."""

from __future__ import annotations

import re

from .text import Sentence, provenance

RIGHTS = {
    "access": r"inzage|inzien|in te zien|opvragen|op te vragen|\baccess\b|kopie van (je|uw|jouw) (persoons)?gegevens|"
              r"copy of (your|the) (personal )?(data|information)",
    "rectification": r"rectific|aanpass|aan te passen|wijzigen|wijziging|correctie|corrigeren|verbeter|aanvull|\brectif|"
                     r"\bcorrect(ed|ion|ing)?\b(?!e)",
    "erasure": r"verwijder|\bwissen|vergetelheid|\berase|\berasure|\bdelet|to be forgotten",
    "restriction": r"beperk|restrict|\blimit\w* (how|the (use|processing)|(its|their) (use|processing)|processing)",
    "portability": r"overdraag|overdrag|overdracht|over te (kunnen )?dragen|dataportab|portab|meenemen|mee te nemen|"
                   r"machine[- ]readable|(moved|transferred|sent) to another (organisation|organization|company|provider)",
    "objection": r"bezwaar|\bverzet|\bobject(?!ive)",
    "no_automated_decision": r"(niet|not) (\w+ ){0,4}(onderworpen|subject(ed)?) (\w+ ){0,5}(geautomatiseerde|automated)",
    "withdraw_consent": r"(toestemming|consent)\b.{0,80}?(intrek|in te trekken|trekt? .{0,20}(in|terug)\b|terug te trekken|"
                        r"withdraw|revoke)|(intrek|withdraw|revoke).{0,40}?(toestemming|consent)",
    "complaint": r"(klacht|complain).{0,120}?(autoriteit|authority|toezichthoud|supervis|commissioner|\bAP\b|GBA|\bICO\b)|"
                 r"(autoriteit persoonsgegevens|supervisory authority).{0,80}?(klacht|complain)",
}
_PATTERNS = {right: re.compile(pattern, re.IGNORECASE) for right, pattern in RIGHTS.items()}
_RIGHTS_SECTION = re.compile(r"(?i)\b(privacy)?recht(en)?\b|\brights?\b")
_RIGHTS_SENTENCE = re.compile(
    r"(?i)\brecht(en)?\b|\bright(s)?\b|\bverzoek|\brequest|"
    r"\b(je|jij|u) (kunt|kan|mag)( ons)? (vragen|verzoeken)|\b(je|jij|u) (kunt|kan|mag) (je|jouw|uw) (persoons)?gegevens|"
    r"\blaten (inzien|verwijderen|corrigeren|aanpassen|wijzigen|wissen|aanvullen|overdragen)|"
    r"\byou (can|may) (also )?(ask|request)|\bask us to\b|"
    r"\bhave (your|them|it|the) (personal )?(data |information )?(deleted|erased|corrected|rectified)")
"""A sentence that offers something to the reader as a right, a request or what they can have done."""
_NOT_A_RIGHT = re.compile(r"(?i)\b(wij|we) (bewaren|verwijderen|delete|keep)\b")
_NOT_THIS = {
    "erasure": re.compile(r"(?i)\bcookie|\bbrowser|\b(je|jouw|uw|your) (account|profiel|profile) (te |to )?"
                          r"(verwijder|opzeg|delet|clos|cancel)"),
    "rectification": re.compile(r"(?i)\bcookie|\bbrowser"),
    "restriction": re.compile(r"(?i)\bcookie|\bbrowser"),
}
"""Deleting cookies, changing browser settings or cancelling an account is not the right to erasure (or
rectification, restriction) the GDPR gives."""
_CONDITIONAL = re.compile(r"(?i)\b(als|indien|wanneer|zodra|nadat|if|when|once|after)\s+(je|jij|u|you)\b[^,.;]{0,30}$")
"""Words before a withdrawal that make it a condition ('if you withdraw your consent, ...'), not the right."""
_CONSENT_SECTION = re.compile(r"(?i)toestemming|consent")
_WITHDRAW = re.compile(r"(?i)intrek|in te trekken|withdraw|revoke")
_UNSCOPED = ("withdraw_consent", "complaint")


def _named_rights(section: str) -> bool:
    """Whether a heading names rights: the word, or two rights ('Inzage, correctie en verwijdering')."""
    heading = section.rsplit(" > ", 1)[-1]
    return bool(_RIGHTS_SECTION.search(section)) or sum(bool(p.search(heading)) for p in _PATTERNS.values()) >= 2


def _match(right: str, sentence: Sentence, following: str) -> re.Match[str] | None:
    """Where ``sentence`` states ``right`` (``following``: the next sentence of its section, for a complaint
    whose authority is named there)."""
    if right == "complaint":
        match = _PATTERNS[right].search(sentence.text)
        joined = _PATTERNS[right].search(f"{sentence.text} {following}")
        return match or (joined if joined and joined.start() < len(sentence.text) else None)
    match = _PATTERNS[right].search(sentence.text)
    if right == "withdraw_consent":
        if match is None and _CONSENT_SECTION.search(sentence.section):
            match = _WITHDRAW.search(sentence.text)
        if match and _CONDITIONAL.search(sentence.text[:match.start()]):
            return None
    return match


def rights(items: list[Sentence]) -> list[dict]:
    """One right element per right the notice states, with every place it states it (first five)."""
    stated: dict[str, list[dict]] = {}
    lead_in = Sentence("", None, "")
    for index, sentence in enumerate(items):
        if not sentence.bullet:
            lead_in = sentence
        introduced = sentence.bullet and lead_in.section == sentence.section and _RIGHTS_SENTENCE.search(lead_in.text)
        following = items[index + 1].text if index + 1 < len(items) and items[index + 1].section == sentence.section else ""
        offered = (_named_rights(sentence.section) or _RIGHTS_SENTENCE.search(sentence.text) or introduced
                   ) and not _NOT_A_RIGHT.search(sentence.text)
        for right in _PATTERNS:
            if not (offered or right in _UNSCOPED) or (right in _NOT_THIS and _NOT_THIS[right].search(sentence.text)):
                continue
            match = _match(right, sentence, following)
            if match:
                places = stated.setdefault(right, [])
                if len(places) < 5:
                    places.append(provenance(sentence, match.start(), min(match.end(), len(sentence.text))))
    return [{"right": right, "provenance": places[0] if len(places) == 1 else places}
            for right, places in stated.items()]
