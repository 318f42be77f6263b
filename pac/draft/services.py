"""Services a notice names a recipient by: the product and brand names of ``data/services.yaml`` and of pac's
well-known recipients (``pac/reference/data/recipients.yaml``), found in a sentence that tells of the
organisation's use of them ('we versturen de nieuwsbrief met Laposta', 'class bookings are made through
Mindbody'). Not found: a name in a question, after a denial in its clause ('wij gebruiken geen Google
Analytics'), in an instruction or a pointer elsewhere ('volg ons op Instagram', 'download de app in de App
Store', 'wis cookies in Chrome', 'de privacyverklaring van Meta', 'Instagram's own terms'), a user's account
('inloggen met je Google-account'), a contrast ('unlike Google') or where vacancies are advertised."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

from .controller import LEGAL_NAME


@dataclass(frozen=True)
class Named:
    """A name of the lexicon in a text: the id of its company (None for a name that is no service, such as a
    browser: ``named`` never returns those) and the span of the name."""

    company: str | None
    start: int
    end: int


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern[str]
    companies: dict[str, str | None]  # name -> company id; None for a name that is no service (a browser)


_CUE = re.compile(r"(?i)\b(?:we|wij|us|our|ons|onze|(?-i:I)|my|me|ik|mijn|mij|gegevens|persoonsgegevens|data|"
                  r"informati\w*|cookies?|pixels?|tags?|plugins?|widgets?|gebruik\w*|uses?|used|using|via|through|with|"
                  r"met|door|by|bij|in|op|on|van|of|from|for|voor|handl\w*|process\w*|hosts?|hosted|stor\w*|sen[dt]s?|"
                  r"collect\w*|verwerk\w*|verzorg\w*|bewaa?r\w*|opgeslagen|verstu\w*|verzend\w*|verzonden|verzamel\w*)\b")
"""What a sentence naming a service says of its use: the organisation (also a freelancer's 'I', 'ik'), data, the
service as a means ('via', 'for'), or the service as the one that processes ('Infomedics verzorgt de rekening',
'Acuity Scheduling handles first appointments')."""
_CLAUSE = re.compile(r"[;:?!]|\s[\u2013\u2014-]\s|,?\s(?:maar|but|whereas|terwijl|however|echter)\b")
_NEGATION = re.compile(r"(?i)\b(?:niet|geen|g\u00e9\u00e9n|nooit|niets|niemand|not|never|no|none|nothing|nobody|nor|"
                       r"noch|(?:do|does|did|wo|is|are|ca)n['\u2019]t)\b")
_EXCEPT = re.compile(r"(?i)\b(?:behalve|uitgezonderd|except|excluding|apart from|other than|only|alleen|wel)\b")
_CONDITION = re.compile(r"(?i)\b(?:als|indien|wanneer|zolang|tenzij|if|when|unless|as long as)\b")
_POINTER = re.compile("(?i)" + "|".join((
    r"\b(?:volg|volgt|volgen|follow)\s+(?:ons|us|onze|our\b|(?:\S+\s+){1,4}(?:op|on)\s)",  # 'volg ons op', 'follow X on'
    r"\b(?:we|wij)\s+(?:are|zijn|staan)\s+(?:also\s+|ook\s+)?(?:active\s+|actief\s+)?(?:on|op)\s",  # 'we are on X'
    r"\b(?:vind|vindt|vinden|find)\s+(?:je\s+|u\s+|jij\s+|you\s+)?(?:ons|us)\b|\b(?:je|u|jij|you)\s+ons\s+(?:\w+\s+)?"
    r"(?:vindt|vinden|vind)\b|\blike\s+(?:ons|us)\b",  # 'u vindt ons op', 'zodat je ons vindt'
    r"\bte vinden (?:op|on)\s|\b(?:vind|vindt|find)\s+(?:je\s+|u\s+|jij\s+|you\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2}"
    r"\s+(?:ook\s+|also\s+)?(?:op|on)\s",  # 'X is ook te vinden op', 'je vindt X op', 'find X on': where it has pages
    r"\b(?:hebben|heeft|have|has)\s+(?:ook\s+|also\s+)?(?:een|a|an)\s+(?:\S+\s+)?\S*(?:pagina|page|account|kanaal|"
    r"channel|profiel|profile)\b",  # 'wij hebben een Facebookpagina', 'we have a LinkedIn page'
    r"\bdownload\w*|\binstall\w*",
    r"\b(?:pagina|pagina's|pages?|accounts?|kana(?:al|len)|channels?|profiel\w*|profiles?)\s+(?:(?:for|voor|of|van)\s+"
    r"(?:\S+\s+){1,3})?(?:op|on)\b",  # 'accounts for my practice on Facebook'
    r"\b(?:links?|knop|knoppen|buttons?)\s+(?:naar|to)\b|\blinkt\b|\b(?:doorverwezen|redirected)\b",
    r"\b(?:bereik|bereiken|benader|benaderen|contacteer|contacteren|reach|contact|call|bel|bellen|app|mail|e-mail|message|"
    r"chat\s+met|chat\s+with)\s+(?:je\s+|jij\s+|u\s+)?(?:ons|us|mij|me)\b|\b(?:stuur|send)\s+(?:ons|us|mij|me)\s+"
    r"(?:een\s+|a\s+)?(?:bericht\w*|messages?|DM)\b|\b(?:ons|us|mij|me)\s+(?:\w+\s+)?(?:bereiken|benaderen|contacteren|"
    r"bellen|mailen|appen|reach)\b|\bbereikbaar\b|\bte bereiken (?:via|op|per)\b",  # a contact channel
    r"^\s*(?:deel|share)\b|\b(?:je|jij|u|you)\s+(?:\w+\s+){0,4}(?:delen|deelt|share|shares)\s+(?:\w+\s+){0,3}"
    r"(?:via|op|on|met|with)\b",  # what the user shares
    r"\b(?:adverteren|advertise|advertises|post|posten|plaatsen|publiceren|publish)\s+(?:wij\s+|we\s+)?(?:onze\s+|our\s+)?"
    r"(?:vacatures|vacancies|jobs|roles)\b|\b(?:vacatures|vacancies|jobs)\s+(?:staan|verschijnen|appear|are (?:posted|"
    r"listed|advertised))\b",  # where vacancies are advertised
)))
"""A clause that points the reader elsewhere or tells where the organisation advertises its vacancies: the
services it names receive no data from the organisation there."""
_DOCUMENT = re.compile(r"(?i)\b(?:privacyverklaring|privacybeleid|cookieverklaring|cookiebeleid|privacy\s?(?:policy|"
                       r"statement|notice)|cookie\s(?:policy|statement)|(?:gebruiks|algemene\s)?voorwaarden|terms(?: of "
                       r"(?:use|service))?|website)\s+(?:van|of)\s+(?:het bedrijf\s+|the company\s+)?$")
_OWNS = re.compile(r"(?i)['\u2019]s?\s+(?:own\s+)?(?:privacy|terms|cookie|policy|policies|website)\b|"
                   r"\s+(?:privacy\s?(?:policy|statement|notice)|privacybeleid|privacyverklaring|privacyvoorwaarden)\b")
"""What after a name makes it the author of a document: 'Instagram's own terms', 'the Enthuse privacy policy'."""
_ACCOUNT = re.compile(r"(?i)[- ]?(?:account|profiel|profile|login)\b")
_YOUR = re.compile(r"(?i)\b(?:je|jouw|uw|your)\s+$")
"""Before a name and after it, a user's own account there ('je Google-account', 'your LinkedIn profile')."""
_LOG_IN = re.compile(r"(?i)\b(?:inloggen|inlogt|logt\s+in|log\s?in|logs\s+in|login|signs?\s(?:in|up)|aanmelden|aanmeldt|"
                     r"registreren|registreert|register|apply)\s+"
                     r"(?:met|with|via|through)\s+(?:je\s+|uw\s+|jouw\s+|your\s+)?$")
_CONTRAST = re.compile(r"(?i)\b(?:unlike|anders dan|in tegenstelling tot|in contrast (?:to|with)|instead of|in plaats van)"
                       r"\s+(?:\S+\s+){0,3}$")
_OF = re.compile(r"(?i)[\s,(]*(?:(?:is|are)\s+)?(?:(?:een|a|an)\s+)?(?:\w+\s+)?(?:van|of|by|from|door)\s+(?:het bedrijf\s+|the company\s+)?|"
                 r"\s*\((?:voorheen|vroeger|eerder|formerly|previously|now|nu|thans|ex-?)?\s*")
"""Between a product and its company or its other name ('Firebase Cloud Messaging van Google', 'Zoom, a service
of Zoom ...', 'WhatsApp is een dienst van Meta', 'Brevo (voorheen Sendinblue)')."""
_OWN_TERMS = re.compile(r"(?i)\b(?:hun|haar|zijn|their|its)\s+eigen\b|\b(?:their|its) own\b")
_FIRST_PERSON = re.compile(r"(?i)\b(?:we|wij|us|our|ons|onze)\b")


_COMPOUND = r"-?(?:pagina|kanaal|kanalen|groep|account|profiel|bedrijfspagina)"
"""A Dutch compound a name opens ('onze Facebookpagina', 'Instagram-account'): the name is the service."""


@cache
def _reference() -> _Lexicon:
    """The names of pac's well-known recipients (cited reference data), with their rows' ids."""
    data = yaml.safe_load(resources.files("pac.reference").joinpath("data/recipients.yaml").read_text("utf-8"))
    return _compiled({name: row["id"] for row in data["recipients"] for name in row["names"]})


@cache
def _lexicon() -> _Lexicon:
    """The names of the services file and of the well-known recipients."""
    services = yaml.safe_load(resources.files("pac.draft").joinpath("data/services.yaml").read_text("utf-8"))
    companies: dict[str, str | None] = {name: None for name in services["not_services"]} | _reference().companies
    for entries in services["services"].values():
        companies |= {name: entry["id"] for entry in entries for name in entry["names"]}
    return _compiled(companies)


def _compiled(companies: dict[str, str | None]) -> _Lexicon:
    """The names as whole words (not within an address, a domain or a longer name), longest first."""
    names = "|".join(re.escape(n) for n in sorted(companies, key=len, reverse=True))
    return _Lexicon(re.compile(rf"(?<![\w@/.-])(?:{names})(?:(?={_COMPOUND})|(?![\w@]|\.\w))"), companies)


def well_known(name: str) -> str | None:
    """The row id of the well-known recipient whose name ``name`` opens with ('Google Ireland Limited' ->
    'google'), which a product of that company and the legal entity behind it are one recipient of."""
    match = _reference().pattern.match(name)
    return _reference().companies[match.group()] if match else None


def named(text: str, listed: bool = False) -> list[Named]:
    """The services ``text`` (a sentence, or an item of a list when ``listed``) names as used by the organisation."""
    if not (listed or _CUE.search(text)):
        return []
    found = []
    matches = _names(text)
    for previous, match in zip([None, *matches], matches, strict=False):
        if previous and previous.company == match.company and _OF.fullmatch(text, previous.end, match.start):
            continue  # the company or another name of a product just named
        if match.company and not _opens_entity(text, match) and not excluded(text, match.start, match.end):
            found.append(Named(match.company, match.start, match.end))
    return found


@lru_cache(maxsize=64)
def _names(text: str) -> tuple[Named, ...]:
    """Every name of the lexicon in ``text``, once per text however many of its names are judged."""
    lexicon = _lexicon()
    return tuple(Named(lexicon.companies[m.group()], m.start(), m.end()) for m in lexicon.pattern.finditer(text))


def excluded(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands where a notice names no recipient: in a question, after a
    denial in its clause, in an instruction or a pointer elsewhere (with a browser or an app store), as the author
    of a document, as a user's account, or in a contrast."""
    if text.rstrip().endswith("?"):
        return True
    first, last = _clause(text, start)
    before, after, clause = text[first:start], text[end:last], text[first:last]
    return (any(n.company is None and first <= n.start and n.end <= last for n in _names(text)) or _denied(before)
            or bool(_points_elsewhere(clause) or _DOCUMENT.search(before) or _OWNS.match(after)
                    or (_YOUR.search(before) and _ACCOUNT.match(after)) or _LOG_IN.search(before)
                    or _CONTRAST.search(before) or (_OWN_TERMS.search(clause) and not _FIRST_PERSON.search(text))))


@lru_cache(maxsize=64)
def _points_elsewhere(clause: str) -> bool:
    """Whether a clause points the reader elsewhere (``_POINTER``): asked once per clause, not once per name in it."""
    return bool(_POINTER.search(clause))


def _opens_entity(text: str, name: Named) -> bool:
    """Whether a name opens the name of a legal entity ('Intercom R&D Unlimited Company', 'Intercom, Inc.'): that
    is a name of its own, no mention of the product."""
    rest, word = text[name.end:], text[name.start:name.end]
    if re.match(r"\s+(?:van|de|der|voor|app)\s", rest):
        return False  # 'Moneybird van Moneybird B.V.': the product, then its company
    entity = LEGAL_NAME.match(word + (rest[1:] if rest.startswith(",") else rest))
    return bool(entity) and entity.end() > len(word)


def _clause(text: str, at: int) -> tuple[int, int]:
    """The span of the clause of ``text`` around ``at``."""
    start = max((m.end() for m in _CLAUSE.finditer(text, 0, at)), default=0)
    following = _CLAUSE.search(text, at)
    return start, following.start() if following else len(text)


def _denied(before: str) -> bool:
    """Whether the part of a clause before a name denies its use ('wij gebruiken geen', 'we don't use'), not
    taken back ('behalve', 'except') and not in a condition ('als u niet wilt dat ...')."""
    denials = list(_NEGATION.finditer(before))
    if not denials:
        return False
    last = denials[-1]
    return not _EXCEPT.search(before, last.end()) and not _CONDITION.search(before, 0, last.start())
