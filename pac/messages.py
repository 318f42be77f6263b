"""The words pac's own outputs are written in, in English and in Dutch: one catalogue for the diagrams
(:mod:`pac.diagram`) and the reports (``report.html``, ``report.md``).

:func:`words` gives a language's catalogue; every language has the same keys (a test holds them to it).
A value with ``{name}`` fields is formatted by its user; a pair is (singular, plural); a mapping names the
values of one field (severities, check statuses, zones, transfer verdicts, the subjects checks look at). The
findings' messages and the transfer verdicts' reasons are in :mod:`pac.phrasebook`; the checks' titles, remedies
and rationales in Dutch are their pack's (see :mod:`pac.check_texts`); citations are rendered by
:mod:`pac.citations`. What the declarations say is not in here: it is shown as written.

Dutch terms as the Dutch text of the GDPR (the AVG) uses them: verwerkingsverantwoordelijke (art. 4(7)),
verwerker (art. 4(8)), ontvanger and overheidsinstantie (art. 4(9)), betrokkene (art. 4(1)), gezamenlijke
verwerkingsverantwoordelijken (art. 26), doorgifte (hoofdstuk V), adequaatheidsbesluit (art. 45); "subverwerker"
is what Dutch practice calls the "andere verwerker" of art. 28(2) and (4).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping

_EN: dict[str, Any] = {
    # -- the diagram
    "title": "{name}: flows of personal data on {date}",
    "counts": "findings: {error} · {warning} · {info} · {waived}",
    "error": ("{n} error", "{n} errors"), "warning": ("{n} warning", "{n} warnings"), "info": ("{n} info",) * 2,
    "waived": ("{n} waived",) * 2,
    "home": "Controller's country: {country}", "eea": "Rest of the EEA", "here": "{country}",
    "adequate": "Adequacy decision in force (GDPR Art. 45)", "third_country": "Third countries (no adequacy decision)",
    "unknown": "Country not stated", "partial": "adequacy decision covers only some recipients",
    "data_subject": "data subjects", "controller": "controller", "processor": "processor",
    "sub_processor": "sub-processor", "joint_controller": "joint controller",
    "third_party_controller": "third-party controller", "public_authority": "public authority",
    "recipient": "recipient (role not stated)",
    "valid": "valid", "unverified": "not established", "invalid": "invalid", "no_tool": "no transfer tool stated",
    "tool_verdict": "{tools}: {verdict}",
    "data_not_stated": "data not stated", "more": "+{n} more", "art9": "Art. 9", "art10": "Art. 10",
    "legend": "Legend",
    "legend_invalid": "transfer without a valid tool", "legend_unverified": "transfer that cannot be judged",
    "legend_valid": "transfer on a valid tool", "legend_domestic": "flow inside the EEA",
    "legend_special": "special-category (Art. 9) or criminal (Art. 10) data",
    # -- the reports: names of values
    "severity": {"error": "error", "warning": "warning", "info": "info", "waived": "waived"},
    "status": {"crashed": "crashed", "findings": "findings", "waived": "waived", "passed": "passed",
               "not applicable": "not applicable"},
    "zone": {"home": "controller's country", "eea": "EEA", "adequate": "adequacy decision in force (Art. 45)",
             "third_country": "third country, no adequacy decision"},
    "verdict": {"domestic": "no transfer: the data stay in the EEA", "valid": "valid transfer tool",
                "unverified": "cannot be established", "invalid": "no valid transfer tool",
                "unknown_country": "cannot be judged: the country is not stated"},
    # -- report.html
    "report": "GDPR audit report", "kicker": "pac · privacy policy as code",
    "page_title": "GDPR audit report as of {date}: {names}",
    "organisations": "Organisations", "organisation": "Organisation", "evaluated": "Evaluated as of",
    "evaluated_note": "{date} (every date-dependent rule is applied as on this day)",
    "tool": "Tool", "tool_value": "pac {version}, {n} checks", "reference_data": "Reference data",
    "packaged": "pac {version}'s packaged data",
    "overridden": "pac {version}'s packaged data, with overrides from pac_reference_data hooks",
    "not_recorded": "not recorded", "input_file": "Input file",
    "summary": "Summary", "errors": "Errors", "warnings": "Warnings", "infos": "Info", "waived_column": "Waived",
    "checks_passed": "Checks passed", "not_applicable": "Not applicable", "crashed": "Crashed",
    "of": "{n} of {total}",
    "legend_text": ("<strong>error</strong>: the declaration breaks a rule of law. <strong>warning</strong>: what a "
                    "privacy lawyer would raise, but which could be justified. <strong>info</strong>: context. "
                    "<strong>waived</strong>: a finding the organisation accepts under a waiver, with a justification "
                    "and an owner. A check <strong>passed</strong> when it ran and found nothing; it is <strong>not "
                    "applicable</strong> when the declaration has nothing of the kind it checks. Each finding quotes "
                    "what the notice says and points at the declaration (file:line:column); its check's rationale "
                    "is in the appendix."),
    "contents": "Contents", "by_provision": "Open findings by provision", "checks_run": "How every check ended",
    "catalogue": "The checks and their rationale",
    "filter_severity": "Severity", "filter_check": "Check", "filter_provision": "Provision", "all": "all",
    "open_counts": ("Open findings: {error} · {warning} · {info}; {waived}. Checks passed: {passed} of {applicable} "
                    "applicable, as of {date}."),
    "check": "Check", "provisions": "Provisions", "findings": "Findings", "no_open": "No open findings.",
    "data_flows": "Data flows", "zoom_in": "zoom in", "zoom_out": "zoom out", "zoom_reset": "whole diagram",
    "zoom_hint": "Ctrl + wheel zooms; drag to move.",
    "slice_caption": "{name}: data flows as of {date}", "part": ", part {n} of {total}",
    "slice_label": "data-flow diagram of {name}, part {n}",
    "figcaption": ("Who receives which personal data, from the declaration, as of {date}. Each box links to its row "
                   "below, which lists the findings on it."),
    "no_flows": "No diagram: the run did not record the data flows.",
    "no_graphviz": "No diagram: Graphviz's dot program is not installed; {install}.",
    "collected_from": "Collected from", "who": "Who", "collected": "Data collected by the controller",
    "the_controller": "the controller", "receives_all": "receives what every group below gives",
    "disclosed_to": "Disclosed to", "recipient_role": "Recipient and role", "country_zone": "Country and zone",
    "data": "Data", "tool_claimed": "Transfer tool claimed", "verdict_why": "Verdict and why",
    "from": "from {name}", "not_stated": "not stated", "none_stated": "none stated",
    "general_tools": "the notice's general tools", "none": "none", "its_node": "its node in the diagram",
    "waived_findings": "Waived findings",
    "finding_count": ("{n} finding", "{n} findings"), "why": "why (rationale)", "remedy": "Remedy:",
    "on": "On", "same_cause": "and, from the same cause,", "declared_at": "declared at",
    "public_fact": "Public fact:", "not_in_notice": "The notice does not state this.",
    "justification": "Justification", "owner": "Owner", "expires": "Expires", "never": "never",
    "waiver_at": "Waiver at",
    "counts_under_each": "A finding counts under every provision it cites.",
    "provisions_label": "Provisions:", "looks_at": "Looks at:",
    "subject": {"organisation": "organisation", "controller": "controller", "notice": "notice",
                "data_subjects": "data subjects", "data_categories": "data categories", "activities": "activities",
                "purposes": "purposes", "recipients": "recipients", "cookies": "cookies"},
    "colophon": ("Written by pac {version} from the declarations listed on the first page, as of {date}. The same "
                 "files and date give the same report, byte for byte. pac reads what the notice says; it does not "
                 "audit what the organisation does."),
    "print_footer": "pac audit report", "page_of": ("page ", " of "),
    "english_texts": "",
    "draft_banner": ("Unreviewed draft: the declaration of {ids} was written by pac draft from the notice text and "
                     "has not been reviewed by a person; its findings rest on a program's reading of the notice."),
    # -- report.md
    "md_heading": "pac: GDPR checks as of {date}",
    "md_crashed": "Checks that crashed", "md_crashed_note": "they fail their items; nothing was checked",
    "md_on": "{check} on {organisation}", "md_open": "Open errors and warnings ({n})", "md_more": "and {n} more",
    "md_footer": ("pac {version}, {n} checks. `report.html` gives the notice's words, the rationale and the remedy "
                  "of every finding; `findings.json` and `report.sarif` are for tools."),
}

_NL: dict[str, Any] = {
    "title": "{name}: stromen van persoonsgegevens op {date}",
    "counts": "bevindingen: {error} · {warning} · {info} · {waived}",
    "error": ("{n} fout", "{n} fouten"), "warning": ("{n} waarschuwing", "{n} waarschuwingen"),
    "info": ("{n} info",) * 2, "waived": ("{n} met ontheffing",) * 2,
    "home": "gevestigd in {country}", "eea": "Rest van de EER", "here": "{country}",
    "adequate": "Adequaatheidsbesluit van kracht (AVG art. 45)",
    "third_country": "Derde landen (geen adequaatheidsbesluit)", "unknown": "Land niet vermeld",
    "partial": "adequaatheidsbesluit geldt slechts voor een deel van de ontvangers",
    "data_subject": "betrokkenen", "controller": "verwerkings\u00adverantwoordelijke", "processor": "verwerker",
    "sub_processor": "subverwerker", "joint_controller": "gezamenlijke verwerkings\u00adverantwoordelijke",
    "third_party_controller": "andere verwerkings\u00adverantwoordelijke", "public_authority": "overheidsinstantie",
    "recipient": "ontvanger (rol niet vermeld)",
    "valid": "geldig", "unverified": "niet vast te stellen", "invalid": "ongeldig",
    "no_tool": "geen doorgifte-instrument vermeld",
    "tool_verdict": "{tools}: {verdict}",
    "data_not_stated": "gegevens niet vermeld", "more": "+{n} meer", "art9": "art. 9", "art10": "art. 10",
    "legend": "Legenda",
    "legend_invalid": "doorgifte zonder geldig instrument", "legend_unverified": "doorgifte die niet te beoordelen is",
    "legend_valid": "doorgifte met een geldig instrument", "legend_domestic": "stroom binnen de EER",
    "legend_special": "bijzondere (art. 9) of strafrechtelijke (art. 10) gegevens",
    "severity": {"error": "fout", "warning": "waarschuwing", "info": "info", "waived": "met ontheffing"},
    "status": {"crashed": "vastgelopen", "findings": "bevindingen", "waived": "met ontheffing", "passed": "geslaagd",
               "not applicable": "niet van toepassing"},
    "zone": {"home": "land van de verwerkings\u00adverantwoordelijke", "eea": "EER",
             "adequate": "adequaatheidsbesluit van kracht (art. 45)",
             "third_country": "derde land, geen adequaatheidsbesluit"},
    "verdict": {"domestic": "geen doorgifte: de gegevens blijven in de EER", "valid": "geldig doorgifte-instrument",
                "unverified": "niet vast te stellen", "invalid": "geen geldig doorgifte-instrument",
                "unknown_country": "niet te beoordelen: het land is niet vermeld"},
    "report": "AVG-auditrapport", "kicker": "pac · privacybeleid als code",
    "page_title": "AVG-auditrapport per {date}: {names}",
    "organisations": "Organisaties", "organisation": "Organisatie", "evaluated": "Beoordeeld per",
    "evaluated_note": "{date} (elke regel die van een datum afhangt, is toegepast zoals op die dag)",
    "tool": "Programma", "tool_value": "pac {version}, {n} toetsen", "reference_data": "Referentiegegevens",
    "packaged": "de meegeleverde gegevens van pac {version}",
    "overridden": "de meegeleverde gegevens van pac {version}, met aanpassingen uit pac_reference_data-hooks",
    "not_recorded": "niet vastgelegd", "input_file": "Invoerbestand",
    "summary": "Samenvatting", "errors": "Fouten", "warnings": "Waarschuwingen", "infos": "Info",
    "waived_column": "Met ontheffing", "checks_passed": "Toetsen geslaagd", "not_applicable": "Niet van toepassing",
    "crashed": "Vastgelopen",
    "of": "{n} van {total}",
    "legend_text": ("<strong>fout</strong>: de verklaring schendt een rechtsregel. <strong>waarschuwing</strong>: wat een "
                    "privacyjurist aan de orde zou stellen, maar wat te rechtvaardigen kan zijn. <strong>info</strong>: "
                    "context. <strong>met ontheffing</strong>: een bevinding die de organisatie aanvaardt met een "
                    "ontheffing, met een motivering en een eigenaar. Een toets is <strong>geslaagd</strong> als hij is "
                    "uitgevoerd en niets heeft gevonden; hij is <strong>niet van toepassing</strong> als de verklaring "
                    "niets bevat van wat hij toetst. Elke bevinding citeert wat de privacyverklaring zegt en wijst naar "
                    "de verklaring (bestand:regel:kolom); de onderbouwing van de toets staat in de bijlage."),
    "contents": "Inhoud", "by_provision": "Openstaande bevindingen per bepaling", "checks_run": "Uitkomst van elke toets",
    "catalogue": "De toetsen en hun onderbouwing",
    "filter_severity": "Ernst", "filter_check": "Toets", "filter_provision": "Bepaling", "all": "alle",
    "open_counts": ("Openstaande bevindingen: {error} · {warning} · {info}; {waived}. Toetsen geslaagd: {passed} van "
                    "{applicable} van toepassing, per {date}."),
    "check": "Toets", "provisions": "Bepalingen", "findings": "Bevindingen", "no_open": "Geen openstaande bevindingen.",
    "data_flows": "Gegevensstromen", "zoom_in": "inzoomen", "zoom_out": "uitzoomen", "zoom_reset": "hele diagram",
    "zoom_hint": "Ctrl + scrollwiel zoomt; slepen verschuift.",
    "slice_caption": "{name}: gegevensstromen per {date}", "part": ", deel {n} van {total}",
    "slice_label": "diagram van de gegevensstromen van {name}, deel {n}",
    "figcaption": ("Wie welke persoonsgegevens ontvangt, volgens de verklaring, per {date}. Elk vak linkt naar zijn rij "
                   "hieronder, met de bevindingen erover."),
    "no_flows": "Geen diagram: de run heeft de gegevensstromen niet vastgelegd.",
    "no_graphviz": "Geen diagram: het programma dot van Graphviz is niet geïnstalleerd; {install}.",
    "collected_from": "Verzameld bij", "who": "Wie", "collected": "Gegevens die de verwerkings\u00adverantwoordelijke verzamelt",
    "the_controller": "de verwerkings\u00adverantwoordelijke", "receives_all": "ontvangt wat elke groep hieronder verstrekt",
    "disclosed_to": "Verstrekt aan", "recipient_role": "Ontvanger en rol", "country_zone": "Land en zone",
    "data": "Gegevens", "tool_claimed": "Opgegeven doorgifte-instrument", "verdict_why": "Oordeel en waarom",
    "from": "van {name}", "not_stated": "niet vermeld", "none_stated": "geen vermeld",
    "general_tools": "de algemene instrumenten van de privacyverklaring", "none": "geen",
    "its_node": "het vak in het diagram",
    "waived_findings": "Bevindingen met ontheffing",
    "finding_count": ("{n} bevinding", "{n} bevindingen"), "why": "waarom (onderbouwing)", "remedy": "Herstel:",
    "on": "Over", "same_cause": "en, door dezelfde oorzaak,", "declared_at": "vastgelegd in",
    "public_fact": "Openbaar feit:", "not_in_notice": "De privacyverklaring vermeldt dit niet.",
    "justification": "Motivering", "owner": "Eigenaar", "expires": "Verloopt", "never": "nooit",
    "waiver_at": "Ontheffing in",
    "counts_under_each": "Een bevinding telt mee onder elke bepaling die zij noemt.",
    "provisions_label": "Bepalingen:", "looks_at": "Betreft:",
    "subject": {"organisation": "de organisatie", "controller": "de verwerkings\u00adverantwoordelijke",
                "notice": "de privacyverklaring", "data_subjects": "categorieën van betrokkenen",
                "data_categories": "categorieën van persoonsgegevens", "activities": "verwerkingsactiviteiten",
                "purposes": "doeleinden", "recipients": "ontvangers", "cookies": "cookies en vergelijkbare technieken"},
    "colophon": ("Geschreven door pac {version} op basis van de verklaringen op de eerste pagina, per {date}. Dezelfde "
                 "bestanden en datum geven hetzelfde rapport, byte voor byte. pac leest wat de privacyverklaring zegt; "
                 "het controleert niet wat de organisatie doet."),
    "print_footer": "pac-auditrapport", "page_of": ("pagina ", " van "),
    "english_texts": ("De openbare feiten uit de referentiegegevens van pac en de teksten van toetsen die geen "
                      "Nederlandse vertaling meebrengen zijn in het Engels (gemarkeerd als Engels); de citaten komen uit de "
                      "privacyverklaring zelf."),
    "draft_banner": ("Niet-beoordeeld concept: de verklaring van {ids} is door pac draft uit de tekst van de "
                     "privacyverklaring geschreven en door niemand nagekeken; de bevindingen berusten op hoe een "
                     "programma de privacyverklaring leest."),
    "md_heading": "pac: AVG-toetsen per {date}",
    "md_crashed": "Vastgelopen toetsen", "md_crashed_note": "hun items falen; er is niets getoetst",
    "md_on": "{check} op {organisation}", "md_open": "Openstaande fouten en waarschuwingen ({n})",
    "md_more": "en nog {n}",
    "md_footer": ("pac {version}, {n} toetsen. `report.html` geeft de woorden van de privacyverklaring, de onderbouwing "
                  "en het herstel van elke bevinding; `findings.json` en `report.sarif` zijn voor programma's."),
}

_CATALOGUE = {"en": MappingProxyType(_EN), "nl": MappingProxyType(_NL)}
LANGUAGES = tuple(_CATALOGUE)
"""The languages of pac's outputs: ``en`` and ``nl``."""


def words(lang: str) -> Mapping[str, Any]:
    """The catalogue of ``lang``, or a ValueError naming the languages there are."""
    if lang not in _CATALOGUE:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return _CATALOGUE[lang]


def count(lang: str, key: str, n: int) -> str:
    """``n`` of what ``key`` counts (a severity, ``waived``, findings), in words: "1 error", "3 fouten"."""
    return words(lang)[key][n != 1].format(n=n)
