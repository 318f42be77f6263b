"""The countries and transfer tools a notice states: in one stretch of text (a list item, a table row, a
sentence) for a recipient, and organisation-wide in its sentences about transfers outside the EU."""

from __future__ import annotations

import re

from .text import Sentence, lead_ins, provenance

COUNTRIES = {"US": r"Verenigde Staten|United States|(?<!-)\b(USA|VS)\b|(?<![-\w])U\.S\.(?!-)|\bUS-based|Amerika\b|"
                   r"Amerikaanse? (bedrijf|onderneming|partij|aanbieder|leverancier)|\bAmerican (company|provider|supplier)",
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

TOOLS = {"eu_us_dpf": r"Data Privacy Framework|(?i:EU-?U\.?S\.?[- ]data privacy framework|gegevensprivacykader|"
                      r"EU-VS-kader voor gegevensbescherming)|\bDPF\b",
         "privacy_shield": r"(?i:privacy[ -]?shield|privacyschild)",
         "safe_harbor": r"(?i:safe[ -]?harbou?r)",
         "scc": r"(?i:standaard[\s-]?contract(bepalingen|clausules|uele (clausules|bepalingen))|"
                r"model\s?contract(en|bepalingen|clausules)?|model\s?clausules|standaard(bepalingen|clausules)|"
                r"standard (contractual|contract|data protection) clauses|model clauses)|\bSCCs?\b",
         "scc_supervisory_authority": r"International Data Transfer Agreement|\bIDTAs?\b|(?:UK|International Data Transfer) "
                                      r"Addendum(?: to the (?:EU )?(?:Standard Contractual Clauses|SCCs))?",
         "bcr": r"(?i:bindende bedrijfsvoorschriften|bindende bedrijfsregels|binding corporate rules)|\bBCRs?\b",
         "adequacy": r"(?i:adequaatheids(besluit|beslissing|beschikking)|adequacy (decision|finding|regulations?)|passendheidsbesluit|"
                     r"beschermingsniveau|(passend|adequaat|gelijkwaardig|toereikend)e? niveau van (gegevens)?bescherming|"
                     r"(adequate|equivalent|sufficient) level of (data )?protection|"
                     r"(recogni[sz]ed|found|considered|deemed|decided)[^.;]{0,40}\b(adequate|sufficient|equivalent) (data )?protection|"
                     r"(als )?(veilig|veilige landen)\b[^.;]{0,30}\b(aangemerkt|aangewezen|erkend)|"
                     r"(designated|recognised|recognized|considered) (as )?safe|safe (third )?countr)"}
"""The tools a notice claims wherever it names them (adequacy: a decision, or a level of protection the
Commission recognises, not one the organisation judges or one that is missing; for a UK controller, adequacy
regulations, and the ICO's International Data Transfer Agreement and UK Addendum as clauses a supervisory authority
issued; the invalidated Privacy Shield and Safe Harbor, which older notices still claim)."""
_COMMISSION = re.compile(r"(?i)(Europese Commissie|European Commission|adequaatheidsbesluit|adequacy decision|"
                         r"passendheidsbesluit|adequacy regulations?|(recogni[sz]ed|approved) by the UK\b|UK government|"
                         r"Secretary of State)")
_LACKING = re.compile(r"(?i)\b(zonder|without|geen|no|not|niet|onvoldoende|insufficient|lacks?)\b[^.;]{0,40}$")
_NOT_CLAIMED = re.compile(r"(?i)(\b(geen|no|not|niet|nor|noch|never|nooit)\b|n't)(\s+[\w-]+){0,4}\s+$")
"""A tool named only to deny it ('we do not use standard contractual clauses', 'geen SCC's nodig')."""
_DEFINITIONS = re.compile(r"(?i)\b(begrippen|begripsbepalingen|definities|definitions|woordenlijst|glossary)\b")
_DEFINES = re.compile(r"(?i)^\W*[^\s\"\u201c\u201d]*[\"\u201c\u2018'][^\"\u201d\u2019']{2,80}[\"\u201d\u2019']\s*(?:(?:of|or|en|and)\s+"
                      r"[\"\u201c\u2018'][^\"\u201d\u2019']{2,40}[\"\u201d\u2019']\s*)?(:|means|betekent|refers to|houdt in|is\b|zijn\b)")
"""A sentence that defines a term ('"SCCs" means ...', '"Standaardcontractbepalingen": de ...'): it claims nothing."""
_INVALID = re.compile(r"(?i)[^.;]{0,30}?\b(no longer|niet langer|not valid|invalid|ongeldig|invalidated|"
                      r"ongeldig verklaard|vervallen|no longer in force|not used|niet meer)\b")
"""A tool named as no longer valid or used ('the Privacy Shield, which is no longer valid'): not claimed."""

_CONTEXT_TOOLS = {"derogation_explicit_consent": r"(?i)(uitdrukkelijke|expliciete|explicit)( (en|and) \w+)? (toestemming|consent)",
                  "derogation_legal_claims": r"(?i)(establish\w*|exercise|defen[cs]e)[^.;]{0,30}legal claims|"
                                             r"(instellen|uitoefening|verdediging)[^.;]{0,30}rechtsvordering",
                  "derogation_vital_interests": r"(?i)vital interests|vitale belangen",
                  "processor_agreement": r"(?i)verwerkersovereenkomst|(data )?process(ing|or) agreement|\bDPA\b",
                  "appropriate_measures": r"(?i)(passende|adequate|juiste|geschikte|appropriate|suitable|adequate) "
                                          r"(veiligheids|beveiligings)?(maatregelen|waarborgen|measures|safeguards)"}
"""What counts as a claimed tool only in words about data leaving the EU: the derogations of Art. 49(1)(a), (e)
and (f) (explicit consent, legal claims, vital interests), and what is no transfer tool at all, a processor
agreement or unspecified measures."""
_ABROAD = re.compile(r"(?i)buiten de (EU|EER|Europese)|outside (of )?the (EU|EEA|European|UK\b|United Kingdom)|doorgifte|"
                     r"derde land|third countr|internationa")
_ABROAD_ONLY = {"derogation_legal_claims", "derogation_vital_interests"}
"""Derogations claimed only where the sentence or its section speaks of data leaving the EU, not of any
'transfer' (passing data to emergency services to protect vital interests is no transfer abroad)."""

_TRANSFER = re.compile(r"(?i)buiten de (EU|EER|Europese)|outside (of )?the (EU|EEA|European|UK\b|United Kingdom)|doorgifte|"
                       r"\btransfer|derde landen|third countr|internationa")
_NEGATED = re.compile(r"(?i)(\b(niet|geen|not|never|no|nooit)\b|n't)(\s+[\w-]+){0,4}?\s+"
                      r"(buiten|outside|doorge|door(?=\s*([.,;:]|$|(aan|naar|buiten)\b))|transfer)")
"""A denial of transfers ('we do not transfer', 'wij geven geen gegevens door (aan ...)'), not 'where no other safeguard
applies, we transfer ...', nor a passive's agent ('... geen ... en ze worden door X opgeslagen')."""


def country(text: str) -> str | None:
    """The country code of the first country ``text`` names."""
    match = COUNTRY.search(text)
    return match.lastgroup if match else None


def is_tool(name: str) -> bool:
    """Whether ``name`` names a transfer tool ('SCCs', 'EU-US Data Privacy Framework')."""
    return any(re.search(pattern, name) for pattern in TOOLS.values())


def claimed(sentence: Sentence, start: int = 0, end: int | None = None) -> list[dict]:
    """The transfer tools ``sentence.text[start:end]`` claims, with their provenance."""
    tools: list[dict] = []
    if _DEFINITIONS.search(sentence.section) or _DEFINES.match(sentence.text):
        return tools
    stop = len(sentence.text) if end is None else end
    matches = {tool: re.compile(pattern).search(sentence.text, start, stop) for tool, pattern in TOOLS.items()}
    spans = [m.span() for m in matches.values() if m]
    for tool, match in matches.items():
        if match and any(a <= match.start() and match.end() <= b and (a, b) != match.span() for a, b in spans):
            continue  # part of another tool's name ('the UK Addendum to the EU Standard Contractual Clauses')
        if match and _NOT_CLAIMED.search(sentence.text, 0, match.start()):
            continue
        if match and tool == "adequacy" and (not _COMMISSION.search(sentence.text)
                                             or _LACKING.search(sentence.text, 0, match.start())):
            continue
        if match and _INVALID.match(sentence.text, match.end()):
            continue
        if match:
            tools.append({"tool": tool, "provenance": provenance(sentence, match.start(), match.end())})
    return tools


def _named_near(items: list[Sentence], named: list[bool], index: int) -> bool:
    """Whether the sentence at ``index``, or the one before or after it in its section, names a transfer tool, or
    the next section's heading does ('We use appropriate safeguards.' over 'Standard Contractual Clauses (SCCs)')."""
    following = items[index + 1] if index + 1 < len(items) else None
    if following is not None and following.section != items[index].section and is_tool(following.section.rsplit(" > ", 1)[-1]):
        return True
    return any(named[i] for i in range(max(0, index - 1), min(len(items), index + 2))
               if items[i].section == items[index].section)


def general(items: list[Sentence], claimed_by_recipients: set[str]) -> list[dict]:
    """The organisation-wide tools: every claim no recipient carries, and in sentences about transfers (by
    their section, their own words or those of the sentence introducing their list) a processor agreement or
    unspecified measures, the latter only where sentence and its neighbours in the section name no tool
    ('passende waarborgen, zoals ...' names its tool)."""
    found: dict[str, dict] = {}
    named: list[bool] = []
    for sentence in items:
        tools = claimed(sentence)
        named.append(bool(tools))
        for tool in tools:
            found.setdefault(tool["tool"], tool)
    for index, (sentence, lead) in enumerate(zip(items, lead_ins(items))):
        about = f"{sentence.section}\n{lead.text if lead else ''}\n{sentence.text}"
        if not _TRANSFER.search(about) or _NEGATED.search(sentence.text) or (lead and _NEGATED.search(lead.text)):
            continue
        abroad = _ABROAD.search(about)
        for tool, pattern in _CONTEXT_TOOLS.items():
            match = None if tool in _ABROAD_ONLY and not abroad else re.search(pattern, sentence.text)
            if match and not (tool == "appropriate_measures" and _named_near(items, named, index)):
                found.setdefault(tool, {"tool": tool, "provenance": provenance(sentence, match.start(), match.end())})
    return [tool for key, tool in found.items() if key not in claimed_by_recipients]
