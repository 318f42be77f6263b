"""``pac draft``: the named recipients of each layout a notice lists them in (English and Dutch), with the
countries and transfer tools stated next to them, and nothing drafted that the text does not name."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from pac import load
from pac.cli import main
from pac.draft.assemble import draft

ENGLISH = """Privacy notice of Harbour Books Ltd

Who we are
Harbour Books Ltd, 1 Quay Street, Bristol, United Kingdom, sells second-hand books online.

Who receives your data
We share your data with these processors:
- Amazon Web Services EMEA SARL (hosting, Luxembourg)
- Stripe Payments Europe Limited – payments – Ireland
- Zendesk – customer support – United States (standard contractual clauses)
- Accountants and auditors
- Our IT supplier

Name | Purpose | Country
Postmark | order e-mails | United States
Brightbase B.V. | payments | the Netherlands

We also use Mailchimp, Hotjar and Plausible to send newsletters and measure visits. We do not use Facebook.
You can contact us via our Website or via Privacy Desk. We share your Personal Data with Service Providers.
Zendesk relies on the following sub-processors: Amazon Web Services (hosting, Ireland) and Twilio (texts, United States).
You can delete cookies in the settings of Google Chrome.
"""

DUTCH = """Privacyverklaring van Bakkerij De Korenschoof B.V.

Wie zijn wij
Bakkerij De Korenschoof B.V., Dorpsstraat 3, 3511 AA Utrecht, is verantwoordelijk voor de verwerking.

Met wie delen wij je gegevens?
Onze verwerkers zijn: TransIP (hosting, Nederland), Moneybird (boekhouding) en Mailchimp (nieuwsbrief, Verenigde Staten, EU-US Data Privacy Framework).
Wij maken gebruik van Mollie en Exact Online voor betalingen en facturen.
  • Sendcloud – verzending – Nederland
  • Hostingpartijen
  • Onze accountant
Wij verkopen je gegevens niet aan derden. Je kunt contact opnemen via Klantenservice.
Bestellingen worden bezorgd door PostNL. Op onze website staan 'social media buttons' van onder andere Pinterest en LinkedIn.

Cookies
Aanbieders: Google Fonts, Vimeo, reCAPTCHA.
"""


def _recipients(text: str, language: str) -> dict[str, dict]:
    return {r["name"]: r for r in draft(text, "example", language, None).get("recipients", ())}


def _named(sentence: str, section: str, language: str) -> list[str]:
    """The recipients drafted from one sentence under ``section`` of a notice whose controller is Shop B.V."""
    return list(_recipients(f"Privacy\n\nWho we are\nShop B.V. is responsible.\n\n{section}\n{sentence}\n", language))


def test_english_layouts_bullets_table_prose_and_sub_processors():
    found = _recipients(ENGLISH, "en")
    assert list(found) == ["Amazon Web Services EMEA SARL", "Stripe Payments Europe Limited", "Zendesk", "Postmark",
                           "Brightbase B.V.", "Mailchimp", "Hotjar", "Plausible", "Twilio"]
    assert {name: r.get("country") for name, r in found.items()} == {
        "Amazon Web Services EMEA SARL": "LU", "Stripe Payments Europe Limited": "IE", "Zendesk": "US", "Postmark": "US",
        "Brightbase B.V.": "NL", "Mailchimp": None, "Hotjar": None, "Plausible": None, "Twilio": "US"}
    assert [t["tool"] for t in found["Zendesk"]["transfer_tools"]] == ["scc"]
    assert found["Twilio"]["role"] == "processor"


def test_dutch_layouts_named_list_prose_bullets_and_providers():
    found = _recipients(DUTCH, "nl")
    assert list(found) == ["TransIP", "Moneybird", "Mailchimp", "Mollie", "Exact Online", "Sendcloud", "PostNL",
                           "Pinterest", "LinkedIn", "Google Fonts", "Vimeo", "reCAPTCHA"]
    assert found["Mailchimp"]["country"] == "US" and found["TransIP"]["country"] == "NL"  # each item's own country
    assert "country" not in found["Moneybird"]
    assert [t["tool"] for t in found["Mailchimp"]["transfer_tools"]] == ["eu_us_dpf"]
    assert "transfer_tools" not in found["TransIP"]


@pytest.mark.parametrize("sentence", [
    "We do not use Facebook.", "You can contact us via Privacy Desk.", "We share your Personal Data with Service Providers.",
    "You can delete cookies in the settings of Google Chrome.", "Our recipients are: accountants and the Tax Office.",
    "Wij verkopen je gegevens niet aan Facebook.", "Wij delen gegevens via Mijn Omgeving.", "Wij geven je gegevens door aan de Rechtbank.",
    "Wij maken gebruik van Artikel 6 lid 1 sub f AVG.", "Je past dit aan via Instellingen.", "We use SSL everywhere.",
    "Wij gebruiken TLS-versleuteling.", "Jij ontvangt een bevestiging.", "Deelnemer ontvangt een e-mail van ons.",
    "We share data with Recruitment Agencies.", "We use SCCs and the EU-US Data Privacy Framework.",
])
def test_no_recipient_the_text_does_not_name(sentence: str):
    assert _recipients(f"Privacy notice\n\nSharing\n{sentence}\n", "en") == {}


def test_a_well_known_company_is_folded_into_its_product_and_joined_to_its_legal_entity():
    text = ("Privacy\n\nWho we are\nExample Shop B.V. is responsible for your data.\n\nAnalytics\nWe use Google Analytics (a Google Inc. product). Google stores the data on servers.\n"
            "We send e-mails with Mailchimp, a service of The Rocket Science Group LLC, in the United States.\n")
    found = _recipients(text, "en")
    assert list(found) == ["Google Analytics (Google Inc.)", "Mailchimp (The Rocket Science Group LLC)"]
    assert found["Mailchimp (The Rocket Science Group LLC)"]["country"] == "US"


@pytest.mark.parametrize(("text", "tools"), [
    ("Transfers\nWhen we process data outside the EEA, we agree appropriate safeguards.\n", ["appropriate_measures"]),
    ("Buiten de EU\nWe leggen afspraken over adequate veiligheidsmaatregelen vast in een verwerkersovereenkomst.\n",
     ["processor_agreement", "appropriate_measures"]),
    ("Doorgifte\nWij werken met partijen in door de Europese Commissie erkende landen met een passend beschermingsniveau. "
     "Anders gebruiken wij standaardcontractbepalingen. Wij nemen passende maatregelen.\n", ["adequacy", "scc"]),
    ("Sharing\nWe have a data processing agreement with every processor. We take appropriate measures.\n", []),
    ("Transfers\nWe do not transfer data outside the EEA, so no processor agreement covers transfers.\n", []),
])
def test_transfer_tools_organisation_wide(text: str, tools: list[str]):
    drafted = draft(f"Privacy notice\n\n{text}", "example", "en", None)
    assert [t["tool"] for t in drafted.get("transfer_tools", ())] == tools


@pytest.mark.parametrize(("text", "language"), [(ENGLISH, "en"), (DUTCH, "nl")])
def test_recipient_drafts_validate_and_quote_verbatim(text: str, language: str, tmp_path: Path):
    notice = tmp_path / "notice.txt"
    notice.write_text(text, encoding="utf-8")
    output = tmp_path / "example.yaml"
    assert main(["draft", str(notice), "--lang", language, "-o", str(output)]) == 0
    (organisation,) = load([output])
    assert organisation.recipients
    for recipient in organisation.recipients:
        for entry in [*recipient.provenance, *(p for t in recipient.transfer_tools for p in t.provenance)]:
            assert entry.quote in text


def test_labelled_bullets_subjects_and_a_country_stated_later():
    text = ("Privacyverklaring\n\nWie zijn wij\nTuincentrum Groen B.V. is verantwoordelijk.\n\n"
            "Doelen\nWij verwerken je gegevens voor de volgende doelen: Marketing, Klantenservice en Bezorging.\n\n"
            "Ontvangers\n  • Hosting: TransIP\n  • Betalingen: Mollie (Nederland)\n  • Functionele Cookies: voor je voorkeuren\n"
            "Postmark verwerkt e-mails namens ons. Sommige partijen slaan gegevens op in de Verenigde Staten.\n"
            "TransIP slaat de gegevens op in Nederland.\n")
    found = _recipients(text, "nl")
    assert list(found) == ["TransIP", "Mollie", "Postmark"]
    assert found["Mollie"]["country"] == "NL" and "country" not in found["Postmark"]
    assert found["TransIP"]["country"] == "NL"
    assert [p["quote"] for p in found["TransIP"]["provenance"]] == ["Hosting: TransIP", "TransIP slaat de gegevens op in Nederland."]


def test_a_table_cell_with_a_legal_form_and_a_bullet_that_states_a_country():
    text = ("Sub-processors of Example Ltd\n\nAbout\nExample Ltd is responsible.\n\nInfrastructure\n"
            "Sub-processor | Service | Location\nCloudflare, Inc. | content delivery | United States\n\n"
            "Support\n- Freshdesk (support tickets, India, standard contractual clauses)\n- Name (required)\n\n"
            "Other\nWe also rely on Sentry for error reports and on Stripe for payments.\n"
            "Bezorgde pakketten gaan mee met een koerier van PostNL.\n")
    found = _recipients(text, "en")
    assert list(found) == ["Cloudflare, Inc.", "Freshdesk", "Sentry", "Stripe", "PostNL"]
    assert found["Freshdesk"]["country"] == "IN" and found["Cloudflare, Inc."]["country"] == "US"


def test_bullets_a_sentence_about_recipients_introduces_and_examples_after_such_as():
    text = ("Privacyverklaring\n\nWie zijn wij\nVoorbeeld B.V. is verantwoordelijk.\n\nNieuwsbrief\n"
            "Voor deze dienst verwerken wij de volgende gegevens:\n- E-mailadres\n- Voornaam\n"
            "Wij delen je gegevens met de volgende partijen:\n- Laposta (nieuwsbrief)\n- Voys\n"
            "Wij werken ook met andere leveranciers, zoals Exact en Twinfield. Als de wet het vereist, geven wij "
            "gegevens door aan de Belastingdienst.\n")
    assert list(_recipients(text, "nl")) == ["Laposta", "Voys", "Exact", "Twinfield", "Belastingdienst"]


@pytest.mark.parametrize(("sentence", "tool"), [
    ("Wij gebruiken standaard contractuele clausules.", "scc"), ("Het EU-VS Privacyschild geldt.", "privacy_shield"),
    ("Zij vallen onder het EU-VS-gegevensprivacykader.", "eu_us_dpf"), ("Er gelden bindende bedrijfsregels.", "bcr"),
])
def test_dutch_names_of_transfer_tools(sentence: str, tool: str):
    drafted = draft(f"Privacyverklaring\n\nDoorgifte\n{sentence}\n", "example", "nl", None)
    assert [t["tool"] for t in drafted["transfer_tools"]] == [tool]


def test_explicit_consent_counts_only_where_data_leave_the_eu():
    outside = draft("Privacy\n\nTransfers\nWe transfer data outside the EEA only with your explicit consent.\n", "x", "en", None)
    assert [t["tool"] for t in outside["transfer_tools"]] == ["derogation_explicit_consent"]
    assert "transfer_tools" not in draft("Privacy\n\nHealth\nWe ask your explicit consent for health data.\n", "x", "en", None)


def test_a_table_takes_the_column_its_header_names_recipients_in():
    text = ("Cookieverklaring\n\nWie zijn wij\nVoorbeeld B.V. is verantwoordelijk.\n\nCookies\n"
            "Cookie | Aanbieder | Doel\n_ga | Google Analytics | statistieken\nPHPSESSID | website | functioneel\n\n"
            "Functionele cookies\nCookie | Doel | Looptijd\nPHPSESSID | sessie | sessie\nCONSENT | keuze | 1 jaar\n\n"
            "Wie ontvangt je gegevens\nDienst | Verwerker | Land\nHosting | TransIP | Nederland\n\n"
            "Hosting\nOnze website staat op servers van Hetzner. Wij gebruiken hiervoor ook Mollie. "
            "Onze hostingprovider Combell verzorgt de back-ups.\n")
    found = _recipients(text, "nl")
    assert list(found) == ["Google Analytics", "TransIP", "Hetzner", "Mollie", "Combell"]
    assert found["TransIP"]["country"] == "NL"


@pytest.mark.parametrize(("sentence", "tools"), [
    ("We use standard contractual clauses approved by the European Commission.", ["scc"]),
    ("Wij gebruiken door de Europese Commissie goedgekeurde modelcontracten.", ["scc"]),
    ("For countries without an adequate level of protection recognised by the European Commission we use SCCs.", ["scc"]),
    ("Where there is no adequacy decision, we rely on binding corporate rules.", ["bcr"]),
    ("The United Kingdom has an adequacy decision of the European Commission.", ["adequacy"]),
    ("We check ourselves that the country offers an adequate level of protection.", []),
])
def test_adequacy_only_where_the_commission_recognises_it(sentence: str, tools: list[str]):
    drafted = draft(f"Privacy notice\n\nTransfers\n{sentence}\n", "example", "en", None)
    assert [t["tool"] for t in drafted.get("transfer_tools", ())] == tools


def test_english_prose_names_with_a_comma_before_the_legal_form():
    text = ("Privacy Policy of Bright Lane Studio Ltd\n\nWho We Are\nBright Lane Studio Ltd is the controller.\n\n"
            "Sharing\nWe share your information with our service providers, such as hosting providers, and with "
            "our Accountants.\nPayments are handled by Stripe Payments Europe, Ltd. in Ireland. We use Calendly to "
            "schedule meetings and Zoom for video calls.\nZoom Video Communications, Inc. may transfer data to the "
            "United States under the EU Standard Contractual Clauses.\n")
    found = _recipients(text, "en")
    assert list(found) == ["Stripe Payments Europe, Ltd.", "Calendly", "Zoom"]
    assert found["Zoom"]["country"] == "US" and [t["tool"] for t in found["Zoom"]["transfer_tools"]] == ["scc"]


def test_items_of_a_list_of_processors_are_processors_and_columns_may_be_spaced():
    text = ("Privacyverklaring\n\nWie zijn wij\nVoorbeeld B.V. is verantwoordelijk.\n\nGegevens\n"
            "Wij werken met deze verwerkers:\n- Laposta (nieuwsbrief)\n\nTabel\n"
            "Naam        Doel           Land\nSendcloud   verzending     Nederland\n")
    found = _recipients(text, "nl")
    assert list(found) == ["Laposta", "Sendcloud"]
    assert found["Laposta"]["role"] == "processor" and found["Sendcloud"]["country"] == "NL"


@pytest.mark.parametrize(("sentence", "names"), [
    ("Our webshop runs on Shopify, which processes order data on our behalf.", ["Shopify"]),
    ("Onze website draait op WordPress en is gebouwd met Elementor.", ["WordPress", "Elementor"]),
    ("We process it based on Legitimate Interest.", []),
])
def test_what_a_service_runs_on(sentence: str, names: list[str]):
    assert list(_recipients(f"Privacy notice\n\nWho we are\nShop B.V. is responsible.\n\nSharing\n{sentence}\n", "en")) == names


@pytest.mark.parametrize("sentence", [
    "Wij geven nooit gegevens aan Zilveren Kruis of een andere verzekeraar voor reclame.",
    "We never share data with Acme Analytics.",
    "It works alongside tools your team may already use, such as Microsoft Teams and Slack; we do not send them any data.",
    "Het werkt naast software zoals Exact Online en AFAS; wij sturen daar geen gegevens naartoe.",
])
def test_names_in_a_sentence_that_denies_sharing_are_no_recipients(sentence: str):
    assert _recipients(f"Privacy notice\n\nSharing\n{sentence}\n", "en") == {}


@pytest.mark.parametrize(("sentence", "names"), [
    ("Wij delen gegevens met: de Belastingdienst, onze accountant Cijfermeesters B.V., onze IT-leverancier en de "
     "vervoerder die je pakket bezorgt (DHL Parcel of PostNL).", ["Belastingdienst", "Cijfermeesters B.V.", "DHL Parcel", "PostNL"]),
    ("We share data with: our accountant Ledgerly, our IT supplier and the courier who delivers your order (DPD or Evri).",
     ["Ledgerly", "DPD", "Evri"]),
])
def test_a_list_after_share_with_colon_with_categories_and_named_instances(sentence: str, names: list[str]):
    assert list(_recipients(f"Privacy notice\n\nWho we are\nShop B.V. is responsible.\n\nSharing\n{sentence}\n", "nl")) == names


@pytest.mark.parametrize(("sentence", "names"), [
    ("Je dossier staat in het patiëntendossier van Intramed, dat namens ons je gegevens opslaat.", ["Intramed"]),
    ("Afspraken maak je in de agenda van Afspraakplanner Online, die je naam en telefoonnummer verwerkt.",
     ["Afspraakplanner Online"]),
    ("Bookings go into the calendar of Slotbook, which stores your name on our behalf.", ["Slotbook"]),
    ("Klarna ontvangt je gegevens alleen als je kiest voor achteraf betalen.", ["Klarna"]),
    ("Sentry helps us find errors; it receives technical logs that may include your e-mail address.", ["Sentry"]),
    ("Onze nieuwsbrief versturen wij met Klaviyo.", ["Klaviyo"]),
    ("Bestellingen bezorgen wij met Budbee.", ["Budbee"]),
    ("Herinneringen per sms stuurt Spryng B.V. voor ons.", ["Spryng B.V."]),
    ("Intercom R&D Unlimited Company – customer support chat – Ireland", ["Intercom R&D Unlimited Company"]),
    ("Postmark (ActiveCampaign, LLC) – transactional e-mail – United States", ["Postmark (ActiveCampaign, LLC)"]),
    # a name that is the subject of a sentence but not said to receive anything, or a relative clause about the
    # organisation's own work, is no recipient
    ("Zilveren Kruis vergoedt fysiotherapie uit de aanvullende verzekering.", []),
    ("Our office is next to Temple Meads, which we chose for easy travel.", []),
    ("Onze zepen verkopen wij ook bij Bol en in de winkels van Marqt.", []),  # selling goods there sends no data
])
def test_recipients_named_as_receiving_or_processing_data(sentence: str, names: list[str]):
    text = f"Privacy notice\n\nWho we are\nShop B.V. is responsible.\n\nSub-processors\n{sentence}\n"
    assert list(_recipients(text, "nl")) == names


@pytest.mark.parametrize(("sentence", "names"), [
    ("Via de BuurtBuddy-app vraag je hulp aan.", []),  # the organisation's own app, not a recipient
    ("Je kunt ons bereiken via WhatsApp of telefoon.", []),  # a contact channel
    ("You can reach us through WhatsApp or by phone.", []),
    ("Vraag je hulp, dan geven wij met jouw toestemming je naam en telefoonnummer door aan de schuldhulpverlening van "
     "de gemeente Zwolle.", ["gemeente Zwolle"]),
    ("With your consent we pass your name to the debt advice team of the City of Leeds.", ["City of Leeds"]),
])
def test_own_apps_contact_channels_and_named_municipalities(sentence: str, names: list[str]):
    text = f"Privacy notice\n\nWho we are\nShop B.V. is responsible.\n\nSharing\n{sentence}\n"
    assert list(_recipients(text, "nl")) == names


def test_a_table_cell_naming_software_at_its_host_is_one_recipient():
    text = ("Privacy\n\nWie zijn wij\nShop B.V. is verantwoordelijk.\n\nVerwerkers\nVerwerker | Doel | Land\nNextcloud bij Hostnet B.V. | opslag van dossiers | Nederland\n"
            "Brevo | nieuwsbrief | Frankrijk\n")
    assert {r["name"]: r.get("country") for r in draft(text, "x", "nl", None)["recipients"]} == {
        "Nextcloud bij Hostnet B.V.": "NL", "Brevo": "FR"}


def test_numbered_section_headings_and_blocks_of_labelled_lines():
    from pac.draft.text import sentences

    text = ("Privacy\n\n2. Sub-processors\nWe use these.\n\nWho we share with\nThe organisations are:\n\n"
            "Organisation: Xero Limited\nWhere: United Kingdom\n\nContact\n1. Billing.\n2. Support.\n")
    assert [(s.section, s.text) for s in sentences(text)] == [
        ("2. Sub-processors", "We use these."), ("Who we share with", "The organisations are:"),
        ("Who we share with", "Organisation: Xero Limited"), ("Who we share with", "Where: United Kingdom"),
        ("Contact", "Billing."), ("Contact", "Support.")]


def test_a_block_of_labelled_lines_names_its_recipient_country_and_safeguard():
    text = ("Privacy\n\nAbout us\nNorthwind Ltd is the controller.\n\nWho we share your information with\n"
            "The organisations that receive it are:\n\n"
            "Organisation: Red Guava Pty Ltd (Cliniko)\nWhat they do: patient records\nWhere: Australia\n"
            "Safeguard: the EU Standard Contractual Clauses\n\n"
            "Organisation: Physitrack Limited\nWhere: United Kingdom\n\nWe also write to your GP.\n")
    found = _recipients(text, "en")
    assert list(found) == ["Red Guava Pty Ltd (Cliniko)", "Physitrack Limited"]
    assert found["Red Guava Pty Ltd (Cliniko)"]["country"] == "AU" and found["Physitrack Limited"]["country"] == "GB"
    assert [t["tool"] for t in found["Red Guava Pty Ltd (Cliniko)"]["transfer_tools"]] == ["scc"]
    assert "transfer_tools" not in found["Physitrack Limited"]


@pytest.mark.parametrize(("item", "names"), [
    ("onze verzekeraar, Ethias NV, als er een ongeval gebeurt;", ["Ethias NV"]),
    ("de Stad Gent, die ons subsidies geeft;", ["Stad Gent"]),
    ("het sociaal secretariaat Partena vzw, alleen voor jobstudenten;", ["Partena vzw"]),
    ("de ouders van minderjarige deelnemers.", []),
    ("onze accountant, voor de jaarrekening;", []),
    ("Zendesk, Inc. (support tickets; United States; EU-US Data Privacy Framework)", ["Zendesk, Inc."]),
])
def test_the_name_an_item_of_a_recipients_list_opens_with(item: str, names: list[str]):
    text = f"Privacy\n\nWie zijn wij\nDe Werf vzw is verantwoordelijk.\n\nOntvangers\nJouw gegevens komen terecht bij:\n- {item}\n"
    assert list(_recipients(text, "nl")) == names


@pytest.mark.parametrize(("sentence", "names"), [
    ("Uw e-mailadres wordt daarvoor aan Laposta B.V. verstrekt.", ["Laposta B.V."]),
    ("Facturen bewaren wij in Exact Online.", ["Exact Online"]),
    ("De inschrijvingen beheren we in Twizzit.", ["Twizzit"]),
    ("Foto's plaatsen we alleen met toestemming op Instagram.", ["Instagram"]),
    ("Uw aankopen houden wij bij in ons kassasysteem van Lightspeed.", ["Lightspeed"]),
    ("When your treatment is paid by an insurer, we send a summary to that insurer, for example Bupa or AXA Health.",
     ["Bupa", "AXA Health"]),
    ("Our website uses HubSpot to manage sales leads.", ["HubSpot"]),
    ("Bewaren wij gegevens in Nederland, dan blijven ze daar.", []),
])
def test_a_clause_that_says_data_go_to_a_name(sentence: str, names: list[str]):
    assert _named(sentence, "Details", "nl") == names


@pytest.mark.parametrize(("sentence", "names"), [
    ("We measure visits with Plausible Analytics, which stores no personal data.", []),
    ("We use Calendly for meetings and Plausible, which stores no personal data.", ["Calendly"]),
    ("Wij verstrekken aan Stichting Centraal Bureau Fondsenwerving alleen geanonimiseerde cijfers.", []),
    ("You can lodge a complaint with Datatilsynet, and we share your complaint with them.", []),
    ("Een klacht kun je indienen via Integritetsskyddsmyndigheten.", []),
    ("We share your data with the Tax Office as the Money Laundering Act requires.", []),
    ("Wij delen gegevens via de Wet Kinderopvang met de gemeente.", []),
])
def test_no_recipient_where_no_personal_data_go_or_a_complaint_route_or_a_law(sentence: str, names: list[str]):
    assert _named(sentence, "Sharing", "en") == names


def test_the_controllers_own_products_are_no_recipients_but_its_group_companies_are():
    text = ("Privacy\n\nWho we are\nLumen Labs AB is the controller.\n\nSharing\nWe use Lumen Insights to show your "
            "reports. Support staff of our group company Lumen Labs Inc. in Canada can read support tickets; Canada "
            "is covered by an adequacy decision of the European Commission.\n")
    drafted = draft(text, "lumen", "en", None)
    assert drafted["controller"]["legal_name"] == "Lumen Labs AB"
    assert [(r["name"], r.get("country"), [t["tool"] for t in r.get("transfer_tools", ())])
            for r in drafted["recipients"]] == [("Lumen Labs Inc.", "CA", ["adequacy"])]


def test_one_recipient_named_twice_is_drafted_once_and_two_entities_twice():
    text = ("Privacy\n\nWho we are\nShop B.V. is responsible.\n\nSharing\n"
            "Buiten Deventer bezorgt PostNL Pakketten Benelux B.V. uw pakket; wij delen daarvoor uw adres met PostNL.\n"
            "De nieuwsbrief versturen wij met Laposta. Uw e-mailadres wordt daarvoor aan Laposta B.V. verstrekt.\n"
            "Vrijwilligers plannen wij in met Google Agenda. Daarvoor delen wij hun naam met Google Ireland Limited.\n"
            "SMS goes through Twilio Ireland Limited (Ireland, with onward transfers to Twilio Inc. in the United States "
            "under the 2021 Standard Contractual Clauses).\n")
    found = _recipients(text, "nl")
    assert list(found) == ["PostNL Pakketten Benelux B.V.", "Laposta", "Google Agenda", "Twilio Ireland Limited",
                           "Twilio Inc."]
    assert found["Twilio Ireland Limited"]["country"] == "IE" and found["Twilio Inc."]["country"] == "US"


@pytest.mark.parametrize(("sentence", "names"), [
    ("Boek je via Booking.com, dan ontvangen wij je gegevens van Booking.com.", []),  # a verb first; a source
    ("Betalingen verlopen via Mollie B.V.; wij ontvangen van Mollie alleen de bevestiging.", ["Mollie B.V."]),
    ("Het register geven wij aan de politie; de gemeente Apeldoorn ontvangt alleen het aantal overnachtingen.", []),
    ("Where a recipient is outside the UK, we use the International Data Transfer Agreement.", []),
    ("Reviews vragen wij via Trustpilot A/S in Denemarken.", ["Trustpilot A/S"]),
    ("Background checks are done by uCheck Ltd for us.", ["uCheck Ltd"]),
    ("- our video lesson provider, Whereby (Video Communication Services AS, Norway);", ["Whereby"]),
])
def test_sources_counts_documents_and_more_legal_forms(sentence: str, names: list[str]):
    assert _named(sentence, "Sharing", "nl") == names


def test_a_product_takes_one_legal_entity_and_a_second_stays_its_own_recipient():
    text = ("Privacy\n\nWho we are\nShop Ltd is responsible.\n\nSharing\nWe use Intercom for chat; Intercom R&D Unlimited "
            "Company may transfer chat transcripts to Intercom, Inc. in the United States.\n")
    found = _recipients(text, "en")
    assert list(found) == ["Intercom", "Intercom, Inc."]
    assert found["Intercom, Inc."]["country"] == "US"


def test_countries_of_the_eea_and_beyond_that_notices_name():
    from pac.draft.transfers import country

    assert [country(t) for t in ("Whereby (Norway)", "in Noorwegen", "New Zealand", "Spanje", "Japan")] == [
        "NO", "NO", "NZ", "ES", "JP"]


@pytest.mark.parametrize(("sentence", "names"), [
    ("Als je verkoopt, plaatsen wij de woning met foto's en adres op Funda.", ["Funda"]),
    ("Wij kunnen gegevens melden aan de Financial Intelligence Unit-Nederland.", ["Financial Intelligence Unit-Nederland"]),
    ("- verhuurders en woningcorporaties, zoals Woonbedrijf Salland, als je huurt;", ["Woonbedrijf Salland"]),
    ("Voor de taxatie schakelen wij een taxateur in; die ontvangt het adres van de woning.", []),
    ("Payments are processed by Stripe or PayPal (Europe) S.à r.l. et Cie, S.C.A., as you choose.", ["Stripe", "PayPal"]),
    ("Parcels are delivered by An Post.", ["An Post"]),
    ("We share your data with Recruitment Agencies and the Tax Office.", []),
    ("The app is developed by Nordlicht Software GmbH in Berlin.", []),  # who made it, not who gets data
    ("De app is ontwikkeld door Appmakers B.V. uit Utrecht.", []),
])
def test_names_after_a_category_an_article_or_with_a_country_and_what_is_only_a_legal_form(sentence: str, names: list[str]):
    assert _named(sentence, "Derden", "nl") == names


def test_a_later_sentence_names_a_company_without_its_legal_form_and_an_invalid_tool_is_not_claimed():
    text = ("Privacy\n\nWho we are\nShop Ltd is responsible.\n\nService providers\nWe send marketing emails with "
            "Klaviyo, Inc. in the United States. Klaviyo relies on standard contractual clauses; our old agreement also "
            "referred to the EU-US Privacy Shield, which is no longer valid.\n")
    drafted = draft(text, "shop", "en", None)
    (klaviyo,) = drafted["recipients"]
    assert klaviyo["name"] == "Klaviyo, Inc." and [t["tool"] for t in klaviyo["transfer_tools"]] == ["scc"]
    assert "transfer_tools" not in drafted


@pytest.mark.parametrize(("sentence", "names"), [
    ("Onze financiële administratie wordt gedaan door Administratiekantoor Hendriks.", ["Administratiekantoor Hendriks"]),
    ("De nieuwsbrief wordt verstuurd met Laposta.", ["Laposta"]),
    ("Elk lid wordt aangesloten bij Gymfed, de federatie, en daarmee verzekerd bij Arena NV.", ["Gymfed", "Arena NV"]),
    ("Our accounts are examined each year by Northfield Audit LLP.", ["Northfield Audit LLP"]),
    ("Wij zijn aangesloten bij het KNGF.", []),  # no passive: a membership of the organisation, no recipient
    ("The app is maintained by Appworks Ltd but was designed by Studio Nord.", ["Appworks Ltd"]),
])
def test_the_agent_of_a_passive_is_a_recipient(sentence: str, names: list[str]):
    assert _named(sentence, "Details", "nl") == names


@pytest.mark.parametrize(("sentence", "names"), [
    ("Beoordelingen verzamelen wij met Kiyoh.", ["Kiyoh"]),
    ("De diploma's van onze trainers bezorgen we aan Sport Vlaanderen.", ["Sport Vlaanderen"]),
    ("Declaraties sturen wij naar Zorgkantoor Drenthe.", ["Zorgkantoor Drenthe"]),
    ("De incasso van onbetaalde facturen laten wij over aan Incassobureau Noordzee.", ["Incassobureau Noordzee"]),
    ("Onze zepen verkopen wij ook bij Bol.", []),  # a shop, not someone data go to
    ("Gift Aid claims go to Westgate Trust with your name.", ["Westgate Trust"]),
    ("Our membership list is kept in Google Sheets.", ["Google Sheets"]),
])
def test_inverted_dutch_verbs_with_met_aan_naar_and_data_that_go_or_are_kept(sentence: str, names: list[str]):
    assert _named(sentence, "Details", "nl") == names


@pytest.mark.parametrize(("sentence", "names"), [
    ("Drukkerij Van Hove & Zonen drukt en verstuurt ons clubblad.", ["Drukkerij Van Hove & Zonen"]),
    ("Squarespace hosts our website and the members' area.", ["Squarespace"]),
    ("Het CAK berekent dan je eigen bijdrage.", ["CAK"]),
    ("Nordwerk GmbH (Duitsland) en Nordwerk LLC (Verenigde Staten) verwerken daarbij je berichten.",
     ["Nordwerk GmbH", "Nordwerk LLC"]),
    ("Onze salarisadministratie doet Loonbureau Smit & Partners.", ["Loonbureau Smit & Partners"]),
    ("Mapbox ontvangt daarvoor alleen je postcode.", ["Mapbox"]),
    ("Sentry helps us find errors; it receives technical logs.", ["Sentry"]),
    ("Pas als je een klusser kiest, krijgt die je adres.", []),
    ("Reviews vragen wij na je verblijf.", []),
    ("Inloggen kan met je Apple ID; dan ontvangen wij je naam.", []),
    ("Beoordelingen verschijnen met je voornaam op het profiel; beoordelingen zijn openbaar.", []),
    ("Neem contact met ons op via de chat.", []),
])
def test_names_a_sentence_opens_with_as_the_subject_of_what_they_do_with_data(sentence: str, names: list[str]):
    assert _named(sentence, "Wie krijgt je gegevens", "nl") == names


def test_the_score_counts_each_named_recipient_and_names_within_names_as_whole_words(tmp_path: Path):
    """Two entities whose names differ only by a legal form the score strips ('Intercom R&D Unlimited Company',
    'Intercom, Inc.') are two facts when a declaration has both, one when it has one; 'meta' is no part of
    'metabase'."""
    from pac.draft.compare import facts, matches, unmatched

    def recipients(*names: str) -> Counter:
        path = tmp_path / "x.yaml"
        path.write_text(yaml.safe_dump({"pac": 1, "organisation": "x", "recipients": [
            {"id": f"r{i}", "name": n, "named": True, "role": "recipient", "provenance": {"section": "S", "quote": n}}
            for i, n in enumerate(names)]}), encoding="utf-8")
        return facts(load([path])[0])["recipients"]

    both, brand = recipients("Intercom R&D Unlimited Company", "Intercom, Inc."), recipients("Intercom")
    drafted = recipients("Intercom", "Intercom, Inc.")
    assert sum(both.values()) == 2 and not unmatched(drafted, both, "recipients") and not unmatched(both, drafted, "recipients")
    assert len(unmatched(drafted, brand, "recipients")) == 1  # one drafted entity more than the notice names
    assert matches("recipients", "google", "google analytics") and not matches("recipients", "meta", "metabase")


@pytest.mark.parametrize(("sentence", "names"), [
    ("Als de wet dat vraagt, verstrekken wij gegevens aan de politie of aan de Belastingdienst.", ["Belastingdienst"]),
    ("Volunteers are checked through the Disclosure and Barring Service.", ["Disclosure and Barring Service"]),
    ("Gift Aid claims go to HM Revenue and Customs with your name.", ["HM Revenue and Customs"]),
    ("Checks are done by uCheck Ltd with the Disclosure and Barring Service.", ["uCheck Ltd", "Disclosure and Barring Service"]),
    ("We use Mailchimp and Google Analytics.", ["Mailchimp", "Google Analytics"]),
    ("Inloggen kan met je Apple ID; dan ontvangen wij van Apple of Google je naam.", []),  # sources, all of them
    ("De app wordt aangeboden door Shop B.V., Stationsplein 8, 5611 AB Eindhoven.", []),  # the controller's address
    ("Wij melden een datalek aan de Autoriteit Persoonsgegevens.", []),  # the supervisory authority
])
def test_names_in_prose_lists_institutions_sources_and_addresses(sentence: str, names: list[str]):
    assert _named(sentence, "Met wie delen wij je gegevens", "nl") == names


def test_a_later_sentence_that_says_a_recipient_gets_no_personal_data_and_the_brand_in_the_title():
    text = ("Privacy Statement KlusApp\n\nShop B.V. is verantwoordelijk voor de verwerking.\n\nDelen\nWij werken samen met de gemeente Amersfoort, die ons subsidie geeft. "
            "De gemeente ontvangt alleen geanonimiseerde cijfers. Wij werken ook samen met Stichting Buurtwerk Oost, "
            "die je hulpvraag ontvangt.\n\nCookies\nCookie | Aanbieder | Doel\nkm_session | KlusApp | ingelogd blijven\n"
            "_ga | Google Ireland Limited | statistieken\n\nGroep\nOur group company KlusApp Inc. in Canada can read tickets.\n")
    assert list(_recipients(text, "nl")) == ["Stichting Buurtwerk Oost", "Google Ireland Limited", "KlusApp Inc."]


@pytest.mark.parametrize(("name", "role"), [
    ("Belastingdienst", "public_authority"), ("gemeente Puurs-Sint-Amands", "public_authority"), ("UWV", "public_authority"),
    ("GGD Drenthe", "public_authority"), ("HM Revenue and Customs", "public_authority"), ("Sport Vlaanderen", "public_authority"),
    ("Stichting Thuiszorg Oost", "recipient"), ("Centraal Beheer", "recipient"), ("Voetbal Vlaanderen", "recipient"),
])
def test_a_public_authority_is_drafted_with_its_role(name: str, role: str):
    found = _recipients(f"Privacy\n\nShop B.V. is verantwoordelijk.\n\nDelen\nWij geven je gegevens door aan {name}.\n", "nl")
    assert [(n, r["role"]) for n, r in found.items()] == [(name, role)]


@pytest.mark.parametrize(("sentence", "names"), [
    ("Je adres controleren we met een brief; die brieven verstuurt Drukwerkdeal voor ons.", ["Drukwerkdeal"]),
    ("Dit doen we vanwege ons gerechtvaardigd belang.", []),  # a verb before its subject: 'Dit' is no name
    ("Gemelde berichten worden beoordeeld door ons moderatieteam en door Moderatiebureau Waakzaam.",
     ["Moderatiebureau Waakzaam"]),
    ("Wij zijn ingeschreven bij de Kamer van Koophandel.", []),  # no Dutch passive auxiliary
    ("Je dossier staat in het tandartsprogramma Baltes.", ["Baltes"]),
    ("Röntgenfoto's laat het labo Dentalab Waasland beoordelen.", ["Dentalab Waasland"]),
    ("We use Bullhorn for records, and DocuSign handles the signing of contracts.", ["Bullhorn", "DocuSign"]),
    ("We send your CV to the employer, such as Greenacre Care Homes or the Oldfield Hotel Group.",
     ["Greenacre Care Homes", "Oldfield Hotel Group"]),
    ("Care roles need a check from the Disclosure and Barring Service, which we request through Atlantic Data Ltd.",
     ["Disclosure and Barring Service", "Atlantic Data Ltd."]),
])
def test_clause_subjects_causatives_kinds_before_names_and_institutions_in_sharing_sentences(sentence: str, names: list[str]):
    assert _named(sentence, "Wie krijgt je gegevens", "nl") == names


@pytest.mark.parametrize(("sentence", "names"), [
    ("Tusla, the Child and Family Agency, inspects our records.", ["Tusla"]),  # a subject before its apposition
    ("Our software is provided by Crannog Systems Ltd, Unit 7, Millbrook Business Park, Dublin 22, which processes "
     "the records.", ["Crannog Systems Ltd"]),  # the parts of its address are no names
    ("Het platform wordt aangeboden door ons en is ingeschreven bij de Kamer van Koophandel.", []),
    ("Je dossier staat in het systeem van Nedap N.V. Onze salarisadministratie doet Loonbureau Smit & Partners.",
     ["Nedap N.V.", "Loonbureau Smit & Partners"]),  # a clause after a full stop the sentence kept
])
def test_appositions_addresses_registers_and_clauses_after_a_legal_form(sentence: str, names: list[str]):
    assert _named(sentence, "Sharing", "en") == names


def test_a_table_names_recipients_only_under_a_recipients_header_or_heading_or_with_a_country():
    purposes = "Doel | Gegevens | Grondslag\nTrainingen | naam, e-mailadres | overeenkomst\nNieuwsbrief | e-mailadres | toestemming"
    assert _named(purposes, "Waarvoor", "nl") == []
    assert _named("Partij | Doel | Land\nMailjet | nieuwsbrief | Frankrijk", "Waarvoor", "nl") == ["Mailjet"]
    assert _named("Mailjet | nieuwsbrief | e-mail", "Met wie delen wij gegevens", "nl") == ["Mailjet"]


@pytest.mark.parametrize(("sentence", "names"), [
    ("Onze boekhouding gebeurt door Boekhoudkantoor Vermeulen BV.", ["Boekhoudkantoor Vermeulen BV"]),
    ("Ik werk in het boekhoudprogramma Moneybird.", ["Moneybird"]),  # a sole trader writes 'ik'
    ("Administratiekantoor Gelders BV doet mijn belastingaangifte.", ["Administratiekantoor Gelders BV"]),
    ("Uw dossier staat in ons systeem, dat CompuGroup Medical voor ons host.", ["CompuGroup Medical"]),
    ("Volunteer rotas are managed in Better Impact.", ["Better Impact"]),
    ("Gift Aid claims are sent to HMRC.", ["HMRC"]),
    ("Our software runs on servers of Woonsoft B.V., Stationsweg 2, 3811 MH Amersfoort.", ["Woonsoft B.V."]),
])
def test_sole_traders_relative_subjects_and_more_passives(sentence: str, names: list[str]):
    assert _named(sentence, "Delen", "nl") == names


def test_an_apposition_that_calls_a_recipient_a_public_body_gives_its_role():
    found = _recipients("Privacy\n\nShop Ltd is responsible.\n\nSharing\nTusla, the Child and Family Agency, inspects our "
                        "records.\n", "en")
    assert found["Tusla"]["role"] == "public_authority"


@pytest.mark.parametrize("sentence", [
    "Verkopen jullie mijn gegevens aan bedrijven zoals Google of Facebook?",
    "De app download je in de App Store of via Google Play.",
    "Op onze website staan links naar onze pagina's op Facebook en LinkedIn.",
])
def test_a_name_found_by_any_layout_is_no_recipient_where_a_notice_names_none(sentence: str):
    """The contexts pac.draft.services skips (a question, an app store, a link) hold for every rule's names."""
    assert _named(sentence, "Met wie delen wij gegevens?", "nl") == []


def test_a_short_name_named_again_and_a_bracketed_alias_are_the_recipient_already_drafted():
    """'Riverty' after 'Riverty GmbH' is one recipient however often it recurs; '(Brevo)' is Sendinblue's other name."""
    text = ("Wij geven je gegevens door aan Riverty GmbH. Riverty is zelf verantwoordelijk; lees de privacyverklaring "
            "van Riverty.\nSendinblue SAS (Brevo) verstuurt voor ons de nieuwsbrief.")
    assert _named(text, "Met wie delen wij gegevens?", "nl") == ["Riverty GmbH", "Sendinblue SAS"]


def test_a_table_with_a_provider_column_names_recipients_only_in_that_column():
    table = ("Cookie | Aanbieder | Doel | Bewaartermijn\n_ga | Google | statistieken met Google Analytics | 2 jaar\n"
             "_fbp | Meta | advertenties op Facebook en Instagram (marketing) | 3 maanden")
    assert _named(table, "Cookies", "nl") == ["Google", "Meta"]


def test_a_product_beside_the_legal_entity_of_its_company_is_that_entity():
    text = "Voor de statistieken van onze Instagram-pagina zijn Meta Platforms Ireland Ltd en wij gezamenlijk verantwoordelijk."
    assert _named(text, "Sociale media", "nl") == ["Meta Platforms Ireland Ltd"]


@pytest.mark.parametrize(("sentence", "section", "names"), [
    ("For a qualification from an awarding body, for example the Institute of Practical Bookkeepers, we send them "
     "your results.", "Qualifications", ["Institute of Practical Bookkeepers"]),
    ("Meldingen over een woning van een woningcorporatie, bijvoorbeeld Woonstede Wonen, sturen wij door.",
     "Met wie delen wij gegevens?", ["Woonstede Wonen"]),
    ("Onze bakkerij, bijvoorbeeld De Korenschoof, is dicht op zondag.", "Openingstijden", []),  # no sharing
])
def test_examples_in_apposition_to_a_kind_of_recipient(sentence: str, section: str, names: list[str]):
    assert _named(sentence, section, "en") == names


def test_a_list_item_opening_with_a_capitalised_possessive_and_kind_and_a_place_after_the_name():
    text = "Wij delen gegevens met:\n- Ons boekhoudkantoor, Verstraete & Co in Sint-Niklaas, verzorgt onze boekhouding."
    assert _named(text, "Met wie delen wij uw gegevens?", "nl") == ["Verstraete & Co"]


def test_a_group_company_bearing_the_controller_s_brand_is_a_recipient():
    text = "Our support team is employed by our group company Shop SA (Pty) Ltd in Cape Town."
    assert _named(text, "Who we share your information with", "en") == ["Shop SA"]


@pytest.mark.parametrize(("sentence", "names"), [
    ("Betaalt het Jeugdfonds Sport & Cultuur het lesgeld, dan wisselen wij de naam van de leerling uit met het Jeugdfonds.",
     ["Jeugdfonds"]),  # 'met' before an article and a name (the short name it is given there)
    ("Over onze resultaten rapporteren wij aan het Oranje Fonds; dat rapport bevat geen persoonsgegevens.", []),
])
def test_a_verb_with_met_before_an_article_and_a_clause_after_a_semicolon_saying_no_personal_data(sentence, names):
    assert _named(sentence, "Wie krijgen uw gegevens?", "nl") == names


def test_the_representative_in_the_union_is_no_recipient():
    text = "We have appointed DataRep Europe Ltd in Dublin as our representative under Article 27 of the EU GDPR."
    assert _named(text, "Who we share your information with", "en") == []


@pytest.mark.parametrize(("sentence", "names"), [
    ("We share only with our card payment processor, our mailing platform, and the Charity Commission for annual "
     "returns.", ["Charity Commission"]),  # items that name a kind in several words, then a name
    ("Our processors: Quillpay for card payments, Larkmail for receipts, and Brightstack for hosting.",
     ["Quillpay", "Larkmail", "Brightstack"]),  # a comma and 'and' before the last item
    ("We submit the yearly figures to the Charity Commission.", ["Charity Commission"]),
    ("De website is in technisch beheer van Webwerk Noord.", ["Webwerk Noord"]),
    ("Your answers are also available to our survey provider, Pollwise.", ["Pollwise"]),
    ("Payroll records are shared with government agencies such as HMRC.", ["HMRC"]),
    ("We use tools like Tallybird and Logwise to find errors.", ["Tallybird", "Logwise"]),
    ("We may also use Larkmail for our newsletter.", ["Larkmail"]),  # words between 'we' and its verb
    ("We do not use Larkmail.", []),
    ("Om je in te schrijven als lid van de Schaakbond Oost gebruiken we je naam.", ["Schaakbond Oost"]),
    ("If you book online through our Tallybook booking platform, we keep your name there.", ["Tallybook"]),
])
def test_prose_of_real_notices_names_recipients_in_lists_and_after_verbs(sentence: str, names: list[str]):
    assert _named(sentence, "Sharing your data", "en" if " the " in sentence or "We " in sentence else "nl") == names


@pytest.mark.parametrize(("sentence", "names"), [
    ("Our volunteers and Kindly Giving who process the card payments see your name.", ["Kindly Giving"]),
    ("Teachers who work for us can ask for their timetable.", []),  # a relative without a comma after a common noun
    ("We gebruiken hiervoor AES encryptie.", []),  # an acronym that qualifies the noun after it
    ("We send the figures to HMRC for income tax and NI calculations.", ["HMRC"]),
    ("We use Shopify, US, to run our shop.", ["Shopify"]),  # a country's abbreviation is no name
    ("De gegevens gaan via de Kasboekapplicatie naar de bank.", []),  # a program, not its maker
    ("Wij delen je gegevens met onze VA en boekhouder.", []),  # an abbreviation for a kind of helper
])
def test_relatives_without_a_comma_acronyms_before_a_noun_countries_and_programs(sentence: str, names: list[str]):
    assert _named(sentence, "Sharing your data", "en" if "We " in sentence else "nl") == names


def test_a_clause_in_a_list_item_denies_only_its_own_sentence():
    text = "Privacy\n\nWho we are\nShop B.V. is responsible.\n\nIn short\n- We never sell your data. We share it only with Larkmail.\n"
    assert list(_recipients(text, "en")) == ["Larkmail"]


def test_a_heading_without_a_blank_line_introduces_its_list_and_a_bracketed_remark_does_not():
    text = ("Privacy\n\nWho we are\nShop B.V. is responsible.\n\nDetails\nOur processors\n- Hosting: Brightstack\n"
            "- Forms: Formwise\nWe verwerken de gegevens (met onze verwerker Larkmail) voor:\n- Sponsoractiviteiten\n")
    assert list(_recipients(text, "en")) == ["Brightstack", "Formwise", "Larkmail"]


def test_a_line_that_names_a_service_over_a_sentence_about_its_privacy_terms():
    text = ("Privacy\n\nWho we are\nShop B.V. is responsible.\n\nPayments\nWe take payments online.\nQuillpay\n"
            "Their privacy policy is at https://example.org/privacy.\nCash\nWe also take cash.\n")
    assert list(_recipients(text, "en")) == ["Quillpay"]


@pytest.mark.parametrize(("name", "role"), [
    ("NHS Highland", "public_authority"), ("Sociale Verzekeringsbank", "public_authority"),
    ("Revenue Commissioners", "public_authority"), ("Charity Commission", "public_authority"),
])
def test_public_bodies_named_in_the_cited_data_file(name: str, role: str):
    found = _recipients(f"Privacy\n\nShop B.V. is verantwoordelijk.\n\nDelen\nWij geven je gegevens door aan {name}.\n", "nl")
    assert [(n, r["role"]) for n, r in found.items()] == [(name, role)]


def test_every_public_body_is_cited_by_its_own_site():
    data = yaml.safe_load((Path(__file__).parents[1] / "pac/draft/data/public_bodies.yaml").read_text("utf-8"))
    assert data["bodies"] and all(b["names"] and b["source"].startswith("https://") and b["country"] for b in data["bodies"])


def test_a_markdown_table_and_a_header_whose_cells_hold_brackets_and_slashes():
    text = ("Privacy\n\nWho we are\nShop B.V. is responsible.\n\nService providers\nThe parties below process data for us.\n\n"
            "| Vendor (legal entity) | Purpose / function | Location |\n|---|---|---|\n"
            "| Brightstack Ltd | hosting | Ireland |\n| Larkmail | e-mail | Germany |\n")
    assert list(_recipients(text, "en")) == ["Brightstack Ltd", "Larkmail"]


def test_short_lines_without_bullets_under_a_recipients_heading():
    text = ("Privacy\n\nWho we are\nShop B.V. is responsible.\n\nSubprocessors\n\nThe list of our subprocessors:\n"
            "Brightstack, hosting, Germany\nLarkmail, e-mail, Ireland\n")
    assert list(_recipients(text, "en")) == ["Brightstack", "Larkmail"]


@pytest.mark.parametrize(("sentence", "names"), [
    ("Larkmail verwerkt de gegevens namens ons.", ["Larkmail"]),  # data handled for us
    ("Larkmail processes the data on our behalf.", ["Larkmail"]),
    ("Voor de boekhouding schakelen wij Administratiekantoor De Vries in.", ["Administratiekantoor De Vries"]),
    ("De nieuwsbrief versturen wij met behulp van Larkmail.", ["Larkmail"]),
    ("Wij hebben een verwerkersovereenkomst gesloten met Brightstack.", ["Brightstack"]),
    ("Met Brightstack hebben wij een verwerkersovereenkomst gesloten.", ["Brightstack"]),
    ("We have a data processing agreement with Brightstack.", ["Brightstack"]),
    ("De salarisadministratie is uitbesteed aan Loonbureau Jansen.", ["Loonbureau Jansen"]),
    ("Wij laten de salarisadministratie verzorgen door Loonbureau Jansen.", ["Loonbureau Jansen"]),
    ("Uw dossier wordt bijgehouden in Tandplan.", ["Tandplan"]),
    ("Wij delen je adres met onze bezorger Snelkoerier.", ["Snelkoerier"]),
    ("Onze ICT-partner Netwerk Noord beheert onze systemen.", ["Netwerk Noord"]),  # the subject's kind before it
    ("We use a booking system called Tallybook.", ["Tallybook"]),
    ("Card payments are processed by Quillpay's payment partners.", ["Quillpay"]),  # the owner of a possessive
    ("Card data are handled as required by the Payment Card Council.", []),  # a passive after 'as' refers, no more
])
def test_processors_named_in_passing_in_prose(sentence: str, names: list[str]):
    english = any(word in sentence.split() for word in ("We", "the", "a"))
    assert _named(sentence, "Sharing your data" if english else "Delen met derden", "en" if english else "nl") == names
