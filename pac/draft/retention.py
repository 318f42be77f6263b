"""Retention rules as stated: a period with its limit (and the event it runs from), until an event, or vague."""

from __future__ import annotations

import re

from .text import Sentence, provenance

_NUMBERS = {"een": 1, "één": 1, "one": 1, "a": 1, "an": 1, "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4,
            "four": 4, "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8,
            "negen": 9, "nine": 9, "tien": 10, "ten": 10, "twaalf": 12, "twelve": 12, "achttien": 18,
            "vierentwintig": 24, "dertig": 30, "thirty": 30}
_UNITS = {"jaar": "Y", "jaren": "Y", "year": "Y", "years": "Y", "maand": "M", "maanden": "M", "month": "M",
          "months": "M", "week": "W", "weken": "W", "weeks": "W", "dag": "D", "dagen": "D", "day": "D", "days": "D",
          "uur": "H", "uren": "H", "hour": "H", "hours": "H"}
PERIOD = re.compile(r"(?i)\b(\d{1,3}|" + "|".join(_NUMBERS) + r")\s+(" + "|".join(_UNITS) + r")\b")
_KEEP = re.compile(r"(?i)bewaa?r|bewaard|opgeslagen|verwijder|vernietig|gewist|\bkeep|\bkept|\bretain|\bstored?\b|"
                   r"\bdelete|\berase|\bretention")
_AT_MOST = re.compile(r"(?i)maximaal|ten hoogste|niet langer dan|uiterlijk|\bat most|no longer than|\bup to\b|maximum|"
                      r"\bwithin\b|\bbinnen\b")
_AT_LEAST = re.compile(r"(?i)minimaal|ten minste|tenminste|in ieder geval|minstens|\bat least|minimum")
_AFTER = [
    ("end_of_financial_year", r"boekjaar|financial year|fiscal year"),
    ("end_of_employment", r"einde (van )?(het |je |uw )?dienstverband|employment ends|end of (your )?employment"),
    ("contract_end", r"(na|after) (het )?(einde|beëindiging|afloop)|after (your|the) \w+ (ends|is terminated)|"
                     r"after the end of (the|your) (contract|membership|agreement)"),
    ("account_deletion", r"(na|after) (het )?(verwijderen|opzeggen|deleting|closing) (van )?(je |uw |your )?account"),
    ("collection", r"(na|after) (het )?(verzamel|collect|ontvangst|receipt)"),
]
_UNTIL = [
    ("account_deletion", r"zolang (je|u|jij) (een )?account|as long as (you have|your) account|until you delete your account"),
    ("unsubscription", r"zolang (je|u|jij) .{0,30}(nieuwsbrief|newsletter)|tot (je|u) (je|u) afmeld|until you unsubscribe"),
    ("consent_withdrawal", r"zolang (je |u |jij )?(je |uw )?toestemming|totdat (je|u) (je|uw) toestemming|"
                           r"until you withdraw (your )?consent"),
    ("contract_end", r"(gedurende|zolang|voor de duur van) (de |je |uw )?(overeenkomst|lidmaatschap|contract)|"
                     r"for the duration of (the|your) (contract|membership)"),
]
_AGE = re.compile(r"(?i)(jonger|ouder) dan\s*$|(younger|older) than\s*$|\b(under|aged?|leeftijd van)\s*$")
_VAGUE = re.compile(r"(?i)(niet langer (bewaard )?dan (strikt )?(nodig|noodzakelijk)|zolang (als )?(dat )?(nodig|noodzakelijk)|"
                    r"no longer than (is )?(strictly )?necessary|as long as (is )?(necessary|needed|required))")


def duration(match: re.Match[str]) -> str:
    count = match.group(1).casefold()
    number = int(count) if count.isdigit() else _NUMBERS[count]
    unit = _UNITS[match.group(2).casefold()]
    return f"PT{number}H" if unit == "H" else f"P{number}{unit}"


def rules(sentence: Sentence) -> list[dict]:
    """The retention rules one sentence states (none when it does not speak of keeping or deleting data)."""
    text = sentence.text
    retention_section = re.search(r"(?i)bewaar|retention|how long|hoe lang", sentence.section)
    if not (_KEEP.search(text) or retention_section):
        return []
    found = []
    for match in PERIOD.finditer(text):
        before = text[max(0, match.start() - 40):match.start()]
        if _AGE.search(before[-20:]) or re.match(r"\s*(oud|old|of age)\b", text[match.end():]):
            continue  # an age ('jonger dan 16 jaar'), not a period
        limit = "at_most" if _AT_MOST.search(before) else "at_least" if _AT_LEAST.search(before) else "exactly"
        rule: dict = {"period": duration(match), "limit": limit}
        after = text[match.end():match.end() + 90]
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
