"""The data-subject rights the notice states, as nouns, verbs or list items, in Dutch or English."""

from __future__ import annotations

import re
from typing import Iterator

from .controller import ABBREVIATION, AUTHORITIES
from .text import Sentence, lead_ins, provenance

_AUTHORITY_ROLE = r"autoriteit|authority|toezichthoud|supervisory|commissioner|commission\b|regulator|privacycommissie|privacywaakhond"
"""A supervisory authority by its role, in a notice's words ('de toezichthouder', 'the data protection regulator')."""
_AUTHORITY_NAMED = f"{_AUTHORITY_ROLE}|{AUTHORITIES.pattern}|{ABBREVIATION.pattern}"

RIGHTS = {
    "access": r"inzage|inzien|in te zien|opvragen|op te vragen|\baccess\b|kopie van (je|uw|jouw) (persoons)?gegevens|"
              r"\b(zien|vragen|weten) welke (persoons)?gegevens|\bin te kijken\b|\binkijken\b|overzicht van (\w+ ){0,2}(persoons)?gegevens|"
              r"\brecht (op|van) toegang|toegang tot (je|jouw|uw|de) (persoons|persoonlijke )?gegevens|"
              r"copy of (your|the|that|this|my) (personal )?(data|information)|\b(ask|tell) us (which|what) (personal )?(data|information)|(je|jouw|uw) (persoons)?gegevens (\w+ ){0,2}(bekijken|inkijken)|"
              r"\bsee (the|your|what) (personal )?(data|information)",
    "rectification": r"rectific|aanpass|aan te passen|wijzigen|wijziging|correctie|corrigeren|verbeter|aanvull|\brectif|"
                     r"\bbijwerk|\bbij te werken|actualiser|"
                     r"\bcorrect(ed|ion|ing)?\b(?!e)",
    "erasure": r"verwijder|\bwissen|\bwissing|vergetelheid|vergeten te worden|vernietig|\berase|\berasure|\bdelet|to be forgotten|"
               r"\bremov(e|ed|al)\b",
    "restriction": r"beperk|afscherm|restrict|\blimit\w* (how|the (use|processing)|(its|their) (use|processing)|processing|"
                   r"(the )?data (collection|processing))|"
                   r"\bpaus\w* (the |our )?(use|processing)",
    "portability": r"overdraag|overdrag|overdracht|over te (kunnen )?dragen|dataportab|portab|meenemen|mee te nemen|"
                   r"machine[- ]readable|machineleesba|(moved|transferred|sent) to another (organisation|organization|company|provider)|"
                   r"\bformat (that )?you can take (it |them )?(elsewhere|with you)|"
                   r"\b(transfer|send|move) (your )?(personal )?(data|information) to (you or )?another\b",
    "objection": r"bezwaar|\bverzet|\bobject(?!ive)",
    "no_automated_decision": r"(niet|not) (\w+ ){0,4}(onderworpen|subject(ed)?|voorwerp) (\w+ ){0,5}(geautomatiseerde|automated)",
    "withdraw_consent": r"(toestemming|consent)\b.{0,80}?(intrek|in te trekken|trekt? .{0,20}(in|terug)\b|terug te trekken|"
                        r"withdraw|revoke)|(intrek|withdraw|revoke).{0,40}?(toestemming|consent)",
    "complaint": rf"(klacht|klagen|\bberoep (\w+ ){{0,2}}bij\b|complain|niet tevreden|ontevreden|unhappy|not happy|dissatisfied)"
                 rf".{{0,120}}?({_AUTHORITY_NAMED})|(autoriteit persoonsgegevens|supervisory authority).{{0,80}}?(klacht|complain)",
}
_PATTERNS = {right: re.compile(pattern, re.IGNORECASE) for right, pattern in RIGHTS.items()}
_RIGHTS_SECTION = re.compile(r"(?i)\b(privacy)?recht(en)?\b|\brights?\b")
_ASKING = re.compile(r"(?i)^(\d[\d.]*\s+)?((hoe|wanneer|waar|how|when|where)\s+)?(kan|kun|mag|heb|can|may|do)\s+(ik|I)\b.*\?$")
"""A question heading in which the reader asks what they can do ('Mag ik mijn gegevens laten verwijderen?', 'How can
I see my data?'): its answer states rights; an answer opening 'Ja' or 'Yes' states the rights the question names,
one opening 'Nee' or 'No' none."""
_YES, _NO = re.compile(r"(?i)^(ja|yes)\b"), re.compile(r"(?i)^(nee|neen|no)\b")
_A_RIGHT = re.compile(r"(?i)^(\d[\d.]*\s+)?((the|your|uw|je|jouw|het)\s+)?(right|recht)\s+(to|of|on|op|van|om)\b")
"""A heading that names one right ('Right of access', 'Het recht op dataportabiliteit'): it states that right."""
_CONDITIONS = re.compile(r"(?i)\b(wanneer|als|indien|zodra|if|when|where)(\s+(je|jij|u|you))?\s*:$")
"""A list of the conditions of a right ('U mag ons zo'n verzoek sturen wanneer:', 'You may ask us to restrict it if
you:'): its items ('u uw toestemming intrekt') state no right."""
_COMPLAINTS = re.compile(r"(?i)klacht|complain")
_AUTHORITY = re.compile(f"(?i){_AUTHORITY_NAMED}")
"""A supervisory authority named under a complaints heading ('Klachten: Ben je niet tevreden, dan kan je terecht bij
de Gegevensbeschermingsautoriteit') states the right to complain to it."""
_ELSEWHERE = re.compile(r"(?i)\bbij (de|het|die|deze) \w+ zelf\b|\brechtstreeks (bij|tot|aan)\b|"
                        r"\bdirectly (with|to) (the|that|this|them)\b|\bwith (the|that) \w+ (itself|directly)\b")
"""A right to be exercised with another organisation ('kunt u alleen bij de gemeente zelf opvragen'): not one
against the controller."""
_ASK = r"(vragen|verzoeken)\b(?! stellen| sturen| over| via| per| mailen)"
"""Asking the controller to do something ('je kunt ons vragen je gegevens te wissen'), not sending questions."""
_RIGHTS_SENTENCE = re.compile(
    r"(?i)\brecht(en)?\b|\bright(s)?\b|\bverzoek|\brequest|"
    rf"\b(je|jij|u) (kunt|kan|mag)( ons)? {_ASK}|\b(je|jij|u) (kunt|kan|mag) (je|jouw|uw) (persoons)?gegevens|"
    rf"\b(kun|kunt|kan|mag) (je|jij|u)( ons)? (\w+ )?{_ASK}|\b(kun|kunt|kan|mag) (je|jij|u) (je|jouw|uw) (persoons)?gegevens|"
    rf"\bons (te )?{_ASK}|\b(je|jij|u) (kunt|kan|mag) (je |zich )?(ook )?(bezwaar|verzet)|\b(je|jij|u) (ook )?(bezwaar|verzet) (kunt|kan|mag)\b|"
    r"\b(kun|kunt|kan|mag) (je|jij|u) (je |zich )?(ook )?(bezwaar|verzet)|"
    r"\blaten (inzien|verwijderen|corrigeren|aanpassen|wijzigen|wissen|aanvullen|overdragen)|"
    r"\byou (can|may) (also )?(ask|request|see|get|receive|obtain)\b|\bask us to\b|"
    r"\b(want|wish|would like) to (see|know|access|obtain)\b|\b(wil|wilt) (je|u) (weten|zien|inzien)\b|"
    r"\bhave (your|them|it|the) (\w+ )?(data |information )?(deleted|erased|corrected|rectified|removed)")
"""A sentence that offers something to the reader as a right, a request or what they can have done."""
_NOT_A_RIGHT = re.compile(r"(?i)(?<!\bdie )(?<!\bdat )(?<!\bwelke )(?<!\bthat )(?<!\bwhich )\b(wij|we) (bewaren|verwijderen|delete|keep)\b")
"""The controller's own keeping or deleting ('wij verwijderen je gegevens na een jaar'), not in a relative clause
('recht op inzage in de gegevens die wij bewaren')."""
_OURS = re.compile(r"(?i)\b(wij|we)( \w+)?\W*$")
"""The controller as the subject of the verb that names the right ('we beperken de toegang', 'we will delete'):
its own action, not a right of the reader."""
_OURS_AFTER = re.compile(r"(?i)^\w*\s+(wij|we)\b")
"""The controller after the verb ('Dan verwijderen we je gegevens na drie maanden')."""
_ASKED = re.compile(r"(?i)\bverzoek|\brequest|\bask|\bvraag|\bvraagt\b|\bvragen\b")
"""A request of the reader, to which the controller's action answers ('op uw verzoek verwijderen wij ...')."""
_DENIED = re.compile(r"(?i)\b(geen|no)\s+(?!longer\b)(\w+\s+){0,2}$|\b((do|does|did) not|don't|doesn't|cannot|can't|can not) "
                     r"(have |get |exercise |invoke |use |make )?(\w+ ){0,3}$|\b(heeft|hebt|heb) (\w+ ){0,2}niet (\w+ ){0,3}$|"
                     r"\b(kunt|kun|kan) (\w+ ){0,2}niet (\w+ ){0,3}$")
"""A right denied in the words before it ('U heeft geen recht op overdraagbaarheid', 'You do not have the right to
object', 'er is geen toestemming die u kunt intrekken')."""
_NOT_APPLYING = re.compile(r"(?i)^[^,;:]{0,60}?\b(geldt|gelden|is|zijn) (\w+ ){0,3}niet( van toepassing)?\b|"
                           r"^[^,;:]{0,30}?\b(heeft|hebt|heb|kunt|kun|kan) (u|je|jij) (\w+ ){0,2}niet\b|"
                           r"^[^,;:]{0,60}?\b(does|do) not apply\b|^[^,;:]{0,60}?\bis not (available|possible)\b")
"""A right said not to apply ('het recht op verwijdering geldt niet voor facturen'): a limit, which by itself
states no right."""
_SOMEONE_ELSE = re.compile(r"(?i)^(?:(?:your|the|our|an?|each|every|je|jouw|uw|de|het|een|onze?)\s+)?"
                           r"(?!(?:you|we|wij|je|jij|u|anyone|everyone|iedereen|data|gegevens|parents?|ouders?|guardians?|"
                           r"voogd|these|this|they|it|which|such|rights?|deze|dit|die|dat|ze|zij|rechten?)\b)([a-z]\w+)\s+(can|may|could|kan|mag|kunnen|mogen)\b|^(other|andere)\s+\w+\s+(can(not)?|may|could|"
                           r"kan|mag|kunnen|mogen)\b")
"""A sentence whose subject is someone other than the reader ('Your employer can ask us to ...', 'Tutors can ask
us to remove a pupil', 'Other parents cannot ask ...'); parents and guardians act for the data subject."""
_NOT_THIS = {
    "erasure": re.compile(r"(?i)\bcookie|\bbrowser|\b(je|jouw|uw|your|mijn|my) (account|profiel|profile) (te |to )?"
                          r"(verwijder|opzeg|delet|clos|cancel)|\b(deleting|closing|cancelling|het verwijderen van) "
                          r"(je |jouw |uw |your )?(account|profiel|profile)\b"),
    "rectification": re.compile(r"(?i)\bcookie|\bbrowser"),
    "restriction": re.compile(r"(?i)\bcookie|\bbrowser"),
}
"""Deleting cookies, changing browser settings or cancelling an account is not the right to erasure (or
rectification, restriction) the GDPR gives."""
_CONDITIONAL = re.compile(r"(?i)\b(als|indien|wanneer|zodra|nadat|totdat|tot|if|when|once|after|until)\s+(je|jij|u|you)\b"
                          r"[^,.;]{0,30}$")
"""Words before a withdrawal that make it a condition or an end of retention ('if you withdraw your consent, ...',
'until you withdraw your consent'), not the right."""
_CONSENT_SECTION = re.compile(r"(?i)toestemming|consent")
_CHANGED_MIND = re.compile(r"(?i)\b(change|changed) your mind\b.{0,40}?\b(tell|let|contact|e-?mail)\b|"
                           r"\b(bedenk je je|je bedenkt je|u bedenkt zich|van gedachten verander\w*)\b.{0,40}?\b(laat|neem|mail|bel)\b")
"""A withdrawal as a change of mind with a way to say so ('If you change your mind, just tell us'), after a
sentence that asks consent."""
_WITHDRAW = re.compile(r"(?i)intrek|in te trekken|withdraw|revoke")
_UNSUBSCRIBE = re.compile(r"(?i)(?<!until you )(?<!until they )(?<!tot u zich )(?<!tot je je )(?<!totdat je je )"
                          r"\b(unsubscribe|afmelden|uitschrijven|meld (je|u) (je |zich )?(\w+ )?af|opt out)\b")
"""Unsubscribing from what a consent covers ('Met je toestemming sturen wij je een nieuwsbrief. Afmelden kan via de
link'): the withdrawal of that consent, not an end of retention ('until you unsubscribe')."""
_UNSCOPED = ("withdraw_consent", "complaint")
_ANY_CONSENT = re.compile(r"(?i)\b(op basis van|op grond van|based on|on the basis of) (je |jouw |uw |your )?(toestemming|consent)\b"
                          r"|\b(gegevens|data) (\w+ ){0,3}(met|with) (je |jouw |uw |your )?(toestemming|consent)\b")
"""Withdrawal stated for consent-based processing in general ('Als wij je persoonsgegevens op basis van je
toestemming verwerken, ...'), wherever it stands."""


def _named_rights(section: str) -> bool:
    """Whether a heading names rights: the word, or two rights ('Inzage, correctie en verwijdering')."""
    heading = section.rsplit(" > ", 1)[-1]
    return bool(_RIGHTS_SECTION.search(section)) or sum(bool(p.search(heading)) for p in _PATTERNS.values()) >= 2


def _match(right: str, sentence: Sentence, following: str, previous: str) -> re.Match[str] | None:
    """Where ``sentence`` states ``right`` (``following``, ``previous``: the next and the last sentence of its
    section, for a complaint whose authority is named after it and a change of mind after a consent)."""
    if right == "complaint":
        match = _PATTERNS[right].search(sentence.text)
        joined = _PATTERNS[right].search(f"{sentence.text} {following}")
        under = _AUTHORITY.search(sentence.text) if _COMPLAINTS.search(sentence.section.rsplit(" > ", 1)[-1]) else None
        return match or (joined if joined and joined.start() < len(sentence.text) else None) or under
    match = _PATTERNS[right].search(sentence.text)
    if right == "withdraw_consent":
        if match is None and _CONSENT_SECTION.search(sentence.section):
            match = _WITHDRAW.search(sentence.text)
        if match and _CONDITIONAL.search(sentence.text[:match.start()]):
            return None
        if match is None and _CONSENT_SECTION.search(f"{previous} {sentence.text}"):
            return _CHANGED_MIND.search(sentence.text) or _UNSUBSCRIBE.search(sentence.text)
    if match and _denied(sentence.text, match):
        return None
    return match


def _denied(text: str, match: re.Match[str]) -> bool:
    """Whether the sentence mentions the right only to deny it, to say it does not apply, or as the controller's
    own action ('wij verwijderen uw gegevens na 2 jaar' is retention, not the right to erasure)."""
    before = re.split(r"[,;:]", text[:match.start()])[-1]
    ours = _OURS.search(before) or _OURS_AFTER.match(text[match.start():])
    return bool(_DENIED.search(before) or _NOT_APPLYING.match(text[match.end():])
                or (ours and not _ASKED.search(text)))


def _offers(items: list[Sentence]) -> Iterator[tuple[Sentence, bool, str, str]]:
    """Each sentence with whether it offers something to the reader as a right and the next and the last sentence
    of its section (not the items of a list of a right's conditions); before the first sentence under a heading that
    names a right, or the answer 'Ja'/'Yes' to a reader's question, the heading itself."""
    for index, (sentence, lead_in) in enumerate(zip(items, lead_ins(items))):
        if lead_in is not None and _CONDITIONS.search(lead_in.text):
            continue
        introduced = lead_in is not None and _RIGHTS_SENTENCE.search(lead_in.text)
        following = items[index + 1].text if index + 1 < len(items) and items[index + 1].section == sentence.section else ""
        previous = items[index - 1].text if index and items[index - 1].section == sentence.section else ""
        question = sentence.section.rsplit(" > ", 1)[-1]
        asking = bool(_ASKING.match(question))
        opening = index == 0 or items[index - 1].section != sentence.section
        if opening and _A_RIGHT.match(question):  # a heading naming the right its section explains
            yield Sentence(sentence.section, sentence.activity, question), True, "", ""
        if asking and opening:  # the answer's first sentence
            if _NO.match(sentence.text):
                continue
            if _YES.match(sentence.text):
                yield Sentence(sentence.section, sentence.activity, question), True, "", ""
        offered = (_named_rights(sentence.section) or _RIGHTS_SENTENCE.search(sentence.text) or introduced or asking
                   ) and not (_NOT_A_RIGHT.search(sentence.text) or _SOMEONE_ELSE.match(sentence.text)
                              or _ELSEWHERE.search(sentence.text))
        yield sentence, bool(offered), following, previous


def rights(items: list[Sentence]) -> list[dict]:
    """One right element per right the notice states, with every place it states it (first five). The
    withdrawal of consent stated only under activity headings carries those headings as ``activities``, which
    :func:`scope` turns into the activities' ids."""
    stated: dict[str, list[dict]] = {}
    headings: set[str | None] = set()
    for sentence, offered, following, previous in _offers(items):
        for right in _PATTERNS:
            if not (offered or right in _UNSCOPED) or (right in _NOT_THIS and _NOT_THIS[right].search(sentence.text)):
                continue
            match = _match(right, sentence, following, previous)
            if match:
                places = stated.setdefault(right, [])
                if len(places) < 5:
                    places.append(provenance(sentence, match.start(), min(match.end(), len(sentence.text))))
                if right == "withdraw_consent":
                    general = _named_rights(sentence.section) or _ANY_CONSENT.search(sentence.text)
                    headings.add(None if general else sentence.activity)
    found = []
    for right, places in stated.items():
        entry: dict = {"right": right}
        if right == "withdraw_consent" and None not in headings:
            entry["activities"] = sorted(headings)
        found.append({**entry, "provenance": places[0] if len(places) == 1 else places})
    return found


def scope(stated: list[dict], activities: list[dict]) -> None:
    """Limit the right to withdraw consent to the drafted activities under whose headings the notice states it.

    pac reads withdrawal as one right of the notice (GDPR Art. 7(3)) that the notice must state for every
    processing based on consent (Art. 13(2)(c)): stated among the rights or for consent-based processing in
    general it covers every consent; stated only under some activities ('Nieuwsbrief: je toestemming trek je in
    via de afmeldlink') it covers those, and ``consent-withdrawal-route`` still reports the other consents.
    Where a heading is no drafted activity the right is left unlimited, with a note for the reviewer."""
    by_heading = {activity["term"]: activity["id"] for activity in activities}
    for entry in stated:
        if "activities" not in entry:
            continue
        terms = entry.pop("activities")
        first = entry["provenance"][0] if isinstance(entry["provenance"], list) else entry["provenance"]
        if all(term in by_heading for term in terms):
            entry["activities"] = sorted({by_heading[term] for term in terms})
            entry["provenance"] = entry.pop("provenance")
            first["note"] = ("Review: stated only under " + ", ".join(f"'{t[:60]}'" for t in terms)
                             + ", so limited to that activity; other consents need their own withdrawal.")
        else:
            first["note"] = ("Review: stated only under " + ", ".join(f"'{t[:60]}'" for t in terms)
                             + "; check which consents it covers.")
