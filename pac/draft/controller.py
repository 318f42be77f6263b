"""The controller: its name, trade-register entry, address, contacts, DPO and supervisory authority."""

from __future__ import annotations

import re

from .text import Sentence, find, provenance

_FORMS = (r"(?:B\.V\.|N\.V\.|V\.O\.F\.|C\.V\.|U\.A\.|v\.z\.w\.|V\.Z\.W\.|BV|NV|VOF|CV|bv|vzw|VZW|BVBA|bvba|CommV|cvba|CVBA|SRL|GmbH|"
          r"Ltd\.?|Unlimited Company|DAC|CLG|ULC|CIC|Limited|LLP|plc|PLC|LLC|Inc\.|SE|S\.A\.|SAS|SARL|AB|ApS|A/S|AS|Oy|AG)")
_OPENERS = r"(?:Als|Bij|Door|Namens|Wij|We|Ons|Onze|Our|As|At|By|With|This|Dit|Deze|Via|Per|Op)\s"
"""Words that open a sentence before a name ('Als VOK vzw zijn wij ...', 'As Acme Ltd we ...'): not part of it."""
LEGAL_NAME = re.compile(r"\b((?:[A-Z]\w*(?:stichting|vereniging)|Stichting|Vereniging|Coöperatie(?:ve)?|Maatschap|VZW|[Vv]zw)"
                        r"\s+[A-Z][\w&'-]*(?:\s+(?!" + _FORMS + r"(?!\w))[A-Z0-9][\w&'-]*)*(?:\s+" + _FORMS + r"(?!\w))?"
                        r"|(?!" + _OPENERS + r")[A-Z][\w&'.-]*(?:\s+(?:[A-Z0-9][\w&'.-]*|van|de|der|voor|app))*\s+" + _FORMS + r")(?!\w)")
REGISTRATION = re.compile(r"(?i)\b(KvK(?:-nummer)?|Kamer van Koophandel|Chamber of Commerce|Handelsregister|KBO|"
                          r"ondernemingsnummer|company (?:registration )?(?:number|no\.?)|registered in England|"
                          r"Companies Registration Office|CRO|Companies House|org\. ?nr\.|organisation number)"
                          r"\D{0,40}?(\d[\d.-]{3,13}\d)(?!\d)")
"""A trade-register entry: the register's word, then its number (an Irish CRO number has five or six digits)."""
_REGISTERS = {"kbo": "KBO", "ondernemingsnummer": "KBO", "cro": "CRO", "companies registration office": "CRO",
              "companies house": "Companies House"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?i:telefoon(?:nummer)?|telefonisch|tel\.?|phone|bel(?:len)?|call|gsm|mobiel|bereikbaar)\D{0,30}?"
                   r"(\(?(?:\+\d{2}|0)[\d ()-]{7,16}\d|14 ?0\d{1,3}(?![\d -]\d))"
                   r"|(?<![\w+])(\+\d{2}[ (][\d ()-]{7,15}\d)|(?<![\w(])(\(0\d{1,4}\) ?\d[\d -]{4,10}\d)"
                   r"|@[\w-]+(?:\.[\w-]+)+,? (?:of|or|en|and|\||/)(?: on| op| via)? (0[\d ()-]{8,16}\d)"
                   r"|(?<![\w+(])(0\d{1,4}[ -]\d[\d -]{4,12}\d)(?=,? (?:(?:of|or|en|and|\||/) )?[\w.+-]+@)")
"""A phone number after a word for calling (a Dutch municipality's '14' and its area code, '14 0182', too), in
international form ('+31 30 799 1234'), with its area code in brackets ('(056) 772 1234', 'Telephone: (01) 639 5666'), or
beside an e-mail address ('privacy@x.example of 055 123 4567', '... | 030 ...', '02822-5376401, info@x.example')."""
_FAX = re.compile(r"(?i)\bfax\W{0,4}$")
"""A fax number's label just before it: a fax is no phone contact."""
STREET = re.compile(r"\b([A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?\s\d{1,4}[a-zA-Z]?)(?:,\s*|\s+in\s+)"
                    r"(?:(\d{4}\s?[A-Z]{2}|\d{4})\s+)?([A-Z][a-z\u00e0-\u00ff-]+(?:\s[A-Z][a-z]+)?)")
SUPERVISORY_AUTHORITIES = {
    "Autoriteit Persoonsgegevens": ("AP",), "Gegevensbeschermingsautoriteit": ("GBA",),
    "Autorité de protection des données": ("APD",), "Information Commissioner's Office": ("ICO",),
    "Data Protection Commission": ("DPC",), "Commission nationale de l'informatique et des libertés": ("CNIL",),
    "Integritetsskyddsmyndigheten": ("IMY",), "Datatilsynet": (), "Tietosuojavaltuutettu": (),
    "Garante per la protezione dei dati personali": (), "Agencia Española de Protección de Datos": ("AEPD",),
    "Commission nationale pour la protection des données": (),
}
"""The supervisory authorities a notice may name, each with the abbreviations notices use for it: the Dutch, Belgian,
British, Irish and French ones and others a notice may name for a controller established elsewhere (Swedish, Danish
or Norwegian, Finnish, Italian, Spanish, Luxembourg). The one list :data:`AUTHORITIES`, :data:`ABBREVIATION` and the
rights' complaint (``rights.py``) are built from; the names agree with ``pac/reference/data/national.yaml``."""
_ABBREVIATED = {short: name for name, shorts in SUPERVISORY_AUTHORITIES.items() for short in shorts}
ABBREVIATION = re.compile(r"(?-i:\b(?:" + "|".join(_ABBREVIATED) + r")\b)")
"""An authority by its abbreviation ('you can complain to the ICO'), capitals only (not the word 'ap')."""
_SPELLINGS = {"Information Commissioner's Office": r"Information Commissioner(?:'?s? Office)?"}
"""Names notices spell in more than one way (the Information Commissioner, with or without its Office)."""
AUTHORITIES = re.compile("|".join(_SPELLINGS.get(name, re.escape(name)) for name in SUPERVISORY_AUTHORITIES)
                         + r"|(?:Dutch |Belgian )?Data Protection Authority|"
                         r"(?:Bundes|Landes)beauftragte[rn]? für (?:den )?Datenschutz[\w ]*?(?= |,|\.|$)")
"""Supervisory authorities by name (also a German federal or state commissioner, a Data Protection Authority by
that title)."""
_COMPLAINT = re.compile(r"(?i)klacht|klagen|complain|complaint|toezicht|supervis")
DPO = re.compile(r"(?i)functionaris (?:(?:voor|van) )?(?:de )?gegevensbescherming|data protection officer|"
                 r"(?<![\w.])(?:DPO|FG)\b(?!@|\.\w)")
"""A DPO by title or abbreviation (not an e-mail address's 'dpo@' or 'dpo.office@')."""
_DPO_ADDRESS = re.compile(r"(?i)(dpo|fg|privacyofficer|dataprotectionofficer)@")
_FORM_AT_END = re.compile(r"\s+" + _FORMS + r"$")
_NO_DPO = re.compile(r"(?i)\b(geen|not|no)\b")
_COUNTRIES = {"NL": re.compile(r"\b(Nederland|the Netherlands)\b"), "BE": re.compile(r"\b(België|Belgique|Belgium)\b"),
              "DE": re.compile(r"\b(Duitsland|Deutschland|Germany)\b"), "FR": re.compile(r"\b(Frankrijk|France)\b")}
_BEFORE_REGISTRATION = re.compile(r"(?<!\d )(?<!\d [A-Z]{2} )(?<!\d[A-Z]{2} )\b([A-Z][\w&'.-]*(?:\s[A-Z0-9][\w&'.-]*){0,3}) \((?=KvK|Kamer van Koophandel)")
"""A name just before its KvK number in brackets, not a postal code's letters and its town ('5611 AB Eindhoven (KvK')."""
PUBLIC_BODY = re.compile(r"\b((?:[Cc]ollege van (?:burgemeester en wethouders|[Gg]edeputeerde [Ss]taten|[Dd]ijkgraaf en "
                         r"[Hh]eemraden) van (?:de )?(?:gemeente|provincie|waterschap|hoogheemraadschap) |"
                         r"(?<![Dd]e )(?<![Hh]et )(?:[Gg]emeente|[Pp]rovincie|[Ww]aterschap) )[A-Z][\w'-]*(?:[ -][A-Z][\w'-]*)?)")
"""A Dutch public body, which has no legal form: its governing board ('college van burgemeester en wethouders van de
gemeente Vlietstede') or itself by name ('Gemeente Vlietstede')."""
_RESPONSIBLE = re.compile(r"(?i)verantwoordelijk|responsible|controller|gevestigd|registered|geregistreerd|KvK|wie zijn wij|"
                          r"who we are|over (ons|mij)|about (us|me)\b")
SUBJECT = re.compile(r"^(?!(?:De|Het|The|Een|An?|Our|Onze?|Wij|We|This|Deze|Dit|Dat)\s)((?:[A-Z][\w&'-]*\s+){1,5}[A-Z][\w&'-]*)(?=(?:,[^.]{0,120},| \([^.()]{0,60}\))?\s+(?:is|are)\s+(?:(?:the|a|an|de|"
                     r"een)\s+)?(?:(?:data|(?:UK-)?registered)\s+)?(?:controller|verwerkingsverantwoordelijke|charity|stichting|"
                     r"vereniging|eenmanszaak|sole trader|verantwoordelijke?)\b"
                     r"|,\s*[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?\s\d{1,4}[a-z]?,|\s\((?:KvK|KBO|ondernemingsnummer|registered|company|charity))")
"""A name without a legal form as the subject of the sentence saying it is the controller ('Brookside Parish Council,
The Village Hall, ..., is the controller', 'Kestrel Wildlife Trust ("we") is a UK-registered charity'), or opening a sentence
with its address or register entry ('Huisartsenpraktijk Het Anker, Havenstraat 10, ...', 'X (registered charity ...)')."""
TRADING = re.compile(r"\b((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w'-]*),?\s+(?:h\.o\.d\.n\.|handelend onder de naam|"
                     r"handelt onder de naam|trading as|t/a)\s+([A-Z][\w&'-]*(?:\s+[A-Z0-9][\w&'-]*)*)")
"""A person or company trading under a name ('M. Bakker h.o.d.n. Bakker Boekhouding', 'Jane Reid trading as Reid
Plumbing'): the first is the controller's legal name (a sole trader has no legal personality of its own), the
second a trade name."""
_OTHER_RESPONSIBLE = re.compile(r"(?i)\b(?:zelf|zelfstandig|gezamenlijk|gezamenlijke|eigen|mede)\s*(?:verwerkings)?verantwoordelijk|"
                                r"\bjoint(?:ly)?[\s-]+(?:responsible|controllers?)\b|"
                                r"\b(?:independent|separate|own|their) (?:data )?controllers?\b|\b(?:themselves|itself) responsible\b|"
                                r"\bresponsible (?:themselves|itself|in (?:its|their) own right)\b")
"""A sentence saying another party is itself, or jointly with the controller, responsible ('Riverty is voor deze
verwerking zelf verantwoordelijk', 'zijn Meta Platforms Ireland Ltd en X gezamenlijk verantwoordelijk'): it does not
say who the notice's controller is."""
_CONTROLLER_WORD = re.compile(r"(?i)\b(?:verwerkings)?verantwoordelijke?\b|\b(?:data )?controller\b")
_SERVES = re.compile(r"(?i)\b(?:voor ons|namens ons|for us|on our behalf|in onze opdracht|verwerker|processor)\b")
"""A sentence naming a company that works for the controller: where no sentence says who is responsible and the
notice's first name is in one, no name is drafted as the controller's."""
_AUTHORITY_WORDS = re.compile(ABBREVIATION.pattern + r"|[Tt]oezichthoud|[Ss]upervisory authority|[Rr]egulator")
"""The authority by its abbreviation or its role: a contact stated for it is not the controller's."""


def legal_names(items: list[Sentence]) -> list[tuple[Sentence, re.Match[str]]]:
    """Every name with a legal form (B.V., Ltd, ...) in ``items``."""
    return list(find(LEGAL_NAME, items))


def controller(items: list[Sentence]) -> dict:
    """The controller element: the first name with a legal form in a sentence about who is responsible
    (else the first in the notice), with what else the notice states about it."""
    found: dict = {}
    named = _with_name_headings(items)
    order = {id(sentence): index for index, sentence in enumerate(named)}
    names = sorted([*find(TRADING, named), *legal_names(named), *find(_BEFORE_REGISTRATION, named), *find(SUBJECT, named),
                    *find(PUBLIC_BODY, named)],
                   key=lambda named: (order[id(named[0])], named[1].start()))
    subjects = [(s, m) for s, m in names if m.re is SUBJECT]
    names = [(s, m) for s, m in names if m.re is not SUBJECT]
    stated = ([(s, m) for s, m in names + subjects if _RESPONSIBLE.search(s.text) and not _OTHER_RESPONSIBLE.search(s.text)]
              or [(s, m) for s, m in names if _RESPONSIBLE.search(s.section)] or subjects
              or [(s, m) for s, m in names[:1] if not _SERVES.search(s.text)])
    stated.sort(key=lambda named: (order[id(named[0])], named[1].start()))
    provenances: list[dict] = []
    if stated:
        sentence, match = _nearest(stated)
        found["legal_name"] = match.group(1)
        if match.re is TRADING:
            found["trade_names"] = [match.group(2)]
        provenances.append(provenance(sentence, match.start(), match.end()))
    for sentence, match in find(REGISTRATION, items):
        word = match.group(1).casefold()
        register = _REGISTERS.get(word) or ("KvK" if word.startswith(("kvk", "kamer", "handelsregister")) else match.group(1))
        found["registration"] = {"register": register, "number": match.group(2).strip(),
                                 "provenance": provenance(sentence, match.start(), match.end())}
        if not provenances:
            provenances.append(provenance(sentence, match.start(), match.end()))
        break
    if stated:
        sentence = _nearest(stated)[0]
        street = STREET.search(sentence.text)
        if street:
            address = {"street": street.group(1)}
            if street.group(2):
                address["postal_code"] = street.group(2)
            address["city"] = street.group(3)
            country = next((code for code, p in _COUNTRIES.items() if p.search(sentence.text[street.end():][:40])), None)
            if country:
                address["country"] = country
                found["country"] = country
            address["provenance"] = provenance(sentence, street.start(), street.end())
            found["address"] = address
    if "country" not in found and found.get("registration", {}).get("register") == "KvK":
        found["country"] = "NL"
        provenances[0]["note"] = ("Review: controller.country NL is the drafter's judgement: the notice states no "
                                  "country, but a KvK registration places the establishment in the Netherlands.")
    others = {w for s, m in legal_names(items) if m.group(1) != found.get("legal_name")
              for w in re.findall(r"[A-Z]\w{3,}", _FORM_AT_END.sub("", m.group(1)))}
    contacts, dpo_contacts = _contacts(items, found.get("legal_name"), others)
    if contacts:
        found["contacts"] = contacts
    dpo = _dpo(items, dpo_contacts)
    if dpo:
        found["dpo"] = dpo
    authorities = sorted(find(AUTHORITIES, items), key=lambda named: not _COMPLAINT.search(named[0].text))
    for sentence, match in authorities[:1]:  # the one a complaint goes to, else the first named
        found["supervisory_authority"] = {"name": match.group(0), "provenance": provenance(sentence, match.start(), match.end())}
    abbreviated = [] if authorities else [(s, m) for s, m in find(ABBREVIATION, items) if _COMPLAINT.search(s.text)]
    for sentence, match in abbreviated[:1]:
        found["supervisory_authority"] = {"name": _ABBREVIATED[match.group(0)], "provenance": provenance(
            sentence, match.start(), match.end(), note=f"Review: the notice names the authority only as '{match.group(0)}'.")}
    if not provenances and found:  # contacts of a controller whose name has no form the drafter knows
        said = next(((sentence, m) for sentence in items if (m := _CONTROLLER_WORD.search(sentence.text))
                     and not _OTHER_RESPONSIBLE.search(sentence.text)), None)
        if said:
            provenances.append(provenance(said[0], said[1].start(), said[1].end(), note=(
                "Review: the notice names its controller here without a legal form; no legal name is drafted.")))
    if not provenances:
        return {}
    found["provenance"] = provenances[0]
    return found


def _with_name_headings(items: list[Sentence]) -> list[Sentence]:
    """``items`` with, before the first sentence under it, each heading that is a name with a legal form over a short
    line: the name line of an address block ('Socage GmbH' over 'Friethöfer Kamp 5'), which the text reads as a
    heading, as a sentence of the section before it."""
    found: list[Sentence] = []
    for index, sentence in enumerate(items):
        heading = sentence.section.rsplit(" > ", 1)[-1]
        if ((index == 0 or items[index - 1].section != sentence.section) and len(sentence.text.split()) <= 8
                and LEGAL_NAME.fullmatch(heading)):
            found.append(Sentence(items[index - 1].section if index else "(top)", sentence.activity, heading))
        found.append(sentence)
    return found


def _nearest(stated: list[tuple[Sentence, re.Match[str]]]) -> tuple[Sentence, re.Match[str]]:
    """Of the names in the first sentence about who is responsible, the one nearest to the words saying so
    ('developed by X GmbH and offered by Y B.V., which is the controller': Y)."""
    sentence = stated[0][0]
    said = _RESPONSIBLE.search(sentence.text)
    if said is None:
        return stated[0]
    return min((n for n in stated if n[0] is sentence),
               key=lambda n: min(abs(n[1].start() - said.start()), abs(n[1].end() - said.start())))


def _theirs(value: str, stated: str, owners: set[str], words: set[str], others: set[str]) -> bool:
    """Whether a contact belongs to someone other than the controller, by the words that state it (its sentence, and
    the lines above it in its contact block). An e-mail address at the controller's own domain (one carrying a word
    of its name, ``owners``) is the controller's; otherwise a contact stated for the supervisory authority is not;
    one stated for the DPO is (a DPO may sit at another firm); nor is one stated with another organisation (a word
    of its name, ``others``) and not the controller (``words``), or an e-mail address at another domain where the
    controller's own addresses carry its name."""
    domain = value.rpartition("@")[2].casefold()
    if "@" in value and any(word in domain for word in owners):
        return False  # at the controller's own domain, whoever else the sentence names
    if AUTHORITIES.search(stated) or _AUTHORITY_WORDS.search(stated):
        return True
    if DPO.search(stated):
        return False
    if any(re.search(rf"\b{w}\b", stated) for w in others) and not any(w in stated.casefold() for w in words):
        return True
    return bool(owners) and "@" in value


def _contacts(items: list[Sentence], name: str | None, others: set[str]) -> tuple[list[dict], list[dict]]:
    """The e-mail addresses and phone numbers of the notice: the controller's, and those stated for a DPO
    (not those of another organisation, see :func:`_theirs`; ``others``: the words of other organisations' names).
    An address named for the DPO ('fg@', 'dpo@') is the DPO's wherever it stands when the notice has a DPO; one
    named otherwise ('privacy@') that a sentence gives for the DPO is the controller's too (its general channel),
    and the DPO's alone where another sentence gives it without saying so, or where it stands in a block of contact
    lines that opens with the DPO ('Our DPO may be contacted at:' over 'Email: ...')."""
    mine: dict[tuple[str, str], dict] = {}
    dpo: dict[tuple[str, str], dict] = {}
    words = {w for w in re.findall(r"\w{4,}", (name or "").casefold())} | {re.sub(r"\W", "", (name or "").casefold())}
    words.discard("")
    owners = {w for w in words if any(w in m.group(0).casefold().rpartition("@")[2] for _, m in find(EMAIL, items))}
    others = {w for w in others if w.casefold() not in words}
    designated = any(True for _ in find(DPO, items))
    shared: set[tuple[str, str]] = set()
    blocks = {id(sentence): _block(items, index) for index, sentence in enumerate(items)}
    for pattern, channel in ((EMAIL, "email"), (PHONE, "phone")):
        for sentence, match in find(pattern, items):
            value = (next(filter(None, match.groups())) if channel == "phone" else match.group(0)).rstrip(".")
            block = blocks[id(sentence)]
            if _theirs(value, f"{block}\n{sentence.text}", owners, words, others) or _FAX.search(sentence.text, 0, match.start()):
                continue
            named = bool(_DPO_ADDRESS.match(value))
            targets = [dpo] if (named and designated) or (DPO.search(sentence.text) and named) else (
                [dpo, mine] if DPO.search(sentence.text) else [dpo] if DPO.search(block) else [mine])
            if len(targets) == 2:
                shared.add((channel, value))
            for target in targets:
                target.setdefault((channel, value), {"channel": channel, "value": value,
                                                     "provenance": provenance(sentence, match.start(), match.end())})
    return [c for key, c in mine.items() if key not in dpo or key in shared], list(dpo.values())


def _block(items: list[Sentence], index: int) -> str:
    """For a short line of a contact block ('Email: info@x.example', '+49 621 60-0', no full stop), the lines of its
    section above it up to the one that opens the block (a sentence, or a line ending in ':'); nothing for a sentence."""
    if len(items[index].text.split()) > 8 or items[index].text.endswith((".", "!", "?")):
        return ""  # a sentence, not a line of a block
    above: list[str] = []
    for before in reversed(items[max(0, index - 6):index]):
        if before.section != items[index].section:
            break
        above.append(before.text)
        if len(before.text.split()) > 8 or before.text.endswith(":"):
            break
    return "\n".join(above)


def _dpo(items: list[Sentence], contacts: list[dict]) -> dict | None:
    for sentence, match in find(DPO, items):
        designated = not _NO_DPO.search(sentence.text)
        dpo: dict = {"designated": designated}
        if designated and contacts:
            dpo["contacts"] = contacts
        dpo["provenance"] = provenance(sentence, match.start(), match.end())
        return dpo
    return None
