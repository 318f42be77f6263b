"""Named recipients (names with a legal form near a word of sharing, and well-known recipients from pac's
reference data), with the countries and transfer tools stated in the same sentence."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from .controller import LEGAL_NAME
from .text import Sentence, provenance

_SHARING = re.compile(r"(?i)verwerker|processor|on our behalf|namens ons|in (onze )?opdracht|delen|gedeeld|share|"
                      r"provided by|geleverd door|service of|dienst van|ontvang|receive|doorgegeven|hosted|gehost|"
                      r"through|via|maakt gebruik|gebruik(en|t)? (we|wij)|we use|uses?\b|stores?|slaat .* op|servers?")
_PROCESSOR = re.compile(r"(?i)verwerker|processor|on our behalf|namens ons|in (onze )?opdracht")
COUNTRIES = {"US": r"Verenigde Staten|United States|\bUSA\b|\bVS\b", "GB": r"Verenigd Koninkrijk|United Kingdom|\bUK\b",
             "IE": r"Ierland|Ireland", "NL": r"Nederland\b|the Netherlands|Amsterdam|Rotterdam|Utrecht",
             "DE": r"Duitsland|Germany", "BE": r"België|Belgium", "FR": r"Frankrijk|France", "CH": r"Zwitserland|Switzerland",
             "IN": r"\bIndia\b", "CA": r"Canada"}
TOOLS = {"eu_us_dpf": r"Data Privacy Framework|DPF\b", "privacy_shield": r"Privacy Shield",
         "scc": r"standaard\s?contractbepalingen|modelcontractbepalingen|standaardbepalingen|standard contractual clauses|\bSCCs?\b",
         "bcr": r"bindende bedrijfsvoorschriften|binding corporate rules", "adequacy": r"adequaatheidsbesluit|adequacy decision"}


@cache
def well_known() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(id, names pattern) of pac's well-known recipients (``pac/reference/data/recipients.yaml``)."""
    data = yaml.safe_load(resources.files("pac.reference").joinpath("data/recipients.yaml").read_text("utf-8"))
    return tuple((row["id"], re.compile(r"\b(" + "|".join(re.escape(n) for n in row["names"]) + r")\b"))
                 for row in data["recipients"])


def recipients(items: list[Sentence], controller_name: str | None) -> tuple[list[dict], list[str]]:
    """The named recipients (one element per name, first statement wins) and the ids of well-known ones."""
    found: dict[str, dict] = {}
    for sentence in items:
        if not _SHARING.search(sentence.text):
            continue
        legal = [(m.group(1), m.start(), m.end()) for m in LEGAL_NAME.finditer(sentence.text)]
        known = [(m.group(1), m.start(), m.end()) for _, pattern in well_known() for m in pattern.finditer(sentence.text)]
        mentions = _joined(known, legal)
        for name, start, end in mentions:
            if controller_name and (name in controller_name or controller_name in name):
                continue
            key = name.casefold()
            if any(key in other or other in key for other in found):
                continue
            found[key] = _recipient(name, sentence, start, end)
    for sentence in items:
        for name, start, end in listed(sentence):
            key = name.casefold()
            if not any(key in other or other in key for other in found):
                found[key] = _recipient(name, sentence, start, end)
    for sentence in items:
        tools = transfer_tools(sentence)
        for key, element in found.items() if tools else ():
            if element["provenance"]["quote"] not in sentence.text and re.search(
                    r"\b" + re.escape(element["name"].split(" (")[0]) + r"\b", sentence.text):
                element.setdefault("transfer_tools", []).extend(
                    t for t in tools if t["tool"] not in {o["tool"] for o in element.get("transfer_tools", ())})
    return list(found.values()), []


_LIST_INTRO = re.compile(r"(?i)(volgende|these|following) (partijen|verwerkers|ontvangers|parties|processors|recipients|"
                         r"sub-?processors|service providers)\W{0,3}:\s*")
_RECIPIENTS_SECTION = re.compile(r"(?i)verwerkers|ontvangers|derden|delen met|recipients|processors|third parties|"
                                 r"who receives|sub-?processors")
_ITEM = re.compile(r"(?:\(\w+\) )?[A-Z][\w.&'-]*(?: [A-Z0-9][\w.&'-]*){0,3}")


def listed(sentence: Sentence) -> list[tuple[str, int, int]]:
    """The names a list of recipients gives: 'the following parties: A (hosting), B (payments) en C', or an
    item of a bulleted list under a recipients heading ('A - hosting'); only names that start upper-case."""
    if sentence.bullet and _RECIPIENTS_SECTION.search(sentence.section):
        match = _ITEM.match(sentence.text)
        return [(match.group(0), match.start(), match.end())] if match else []
    intro = _LIST_INTRO.search(sentence.text)
    if not intro:
        return []
    names = []
    for part in re.finditer(r"[^,;]+", sentence.text[intro.end():]):
        for piece in re.split(r"\s(?:en|and)\s", part.group(0)):
            item = _ITEM.match(piece.strip())
            if item:
                start = sentence.text.index(item.group(0), intro.end() + part.start())
                names.append((item.group(0), start, start + len(item.group(0))))
    return names


def _joined(known: list[tuple[str, int, int]], legal: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The mentions of one sentence, a well-known name followed closely by a legal name ('Mailchimp, a service
    of The Rocket Science Group LLC') taken as one recipient."""
    mentions = []
    for name, start, end in known:
        entity = next((l for l in legal if 0 < l[1] - end < 40), None)
        if entity:
            legal.remove(entity)
            mentions.append((f"{name} ({entity[0]})", start, entity[2]))
        else:
            mentions.append((name, start, end))
    return [*mentions, *legal]


def _recipient(name: str, sentence: Sentence, start: int, end: int) -> dict:
    element: dict = {"name": name, "named": True,
                     "role": "processor" if _PROCESSOR.search(sentence.text) else "recipient"}
    country = next((code for code, pattern in COUNTRIES.items() if re.search(pattern, sentence.text)), None)
    if country:
        element["country"] = country
    tools = transfer_tools(sentence)
    if tools:
        element["transfer_tools"] = tools
    element["provenance"] = provenance(sentence, start, end)
    return element


def transfer_tools(sentence: Sentence) -> list[dict]:
    """The transfer tools one sentence claims."""
    tools = []
    for tool, pattern in TOOLS.items():
        match = re.search(pattern, sentence.text, re.IGNORECASE if tool != "eu_us_dpf" else 0)
        if match:
            tools.append({"tool": tool, "provenance": provenance(sentence, match.start(), match.end())})
    return tools
