"""The notice as the drafter reads it: sections (headings) and the sentences under them, and verbatim quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

MAX_QUOTE = 160
"""The longest quote drafted, in characters (the schema allows 300)."""
MAX_WORDS = 12
"""The most words a quote takes around the fact it carries: enough to find the statement again and to read
it, not a copy of the notice (a provenance quote is a few words)."""
MIN_WORDS = 4
"""A clause shorter than this is quoted with its neighbour ('of erased' says nothing on its own)."""
_CLAUSE = re.compile(r"[;:]\s|,\s|\s[-\u2013\u2014]\s")
"""Where a sentence divides into clauses (a list item also where one of its sentences ends)."""

GENERIC_HEADINGS = re.compile(
    r"^(bewaartermijn(en)?|bewaren|doel(en)?( en grondslag)?|grondslag(en)?|(verwerkings)?grondslag|waarom|"
    r"persoonsgegevens|welke gegevens|toestemming( intrekken)?|gerechtvaardigd belang|ontvangers|delen met anderen|"
    r"retention( period)?|how long.*|purposes?|legal basis|lawful basis|legitimate interests?|why|what data.*|"
    r"recipients|consent)\W*$",
    re.IGNORECASE)
"""Sub-headings that name a kind of fact, not an activity: they stand under the activity heading before them."""

_PURPOSE_WORDS = r"\b(waarom|waarvoor|why|doel(en|einden)?|verwerkingsdoel\w*|purposes?)\b|^what\b.*\bfor\b"
_BASIS_WORDS = r"grondslag|rechtsgrond|(legal|lawful) bas[ie]s"
PURPOSE_HEADINGS = re.compile(_PURPOSE_WORDS, re.IGNORECASE)
"""Headings over the purposes of an activity ('Waarom', 'Doeleinden', 'What we use your information for')."""
BASIS_HEADINGS = re.compile(_BASIS_WORDS, re.IGNORECASE)
"""Headings over the legal bases of an activity ('Verwerkingsgrondslag', 'Rechtsgrond', 'Our lawful basis for each use')."""
_LIST_HEADINGS = re.compile(f"{_PURPOSE_WORDS}|{_BASIS_WORDS}", re.IGNORECASE)
"""A purpose or basis heading: directly under an activity heading, or after another sub-heading, it is a
sub-heading of that activity ('Members' over 'What we use your information for' and 'Our lawful basis')."""
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf\u2013]\ufe0e?|\d{1,2}[.)])\s+")
_ABBREVIATIONS = ("art", "max", "min", "bijv", "ca", "nr", "o.a", "e.g", "i.e", "m.b.t", "t.a.v", "incl", "excl", "tel",
                  "h.o.d.n")
"""Abbreviations after which a full stop ends no sentence ('art. 6', 'max. 6 maanden', 'Tel. 030 ...',
'M. Bakker h.o.d.n. Bakker Boekhouding'); nor does an initial ('M.J. Bakker'), 'Co.' or 'St.' with a capital
('Co. Kilkenny', 'St. Annastraat'), nor 'No.' and a street's 'str.' before a number ('No. 08123456', 'Jakobstr. 77'):
the answer 'No. We never sell your data.' is a sentence of its own."""
_SENTENCE_END = re.compile("".join(rf"(?<!\b(?i:{re.escape(a)})\.)" for a in _ABBREVIATIONS)
                           + r"(?<!\b[A-Z]\.)(?<!\bCo\.)(?<!\bSt\.)(?<=[.!?])(?!(?<=\b[Nn]o\.)\s+\d)(?!(?<=str\.)\s+\d)"
                           r"\s+(?=[A-Z0-9\u00c0-\u00de\"'(])")


_CELLS = re.compile(r"\||\t|\S {3,}\S")
"""Cell separators of a table row flattened to text: such a row ('Doel | Grondslag') is no heading."""


@dataclass(frozen=True)
class Sentence:
    """A sentence (or list item) of the notice: its section path, the activity heading above it, its text."""

    section: str
    activity: str | None
    text: str
    bullet: bool = False
    number: int | None = None


_LABELLED = re.compile(r"\s*[^:\s][^:]{0,30}:\s+\S")
"""A line that opens with a short label ('Where: Australia')."""
_NUMBERED = re.compile(r"\d{1,2}(?:\.\d{1,2})*[.)]?\s+(?=[A-Z\u00c0-\u00de])")
"""A section number before a heading ('4. Your rights', '2.1 Bewaartermijnen')."""


_NUMBER_VALUE = re.compile(r":\s*[^\s\d]*\d[\d ()./-]{5,}\d")
"""A label's value that is a number ('Phone: 0330 041 8110', 'KvK: 12345678', 'Bijgewerkt: 13-11-2023')."""


def _is_heading(line: str, before: str, after: str | None) -> bool:
    stripped = line.strip()
    if ":" in stripped and (GENERIC_HEADINGS.match(stripped.split(":", 1)[0]) or _LABELLED.match(after or "")
                            or len(stripped) <= 80 and _NUMBER_VALUE.search(stripped)):
        return False  # a labelled line, "Doel: de nieuwsbrief", "Legal basis: consent", "Tel: 030 ...", or one over more of them
    numbered = line == line.lstrip() and _NUMBERED.match(line) and after is not None and not (
        after == after.lstrip() and re.match(r"\d", after))  # not the first item of a numbered list
    return (0 < len(stripped) <= 80 and not before.strip() and after is not None and bool(after.strip())
            and (numbered or not _BULLET.match(line)) and stripped[-1] not in ".;,!:"
            and (numbered or stripped[0].isupper())
            and "@" not in stripped and len(stripped.split()) <= 10 and not _CELLS.search(stripped)) or (
        0 < len(stripped) <= 60 and stripped.endswith("?") and not _BULLET.match(line))


_BLOCK_OPENERS = re.compile(r"(?i)^(waarom|doel(en)?|purposes?|why|persoonsgegevens|welke gegevens|what data.*)\W*$")
"""The generic sub-headings that open a block of facts about one activity or data group."""


def _opens_block(line: str, after: str | None) -> bool:
    """Whether ``line`` names the block whose first sub-heading follows it ("Persoonsgegevens: Telefoonnummer."
    over "Waarom"), even when it reads like a sentence."""
    stripped = line.strip()
    return (after is not None and bool(_BLOCK_OPENERS.match(after.strip())) and not GENERIC_HEADINGS.match(stripped)
            and not _BULLET.match(line) and len(stripped) <= 200 and stripped[0].isupper())


def sentences(text: str) -> list[Sentence]:
    """The notice's sentences in order, each with its section ("Heading" or "Heading > Sub-heading")."""
    lines = text.splitlines()
    found: list[Sentence] = []
    title = activity = None
    first = next((line.strip() for line in lines if line.strip()), None)
    opened, forced = 0, -1
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or (stripped == first and title):
            continue  # the notice's title again: a page header of the text it was extracted from
        before = lines[index - 1] if index else ""
        following = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
        after = None if following is None else lines[following]
        block = _opens_block(line, after) and len(found) > opened
        if block or index == forced or _is_heading(line, before, after):
            forced = following if block else forced
            within = len(found) == opened or title != activity  # just under the activity heading, or in its block
            if activity and (GENERIC_HEADINGS.match(stripped) or within and activity != first and _LIST_HEADINGS.search(stripped)):
                title = f"{activity} > {stripped}"
            else:
                title = activity = stripped.rstrip(".")
            opened = len(found)
            continue
        section = title or "(top)"
        bullet = _BULLET.match(line)
        number = None
        if bullet:
            marker = bullet.group(0).strip().rstrip(".)")
            number = int(marker) if marker.isdigit() else None
            body = line[bullet.end():].strip()
            found += [Sentence(section, activity, piece, bullet=True, number=number) for piece in _bounded(body)]
            continue
        found += [Sentence(section, activity, piece) for part in _SENTENCE_END.split(stripped) for piece in _bounded(part)]
    return found


MAX_SENTENCE = 1500
"""No sentence of a notice is longer; a longer run of text without a full stop is read in pieces of at most this many
characters, cut at a clause's end where there is one, so that no rule's cost grows with the square of a sentence."""


def _bounded(text: str) -> Iterator[str]:
    """``text`` stripped, in pieces of at most :data:`MAX_SENTENCE` characters (none if it is blank)."""
    text = text.strip()
    while len(text) > MAX_SENTENCE:
        window = text[:MAX_SENTENCE]
        clause = max((m.end() for m in _CLAUSE.finditer(window)), default=0)
        cut = clause if clause > MAX_SENTENCE // 2 else window.rfind(" ") + 1 or MAX_SENTENCE
        yield text[:cut].strip()
        text = text[cut:].strip()
    if text:
        yield text


def quote(sentence: Sentence, start: int = 0, end: int | None = None) -> str:
    """The shortest verbatim excerpt of ``sentence`` that carries the fact at ``text[start:end]`` (the sentence's
    opening without a span): the clause around it, at most :data:`MAX_WORDS` words (never less than the fact
    itself) and :data:`MAX_QUOTE` characters, cut at word boundaries."""
    text = sentence.text
    end = start if end is None else min(end, len(text))
    inner = sorted([*(m.span() for m in _CLAUSE.finditer(text)), *(m.span() for m in _SENTENCE_END.finditer(text))])
    cuts = [(0, 0), *inner, (len(text), len(text))]
    low = max(i for i, (_, after) in enumerate(cuts) if after <= start)
    high = min((i for i, (before, _) in enumerate(cuts) if before >= end and i > low), default=len(cuts) - 1)
    while _words(text, cuts[low][1], cuts[high][0]) < MIN_WORDS and (low > 0 or high < len(cuts) - 1):
        low, high = max(0, low - 1), min(len(cuts) - 1, high + 1)
    left, right = cuts[low][1], cuts[high][0]
    spans = [m.span() for m in re.finditer(r"\S+", text[left:right])]
    words = [(a + left, b + left) for a, b in spans]
    inside = [i for i, (a, b) in enumerate(words) if b > start and a < max(end, start + 1)] or [0]
    first, last = inside[0], inside[-1]
    if last < MAX_WORDS:  # near the clause's start: quote from there
        first, last = 0, max(last, min(len(words), MAX_WORDS) - 1)
    elif first >= len(words) - MAX_WORDS:  # near its end: quote up to there
        first, last = min(first, len(words) - MAX_WORDS), len(words) - 1
    elif (pad := MAX_WORDS - (last - first + 1)) > 0:  # in the middle: the words on either side
        first, last = first - pad // 2, last + pad - pad // 2
    excerpt = text[words[first][0]:words[last][1]] if words else text[left:right]
    if len(excerpt) > MAX_QUOTE:
        cut = excerpt.rfind(" ", 0, MAX_QUOTE)
        excerpt = excerpt[:cut if cut > 0 else MAX_QUOTE]
    return excerpt.strip()


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def provenance(sentence: Sentence, start: int = 0, end: int | None = None, note: str | None = None) -> dict:
    """The provenance of a fact stated in ``sentence``."""
    entry = {"section": sentence.section[:200], "quote": quote(sentence, start, end)}
    if note:
        entry["note"] = note
    return entry


def slug(text: str, taken: set[str]) -> str:
    """A fresh id from ``text``."""
    base = re.sub(r"[^a-z0-9]+", "-", text.casefold().encode("ascii", "ignore").decode()).strip("-")[:40].strip("-")
    base = base or "item"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def lead_ins(items: list[Sentence]) -> list[Sentence | None]:
    """For each sentence, the sentence that introduces it when it is a list item: the last sentence of its section
    before it that is no list item ('We only transfer data outside the EEA where:'); None for any other sentence."""
    leads: list[Sentence | None] = []
    last: Sentence | None = None
    for sentence in items:
        leads.append(last if sentence.bullet and last is not None and last.section == sentence.section else None)
        if not sentence.bullet:
            last = sentence
    return leads


def find(pattern: re.Pattern[str], items: list[Sentence]) -> Iterator[tuple[Sentence, re.Match[str]]]:
    for sentence in items:
        for match in pattern.finditer(sentence.text):
            yield sentence, match
