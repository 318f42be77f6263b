"""What the notice says about children (GDPR Art. 8) and about automated decisions (Art. 22), as stated."""

from __future__ import annotations

import re

from .text import Sentence, find, provenance

_AGE = re.compile(r"(?i)\b(?:jonger dan|onder de|younger than|under(?: the age of)?|below the age of)\s+(\d{1,2})\b"
                  r"(?!\s*(?:maanden|months|dagen|days|weken|weeks))")
_CHILD = re.compile(r"(?i)kind(eren)?\b|minderjarig|\bjongeren|\bchild(ren)?\b|\bminors?\b|\bjonger dan|younger than|"
                    r"\bunder(?: the age of)?\s+\d")
_PARENTAL = re.compile(r"(?i)toestemming (van )?(een |je |jouw |uw |hun |de )?(ouders?|voogd|wettelijk vertegenwoordiger)|"
                       r"(ouders?|voogd)\w* toestemming|parental consent|consent (of|from) (a |their |your )?(parent|guardian)")
_NO_PARENTAL = re.compile(r"(?i)\b(ook niet|zelfs niet|even) (met|with)\b")
_NOT_VERIFIED = re.compile(r"(?i)\b(niet|kunnen geen|cannot|can ?not|can't|do not|don't|are unable to|not able to)\b"
                           r".{0,40}\b(controleren|verifi[eë]ren|nagaan|check|verify)")
_DECISION = re.compile(r"(?i)geautomatiseerde (individuele )?besluit|automatische besluit|automated (individual )?decision|"
                       r"decisions? (about you )?(\w+ ){0,3}by automated means|solely on automated")
_PROFILING = re.compile(r"(?i)profilering|profiling")
_DENIED = re.compile(r"(?i)\b(geen|niet|nooit|not|no|never|don't)\b")
_A_RIGHT = re.compile(r"(?i)\brecht\b|\bright\b|onderworpen|\bsubject(ed)? to")
"""A sentence stating the right not to be subject to automated decisions says nothing about their use."""
_ADVERSE = re.compile(r"(?i)nadelige gevolgen|adverse|negative (consequences|effects)")


def children(items: list[Sentence]) -> dict | None:
    """``notice.children`` from the first sentence stating an age below which children's data are not processed."""
    for sentence, match in find(_AGE, items):
        if not _CHILD.search(sentence.text) and not _CHILD.search(sentence.section):
            continue
        age = int(match.group(1))
        if not 6 <= age <= 21:
            continue
        found: dict = {"minimum_age": age}
        places = [provenance(sentence, match.start(), match.end())]
        under = [s for s in items if s.section == sentence.section]
        for s in under:
            parental = _PARENTAL.search(s.text)
            if parental and "parental_consent" not in found:
                found["parental_consent"] = not _NO_PARENTAL.search(s.text)
                if s is not sentence:
                    places.append(provenance(s, parental.start(), parental.end()))
            unverified = _NOT_VERIFIED.search(s.text)
            if unverified and "age_verified" not in found:
                found["age_verified"] = False
                if s is not sentence:
                    places.append(provenance(s, unverified.start(), unverified.end()))
        found["provenance"] = places[0] if len(places) == 1 else places
        return found
    return None


def automated_decisions(items: list[Sentence]) -> dict | None:
    """``notice.automated_decision_making`` from the sentences that say whether automated decisions are taken."""
    places, found, qualified = [], {}, []
    for sentence, match in find(_DECISION, items):
        if _A_RIGHT.search(sentence.text):
            continue
        denied = bool(_DENIED.search(sentence.text[:match.start()]))
        found.setdefault("used", not denied)
        if _PROFILING.search(sentence.text):
            found.setdefault("profiling", not denied)
        if denied:
            qualified.append(bool(_ADVERSE.search(sentence.text[match.end():])))
        if len(places) < 5:
            places.append(provenance(sentence, match.start(), match.end()))
    if not places:
        return None
    if qualified and all(qualified):  # every denial is only of decisions with adverse effects
        found["qualified"] = "adverse_effects"
    if found["used"]:
        places[0]["note"] = ("Review: the notice is read as saying that decisions are taken by automated means; "
                             "check whether they are based solely on automated processing (Art. 22(1)).")
    return {**found, "provenance": places[0] if len(places) == 1 else places}
