"""The countries and transfer tools a notice states: in one stretch of text (a list item, a table row, a
sentence) for a recipient, and organisation-wide in its sentences about transfers outside the EU."""

from __future__ import annotations

import re

from .text import Sentence, provenance

COUNTRIES = {"US": r"Verenigde Staten|United States|\bUSA\b|\bVS\b|Amerika\b",
             "GB": r"Verenigd Koninkrijk|United Kingdom|\bUK\b", "IE": r"Ierland|Ireland",
             "NL": r"Nederland\b|the Netherlands|Amsterdam|Rotterdam|Utrecht", "DE": r"Duitsland|Germany",
             "BE": r"België|Belgium", "FR": r"Frankrijk|France", "CH": r"Zwitserland|Switzerland",
             "LU": r"Luxemburg|Luxembourg", "SE": r"Zweden|Sweden", "DK": r"Denemarken|Denmark", "FI": r"Finland",
             "IN": r"\bIndia\b", "CA": r"Canada", "AU": r"Australië|Australia", "IL": r"Israël|Israel",
             "NO": r"Noorwegen|Norway", "ES": r"Spanje|\bSpain\b", "IT": r"Italië|\bItaly\b", "AT": r"Oostenrijk|Austria",
             "PL": r"\bPolen\b|\bPoland\b", "PT": r"\bPortugal\b", "EE": r"\bEstland\b|\bEstonia\b",
             "NZ": r"Nieuw-Zeeland|New Zealand", "JP": r"\bJapan\b", "SG": r"\bSingapore\b", "KR": r"Zuid-Korea|South Korea",
             "BR": r"Brazilië|\bBrazil\b"}
COUNTRY = re.compile("|".join(f"(?P<{code}>{pattern})" for code, pattern in COUNTRIES.items()))

TOOLS = {"eu_us_dpf": r"Data Privacy Framework|\bDPF\b|(?i:gegevensprivacykader)",
         "privacy_shield": r"Privacy Shield|(?i:privacyschild)",
         "scc": r"(?i:standaard\s?contract(bepalingen|clausules|uele (clausules|bepalingen))|"
                r"modelcontract(en|bepalingen)?|standaardbepalingen|"
                r"standard (contractual|contract|data protection) clauses|model clauses)|\bSCCs?\b",
         "bcr": r"(?i:bindende bedrijfsvoorschriften|bindende bedrijfsregels|binding corporate rules)|\bBCRs?\b",
         "adequacy": r"(?i:adequaatheidsbesluit|adequacy decision|passendheidsbesluit|beschermingsniveau|"
                     r"(adequate|equivalent|sufficient) level of (data )?protection)"}
"""The tools a notice claims wherever it names them (adequacy: a decision, or a level of protection the
Commission recognises, not one the organisation judges or one that is missing)."""
_COMMISSION = re.compile(r"(?i)(Europese Commissie|European Commission|adequaatheidsbesluit|adequacy decision|"
                         r"passendheidsbesluit)")
_LACKING = re.compile(r"(?i)\b(zonder|without|geen|no|not|niet|onvoldoende|insufficient|lacks?)\b[^.;]{0,40}$")
_INVALID = re.compile(r"(?i)[^.;]{0,30}?\b(no longer|niet langer|not valid|invalid|ongeldig|invalidated|"
                      r"ongeldig verklaard|vervallen|no longer in force|not used|niet meer)\b")
"""A tool named as no longer valid or used ('the Privacy Shield, which is no longer valid'): not claimed."""

_CONTEXT_TOOLS = {"derogation_explicit_consent": r"(?i)(uitdrukkelijke|expliciete|explicit) (toestemming|consent)",
                  "processor_agreement": r"(?i)verwerkersovereenkomst|(data )?process(ing|or) agreement|\bDPA\b",
                  "appropriate_measures": r"(?i)(passende|adequate|juiste|geschikte|appropriate|suitable|adequate) "
                                          r"(veiligheids|beveiligings)?(maatregelen|waarborgen|measures|safeguards)"}
"""What counts as a claimed tool only in words about data leaving the EU: explicit consent (Art. 49(1)(a)), and
what is no transfer tool at all, a processor agreement or unspecified measures."""

_TRANSFER = re.compile(r"(?i)buiten de (EU|EER|Europese)|outside (of )?the (EU|EEA|European)|doorgifte|\btransfer|"
                       r"derde landen|third countr|internationa")
_NEGATED = re.compile(r"(?i)\b(niet|geen|not|never|no)\b.{0,40}(buiten|outside|doorge|transfer)")


def country(text: str) -> str | None:
    """The country code of the first country ``text`` names."""
    match = COUNTRY.search(text)
    return match.lastgroup if match else None


def is_tool(name: str) -> bool:
    """Whether ``name`` names a transfer tool ('SCCs', 'EU-US Data Privacy Framework')."""
    return any(re.search(pattern, name) for pattern in TOOLS.values())


def claimed(sentence: Sentence, start: int = 0, end: int | None = None) -> list[dict]:
    """The transfer tools ``sentence.text[start:end]`` claims, with their provenance."""
    tools = []
    for tool, pattern in TOOLS.items():
        match = re.compile(pattern).search(sentence.text, start, len(sentence.text) if end is None else end)
        if match and tool == "adequacy" and (not _COMMISSION.search(sentence.text)
                                             or _LACKING.search(sentence.text, 0, match.start())):
            continue
        if match and _INVALID.match(sentence.text, match.end()):
            continue
        if match:
            tools.append({"tool": tool, "provenance": provenance(sentence, match.start(), match.end())})
    return tools


def general(items: list[Sentence], claimed_by_recipients: set[str]) -> list[dict]:
    """The organisation-wide tools: every claim no recipient carries, and in sentences about transfers (by
    their section or their own words) a processor agreement or unspecified measures, the latter only where
    that section names no tool."""
    found: dict[str, dict] = {}
    named_in_section: dict[str, bool] = {}
    for sentence in items:
        tools = claimed(sentence)
        named_in_section[sentence.section] = named_in_section.get(sentence.section, False) or bool(tools)
        for tool in tools:
            found.setdefault(tool["tool"], tool)
    for sentence in items:
        if not (_TRANSFER.search(sentence.section) or _TRANSFER.search(sentence.text)) or _NEGATED.search(sentence.text):
            continue
        for tool, pattern in _CONTEXT_TOOLS.items():
            match = re.search(pattern, sentence.text)
            if match and not (tool == "appropriate_measures" and named_in_section[sentence.section]):
                found.setdefault(tool, {"tool": tool, "provenance": provenance(sentence, match.start(), match.end())})
    return [tool for key, tool in found.items() if key not in claimed_by_recipients]
