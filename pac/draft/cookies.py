"""Cookies and similar trackers, one per category and provider the notice names in its own words (a label in
prose, a row of a cookie table, a category's list of providers, a named pixel), with the consent it states."""

from __future__ import annotations

import re

from .text import Sentence, provenance, slug

CATEGORIES = {
    "unclassified": (r"ongeclassificeerde|niet[- ]geclassificeerde|unclassified|niet[- ]functionele|non[- ]functional|"
                     r"niet[- ](strikt )?noodzakelijke|non[- ]essential", "Unclassified cookies"),
    "strictly_necessary": (r"strikt noodzakelijke?|noodzakelijke?|essentiële?|essenti[eë]le?|strictly necessary|necessary|"
                           r"essential|technische|technical", "Strictly necessary cookies"),
    "functional": (r"functionele|functioneel|functional|voorkeurs?|preferences?", "Functional cookies"),
    "analytics": (r"analytische|analytisch|statistische|statistiek(en)?|analytics|analytical|statistics|statistical|"
                  r"performance|prestatie", "Analytics cookies"),
    "marketing": (r"marketing|advertentie|advertising|targeting|reclame", "Marketing cookies"),
    "tracking": (r"tracking|tracerings?", "Tracking cookies"),
    "social_media": (r"social[- ]media|sociale[- ]media", "Social media cookies"),
}
"""Each category with the words notices classify a tracker by (the first that fits a word wins: 'niet-functionele'
is no functional cookie) and the English name of its drafted element."""
_WORDS = "|".join(f"(?P<{key}>{words})" for key, (words, _) in CATEGORIES.items())
_LABEL = re.compile(r"(?i)\b(?P<words>(?:" + _WORDS + r")[- ]?(?:cookies?|pixels?))")
_ANY = "|".join(f"(?:{words})" for words, _ in CATEGORIES.values())
_AND = r"(?:\s*,\s*|\s+(?:and|en|or|of|en/of|and/or)\s+)"
_COORDINATED = re.compile(rf"(?i)\b(?P<words>(?:{_WORDS}))-?(?=(?:{_AND}(?:{_ANY})-?)*{_AND}(?:{_ANY})[- ]?cookies?\b)")
"""'analytics and marketing cookies', 'statistische, functionele en marketingcookies': the first categories of a
coordination, each a label of its own."""
_RELATIVE = re.compile(r"(?i)\b(?P<words>cookies (?:die|that|which) (?:strikt )?(?:noodzakelijk|nodig|necessary|essentieel|"
                       r"essential)\b)")
"""'cookies die noodzakelijk zijn voor het functioneren van de site': necessary cookies named by a clause."""
_CELL = re.compile(_WORDS, re.IGNORECASE)
_TOKEN = r"[A-Z\u00c0-\u00de][\w&'-]*(?:\.[\w-]+)*"
_NAME = rf"(?P<name>{_TOKEN}(?: {_TOKEN}){{0,3}})"
_PROVIDED = re.compile(r"\s*(?:\(|\b(?:van|from|of|by|door|(?:geplaatst|placed|set) (?:door|by))\s+)" + _NAME)
"""'analytische cookies van Matomo', 'analytics cookies (Google Analytics)': the provider after the label."""
_PIXEL = re.compile(r"\b" + _NAME + r"[- ](?:[Pp]ixel)\b")
_PROVIDERS = re.compile(r"(?i)\b(?:aanbieders?|providers?|vendors?|leveranciers?|geplaatst door|placed by)\s*:\s*(?P<list>[^.;]+)")
"""'Aanbieders: Google Fonts, Spotify': the providers of the category its list item names."""
_TABLE = re.compile(r"\s*\|\s*|\t+|\s{3,}")
_CATEGORY_COLUMN = re.compile(r"(?i)categor|soort|\btype\b|classific")
_PURPOSE_COLUMN = re.compile(r"(?i)\bdoel|purpose|functie|function")
_PROVIDER_COLUMN = re.compile(r"(?i)aanbieder|provider|leverancier|vendor|partij|party|geplaatst door|placed by")
_DENIED = re.compile(r"(?i)(\b(geen|no|not|nooit|never)\b|n't)[^.;]{0,20}$")
_DENIED_AFTER = re.compile(r"(?i)^[^.;]{0,60}?\b(?:gebruiken|plaatsen|zetten) (?:wij|we) (?:niet|nooit)\b|"
                           r"^[^.;]{0,40}?\b(?:worden|are|is) (?:niet|not|never) (?:gebruikt|geplaatst|used|placed|set)\b")
"""'Tracking cookies of marketingcookies gebruiken wij niet': the denial after the label."""
_ASKED = re.compile(r"(?i)toestemming (is )?(\w+ ){0,2}(vereist|nodig|gevraagd|vragen)|(vragen|vraagt|ask|asks) (\w+ ){0,3}"
                    r"(toestemming|consent)|(alleen|only) (met|with) (je |jouw |uw |your )?(toestemming|consent)|"
                    r"consent is (always )?required|require (your )?consent|\bif you accept|\bonce you (have )?accept|"
                    r"\bals (je|u) (ze |deze |die )?(accepteert|toestaat)|\bna (je|jouw|uw) toestemming|"
                    r"(alleen|only) (als|if|when) (je|u|you) (daarvoor |daar )?(toestemming|consent|accept)")
_ASKED_BEFORE = re.compile(r"(?i)^(?:met|with) (?:je|jouw|uw|your) (?:toestemming|consent)\b[^.;]*$|"
                           r"\b(?:toestemming (?:te )?(?:geven|geeft|vragen|vraagt)|(?:ask|asks|give|gives) (?:your |you for )?"
                           r"consent) (?:voor|to|for) (?:het (?:plaatsen|gebruik) van |the (?:use|placing) of )?(?:\w+ ){0,2}$")
"""'Met je toestemming plaatsen we ook de Facebook-pixel', 'je kunt toestemming geven voor het plaatsen van
niet-functionele cookies': consent stated before the label."""
_CHOICE = re.compile(r"(?i)\b(kiezen|kies|choose)\b[^.;]{0,60}$")
_ACCEPT = re.compile(r"(?i)[^.;]{0,80}?\b(te accepteren|accepteert|to accept|accept)\b")
"""'Je kunt kiezen statistische cookies te accepteren': a choice offered before they are placed."""
_NOT_ASKED = re.compile(r"(?i)(zonder|without) (je |jouw |uw |your )?(toestemming|consent)|geen toestemming|"
                        r"no consent|(do|does) not (need|require) (your )?consent|(staan|are) altijd aan|always (on|active)|"
                        r"(vragen|vraagt|ask) (wij |we )?(je |u )?geen toestemming|(do not|don't) ask (for )?(your )?consent")
_FORMS = re.compile(r"(?i)\b(b\.?v\.?|n\.?v\.?|ltd\.?|llc|inc\.?|gmbh|limited|vzw|stichting|ireland)\b|\(.*?\)|[.,]")
_ARTICLE = re.compile(r"^(?:Een|De|Het|The|A|An|Onze|Our|Deze|This|Die|That)\s+")
_COOKIE = re.compile(r"(?i)cookie|tracker")
_OWN = re.compile(r"(?i)^(eigen|own|first[- ]party|wij|we|ons|us|onze website|our website|-|–)$")


def cookies(items: list[Sentence], taken: set[str], named: list[dict], controller_name: str | None) -> tuple[list[dict], list[dict]]:
    """The cookie elements the notice states, and the providers it names that are not yet among the ``named``
    recipients (with ids from ``taken``). A label without a provider ('marketing cookies') is one element of its
    category, unless the notice names providers of that category: then it states their consent."""
    finder = _Providers(named, controller_name, taken)
    found: dict[tuple[str, str | None], dict] = {}
    general: list[tuple[str, Sentence, int, int]] = []
    header: list[str] = []
    previous: tuple[Sentence, list[tuple[str, int, int, str | None]]] | None = None
    order: dict[int, int] = {}
    for index, sentence in enumerate(items):
        order[id(sentence)] = index
        cells = _TABLE.split(sentence.text)
        if len(cells) >= 3 and _COOKIE.search(f"{sentence.section} {sentence.text}") and sum(
                any(c.search(cell) for c in (_CATEGORY_COLUMN, _PROVIDER_COLUMN, _PURPOSE_COLUMN)) for cell in cells) >= 2:
            header = cells
            continue
        if len(cells) >= 3 and len(cells) == len(header):
            _row(cells, header, sentence, finder, found)
            continue
        header = []
        labels = _labels(sentence, finder)
        listed = _PROVIDERS.match(sentence.text)
        if listed and not labels and previous:  # a category's list item, its providers on the line below
            bullet, above = previous
            for category in dict.fromkeys(category for category, *_ in above):
                start, end = next((s, e) for c, s, e, _ in above if c == category)
                for provider in finder.listed(listed, sentence):
                    _add(found, category, provider, sentence, listed.start("list"), listed.end("list"),
                         consent=_consent(bullet, start, end), term=bullet.text[start:end])
        previous = (sentence, labels) if sentence.bullet and labels else None
        for category, start, end, provider in labels:
            if provider is None:
                general.append((category, sentence, start, end))
            else:
                _add(found, category, provider, sentence, start, end)
    for category, sentence, start, end in general:
        bound = [c for (key, provider), c in found.items() if key == category and provider]
        consent = _consent(sentence, start, end)
        for cookie in bound or [_add(found, category, None, sentence, start, end)]:
            if consent and "consent" not in cookie:
                cookie["consent"] = consent
                if (here := provenance(sentence, start, end)) not in cookie["provenance"]:
                    cookie["provenance"].append(here)
    for cookie in found.values():
        cookie["name"] += f" ({finder.names[cookie['provider']]})" if "provider" in cookie else ""
    first = sorted(found.values(), key=lambda c: (order[c["at"][0]], c.pop("at")[1]))  # in the notice's order
    return [{"id": slug(c["name"], taken), **{k: v for k, v in c.items() if k != "provenance"},
             "provenance": c["provenance"][0] if len(c["provenance"]) == 1 else c["provenance"]}
            for c in first], finder.added


def _labels(sentence: Sentence, finder: _Providers) -> list[tuple[str, int, int, str | None]]:
    """(category, span, provider id) of every tracker ``sentence`` names and does not deny."""
    text, found = sentence.text, []
    for match in sorted([*_LABEL.finditer(text), *_COORDINATED.finditer(text), *_RELATIVE.finditer(text)],
                        key=lambda m: m.start()):
        category = "strictly_necessary" if match.re is _RELATIVE else next(key for key in CATEGORIES if match.group(key))
        if _DENIED.search(text[:match.start()]) or _DENIED_AFTER.match(text[match.end():]):
            continue
        after = _PROVIDED.match(text, match.end())
        listed = _PROVIDERS.search(text, match.end()) if sentence.bullet else None
        providers = ([p] if after and (p := finder.find(after.group("name"), sentence, after.start("name"), after.end("name")))
                     else finder.listed(listed, sentence) if listed else [])
        found += [(category, match.start(), match.end(), p) for p in providers] or [(category, match.start(), match.end(), None)]
    for match in _PIXEL.finditer(text):
        provider = finder.find(match.group("name"), sentence, match.start(), match.end())
        if provider and not _DENIED.search(text[:match.start()]):
            found.append(("marketing", match.start(), match.end(), provider))
    return found


def _row(cells: list[str], header: list[str], sentence: Sentence, finder: _Providers, found: dict) -> None:
    """The cookie of one row of a cookie table: its category from the category column (or else the purpose
    column), its provider from the provider column."""
    column = next((i for i, h in enumerate(header) if _CATEGORY_COLUMN.search(h)), None)
    column = next((i for i, h in enumerate(header) if _PURPOSE_COLUMN.search(h)), None) if column is None else column
    words = _CELL.match(cells[column].strip()) if column is not None else None
    if not words:
        return
    category = next(key for key in CATEGORIES if words.group(key))
    at = next((i for i, h in enumerate(header) if _PROVIDER_COLUMN.search(h)), None)
    start = sentence.text.find(cells[at]) if at is not None else 0
    provider = finder.find(cells[at].strip(), sentence, start, start + len(cells[at])) if at is not None else None
    _add(found, category, provider, sentence, 0, len(sentence.text), term=cells[0].strip())


def _add(found: dict, category: str, provider: str | None, sentence: Sentence, start: int, end: int,
         term: str | None = None, consent: str | None = None) -> dict:
    words = term or sentence.text[start:end]
    cookie = found.setdefault((category, provider), {
        "name": CATEGORIES[category][1],
        "term": words[:200], "type": "pixel" if re.search(r"(?i)pixels?$", words) else "cookie", "category": category,
        **({"provider": provider} if provider else {}), "provenance": [provenance(sentence, start, end)],
        "at": (id(sentence), start)})
    consent = consent or _consent(sentence, start, end)
    if consent and "consent" not in cookie:
        cookie["consent"] = consent
        if (here := provenance(sentence, start, end)) not in cookie["provenance"]:
            cookie["provenance"].append(here)
    return cookie


def _consent(sentence: Sentence, start: int, end: int) -> str | None:
    """Whether the statement of a tracker at ``text[start:end]`` says consent is asked for it."""
    text = sentence.text
    rest = text[start:]
    chosen = _CHOICE.search(text[:start]) and _ACCEPT.match(text, end)
    if _NOT_ASKED.search(rest):
        return "not_asked"
    return "asked" if _ASKED.search(rest) or chosen or _ASKED_BEFORE.search(text[:start]) else None


class _Providers:
    """The recipient id of a provider's name: a drafted recipient's, none for the controller itself, or a new
    named recipient (the provider of a tracker receives what it collects)."""

    def __init__(self, named: list[dict], controller_name: str | None, taken: set[str]) -> None:
        self.named, self.taken, self.added = named, taken, []
        self.names = {r["id"]: r["name"] for r in named}
        self.controller = _key(controller_name or "")

    def listed(self, match: re.Match[str], sentence: Sentence) -> list[str]:
        """The ids of the providers a list ('Aanbieders: A, B') names."""
        names = [(m.start(), m.end()) for m in re.finditer(r"[^,]+?(?=,|\s+(?:en|and)\s+|$)", match.group("list"))]
        found = [self.find(match.group("list")[a:b].strip(" ,"), sentence, match.start("list") + a, match.start("list") + b)
                 for a, b in names]
        return [p for p in dict.fromkeys(found) if p]

    def find(self, name: str, sentence: Sentence, start: int, end: int) -> str | None:
        name = _ARTICLE.sub("", re.sub(r"\s*\(.*$", "", name)).strip()
        key = _key(name)
        if not key or not re.search(r"[A-Z]", name) or _OWN.match(name) or self.controller and _within(key, self.controller):
            return None
        known = next((r for r in [*self.named, *self.added] if _within(key, _key(r["name"]))), None)
        if known is None:
            known = {"id": slug(name.strip(), self.taken), "name": name.strip(), "named": True, "role": "recipient",
                     "provenance": provenance(sentence, start, end, note="Review: named as the provider of a cookie "
                                                                          "or pixel; its role is not stated.")}
            self.added.append(known)
            self.names[known["id"]] = known["name"]
        return known["id"]


def _key(name: str) -> str:
    return " ".join(_FORMS.sub(" ", name.casefold()).split())


def _within(a: str, b: str) -> bool:
    """Whether one name is the other or its words lie within the other's ('Google' in 'Google Ireland')."""
    return a == b or min(len(a), len(b)) >= 4 and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")
