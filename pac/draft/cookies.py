"""Cookies and similar trackers, one per category the notice names in its own words, with the consent it states."""

from __future__ import annotations

import re

from .text import Sentence, provenance, slug

CATEGORIES = {
    "strictly_necessary": (r"noodzakelijke|essentiële|essenti[eë]le|strikt noodzakelijke|strictly necessary|necessary|essential",
                           "Strictly necessary cookies"),
    "functional": (r"functionele|functional|voorkeurs?|preference", "Functional cookies"),
    "analytics": (r"analytische|statistische|analytics|analytical|statistics|statistical|performance", "Analytics cookies"),
    "marketing": (r"marketing|advertentie|advertising|targeting|reclame", "Marketing cookies"),
    "tracking": (r"tracking|tracerings?", "Tracking cookies"),
    "social_media": (r"social[- ]media|sociale[- ]media", "Social media cookies"),
    "unclassified": (r"ongeclassificeerde|niet[- ]geclassificeerde|unclassified", "Unclassified cookies"),
}
_LABEL = re.compile(r"(?i)\b(?P<words>(?:" + "|".join(f"(?P<{key}>{words})" for key, (words, _) in CATEGORIES.items())
                    + r")[- ]?(?:cookies?|pixels?))")
_DENIED = re.compile(r"(?i)\b(geen|no|not|nooit|never)\b[^.;]{0,20}$")
_ASKED = re.compile(r"(?i)toestemming (is )?(\w+ ){0,2}(vereist|nodig|gevraagd|vragen)|(vragen|vraagt|ask|asks) (\w+ ){0,3}"
                    r"(toestemming|consent)|(alleen|only) (met|with) (je |jouw |uw |your )?(toestemming|consent)|"
                    r"consent is (always )?required|require (your )?consent|\bif you accept|\bonce you (have )?accept|"
                    r"\bals (je|u) (ze |deze |die )?(accepteert|toestaat)|\bna (je|jouw|uw) toestemming")
_CHOICE = re.compile(r"(?i)\b(kiezen|kies|choose)\b[^.;]{0,60}$")
_ACCEPT = re.compile(r"(?i)[^.;]{0,80}?\b(te accepteren|accepteert|to accept|accept)\b")
"""'Je kunt kiezen statistische cookies te accepteren': a choice offered before they are placed."""
_NOT_ASKED = re.compile(r"(?i)(zonder|without) (je |jouw |uw |your )?(toestemming|consent)|geen toestemming|"
                        r"no consent|(do|does) not (need|require) (your )?consent|(staan|are) altijd aan|always (on|active)")


def cookies(items: list[Sentence], taken: set[str]) -> list[dict]:
    """One cookie element per category the notice labels ('Marketing cookies: ...'), in the order first named;
    its consent from the first statement about that category that says whether consent is asked."""
    found: dict[str, dict] = {}
    for sentence in items:
        for match in _LABEL.finditer(sentence.text):
            category = next(key for key in CATEGORIES if match.group(key))
            if _DENIED.search(sentence.text[:match.start()]):
                continue
            words = match.group("words")
            cookie = found.setdefault(category, {
                "name": CATEGORIES[category][1], "term": words,
                "type": "pixel" if words.casefold().endswith(("pixel", "pixels")) else "cookie", "category": category,
                "provenance": [provenance(sentence, match.start(), match.end())]})
            rest = sentence.text[match.start():]
            chosen = _CHOICE.search(sentence.text[:match.start()]) and _ACCEPT.match(rest)
            consent = "not_asked" if _NOT_ASKED.search(rest) else "asked" if _ASKED.search(rest) or chosen else None
            if consent and "consent" not in cookie:
                cookie["consent"] = consent
                if cookie["provenance"][0]["quote"] != (here := provenance(sentence, match.start(), match.end()))["quote"]:
                    cookie["provenance"].append(here)
    return [{"id": slug(c["name"], taken), **{k: v for k, v in c.items() if k != "provenance"},
             "provenance": c["provenance"][0] if len(c["provenance"]) == 1 else c["provenance"]} for c in found.values()]
