"""Retention rules as stated: a period with its limit (and the event it runs from), until an event, or vague."""

from __future__ import annotations

import re

from .text import Sentence, provenance

_NUMBERS = {"een": 1, "één": 1, "one": 1, "a": 1, "an": 1, "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4,
            "four": 4, "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8,
            "negen": 9, "nine": 9, "tien": 10, "ten": 10, "elf": 11, "eleven": 11, "twaalf": 12, "twelve": 12,
            "veertien": 14, "fourteen": 14, "vijftien": 15, "fifteen": 15, "achttien": 18, "eighteen": 18,
            "twintig": 20, "twenty": 20, "vierentwintig": 24, "twenty-four": 24, "dertig": 30, "thirty": 30,
            "zesendertig": 36, "zestig": 60, "sixty": 60, "negentig": 90, "ninety": 90}
_UNITS = {"jaar": "Y", "jaren": "Y", "year": "Y", "years": "Y", "maand": "M", "maanden": "M", "month": "M",
          "months": "M", "week": "W", "weken": "W", "weeks": "W", "dag": "D", "dagen": "D", "day": "D", "days": "D",
          "uur": "H", "uren": "H", "hour": "H", "hours": "H", "jr": "Y", "mnd": "M"}
PERIOD = re.compile(r"(?i)\b(?:(\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")\s+"
                    r"(?:\((?:\d{1,3}|[a-zé-]+)\)\s+)?(" + "|".join(_UNITS) + r")|(anderhalf) jaar|(een half) jaar|"
                    r"(half a) year)\b")
"""A period: '2 jaar', '6 mnd', 'zeven (7) jaar', '7 (seven) years', 'anderhalf jaar', 'een half jaar'."""
_KEEP = re.compile(r"(?i)bewaa?r|bewaard|opgeslagen|verwijder|vernietig|gewist|\bwis(sen)?\b|overschreven|geanonimiseerd|"
                   r"\bkeep|\bkept|\bretain|\bstored?\b|\bdelete|\berase|\bremov(e|ed|es)\b|\bretention|overwrit|"
                   r"anonymi[sz]|\bhalen\b.{0,60}\bvan (de|onze|het) (website|site|pagina)|\btake\b.{0,40}\b(down|off)\b|"
                   r"^\s*(how long|hoe lang|bewaartermijn|retention( period)?)\s*:")
"""Words for keeping or deleting data, and a line labelled with its retention ('How long: 24 months')."""
_CELL = re.compile(r"(?i)^\s*(tot|maximaal|max\.|up to|at most)?\s*$")
"""What may stand before a period in a table cell of its own ('| tot 12 maanden na het opzeggen |')."""
_COOKIE = re.compile(r"(?i)cookie")
_DATA = re.compile(r"(?i)gegevens|\bdata\b|informatie|information")
"""A cookie's own lifetime ('De cookies worden na 13 maanden verwijderd', a row '_ga | Google | 2 jaar' under
'Cookies') is no rule on the data it collects."""
_AT_MOST = re.compile(r"(?i)maximaal|\bmax\.|ten hoogste|hooguit|niet langer dan|nooit langer dan|uiterlijk|\bat most|"
                      r"(no|not) (longer|more) than|\bup to\b|maximum|\bwithin\b|\bbinnen\b")
_UP_TO = re.compile(r"(?i)\btot\s*$")
"""'tot 2 jaar' is at most 2 years; 'tot 2 jaar na het einde' is until then, exactly."""
_AT_LEAST = re.compile(r"(?i)minimaal|\bmin\.|ten minste|tenminste|in ieder geval|minstens|\bat least|minimum")
_USE_ONLY = re.compile(r"(?i)\b(gebruik(en)?|use|using)\b")
"""A limit on use ('wij gebruiken je gegevens maximaal zes maanden') is no retention rule."""
_FREQUENCY = re.compile(r"(?i)\b(once|twice|times|keer|eens|per)\s*$")
_AFTER = [
    ("end_of_financial_year", r"boekjaar|financial year|fiscal year"),
    ("end_of_employment", r"einde (van )?(het |je |uw )?dienstverband|employment ends|end of (your )?employment"),
    ("contract_end", r"(na|after) (het )?(einde|beëindiging|afloop)|after (your|the) \w+ (ends|is terminated)|"
                     r"after the end of (the|your) (contract|membership|agreement)"),
    ("account_deletion", r"(na|after) (het )?(verwijderen|opzeggen|deleting|closing) (van )?(je |uw |your )?account"),
    ("collection", r"(na|after) (het )?(verzamel|collect|ontvangst|receipt)"),
]
_UNTIL = [
    ("account_deletion", r"zolang (je|u|jij|jouw|uw) (een )?(account|profiel)|as long as (you have an?|your) (account|profile)|"
                         r"until you delete your (account|profile)"),
    ("unsubscription", r"zolang (je|u|jij) .{0,30}(nieuwsbrief|newsletter)|tot (je|u) (je|u) afmeld|until you unsubscribe"),
    ("consent_withdrawal", r"zolang (je |u |jij )?(je |uw )?toestemming|totdat (je|u) (je|uw) toestemming|"
                           r"until you withdraw (your )?consent"),
    ("contract_end", r"(gedurende|zolang|voor de duur van) (de |je |jouw |uw )?(overeenkomst|lidmaatschap|contract)|"
                     r"zolang (je|jij|u) lid (bent|is)|as long as you are a member|"
                     r"for the duration of (the|your) (contract|membership)"),
]
_AGE = re.compile(r"(?i)(jonger|ouder) dan\s*$|(younger|older) than\s*$|\b(under|aged?|leeftijd van)\s*$")
_PEOPLE = re.compile(r"(?i)kind|minderjarig|leeftijd|jongere|ouders|voogd|bezoeker|gebruiker|persoon|personen|"
                     r"\bchild|\bminor|\bage\b|parent|guardian|visitor|\busers?\b|\bpersons?\b|\bpeople")
"""'ouder dan 2 jaar' is an age only in a sentence about people ('gegevens ouder dan 2 jaar' is a period)."""
_VAGUE = re.compile(r"(?i)(niet langer (\w+ ){0,3}dan (\w+ ){0,2}?(nodig|noodzakelijk)|zolang (als )?(dat )?(\w+ )?(nodig|noodzakelijk)|"
                    r"no longer than (\w+ ){0,2}?(necessary|needed)|as long as (\w+ ){0,2}?(necessary|needed|required))")


def duration(match: re.Match[str]) -> str:
    if match.group(3):
        return "P18M"
    if match.group(4) or match.group(5):
        return "P6M"
    count = match.group(1).casefold()
    number = int(count) if count.isdigit() else _NUMBERS[count]
    unit = _UNITS[match.group(2).casefold()]
    return f"PT{number}H" if unit == "H" else f"P{number}{unit}"


def _table_period(text: str) -> bool:
    """Whether a table row flattened to text has a cell that opens with a period (its retention column)."""
    cells = text.split("|")
    return len(cells) > 2 and any(
        (match := PERIOD.search(cell)) and _CELL.match(cell[:match.start()]) and len(cell.split()) <= 12
        for cell in cells)


def rules(sentence: Sentence) -> list[dict]:
    """The retention rules one sentence states (none when it does not speak of keeping or deleting data)."""
    text = sentence.text
    retention_section = re.search(r"(?i)bewaar|retention|how long|hoe lang", sentence.section)
    kept = _KEEP.search(text) or _table_period(text)
    if not (kept or retention_section) or (_USE_ONLY.search(text) and not kept) or (
            _COOKIE.search(f"{sentence.section} {text}") and not _DATA.search(text)):
        return []
    found = []
    for match in PERIOD.finditer(text):
        before = text[max(0, match.start() - 40):match.start()]
        if ((_AGE.search(before[-20:]) and _PEOPLE.search(text)) or _FREQUENCY.search(before[-10:])
                or re.match(r"\s*((en|and|or|of) )?(oud|ouder|old|older|of age)\b", text[match.end():])):
            continue  # an age ('jonger dan 16 jaar', '16 jaar en ouder') or a frequency ('once a year'), not a period
        after = text[match.end():match.end() + 90]
        limit = "at_most" if _AT_MOST.search(before) else "at_least" if _AT_LEAST.search(before) else (
            "at_most" if _UP_TO.search(before) and not re.match(r"(?i)\s*(na|nadat|after)\b", after) else "exactly")
        rule: dict = {"period": duration(match), "limit": limit}
        event = next((name for name, pattern in _AFTER if re.search(pattern, after, re.IGNORECASE)), None)
        if event:
            rule["after"] = event
        rule["provenance"] = provenance(sentence, match.start(), match.end())
        found.append(rule)
    if found:
        return found
    for event, pattern in _UNTIL:
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            return [{"until": event, "provenance": provenance(sentence, match.start(), match.end())}]
    match = _VAGUE.search(text)
    if match:
        return [{"vague": match.group(0), "provenance": provenance(sentence, match.start(), match.end())}]
    return []
