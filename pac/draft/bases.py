"""Legal bases, tied to purposes where the layout ties them: a basis with its purpose in parentheses,
parallel numbered lists of purposes and bases, or a basis stated in the section of one activity."""

from __future__ import annotations

import re

from .text import Sentence

BASES = {
    "consent": r"toestemming|\bconsent\b",
    "contract": r"overeenkomst|\bcontract\b",
    "legal_obligation": r"wettelijke (verplichting|plicht|bewaarplicht|administratieplicht)|legal obligation|required by law|"
                        r"law requires|tax law requires|wet .{0,30}verplicht",
    "legitimate_interests": r"gerechtvaardigd\w* belang|legitimate interest",
    "vital_interests": r"vita(a|le)l? belang|vital interest",
    "public_task": r"algemeen belang|public (task|interest)|openbaar gezag",
}
_BASIS = {basis: re.compile(pattern, re.IGNORECASE) for basis, pattern in BASES.items()}
_CUE = re.compile(r"(?i)grondslag|basis|\bomdat|because|nodig (om|voor)|need (these|your|this)|noodzakelijk|"
                  r"\bonly with|alleen met|op basis van|on the basis|uitvoer|perform|required|vereist|rechtvaardig|legitim|"
                  r"vraagt? (je|u) om toestemming|ask (for )?your consent|met (je|uw) toestemming|with your consent")
_PARENTHESISED = re.compile(r"(?i)(?P<basis>" + "|".join(BASES.values()) + r")[^()]{0,30}\((?P<words>[^()]{3,80})\)")
_BASIS_LIST_HEADING = re.compile(r"(?i)grondslag|legal basis|lawful basis")
_PURPOSE_LIST_HEADING = re.compile(r"(?i)waarom|doel|purpose|why")


def basis_of(text: str) -> tuple[str, re.Match[str]] | None:
    """The one basis ``text`` states (None when it states none or several)."""
    found = [(basis, match) for basis, pattern in _BASIS.items() for match in [pattern.search(text)] if match]
    return found[0] if len(found) == 1 else None


def stated(sentence: Sentence) -> list[tuple[str, re.Match[str]]]:
    """The bases ``sentence`` states as bases (a basis word with a cue of lawfulness), first to last."""
    if not (_CUE.search(sentence.text) or _BASIS_LIST_HEADING.search(sentence.section)):
        return []
    found = [(basis, match) for basis, pattern in _BASIS.items() for match in pattern.finditer(sentence.text)]
    return sorted(found, key=lambda item: item[1].start())


def parenthesised(sentence: Sentence) -> list[tuple[str, str, re.Match[str]]]:
    """(basis, purpose words, match) for each 'basis (purpose)' in ``sentence``."""
    found = []
    for match in _PARENTHESISED.finditer(sentence.text):
        basis = basis_of(match.group("basis"))
        if basis:
            found.append((basis[0], match.group("words"), match))
    return found


def numbered_pairs(items: list[Sentence]) -> list[tuple[Sentence, Sentence]]:
    """(purpose item, basis item) pairs of parallel numbered lists: item n under a purpose sub-heading and
    item n under the basis sub-heading that follows it, within one activity."""
    pairs = []
    for index, item in enumerate(items):
        if item.number is None or not _BASIS_LIST_HEADING.search(item.section.rsplit(" > ", 1)[-1]):
            continue
        for earlier in reversed(items[:index]):
            if earlier.activity != item.activity:
                break
            if (earlier.number == item.number and earlier.section != item.section
                    and _PURPOSE_LIST_HEADING.search(earlier.section.rsplit(" > ", 1)[-1])):
                pairs.append((earlier, item))
                break
    return pairs
