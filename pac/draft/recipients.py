"""Named recipients, from the layouts notices name them in: a labelled or introduced list ('Aanbieders: A, B
en C', 'the following processors: A (hosting), B'), the items and table rows of a recipients section
('A – hosting – Ierland', 'onze verzekeraar, Ethias NV, ...'), blocks of labelled lines ('Organisation: A',
'Where: ...'), prose on what the organisation uses or gives data to ('we use A and B', 'via A', 'wordt aan A
verstrekt'), the agent of a passive ('wordt gedaan door A', 'are examined by A'), a subject doing something with
our data ('A hosts our website', 'Onze salarisadministratie doet A'), names with a legal form and public bodies
in sentences about sharing, and pac's well-known recipients (cited reference data). Not drafted: the controller,
its brand and its own products, addresses, names in a clause that denies sharing or says no personal data go
there, sources, complaint routes and the supervisory authority, laws. Each carries the country and transfer tools
its own item states (its sentence's when that names only it), and public bodies the role public_authority."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml

from . import services
from .controller import AUTHORITIES, LEGAL_NAME
from .text import Sentence, provenance
from .transfers import COUNTRY, claimed, country, is_tool

_SHARING = re.compile(r"(?i)verwerker|processor|on our behalf|namens ons|in (onze )?opdracht|delen|gedeeld|share|"
                      r"provided by|geleverd door|service of|dienst van|ontvang|receive|doorgegeven|hosted|gehost|"
                      r"through|via|gebruik|we use|uses?\b|stores?|slaat .* op|servers?|cookies|pixel|plugin|button|"
                      r"embedded|analytics|advertis|advertent|voor ons|for us|\bstuurt|\bsends?\b|verstrek|doorgeven|disclos|"
                      r"\bpass(es|ed)?\b|bewaren|bewaard|beheren|beheerd|plaatsen|publish|engage|inschakel|"
                      r"group compan|groepsmaatschappij|affiliate|toegang tot|access to|can read|inzien")
_PROCESSOR = re.compile(r"(?i)verwerker|processor|on our behalf|namens ons|in (onze )?opdracht")
_BROWSER = re.compile(r"(?i)browser|\bChrome\b|Safari|Firefox|\bEdge\b|Play Store|App Store")
_TOKEN = r"(?:[A-Z\u00c0-\u00de]|[a-z]{1,3}[A-Z])[\w&'\u2019-]*(?:\.[\w-]+)*\.?"
_INSTITUTION = re.compile(rf"(?:HM )?{_TOKEN}(?: {_TOKEN})*(?: (?:and|of|for|voor|van|en)(?: (?:de|het|the))? {_TOKEN}"
                          rf"(?: {_TOKEN})*)+")
_INSTITUTIONAL = re.compile(r"Services?|Customs|Office|Authority|Agency|Board|Commission|Council|Trust|Department|Executive|"
                            r"Ombudsman|Tribunal|Court|Bureau|Unit|Pensions|Inspectorate|Regulator|Registry|Ministry|Dienst|"
                            r"Raad|Ministerie|Inspectie|Autoriteit|Fonds|Federatie|Bond|Instituut|Agentschap|Centrum|Institute|"
                            r"Association|Foundation|Society")
"""The words a body's name opens or ends with ('Disclosure and Barring Service', 'Raad voor de Kinderbescherming')."""
_NAME = re.compile(rf"(?:\(\w+\) )?{_TOKEN}(?: (?:& )?(?:{_TOKEN}|\d\w*)){{0,4}}")
_ABBREVIATION = re.compile(r"(?:\.\w+)+\.$|(?i:inc|ltd|co|corp|plc)\.$")
_CONTACT = re.compile(r"(?i)contact|bereik|reach|e-?mail (ons|us)|bel ons|call us|schrijf|write to")
_NEGATION = re.compile(r"(?i)\b(niet|geen|nooit|not|never|no)\b\W+(\w+\W+)?$")
_NOUNS = (r"(?:partij|parties|verwerker|processor|sub-?processor|ontvanger|recipient|leverancier|supplier|dienst|services|"
          r"provider|aanbieder|tools|software|bedrijven|companies|organi[sz]ations|partners|apps|platforms|plugins|derden|"
          r"third|verzekeraar|insurer|koerier|courier|vervoerder|carrier|banks?\b|banken|organisaties|instanties|instellingen|"
          r"systems?|systeem|"
          r"corporaties|verhuurders|landlords|employers?|werkgevers?|opdrachtgevers?|clients|agenc(?:y|ies)|bodies|"
          r"authorities)")
_LIST_INTRO = re.compile(
    r"(?i)(?:\b(?:aanbieders?|providers?|(?:sub-?)?verwerkers?|(?:sub-?)?processors?|ontvangers?|recipients?|"
    r"partners?|leveranciers?|suppliers?|vendors?)|(?:volgende|these|following) (?:[\w-]+ ){0,3}?" + _NOUNS +
    r"\w*)\s*:\s*|"
    r"\b(?:onze|our) (?:sub-?)?(?:verwerkers|processors|ontvangers|recipients|leveranciers|suppliers) (?:zijn|are)\s*:?\s*")
_MAKERS = (r"(?:ontwikkeld|ontworpen|gemaakt|geschreven|gebouwd|opgericht|gefinancierd|gesubsidieerd|erkend|ingeschreven|"
           r"geregistreerd|gevestigd|"
           r"gecertificeerd|developed|designed|made|created|written|built|founded|funded|regulated|authori[sz]ed|"
           r"registered|licensed|certified|owned|accredited|recognised|recognized)\b")
"""Who made, funds or oversees the organisation or its app: in a passive with 'door' or 'by', no recipient."""
_USES = re.compile(
    r"(?i)(?:\b(?:we|wij|ik)(?: (?!(?:not|never|niet|nooit|geen|no)\b)[a-z]+){0,4}? "
    r"(?:use|gebruiken|werken (?:samen )?met|work with|rely on|partner with)|gebruiken (?:we|wij)|"
    r"\bmaken (?:we |wij )?gebruik van|\bmake use of|\bmakes? use of|\bmaakt gebruik van|\bvia|\bthrough|"
    r"\b(?:provided|supplied|powered|delivered|handled|carried out|operated|managed|offered|processed|"
    r"stored|sent|hosted|run|done|performed|conducted) (?:by|with|at)|"
    r"(?:\b(?:services?|diensten?|software|plugins?|buttons?|tools?|pixel|koeriers?|couriers?|bezorgers?|servers?|hulp|"
    r"tussenkomst)|\w*(?:systeem|system))['\u2019\"]? (?:of|from|van)|"
    r"\b(?:onze|our)\s\w*(?:provider|leverancier|partner|aanbieder|partij|hoster|verwerker|processor|supplier)s?(?= [A-Z])|"
    r"\b(?:runs|run|draait|draaien|is built|built|gebouwd|hosted) (?:on|op|with|met|in)|"
    r"\b(?:share|shares|shared|delen|deelt|gedeeld|verstrekken|verstrekt|provide|disclose|discloses|disclosed|"
    r"doorgeven|doorgegeven|geven|geeft|send|sends|pass|passes|passed|transfer|transfers|transferred|melden|meldt|"
    r"report|reports|reported|submit|submits|submitted|uitbesteed|uitbesteden|outsource|outsources|outsourced)\b"
    r"[^.;:]{0,70}?\b(?:with|met|aan|to)|"
    r"\b(?:wordt|worden)\b[^.;:]{0,40}?\baan|"
    r"\b(?:versturen|verzenden|sturen|bezorgen|leveren|beheren|bewaren|verwerken|hosten|regelen|doen|plannen|meten|"
    r"analyseren|plaatsen|publiceren|zetten) (?:wij|we)\b[^.;:,]{0,50}?\b(?:via|bij|in|op)(?=\s+(?-i:[A-Z]))|"
    r"\b\w+en (?:wij|we)\b[^.;:,]{0,50}?\b(?:met|aan|naar)(?=\s+(?:(?:het|de)\s+)?(?-i:[A-Z]))|"
    r"\b(?:door|over) aan|\bin (?:\w+ )?beheer (?:van|bij)|\b(?:aanmelden|aan te melden|inschrijven|in te schrijven|"
    r"enrol)\b[^.;:]{0,30}?\b(?:bij|with|als lid van|as a member of)|\b(?:is|are|be) (?:also |ook )?available to|"
    r"\b(?:staat|staan|zit|zitten) (?:in|bij)|\b(?:laat|laten)(?: (?:wij|we))?|\b(?:loopt|lopen|verloopt|verlopen) over|"
    r"\b(?:gebeurt|gebeuren|geschiedt) (?:door|bij|via)|"
    r"(?P<passief>\b(?!" + _MAKERS + r")(?:ge|be|ver|ont|her|(?:aan|op|uit|in|af|bij|door|over|toe|mee|weg)ge)\w+[dtn] "
    r"(?:door|bij|met))|(?P<passive>(?<!\bas )\b(?!" + _MAKERS + r")\w+(?:ed|en|wn|ne|pt|nt|lt|ld)"
    r"(?:\s+(?:each|every|once|twice|a|per|year|month|week|day|daily|"
    r"monthly|yearly|annually|securely|also|only|mainly))*\s+(?:by|with|through))|"
    r"\b(?:kept|stored|held|saved|recorded|managed|maintained|opgeslagen|bewaard|bijgehouden|vastgelegd) (?:in|on|with|op)"
    r"(?=\s+(?-i:[A-Z]))|"
    r"\bschakel(?:en|t)(?: (?:wij|we|ik))?(?: ook)?(?=\s+(?:(?:het|de)\s+)?(?-i:[A-Z]))|"
    r"\b(?:met behulp van|door middel van|middels|with the help of|by means of)|"
    r"\b(?:verwerkers|bewerkers|verwerkings)overeenkomst(?:en)?\b[^.;:]{0,30}?\bmet|"
    r"\b(?:data )?process(?:ing|or) agreements?\b[^.;:]{0,20}?\bwith|"
    r"\bmet(?=\s+(?-i:[A-Z])[^.;:]{0,60}?(?:(?:verwerkers|bewerkers|verwerkings)overeenkomst|afspraken))|"
    r"\b(?:werk|werkt) (?:in|met)(?=\s+(?:het|de)?\s*\w*\s*(?-i:[A-Z]))|"
    r"\b(?:are|is|were|was) (?:sent|passed|given|disclosed|reported|forwarded|transferred|supplied|shown) to|"
    r"\b(?:claims?|data|details|information|records|forms|declarations|reports|gegevens)\s+(?:\w+\s+){0,2}?go(?:es)? to)"
    r":?\s+")
_AUXILIARY = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being)\b")
_HULPWERKWOORD = re.compile(r"(?i)\b(?:wordt|worden|werd|werden|laat|laten)\b")
"""A passive's auxiliary: a participle with 'door', 'bij', 'met' or 'by' names who does it only in a passive
('De nieuwsbrief wordt verstuurd met Laposta', 'Our accounts are examined each year by ...') or after 'laten'
('Wij laten de salarisadministratie verzorgen door X')."""
_VERBS = (r"(?:share|sell|send|disclose|give|pass|provide|delen|deelt|verkopen|verkoopt|sturen|stuurt|geven|geeft|"
          r"verstrek\w*|doorgeven)")
_NO = r"\b(?:niet|geen|nooit|not|never|no)\b"
_DENIED = re.compile(rf"(?i){_NO}[^.;:]{{0,30}}?\b{_VERBS}\b|\b{_VERBS}\b[^.;:]{{0,20}}?{_NO}")
_BACK = re.compile(r"(?i)\b(?:them|they|it|hen|ze|zij|daar|hun)\b")
"""A sentence denying that data go to someone: its names, in the denying clause (or all of the sentence's, where
the denial points back with 'them', 'daar'), are no recipients."""
_RELATIVE = re.compile(r"(?i)(?:,\s+|\s+(?=(?:who|which)\b))(?:die|dat|which|who|that)\b[^.;]{0,80}?(?:namens ons|"
                       r"on our behalf|for us|voor ons|\bverwerkt|\bverwerken|\bopslaat|\bbewaart|\bontvangt|\bprocess(?:es)?|"
                       r"\bhandles?|\bstores|\breceives|\bhosts)\b")
"""A relative clause on what a name does for us ('X, die namens ons ...', 'Y who process donations'); without a
comma only after a name within its sentence ('Teachers who work for us' opens one)."""
_WHOSE_SUBJECT = re.compile(r"\b(?:dat|die|which|that) ((?:[A-Z][\w&'.-]*)(?: [A-Z][\w&'.-]*){0,4}) (?:voor ons|namens ons|for us|"
                            r"on our behalf|in onze opdracht)\b")
"""A name as the subject of a relative clause that does something for us ('dat CompuGroup Medical voor ons host')."""
_RECEIVES = re.compile(r"(?i)\b(?:receives?|ontvangt|ontvangen|krijgt|krijgen|gets)\b[^.;:]{0,30}?\b(?:persoons)?"
                       r"(?:gegevens|data|information|informatie|logs?|naam|name|adres|address|e-?mailadres|"
                       r"e-?mail address)\b")
_CATEGORY_ITEM = re.compile(r"(?:(?:aan|to|met|with|bij|door|by)\s+)?(?:de|het|the|onze|ons|our|je|your|uw)(?:\s+[a-z][\w-]*){1,3}\s*")
"""An item of a list in prose that names a kind of recipient, not one ('aan de politie of aan de Belastingdienst'):
the names after it are still the list's."""
_CATEGORY_PREFIX = re.compile(r"(?:onze|ons|our|de|het|the|je|your|uw) ((?:[a-z][\w-]* ){1,2})(?=[A-Z])")
_INSTANCES = re.compile(r"(?:de|het|the|onze|our|a|een)\b[^A-Z()]*\(([^()]+)\)")
_AUTHORITY = re.compile(r"\b(?:[Gg]emeente|[Pp]rovincie|[Ww]aterschap|[Mm]unicipality of|City of|County of|"
                        r"(?:London )?Borough of) [A-Z][\w-]+(?: (?:[A-Z][\w-]+|upon [A-Z][\w-]+))?")
"""A named public body whose name opens with its kind ('gemeente Zwolle', 'City of Leeds')."""
_PUBLIC_KIND = re.compile(
    r"^(?:[Gg]emeente|[Pp]rovincie|[Ww]aterschap|Stad|Municipality of|City of|County of|(?:London )?Borough of|Ministerie|"
    r"Ministry|Department|Rijksdienst|Dienst|Raad voor|FOD|FPS|HM|Her Majesty's|Politie|Police)\b|"
    r"\b(?:Council|Customs|Commissioners|Inspectorate|Inspectie|Police|Politie)$")
"""A public authority (Art. 4(9) GDPR: 'a public authority, agency or another body') by its kind ('gemeente
Zwolle', 'Ministry of ...', '... Council'); the bodies notices name without their kind are in
``data/public_bodies.yaml``."""
_PUBLIC_APPOSITION = re.compile(r",\s+(?:the|de|het)\s[^,]*\b(?:Agency|Authority|Department|Ministry|Inspectorate|agentschap|"
                                r"overheidsdienst|toezichthouder|inspectie|screeningsautoriteit)\b")
"""An apposition that says a recipient is a public body ('Tusla, the Child and Family Agency, ...')."""
_OWN_PRODUCT = re.compile(r"-(?:app|portaal|portal|platform|omgeving)$|\w(?:applicatie|programma|systeem|pakket)$")
"""A product, not its maker: the organisation's app or portal ('Lumen-app'), a program ('IBANCapplicatie')."""
_STORED = re.compile(r"(?i)opgeslagen|opslaan|slaat|stored?|stores|servers?|overgebracht|doorgegeven|transfer|gevestigd|"
                     r"located|based in|hosted|gehost")
_ARTICLE = re.compile(r"(?:De|Het|The)\s+")
_JOINER = re.compile(r"(?:\s*\([^()]*\))?(?:,\s*|\s+(?:en|and)\s+)(?=[A-Z])")
_NEXT_CLAUSE = re.compile(r";\s+|,\s+(?:and|en|but|maar)\s+|(?<=\.)\s+(?=[A-Z])")
"""Where a clause that may open with a subject begins within a sentence ('..., and DocuSign handles ...')."""
_SECOND = re.compile(r"(?:Onze|Ons|De|Het|[Dd]ie|[Dd]eze|[Dd]at)\s+(?:[a-z][\w-]*\s+){1,2}?(?!(?:wij|we|je|u|jij|ze|zij)\b)[a-z]\w*(?:t|en)\s+"
                     r"(?=[A-Z])")
"""A Dutch sentence opening with an object of ours and its verb, the subject after it ('Onze boekhouding doet X')."""
_CLAUSE_END = re.compile(r"\s*(?:[.;,:(]|$|(?:voor|for|om|to|die|dat|which|who)\b)")
_OBJECT = (r"(?!\s+(?:we|wij|je|jij|u|ze|zij)\b)\s+(?:(?:[a-z][\w-]*\s+){0,2}?(?:ons|onze|our|je|jouw|your|uw|mijn|my)\b|"
           r"(?:(?:de|het|the|deze|these|die|those|alle|all)\s+)?(?:persoons)?(?:gegevens|data|information|informatie)\b"
           r"(?=[^.;:]{0,40}?\b(?:namens ons|voor ons|on our behalf|for us|in (?:onze )?opdracht)\b))")
"""An object of ours or the reader's after a verb ('onze website', 'je berichten'), or data handled for us ('de
gegevens namens ons')."""
_OUR_OBJECT = re.compile(r"\s+(?!(?:ons|onze|our|je|jouw|your|uw|us|als|dus|pas|eens|is|was|has|as|its|this|thus|plus|"
                         r"unless|less|wordt|heeft|gaat|moet|kunt|bent|hebt|mag|zult|wilt)\b)[a-z][\w-]*(?:t|en|s)" + _OBJECT)
"""A verb and an object of ours or the reader's after a subject ('drukt en verstuurt ons clubblad', 'hosts our website')."""
_DATA_OBJECT = re.compile(r"\s+(?:also |ook )?(?:processes|verwerkt|verwerken|stores|hosts|host|hosten|provides|levert|leveren|"
                          r"handles|sends|verstuurt|versturen|verzorgt|verzorgen|doet|doen|beheert|beheren|bewaart|bewaren|"
                          r"drukt|drukken|runs|manages|keeps|analyses|analyzes|checks|controleert|prints|delivers|bezorgt|"
                          r"berekent|verzendt|receives|ontvangt|krijgt|gets|inspects|inspecteert|audits|examines|"
                          r"beoordeelt)\b" + _OBJECT)
"""What a one-word subject does with an object of ours ('Squarespace hosts our website'): a verb of handling data,
since a capitalised first word may be any word ('Pas als je ...', 'Reviews vragen wij ...')."""
_ADVERBS = re.compile(r"\s*(?:(?:also|ook|only|alleen|then|dan|daarbij|daarvoor)\s+)?")
_BACK_RECEIVES = re.compile(r"[^.;]*;\s*(?:it|they|ze|zij|die|hij)\s+(?:also\s+|ook\s+)?(?=(?:receives?|ontvangt|krijgt|gets)\b)")
_EXAMPLES = re.compile(r"(?i)\b" + _NOUNS + r"[^.;:]{0,60}?\b(?:zoals|such as|including|include|includes|bijvoorbeeld|"
                       r"for example|e\.g\.|namely|namelijk|waaronder|onder andere|onder meer|o\.a\.|like|called|named|"
                       r"genaamd)\s+")
_APPOSED_EXAMPLES = re.compile(r"(?i)\b(?:een|an?|the|de|het|onze?|our)\s+(?:[\w-]+\s+){0,3}?[\w-]+,\s+(?:for example|"
                               r"for instance|e\.g\.|bijvoorbeeld|zoals|such as)\s+")
"""Examples in apposition to a kind of recipient ('an awarding body, for example the Institute of ...', 'een
woningcorporatie, bijvoorbeeld Woonstede Wonen,'), in a sentence about sharing or under a recipients heading."""
_FORMS = r"(?:Inc|Ltd|LLC|B\.V|N\.V|BV|NV|GmbH|SE|S\.A|SARL|SAS|AB|ApS|A/S|AS|Oy|AG|Limited|plc|vzw|VZW)\.?"
_FORM_TAIL = re.compile(rf",? ?(?:{_FORMS})?\.?\s*")
_COMMA_FORM = re.compile(rf", {_FORMS}(?!\w)")
_KEY_FORMS = (r"(?: (?:b v|n v|bv|nv|ltd|limited|llc|inc|gmbh|sarl|sas|s a|ab|aps|a/s|as|oy|ag|plc|se|vzw|pty ltd|"
              r"unlimited company|dac)(?!\S))+")
_KEY_FORM = re.compile(_KEY_FORMS + "$")
_FILLER = re.compile(r"(?i)(?:(?:on|op|with|met|van|of|by|door|aan|to|voor|for) (?=(?-i:[A-Z]|(?:de|het|the) [A-Z]))|"
                     r"(?-i:de|het|the) (?-i:(?=[A-Z]))|"
                     r"(?:hiervoor|daarvoor|hierbij|"
                     r"daarbij|hiertoe|daartoe|therefore|also|ook|onder (?:andere|meer)|o\.a\.|among others|such as|"
                     r"zoals|bijvoorbeeld|for example|e\.g\.|including|waaronder|met name|namely)\s+)+")
_RECIPIENTS_SECTION = re.compile(r"(?i)verwerkers|ontvangers|derden|derde partijen|delen|recipients|processors|"
                                 r"third parties|who receives|shar(e|ing)|leveranciers|suppliers|partners|providers")
_SEPARATOR = re.compile(r",\s*(?:(?:en|and|or)\s+)?|;\s*|\s+(?:en|and|or)\s+|"
                        r"\s+of\s+(?=(?:aan|bij|met|naar|via|de|het|een|onze|je|uw)\s)")
_HEADER = re.compile(r"(?i)(naam|name|doel|purpose|land|country|locati|aanbieder|provider|cookie|bewaartermijn|retention|"
                     r"looptijd|expir|duration|dienst|service|waarborg|safeguard|transfer|type|categor|verwerker|"
                     r"processor|sub-?processor|partij|party|ontvanger|recipient|leverancier|supplier|vendor|functie|"
                     r"function|gegevens|data)\w*(\W+\w+){0,3}$")
_RECIPIENT_COLUMN = re.compile(r"(?i)aanbieder|provider|verwerker|processor|partij|party|ontvanger|recipient|leverancier|"
                               r"supplier|vendor|bedrijf|company")
_CELLS = re.compile(r"\s+[|\u2013\u2014-]\s+|\t+|\s{3,}|^\|\s*|\s*\|$")
_RULE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?)?\s*")
"""The rule under a Markdown table's header ('|---|---|'): no row, and the table goes on after it."""
_STOP = set("""de het een the a an onze ons our uw your je jouw mijn my deze this these die dat that alle all andere
other we wij u you zij it naam name doel purpose land country personal persoonsgegevens data gegevens information
informatie services service diensten dienst website websites site app apps platform account cookies cookie content
products product email e-mail internet europese european eu eer eea us uk avg gdpr uavg commissie commission autoriteit kvk
iban bsn sms ip wanneer when als if sommige some elke each every iedere geen none niemand nobody jij hij ze men they he she
iedereen everyone artikel article art instellingen settings profiel profile formulier form contactformulier ssl tls
https http vpn bank rechtbank gemeente inspectie curator deurwaarder notaris school stichting vereniging foundation
association organisatie organisation portal portaal voor na bij met door om tijdens naast for after with by during
before from on at op in""".split())
_ARTICLES = {"an", "the", "de", "het"}
_NOT_LAST = {"cookies", "cookie", "gegevens", "data", "persoonsgegevens", "doeleinden", "purposes", "doelen"}
_CATEGORIES = re.compile(r"(?i)leverancier|supplier|provider|aanbieder|partij|part(y|ies|ner)|bedrij[fv]|compan|"
                         r"programma|systeem|\blabo?\b|laborator|"
                         r"organi[sz]ati|"
                         r"instanti|authorit|overhe|government|accountant|boekhoud|bookkeep|advoca|lawyer|hosting|hoster|"
                         r"verwerker|processor|ontvanger|recipient|dienstverlen|adviseur|advis|consultant|verzeker|insur|"
                         r"incasso|collection|politie|police|rechter|court|toezicht|regulator|werkgever|employer|klant|"
                         r"customer|medewerker|employee|gebruiker|user|derde|third|software|platform|adres\b|address|"
                         r"telefoon|phone|geboorte|birth|gegevens|agenc|bureau|kantoor|office|institution|hospital|"
                         r"ministr|municipal|secretaria|payroll|salarisadministrat|\bbezorg|\bkoerier|\bcourier|"
                         r"\bvervoerder|\bcarrier|"
                         r"\bdrukker|\bprinter|\bict\b|\bwebbouw|\bwebdesign|\bontwikkelaar|\bdeveloper|\bbank\b")


@dataclass(frozen=True)
class _Layout:
    """What the sentences before one tell about it: the sentence about recipients that introduces its list
    (empty if none), and which column of a table names the recipient (its header's; -1 when a header has none:
    a cookie table), and whether that header names a recipients column."""

    intro: str = ""
    column: int = 0
    named: bool = False

    def after(self, sentence: Sentence) -> _Layout:
        cells = _CELLS.split(sentence.text)
        if _RULE.fullmatch(sentence.text):
            return self
        if _is_header(cells):
            return _Layout(self.intro, _column(cells), any(_RECIPIENT_COLUMN.search(cell) for cell in cells))
        if len(cells) >= 2:
            return self
        if sentence.bullet:
            return _Layout(self.intro)
        tail = _ASIDE.sub("", re.split(r"(?i)gegevens|data\b|informati", sentence.text)[-1])
        introduces = sentence.text.endswith(":") or _UNMARKED_HEADING.fullmatch(sentence.text)
        return _Layout(sentence.text if introduces and re.search(r"(?i)" + _NOUNS, tail) else "")


_ASIDE = re.compile(r"\([^()]*\)")
"""A remark in brackets: the kind of party it names introduces no list ('verwerkt (middels verwerker X) voor:')."""
_UNMARKED_HEADING = re.compile(r"[A-Z\u00c0-\u00de][^.;,:!?]{0,40}")
"""A short line without a stop that opens with a capital: a heading the notice set without a blank line before it
('Our processors'), which introduces the list under it as a sentence ending in a colon does."""


def _is_header(cells: list[str]) -> bool:
    """Whether a row's cells are a table's header: two of them name a column ('Sub-processor (Legal Entity)',
    'Purpose / Functionality')."""
    return sum(bool(_HEADER.match(_ASIDE.sub("", cell).strip(" #/"))) for cell in cells) >= 2


def _column(header: list[str]) -> int:
    """The column of a table header (its cells) that names recipients."""
    named = next((i for i, cell in enumerate(header) if _RECIPIENT_COLUMN.search(cell)), None)
    return named if named is not None else -1 if any("cookie" in cell.casefold() for cell in header) else 0


_LABEL = re.compile(r"(?i)(?:organi[sz]ation|organisatie|(?:sub-?)?(?:processor|verwerker)|recipient|ontvanger|partij|"
                    r"party|leverancier|supplier|vendor|provider|aanbieder|bedrijf|company)\s*:\s*")
"""The label of a line naming the recipient of a block of labelled lines ('Organisation: X', 'Where: ...')."""
_LINE_LABEL = re.compile(r"[^:]{1,30}:\s")
_WHERE = re.compile(r"(?i)(?:where|location|country|countries|land|landen|locatie|vestiging|based)\b[^:]{0,12}:")
_HEAD = re.compile(r"(?:onze|ons|our|de|het|the|je|jouw|your|uw)\s+((?:[a-z][\w-]*,?\s+){0,3})(?=[A-Z\u00c0-\u00de])|"
                   r"(?:Onze|Ons|Our|De|Het|The|Je|Jouw|Your|Uw)\s+((?:[a-z][\w-]*,?\s+){1,3})(?=[A-Z\u00c0-\u00de])")
"""What may open a list item before its name: an article, or a possessive and a category ('onze verzekeraar,
Ethias NV', 'het sociaal secretariaat Partena vzw', 'de Stad Gent'; capitalised only before a category: 'Ons
boekhoudkantoor, Verstraete & Co')."""
_HEAD_END = re.compile(rf"\s*(?:\(|:|;|,(?! ?{_FORMS}(?!\w))|\s[\u2013\u2014-]\s|$)")
_NO_DATA = re.compile(r"(?i)\b(?:no|geen)\s+(?:\w+\s+)?(?:personal data|persoonsgegevens)\b|\b(?:ge)?anonymi[sz]ed?\b|"
                      r"\bgeanonimiseerde?\b|\banonieme?\b|\b(?:alleen|only)\s+(?:het\s+|the\s+)?(?:aantal|aantallen|"
                      r"numbers? of|counts?|totals?|totalen|statisti\w+|geaggregeerde|aggregated?)\b")
"""A clause saying that what goes to a name is no personal data ('which stores no personal data', 'alleen
geanonimiseerde cijfers'): the name is no recipient of personal data."""
_BACK_SUBJECT = re.compile(r"(?:(?:De|Het|The) (?P<noun>[a-z][\w-]*)|Zij|Ze|Die|Deze|It|They|This|These)\b")
"""The opening of a sentence that points back to a recipient named before it: its kind ('De gemeente') or a pronoun."""
_COMPLAINT = re.compile(r"(?i)\bklacht\w*\b[^.;]{0,60}\b(?:indienen|in te dienen|melden|terecht)|\b(?:indienen|terecht)\b"
                        r"[^.;]{0,60}\bklacht|\b(?:lodge|file|make|submit) a complaint|\bcomplain (?:to|with)|"
                        r"\bcomplaint (?:to|with)\b")
"""A sentence on where to complain: the body it names (a supervisory authority) is a complaint route, no recipient."""
_LAW = re.compile(r"(?i)^(?:wet|law|act|regulation|verordening|richtlijn|directive|besluit)\b|"
                  r"\b(?:act|wet|wetboek|verordening|regulation|directive|richtlijn|agreement|addendum|clauses|"
                  r"framework|overeenkomst|voorwaarden|terms|policy|statement)(?: \d{4})?$")
"""A law or a document ('Wet op de identificatieplicht', 'International Data Transfer Agreement'): no recipient."""
_INVERTED = re.compile(r"\w+ (?:je|jij|u|jullie|we|wij|ze|zij)\b")
"""A sentence opening with a verb before its subject ('Boek je via ...'): its first word is no name."""
_SOURCES = re.compile(r"(?:[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*)*(?:,\s*|\s+(?:of|en|or|and)\s+))*")
"""The names before another in a list of sources ('van Apple of Google')."""
_SOURCE = re.compile(r"(?i)\b(?:ontvangen|krijgen) (?:wij|we)\b[^.;]{0,60}?\bvan\s+|\b(?:we|wij) (?:receive|get|obtain|"
                     r"ontvangen|krijgen)\b[^.;]{0,60}?\b(?:from|van)\s+")
"""Where data come from a name ('ontvangen wij je gegevens van Booking.com'): in that clause it is a source, no
recipient."""


@dataclass(frozen=True)
class _Mention:
    name: str
    sentence: Sentence
    start: int
    end: int
    scope: tuple[int, int]
    row: str | None = None
    processor: bool = False
    block: bool = False


def recipients(items: list[Sentence], controller_name: str | None) -> list[dict]:
    """The named recipients, one element per name (its first statement wins), in the notice's order, with the
    countries and tools that later sentences naming only that recipient state."""
    mentions: list[_Mention] = []
    layout, section = _Layout(), None
    lower = frozenset(w for s in items for w in re.findall(r"(?<![\w-])[a-z\u00df-\u00ff][\w-]*", s.text))
    title = items[0].section.split(" > ")[0] if items else ""
    following = dict(zip(map(id, items), items[1:]))
    for sentence in items:
        if sentence.section != section:
            section, heading = sentence.section, sentence.section.split(" > ")[-1]
            cells = _CELLS.split(heading)
            layout = _Layout(column=_column(cells) if _is_header(cells) else 0)
        processor = bool(_PROCESSOR.search(layout.intro))
        mentions += [replace(m, processor=processor) for m in _mentions(sentence, layout, lower)
                     + _headed(sentence, following.get(id(sentence))) if _plausible(m, controller_name, title)]
        layout = layout.after(sentence)
    mentions = [m for m in mentions if not _unshared(m, following.get(id(m.sentence)),
                                                     sum(o.sentence is m.sentence for o in mentions))]
    found: dict[str, dict] = {}
    called: dict[str, str] = {}
    kinds: dict[str, set[bool]] = {}  # well-known company -> whether its names drafted so far are legal entities
    folded: set[str] = set()  # names drafted that the one legal entity behind them has been folded into
    shorts: set[str] = set()  # the short names folded into them ('Riverty' into 'Riverty GmbH'), however often named
    for mention in mentions:
        mention = _behind(mention)
        key, entity = _key(mention.name), bool(LEGAL_NAME.search(mention.name))
        company = mention.row or services.well_known(mention.name)
        if any(_same(key, other) for other in found) or (not entity) in kinds.get(company, ()) or any(
                _key(o.name).startswith(key + " ") for o in mentions if o.row and o.row == mention.row) or (
                key in shorts) or _alias(mention, mentions):
            continue
        product = next((o for o in found if o not in folded and (_short(o, key) or _short(key, o))), None)
        if product:  # 'Intercom' and 'Intercom R&D Unlimited Company' are one; a second entity ('Intercom, Inc.') two
            folded.add(product)
            shorts.add(min(product, key, key=len))
            continue
        if company:  # a product and the legal entity behind it are one recipient, two entities of a group two
            kinds.setdefault(company, set()).add(entity)
        base = re.sub(r"^\(\w+\) | \(.*$", "", mention.name)
        short = re.sub(rf",?\s+{_FORMS}$", "", base)  # 'Klaviyo' for 'Klaviyo, Inc.'
        called |= {name: key for name in ({base, short, base.split()[0]} if mention.row else {base, short}) if name not in called}
        alone = len({_key(o.name) for o in mentions if o.sentence is mention.sentence}) == 1
        found[key] = _recipient(mention, alone)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(called, key=len, reverse=True))) + r")\b")
    for sentence in items if called else ():
        named = {called[m.group(1)] for m in pattern.finditer(sentence.text)}
        element = found[named.pop()] if len(named) == 1 else None
        if element and not isinstance(element["provenance"], list) and element["provenance"]["quote"] not in sentence.text:
            _stated_later(element, sentence, bool(_STORED.search(sentence.text)))
    _blocks(items, found, {id(m.sentence): _key(m.name) for m in mentions if m.block})
    return list(found.values())


_POINTS_BACK_TO = re.compile(r"(?:Their|Its|They|It|Hun|Haar|Zij|Ze)\b")
"""The opening of a sentence that speaks of the party named on the line before it ('Their privacy policy ...')."""


def _headed(sentence: Sentence, after: Sentence | None) -> list[_Mention]:
    """The name a line consists of, when the sentence after it tells, of that party, of data or its privacy terms
    ('PayPal' over 'Their Privacy Policy can be viewed at ...'): a sub-heading per service."""
    text = sentence.text
    lead = _lead(text, 0)
    if not (lead and lead[0] == 0 and not text[lead[1]:].strip() and after and after.section == sentence.section
            and _POINTS_BACK_TO.match(after.text) and (_SHARING.search(after.text) or "privac" in after.text.casefold())):
        return []
    return [_Mention(text[:lead[1]], sentence, 0, lead[1], (0, len(text)))]


def _behind(mention: _Mention) -> _Mention:
    """The mention of a well-known product as the legal entity of its company its sentence names beside it ('onze
    Instagram-pagina ... Meta Platforms Ireland Ltd'): one recipient, the entity."""
    company = mention.row or services.well_known(mention.name)
    if not company or LEGAL_NAME.search(mention.name):
        return mention
    entity = next((m.group(1) for m in LEGAL_NAME.finditer(mention.sentence.text)
                   if services.well_known(m.group(1)) == company), None)
    return replace(mention, name=entity) if entity else mention


def _alias(mention: _Mention, mentions: list[_Mention]) -> bool:
    """Whether a name is in brackets just after another name of its sentence, as that one's other name
    ('Sendinblue SAS (Brevo)'): one recipient, not two."""
    text = mention.sentence.text
    return text[:mention.start].endswith("(") and text[mention.end:mention.end + 1] == ")" and any(
        o.sentence is mention.sentence and o.end in (mention.start - 1, mention.start - 2) for o in mentions)


def _unshared(mention: _Mention, after: Sentence | None, named: int) -> bool:
    """Whether the sentence ``after`` the mention's (of the same section) says, of it, that what it gets is no
    personal data ('... de gemeente Amersfoort, die ons subsidie geeft. De gemeente ontvangt alleen
    geanonimiseerde cijfers'): by its kind, or by a pronoun when its sentence names only it (``named``)."""
    if after is None or after.section != mention.sentence.section or not _NO_DATA.search(after.text):
        return False
    opening = _BACK_SUBJECT.match(after.text)
    if not opening:
        return False
    noun = opening.group("noun")
    return noun.casefold() in mention.name.casefold().split() if noun else named == 1


def _blocks(items: list[Sentence], found: dict[str, dict], opened: dict[int, str]) -> None:
    """Add to the recipient a block of labelled lines opens with ('Organisation: X') the country and tools of the
    block's other lines ('Where: Australia', 'Safeguard: ...'), up to a line that is not labelled."""
    element = None
    for sentence in items:
        if id(sentence) in opened:
            element, section = found.get(opened[id(sentence)]), sentence.section
        elif element is None or sentence.section != section or not _LINE_LABEL.match(sentence.text):
            element = None
        else:
            _stated_later(element, sentence, bool(_WHERE.match(sentence.text)))


def _stated_later(element: dict, sentence: Sentence, where: bool) -> None:
    """Add to ``element`` the tools ``sentence`` claims and (if it has none, and the sentence says ``where`` its
    data are stored or sent) its country."""
    tools = [t for t in claimed(sentence) if t["tool"] not in {o["tool"] for o in element.get("transfer_tools", ())}]
    if tools:
        element.setdefault("transfer_tools", []).extend(tools)
    stated = country(sentence.text) if where else None
    if stated and "country" not in element:
        element["country"] = stated
        element["provenance"] = [element["provenance"], provenance(sentence)]


def _same(key: str, other: str) -> bool:
    """Whether two names (keys) are one recipient: equal but for the spelling of their legal forms ('Laposta B.V.',
    'Laposta BV'), or one opening the other ('Amazon Web Services EMEA SARL')."""
    return ((_bare(key) == _bare(other) and _form(key) == _form(other)) or _prefix(key, other) or _prefix(other, key))


def _form(key: str) -> str:
    """The legal form a key ends with, however spelled ('b v' and 'bv' alike; 'gmbh' and 'inc' two)."""
    return key[len(_bare(key)):].replace(" ", "")


def _short(name: str, company: str) -> bool:
    """Whether a name without a legal form is the short name of a company: the same without its form ('Laposta' for
    'Laposta B.V.'), or one word opening the company's name ('PostNL' for 'PostNL Pakketten Benelux B.V.')."""
    return _bare(company) != company and _bare(name) == name and (
        name == _bare(company) or " " not in name and company.startswith(name + " "))


def _bare(key: str) -> str:
    """A key without its trailing legal form ('postnl pakketten benelux b v' -> 'postnl pakketten benelux')."""
    return _KEY_FORM.sub("", key) or key


def _prefix(short: str, long: str) -> bool:
    """Whether a name of two words or more opens a longer one ('Amazon Web Services' in 'Amazon Web Services
    EMEA SARL'): the same recipient named twice."""
    return " " in short and long.startswith(short + " ")


def _key(name: str) -> str:
    return " ".join(re.sub(r"\(.*?\)|[.,]", " ", name).casefold().split())


_REPRESENTATIVE = re.compile(r"(?i)\b(?:as|als) (?:our|its|onze|haar|zijn) (?:\w+ )?(?:representative|vertegenwoordiger)\b|"
                             r"\brepresentative (?:under|in the sense of|within the meaning of) (?:art\.|article)\s?27\b|"
                             r"\bvertegenwoordiger (?:in de zin van|volgens) (?:art\.|artikel)\s?27\b")
"""A sentence appointing the controller's representative in the Union (Art. 27 GDPR): its name is no recipient."""


def _plausible(mention: _Mention, controller_name: str | None, title: str = "") -> bool:
    """Whether a mention is a name of someone else: not the controller or the brand the notice's ``title`` names,
    a street address, a supervisory authority, a country, a law or a common word."""
    name = re.sub(r"^\(\w+\) ", "", mention.name)
    words = [w.casefold() for w in name.split()]
    if controller_name and (name in controller_name or controller_name in name) or (
            _titled(name, title) and not _GROUP.search(mention.sentence.text)):
        return False
    if AUTHORITIES.fullmatch(name) or _address(mention) or _REPRESENTATIVE.search(mention.sentence.text):
        return False
    if mention.row:
        return not _BROWSER.search(mention.sentence.text)
    if LEGAL_NAME.fullmatch(name) or _AUTHORITY.fullmatch(name) or _body(name) or _public_bodies().fullmatch(name):
        return True
    if _LAW.search(name) or (_own_product(name.split()[0], controller_name) and not _GROUP.search(mention.sentence.text)) \
            or re.fullmatch(rf"(?:[A-Z]\.){{2,}}|{_FORMS}", name):
        return False
    if mention.start and len(words) > 1 and words[0] in _ARTICLES and name[0].isupper():
        words = words[1:]  # 'An Post', 'The Rocket Science Group': a capital article mid-sentence opens a name
    return (len(name) > 1 and words[0] not in _STOP and not _OWN_PRODUCT.search(name) and words[0].split("-")[0] not in _STOP
            and not all(w in _STOP for w in words)
            and words[-1] not in _NOT_LAST and not COUNTRY.fullmatch(name) and not is_tool(name)
            and not _CATEGORIES.search(_common(name)))


_ADDRESS = re.compile(r"\b(?:Unit|Suite|Floor|Postbus|Bus)\s\d|[a-z](?:straat|weg|plein|laan|gracht|kade|dijk|singel|markt|lei|dreef)"
                      r"\s\d|\b(?:Street|Road|Lane|Avenue|Square|Place|(?:Business|Industrial|Retail|Technology|Science) Park|"
                      r"Industrial Estate)\b|\b\d{4}\s?[A-Z]{2}\b|^\d{4}\s|\bDublin \d{1,2}\b|"
                      r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b")
_GROUP = re.compile(r"(?i)group compan|groepsmaatschappij|\bgroep\b|\bgroup\b|affiliate|subsidiar|dochter|zuster|sister")
"""A sentence on the controller's group: a company that bears the controller's brand in it is another entity."""


def _address(mention: _Mention) -> bool:
    """Whether a mention is a part of a postal address ('Stationsplein 8, 5611 AB Eindhoven', 'Example Ltd, Unit 7,
    Millbrook Business Park, Dublin 22'): it, or the items of a comma list next to it, hold a street, unit or postcode."""
    text = mention.sentence.text
    if re.search(r"\b\d{4}\s$", text[:mention.start]):
        return True
    if text[:mention.start].endswith(", ") or re.match(r",\s*\d{4}", text[mention.end:]):
        before = text[:mention.start].rsplit(", ", 2)[-2:] if text[:mention.start].endswith(", ") else []
        around = " , ".join([*before, mention.name, *text[mention.end:].lstrip(", ").split(", ", 2)[:2]])
        return bool(_ADDRESS.search(around))
    return False


def _titled(name: str, title: str) -> bool:
    """Whether the notice's title names ``name``, or names it without its legal form ('Privacy Statement
    KlusMaatje'; not 'Lumen Labs Inc.' in 'Privacy notice of Lumen Labs AB'): the controller's own brand."""
    key, named = _key(name), _key(title)
    titled = re.search(rf"(?<!\w){re.escape(_bare(key))}(?!\w)", named) if title else None
    form = titled and re.match(_KEY_FORMS, named[titled.end():])
    return bool(titled) and (not form or form.group(0).replace(" ", "") == _form(key))


def _common(name: str) -> str:
    """The part of a name that may be a common noun: all of it, only its last word when that is a proper name
    after a category ('Woonbedrijf Salland', 'Administratiekantoor Veluwe'; not 'Recruitment Agencies'), or none
    of it when a proper name and '&' open it."""
    last = name.split()[-1]
    proper = " " in name and last[0].isupper() and not _CATEGORIES.search(last) and last.casefold() not in _STOP
    joined = re.search(r"([A-Z][\w'-]*) & [A-Z]", name)  # 'Smit & Partners', 'Hartley & Price Accountants': a firm
    return "" if joined and not _CATEGORIES.search(joined.group(1)) else last if proper else name


def _own_product(first: str, controller_name: str | None) -> bool:
    """Whether a name without a legal form opens with a word of the controller's name, whole or before a capital
    ('KorrelKaart' of Bakkerij Korrel B.V., 'Lumen Insights' of Lumen Labs AB; not 'Shopify' of Shop B.V.): the
    organisation's own product, no recipient."""
    words = {w for w in re.findall(r"\w{4,}", controller_name or "") if w.casefold() not in _STOP}
    return any(re.match(rf"{re.escape(word)}(?![a-z])", first) for word in words)


def _mentions(sentence: Sentence, layout: _Layout, lower: frozenset[str]) -> list[_Mention]:
    """The recipients ``sentence`` names, by every layout, in the order of the text (``lower``: the words the
    notice writes in lower case)."""
    text = sentence.text
    found = [_Mention(text[n.start:n.end], sentence, n.start, n.end, (0, len(text)), n.company)
             for n in services.named(text, sentence.bullet)]
    judged = {(m.start, m.end) for m in found}  # services.named has already asked services.excluded of these
    found += _listed(sentence, layout)
    for match in _EXAMPLES.finditer(text):
        found += _names(sentence, match.end(), len(text), stop=True)
    if _SHARING.search(text) or _RECIPIENTS_SECTION.search(sentence.section):
        for match in _APPOSED_EXAMPLES.finditer(text):
            found += _names(sentence, match.end(), len(text), stop=True)
            found += [_Mention(text[m.start():end], sentence, m.start(), end, (m.start(), len(text)))
                      for m in _INSTITUTION.finditer(text, match.end()) if (end := _institution(text, m.start()))][:1]
    if _SHARING.search(text):
        found += [_Mention(m.group(1), sentence, m.start(1), m.end(1), (0, len(text))) for m in LEGAL_NAME.finditer(text)]
        found += [_Mention(text[m.start():end], sentence, m.start(), end, (0, len(text)))
                  for m in _INSTITUTION.finditer(text) if (end := _institution(text, m.start()))]
    found += _subjects(sentence, lower)
    for match in _WHOSE_SUBJECT.finditer(text):
        found += [_Mention(match.group(1), sentence, match.start(1), match.end(1), (match.start(1), len(text)))]
    for match in _RELATIVE.finditer(text):
        found += [_Mention(m.group(), sentence, m.start(), m.end(), (m.start(), match.end()))
                  for pattern in (LEGAL_NAME, _NAME) for m in pattern.finditer(text, 0, match.start())
                  if m.end() == match.start() and (match.group().startswith(",") or m.start() > 0)][:1]
    for match in _USES.finditer(text):
        if (match.group("passief") and not _HULPWERKWOORD.search(text, 0, match.start())
                or match.group("passive") and not _AUXILIARY.search(text, 0, match.start())
                and not match.group().rstrip().endswith("through")):  # 'online through X': 'through' alone names one
            continue
        if not _NEGATION.search(text, 0, match.start()) and not _channel(text, match):
            found += _names(sentence, match.end(), len(text), stop=":" not in match.group(0))
            found += [_Mention(m.group(), sentence, m.start(), m.end(), (m.start(), len(text)))
                      for m in _AUTHORITY.finditer(text, match.end())]
            found += [_Mention(text[m.start():end], sentence, m.start(), end, (m.start(), len(text)))
                      for m in _INSTITUTION.finditer(text, match.end()) if (end := _institution(text, m.start()))]
    spans: dict[tuple[int, int], _Mention] = {}
    for mention in found:
        same = spans.get((mention.start, mention.end))
        if same:
            narrow = min(same.scope, mention.scope, key=lambda scope: scope[1] - scope[0])
            mention = replace(mention, scope=narrow, row=same.row or mention.row)
        spans[mention.start, mention.end] = mention
    for mention in list(spans.values()):
        outer = next((o for o in spans.values() if o is not mention and o.start <= mention.start
                      and mention.end <= o.end), None)
        if outer:  # a name within a longer one ('ActiveCampaign' in 'Postmark (ActiveCampaign, LLC)')
            del spans[mention.start, mention.end]
            spans[outer.start, outer.end] = replace(outer, row=outer.row or mention.row)
    if _COMPLAINT.search(text):
        return []
    cell = _named_cell(text, layout)
    joined = _joined(sorted((m for m in spans.values() if cell is None or cell[0] <= m.start < cell[1]),
                            key=lambda m: m.start))
    return [m for m in joined if not _denied(text, m) and not _no_data(text, m, joined) and not _source(text, m)
            and ((m.start, m.end) in judged or not _excluded(text, m))]


def _excluded(text: str, mention: _Mention) -> bool:
    """Whether the clause of ``text`` that names ``mention`` names no recipient there (see ``services.excluded``)."""
    start, end = _clause(text, mention.start, mention.end)
    return services.excluded(text[start:end], mention.start - start, mention.end - start)


def _subjects(sentence: Sentence, lower: frozenset[str]) -> list[_Mention]:
    """The names a sentence opens with as the subject of what they do with data ('Spryng B.V. verstuurt voor ons
    ...', 'Mapbox ontvangt alleen je postcode', 'Squarespace hosts our website', 'A (Ierland) en B verwerken je
    berichten'), or that follow its verb after an object of ours in Dutch word order ('Onze salarisadministratie
    doet X.'). A one-word subject the notice also writes in lower case (``lower``) is a common noun."""
    text = sentence.text
    if _INVERTED.match(text) or _CONTACT.search(text):
        return []
    return [m for start in (0, *(m.end() for m in _NEXT_CLAUSE.finditer(text))) for m in _subject(sentence, start, lower)]


def _subject(sentence: Sentence, start: int, lower: frozenset[str]) -> list[_Mention]:
    """The subjects of the clause of ``sentence`` that opens at ``start`` (see ``_subjects``)."""
    text = sentence.text
    second = _SECOND.match(text, start)
    if second:
        lead = _lead(text, second.end())
        return [_Mention(text[lead[0]:lead[1]], sentence, lead[0], lead[1], (0, len(text)))] if (
            lead and lead[0] == second.end() and _CLAUSE_END.match(text, lead[1])) else []
    opening = start
    article = _ARTICLE.match(text, start)
    owned = _OWNED_SUBJECT.match(text, start)
    start = owned.end() if owned and _CATEGORIES.search(owned.group(1)) else start
    subjects, start = [], article.end() if article and re.match(r"\S+\s+[a-z]", text[article.end():]) else start
    while (lead := _lead(text, start)) and (
            subjects or lead[0] in (opening, start) or _ARTICLE.fullmatch(text, opening, lead[0])):
        subjects.append(lead)
        joiner = _JOINER.match(text, lead[1])
        if not joiner:
            break
        start = joiner.end()
    if not subjects:
        return []
    after = re.compile(r"\s*\([^()]*\)|,\s+(?:the|de|het|een|a|an)\s[^,()]{1,60},").match(text, subjects[-1][1])
    end = after.end() if after else subjects[-1][1]
    first = text[subjects[0][0]:subjects[0][1]]
    plain = len(subjects) == 1 and re.fullmatch(r"[A-Z][a-z\u00df-\u00ff]+", first)  # one word, a capital only as it opens
    if plain and first[0].lower() + first[1:] in lower:
        return []
    acts = (_RECEIVES.match(text, _ADVERBS.match(text, end).end()) or _BACK_RECEIVES.match(text, end)
            or (_DATA_OBJECT if plain else _OUR_OBJECT).match(text, end))
    if not acts:
        return []
    return [_Mention(text[s:e], sentence, s, e, (0, len(text))) for s, e in subjects]


_OWNED_SUBJECT = re.compile(r"(?:Onze|Ons|Our)\s+(?:[\w-]+\s+){0,2}?([\w-]+),?\s+(?=[A-Z\u00c0-\u00de])")
"""A subject's kind before its name ('Onze ICT-partner X beheert ...', 'Our IT support company, X, ...')."""


def _channel(text: str, match: re.Match[str]) -> bool:
    """Whether ``match`` is 'via' or 'through' in a sentence on how to contact the organisation (a channel)."""
    return match.group(0).casefold().strip() in ("via", "through") and bool(_CONTACT.search(text))


_CLAUSE_BREAK = re.compile(r";|(?<=[.!?])\s+(?=[A-Z\u00c0-\u00de])")
"""Where a clause ends: a semicolon, or the end of a sentence within one item ('We never sell it. We share ...')."""


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause of ``text`` that holds ``text[start:end]``."""
    opening = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    closing = _CLAUSE_BREAK.search(text, end)
    return opening, closing.start() if closing else len(text)


def _denied(text: str, mention: _Mention) -> bool:
    """Whether a clause of ``text`` denies that data go to ``mention`` (see ``_DENIED``)."""
    for denial in _DENIED.finditer(text):
        clause = _clause(text, denial.start(), denial.end())
        if clause[0] <= mention.start < clause[1] or _BACK.search(text, clause[0], clause[1]):
            return True
    return False


def _source(text: str, mention: _Mention) -> bool:
    """Whether a clause of ``text`` says that data come from the name ``mention`` is (see ``_SOURCE``)."""
    for source in _SOURCE.finditer(text):
        clause = _clause(text, source.start(), source.end())
        lead = _lead(text, _SOURCES.match(text, source.end()).end())
        names = text[source.end():lead[1] if lead else source.end()]
        if clause[0] <= mention.start < clause[1] and re.search(rf"(?<!\w){re.escape(mention.name)}(?!\w)", names):
            return True
    return False


_POINTS_BACK = re.compile(r"(?i)\s*(?:dat|die|deze|dit|this|that|these|it|they|ze|zij)\b")


def _no_data(text: str, mention: _Mention, mentions: list[_Mention]) -> bool:
    """Whether the clause after ``mention`` (up to the next name), or a clause after a semicolon pointing back to what
    it gets ('rapporteren wij aan het Oranje Fonds; dat rapport bevat geen persoonsgegevens'), says that it is no
    personal data."""
    semicolon = text.find(";", mention.end)
    following = min([m.start for m in mentions if m.start > mention.start] + [len(text)])
    end = min(following, semicolon if semicolon >= 0 else len(text))
    if _NO_DATA.search(text, mention.end, end):
        return True
    back = _POINTS_BACK.match(text, semicolon + 1) if 0 <= semicolon < following else None
    if back is None:
        return False
    stop = text.find(";", back.end())
    return bool(_NO_DATA.search(text, back.end(), min(following, stop if stop >= 0 else len(text))))


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
    if len(cells) >= 3 and (in_section or layout.named or country(text)) or (len(cells) == 2 and in_section):
        if _is_header(cells) or not 0 <= layout.column < len(cells):
            return []
        return _cell(sentence, *_bounds(text, layout.column))
    label = _LABEL.match(text)
    if label and in_section:
        return [replace(m, block=True) for m in _cell(sentence, label.end(), len(text))]
    item = sentence.bullet or in_section and bool(_UNMARKED_ITEM.fullmatch(text))
    if not (item and (in_section or country(text) or claimed(sentence))):
        return []
    labelled = re.match(r"[^:]{1,40}:\s*", text)
    if labelled and _lead(text, labelled.end()):
        return _names(sentence, labelled.end(), len(text), stop=True)
    head = _HEAD.match(text)
    kind = head and (head.group(1) if head.group(1) is not None else head.group(2))
    start = head.end() if head and (not kind or _CATEGORIES.search(kind)) else 0
    return _cell(sentence, start, _HEAD_END.search(text, start).start())


def _named_cell(text: str, layout: _Layout) -> tuple[int, int] | None:
    """The bounds of a table row's cell under a header's recipients column ('Aanbieder', 'Provider'), if the row
    has one: the names of its other cells ('ads on Facebook and Instagram' in a purpose cell) are not recipients."""
    cells = _CELLS.split(text)
    if not layout.named or len(cells) < 3 or not 0 <= layout.column < len(cells):
        return None
    return _bounds(text, layout.column)


def _bounds(text: str, column: int) -> tuple[int, int]:
    """Where a table row's cell ``column`` begins and ends."""
    bounds = [0, *(i for m in _CELLS.finditer(text) for i in m.span()), len(text)]
    return bounds[2 * column], bounds[2 * column + 1]


_UNMARKED_ITEM = re.compile(r"[^.;:!?]{1,60}")
"""A short line without a stop under a recipients heading: an item of a list set without bullets ('Hetzner,
hosting, Germany')."""
_LOCATED = re.compile(r"\s+(?:in|te|uit)\s+[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?")
"""Where a list item's or cell's name is based, after it ('Verstraete & Co in Sint-Niklaas')."""


def _cell(sentence: Sentence, start: int, end: int) -> list[_Mention]:
    """The name that ``sentence.text[start:end]`` (a table cell, the head of a list item) consists of, if any;
    a legal form after a comma ('Cloudflare, Inc.') is part of it."""
    lead = _lead(sentence.text, start)
    host = lead and re.compile(r" (?:bij|at|op|on) ").match(sentence.text, lead[1])
    if host and (other := _lead(sentence.text, host.end())) and _FORM_TAIL.fullmatch(sentence.text, other[1], end):
        lead = (lead[0], other[1])
    located = lead and _LOCATED.match(sentence.text, lead[1], end)
    if located and _FORM_TAIL.fullmatch(sentence.text, located.end(), end):  # 'Verstraete & Co in Sint-Niklaas'
        end = lead[1]
    entity = lead and re.compile(r" \([^()]+\)").match(sentence.text, lead[1], end)
    if entity and _FORM_TAIL.fullmatch(sentence.text, entity.end(), end):
        lead = (lead[0], entity.end())
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
        prefix = _CATEGORY_PREFIX.match(sentence.text, piece_start)
        if not lead and prefix and _CATEGORIES.search(prefix.group(1)):
            lead = _lead(sentence.text, prefix.end())
        lead = lead or _owned(sentence.text, piece_start)
        instances = _INSTANCES.match(sentence.text, piece_start)
        if not lead and instances and instances.end() <= piece_end:
            found += _instances(sentence, instances.start(1), instances.end(1))
        elif lead and lead[1] <= piece_end and not _modifier(sentence.text, lead, piece_end):
            found.append(_Mention(sentence.text[lead[0]:lead[1]], sentence, lead[0], lead[1], (piece_start, piece_end)))
        elif stop and not _CATEGORY_ITEM.fullmatch(sentence.text, piece_start, piece_end):
            break
    return found


_ACRONYM_END = re.compile(r"(?<![\w-])[A-Z]{2,5}$")
_NOUN_AFTER = re.compile(r"\s+[a-z]+(?<![dnt])\W*")
"""One lower-case word after a name, to the end of its item, that is no Dutch verb (those end in -d, -n or -t)."""


def _modifier(text: str, lead: tuple[int, int], end: int) -> bool:
    """Whether the name at ``lead``, an acronym, qualifies the one noun after it that ends its item ('AES encryptie',
    'NI calculations', 'Places API access'): a technique or a part of a thing, no party."""
    return bool(_ACRONYM_END.search(text, lead[0], lead[1]) and _NOUN_AFTER.fullmatch(text, lead[1], end))


_POSSESSIVE = re.compile(r"(?:onze|ons|our|je|jouw|your|uw)\s+(?=[A-Z\u00c0-\u00de])")
_KIND_AFTER = re.compile(r"(?:\s+(?!(?:en|and|of|or|die|dat|which|who|that)\b)[a-z][\w-]*){1,2}")
"""The kind of thing a name after a possessive is, in one or two words ('booking platform'; not 'en boekhouder')."""


def _owned(text: str, start: int) -> tuple[int, int] | None:
    """The span of a name between a possessive and the kind of thing it is ('our ScheduleBliss booking platform',
    'onze Mailjet nieuwsbriefdienst'), if ``text`` has one at ``start``."""
    possessive = _POSSESSIVE.match(text, start)
    lead = possessive and _lead(text, possessive.end())
    kind = lead and _KIND_AFTER.match(text, lead[1])
    return lead if kind and _CATEGORIES.search(kind.group().split()[-1]) else None


def _instances(sentence: Sentence, start: int, end: int) -> list[_Mention]:
    """The names in the parentheses after a category ('de vervoerder (DHL Parcel of PostNL)'), if all are names."""
    text = sentence.text[:end]
    pieces = [m.span(1) for m in re.finditer(r"(?:^|,\s*|\s+(?:of|or|en|and)\s+)([^,]+?)(?=,|\s+(?:of|or|en|and)\s+|$)",
                                             text[start:])]
    pieces = [(s + start, e + start) for s, e in pieces]
    names = [_lead(sentence.text, s) for s, e in pieces]
    if not all(lead and lead == (s, e) for lead, (s, e) in zip(names, pieces, strict=True)):
        return []
    return [_Mention(sentence.text[s:e], sentence, s, e, (start, end)) for s, e in pieces]


def _body(name: str) -> bool:
    """Whether a name is an institution's, joined by 'of', 'and' or 'voor' and opening or ending with a word for a
    body ('Institute of Practical Bookkeepers'): a proper name, whatever common nouns it holds."""
    words = name.split()
    return bool(" " in name and _INSTITUTION.fullmatch(name) and re.search(r" (?:and|of|for|voor|van|en) ", name)
                and (_INSTITUTIONAL.fullmatch(words[0]) or _INSTITUTIONAL.fullmatch(words[-1])))


def _institution(text: str, start: int) -> int | None:
    """The end of the name of a public body or institution that holds 'and', 'of' or 'voor' and opens at ``start``
    after an article or with 'HM' ('the Disclosure and Barring Service', 'HM Revenue and Customs', 'het Fonds voor
    Buurtinitiatieven'), if one does."""
    match = _INSTITUTION.match(text, start)
    if not match or not (match.group(0).startswith("HM ") or re.search(r"(?i)\b(?:the|de|het)\s+$", text[max(0, start - 4):start])):
        return None
    name = match.group(0).removesuffix(".")
    words = name.removeprefix("HM ").split()
    return start + len(name) if _INSTITUTIONAL.fullmatch(words[-1]) or _INSTITUTIONAL.fullmatch(words[0]) else None


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the items of a list (split at ',', ';', 'en', 'and', 'or' outside parentheses and names)."""
    spans, depth, begin, i = [], 0, start, start
    while i < end:
        institution = _institution(text, i) if text[i - 1:i] == " " else None
        if institution:
            i = institution
            continue
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
    institution = _institution(text, start)
    if institution:
        return start, institution
    match = LEGAL_NAME.match(text, start) or _NAME.match(text, start)
    if not match:
        return None
    end = match.end()
    form = _COMMA_FORM.match(text, end)
    if form:
        return match.start(), form.end()
    if text[end - 2:end] in ("'s", "\u2019s"):
        return match.start(), end - 2  # a possessive: the name is the owner's ("Squarespace's payment partners")
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
                    r"(?i)\W*(\(|(een|a|an|the)\b|service|dienst|product|onderdeel|part\b|of\b|van\b|by\b|door\b)[^(),;]*",
                    between):
                skip.add(later)
                mention = _Mention(f"{mention.name} ({other.name})", mention.sentence, mention.start, other.end,
                                   mention.scope, mention.row)
                break
        joined.append(mention)
    return joined


def _public(name: str) -> bool:
    """Whether ``name`` is a public body's: by its kind, or one of the cited public bodies."""
    return bool(_PUBLIC_KIND.search(name) or _public_bodies().fullmatch(name))


@cache
def _public_bodies() -> re.Pattern[str]:
    """The names of the public bodies of ``data/public_bodies.yaml``, whole or (a body with regional parts)
    opening a longer name ('GGD Drenthe', 'NHS England')."""
    data = yaml.safe_load(resources.files("pac.draft").joinpath("data/public_bodies.yaml").read_text("utf-8"))
    names = [re.escape(name) + (r"(?: [A-Z][\w-]*)*" if body.get("regional") else "")
             for body in data["bodies"] for name in body["names"]]
    return re.compile("|".join(sorted(names, key=len, reverse=True)))


def _recipient(mention: _Mention, alone: bool) -> dict:
    """The element of one mention; the country and tools of its item, or of its sentence when it names only it."""
    sentence = mention.sentence
    start, end = (0, len(sentence.text)) if alone else mention.scope
    name = re.sub(r"\s+", " ", mention.name)
    element: dict = {"name": name, "named": True,
                     "role": "public_authority" if _public(name) or _PUBLIC_APPOSITION.match(sentence.text, mention.end)
                     else "processor" if mention.processor
                     or _PROCESSOR.search(sentence.text) or _PROCESSOR.search(sentence.section) else "recipient"}
    stated = country(sentence.text[mention.end:end]) or country(sentence.text[start:end])  # its own item first
    if stated:
        element["country"] = stated
    tools = claimed(sentence, start, end)
    if tools:
        element["transfer_tools"] = tools
    element["provenance"] = provenance(sentence, mention.start, max(mention.end, min(end, mention.start + 120)))
    return element
