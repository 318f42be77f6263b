"""Cookies and similar trackers, one per category and provider the notice names (a label in prose, a row of a
cookie table, a category's list of providers, a named pixel, a provider's cookies), with the consent it states."""

from __future__ import annotations

import re
from typing import NamedTuple

from . import services
from .names import key as _key
from .names import same, within
from .text import Sentence, provenance, slug

CATEGORIES = {
    "unclassified": (r"ongeclassificeerde|niet[- ]geclassificeerde|unclassified|niet[- ]functionele|non[- ]functional|"
                     r"niet[- ](strikt )?noodzakelijke|non[- ]essential|non[- ]necessary", "Unclassified cookies"),
    "strictly_necessary": (r"strikt noodzakelijke?|noodzakelijke?|essenti[eë]le?|strictly necessary|necessary|"
                           r"essential|technische|technical", "Strictly necessary cookies"),
    "functional": (r"functionele|functioneel|functional|functionality|voorkeurs?|preferences?", "Functional cookies"),
    "analytics": (r"analytische|analytisch|statistische|statistiek(en)?|analytics|analytical|analytic|statistics|"
                  r"statistical|performance|prestatie", "Analytics cookies"),
    "marketing": (r"marketing|advertentie|advertising|targeting|reclame", "Marketing cookies"),
    "tracking": (r"tracking|tracerings?", "Tracking cookies"),
    "social_media": (r"social[- ]media|sociale[- ]media", "Social media cookies"),
}
"""Each category with the words notices classify a tracker by (the first that fits a word wins: 'niet-functionele'
is no functional cookie) and the English name of its drafted element."""
_PURPOSES = {"analytics": r"\b(meten|meet|measur\w*|statisti\w*|analy[sz]\w*)",
             "marketing": r"\b(advertent\w*|advertis\w*|adverts?\b|ads\b|marketing|reclame|retarget\w*)",
             "functional": r"\b(onthoud\w*|remember\w*|voorkeur\w*|preferen\w*|ingelogd|logged in)",
             "social_media": r"\b(social[- ]media|sociale[- ]media)",
             "tracking": r"\b(volgen|volgt|track\w*|surfgedrag|browsing (?:behaviou?r|habits))"}
"""A stated purpose that places a tracker the notice gives no category in one ('om te meten hoe de website wordt
gebruikt': analytics), as a judgement for review."""
_WORDS = "|".join(f"(?P<{key}>{words})" for key, (words, _) in CATEGORIES.items())
_ANY = "|".join(f"(?:{words})" for words, _ in CATEGORIES.values())
_KIND = r"(?:[- ](?:sessie|session|first[- ]party|third[- ]party|persistent|permanente|tijdelijke|temporary))?"
"""A word between the category and 'cookie' ('a strictly necessary session cookie')."""
_LABEL = re.compile(rf"(?i)\b(?P<words>(?:{_WORDS}){_KIND}[- ]?(?:cookies?|pixels?))")
_NAMED_COOKIE = re.compile(rf"(?i)^cookies?\s*:\s*[^\s(),]+(?:,\s*[^\s(),]+)*\s*\((?P<words>{_WORDS})\)")
"""'Cookie: PHPSESSID (functional)': a cookie listed by its name with its category."""
_AND = r"(?:\s*,\s*|\s+(?:and|en|or|of|en/of|and/or)\s+)"
_COORDINATED = re.compile(rf"(?i)\b(?P<words>(?:{_WORDS}))-?(?=(?:{_AND}(?:{_ANY})-?)*{_AND}(?:{_ANY})[- ]?cookies?\b)")
"""'analytics and marketing cookies', 'statistische, functionele en marketingcookies': the first categories of a
coordination, each a label of its own."""
_QUOTED = re.compile("[\"'\u2018\u2019\u201c\u201d\u201e]")
_EXAMPLE = re.compile(r"(?i)\b(?:bijvoorbeeld|for example|for instance|e\.g\.)")
"""Cookies named as an example ('Bijvoorbeeld cookies van Facebook of Google'), none the notice states it uses."""
_USES_COOKIES = re.compile(r"(?i)\b(?:we|wij)\s+(?:use|gebruiken|place|plaatsen|set|zetten)\s+cookies\s+(?:to|om)\b")
"""'We use cookies to analyse the use of the website': cookies of the category their stated purpose places them in."""
_SYNONYM = re.compile(r"(?i)(?:technische|technical)\s+(?:of|or|/)\s*(?=function)")
"""'Technical or functional cookies': one category by two names, the second."""
_RELATIVE = re.compile(r"(?i)\b(?P<words>cookies (?:die|that|which)"
                       r"(?:\s+(?!(?:niet|not|geen|no|nooit|never)\b)[\w'-]+){0,8}?\s+(?:noodzakelijk|nodig|necessary|needed|required|essentieel|essential|needs?|requires?)\b)"
                       r"(?!\s+(?:(?:your|je|jouw|uw)\s+)?(?:consent|toestemming|permission))")
"""'cookies die voor het functioneren van de site noodzakelijk zijn', 'cookies that a form needs to work': necessary
cookies named by a clause (not 'cookies that are not needed', 'cookies that require your consent')."""
_OPENING = re.compile(rf"(?i)^(?:{_WORDS})(?: cookies)?\s*(?:[\u2013\u2014:]|\s-)\s")
"""A line opening with the category its services are of ('Analytics — Google Analytics 4 and Microsoft Clarity')."""
_BARE = re.compile(rf"(?i)^(?:\d{{1,2}}(?:\.\d{{1,2}})*\.?\s+)?(?:{_WORDS})$")
_CELL = re.compile(rf"(?i)(?<!\w)(?:{_WORDS})(?!\w)")
_TOKEN = r"[A-Z\u00c0-\u00de][\w&'-]*(?:\.[\w-]+)*"
_NAME = rf"(?P<name>{_TOKEN}(?: {_TOKEN}){{0,3}})"
_PROVIDED = re.compile(r"\s*(?:\(|\b(?:van|from|of|by|door|(?:geplaatst|placed|set) (?:door|by))\s+)" + _NAME)
"""'analytische cookies van Matomo', 'analytics cookies (Google Analytics)': the provider after the label."""
_AND_NAME = re.compile(r"(?:\s*,\s*|\s+(?:and|en|or|of)\s+)" + _NAME)
"""A further provider coordinated with the one after a label."""
_OF_PROVIDER = re.compile(r"(?i)\b(?P<words>cookies?\s+(?:van|from|of|(?:geplaatst|placed|set) (?:door|by))\s+)" + r"(?-i:" + _NAME + ")")
"""'Cookies van YouTube, als je een ingesloten video afspeelt': a provider's cookies, with no category word."""
_PLACES = re.compile(_NAME + r"(?P<words>\s+(?:plaatst|zet|places|sets|stores)\s+(?!(?:geen|no|nooit|never|niet|not)\b)"
                     r"(?:\w+\s+){0,3}cookies?\b)")
"""'YouTube plaatst cookies waarmee het uw surfgedrag kan volgen', 'YouTube sets at least one cookie': a provider's
cookies, with no category word."""
_PIXEL = re.compile(r"\b" + _NAME + r"[- ](?:[Pp]ixel)\b")
_BUTTONS = re.compile(r"(?i)\b(?P<words>(?:social[- ]media|sociale[- ]media|deel|share|like)[- ]?(?:buttons?|knop|knoppen|"
                      r"plugins?|widgets?))['\"\u2019\u201d]?\s+(?:van|from|of|by)\s+(?:(?:onder (?:andere|meer)|o\.a\.|"
                      r"among others|such as|zoals)\s+)?(?-i:" + _NAME + ")")
"""'social media buttons van onder andere LinkedIn en Facebook': social media trackers of the networks named."""
_BACK = re.compile(r"(?i)\b(?:daarvoor|hiervoor|daartoe|hiertoe|for this|for that|to this end|to do so)\b")
"""A sentence naming a service for the purpose the sentences before it state ('We maken daarvoor gebruik van X')."""
_PROVIDERS = re.compile(r"(?i)\b(?:aanbieders?|providers?|vendors?|leveranciers?|geplaatst door|placed by)\s*:\s*(?P<list>[^.;]+)")
"""'Aanbieders: Google Fonts, Spotify': the providers of the category its list item names."""
_TABLE = re.compile(r"\s*\|\s*|\t+|\s{3,}")
_CATEGORY_COLUMN = re.compile(r"(?i)categor|soort|\btype\b|classific")
_PURPOSE_COLUMN = re.compile(r"(?i)\bdoel|purpose|functie|function|descript|beschrijving|omschrijving")
_PROVIDER_COLUMN = re.compile(r"(?i)aanbieder|provider|leverancier|vendor|partij|party|geplaatst door|placed by")
_OTHER_COLUMN = re.compile(r"(?i)^(naam|name|cookie(naam| name)?|duur|duration|looptijd|bewaartermijn|expir\w*|retention|"
                           r"vervaltijd|vervaldatum|lifespan)$")
_CELL_PROVIDER = re.compile(rf"^{_NAME}\s+[\u2013\u2014-]\s+")
"""A purpose cell that opens with its provider ('Google Analytics – statistics')."""
_THESE = re.compile(r"(?i)\b(deze|die|bovenstaande|these|those|the above|all) cookies\b|\bcookies (in|of) (de|the|deze|this) "
                    r"(tabel|table|lijst|list)")
"""A sentence after a cookie table about all its cookies ('We ask for your consent before placing these cookies')."""
_CONSENT_LINE = re.compile(r"(?i)^(?:toestemming(?: nodig| vereist)?|consent(?: required| needed)?)\s*:\s*(?P<value>.+)")
_NO_CONSENT = re.compile(r"(?i)^(niet|not|no|nee|geen)\b|\b(niet nodig|not (needed|required)|geen toestemming)\b")
_LINE_LABEL = re.compile(r"^[^:]{1,30}:\s")
"""A block of labelled lines about one category ('Soort: statistische cookies', 'Toestemming: niet nodig')."""
_DENIED = re.compile(r"(?i)(\b(geen|no|not|nooit|never)\b|n't)(?:(?!\b(?:maar|but|wel|alleen|only|however)\b)[^.;]){0,40}$")
"""A denial before the label ('we don't use Google Analytics or any advertising pixels'), not one a 'but' ends."""
_DENIED_LIST = re.compile(r"(?i)(?:\b(?:geen|no|not|nooit|never)\b|n't)[^.;:]{0,40}:\s*$")
"""A lead-in denying the items of its list ('Specifically, we do not:', 'Wij gebruiken geen:')."""
_DENIED_AFTER = re.compile(r"(?i)^[^.;]{0,60}?\b(?:gebruiken|plaatsen|zetten) (?:wij|we) (?:niet|nooit)\b|"
                           r"^[^.;]{0,40}?\b(?:worden|are|is) (?:niet|not|never) (?:gebruikt|geplaatst|used|placed|set)\b")
"""'Tracking cookies of marketingcookies gebruiken wij niet': the denial after the label."""
_ASKED = re.compile(r"(?i)toestemming (is )?(\w+ ){0,2}(vereist|nodig|gevraagd|vragen)|(vragen|vraagt|ask|asks) (\w+ ){0,3}"
                    r"(toestemming|consent)|(alleen|only) (met|with) (je |jouw |uw |your )?(toestemming|consent)|"
                    r"consent is (always )?required|require (your )?consent|\bif you accept|\bonce you (have )?accept|"
                    r"\bals (je|u) (ze |deze |die )?(accepteert|toestaat)|\bna (je|jouw|uw) toestemming|"
                    r"(alleen|only) (als|if|when) (je|u|you) (daarvoor |daar )?(toestemming|consent|accept)|"
                    r"\bnadat (je|u) (ze |deze |die )?[^.;]{0,30}(geaccepteerd|toestemming)")
_ASKED_BEFORE = re.compile(r"(?i)^(?:met|with) (?:je|jouw|uw|your) (?:toestemming|consent)\b[^.;]*$|"
                           r"\b(?:toestemming (?:te )?(?:geven|geeft|vragen|vraagt)|(?:ask|asks|give|gives) (?:your |you for )?"
                           r"consent) (?:voor|to|for) (?:het (?:plaatsen|gebruik) van |the (?:use|placing) of )?(?:\w+ ){0,2}$|"
                           r"\b(?:als|if) (?:je|u|you) (?:daarmee |daar )?(?:akkoord gaat|agree|accept)\w*,?\s+(?:\w+ ){0,2}$")
"""'Met je toestemming plaatsen we ook de Facebook-pixel', 'je kunt toestemming geven voor het plaatsen van
niet-functionele cookies', 'als je daarmee akkoord gaat, statistische cookies': consent stated before the label."""
_CHOICE = re.compile(r"(?i)\b(kiezen|kies|choose)\b[^.;]{0,60}$")
_ACCEPT = re.compile(r"(?i)[^.;]{0,80}?\b(te accepteren|accepteert|to accept|accept)\b")
"""'Je kunt kiezen statistische cookies te accepteren': a choice offered before they are placed."""
_NOT_ASKED = re.compile(r"(?i)(zonder|without) (je |jouw |uw |your )?(toestemming|consent)|geen toestemming|"
                        r"no consent|(do|does) not (need|require) (your )?consent|(staan|are) altijd aan|always (on|active)|"
                        r"(vragen|vraagt|ask) (wij |we )?(je |u )?geen toestemming|(do not|don't) ask (for )?(your )?consent")
_ARTICLE = re.compile(r"^(?:Een|De|Het|The|A|An|Onze|Our|Deze|This|Die|That)\s+")
_COOKIE = re.compile(r"(?i)cookie|tracker")
_OWN = re.compile(r"(?i)^(eigen|own|first[- ]party|wij|we|ons|us|onze website|our website|-|–)$")
_EMBEDDED = re.compile(r"(?i)ingesloten|\bembed|ingebed")
_OWN_USE = re.compile(r"(?i:\b(?:we|wij|us|our|ons|onze|ik|mijn|my|(?:deze|this) (?:web)?(?:site|shop|winkel)|"
                      r"(?:de|the) (?:cookie[- ]?(?:banner|melding|balk|notice|tool)|consent banner)|"
                      r"(?:je|u|you) (?:kunt|kan|can) (?:ervoor )?(?:kiezen|choose|accepteren|accept|weigeren|refuse))\b)|"
                      r"^(?!(?:Een|De|Het|Deze|Die|Elke|Veel|Sommige|Zo|Zulke|A|An|The|These|Those|Every|Many|Some|"
                      r"Such)\b)[A-Z][\w&.'-]*(?: [A-Z0-9][\w&.'-]*){0,4} "
                      r"(?:gebruikt|maakt (?:ook )?gebruik|plaatst|uses|places|sets)\b")
"""A statement of the notice's own use of trackers: the organisation in the first person, 'this website', its
cookie banner ('via de cookiebanner kun je toestemming geven'), a choice it offers ('je kunt ervoor kiezen ...'), or
a name using them ('Bakkerij Jansen gebruikt functionele cookies'), not a definition ('Websites gebruiken analytische
cookies om ...')."""
_GENERIC = re.compile(r"(?i)^websites\b|\bwebsites (?:gebruiken|plaatsen|zetten|use|place|set)\b|"
                      r"\b(?:een website|a website|website[- ]?(?:eigenaars?|owners?)|"
                      r"(?:je|jouw|uw) website|(?:soorten|typen|types|kinds|categorie\w*) (?:van |of )?cookies|ingedeeld|divided)\b|"
                      r"^(?:[^\s-]+[- ]){0,3}cookies? (?:zijn|is|are)\b")
"""A definition of a category ('Functionele cookies zijn nodig om een website ...', 'there are three types of
cookies'), not a statement of trackers the notice's organisation uses."""
_USE = r"\b(?:gebruik\w*|plaats\w*|zet\w*|use[sd]?|sets?|places?)\b"
_USE_QUESTION = re.compile(rf"(?i)(?:{_USE}[^.;!?]{{0,60}}\bcookies?\b|\bcookies?\b[^.;!?]{{0,30}}{_USE})[^.;!?]{{0,30}}\?$")
"""A question of the notice's use of cookies ('Gebruikt X cookies?', 'Plaatst de site cookies?'), its answer below."""
_HYPOTHETICAL = re.compile(r"(?i)\b(?:ever|ooit|in the future|in de toekomst|could|would|zou|zouden)\b")
"""A tracker the notice may use one day or would use otherwise ('if we ever introduce a tool that requires cookies',
'the default embeds would set cookies'), none it uses."""
_CATEGORY_LINE = re.compile(r"(?i)^(?:soort|type|categorie|category)\s*:")
_HEADING_LIKE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[^.;:!?]{0,60}$")
"""A line that names a category as a heading does ('2.1 Strictly necessary cookies', 'Functionele cookies')."""
_JUDGED = "Review: the notice gives these cookies no category; this one follows the purpose it states."


class _Mention(NamedTuple):
    """One tracker a sentence names: its category, where, its provider's recipient id and a review note."""

    category: str
    start: int
    end: int
    provider: str | None = None
    note: str | None = None


def cookies(items: list[Sentence], taken: set[str], named: list[dict], own: list[str | None]) -> tuple[list[dict], list[dict]]:
    """The cookie elements the notice states, and the providers it names that are not yet among the ``named``
    recipients (with ids from ``taken``) nor ``own`` names of the controller (its name, the notice's title). A label
    without a provider ('marketing cookies') is one element of its category where the notice tells of its own
    trackers (no definition of the category), unless the notice names providers it puts in that category: then it
    states their consent."""
    finder = _Providers(named, [name for name in own if name], taken)
    own_use = any(_COOKIE.search(s.text) and _OWN_USE.search(s.text) for s in items)  # it tells of its own cookies
    found: dict[tuple[str, str | None], dict] = {}
    general: list[tuple[Sentence, _Mention]] = []
    header: list[str] = []
    header_section = ""
    table: list[dict] = []  # the cookies of the table just read, while its section goes on
    previous: tuple[Sentence, list[_Mention]] | None = None
    order: dict[int, int] = {}
    block: list[tuple[Sentence, _Mention]] = []  # the trackers of a block of labelled lines ('Soort: ...')
    told: dict[tuple[int, int], tuple[str, Sentence]] = {}  # the consent a block's line states for a category
    context: tuple[str, str | None] = ("", None)  # the section read and the category its heading names
    lead: Sentence | None = None  # the last sentence that is no list item: the lead-in of a list
    earlier = ""  # the text of the section before the sentence read
    judged: set[tuple[str, str]] = set()  # the trackers whose category the notice does not state
    for index, sentence in enumerate(items):
        order[id(sentence)] = index
        heading = sentence.section.rsplit(">", 1)[-1]
        cells = _TABLE.split(sentence.text.strip(" |"))
        if header and sentence.section != header_section:
            header = []  # a table ends with its section
        if len(cells) >= 3 and len(cells) == len(header):
            table += _row(cells, header, sentence, finder, found, _heading_category(heading, bare=True))
            continue
        if len(cells) >= 3 and _COOKIE.search(f"{sentence.section} {sentence.text}") and _is_header(cells):
            header, header_section, table = cells, sentence.section, []
            continue
        if header and sentence.text.endswith("|"):
            continue  # the rest of a row's last cell, which a full stop cut off
        header = []
        if table and table[0]["provenance"][0]["section"] != sentence.section[:200]:
            table = []
        lead = sentence if not sentence.bullet else lead
        denied = _HYPOTHETICAL.search(sentence.text) or sentence.bullet and lead and _DENIED_LIST.search(lead.text)
        mentions = [] if denied else _labels(sentence, finder, own_use)
        if sentence.section != context[0]:
            context, earlier = (sentence.section, _heading_category(heading)), ""
        if _HEADING_LIKE.match(sentence.text) and _COOKIE.search(sentence.text):
            context = (sentence.section, _heading_category(sentence.text))  # a heading line ('2.3 Analytics cookies')
        if not (denied or _GENERIC.search(sentence.text)):
            mentions += _served(sentence, finder, mentions, context[1], _about_cookies(items, index),
                                earlier if _BACK.search(sentence.text) else "")
        earlier += f" {sentence.text}"
        if table and not mentions and _THESE.search(sentence.text) and (consent := _consent(sentence, 0, 0)):
            for cookie in table:
                _state(cookie, consent, sentence, 0, len(sentence.text))
        listed = _PROVIDERS.match(sentence.text)
        if listed and not mentions and previous:  # a category's list item, its providers on the line below
            bullet, above = previous
            for category in dict.fromkeys(m.category for m in above):
                mention = next(m for m in above if m.category == category)
                for provider in finder.listed(listed, sentence):
                    _add(found, _Mention(category, listed.start("list"), listed.end("list"), provider), sentence,
                         consent=_consent(bullet, mention.start, mention.end), term=bullet.text[mention.start:mention.end])
        previous = (sentence, mentions) if sentence.bullet and mentions else None
        if (labelled := _CONSENT_LINE.match(sentence.text)) and not mentions and block:
            consent = "not_asked" if _NO_CONSENT.search(labelled.group("value")) else "asked"
            for above, mention in block:
                if mention.provider:
                    _state(found[(mention.category, mention.provider)], consent, sentence, 0, len(sentence.text))
                else:
                    told[(id(above), mention.start)] = (consent, sentence)
        block = [(sentence, m) for m in mentions] or (block if labelled or _LINE_LABEL.match(sentence.text) else [])
        for mention in mentions:
            if mention.provider is None:
                general.append((sentence, mention))
            else:
                if mention.note and (mention.category, mention.provider) not in found:
                    judged.add((mention.category, mention.provider))
                elif not mention.note:
                    judged.discard((mention.category, mention.provider))
                _add(found, mention, sentence)
    for sentence, mention in general:
        bound = [c for (key, provider), c in found.items()
                 if key == mention.category and provider and (key, provider) not in judged]
        consent = _consent(sentence, mention.start, mention.end)
        line = told.get((id(sentence), mention.start))
        if not bound and not _stated(items, order[id(sentence)], own_use):
            continue  # a definition of the category, not a tracker of the notice's own
        for cookie in bound or [_add(found, mention, sentence)]:
            if consent:
                _state(cookie, consent, sentence, mention.start, mention.end)
            if line:
                _state(cookie, line[0], line[1], 0, len(line[1].text))
    for cookie in found.values():
        cookie["name"] += f" ({finder.names[cookie['provider']]})" if "provider" in cookie else ""
    first = sorted(found.values(), key=lambda c: (order[c["at"][0]], c["at"][1]))  # in the notice's order
    for cookie in first:
        del cookie["at"]
    return [{"id": slug(c["name"], taken), **{k: v for k, v in c.items() if k != "provenance"},
             "provenance": c["provenance"][0] if len(c["provenance"]) == 1 else c["provenance"]}
            for c in first], finder.added


def _labels(sentence: Sentence, finder: _Providers, own: bool) -> list[_Mention]:
    """Every tracker ``sentence`` names and does not deny; a pixel only where it or the notice (``own``) tells of the
    notice's own trackers (not 'tools such as the Facebook Pixel collect personal data')."""
    text, found = sentence.text, []
    for match in sorted([*_LABEL.finditer(text), *_COORDINATED.finditer(text), *_RELATIVE.finditer(text),
                         *_NAMED_COOKIE.finditer(text)], key=lambda m: m.start()):
        category = "strictly_necessary" if match.re is _RELATIVE else next(key for key in CATEGORIES if match.group(key))
        quoted = match.start() > 0 and _QUOTED.match(text, match.start() - 1) and _QUOTED.match(text, match.end())
        if _denied(text, match) or match.re is _RELATIVE and any(m.start < match.start() < m.end for m in found) \
                or _SYNONYM.match(text, match.start()) or quoted:
            continue  # denied, the clause after a label ('functionele cookies die nodig zijn'), one of two names
            # ('technical or functional cookies'), or a quoted term ('wij spreken van "functionele cookies"')
        after = _PROVIDED.match(text, match.end())
        listed = _PROVIDERS.search(text, match.end()) if sentence.bullet else None
        providers = (finder.coordinated(after, sentence) if after
                     else finder.listed(listed, sentence) if listed else [])
        found += [_Mention(category, match.start(), match.end(), p) for p in providers or [None]]
    pixels = [_Mention("marketing", m.start(), m.end(), p, "Review: the notice gives the pixel no category; a pixel "
                                                           "reports on advertising.")
              for m in _PIXEL.finditer(text) if not _DENIED.search(text[:m.start()])
              and (own or _OWN_USE.search(text)) and (p := finder.find(m.group("name"), sentence, m.start(), m.end()))]
    for match in _BUTTONS.finditer(text):
        if not _denied(text, match):
            found += [_Mention("social_media", match.start(), match.end("words"), p)
                      for p in finder.coordinated(match, sentence)]
    labelled = [range(m.start, m.end + 1) for m in found]
    for match in [*_OF_PROVIDER.finditer(text), *_PLACES.finditer(text)]:
        providers = finder.coordinated(match, sentence) if match.re is _OF_PROVIDER else [
            finder.find(match.group("name"), sentence, match.start("name"), match.end("name"))]
        if _denied(text, match) or any(match.start() in span for span in labelled) or _EXAMPLE.search(text, 0, match.start()):
            continue
        category = _judged(re.split(r"[.;]", text[match.end():])[0]) or "unclassified"
        note = _JUDGED if category != "unclassified" else "Review: the notice gives these cookies no category; none is drafted."
        found += [_Mention(category, match.start(), match.end(), provider, note)
                  for provider in providers if provider and provider not in {m.provider for m in pixels}]
    used = _USES_COOKIES.search(text) if not found and not pixels else None
    if used and not _denied(text, used) and (category := _judged(re.split(r"[.;]", text[used.end():])[0])):
        found.append(_Mention(category, used.start(), used.end(), None, _JUDGED))
    return found + pixels


def _stated(items: list[Sentence], index: int, own: bool) -> bool:
    """Whether the sentence at ``index`` tells of the notice's own trackers: it, its section heading or a line
    labelling a category ('Soort: statistische cookies') does; for a line that names a category as a heading, the
    line before or after it; for a list item, its lead-in; for an answer, a question about the notice's cookies
    ('Gebruikt X cookies?'); or, in a notice that tells of its ``own`` cookies, any sentence but a definition (nor
    an item under one: 'There are three types of cookies. 1. Essential cookies')."""
    sentence, heading = items[index], items[index].section.rsplit(">", 1)[-1]
    before, after = (items[i] if 0 <= i < len(items) and items[i].section == sentence.section else None
                     for i in (index - 1, index + 1))
    listed = sentence.bullet or _HEADING_LIKE.match(sentence.text)
    lead = next((items[i] for i in range(index - 1, -1, -1) if not items[i].bullet), None) if sentence.bullet else None
    if _OWN_USE.search(sentence.text) or _OWN_USE.search(heading) or _CATEGORY_LINE.match(sentence.text):
        return True
    if own and not _GENERIC.search(sentence.text) and not (listed and before and _GENERIC.search(before.text)):
        return True
    if any(_USE_QUESTION.search(question) and not _GENERIC.search(question)
           for question in (before.text if before else "", heading)):
        return True
    return bool(lead and lead.section == sentence.section and _OWN_USE.search(lead.text)
                or _HEADING_LIKE.match(sentence.text) and any(o and _OWN_USE.search(o.text) for o in (before, after)))


def _about_cookies(items: list[Sentence], index: int) -> bool:
    """Whether the sentence at ``index``, its section heading or the next sentence of its section is about cookies."""
    sentence = items[index]
    following = items[index + 1] if index + 1 < len(items) and items[index + 1].section == sentence.section else None
    return bool(_COOKIE.search(sentence.section) or _COOKIE.search(sentence.text)
                or following and _COOKIE.search(following.text))


def _heading_category(heading: str, bare: bool = False) -> str | None:
    """The category a heading names ('Analytische cookies', '2.3 Analytics Cookies'), if it names one alone; with
    ``bare``, one by its word alone too ('Necessary', over a cookie table)."""
    if bare and (word := _BARE.match(heading.strip())):
        return next(key for key in CATEGORIES if word.group(key))
    labels = list(_LABEL.finditer(heading))
    found = {next(key for key in CATEGORIES if m.group(key)) for m in labels}
    return found.pop() if len(found) == 1 and len(heading.split()) <= 6 else None


def _served(sentence: Sentence, finder: _Providers, mentions: list[_Mention], heading: str | None,
            about_cookies: bool, earlier: str) -> list[_Mention]:
    """The services a sentence names as providers of trackers: of the one category the sentence or else its heading
    names ('Analytics cookies: Google Analytics ...', 'Wij maken gebruik van Hotjar' under 'Analytische cookies');
    about cookies, of the category the purpose after the name, or the ``earlier`` text of the section the sentence
    refers to, places them in ('we use Google Analytics to measure ...', '... statistische analyses. We maken
    daarvoor gebruik van Google Analytics'); or, embedded, of none ('embedded video's via Vimeo')."""
    labelled = {m.category for m in mentions if m.provider is None}
    opening = None if mentions else _OPENING.match(sentence.text)
    if opening:  # 'Analytics — Google Analytics and ...': a line listing the category's services
        labelled = {next(key for key in CATEGORIES if opening.group(key))}
    category = labelled.pop() if len(labelled) == 1 else None if labelled else heading
    if category is None and not ((about_cookies or _COOKIE.search(earlier) or _EMBEDDED.search(sentence.text))
                                 and _OWN_USE.search(sentence.text)):
        return []
    text, taken, found = sentence.text, {m.provider for m in mentions}, []
    for service in services.named(text, listed=bool(opening)):
        name = text[service.start:service.end]
        if any(m.start <= service.start < m.end for m in mentions) or text.count("(", 0, service.start) > text.count(
                ")", 0, service.start):
            continue  # the provider after a label, already read, or a name in an aside ('(via Google Ads)')
        judged = category or _judged(re.split(r"[.;]", text[service.end:])[0]) or _judged(earlier) or (
            "unclassified" if _EMBEDDED.search(text) else None)
        provider = judged and finder.find(name, sentence, service.start, service.end)
        if provider and provider not in taken and within(_key(finder.names[provider]), _key(name)):
            taken.add(provider)
            found.append(_Mention(judged, service.start, service.end, provider, None if category else _JUDGED))
    return found


def _judged(purpose: str) -> str | None:
    """The category a stated purpose places a tracker in, if any."""
    return next((key for key, words in _PURPOSES.items() if re.search(words, purpose, re.IGNORECASE)), None)


def _is_header(cells: list[str]) -> bool:
    """Whether a table row names its columns, one of them a tracker's category, purpose or provider."""
    columns = (_CATEGORY_COLUMN, _PROVIDER_COLUMN, _PURPOSE_COLUMN)
    return (any(c.search(cell) for c in columns for cell in cells)
            and sum(bool(_OTHER_COLUMN.match(cell) or any(c.search(cell) for c in columns)) for cell in cells) >= 2)


def _denied(text: str, match: re.Match[str]) -> bool:
    return bool(_DENIED.search(text[:match.start()]) or _DENIED_AFTER.match(text[match.end():]))


def _row(cells: list[str], header: list[str], sentence: Sentence, finder: _Providers, found: dict,
         heading: str | None) -> list[dict]:
    """The cookie of one row of a cookie table: its category from the category column, or else a category word in
    the purpose column or the first one ('Twitter advertising cookies'), or else the purpose it states, or else the
    one its ``heading`` names; its provider from the provider column, or else the purpose cell's opening name, or
    else a service the row names."""
    purpose = _column(header, _PURPOSE_COLUMN)
    columns = [i for i in (_column(header, _CATEGORY_COLUMN), purpose, 0) if i is not None]
    words = next((found_words for i in columns if (found_words := _CELL.search(cells[i]))), None)
    judged = None if words or purpose is None else _judged(cells[purpose])
    if not (words or judged or heading):
        return []
    category = next(key for key in CATEGORIES if words.group(key)) if words else judged or heading
    at = _column(header, _PROVIDER_COLUMN)
    opening = _CELL_PROVIDER.match(cells[purpose]) if purpose is not None else None
    service = next(iter(services.named(sentence.text, listed=True)), None)
    if at is not None:
        name = cells[at].strip()
    else:
        name = opening.group("name") if opening else sentence.text[service.start:service.end] if service else None
    start = sentence.text.find(name) if name else 0
    provider = finder.find(name, sentence, start, start + len(name)) if name else None
    note = "Review: the table gives this cookie no category; this one follows the purpose it states." if judged \
        else None
    return [_add(found, _Mention(category, 0, len(sentence.text), provider, note), sentence, term=cells[0].strip(),
                 pixel=bool(re.search(r"(?i)\bpixel\b", sentence.text)))]


def _column(header: list[str], kind: re.Pattern[str]) -> int | None:
    """The first column whose heading is of ``kind``."""
    return next((i for i, heading in enumerate(header) if kind.search(heading)), None)


def _add(found: dict, mention: _Mention, sentence: Sentence, term: str | None = None, consent: str | None = None,
         pixel: bool = False) -> dict:
    words = term or sentence.text[mention.start:mention.end]
    kind = "pixel" if pixel or re.search(r"(?i)pixels?$", words) else "embed" if _EMBEDDED.search(sentence.text) and \
        mention.category == "unclassified" else "cookie"
    cookie = found.setdefault((mention.category, mention.provider), {
        "name": CATEGORIES[mention.category][1], "term": words.strip()[:200], "type": kind, "category": mention.category,
        **({"provider": mention.provider} if mention.provider else {}),
        "provenance": [provenance(sentence, mention.start, mention.end, note=mention.note)], "at": (id(sentence), mention.start)})
    consent = consent or _consent(sentence, mention.start, mention.end)
    if consent:
        _state(cookie, consent, sentence, mention.start, mention.end)
    return cookie


def _state(cookie: dict, consent: str, sentence: Sentence, start: int, end: int) -> None:
    """Record on ``cookie`` the consent a statement at ``sentence.text[start:end]`` states, unless it has one."""
    if "consent" not in cookie:
        cookie["consent"] = consent
        if (here := provenance(sentence, start, end)) not in cookie["provenance"]:
            cookie["provenance"].append(here)


def _consent(sentence: Sentence, start: int, end: int) -> str | None:
    """Whether the statement of a tracker at ``text[start:end]`` says consent is asked for it."""
    text = sentence.text
    rest = text[start:]
    chosen = _CHOICE.search(text[:start]) and _ACCEPT.match(text, end)
    if _NOT_ASKED.search(rest):
        return "not_asked"
    return "asked" if _ASKED.search(rest) or chosen or _ASKED_BEFORE.search(text[:start]) else None


class _Providers:
    """The recipient id of a provider's name: a drafted recipient's, none for the controller itself (a name within
    one of its ``own``), or a new named recipient (the provider of a tracker receives what it
    collects)."""

    def __init__(self, named: list[dict], own: list[str], taken: set[str]) -> None:
        self.named, self.taken, self.added = named, taken, []
        self.names = {r["id"]: r["name"] for r in named}
        self.own = [key for name in own if (key := _key(name))]

    def listed(self, match: re.Match[str], sentence: Sentence) -> list[str]:
        """The ids of the providers a list ('Aanbieders: A, B') names."""
        names = [(m.start(), m.end()) for m in re.finditer(r"[^,]+?(?=,|\s+(?:en|and)\s+|$)", match.group("list"))]
        found = [self.find(match.group("list")[a:b].strip(" ,"), sentence, match.start("list") + a, match.start("list") + b)
                 for a, b in names]
        return [p for p in dict.fromkeys(found) if p]

    def coordinated(self, after: re.Match[str], sentence: Sentence) -> list[str]:
        """The ids of the provider named ``after`` a label and of those coordinated with it ('cookies from Google
        Analytics and Hotjar')."""
        found, match = [], after
        while match and (provider := self.find(match.group("name"), sentence, match.start("name"), match.end("name"))):
            found.append(provider)
            match = _AND_NAME.match(sentence.text, match.end())
        return list(dict.fromkeys(found))

    def find(self, name: str, sentence: Sentence, start: int, end: int) -> str | None:
        name = _ARTICLE.sub("", re.sub(r"\s*\(.*$", "", name)).strip()
        key = _key(name)
        if not key or not re.search(r"[A-Z]", name) or _OWN.match(name) or any(same(key, own) for own in self.own):
            return None
        known = next((r for r in [*self.named, *self.added] if same(key, _key(r["name"]))), None)
        if known is None:
            known = {"id": slug(name, self.taken), "name": name, "named": True, "role": "recipient",
                     "provenance": provenance(sentence, start, end, note="Review: named as the provider of a cookie "
                                                                          "or pixel; its role is not stated.")}
            self.added.append(known)
            self.names[known["id"]] = known["name"]
        return known["id"]
