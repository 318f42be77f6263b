"""Legal bases, tied to purposes only where the layout ties them: a basis in parentheses beside its purpose
("Sending the newsletter (consent)", "Toestemming (marketing)", "(art. 6 lid 1 sub b AVG)"), parallel numbered
lists of purposes and bases, labelled pairs ("Doel: ..." over "Grondslag: ..."), a basis over a list of
purposes ("Op basis van je toestemming verwerken wij:"), a table row flattened to text, or a sentence stating a
basis in the section of one activity. A basis the text does not tie to one purpose is left collective, never
guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .text import BASIS_HEADINGS, GENERIC_HEADINGS, PURPOSE_HEADINGS, Sentence

_ARTICLE = (r"\bart(?:ikel|icle|\.)?\s*6\s*(?:\(1\)|,?\s*(?:lid|para\.?|abs\.?)\s*1,?|\.1\.?)?\s*(?:sub|onder|under|point|letter|lit\.?)?"
            r"\s*\(?{}\)?(?!\w)")
"""Art. 6(1)(x) as notices cite it: 'art. 6 lid 1 sub a AVG', 'Article 6(1)(b)', 'art. 6.1.f', and in the German style of
many translated notices 'art. 6 lid 1 lit. f', 'art. 6 Para. 1 b)', 'Art. 6 Abs. 1 lit. a'."""
_AUTHORITY = r"(de |the )?(wet|wetgeving|law|legislation|tax authorit(y|ies)|belastingdienst|HMRC|HM Revenue & Customs)"
_STATUTE = (r"\b(op grond van|op basis van|krachtens|volgens|vanuit|under|by) (de |het |the )?"
            r"(?!AVG|GDPR|UK GDPR|Algemene [Vv]erordening|General Data|Overeenkomst|Agreement|Contract|Voorwaarden|Terms)(?-i:[A-Z])")
"""A named statute ('op grond van de Wwft', 'krachtens de Belgische boekhoudwet', 'under the Money Laundering Regulations'),
not the GDPR itself (which obliges the controller to inform, not to process)."""
BASES = {  # a contract with another organisation ('our agreement with your employer') is no Art. 6(1)(b) basis
    "consent": r"toestemming|\bconsent\b|" + _ARTICLE.format("a"),
    "contract": r"contractu(?:al|ele) (?:verplichting|obligation|necessity|noodzaak)|\bcontracted services\b|"
                r"((?<!verwerkers)overeenkomst|(?<!processing )\bcontract\b|"
                r"(?<!processing )(?<!processor )(?<!sharing )\bagreement\b)(?!\s+(met|with)\s+((je|jouw|uw|your|the|de|het|onze?|our|other|andere)\s+)?"
                r"(employers?|werkgevers?|opdrachtgevers?|suppliers?|leveranciers?|partners?|organisations?|organizations?|"
                r"organisaties?|companies|bedrijven)\b)|"
                + _ARTICLE.format("b"),
    "legal_obligation": r"wettelijke \w*(verplichting|plicht)|legal (obligation|requirement)|"
                        r"(fiscale|boekhoudkundige|wettelijke|reglementaire) (en (fiscale|boekhoudkundige|wettelijke|reglementaire) )?"
                        r"verplichting|"
                        r"verplichting(en)? (van|uit) de wet\b|"
                        r"verplicht (door|volgens|op grond van) (de )?wet\b|statutory (obligation|duty|requirement)|legal dut(y|ies)|"
                        r"comply with (the |applicable |relevant )?(law|legislation)\b|"
                        r"required by law|law requires|wet .{0,30}verplicht|wettelijk verplicht|legally (obliged|required|obligated)|"
                        rf"\b{_AUTHORITY} (\([^()]{{0,80}}\) )?(\w+ ){{0,3}}(requires|vraagt|eist|vereist|verplicht|voorschrijft)|"
                        rf"{_STATUTE}[^.;]{{0,80}}(?<!niet )(?<!not )\b(verplicht|obliged|obligated|required|moeten (wij|we)|must)\b|"
                        rf"(?<!niet )(?<!not )\b(verplicht|obliged|obligated|required)\b[^.;]{{0,20}}{_STATUTE}|"
                        + _ARTICLE.format("c"),
    "vital_interests": r"vita(a|le)l? belang|vital interest|" + _ARTICLE.format("d"),
    "public_task": r"(?<!substantial )(?<!zwaarwegend )(?<!zwaarwegende )(algemeen belang|public (task|interest))|openbaar gezag|"
                   r"official authority|" + _ARTICLE.format("e"),
    "legitimate_interests": r"(gerechtvaardigd|gewettigd|legitiem)\w* belang|legitimate interest|" + _ARTICLE.format("f"),
}
_BASIS = {basis: re.compile(pattern, re.IGNORECASE) for basis, pattern in BASES.items()}
_CUE = re.compile(r"(?i)grondslag|basis|taak van algemeen belang|public task|(in|of) the public interest|openbaar gezag|"
                  r"official authority|vita(a|le)l? belang|vital interest|wettelijke (verplichting|plicht)|legal obligation|"
                  r"(fiscale|boekhoudkundige) (\w+ ){0,3}verplichting|verplicht (door|volgens|op grond van) (de )?wet\b|"
                  r"statutory (obligation|duty|requirement)|legal dut(y|ies)|comply with|"
                  r"(gerechtvaardigd|gewettigd|legitiem)\w* belang|legitimate interest|uit te voeren|carry out|to perform|\bfulfil|"
                  r"\bnodig\b[^.;]{0,40}\bvanwege\b|\bvoldoen aan\b|"
                  r"(give|given|gave) (us )?((your|their|his|her) )?consent|toestemming (\w+ ){0,2}gegeven|"
                  r"\b" + _AUTHORITY + r" (\w+ ){0,3}(requires|vraagt|eist|vereist|verplicht)|wettelijk verplicht|legally (obliged|required|obligated)|op grond van|"
                  r"on the grounds? of|pursuant to|gebaseerd op|based on|\brel(y|ies) on|\brests? on|berust|"
                  + _ARTICLE.format("[a-f]") + r"|\bomdat|because|nodig (om|voor)|need (these|your|this)|noodzakelijk|necessary|"
                  r"\bonly with|alleen met|op basis van|on the basis|uitvoer|perform|required|vereist|rechtvaardig|legitim|"
                  r"vraagt? (je|u) (\w+ )?(om )?toestemming|vragen (wij|we) (\w+ ){0,2}(om )?(je |jouw |uw )?toestemming|"
                  r"(wij|we) vragen (\w+ ){0,2}(om )?(je |jouw |uw )?toestemming|"
                  r"(overeenkomst|contract)\w* (met (je|jou|u) )?(kunnen |te )?(af)?sluiten|(voor|before) (het )?(sluiten|entering into)|ask (\w+ )?(for )?(your )?consent|"
                  r"met (je|uw|jouw) (\w+ )?toestemming|with your (\w+ )?consent")
_NOT_A_TIE = re.compile(r"(?i)\btenzij\b|\bunless\b|\bright to object|\brecht (van|op) bezwaar|\bbezwaar (te )?maken|\bzonder\b.{0,20}toestemming|\bwithout\b.{0,20}consent|"
                        r"\b(requires|verplicht) (us|ons) (\w+ ){0,3}(to |om )?(determine|notify|inform|tell|explain|bepalen|informeren)\b|"
                        r"\barchiv\w*\b.{0,40}\b(public interest|algemeen belang)|"
                        r"\b(niet|not) (wettelijk |legally )?(verplicht|obliged|obligated|required)\b|"
                        r"\bgeen toestemming|\bno consent|\bnot (need|require) your consent|\bnot asked for (your )?consent|"
                        r"\bniet om (je |uw |jouw )?toestemming gevraagd|"
                        r"^(als|indien|wanneer|waar|if|where|when)\b[^,]{0,80}(toestemming|consent)|\?$|"
                        r"^(als|indien|wanneer|waar|if|where|when)\b[^,]{0,80}(overeenkomst|contract\b|wettelijke (verplichting|plicht)|"
                        r"legal obligation|vita(a|le)l? belang|vital interest|algemeen belang|public (task|interest)|"
                        r"(gerechtvaardigd|gewettigd)\w* belang|legitimate interest)[^,]*,\s*(you|je|jij|u)\b|"
                        r"toestemming (van )?(een |je |jouw |uw |hun |de )?(ouders?|voogd|wettelijke? vertegenwoordiger)|"
                        r"(ouders?|voogd)\w* toestemming|parental consent|consent (of|from) (a |their |your )?(parent|guardian)|"
                        r"\b(wij|we) (\w+ ){0,4}(een |de )?\w*(overeenkomst|contract)\w* (\w+ ){0,3}(af)?gesloten|"
                        r"\bwe (have )?(signed|concluded|entered into|have) (an? |the )?(\w+ )?(agreement|contract)s? with (?!you\b)")
"""A basis stated as an exception, as the condition of a clause ('unless', 'without your consent', 'if we
process your data on the basis of your consent, ...'; 'where we rely on legitimate interests, you may ...'), or
in a question, or beside the right to object; what the law requires the notice to tell ('The law requires us to tell
you ...'), archiving in the public interest (Art. 89), or what no one is obliged to do ('You are not required to give us
your data'); a parent's consent for a child (Art. 8, not the basis of a purpose); an
agreement the controller concluded with another party ('Met Matomo hebben wij een overeenkomst gesloten'): it
ties no purpose."""
_PAREN = re.compile(r"\(((?:[^()]|\([^()]{0,5}\)){3,80})\)")
_PURPOSE_LABEL = re.compile(r"(?i)^(doel(en|einde)?|purposes?|waarom|waarvoor|why|what for)\s*:\s*(?=\S)(.{3,})")
_BASIS_LABEL = re.compile(r"(?i)^((verwerkings|rechts)?grondslag|rechtsgrond|verwerkingsgrond|(legal|lawful) basis)\s*:")
_BESIDE = re.compile(r"^(.{3,}?)(?::|\s[-\u2013\u2014]\s)\s*([^:\u2013\u2014]{3,80}?)[.;]?$")
_BASIS_FIRST = re.compile(r"^([^:\u2013\u2014]{3,60}?)(?::|\s[-\u2013\u2014]\s)\s*(.{3,})$")
_BASIS_COLON = re.compile(r"^([^:]{3,80}):\s*(.{3,})$")
"""A basis cited with its article before a colon ('Art. 6(1)(b) — performance of a contract: operating your account')."""
_LEADING = set("uitvoering nakoming naleving van de het een ons onze uw je jouw performance compliance with of a an the our "
               "your for explicit expliciete uitdrukkelijke specific specifieke".split())
"""The words a basis named beside its purpose may start with ('uitvoering van de overeenkomst', 'our legitimate
interests')."""
_CELL = re.compile(r"(?:(?!\s{3,})[^|\t])+")
_BASIS_ANY = re.compile("|".join(BASES.values()), re.IGNORECASE)
_PURPOSE_HEADER = re.compile(r"^(doel(en)?( van de verwerking)?|verwerkingsdoel(en)?|purposes?( of (the )?processing)?"
                             r"(/activity)?)$", re.IGNORECASE)
_BASIS_HEADER = re.compile(r"^((verwerkings)?grondslag(en)?|rechtsgrond(slag)?(en)?|(legal|lawful) bas(is|es)"
                           r"( for (the )?processing\b[^|\t]{0,60})?|basis)$", re.IGNORECASE)
"""A basis column's header, also the long one of a common English template ('Lawful basis for processing including
basis of legitimate interest')."""
_TABLE_HEADER = re.compile(f"{_PURPOSE_HEADER.pattern}|{_BASIS_HEADER.pattern}", re.IGNORECASE)


@dataclass(frozen=True)
class Tie:
    """A basis stated in ``where[start:end]`` (None: none is tied) and tied to the purpose stated in ``purpose``
    (named ``name``); ``note`` says how, when the tie is the drafter's reading of the layout."""

    basis: str | None
    name: str
    purpose: Sentence
    where: Sentence
    start: int
    end: int
    note: str | None = None
    restated: Tie | None = None
    """The same purpose and basis as a summary states them (a row of an overview table), when the notice states
    them twice."""


_ACT = re.compile(r"\b(Wet|Act)\b[^.,;:()]{0,60}$")
"""The start of an act's name before a basis word: 'de Wet op de geneeskundige behandelingsovereenkomst' names a
law, not the contract."""


def _words(basis: str, text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """Where ``text[start:end]`` names ``basis``, not within the name of an act."""
    return [m for m in _BASIS[basis].finditer(text, start, len(text) if end is None else end)
            if not _ACT.search(text[max(0, m.start() - 60):m.start()])]


def basis_of(text: str) -> tuple[str, re.Match[str]] | None:
    """The one basis ``text`` states (None when it states none or several)."""
    found = [(basis, matches[0]) for basis in _BASIS for matches in [_words(basis, text)] if matches]
    return found[0] if len(found) == 1 else None


def stated(sentence: Sentence) -> list[tuple[str, re.Match[str]]]:
    """The bases ``sentence`` states as bases (a basis word with a cue of lawfulness, not as an exception or a
    condition), first to last; each clause between semicolons is read on its own."""
    found = []
    for clause in re.finditer(r"[^;]+", sentence.text):
        text = clause.group(0).strip()
        if _NOT_A_TIE.search(text) or not (_CUE.search(text) or BASIS_HEADINGS.search(sentence.section)):
            continue
        found += [(basis, match) for basis in _BASIS for match in _words(basis, sentence.text, clause.start(), clause.end())]
    return sorted(found, key=lambda item: item[1].start())


def parenthesised(sentence: Sentence) -> list[tuple[str, str, int, int]]:
    """(basis, purpose words, start, end of the basis) for each purpose beside its basis in parentheses:
    'purpose (basis)' or 'basis (purpose)', several per sentence when separated by commas or semicolons."""
    found = []
    text, left = sentence.text, 0
    for match in _PAREN.finditer(text):
        if not re.match(r"\s*([,;.]|$)", text[match.end():]):
            continue  # a parenthesis inside a clause ("until cookies are placed (with consent) again")
        before = text[left:match.start()]
        inside, outside = basis_of(match.group(1)), basis_of(before)
        words = before.strip(" ,;:-").strip()
        if inside and len(words) >= 3 and (not _BASIS_ANY.search(words) or outside and outside[0] == inside[0]
                                           and not _only_a_basis(words)):
            found.append((inside[0], words, match.start(1) + inside[1].start(), match.start(1) + inside[1].end()))
        elif outside and not _BASIS_ANY.search(match.group(1)) and len(before.strip(" ,;")) <= 40:
            found.append((outside[0], match.group(1), left + outside[1].start(), left + outside[1].end()))
        left = match.end()
        tail = re.match(r"[^,;]*[,;]", text[left:])
        left += tail.end() if tail else 0
    return found


def _only_a_basis(words: str) -> bool:
    """Whether ``words`` name a basis and no purpose ('Legal basis: explicit consent', 'Toestemming')."""
    label = _BASIS_LABEL.match(words)
    rest = words[label.end():].strip() if label else words
    found = _basis_phrase(rest)
    return found is not None and not rest[found[1].end():].strip(" .,;:")


def table_header(sentence: Sentence) -> tuple[int, int, int] | None:
    """(purpose column, basis column, number of cells) of a table's header row flattened to text ('Doel |
    Gegevens | Grondslag', 'Purpose<TAB>Legal basis'); None when the line is no such header."""
    cells = [m.group(0).strip() for m in _CELL.finditer(sentence.text) if m.group(0).strip()]
    purpose = [i for i, cell in enumerate(cells) if _PURPOSE_HEADER.match(cell)]
    basis = [i for i, cell in enumerate(cells) if _BASIS_HEADER.match(cell)]
    return (purpose[0], basis[0], len(cells)) if len(cells) >= 2 and len(purpose) == len(basis) == 1 else None


def table_row(sentence: Sentence, columns: tuple[int, int, int] | None = None) -> tuple[str, str, int, int] | None:
    """(basis, purpose words, start, end) of a table row flattened to text, 'purpose | basis' (cells apart by
    bars, tabs or wide spaces): under a header (``columns``), the purpose cell and the one basis its basis cell
    states; without one, one cell states one basis and the others, none, are the purpose."""
    cells = [m for m in _CELL.finditer(sentence.text) if m.group(0).strip()]
    if len(cells) < 2 or any(_TABLE_HEADER.match(cell.group(0).strip()) for cell in cells):
        return None
    if columns and len(cells) == columns[2]:
        cell, purpose = cells[columns[1]], cells[columns[0]]
        single = basis_of(cell.group(0))
        if single is None or _BASIS_ANY.search(purpose.group(0)):
            return None
        return single[0], purpose.group(0).strip(), cell.start() + single[1].start(), cell.start() + single[1].end()
    stating = [(cell, basis_of(cell.group(0))) for cell in cells if _BASIS_ANY.search(cell.group(0))]
    if len(stating) != 1 or stating[0][1] is None:
        return None
    cell, (basis, match) = stating[0]
    words = " ".join(c.group(0).strip() for c in cells if c is not cell)
    return basis, words, cell.start() + match.start(), cell.start() + match.end()


def _cells(sentence: Sentence) -> list[re.Match[str]]:
    return [m for m in _CELL.finditer(sentence.text) if m.group(0).strip()]


def continued_row(lines: list[Sentence], columns: tuple[int, int, int]) -> tuple[str, str, Sentence, Sentence, int, int] | None:
    """(basis, purpose words, purpose line, basis line, start, end) of a table row whose cells run over several lines
    ('To register you | (a) Identity |' over 'Performance of a contract with you |'), once ``lines`` hold as many
    cells as the header (``columns``) and the basis cell states one basis."""
    cells = [(line, cell) for line in lines for cell in _cells(line)]
    if len(cells) != columns[2]:
        return None
    (first, purpose), (line, cell) = cells[columns[0]], cells[columns[1]]
    single = basis_of(cell.group(0))
    if single is None or _BASIS_ANY.search(purpose.group(0)):
        return None
    return single[0], purpose.group(0).strip(), first, line, cell.start() + single[1].start(), cell.start() + single[1].end()


def beside(sentence: Sentence) -> tuple[str, str, int, int] | None:
    """(basis, purpose words, start, end) of a list item 'purpose: basis' or 'purpose – basis' ('Fraudepreventie:
    ons gerechtvaardigd belang', 'Sending the newsletter - consent'), or 'basis: purpose' ('Toestemming: voor het
    delen van foto's'): the words on one side of the colon or dash name one basis, first; the other side none."""
    if not sentence.bullet:
        return None
    after = _BESIDE.match(sentence.text)
    found = after and _basis_phrase(after.group(2))
    if found and not _BASIS_ANY.search(after.group(1)) and after.group(1).count("(") == after.group(1).count(")"):
        return found[0], after.group(1).strip(), after.start(2) + found[1].start(), after.start(2) + found[1].end()
    for first in (_BASIS_FIRST.match(sentence.text), _BASIS_COLON.match(sentence.text)):
        found = first and _basis_phrase(first.group(1))
        if found and not _BASIS_ANY.search(first.group(2)):
            return found[0], first.group(2).strip().rstrip(".;"), found[1].start(), found[1].end()
    return None


def _basis_phrase(words: str) -> tuple[str, re.Match[str]] | None:
    """The one basis ``words`` name, when they start with it ('uitvoering van de overeenkomst', 'our legitimate
    interests')."""
    single = basis_of(words)
    return single if single and set(words[:single[1].start()].casefold().split()) <= _LEADING else None


_TITLE_WORDS = _LEADING | set("op basis grond based on by grondslag legal lawful".split())
_TITLE_END = re.compile(r"^s?\s*(\([^()]*\))?\W*$")


_ENUMERATION = re.compile(r"^([A-Z]|\d{1,2}(\.\d{1,2})*)[.)]?\s+")


def titled(sentence: Sentence) -> tuple[str, Sentence, int, int] | None:
    """(basis, heading, start, end) of the heading over ``sentence`` when it is one basis and nothing more
    ('Toestemming', 'Op basis van je toestemming', 'G. Verplichtingen van de wet', 'Legitimate interests')."""
    heading = sentence.section.rsplit(" > ", 1)[-1]
    skip = _ENUMERATION.match(heading)
    found = basis_of(heading[skip.end() if skip else 0:])
    if not found or not _TITLE_END.match(heading[(skip.end() if skip else 0) + found[1].end():]):
        return None
    start, end = (skip.end() if skip else 0) + found[1].start(), (skip.end() if skip else 0) + found[1].end()
    if not set(re.findall(r"[^\W\d]+", heading[skip.end() if skip else 0:start].casefold())) <= _TITLE_WORDS:
        return None
    return found[0], replace(sentence, text=heading, bullet=False, number=None), start, end


def labelled(items: list[Sentence]) -> list[tuple[Sentence, Sentence, str, re.Match[str]]]:
    """(purpose, basis sentence, basis, match) of labelled pairs: 'Doel: ...' followed by 'Grondslag: ...'
    ('Purpose: ...', 'Legal basis: ...') stating one basis."""
    found = []
    for purpose, where in zip(items, items[1:]):
        single = basis_of(where.text) if _BASIS_LABEL.match(where.text) else None
        if single and _PURPOSE_LABEL.match(purpose.text) and purpose.activity == where.activity:
            found.append((purpose, where, *single))
    return found


def numbered_pairs(items: list[Sentence]) -> list[tuple[Sentence, Sentence]]:
    """(purpose item, basis item) pairs of parallel numbered lists: item n under a purpose sub-heading and
    item n under the basis sub-heading that follows it, within one activity."""
    pairs = []
    for index, item in enumerate(items):
        if item.number is None or not BASIS_HEADINGS.search(item.section.rsplit(" > ", 1)[-1]):
            continue
        for earlier in reversed(items[:index]):
            if earlier.activity != item.activity:
                break
            if (earlier.number == item.number and earlier.section != item.section
                    and PURPOSE_HEADINGS.search(earlier.section.rsplit(" > ", 1)[-1])):
                pairs.append((earlier, item))
                break
    return pairs


_DEFINITION = re.compile(r"(?i)^([^:]{3,60}):\s*[^.(]{0,200}?(consent|toestemm|contract|overeenkomst|oblig|verplicht|interest|belang)")


def _defines(text: str) -> bool:
    """Whether a line defines a basis in the basis's own words ('Consent: where you have consented to our use of your
    data', 'Contract: The data subject has a contract with the controller'): one of a list of bases, tied to no purpose
    (unlike 'Consent: when you sign up for the newsletter' or 'Grondslag: uitvoering van de overeenkomst')."""
    found = _DEFINITION.match(text)
    return found is not None and _basis_phrase(found.group(1)) is not None
_LETTERED = re.compile(r"^\(?[a-z]\)\s")
"""An item enumerated by a letter ('a) Contracts and payments', '(b) ...'), which the text does not mark as a list item."""
_CONDITION = re.compile(r"(?i)^(where|when|if|waar|wanneer|als|indien)\s+")


def over_lists(items: list[Sentence]) -> list[tuple[str, Sentence, Sentence, re.Match[str]]]:
    """(basis, purpose item, lead-in, match) for each item of a list under a lead-in that states one basis
    ('Op basis van je toestemming verwerken wij:', 'With your consent we:'), also a list item introducing the items
    after it ('- Where you give us consent:' over '- we send you direct marketing')."""
    found = []
    lead: tuple[str, Sentence, re.Match[str]] | None = None
    for sentence in items:
        item = sentence.bullet or _LETTERED.match(sentence.text)
        if (item and lead and lead[1].section == sentence.section and not sentence.text.endswith(":")
                and not _BASIS_ANY.search(sentence.text)):
            found.append((lead[0], sentence, lead[1], lead[2]))
            continue
        lead = leading(sentence)
    return found


def leading(sentence: Sentence) -> tuple[str, Sentence, re.Match[str]] | None:
    """(basis, sentence, match) of a lead-in ending in a colon that states one basis; a condition opening it names
    the basis of what follows ('Where you give us consent:'), not an exception."""
    if not sentence.text.endswith(":"):
        return None
    single = basis_of(sentence.text)
    unconditioned = replace(sentence, text=_CONDITION.sub("", sentence.text))
    return (single[0], sentence, single[1]) if single and stated(unconditioned) else None


_SKIP_SECTION = re.compile(r"(?i)recht|rights|bezwaar|object|intrek|withdraw|ontvanger|recipient|delen met|\bdelen (wij|we|jullie)\b|"
                           r"shar(e|ing)|aan wie|to whom|"
                           r"disclos|doorgeven|geven (wij|we)\b.*\bdoor\b|"
                           r"bewaar|bewaren|retention|how long|hoe lang")
"""Sections whose basis words speak of rights, objection, withdrawal, disclosure or retention, not of a purpose's basis
("we keep your data as long as the contract requires")."""
_ANAPHORA = re.compile(r"(?i)^((wij|we) (\w+ )?(doen|do|perform|carry out|voeren) (dit|dat|this|that|so|deze|these)\b|(dit|dat) doen (wij|we)|(dit|dat|this|that|deze verwerking|"
                      r"this processing|hiervoor|daarvoor)\b|(de|the) (grondslag|(legal|lawful) basis) (hiervoor|daarvoor|"
                      r"(for|of) (this|that|these)))")
"""A sentence whose basis refers back to the purpose the sentence before it states ('Wij doen dit omdat ...',
'This is necessary to perform our contract')."""
_BARE_BASIS = re.compile(r"(?i)\b(daarvoor|hiervoor|for (this|that|it)|(voor|for) deze verwerking)\b|"
                         r"^((wij|we) (rely|relies|baseren|base) (on|dit|this|deze|onze?)\b)|"
                         r"^((verwerkings)?grondslag|rechtsgrond|(legal|lawful) basis)\s*:\s*[^;:]{3,80}$")
"""A basis stated with no purpose of its own, which bears on the purpose the sentence before it states: a word
pointing back within the sentence ('Wij vragen daarvoor je toestemming'), the controller relying on a basis ('We
rely on our legitimate interest in ...'), or a bare labelled basis after prose ('Grondslag: taak van algemeen belang')."""
_RETENTION_LABEL = re.compile(r"(?i)^\s*(how long|hoe lang|bewaartermijn(en)?|bewaren|retention( period)?|ontvangers|"
                              r"recipients|shared with|gedeeld met)\s*:")
"""A line labelled as retention or recipients ('How long: six years, as HMRC requires'): it states no purpose's basis."""
_INSERTED = re.compile(r"(?i),\s*((alleen |only )?(met (je|jouw|uw) (\w+ )?toestemming|with your (\w+ )?consent)),\s*"
                       r"(?P<purpose>[^,.;]{3,80})")
"""A consent stated as an inserted clause: it bears on the words after it ('functionele cookies en, met je
toestemming, analytische cookies van Google Analytics')."""
_HOW_WE_USE = re.compile(r"(?i)^(how (do )?we use|hoe (gebruiken|verwerken)|wat doen (wij|we))")
_DATA_LEAD = re.compile(r"(?i)(gegevens|\bdata|information|informatie)\s*:$")
_PURPOSE_LEAD = re.compile(r"(?i)((doel(en|einden)?|purposes?)\b[^.]*|\b(use|gebruik\w*)\b[^.:]{0,60}\b(to|for|om|voor)\s*)"
                           r"(?<!gegevens)(?<!\bdata)(?<!information):$")
"""A lead-in announcing purposes ('voor de volgende doelen:', 'We may use it in order to:'), not the data a purpose
uses ('For this purpose we use the following data:', 'Voor dat doel gebruiken wij de volgende persoonsgegevens:')."""


def ties(under: list[Sentence], heading: str) -> tuple[list[Tie], list[Tie]]:
    """(purposes, collective bases) of one activity's sentences: every purpose the layout lists or ties to a
    basis (``basis`` None when nothing ties one), and the bases it states without tying them to a purpose."""
    found, used = _by_layout(under)
    listed = _listed([s for s in under if id(s) not in used])
    used |= {id(s) for s in listed}
    own = [(item, bases) for item in listed for bases in [stated(item)] if len({b for b, _ in bases}) == 1]
    found += [_own(item, *bases[0]) for item, bases in own]
    listed = [item for item in listed if id(item) not in {id(i) for i, _ in own}]
    loose, collective = _in_prose([s for s in under if id(s) not in used], heading, {tie.basis for tie in found})
    distinct = {tie.basis for tie in loose}
    anaphoric = [tie for tie in loose if tie.purpose is not tie.where]  # 'Dit is een wettelijke plicht': the sentence before
    if len(distinct) == 1 and listed and not collective and not anaphoric:  # one basis for the block: each of its purposes
        tie, count = loose[0], len(listed)
        note = (f"Review: the section '{heading[:80]}' states one basis and lists {count} purpose"
                f"{'s' * (count > 1)}; the basis is applied to each.")
        return found + [Tie(tie.basis, item.text, item, tie.where, tie.start, tie.end, note) for item in listed], collective
    found += [Tie(None, item.text, item, item, 0, 0) for item in listed]
    if listed:  # which of the listed purposes rest on which basis, the text does not say; a sentence's own it does
        found += [replace(t, name=t.purpose.text[:150], note=_reading(t, heading, len(distinct), True)) for t in anaphoric]
        for tie in loose:
            collective += [] if tie in anaphoric or tie.basis in {t.basis for t in collective} else [tie]
        return found, collective
    generic = bool(_HOW_WE_USE.match(heading) or GENERIC_HEADINGS.match(heading) or PURPOSE_HEADINGS.search(heading)
                   or BASIS_HEADINGS.search(heading))  # a heading that names no purpose ('Why we use your data')
    single = len(distinct) == 1  # one basis: one purpose, the section's (its sentence's, under a generic heading)
    return found + [replace(t, name=heading if single and not generic else t.purpose.text[:150],
                            note=_reading(t, heading, len(distinct), generic)) for t in loose[:1 if single else None]], collective


def _reading(tie: Tie, heading: str, count: int, generic: bool) -> str:
    """The review note of a basis tied to a purpose by a sentence of prose."""
    if tie.purpose is not tie.where:
        how = "the sentence before it states ('this', 'dit')"
    else:
        how = "of the section" if count == 1 and not generic else "its own sentence states"
    return (f"Review: the section '{heading[:80]}' states {'one basis' if count == 1 else f'{count} bases'}; "
            f"this one is tied to the purpose {how}.")


def _own(item: Sentence, basis: str, match: re.Match[str]) -> Tie:
    """A listed purpose that states its own basis ('het sturen van een herinnering (grondslag: gerechtvaardigd
    belang, namelijk ...)', 'To show the website, because this is necessary for our legitimate interest'), named by
    its words before the first parenthesis, comma or semicolon that comes before the basis."""
    words = re.split(r"[(,;]", item.text[:match.start()], maxsplit=1)[0].rstrip(" :-\u2013")
    return Tie(basis, words if len(words) >= 3 else item.text[:150], item, item, match.start(), match.end())


def _by_layout(under: list[Sentence]) -> tuple[list[Tie], set[int]]:
    """The purposes whose basis the layout ties (numbered lists, parentheses, table rows, a basis over a list),
    and the ids of the sentences they use."""
    found: list[Tie] = []
    used: set[int] = set()
    for purpose, where in numbered_pairs(under):
        used |= {id(purpose), id(where)}
        tied = parenthesised(where)
        single = None if tied else basis_of(where.text)
        tied += [(single[0], None, single[1].start(), single[1].end())] if single else []
        if not tied:
            found.append(Tie(None, purpose.text[:150], purpose, purpose, 0, 0))
        for index, (basis, words, start, end) in enumerate(tied):
            if index:  # a further basis with its own purpose in parentheses: a purpose the basis item names
                note = (f"Review: basis item {purpose.number} names the purpose '{words}' in parentheses beside a "
                        f"basis of its own; tied to those words, not to purpose {purpose.number}.")
                found.append(Tie(basis, words, where, where, start, end, note))
                continue
            note = (f"Review: tied to purpose {purpose.number} by the numbering of parallel lists"
                    + (f" and to '{words}' by the parentheses." if words else "."))
            found.append(Tie(basis, purpose.text[:150] + (f" ({words})" if words else ""), purpose, where, start, end, note))
    for purpose, where, basis, match in labelled(under):
        used |= {id(purpose), id(where)}
        found.append(Tie(basis, _PURPOSE_LABEL.match(purpose.text).group(3).rstrip("."), purpose, where, match.start(),
                         match.end()))
    columns: tuple[int, int, int] | None = None
    section = None
    pending: list[Sentence] = []
    for sentence in under:
        if id(sentence) in used:
            continue
        header = table_header(sentence)
        columns = header or (columns if columns and sentence.section == section else None)
        section = sentence.section
        if header:
            used.add(id(sentence))
            continue
        if not columns and _SKIP_SECTION.search(section):
            continue  # 'Huurdersdossier | 7 jaar na einde huurovereenkomst' under 'Bewaartermijnen' names no basis
        if columns and "|" in sentence.text and len(_cells(sentence)) < columns[2]:  # a row running over lines
            pending.append(sentence)
            used.add(id(sentence))
            joined = continued_row(pending, columns)
            found += [Tie(*joined)] if joined else []
            pending = pending if sum(len(_cells(s)) for s in pending) < columns[2] else []
            continue
        pending = []
        if _defines(sentence.text):
            continue
        row = table_row(sentence, columns) or beside(sentence)
        for basis, words, start, end in [row] if row else parenthesised(sentence):
            used.add(id(sentence))
            found.append(Tie(basis, words, sentence, sentence, start, end))
    for sentence in under:  # a list under a heading that is its basis
        title = None if id(sentence) in used or not sentence.bullet or _BASIS_ANY.search(sentence.text) else titled(sentence)
        if title:
            used.add(id(sentence))
            found.append(Tie(title[0], sentence.text, sentence, *title[1:]))
    prose: dict[str, list[Sentence]] = {}
    for sentence in under:
        if id(sentence) not in used and not sentence.bullet:
            prose.setdefault(sentence.section, []).append(sentence)
    for section, group in prose.items():  # prose under a heading that is its basis, speaking of no other basis
        title = titled(group[0])
        if title and not _SKIP_SECTION.search(section) and _illustrates(title, group):
            used |= {id(s) for s in group}
            note = f"Review: the heading '{title[1].text[:80]}' names the basis; tied to the purpose its section states."
            found.append(Tie(title[0], title[1].text, group[0], *title[1:], note=note))
    for basis, item, lead, match in over_lists([s for s in under if id(s) not in used]):
        used |= {id(item), id(lead)}
        note = f"Review: tied by the list item '{lead.text[:80]}' that introduces it." if lead.bullet else None
        found.append(Tie(basis, item.text, item, lead, match.start(), match.end(), note))
    return found, used


def _illustrates(title: tuple[str, Sentence, int, int], group: list[Sentence]) -> bool:
    """Whether prose under a heading that is its basis states the purpose the basis is for: it speaks of no basis, or
    only of the heading's under a heading of its own ('4.2 By Contract', not a sub-heading 'Toestemming' over how to
    give consent), and introduces no list."""
    if not any(_BASIS_ANY.search(s.text) for s in group):
        return True
    return (not GENERIC_HEADINGS.match(title[1].text) and not any(s.text.endswith(":") for s in group)
            and all(not _BASIS_ANY.search(s.text) or (basis_of(s.text) or ("",))[0] == title[0] for s in group))


def _in_prose(rest: list[Sentence], heading: str, tied: set[str | None]) -> tuple[list[Tie], list[Tie]]:
    """(sentences stating one basis not tied yet, bases stated several in one sentence) among ``rest``."""
    loose: list[Tie] = []
    collective: list[Tie] = []
    before = last = None
    for sentence in rest:
        if _SKIP_SECTION.search(sentence.section) or _RETENTION_LABEL.match(sentence.text):
            continue
        bases = stated(sentence) or _answered(sentence, before)
        listing = (sentence.bullet and BASIS_HEADINGS.search(sentence.section.rsplit(" > ", 1)[-1])
                   or _defines(sentence.text))
        if listing or len({basis for basis, _ in bases}) > 1:  # a list of bases, or several in one breath: no purpose
            collective += [Tie(b, heading, sentence, sentence, m.start(), m.end()) for b, m in bases
                           if b not in {tie.basis for tie in collective}]
        elif bases and sentence.bullet and sentence.text.endswith(":"):  # an item introducing others: no purpose
            collective += [] if bases[0][0] in {tie.basis for tie in collective} else [
                Tie(bases[0][0], heading, sentence, sentence, bases[0][1].start(), bases[0][1].end())]
        elif bases and bases[0][0] not in tied:
            basis, match = bases[0]
            back = _ANAPHORA.match(sentence.text) or _BARE_BASIS.search(sentence.text)
            refers = before if back and before and before.section == sentence.section else None
            inserted = _INSERTED.search(sentence.text)
            if inserted and inserted.start() <= match.start() < inserted.end(1):  # ', met je toestemming, <purpose>'
                refers = replace(sentence, text=inserted.group("purpose").strip())
            if not (back and loose and loose[-1].where is last and loose[-1].basis == basis):  # the same, said again
                loose.append(Tie(basis, heading, refers or sentence, sentence, match.start(), match.end()))
        before = None if bases or sentence.bullet else sentence
        last = sentence
    return loose, collective


_BASIS_LEAD = re.compile(r"(?i)(grondslag|rechtsgrond|\bbasis)\b[^.]{0,80}\b(is|zijn|are)\s*:$")
"""A lead-in whose next line names the basis ('De grondslag waarop wij deze gegevens mogen verwerken is:', 'The basis
on which we may process these data is:')."""


def _answered(sentence: Sentence, before: Sentence | None) -> list[tuple[str, re.Match[str]]]:
    """The one basis a line names after a lead-in that asks for it ('Na het verlenen van toestemming.')."""
    single = basis_of(sentence.text) if before and before.section == sentence.section and _BASIS_LEAD.search(before.text) else None
    return [single] if single and not _NOT_A_TIE.search(sentence.text) else []


def _listed(items: list[Sentence]) -> list[Sentence]:
    """The list items under a purpose sub-heading ('Doelen', 'Purposes') or a lead-in that announces purposes."""
    listed, lead, data = [], None, False
    for sentence in items:
        if sentence.bullet and not data and (lead == sentence.section
                                             or PURPOSE_HEADINGS.search(sentence.section.rsplit(" > ", 1)[-1])):
            listed.append(sentence)
        elif not sentence.bullet:
            lead = sentence.section if _PURPOSE_LEAD.search(sentence.text) else None
            data = bool(_DATA_LEAD.search(sentence.text))
    return listed


_TOPIC = re.compile(r"[^\W\d_]{5,}")
_NO_TOPIC = set("gegevens persoonsgegevens personal information verwerken verwerking processing jouw onze waarvoor "
                "welke which about their other andere".split())


def _topic(text: str) -> set[str]:
    """The words of five letters or more that name what ``text`` is about (not 'gegevens', 'personal')."""
    return {w for w in (m.group(0).casefold() for m in _TOPIC.finditer(text)) if w not in _NO_TOPIC}


def restated(tied: dict[str, list[Tie]]) -> dict[str, list[Tie]]:
    """The purposes per activity heading (in the notice's order), each stated once: a row of an overview table
    that names the topic of exactly one later activity, whose one purpose rests on the same basis and is named by
    no other row ('Versturen van de nieuwsbrief | ... | Toestemming' over '3.4 De nieuwsbrief' with 'Grondslag:
    je toestemming'), is that purpose stated again: it joins it as ``restated``."""
    headings = list(tied)
    single = {heading: ties[0] for heading, ties in tied.items() if len(ties) == 1 and ties[0].basis}
    found: dict[str, list[tuple[str, Tie]]] = {}
    for heading, ties in tied.items():
        for tie in ties if len(ties) > 1 else ():
            if tie.where is not tie.purpose or len([c for c in _CELL.finditer(tie.where.text) if c.group(0).strip()]) < 2:
                continue  # not a row of a table
            topics = [other for other, detail in single.items() if headings.index(other) > headings.index(heading)
                      and detail.basis == tie.basis and _topic(tie.name) & _topic(other)]
            if len(topics) == 1:
                found.setdefault(topics[0], []).append((heading, tie))
    merged = {other: pairs[0] for other, pairs in found.items() if len(pairs) == 1}
    dropped = {id(tie) for _, tie in merged.values()}
    return {heading: [replace(tie, restated=merged[heading][1]) if heading in merged else tie
                      for tie in ties if id(tie) not in dropped] for heading, ties in tied.items()}
