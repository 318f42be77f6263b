"""Named recipients, from the layouts notices name them in: a labelled or introduced list ('Aanbieders: A, B
en C', 'the following processors: A (hosting), B'), the items and table rows of a recipients section
('A – hosting – Ierland'), prose on what the organisation uses ('we use A and B', 'via A'), names with a
legal form in sentences about sharing, and pac's well-known recipients (cited reference data). Each
carries the country and transfer tools its own item states (its sentence's when that names only it)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml

from .controller import LEGAL_NAME
from .text import Sentence, provenance
from .transfers import claimed, country, is_tool

_SHARING = re.compile(r"(?i)verwerker|processor|on our behalf|namens ons|in (onze )?opdracht|delen|gedeeld|share|"
                      r"provided by|geleverd door|service of|dienst van|ontvang|receive|doorgegeven|hosted|gehost|"
                      r"through|via|gebruik|we use|uses?\b|stores?|slaat .* op|servers?|cookies|pixel|plugin|button|"
                      r"embedded|analytics|advertis|advertent")
_PROCESSOR = re.compile(r"(?i)verwerker|processor|on our behalf|namens ons|in (onze )?opdracht")
_BROWSER = re.compile(r"(?i)browser|\bChrome\b|Safari|Firefox|\bEdge\b|Play Store|App Store")
_TOKEN = r"(?:[A-Z\u00c0-\u00de]|[a-z]{1,3}[A-Z])[\w&'\u2019-]*(?:\.[\w-]+)*\.?"
_NAME = re.compile(rf"(?:\(\w+\) )?{_TOKEN}(?: (?:& )?(?:{_TOKEN}|\d\w*)){{0,4}}")
_ABBREVIATION = re.compile(r"(?:\.\w+)+\.$|(?i:inc|ltd|co|corp|plc)\.$")
_CONTACT = re.compile(r"(?i)contact|bereik|reach|e-?mail (ons|us)|bel ons|call us|schrijf|write to")
_NEGATION = re.compile(r"(?i)\b(niet|geen|nooit|not|never|no)\b\W+(\w+\W+)?$")
_NOUNS = (r"(?:partij|parties|verwerker|processor|sub-?processor|ontvanger|recipient|leverancier|supplier|dienst|services|"
          r"provider|aanbieder|tools|software|bedrijven|companies|organi[sz]ations|partners|apps|platforms|plugins|derden|"
          r"third)")
_LIST_INTRO = re.compile(
    r"(?i)(?:\b(?:aanbieders?|providers?|(?:sub-?)?verwerkers?|(?:sub-?)?processors?|ontvangers?|recipients?|"
    r"partners?|leveranciers?|suppliers?|vendors?)|(?:volgende|these|following) (?:[\w-]+ ){0,3}?" + _NOUNS +
    r"\w*)\s*:\s*|"
    r"\b(?:onze|our) (?:sub-?)?(?:verwerkers|processors|ontvangers|recipients|leveranciers|suppliers) (?:zijn|are)\s*:?\s*")
_USES = re.compile(
    r"(?i)(?:\b(?:we|wij) (?:also |ook |only |alleen |mainly |vooral )?"
    r"(?:use|gebruiken|werken (?:samen )?met|work with|rely on|partner with)|gebruiken (?:we|wij)|"
    r"\bmaken (?:we |wij )?gebruik van|\bmake use of|\bmakes? use of|\bmaakt gebruik van|\bvia|\bthrough|"
    r"\b(?:provided|supplied|powered|delivered|handled|carried out|operated|managed|developed|offered|processed|"
    r"stored|sent|hosted|run) (?:by|with|at)|\b(?:geleverd|bezorgd|verzorgd|uitgevoerd|afgehandeld|verwerkt|beheerd|"
    r"ontwikkeld|aangeboden|opgeslagen|verstuurd|verzonden|gehost) (?:door|bij)|"
    r"\b(?:services?|diensten?|software|plugins?|buttons?|tools?|pixel|koeriers?|couriers?|bezorgers?|systeem|system|"
    r"servers?|hulp|tussenkomst)['\u2019\"]? (?:of|from|van)|"
    r"\b(?:onze|our)\s\w*(?:provider|leverancier|partner|aanbieder|partij|hoster|verwerker|processor|supplier)s?(?= [A-Z])|"
    r"\b(?:runs|run|draait|draaien|is built|built|gebouwd|hosted) (?:on|op|with|met|in)|"
    r"\b(?:share|shares|delen|deelt|verstrekken|verstrekt|provide|disclose|discloses|doorgeven|geven|geeft|send|sends)\b"
    r"[^.;:]{0,40}?\b(?:with|met|aan|to))\s+")
_STORED = re.compile(r"(?i)opgeslagen|opslaan|slaat|stored?|stores|servers?|overgebracht|doorgegeven|transfer|gevestigd|"
                     r"located|based in|hosted|gehost")
_FOR_US = re.compile(r"(?i)\bvoor ons\b|\bfor us\b")
_SUBJECT = re.compile(r" (?:processes|verwerkt|stores|slaat|hosts|host|provides|levert|receives|ontvangt|handles|"
                      r"sends|verstuurt|verzorgt|acts as|treedt op|is our|is onze|is ons)\b")
_EXAMPLES = re.compile(r"(?i)\b" + _NOUNS + r"[^.;:]{0,60}?\b(?:zoals|such as|including|include|includes|bijvoorbeeld|"
                       r"for example|e\.g\.|namely|namelijk|waaronder|onder andere|onder meer|o\.a\.)\s+")
_FORMS = r"(?:Inc|Ltd|LLC|B\.V|N\.V|GmbH|SE|S\.A|SARL|AB|ApS|Oy|AG|Limited|plc)\.?"
_FORM_TAIL = re.compile(rf",? ?(?:{_FORMS})?\.?\s*")
_COMMA_FORM = re.compile(rf", {_FORMS}(?!\w)")
_FILLER = re.compile(r"(?i)(?:(?:on|op|with|met|van|of|by|door|aan|to|voor|for|(?-i:de|het|the)) (?-i:(?=[A-Z]))|"
                     r"(?:hiervoor|daarvoor|hierbij|"
                     r"daarbij|hiertoe|daartoe|therefore|also|ook|onder (?:andere|meer)|o\.a\.|among others|such as|"
                     r"zoals|bijvoorbeeld|for example|e\.g\.|including|waaronder|met name|namely)\s+)+")
_RECIPIENTS_SECTION = re.compile(r"(?i)verwerkers|ontvangers|derden|derde partijen|delen|recipients|processors|"
                                 r"third parties|who receives|shar(e|ing)|leveranciers|suppliers|partners|providers")
_SEPARATOR = re.compile(r",\s*|;\s*|\s+(?:en|and|or)\s+")
_HEADER = re.compile(r"(?i)(naam|name|doel|purpose|land|country|locati|aanbieder|provider|cookie|bewaartermijn|retention|"
                     r"looptijd|expir|duration|dienst|service|waarborg|safeguard|transfer|type|categor|verwerker|"
                     r"processor|sub-?processor|partij|party|ontvanger|recipient|leverancier|supplier|vendor|functie|"
                     r"function|gegevens|data)\w*(\s\w+){0,3}$")
_RECIPIENT_COLUMN = re.compile(r"(?i)aanbieder|provider|verwerker|processor|partij|party|ontvanger|recipient|leverancier|"
                               r"supplier|vendor|bedrijf|company")
_CELLS = re.compile(r"\s+[|\u2013\u2014-]\s+|\t+|\s{3,}")
_STOP = set("""de het een the a an onze ons our uw your je jouw mijn my deze this these die dat that alle all andere
other we wij u you zij it naam name doel purpose land country personal persoonsgegevens data gegevens information
informatie services service diensten dienst website websites site app apps platform account cookies cookie content
products product email e-mail internet europese european eu eer eea avg gdpr uavg commissie commission autoriteit kvk
iban bsn sms ip wanneer when als if sommige some elke each every iedere geen none niemand nobody jij hij ze men they he she
iedereen everyone artikel article art instellingen settings profiel profile formulier form contactformulier ssl tls
https http vpn bank rechtbank gemeente inspectie curator deurwaarder notaris school stichting vereniging foundation
association organisatie organisation portal portaal""".split())
_NOT_LAST = {"cookies", "cookie", "gegevens", "data", "persoonsgegevens", "doeleinden", "purposes", "doelen"}
_CATEGORIES = re.compile(r"(?i)leverancier|supplier|provider|aanbieder|partij|part(y|ies|ner)|bedrij[fv]|compan|"
                         r"organi[sz]ati|"
                         r"instanti|authorit|overhe|government|accountant|boekhoud|bookkeep|advoca|lawyer|hosting|hoster|"
                         r"verwerker|processor|ontvanger|recipient|dienstverlen|adviseur|advis|consultant|verzeker|insur|"
                         r"incasso|collection|politie|police|rechter|court|toezicht|regulator|werkgever|employer|klant|"
                         r"customer|medewerker|employee|gebruiker|user|derde|third|software|platform|adres\b|address|"
                         r"telefoon|phone|geboorte|birth|gegevens|agenc|bureau|kantoor|office|institution|hospital|"
                         r"ministr|municipal")


@dataclass(frozen=True)
class _Layout:
    """What the sentences before one tell about it: the sentence about recipients that introduces its list
    (empty if none), and which column of a table names the recipient (its header's; -1 when a header has none:
    a cookie table)."""

    intro: str = ""
    column: int = 0

    def after(self, sentence: Sentence) -> _Layout:
        cells = _CELLS.split(sentence.text)
        if _is_header(cells):
            return _Layout(self.intro, _column(cells))
        if len(cells) >= 2:
            return self
        if sentence.bullet:
            return _Layout(self.intro)
        tail = re.split(r"(?i)gegevens|data\b|informati", sentence.text)[-1]
        return _Layout(sentence.text if sentence.text.endswith(":") and re.search(r"(?i)" + _NOUNS, tail) else "")


def _is_header(cells: list[str]) -> bool:
    return sum(bool(_HEADER.match(cell.strip())) for cell in cells) >= 2


def _column(header: list[str]) -> int:
    """The column of a table header (its cells) that names recipients."""
    named = next((i for i, cell in enumerate(header) if _RECIPIENT_COLUMN.search(cell)), None)
    return named if named is not None else -1 if any("cookie" in cell.casefold() for cell in header) else 0


@dataclass(frozen=True)
class _Mention:
    name: str
    sentence: Sentence
    start: int
    end: int
    scope: tuple[int, int]
    row: str | None = None
    processor: bool = False


@cache
def well_known() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(id, names pattern) of pac's well-known recipients (``pac/reference/data/recipients.yaml``)."""
    data = yaml.safe_load(resources.files("pac.reference").joinpath("data/recipients.yaml").read_text("utf-8"))
    return tuple((row["id"], re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(row["names"], key=len, reverse=True))
                                        + r")\b")) for row in data["recipients"])


def recipients(items: list[Sentence], controller_name: str | None) -> list[dict]:
    """The named recipients, one element per name (its first statement wins), in the notice's order, with the
    countries and tools that later sentences naming only that recipient state."""
    mentions: list[_Mention] = []
    layout, section = _Layout(), None
    for sentence in items:
        if sentence.section != section:
            section, heading = sentence.section, sentence.section.split(" > ")[-1]
            cells = _CELLS.split(heading)
            layout = _Layout(column=_column(cells) if _is_header(cells) else 0)
        processor = bool(_PROCESSOR.search(layout.intro))
        mentions += [replace(m, processor=processor) for m in _mentions(sentence, layout) if _plausible(m, controller_name)]
        layout = layout.after(sentence)
    found: dict[str, dict] = {}
    called: dict[str, str] = {}
    for mention in mentions:
        key = _key(mention.name)
        if any(key == other or _prefix(key, other) or _prefix(other, key) for other in found) or any(
                _key(o.name).startswith(key + " ") for o in mentions if o.row and o.row == mention.row):
            continue
        base = re.sub(r"^\(\w+\) | \(.*$", "", mention.name)
        called |= {name: key for name in ({base, base.split()[0]} if mention.row else {base}) if name not in called}
        alone = len({_key(o.name) for o in mentions if o.sentence is mention.sentence}) == 1
        found[key] = _recipient(mention, alone)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(called, key=len, reverse=True))) + r")\b")
    for sentence in items if called else ():
        named = {called[m.group(1)] for m in pattern.finditer(sentence.text)}
        element = found[named.pop()] if len(named) == 1 else None
        if element and not isinstance(element["provenance"], list) and element["provenance"]["quote"] not in sentence.text:
            _stated_later(element, sentence)
    return list(found.values())


def _stated_later(element: dict, sentence: Sentence) -> None:
    """Add to ``element`` the tools and (if it has none) the country where ``sentence`` stores or sends its data."""
    tools = [t for t in claimed(sentence) if t["tool"] not in {o["tool"] for o in element.get("transfer_tools", ())}]
    if tools:
        element.setdefault("transfer_tools", []).extend(tools)
    stated = country(sentence.text) if _STORED.search(sentence.text) else None
    if stated and "country" not in element:
        element["country"] = stated
        element["provenance"] = [element["provenance"], provenance(sentence)]


def _prefix(short: str, long: str) -> bool:
    """Whether a name of two words or more opens a longer one ('Amazon Web Services' in 'Amazon Web Services
    EMEA SARL'): the same recipient named twice."""
    return " " in short and long.startswith(short + " ")


def _key(name: str) -> str:
    return " ".join(re.sub(r"\(.*?\)|[.,]", " ", name).casefold().split())


def _plausible(mention: _Mention, controller_name: str | None) -> bool:
    """Whether a mention is a name of someone else: not the controller, a country, a law or a common word."""
    name = re.sub(r"^\(\w+\) ", "", mention.name)
    words = [w.casefold() for w in name.split()]
    if controller_name and (name in controller_name or controller_name in name):
        return False
    if mention.row:
        return not _BROWSER.search(mention.sentence.text)
    if LEGAL_NAME.fullmatch(name):
        return True
    return (len(name) > 1 and words[0] not in _STOP and words[0].split("-")[0] not in _STOP
            and not all(w in _STOP for w in words)
            and words[-1] not in _NOT_LAST and not country(name) and not is_tool(name)
            and not _CATEGORIES.search(name))


def _mentions(sentence: Sentence, layout: _Layout) -> list[_Mention]:
    """The recipients ``sentence`` names, by every layout, in the order of the text."""
    text = sentence.text
    found = [_Mention(m.group(1), sentence, m.start(1), m.end(1), (0, len(text)), row)
             for row, pattern in well_known() for m in pattern.finditer(text)
             if not _NEGATION.search(text, max(0, m.start() - 30), m.start())] if (
        _SHARING.search(text) or sentence.bullet) else []
    found += _listed(sentence, layout)
    for match in _EXAMPLES.finditer(text):
        found += _names(sentence, match.end(), len(text), stop=True)
    if _SHARING.search(text):
        found += [_Mention(m.group(1), sentence, m.start(1), m.end(1), (0, len(text))) for m in LEGAL_NAME.finditer(text)]
    lead = _lead(text, 0)
    if lead and not lead[0] and _SUBJECT.match(text, lead[1]) and (_PROCESSOR.search(text) or _FOR_US.search(text)):
        found.append(_Mention(text[:lead[1]], sentence, 0, lead[1], (0, len(text))))
    for match in _USES.finditer(text):
        if not _NEGATION.search(text, 0, match.start()) and not (
                match.group(0).casefold().strip() in ("via", "through") and _CONTACT.search(text)):
            found += _names(sentence, match.end(), len(text), stop=True)
    spans: dict[tuple[int, int], _Mention] = {}
    for mention in found:
        same = spans.get((mention.start, mention.end))
        if same:
            narrow = min(same.scope, mention.scope, key=lambda scope: scope[1] - scope[0])
            mention = replace(mention, scope=narrow, row=same.row or mention.row)
        spans[mention.start, mention.end] = mention
    return _joined(sorted(spans.values(), key=lambda m: m.start))


def _listed(sentence: Sentence, layout: _Layout) -> list[_Mention]:
    """The names of a list: introduced ('de volgende partijen: ...'), an item of a bulleted list under a
    recipients heading or introduced so, or a table row ('A – hosting – Ierland', 'A | payments | US'), in the
    column its header names recipients in."""
    text = sentence.text
    intro = _LIST_INTRO.search(text)
    if intro:
        return _names(sentence, intro.end(), len(text), stop=False)
    cells = _CELLS.split(text)
    in_section = bool(layout.intro) or bool(_RECIPIENTS_SECTION.search(sentence.section))
    if len(cells) >= 3 or (len(cells) == 2 and in_section):
        if _is_header(cells) or not 0 <= layout.column < len(cells):
            return []
        bounds = [0, *(i for m in _CELLS.finditer(text) for i in m.span()), len(text)]
        return _cell(sentence, bounds[2 * layout.column], bounds[2 * layout.column + 1])
    if not (sentence.bullet and (in_section or country(text) or claimed(sentence))):
        return []
    labelled = re.match(r"[^:]{1,40}:\s*", text)
    if labelled and _lead(text, labelled.end()):
        return _names(sentence, labelled.end(), len(text), stop=True)
    return _cell(sentence, 0, re.search(r"\s*(?:\(|:|,|\s[\u2013\u2014-]\s|$)", text).start())


def _cell(sentence: Sentence, start: int, end: int) -> list[_Mention]:
    """The name that ``sentence.text[start:end]`` (a table cell, the head of a list item) consists of, if any;
    a legal form after a comma ('Cloudflare, Inc.') is part of it."""
    lead = _lead(sentence.text, start)
    if not lead or lead[0] != start or not _FORM_TAIL.fullmatch(sentence.text, lead[1], end):
        return []
    end = end if sentence.text[lead[1]:end].strip(". ") else lead[1]
    return [_Mention(sentence.text[start:end], sentence, start, end, (0, len(sentence.text)))]


def _names(sentence: Sentence, start: int, end: int, stop: bool) -> list[_Mention]:
    """The names that open the items of the list in ``sentence.text[start:end]``; with ``stop``, only up to
    the first item that is not a name (prose), else every item that is one (a list)."""
    found = []
    for piece_start, piece_end in _items(sentence.text, start, end):
        lead = _lead(sentence.text, piece_start)
        if lead and lead[1] <= piece_end:
            found.append(_Mention(sentence.text[lead[0]:lead[1]], sentence, lead[0], lead[1], (piece_start, piece_end)))
        elif stop:
            break
    return found


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the items of a list (split at ',', ';', 'en', 'and', 'or' outside parentheses)."""
    spans, depth, begin, i = [], 0, start, start
    while i < end:
        char = text[i]
        depth += (char == "(") - (char == ")")
        at_top = depth == 0 and char in ",; " and not _COMMA_FORM.match(text, i)
        separator = _SEPARATOR.match(text, i) if at_top else None
        if separator:
            spans.append((begin, i))
            begin = i = separator.end()
            continue
        i += 1
    spans.append((begin, end))
    return [(s, e) for s, e in spans if e > s]


def _lead(text: str, start: int) -> tuple[int, int] | None:
    """The span of the name an item opens with (after words like 'onder andere' or 'such as')."""
    filler = _FILLER.match(text, start)
    start = filler.end() if filler else start
    match = LEGAL_NAME.match(text, start) or _NAME.match(text, start)
    if not match:
        return None
    end = match.end()
    form = _COMMA_FORM.match(text, end)
    if form:
        return match.start(), form.end()
    return match.start(), end - 1 if text[end - 1] == "." and not _ABBREVIATION.search(text, 0, end) else end


def _joined(mentions: list[_Mention]) -> list[_Mention]:
    """A name followed closely by a legal name that it is a service of ('Mailchimp, a service of The Rocket
    Science Group LLC', 'Google Analytics (een Google Inc. Product)') taken as one recipient."""
    joined, skip = [], set()
    for index, mention in enumerate(mentions):
        if index in skip:
            continue
        text = mention.sentence.text
        for later, other in enumerate(mentions[index + 1:], index + 1):
            between = text[mention.end:other.start]
            if LEGAL_NAME.fullmatch(other.name) and 0 < len(between) < 40 and re.fullmatch(
                    r"(?i)\W*(\(|(een|a|an|the)\b|service|dienst|product|onderdeel|part\b|of\b|van\b|by\b|door\b)[^()]*",
                    between):
                skip.add(later)
                mention = _Mention(f"{mention.name} ({other.name})", mention.sentence, mention.start, other.end,
                                   mention.scope, mention.row)
                break
        joined.append(mention)
    return joined


def _recipient(mention: _Mention, alone: bool) -> dict:
    """The element of one mention; the country and tools of its item, or of its sentence when it names only it."""
    sentence = mention.sentence
    start, end = (0, len(sentence.text)) if alone else mention.scope
    element: dict = {"name": re.sub(r"\s+", " ", mention.name), "named": True,
                     "role": "processor" if mention.processor or _PROCESSOR.search(sentence.text)
                     or _PROCESSOR.search(sentence.section) else "recipient"}
    stated = country(sentence.text[start:end])
    if stated:
        element["country"] = stated
    tools = claimed(sentence, start, end)
    if tools:
        element["transfer_tools"] = tools
    element["provenance"] = provenance(sentence, mention.start, max(mention.end, min(end, mention.start + 120)))
    return element
