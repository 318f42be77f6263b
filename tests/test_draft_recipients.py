"""``pac draft``: the named recipients of each layout a notice lists them in (English and Dutch), with the
countries and transfer tools stated next to them, and nothing drafted that the text does not name."""

from __future__ import annotations

from pathlib import Path

import pytest

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
