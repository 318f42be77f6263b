"""pac's citations as a Dutch lawyer writes them: ``GDPR Art. 13(1)(f)`` reads ``art. 13 lid 1 sub f AVG``.

Checks and reference data cite in one English form (``GDPR Art. 6(1)(f)``, ``Tw art. 11.7a(3)``, ``CJEU
C-311/18``, ``EDPB Guidelines 05/2021``); :func:`cite` renders one in a report's language. Dutch legal writing
puts the article first and the statute after it, the paragraph as ``lid`` and the point as ``sub``:

- ``GDPR Art. 13(1)(f)`` -> ``art. 13 lid 1 sub f AVG``; ``GDPR Art. 4(11)`` -> ``art. 4 punt 11 AVG`` (the
  definitions of art. 4 are numbered points, not paragraphs); ``GDPR Art. 49(1) second subparagraph`` ->
  ``art. 49 lid 1 tweede alinea AVG``; ``GDPR Art. 13(3), Art. 14(4)`` -> ``art. 13 lid 3 en art. 14 lid 4 AVG``;
  ``GDPR Recital 26`` -> ``overweging 26 AVG``;
- every other statute alike: ``Tw art. 11.7a(3)`` -> ``art. 11.7a lid 3 Tw``, ``BW art. 7:454(3)`` -> ``art. 7:454
  lid 3 BW``, ``Directive 2002/58/EC art. 5(3)`` -> ``art. 5 lid 3 Richtlijn 2002/58/EG``, ``BDSG § 38(1)`` ->
  ``§ 38 lid 1 BDSG``;
- judgments of the Court of Justice by date, case number and name: ``CJEU C-311/18`` -> ``HvJ EU 16 juli 2020,
  C-311/18 (Schrems II)``; guidelines as ``EDPB-richtsnoeren 05/2021``; opinions of the Article 29 Working Party
  keep their number (``WP260 rev.01``).

A citation of another form (a German retention rule listing several paragraphs, a statute's full title) is
shown as written. The English form stays the key everywhere else: findings.json, SARIF tags, the filters' values.
"""

from __future__ import annotations

import re
from functools import lru_cache

STATUTES = {"GDPR": "AVG", "Directive 2002/58/EC": "Richtlijn 2002/58/EG", "Law of 30 July 2018": "Wet van 30 juli 2018"}
"""Statutes whose Dutch name differs from the short form pac cites them by (the rest keep their abbreviation)."""

JUDGMENTS = {
    "C-362/14": ("6 oktober 2015", "Schrems"),
    "C-210/16": ("5 juni 2018", "Wirtschaftsakademie Schleswig-Holstein"),
    "C-40/17": ("29 juli 2019", "Fashion ID"),
    "C-673/17": ("1 oktober 2019", "Planet49"),
    "C-311/18": ("16 juli 2020", "Schrems II"),
    "C-184/20": ("1 augustus 2022", "OT"),
    "C-252/21": ("4 juli 2023", "Meta Platforms/Bundeskartellamt"),
    "C-634/21": ("7 december 2023", "SCHUFA Holding (Scoring)"),
}
"""The judgments of the Court of Justice the checks cite: the date of judgment and the name Dutch writing uses.
Sources of the dates: C-362/14 and C-311/18 pac's reference sources S06 and S22; C-184/20 and C-252/21 the
rationale of context-special-categories; C-40/17 Official Journal C 319 of 23 September 2019; C-673/17 the
judgment's text on EUR-Lex (ECLI:EU:C:2019:801); C-634/21 ECLI:EU:C:2023:957 as case-law databases give it;
C-210/16 general knowledge, not re-read (unverified). A case not listed is cited by its number alone."""

_SUBPARAGRAPH = {"first": "eerste", "second": "tweede", "third": "derde"}
_REFERENCE = re.compile(r"(?P<number>[A-Z]*\.?\d+[a-z]?(?:[.:/-]\d+[a-z]?)*)(?P<parts>(?:\(\w+\))*)"
                        r"(?:-\((?P<until>\w+)\))?(?: (?P<sub>first|second|third) subparagraph)?")
_ARTICLE = re.compile(r"(?P<statute>.+?) (?P<kind>[Aa]rt\.|§) ?(?P<references>.+)")
_SEPARATOR = re.compile(r", (?:[Aa]rt\. )?")


def cite(citation: str, lang: str = "en") -> str:
    """``citation`` as written in ``lang``: itself in English, in Dutch legal form in Dutch."""
    return citation if lang == "en" else _dutch(citation)


@lru_cache(maxsize=None)
def _dutch(citation: str) -> str:
    if match := re.fullmatch(r"CJEU (C-\d+/\d+)", citation):
        case = match[1]
        if case not in JUDGMENTS:
            return f"HvJ EU {case}"
        day, name = JUDGMENTS[case]
        return f"HvJ EU {day}, {case} ({name})"
    if match := re.fullmatch(r"EDPB Guidelines (\d+/\d{4})", citation):
        return f"EDPB-richtsnoeren {match[1]}"
    if match := re.fullmatch(r"AP DPIA list (\d{4})", citation):
        return f"DPIA-lijst van de AP ({match[1]})"
    if match := re.fullmatch(r"GDPR (Recital|Chapter) (\w+)", citation):
        return f"{'overweging' if match[1] == 'Recital' else 'hoofdstuk'} {match[2]} AVG"
    match = _ARTICLE.fullmatch(citation)
    if not match:
        return citation
    statute, kind = match["statute"], "§" if match["kind"] == "§" else "art."
    references = []
    for text in _SEPARATOR.split(match["references"]):
        reference = _REFERENCE.fullmatch(text)
        if not reference:
            return citation
        references.append(_reference(reference, points=statute == "GDPR" and reference["number"] == "4"))
    return f"{kind} {f' en {kind} '.join(references)} {STATUTES.get(statute, statute)}"


def _reference(match: re.Match[str], points: bool) -> str:
    """One article and its parts: ``13(1)(f)`` -> ``13 lid 1 sub f``; art. 4's numbered points as ``punt``."""
    words = [match["number"]]
    for part in re.findall(r"\((\w+)\)", match["parts"]):
        words.append(f"{'sub' if not part.isdigit() else 'punt' if points else 'lid'} {part}")
    if match["until"]:
        words[-1] += f"-{match['until']}"
    if match["sub"]:
        words.append(f"{_SUBPARAGRAPH[match['sub']]} alinea")
    return " ".join(words)
